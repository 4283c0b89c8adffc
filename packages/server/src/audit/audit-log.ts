import type { Queryable } from '../platform/db.js';
import type { Principal } from '../auth/token-store.js';

/** One change to configuration. */
export interface AuditEntry {
  id: string;
  at: Date;
  actor: { id: string; name: string };
  action: string;
  resource: { type: string; key: string; project: string | null; environment: string | null };
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** What a domain says about a change it is making, inside its own transaction. */
export interface Change {
  action: string;
  resourceType: string;
  resourceKey: string;
  project?: string | null;
  environment?: string | null;
  before: unknown;
  after: unknown;
}

/** Who made a change and through which request: taken from the authenticated request. */
export interface Actor {
  id: string;
  name: string;
  requestId: string | null;
}

export function actorOf(principal: Principal, requestId: string | null): Actor {
  return { id: `token:${principal.tokenId}`, name: principal.name, requestId };
}

/**
 * Writes one audit entry. Call it with the transaction that makes the change,
 * so both commit or neither does.
 *
 * @example
 * await db.transaction(async (tx) => { ...; await recordChange(tx, actor, { action: 'flag.created', ... }); });
 */
export async function recordChange(tx: Queryable, actor: Actor, change: Change): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_id, actor_name, action, resource_type, resource_key, project_key, environment_key, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
    [
      actor.id,
      actor.name,
      change.action,
      change.resourceType,
      change.resourceKey,
      change.project ?? null,
      change.environment ?? null,
      change.before === undefined || change.before === null ? null : JSON.stringify(change.before),
      change.after === undefined || change.after === null ? null : JSON.stringify(change.after),
      actor.requestId,
    ],
  );
}

export interface AuditFilter {
  resourceType?: string;
  resourceKey?: string;
  project?: string;
  environment?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the cursor of the previous page). */
  before?: string;
  limit: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_key: string;
  project_key: string | null;
  environment_key: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** Newest first; `nextCursor` fetches the following page. */
export async function listChanges(db: Queryable, filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text AS id, at, actor_id, actor_name, action, resource_type, resource_key, project_key, environment_key,
            before, after, request_id
       FROM audit_log
      WHERE ($1::text IS NULL OR resource_type = $1)
        AND ($2::text IS NULL OR resource_key = $2)
        AND ($3::text IS NULL OR project_key = $3)
        AND ($4::text IS NULL OR environment_key = $4)
        AND ($5::text IS NULL OR actor_id = $5 OR actor_name = $5)
        AND ($6::text IS NULL OR action = $6)
        AND ($7::timestamptz IS NULL OR at >= $7)
        AND ($8::timestamptz IS NULL OR at < $8)
        AND ($9::bigint IS NULL OR id < $9::bigint)
      -- The table's id, not the text alias above: as text, "9" would sort after "10".
      ORDER BY audit_log.id DESC
      LIMIT $10`,
    [
      filter.resourceType ?? null,
      filter.resourceKey ?? null,
      filter.project ?? null,
      filter.environment ?? null,
      filter.actor ?? null,
      filter.action ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.before ?? null,
      filter.limit + 1,
    ],
  );
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: { id: row.actor_id, name: row.actor_name },
      action: row.action,
      resource: { type: row.resource_type, key: row.resource_key, project: row.project_key, environment: row.environment_key },
      before: row.before,
      after: row.after,
      requestId: row.request_id,
    })),
    nextCursor: rows.length > filter.limit ? page.at(-1)!.id : null,
  };
}
