import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { coreBodyValidator } from '../platform/body-validator.js';
import type { Database } from '../platform/db.js';
import { alreadyExists, conflict, validationFailed } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { isUniqueViolation } from '../platform/pg-errors.js';
import { errorResponses, paginationQuery } from '../platform/schemas.js';
import { checkVersion, etag, expectedVersion } from '../platform/versions.js';
import { configSummaries, insertConfigs, listConfigs } from './flag-config-store.js';
import { flagChangesBody, flagListItem, flagParams, flagSchemaOut, newFlagBody, projectParams } from './flag-schemas.js';
import { type FlagFields, insertFlag, listFlags, updateFlag } from './flag-store.js';
import { BOOLEAN_VARIANTS, defaultServed, servedVariantIssues, variantIssues } from './flag-variants.js';
import { flagView, requireFlag, requireProject, shownFlag } from './lookups.js';
import { bumpSnapshotVersions } from './snapshots.js';
import { type ConfigUse, describeUses, prerequisiteUses, servedVariants } from './usages.js';

/** Splits `?tag=a&tag=b,c` into the tags a flag must all have. */
const tagsOf = (tag: string | string[] | undefined): string[] =>
  [tag ?? []]
    .flat()
    .flatMap((text) => text.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '');

/** Flags of a project: listed, created, read and edited by admins. Their per-environment configurations have routes of their own. */
export function flagRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    app.get(
      '/projects/:project/flags',
      {
        schema: {
          tags: ['flags'],
          summary: 'List flags',
          description:
            'Active flags by key, or archived ones with `archived=true`, each with whether it is on in every environment. Pages with `cursor` (the `nextCursor` of the previous page).',
          params: projectParams,
          querystring: z.strictObject({
            q: z.string().max(200).optional().describe('Text in the key, name or description, ignoring case'),
            tag: z
              .union([z.string().max(1000), z.array(z.string().max(1000)).max(50)])
              .optional()
              .describe('Repeat the parameter or separate tags with commas: flags must have all of them'),
            archived: z.enum(['true', 'false']).default('false'),
            ...paginationQuery,
          }),
          response: { 200: z.object({ flags: z.array(flagListItem), nextCursor: z.string().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const project = await requireProject(db, request.params.project);
        const query = request.query;
        const page = await listFlags(db, project.id, {
          q: query.q === undefined || query.q.trim() === '' ? undefined : query.q.trim(),
          tags: tagsOf(query.tag),
          archived: query.archived === 'true',
          limit: query.limit,
          after: query.cursor,
        });
        const summaries = await configSummaries(
          db,
          page.flags.map((flag) => flag.id),
        );
        return {
          flags: page.flags.map((flag) => ({ ...shownFlag(flag), environments: summaries.get(flag.id) ?? {} })),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.post(
      '/projects/:project/flags',
      {
        schema: {
          tags: ['flags'],
          summary: 'Create a flag',
          description:
            'Creates the flag with a configuration in every environment of the project: off, serving `offVariant`, and `onVariant` to everyone once turned on.',
          params: projectParams,
          body: newFlagBody,
          response: { 201: flagSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const actor = actorOf(principalOf(request), request.id);
        const variants = body.variants ?? (body.kind === 'boolean' ? BOOLEAN_VARIANTS.map((variant) => ({ ...variant })) : undefined);
        if (variants === undefined) throw validationFailed([{ path: 'variants', message: `is required for ${body.kind} flags`, code: 'missing' }]);
        const defaults = defaultServed(body.kind, variants);
        const served = { onVariant: body.onVariant ?? defaults.onVariant, offVariant: body.offVariant ?? defaults.offVariant };
        const issues = [...variantIssues(body.kind, variants), ...servedVariantIssues(variants, served)];
        if (issues.length > 0) throw validationFailed(issues);

        const created = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          let flag;
          try {
            flag = await insertFlag(tx, project.id, { ...body, variants, ...served });
          } catch (error) {
            if (isUniqueViolation(error)) throw alreadyExists(`Flag "${body.key}" in project "${project.key}"`);
            throw error;
          }
          await insertConfigs(tx, flag.id, project.id, served);
          await bumpSnapshotVersions(tx, project.id);
          const after = await flagView(tx, flag);
          await recordChange(tx, actor, { action: 'flag.created', resourceType: 'flag', resourceKey: flag.key, project: project.key, before: null, after });
          return after;
        });
        return reply.status(201).header('etag', etag(created.version)).send(created);
      },
    );

    app.get(
      '/projects/:project/flags/:flag',
      {
        schema: {
          tags: ['flags'],
          summary: 'Get a flag',
          description: 'The flag with its configuration in every environment. The ETag is the version of its metadata.',
          params: flagParams,
          response: { 200: flagSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const flag = await flagView(db, await requireFlag(db, project, request.params.flag));
        return reply.header('etag', etag(flag.version)).send(flag);
      },
    );

    app.patch(
      '/projects/:project/flags/:flag',
      {
        schema: {
          tags: ['flags'],
          summary: 'Edit a flag\'s metadata and variants',
          description:
            'Changes the fields given. A variant still served by a configuration, or required by another flag as a prerequisite, cannot be removed (409 names where it is used). `onVariant` and `offVariant` only affect environments added later.',
          params: flagParams,
          body: flagChangesBody,
          response: { 200: flagSchemaOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const what = `Flag "${request.params.flag}"`;
        const sent = expectedVersion(request, body.version, what);
        const actor = actorOf(principalOf(request), request.id);
        const updated = await db.transaction(async (tx) => {
          const project = await requireProject(tx, request.params.project, true);
          const flag = await requireFlag(tx, project, request.params.flag);
          checkVersion(what, sent, flag.version);
          const fields: FlagFields = {
            name: body.name ?? flag.name,
            description: body.description ?? flag.description,
            variants: body.variants ?? flag.variants,
            onVariant: body.onVariant ?? flag.onVariant,
            offVariant: body.offVariant ?? flag.offVariant,
            tags: body.tags ?? flag.tags,
            owner: body.owner ?? flag.owner,
            lifetime: body.lifetime ?? flag.lifetime,
            clientSide: body.clientSide ?? flag.clientSide,
          };
          const issues = [...(body.variants === undefined ? [] : variantIssues(flag.kind, fields.variants)), ...servedVariantIssues(fields.variants, fields)];
          if (issues.length > 0) throw validationFailed(issues);

          const configs = await listConfigs(tx, flag.id);
          const kept = new Set(fields.variants.map((variant) => variant.key));
          const removed = flag.variants.map((variant) => variant.key).filter((key) => !kept.has(key));
          if (removed.length > 0) {
            const uses: (ConfigUse & { variant: string })[] = configs.flatMap((config) =>
              servedVariants(config).map((use) => ({ ...use, flag: flag.key, environment: config.environmentKey, archived: flag.archived })),
            );
            uses.push(...(await prerequisiteUses(tx, project.id, flag.key)));
            const blocking = uses.filter((use) => removed.includes(use.variant));
            if (blocking.length > 0) {
              const names = [...new Set(blocking.map((use) => `"${use.variant}"`))].join(', ');
              throw conflict(`Variant ${names} is still used by ${describeUses(blocking)}; change those first`, { uses: blocking });
            }
          }

          const before = await flagView(tx, flag, configs);
          const after = await flagView(tx, await updateFlag(tx, flag.id, fields), configs);
          await bumpSnapshotVersions(tx, project.id);
          await recordChange(tx, actor, { action: 'flag.updated', resourceType: 'flag', resourceKey: flag.key, project: project.key, before, after });
          return after;
        });
        return reply.header('etag', etag(updated.version)).send(updated);
      },
    );
  };
}
