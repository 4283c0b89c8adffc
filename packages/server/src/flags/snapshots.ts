import type { Flag, Segment } from '@dial/core';
import type { Queryable } from '../platform/db.js';
import { flagDocument, segmentDocument, type FlagSettings, type ValidCondition, type Variant } from './flag-documents.js';

/** What a server-side SDK downloads for one environment (FLAGS.md), with its version always set. */
export interface EnvironmentSnapshot {
  version: number;
  flags: Flag[];
  segments: Segment[];
}

/**
 * Marks the snapshots of a project's environments, or of one of them, as
 * changed. Call it in the transaction of every change to what they serve,
 * so a reader that sees a new version also sees the change.
 *
 * @example
 * await bumpSnapshotVersions(tx, project.id); // a segment changed: every environment
 * await bumpSnapshotVersions(tx, project.id, environment.id); // one configuration changed
 */
export async function bumpSnapshotVersions(db: Queryable, projectId: number, environmentId?: number): Promise<void> {
  await db.query('UPDATE environments SET snapshot_version = snapshot_version + 1 WHERE project_id = $1 AND ($2::int IS NULL OR id = $2)', [
    projectId,
    environmentId ?? null,
  ]);
}

/**
 * What an environment serves to server and client SDKs at one version: the
 * snapshot, the keys of its flags that client keys may evaluate, and the web
 * origins allowed to call its client endpoints.
 */
export interface ServedEnvironment {
  snapshot: EnvironmentSnapshot;
  /** Keys of the snapshot's flags marked client-side, sorted. */
  clientSideFlags: string[];
  corsOrigins: string[];
}

/**
 * The snapshot an environment serves: its active flags and the project's
 * segments, sorted by key, read in one statement so the version always
 * matches the contents. Undefined when the environment is not in the project.
 *
 * @example
 * const snapshot = await loadSnapshot(db, principal.projectId, principal.environmentId);
 * CompiledSnapshot.compile(snapshot).evaluate('checkout-v2', { key: 'user-1' });
 */
export async function loadSnapshot(db: Queryable, projectId: number, environmentId: number): Promise<EnvironmentSnapshot | undefined> {
  return (await loadServedEnvironment(db, projectId, environmentId))?.snapshot;
}

/**
 * The snapshot with what client keys may see of it, read in the same
 * statement so the client-side flags and origins belong to its version.
 *
 * @example
 * const served = await loadServedEnvironment(db, projectId, environmentId);
 * served?.clientSideFlags; // ['banner', 'new-checkout']
 */
export async function loadServedEnvironment(db: Queryable, projectId: number, environmentId: number): Promise<ServedEnvironment | undefined> {
  const { rows } = await db.query<{
    version: string | number;
    flags: ({ key: string; variants: Variant[]; clientSide: boolean } & FlagSettings)[];
    segments: { key: string; include: string[]; exclude: string[]; rules: ValidCondition[][] }[];
    cors_origins: string[];
  }>(
    `SELECT e.snapshot_version AS version, e.cors_origins,
            (SELECT coalesce(json_agg(json_build_object(
                      'key', f.key, 'variants', f.variants, 'enabled', c.enabled, 'offVariant', c.off_variant,
                      'prerequisites', c.prerequisites, 'rules', c.rules, 'fallthrough', c.fallthrough,
                      'clientSide', f.client_side) ORDER BY f.key), '[]'::json)
               FROM flags f JOIN flag_configs c ON c.flag_id = f.id AND c.environment_id = e.id
              WHERE f.project_id = e.project_id AND f.archived_at IS NULL) AS flags,
            (SELECT coalesce(json_agg(json_build_object(
                      'key', s.key, 'include', s.include, 'exclude', s.exclude, 'rules', s.rules) ORDER BY s.key), '[]'::json)
               FROM segments s
              WHERE s.project_id = e.project_id) AS segments
       FROM environments e
      WHERE e.id = $2 AND e.project_id = $1`,
    [projectId, environmentId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    snapshot: {
      version: Number(row.version),
      flags: row.flags.map((flag) => flagDocument(flag, flag)),
      segments: row.segments.map(segmentDocument),
    },
    clientSideFlags: row.flags.filter((flag) => flag.clientSide).map((flag) => flag.key),
    corsOrigins: row.cors_origins,
  };
}

/**
 * The version an environment's snapshot is at: a cheap check of whether a
 * cached copy is current. Undefined when the environment is not in the project.
 *
 * @example
 * if ((await snapshotVersion(db, projectId, environmentId)) !== cached.version) reload();
 */
export async function snapshotVersion(db: Queryable, projectId: number, environmentId: number): Promise<number | undefined> {
  const { rows } = await db.query<{ version: string | number }>(
    'SELECT snapshot_version AS version FROM environments WHERE id = $2 AND project_id = $1',
    [projectId, environmentId],
  );
  return rows[0] === undefined ? undefined : Number(rows[0].version);
}
