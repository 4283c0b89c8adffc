import type { Database, Queryable } from '../platform/db.js';

/*
 * The units whose events or first exposures changed, as every statement
 * writing or deleting them notes in `changed_units` (migration 0012). Sets
 * kept from them (journey paths, experiments' unit values) each have a
 * watermark, `current_through`: they have taken in every note written by an
 * earlier transaction. `changed_unit_watermarks` lists every set's.
 */

/** Held shared by every build and refresh of a set, exclusively by pruning: pruning then sees every set's watermark. */
const CHANGED_UNITS_LOCK = 0x6469616a;

/**
 * Keeps pruning out until the transaction ends: a set's build or refresh
 * takes it first, so that the notes it has yet to read stay.
 */
export async function holdChangedUnits(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [CHANGED_UNITS_LOCK]);
}

/**
 * Forgets changed units that every set of every kind has taken in (all of
 * them when there is no set); resolves to how many notes it removed. While
 * a set is being built or refreshed it skips (resolving to null) rather
 * than wait: a waiting exclusive lock would queue every later build,
 * refresh and read behind it, for as long as a big build takes.
 */
export async function pruneChangedUnits(db: Database): Promise<number | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [CHANGED_UNITS_LOCK]);
    if (rows[0]?.locked !== true) return null;
    const { rowCount } = await tx.query(
      `DELETE FROM changed_units
        WHERE written_by < coalesce((SELECT min(current_through) FROM changed_unit_watermarks), pg_snapshot_xmin(pg_current_snapshot()))`,
    );
    return rowCount;
  });
}
