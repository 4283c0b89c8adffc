import type { Queryable } from '../platform/db.js';
import { type RandomBytes, type TokenKind, hashSecret, newSecret, secretHint } from './secrets.js';

/** A credential as the API shows it: never its secret or hash. */
export interface Token {
  id: number;
  kind: TokenKind;
  name: string;
  hint: string;
  projectKey: string | null;
  environmentKey: string | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Who is calling: the token that authenticated the request. */
export interface Principal {
  tokenId: number;
  name: string;
  kind: TokenKind;
  projectId: number | null;
  environmentId: number | null;
}

interface TokenRow {
  id: number;
  kind: TokenKind;
  name: string;
  hint: string;
  project_key: string | null;
  environment_key: string | null;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

const SELECT_TOKEN = `
  SELECT t.id, t.kind, t.name, t.hint, p.key AS project_key, e.key AS environment_key,
         t.created_by, t.created_at, t.revoked_at
    FROM tokens t
    LEFT JOIN projects p ON p.id = t.project_id
    LEFT JOIN environments e ON e.id = t.environment_id`;

function toToken(row: TokenRow): Token {
  return {
    id: Number(row.id),
    kind: row.kind,
    name: row.name,
    hint: row.hint,
    projectKey: row.project_key,
    environmentKey: row.environment_key,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Stores a new token and returns it with its secret, which is never available again. */
export async function createToken(
  db: Queryable,
  input: { kind: TokenKind; name: string; projectId: number | null; environmentId: number | null; createdBy: string },
  options: { secret?: string; random?: RandomBytes } = {},
): Promise<{ token: Token; secret: string }> {
  const secret = options.secret ?? newSecret(input.kind, options.random);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO tokens (kind, name, secret_hash, hint, project_id, environment_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.kind, input.name, hashSecret(secret), secretHint(secret), input.projectId, input.environmentId, input.createdBy],
  );
  const token = await findToken(db, Number(rows[0]!.id));
  return { token: token!, secret };
}

export async function findToken(db: Queryable, id: number): Promise<Token | undefined> {
  const { rows } = await db.query<TokenRow>(`${SELECT_TOKEN} WHERE t.id = $1`, [id]);
  return rows[0] === undefined ? undefined : toToken(rows[0]);
}

export async function listTokens(
  db: Queryable,
  filter: { kind?: TokenKind; includeRevoked?: boolean },
): Promise<Token[]> {
  const { rows } = await db.query<TokenRow>(
    `${SELECT_TOKEN}
      WHERE ($1::text IS NULL OR t.kind = $1) AND ($2::boolean OR t.revoked_at IS NULL)
      ORDER BY t.id`,
    [filter.kind ?? null, filter.includeRevoked ?? false],
  );
  return rows.map(toToken);
}

/** Marks a token revoked; returns it as it was before, or undefined if it does not exist. */
export async function revokeToken(db: Queryable, id: number): Promise<Token | undefined> {
  const before = await findToken(db, id);
  if (before === undefined) return undefined;
  await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  return before;
}

/** Which of the given tokens are still active: neither revoked nor deleted. */
export async function activeTokenIds(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: number }>('SELECT id FROM tokens WHERE id = ANY($1::int[]) AND revoked_at IS NULL', [ids]);
  return new Set(rows.map((row) => Number(row.id)));
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tokens WHERE kind = 'admin' AND revoked_at IS NULL");
  return Number(rows[0]?.n ?? 0);
}

/** The active token a secret belongs to. */
export async function principalForSecret(db: Queryable, secret: string): Promise<Principal | undefined> {
  const { rows } = await db.query<{ id: number; name: string; kind: TokenKind; project_id: number | null; environment_id: number | null }>(
    'SELECT id, name, kind, project_id, environment_id FROM tokens WHERE secret_hash = $1 AND revoked_at IS NULL',
    [hashSecret(secret)],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    tokenId: Number(row.id),
    name: row.name,
    kind: row.kind,
    projectId: row.project_id === null ? null : Number(row.project_id),
    environmentId: row.environment_id === null ? null : Number(row.environment_id),
  };
}

/**
 * Makes sure an admin can get in after start-up: installs `configured`
 * (DIAL_ADMIN_TOKEN) if it is not stored yet, or creates a first admin token
 * when none is active. Returns the secret of a token it created, to print once.
 */
export async function ensureAdminToken(db: Queryable, configured: string | undefined, random?: RandomBytes): Promise<string | undefined> {
  if (configured !== undefined) {
    const { rows } = await db.query('SELECT id FROM tokens WHERE secret_hash = $1', [hashSecret(configured)]);
    if (rows.length === 0) {
      await createToken(db, { kind: 'admin', name: 'DIAL_ADMIN_TOKEN', projectId: null, environmentId: null, createdBy: 'system' }, { secret: configured });
    }
    return undefined;
  }
  if ((await countActiveAdmins(db)) > 0) return undefined;
  const { secret } = await createToken(
    db,
    { kind: 'admin', name: 'First admin token', projectId: null, environmentId: null, createdBy: 'system' },
    random === undefined ? {} : { random },
  );
  return secret;
}
