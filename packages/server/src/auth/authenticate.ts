import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../platform/db.js';
import { csrfFailed, forbidden, sessionExpired, unauthorized } from '../platform/errors.js';
import type { TokenKind } from './secrets.js';
import { CSRF_HEADER, sessionCookieOf } from './session-cookie.js';
import { type SessionLookup, csrfTokenOf, findSession } from './session-store.js';
import type { PrincipalCache } from './principal-cache.js';
import { type Principal, principalForSecret } from './token-store.js';

const principals = new WeakMap<FastifyRequest, Principal>();

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const KIND_NAMES: Record<TokenKind, string> = { admin: 'an admin token', server: 'a server SDK key', client: 'a client key' };

/** Methods that change nothing, so a cross-site request can do no harm with them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const ENDED: Record<Exclude<SessionLookup, { ok: true }>['reason'], string> = {
  unknown: 'You are not signed in, or your session has ended; sign in again',
  expired: 'Your session has expired; sign in again',
  revoked: 'The admin token this session was made from has been revoked; sign in with another',
};

/** Whether a request carries the CSRF token of the session whose cookie it sent. */
export function hasCsrfToken(request: FastifyRequest, sessionSecret: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The principal of a console session cookie, or the reason it has none.
 * Writes must carry the session's CSRF token as well.
 */
async function sessionPrincipal(db: Queryable, request: FastifyRequest, secret: string): Promise<Principal> {
  const found = await findSession(db, secret);
  if (!found.ok) throw found.reason === 'unknown' ? unauthorized(ENDED.unknown) : sessionExpired(ENDED[found.reason]);
  if (!SAFE_METHODS.has(request.method) && !hasCsrfToken(request, secret)) throw csrfFailed();
  return found.session.principal;
}

export interface RequireTokenOptions {
  /** Remembers SDK keys looked up lately, so they cost no query per request. */
  principals?: PrincipalCache;
  /**
   * A query parameter that may carry the key instead of the header, for
   * browsers' EventSource, which cannot send headers. Only for client keys,
   * which are public by design.
   */
  queryKey?: string;
}

function queryKeyOf(request: FastifyRequest, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * An onRequest hook that admits only tokens of the given kinds, for the
 * routes of the plugin it is added to: as a bearer token, or as the console
 * session cookie made from an admin token. 401 without a valid credential,
 * 403 with one of the wrong kind or a cookie-authenticated write without its
 * CSRF token.
 *
 * @example
 * app.addHook('onRequest', requireToken(db, ['admin']));
 * app.addHook('onRequest', requireToken(db, ['client'], { principals, queryKey: 'key' }));
 */
export function requireToken(db: Queryable, kinds: readonly TokenKind[], options: RequireTokenOptions = {}) {
  const wanted = kinds.map((kind) => KIND_NAMES[kind]).join(' or ');
  const { principals: cache, queryKey } = options;
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const secret = bearer(request) ?? queryKeyOf(request, queryKey);
    let principal: Principal | undefined;
    if (secret !== undefined) {
      principal = cache === undefined ? await principalForSecret(db, secret) : await cache.lookup(db, secret);
      if (principal === undefined) throw unauthorized('The token is unknown or revoked');
    } else {
      const cookie = sessionCookieOf(request);
      if (cookie === undefined) throw unauthorized(`This route needs ${wanted}: send "Authorization: Bearer <token>"`);
      principal = await sessionPrincipal(db, request, cookie);
    }
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
