import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../platform/db.js';
import { forbidden, unauthorized } from '../platform/errors.js';
import type { TokenKind } from './secrets.js';
import { type Principal, principalForSecret } from './token-store.js';

const principals = new WeakMap<FastifyRequest, Principal>();

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const KIND_NAMES: Record<TokenKind, string> = { admin: 'an admin token', server: 'a server SDK key', client: 'a client key' };

/**
 * An onRequest hook that admits only tokens of the given kinds, for the
 * routes of the plugin it is added to. 401 without a valid token, 403 with
 * one of the wrong kind.
 *
 * @example
 * app.addHook('onRequest', requireToken(db, ['admin']));
 */
export function requireToken(db: Queryable, kinds: readonly TokenKind[]) {
  const wanted = kinds.map((kind) => KIND_NAMES[kind]).join(' or ');
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const secret = bearer(request);
    if (secret === undefined) throw unauthorized(`This route needs ${wanted}: send "Authorization: Bearer <token>"`);
    const principal = await principalForSecret(db, secret);
    if (principal === undefined) throw unauthorized('The token is unknown or revoked');
    if (!kinds.includes(principal.kind)) throw forbidden(`This route needs ${wanted}, not ${KIND_NAMES[principal.kind]}`);
    principals.set(request, principal);
  };
}

/** The principal `requireToken` admitted for this request. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (principal === undefined) throw unauthorized();
  return principal;
}
