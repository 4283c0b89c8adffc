import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../platform/db.js';
import { csrfFailed, forbidden, sessionExpired, unauthorized } from '../platform/errors.js';
import type { App } from '../platform/http.js';
import { errorResponses, isoDate } from '../platform/schemas.js';
import { hasCsrfToken } from './authenticate.js';
import { sessionCookieHeader, sessionCookieOf } from './session-cookie.js';
import { SESSION_MAX_SECONDS, type Session, createSession, csrfTokenOf, deleteSession, findSession, newSessionSecret } from './session-store.js';
import { findToken, principalForSecret } from './token-store.js';

const sessionSchema = z.object({
  token: z
    .object({ id: z.number(), name: z.string(), hint: z.string() })
    .describe('The admin token the session was made from'),
  csrfToken: z.string().describe('Send it as the x-csrf-token header with every change made through the session cookie'),
  expiresAt: z.string().describe('When the session ends unless it is used before'),
});

/** The session as the console sees it: who it is, and the CSRF token its writes carry. */
async function shownSession(db: Database, session: Pick<Session, 'principal' | 'expiresAt'>, secret: string) {
  const token = await findToken(db, session.principal.tokenId);
  return {
    token: { id: session.principal.tokenId, name: session.principal.name, hint: token?.hint ?? '' },
    csrfToken: csrfTokenOf(secret),
    expiresAt: isoDate(session.expiresAt),
  };
}

/** The live session of a request's cookie, or a 401 saying why there is none. */
async function currentSession(db: Database, request: FastifyRequest): Promise<{ session: Session; secret: string }> {
  const secret = sessionCookieOf(request);
  if (secret === undefined) throw unauthorized('You are not signed in');
  const found = await findSession(db, secret);
  if (found.ok) return { session: found.session, secret };
  if (found.reason === 'unknown') throw unauthorized('You are not signed in, or your session has ended; sign in again');
  throw sessionExpired(
    found.reason === 'revoked' ? 'The admin token this session was made from has been revoked; sign in with another' : 'Your session has expired; sign in again',
  );
}

/**
 * Console sign-in: an admin token is exchanged for an HttpOnly, SameSite
 * session cookie, which the other routes accept as that token. Revoking the
 * token ends its sessions.
 */
export function sessionRoutes(db: Database) {
  return async (app: App): Promise<void> => {
    app.post(
      '/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Sign in',
          description:
            'Exchanges an admin token for the `dial_session` cookie (HttpOnly, SameSite=Strict; Secure over HTTPS). It ends after 12 hours unused, after 7 days in any case, at sign-out, or when the token is revoked. Changes made with the cookie must send `csrfToken` as the x-csrf-token header.',
          security: [],
          body: z.strictObject({ token: z.string().min(1).max(500).describe('An admin token') }),
          response: { 201: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const principal = await principalForSecret(db, request.body.token.trim());
        if (principal === undefined) throw unauthorized('The token is unknown or revoked');
        if (principal.kind !== 'admin') throw forbidden('Sign in with an admin token; SDK keys cannot sign in');
        const secret = newSessionSecret();
        await createSession(db, principal.tokenId, secret);
        const found = await findSession(db, secret);
        if (!found.ok) throw unauthorized('The session could not be started');
        request.log.info({ tokenId: principal.tokenId }, 'signed in');
        return reply
          .status(201)
          .header('set-cookie', sessionCookieHeader(request, secret, SESSION_MAX_SECONDS))
          .header('cache-control', 'no-store')
          .send(await shownSession(db, found.session, secret));
      },
    );

    app.get(
      '/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Who am I',
          description: 'The session of the `dial_session` cookie, with its CSRF token: 401 when there is none or it has ended.',
          security: [],
          response: { 200: sessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { session, secret } = await currentSession(db, request);
        return reply.header('cache-control', 'no-store').send(await shownSession(db, session, secret));
      },
    );

    app.delete(
      '/session',
      {
        schema: {
          tags: ['session'],
          summary: 'Sign out',
          description: 'Ends the session of the cookie and clears it. Needs the x-csrf-token header while the session is alive.',
          security: [],
          response: { 204: z.undefined(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const secret = sessionCookieOf(request);
        if (secret !== undefined) {
          const found = await findSession(db, secret);
          if (found.ok && !hasCsrfToken(request, secret)) throw csrfFailed();
          await deleteSession(db, secret);
        }
        reply.header('set-cookie', sessionCookieHeader(request, undefined, 0));
        return reply.status(204).send();
      },
    );
  };
}
