import { validateFlag } from '@dial/core/validation';
import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { coreBodyValidator, fieldIssues } from '../platform/body-validator.js';
import type { Database } from '../platform/db.js';
import { conflict } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { listConfigs } from './flag-config-store.js';
import { flagDocument } from './flag-documents.js';
import { flagParams, flagSchemaOut, versionOnlyBody } from './flag-schemas.js';
import { deleteFlag, setFlagArchived } from './flag-store.js';
import { flagView, requireFlag, requireProject } from './lookups.js';
import { environmentReferences } from './references.js';
import { bumpSnapshotVersions } from './snapshots.js';
import { describeUses, prerequisiteUses } from './usages.js';

/**
 * The end of a flag's life: archived flags leave every snapshot but keep
 * their configurations, can be restored, and only then be deleted.
 */
export function flagLifecycleRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    app.post(
      '/projects/:project/flags/:flag/archive',
      {
        schema: {
          tags: ['flags'],
          summary: 'Archive a flag',
          description:
            'Takes the flag out of every environment\'s snapshot, so SDKs serve their default values, and freezes its configurations. Refused while an active flag requires it as a prerequisite. Send the version in If-Match or the body.',
          params: flagParams,
          body: versionOnlyBody,
          response: { 200: flagSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Flag "${request.params.flag}"`;
        const sent = expectedVersion(request, request.body?.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const archived = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const flag = await requireFlag(tx, project, request.params.flag);
          checkVersion(what, sent, flag.version);
          if (flag.archived) throw conflict(`${what} is already archived`);
          const uses = (await prerequisiteUses(tx, project.id, flag.key)).filter((use) => !use.archived);
          if (uses.length > 0) throw conflict(`${what} is a prerequisite of ${describeUses(uses)}; remove it there first`, { uses });
          const configs = await listConfigs(tx, flag.id);
          const before = await flagView(tx, flag, configs);
          const after = await flagView(tx, await setFlagArchived(tx, flag.id, true), configs);
          await bumpSnapshotVersions(tx, project.id);
          await recordChange(tx, actor, { action: 'flag.archived', resourceType: 'flag', resourceKey: flag.key, project: project.key, before, after });
          return after;
        });
        return reply.header('etag', etag(archived.version)).send(archived);
      },
    );

    app.post(
      '/projects/:project/flags/:flag/restore',
      {
        schema: {
          tags: ['flags'],
          summary: 'Restore an archived flag',
          description:
            'Serves the flag again with the configurations it had. Refused when one no longer fits its environment, e.g. a prerequisite was archived meanwhile: the details name the environment and field.',
          params: flagParams,
          body: versionOnlyBody,
          response: { 200: flagSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Flag "${request.params.flag}"`;
        const sent = expectedVersion(request, request.body?.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const restored = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const flag = await requireFlag(tx, project, request.params.flag);
          checkVersion(what, sent, flag.version);
          if (!flag.archived) throw conflict(`${what} is not archived`);
          const configs = await listConfigs(tx, flag.id);
          const problems = [];
          for (const config of configs) {
            const result = validateFlag(flagDocument(flag, config), await environmentReferences(tx, project.id, config.environmentId));
            if (!result.ok) problems.push(...fieldIssues(result.issues).map((issue) => ({ environment: config.environmentKey, ...issue })));
          }
          const first = problems[0];
          if (first !== undefined) {
            throw conflict(`${what} cannot be restored: in ${first.environment}, ${first.path}: ${first.message}`, { issues: problems });
          }
          const before = await flagView(tx, flag, configs);
          const after = await flagView(tx, await setFlagArchived(tx, flag.id, false), configs);
          await bumpSnapshotVersions(tx, project.id);
          await recordChange(tx, actor, { action: 'flag.restored', resourceType: 'flag', resourceKey: flag.key, project: project.key, before, after });
          return after;
        });
        return reply.header('etag', etag(restored.version)).send(restored);
      },
    );

    app.delete(
      '/projects/:project/flags/:flag',
      {
        schema: {
          tags: ['flags'],
          summary: 'Delete an archived flag',
          description:
            'Deletes the flag and its configurations for good. Only archived flags can be deleted, and not while another flag, even an archived one, requires it as a prerequisite. Send the version in If-Match.',
          params: flagParams,
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const what = `Flag "${request.params.flag}"`;
        const sent = expectedVersion(request, undefined, what);
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const flag = await requireFlag(tx, project, request.params.flag);
          checkVersion(what, sent, flag.version);
          if (!flag.archived) throw conflict(`${what} is active; archive it before deleting it`);
          const uses = await prerequisiteUses(tx, project.id, flag.key);
          if (uses.length > 0) throw conflict(`${what} is a prerequisite of ${describeUses(uses)}; remove it there first`, { uses });
          const before = await flagView(tx, flag);
          // Archived, so in no snapshot: deleting it changes none.
          await deleteFlag(tx, flag.id);
          await recordChange(tx, actor, { action: 'flag.deleted', resourceType: 'flag', resourceKey: flag.key, project: project.key, before, after: null });
        });
        return reply.status(204).send();
      },
    );
  };
}
