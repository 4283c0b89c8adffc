import { z } from 'zod';
import { actorOf, recordChange } from '../audit/audit-log.js';
import { findEnvironment, findProject } from '../flags/projects.js';
import type { Database } from '../platform/db.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses, isoDate, name } from '../platform/schemas.js';
import { principalOf, requireToken } from './authenticate.js';
import type { PrincipalCache } from './principal-cache.js';
import { TOKEN_KINDS } from './secrets.js';
import { countActiveAdmins, createToken, findToken, listTokens, revokeToken, type Token } from './token-store.js';

const tokenSchema = z.object({
  id: z.number(),
  kind: z.enum(TOKEN_KINDS),
  name: z.string(),
  hint: z.string().describe('The prefix and last four characters of the secret'),
  project: z.string().nullable(),
  environment: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const shown = (token: Token) => ({
  id: token.id,
  kind: token.kind,
  name: token.name,
  hint: token.hint,
  project: token.projectKey,
  environment: token.environmentKey,
  createdBy: token.createdBy,
  createdAt: isoDate(token.createdAt),
  revokedAt: token.revokedAt === null ? null : isoDate(token.revokedAt),
});

/**
 * Admin tokens, server SDK keys and client keys: created, listed and revoked
 * by admins. A revoked key is forgotten by this process's `principals` at
 * once; other replicas forget it when they hear the revocation's NOTIFY.
 */
export function tokenRoutes(db: Database, principals?: PrincipalCache) {
  return async (app: App): Promise<void> => {
    app.addHook('onRequest', requireToken(db, ['admin']));

    app.get(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'List tokens',
          description: 'Secrets are never shown again after creation; `hint` identifies a token.',
          querystring: z.object({ kind: z.enum(TOKEN_KINDS).optional(), includeRevoked: z.enum(['true', 'false']).optional() }),
          response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const tokens = await listTokens(db, { kind: request.query.kind, includeRevoked: request.query.includeRevoked === 'true' });
        return { tokens: tokens.map(shown) };
      },
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Create a token',
          description:
            'Admin tokens manage everything. Server SDK keys read one environment\'s snapshot; client keys evaluate flags for one context in one environment and are safe in a browser. The secret is in this response only.',
          body: z.strictObject({
            kind: z.enum(TOKEN_KINDS),
            name,
            project: z.string().optional().describe('For server and client keys'),
            environment: z.string().optional().describe('For server and client keys'),
          }),
          response: { 201: z.object({ token: tokenSchema, secret: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { kind, name: tokenName, project: projectKey, environment: environmentKey } = request.body;
        const actor = actorOf(principalOf(request), request.id);
        // Server and client keys belong to one environment; admin tokens to none.
        const issues = (['project', 'environment'] as const).flatMap((field) => {
          const given = request.body[field] !== undefined;
          if (kind === 'admin' && given) return [{ path: field, message: 'must be left out: admin tokens are not tied to a project or environment' }];
          if (kind !== 'admin' && !given) return [{ path: field, message: `is required: a ${kind} key belongs to one environment of one project` }];
          return [];
        });
        if (issues.length > 0) throw validationFailed(issues);
        const created = await db.transaction(async (tx) => {
          let projectId: number | null = null;
          let environmentId: number | null = null;
          if (projectKey !== undefined && environmentKey !== undefined) {
            const project = await findProject(tx, projectKey);
            if (project === undefined) throw notFound(`Project "${projectKey}"`);
            const environment = await findEnvironment(tx, project.id, environmentKey);
            if (environment === undefined) throw notFound(`Environment "${environmentKey}" in project "${projectKey}"`);
            projectId = project.id;
            environmentId = environment.id;
          }
          const result = await createToken(tx, { kind, name: tokenName, projectId, environmentId, createdBy: actor.name });
          await recordChange(tx, actor, {
            action: 'token.created',
            resourceType: 'token',
            resourceKey: String(result.token.id),
            project: projectKey ?? null,
            environment: environmentKey ?? null,
            before: null,
            after: shown(result.token),
          });
          return result;
        });
        return reply.status(201).send({ token: shown(created.token), secret: created.secret });
      },
    );

    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Revoke a token',
          description: 'Takes effect at once. The last active admin token cannot be revoked.',
          // Token ids are PostgreSQL integers: a larger number cannot name one.
          params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(principalOf(request), request.id);
        await db.transaction(async (tx) => {
          // Serialize revocations so two admins cannot each revoke the other's last token.
          await tx.query('LOCK TABLE tokens IN SHARE ROW EXCLUSIVE MODE');
          const before = await revokeToken(tx, request.params.id);
          if (before === undefined) throw notFound(`Token ${request.params.id}`);
          if (before.revokedAt !== null) return;
          if (before.kind === 'admin' && (await countActiveAdmins(tx)) === 0) {
            throw conflict('This is the last active admin token; create another before revoking it');
          }
          const after = (await findToken(tx, before.id))!;
          await recordChange(tx, actor, {
            action: 'token.revoked',
            resourceType: 'token',
            resourceKey: String(before.id),
            project: before.projectKey,
            environment: before.environmentKey,
            before: shown(before),
            after: shown(after),
          });
        });
        principals?.forgetToken(request.params.id);
        return reply.status(204).send();
      },
    );
  };
}
