import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';
import { containsPattern } from '../platform/sql-text.js';
import type { FlagInfo, FlagKind, FlagLifetime, Variant } from './flag-documents.js';

/** A flag with its database id, for the queries of its configurations. */
export interface FlagRecord extends FlagInfo {
  id: number;
}

interface FlagRow {
  id: number;
  key: string;
  name: string;
  description: string;
  kind: FlagKind;
  variants: Variant[];
  on_variant: string;
  off_variant: string;
  tags: string[];
  owner: string;
  lifetime: FlagLifetime;
  client_side: boolean;
  archived_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, key, name, description, kind, variants, on_variant, off_variant, tags, owner, lifetime, client_side,
  archived_at, version, created_at, updated_at`;

function toFlag(row: FlagRow): FlagRecord {
  return {
    id: Number(row.id),
    key: row.key,
    name: row.name,
    description: row.description,
    kind: row.kind,
    variants: row.variants,
    onVariant: row.on_variant,
    offVariant: row.off_variant,
    tags: row.tags,
    owner: row.owner,
    lifetime: row.lifetime,
    clientSide: row.client_side,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at === null ? null : isoDate(row.archived_at),
    version: Number(row.version),
    createdAt: isoDate(row.created_at),
    updatedAt: isoDate(row.updated_at),
  };
}

/** The flag metadata people edit; the key and kind are fixed at creation. */
export type FlagFields = Pick<
  FlagInfo,
  'name' | 'description' | 'variants' | 'onVariant' | 'offVariant' | 'tags' | 'owner' | 'lifetime' | 'clientSide'
>;

export interface FlagFilter {
  /** Text in the key, name or description, ignoring case. */
  q?: string;
  /** Tags the flag must all have. */
  tags: readonly string[];
  /** Archived flags only, or active flags only. */
  archived: boolean;
  limit: number;
  /** Flags whose keys sort after this one: the cursor of the previous page. */
  after?: string;
}

/** One page of a project's flags by key; `nextCursor` fetches the next. */
export async function listFlags(db: Queryable, projectId: number, filter: FlagFilter): Promise<{ flags: FlagRecord[]; nextCursor: string | null }> {
  const { rows } = await db.query<FlagRow>(
    `SELECT ${COLUMNS} FROM flags
      WHERE project_id = $1
        AND (archived_at IS NOT NULL) = $2
        AND ($3::text IS NULL OR key ILIKE $3 OR name ILIKE $3 OR description ILIKE $3)
        AND tags @> $4::text[]
        AND ($5::text IS NULL OR key > $5)
      ORDER BY key
      LIMIT $6`,
    [projectId, filter.archived, filter.q === undefined ? null : containsPattern(filter.q), filter.tags, filter.after ?? null, filter.limit + 1],
  );
  const page = rows.slice(0, filter.limit).map(toFlag);
  return { flags: page, nextCursor: rows.length > filter.limit ? page.at(-1)!.key : null };
}

/** The flag with `key` in a project, archived or not. */
export async function findFlag(db: Queryable, projectId: number, key: string): Promise<FlagRecord | undefined> {
  const { rows } = await db.query<FlagRow>(`SELECT ${COLUMNS} FROM flags WHERE project_id = $1 AND key = $2`, [projectId, key]);
  return rows[0] === undefined ? undefined : toFlag(rows[0]);
}

/** Stores a new flag, without configurations; a duplicate key raises a unique violation. */
export async function insertFlag(db: Queryable, projectId: number, input: FlagFields & { key: string; kind: FlagKind }): Promise<FlagRecord> {
  const { rows } = await db.query<FlagRow>(
    `INSERT INTO flags (project_id, key, name, description, kind, variants, on_variant, off_variant, tags, owner, lifetime, client_side)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::text[], $10, $11, $12)
     RETURNING ${COLUMNS}`,
    [
      projectId,
      input.key,
      input.name,
      input.description,
      input.kind,
      JSON.stringify(input.variants),
      input.onVariant,
      input.offVariant,
      input.tags,
      input.owner,
      input.lifetime,
      input.clientSide,
    ],
  );
  return toFlag(rows[0]!);
}

/** Replaces a flag's metadata and raises its version. */
export async function updateFlag(db: Queryable, id: number, fields: FlagFields): Promise<FlagRecord> {
  const { rows } = await db.query<FlagRow>(
    `UPDATE flags SET name = $2, description = $3, variants = $4::jsonb, on_variant = $5, off_variant = $6, tags = $7::text[],
            owner = $8, lifetime = $9, client_side = $10, version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [
      id,
      fields.name,
      fields.description,
      JSON.stringify(fields.variants),
      fields.onVariant,
      fields.offVariant,
      fields.tags,
      fields.owner,
      fields.lifetime,
      fields.clientSide,
    ],
  );
  return toFlag(rows[0]!);
}

/** Archives or restores a flag, raising its version. */
export async function setFlagArchived(db: Queryable, id: number, archived: boolean): Promise<FlagRecord> {
  const { rows } = await db.query<FlagRow>(
    `UPDATE flags SET archived_at = CASE WHEN $2::boolean THEN now() END, version = version + 1, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [id, archived],
  );
  return toFlag(rows[0]!);
}

/** Deletes a flag and, by cascade, its configurations. */
export async function deleteFlag(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM flags WHERE id = $1', [id]);
}
