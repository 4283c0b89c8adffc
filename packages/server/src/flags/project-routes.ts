import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import type { Database, Queryable } from '../platform/db.js';
import { alreadyExists, conflict, notFound } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import { description, errorResponses, name, resourceKey, version } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import {
  countProjectContents,
  deleteEnvironment,
  deleteProject,
  findEnvironment,
  findProject,
  insertEnvironment,
  insertProject,
  listEnvironments,
  listProjects,
  seedFlagConfigs,
  updateEnvironment,
  updateProject,
  type Environment,
} from './projects.js';
import { bumpSnapshotVersions } from './snapshots.js';

const timestamps = { createdAt: z.string(), updatedAt: z.string() };
export const environmentSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  corsOrigins: z.array(z.string()).describe('Web origins allowed to call the client endpoints (`/sdk/evaluate`, `/sdk/client-stream`): `*` for any'),
  version: z.number(),
  ...timestamps,
});
export const projectSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  eventRetentionDays: z.number().int().describe('Days events and first exposures are kept, by when they occurred; a background job deletes older ones'),
  version: z.number(),
  ...timestamps,
});

/** Kept at least a day, at most ten years. */
const eventRetentionDays = z
  .number()
  .int()
  .min(1)
  .max(3650)
  .describe('Days to keep events and first exposures, from 1 to 3650 (default 90); older ones are deleted by a background job');
const projectWithEnvironments = projectSchema.extend({ environments: z.array(environmentSchema) });

const newEnvironment = z.strictObject({
  key: resourceKey('Environment'),
  name,
  description: description.default(''),
});

const projectParams = z.object({ project: z.string() });
const environmentParams = z.object({ project: z.string(), environment: z.string() });

/**
 * Whether `text` is an origin as browsers send it in an `Origin` header:
 * http or https, a lowercase host, a port only when not the default, no path.
 *
 * @example
 * isOrigin('https://app.example.com'); // true
 * isOrigin('https://app.example.com/'); // false
 */
export function isOrigin(text: string): boolean {
  if (!/^https?:\/\//.test(text)) return false;
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

const corsOrigins = z
  .array(
    z
      .string()
      .max(2048)
      .refine((entry) => entry === '*' || isOrigin(entry), 'must be "*" or an origin such as "https://app.example.com": scheme, lowercase host and port, no path or trailing slash'),
  )
  .max(100)
  .transform((list) => [...new Set(list)])
  .describe('`["*"]` allows every origin; `[]` none. Browsers from other origins get 403 origin_not_allowed.');

const publicEnvironment = ({ key, name, description, corsOrigins, version, createdAt, updatedAt }: Environment): Environment => ({
  key,
  name,
  description,
  corsOrigins,
  version,
  createdAt,
  updatedAt,
});

/**
 * Projects and their environments, for admin tokens. Deleting an environment
 * revokes its keys: `principals` forgets them at once in this process.
 */
export function projectRoutes(db: Database, principals?: PrincipalCache) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));

    const loadProject = async (key: string, tx: Queryable = db, lock = false) => {
      const project = await findProject(tx, key, lock);
      if (project === undefined) throw notFound(`Project "${key}"`);
      return project;
    };

    app.get(
      '/projects',
      { schema: { tags: ['projects'], summary: 'List projects', response: { 200: z.object({ projects: z.array(projectSchema) }) } } },
      async () => ({ projects: await listProjects(db) }),
    );

    app.post(
      '/projects',
      {
        schema: {
          tags: ['projects'],
          summary: 'Create a project',
          description: 'Creates the project with the given environments, or with `production` alone.',
          body: z.strictObject({
            key: resourceKey('Project'),
            name,
            description: description.default(''),
            eventRetentionDays: eventRetentionDays.optional(),
            environments: z.array(newEnvironment).min(1).max(50).optional(),
          }),
          response: { 201: projectWithEnvironments, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = actorOf(principalOf(request), request.id);
        const environments = body.environments ?? [{ key: 'production', name: 'Production', description: '' }];
        const keys = new Set(environments.map((e) => e.key));
        if (keys.size !== environments.length) throw conflict('Two environments of the new project have the same key');
        const created = await db.transaction(async (tx) => {
          let project;
          try {
            project = await insertProject(tx, body);
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Project "${body.key}"`);
            throw error;
          }
          const envs = [];
          for (const environment of environments) envs.push(publicEnvironment(await insertEnvironment(tx, project.id, environment)));
          const { id: _id, ...shown } = project;
          const result = { ...shown, environments: envs };
          await recordChange(tx, actor, { action: 'project.created', resourceType: 'project', resourceKey: body.key, project: body.key, before: null, after: result });
          return result;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project',
      { schema: { tags: ['projects'], summary: 'Get a project', params: projectParams, response: { 200: projectWithEnvironments, ...errorResponses } } },
      async (request, reply) => {
        const { id, ...project } = await loadProject(request.params.project);
        const environments = (await listEnvironments(db, id)).map(publicEnvironment);
        return reply.header('etag', etag(project.version)).send({ ...project, environments });
      },
    );

    app.patch(
      '/projects/:project',
      {
        schema: {
          tags: ['projects'],
          summary: 'Rename or describe a project, or set how long its events are kept',
          params: projectParams,
          body: z.strictObject({
            name: name.optional(),
            description: description.optional(),
            eventRetentionDays: eventRetentionDays.optional(),
            version: version.optional(),
          }),
          response: { 200: projectSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Project "${request.params.project}"`;
        const sent = expectedVersion(request, request.body.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const updated = await db.transaction(async (tx) => {
          const { id, ...before } = await loadProject(request.params.project, tx, true);
          checkVersion(what, sent, before.version);
          const after = await updateProject(tx, id, {
            name: request.body.name ?? before.name,
            description: request.body.description ?? before.description,
            eventRetentionDays: request.body.eventRetentionDays ?? before.eventRetentionDays,
          });
          await recordChange(tx, actor, { action: 'project.updated', resourceType: 'project', resourceKey: before.key, project: before.key, before, after });
          return after;
        });
        return reply.header('etag', etag(updated.version)).send(updated);
      },
    );

    app.delete(
      '/projects/:project',
      {
        schema: {
          tags: ['projects'],
          summary: 'Delete an empty project',
          description: 'Refused while the project has flags or segments. Send the version in If-Match.',
          params: projectParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Project "${request.params.project}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        const environments = await db.transaction(async (tx) => {
          const { id, ...before } = await loadProject(request.params.project, tx, true);
          checkVersion(what, sent, before.version);
          const contents = await countProjectContents(tx, id);
          if (contents.flags > 0 || contents.segments > 0) {
            throw conflict(`${what} still has ${contents.flags} flags and ${contents.segments} segments; delete them first`, contents);
          }
          const deleted = await listEnvironments(tx, id);
          await deleteProject(tx, id);
          await recordChange(tx, actor, { action: 'project.deleted', resourceType: 'project', resourceKey: before.key, project: before.key, before, after: null });
          return deleted;
        });
        for (const environment of environments) principals?.forgetEnvironment(environment.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/projects/:project/environments',
      {
        schema: {
          tags: ['environments'],
          summary: 'List the environments of a project',
          params: projectParams,
          response: { 200: z.object({ environments: z.array(environmentSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await loadProject(request.params.project);
        return { environments: (await listEnvironments(db, project.id)).map(publicEnvironment) };
      },
    );

    app.post(
      '/projects/:project/environments',
      {
        schema: {
          tags: ['environments'],
          summary: 'Add an environment',
          description: 'Every flag gets a configuration in it: copied from `copyFrom` when given, otherwise off.',
          params: projectParams,
          body: newEnvironment.extend({ copyFrom: z.string().optional() }),
          response: { 201: environmentSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(principalOf(request), request.id);
        const { copyFrom, ...input } = request.body;
        const created = await db.transaction(async (tx) => {
          const project = await loadProject(request.params.project, tx, true);
          let sourceId: number | undefined;
          if (copyFrom !== undefined) {
            const source = await findEnvironment(tx, project.id, copyFrom);
            if (source === undefined) throw notFound(`Environment "${copyFrom}" (copyFrom)`);
            sourceId = source.id;
          }
          let environment;
          try {
            environment = await insertEnvironment(tx, project.id, input);
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Environment "${input.key}" in project "${project.key}"`);
            throw error;
          }
          await seedFlagConfigs(tx, project.id, environment.id, sourceId);
          const after = publicEnvironment(environment);
          await recordChange(tx, actor, {
            action: 'environment.created',
            resourceType: 'environment',
            resourceKey: after.key,
            project: project.key,
            environment: after.key,
            before: null,
            after: copyFrom === undefined ? after : { ...after, copiedFrom: copyFrom },
          });
          return after;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/environments/:environment',
      { schema: { tags: ['environments'], summary: 'Get an environment', params: environmentParams, response: { 200: environmentSchema, ...errorResponses } } },
      async (request, reply) => {
        const project = await loadProject(request.params.project);
        const environment = await findEnvironment(db, project.id, request.params.environment);
        if (environment === undefined) throw notFound(`Environment "${request.params.environment}"`);
        return reply.header('etag', etag(environment.version)).send(publicEnvironment(environment));
      },
    );

    app.patch(
      '/projects/:project/environments/:environment',
      {
        schema: {
          tags: ['environments'],
          summary: 'Rename or describe an environment, or set its CORS origins',
          description:
            'Changes the fields given. `corsOrigins` names the web origins whose browsers may call the client endpoints with this environment\'s client keys.',
          params: environmentParams,
          body: z.strictObject({ name: name.optional(), description: description.optional(), corsOrigins: corsOrigins.optional(), version: version.optional() }),
          response: { 200: environmentSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Environment "${request.params.environment}"`;
        const sent = expectedVersion(request, request.body.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const updated = await db.transaction(async (tx) => {
          const project = await loadProject(request.params.project, tx);
          const found = await findEnvironment(tx, project.id, request.params.environment, true);
          if (found === undefined) throw notFound(what);
          const before = publicEnvironment(found);
          checkVersion(what, sent, before.version);
          const corsOrigins = request.body.corsOrigins ?? before.corsOrigins;
          const after = publicEnvironment(
            await updateEnvironment(tx, found.id, {
              name: request.body.name ?? before.name,
              description: request.body.description ?? before.description,
              corsOrigins,
            }),
          );
          // Servers hold the origins with the snapshot: a new version makes every replica reload them.
          if (corsOrigins.join('\n') !== before.corsOrigins.join('\n')) await bumpSnapshotVersions(tx, project.id, found.id);
          await recordChange(tx, actor, {
            action: 'environment.updated',
            resourceType: 'environment',
            resourceKey: before.key,
            project: project.key,
            environment: before.key,
            before,
            after,
          });
          return after;
        });
        return reply.header('etag', etag(updated.version)).send(updated);
      },
    );

    app.delete(
      '/projects/:project/environments/:environment',
      {
        schema: {
          tags: ['environments'],
          summary: 'Delete an environment',
          description: "Deletes its flag configurations and revokes its SDK keys. A project keeps at least one environment. Send the version in If-Match.",
          params: environmentParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Environment "${request.params.environment}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        const environmentId = await db.transaction(async (tx) => {
          const project = await loadProject(request.params.project, tx, true);
          const found = await findEnvironment(tx, project.id, request.params.environment, true);
          if (found === undefined) throw notFound(what);
          checkVersion(what, sent, found.version);
          if ((await listEnvironments(tx, project.id)).length === 1) throw conflict(`${what} is the last environment of project "${project.key}"`);
          await deleteEnvironment(tx, found.id);
          await recordChange(tx, actor, {
            action: 'environment.deleted',
            resourceType: 'environment',
            resourceKey: found.key,
            project: project.key,
            environment: found.key,
            before: publicEnvironment(found),
            after: null,
          });
          return found.id;
        });
        principals?.forgetEnvironment(environmentId);
        return reply.status(204).send();
      },
    );
  };
}
