import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../platform/db.js';
import { type RandomBytes, hashSecret } from './secrets.js';
import type { Principal } from './token-store.js';

/** A session ends after this long unused… */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** …and after this long in any case, so a stolen cookie cannot be kept alive forever. */
export const SESSION_MAX_SECONDS = 7 * 24 * 60 * 60;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_SECONDS = 60;

/** A signed-in console: the admin token it was made from, and when it ends unless used. */
export interface Session {
  id: number;
  principal: Principal;
  createdAt: Date;
  expiresAt: Date;
}

/** Why a cookie did not authenticate: unknown to us, or known but over. */
export type SessionLookup = { ok: true; session: Session } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/** 32 random bytes, base64url: the cookie's value. */
export function newSessionSecret(random: RandomBytes = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}

/**
 * The CSRF token of a session, derived from its secret: a page that can read
 * our responses gets it, a cross-site form cannot, and nothing more is stored.
 *
 * @example
 * request.headers['x-csrf-token'] === csrfTokenOf(cookieSecret)
 */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('dial csrf').digest('base64url');
}

interface SessionRow {
  id: number;
  created_at: Date;
  expires_at: Date;
  expired: boolean;
  stale: boolean;
  token_id: number;
  name: string;
  kind: Principal['kind'];
  project_id: number | null;
  environment_id: number | null;
  revoked_at: Date | null;
}

const EXPIRES_AT = `least(s.last_seen_at + make_interval(secs => ${SESSION_IDLE_SECONDS}), s.created_at + make_interval(secs => ${SESSION_MAX_SECONDS}))`;

/** Stores a session for an active admin token; also forgets sessions that are over. */
export async function createSession(db: Queryable, tokenId: number, secret: string): Promise<void> {
  await db.query(`DELETE FROM sessions s WHERE ${EXPIRES_AT} <= now()`);
  await db.query('INSERT INTO sessions (secret_hash, token_id) VALUES ($1, $2)', [hashSecret(secret), tokenId]);
}

/** The session a cookie's secret belongs to, kept alive by this use. */
export async function findSession(db: Queryable, secret: string): Promise<SessionLookup> {
  const { rows } = await db.query<SessionRow>(
    `SELECT s.id, s.created_at, ${EXPIRES_AT} AS expires_at, ${EXPIRES_AT} <= now() AS expired,
            s.last_seen_at < now() - make_interval(secs => ${TOUCH_SECONDS}) AS stale,
            t.id AS token_id, t.name, t.kind, t.project_id, t.environment_id, t.revoked_at
       FROM sessions s JOIN tokens t ON t.id = s.token_id
      WHERE s.secret_hash = $1`,
    [hashSecret(secret)],
  );
  const row = rows[0];
  if (row === undefined) return { ok: false, reason: 'unknown' };
  if (row.revoked_at !== null || row.expired) {
    await db.query('DELETE FROM sessions WHERE id = $1', [row.id]);
    return { ok: false, reason: row.revoked_at !== null ? 'revoked' : 'expired' };
  }
  let expiresAt = row.expires_at;
  if (row.stale) {
    const touched = await db.query<{ expires_at: Date }>(
      `UPDATE sessions s SET last_seen_at = now() WHERE id = $1 RETURNING ${EXPIRES_AT} AS expires_at`,
      [row.id],
    );
    expiresAt = touched.rows[0]?.expires_at ?? expiresAt;
  }
  return {
    ok: true,
    session: {
      id: Number(row.id),
      createdAt: row.created_at,
      expiresAt,
      principal: {
        tokenId: Number(row.token_id),
        name: row.name,
        kind: row.kind,
        projectId: row.project_id === null ? null : Number(row.project_id),
        environmentId: row.environment_id === null ? null : Number(row.environment_id),
      },
    },
  };
}

/** Ends one session (sign-out). */
export async function deleteSession(db: Queryable, secret: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE secret_hash = $1', [hashSecret(secret)]);
}
