import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit-log.js';
import { principalOf, requireToken } from '../auth/authenticate.js';
import { coreBodyValidator } from '../platform/body-validator.js';
import type { Database } from '../platform/db.js';
import { notFound } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses } from '../platform/schemas.js';
import { etag, expectedVersion } from '../platform/versions.js';
import { type ConfigTarget, editFlagConfig } from './flag-config-edit.js';
import { findConfig, shownConfig } from './flag-config-store.js';
import type { FlagConfig, FlagSettings } from './flag-documents.js';
import { configBody, configChangesBody, configParams, configSchema } from './flag-schemas.js';
import { requireEnvironment, requireFlag, requireProject } from './lookups.js';

const VALIDATION =
  'The resulting flag is validated against the same environment: segments must exist, prerequisites must be active flags with the variant named, and prerequisite chains must have no cycle and be at most 10 deep. Errors name the field as a JSON path into the body, such as `rules[0].when[1].op`.';

/** One flag's configuration per environment: what it serves to whom. Edits are validated as SDKs will evaluate them. */
export function flagConfigRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));
    app.setValidatorCompiler(coreBodyValidator);

    /** Applies an edit to one configuration at the version the request names, in one transaction. */
    const saveConfig = async (
      request: FastifyRequest,
      params: ConfigTarget,
      bodyVersion: number | undefined,
      edit: (current: FlagSettings) => FlagSettings,
    ): Promise<FlagConfig> => {
      const sent = expectedVersion(request, bodyVersion, `Flag "${params.flag}" in environment "${params.environment}"`);
      const actor = actorOf(principalOf(request), request.id);
      return db.transaction((tx) => editFlagConfig(tx, actor, params, sent, edit));
    };

    app.get(
      '/projects/:project/flags/:flag/environments/:environment',
      {
        schema: {
          tags: ['flag configurations'],
          summary: 'Get a flag\'s configuration in one environment',
          description: 'The ETag is the version of this configuration.',
          params: configParams,
          response: { 200: configSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const project = await requireProject(db, request.params.project);
        const flag = await requireFlag(db, project, request.params.flag);
        const environment = await requireEnvironment(db, project, request.params.environment);
        const config = await findConfig(db, flag.id, environment.id);
        if (config === undefined) throw notFound(`Flag "${flag.key}" in environment "${environment.key}"`);
        return reply.header('etag', etag(config.version)).send(shownConfig(config));
      },
    );

    app.put(
      '/projects/:project/flags/:flag/environments/:environment',
      {
        schema: {
          tags: ['flag configurations'],
          summary: 'Replace a flag\'s configuration in one environment',
          description: `Rules, prerequisites and serves are those of FLAGS.md. ${VALIDATION} Send the version in If-Match or the body.`,
          params: configParams,
          body: configBody,
          response: { 200: configSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, prerequisites, ...rest } = request.body;
        const saved = await saveConfig(request, request.params, version, () => ({ ...rest, prerequisites: prerequisites ?? [] }));
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );

    app.patch(
      '/projects/:project/flags/:flag/environments/:environment',
      {
        schema: {
          tags: ['flag configurations'],
          summary: 'Change part of a flag\'s configuration in one environment',
          description: `Replaces the top-level fields given and keeps the others: \`{ "enabled": false, "version": 7 }\` is a kill switch. ${VALIDATION}`,
          params: configParams,
          body: configChangesBody,
          response: { 200: configSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { version, ...changes } = request.body;
        const saved = await saveConfig(request, request.params, version, (current) => ({
          enabled: changes.enabled ?? current.enabled,
          offVariant: changes.offVariant ?? current.offVariant,
          prerequisites: changes.prerequisites ?? current.prerequisites,
          rules: changes.rules ?? current.rules,
          fallthrough: changes.fallthrough ?? current.fallthrough,
        }));
        return reply.header('etag', etag(saved.version)).send(saved);
      },
    );
  };
}
