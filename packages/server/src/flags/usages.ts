import type { Condition, Prerequisite, Rule, Serve } from '@dial/core';
import type { Queryable } from '../platform/db.js';
import type { FlagSettings } from './flag-documents.js';

/*
 * Who uses a flag, a variant or a segment, so a change that would leave a
 * reference dangling is refused with the places to fix first. Archived flags
 * count: their configurations are frozen, and a restore must find them whole.
 */

/** One place in a flag configuration that refers to something. */
export interface ConfigUse {
  flag: string;
  environment: string;
  /** The JSON path inside the configuration, e.g. `rules[2].when[0].segment`. */
  path: string;
  archived: boolean;
}

/**
 * Where other flags of a project require `flagKey` as a prerequisite, in
 * any environment, with the variant they require.
 *
 * @example
 * await prerequisiteUses(tx, project.id, 'new-cart');
 * // [{ flag: 'checkout', environment: 'production', path: 'prerequisites[0]', variant: 'on', archived: false }]
 */
export async function prerequisiteUses(db: Queryable, projectId: number, flagKey: string): Promise<(ConfigUse & { variant: string })[]> {
  const { rows } = await db.query<{ flag: string; environment: string; prerequisites: Prerequisite[]; archived: boolean }>(
    `SELECT f.key AS flag, e.key AS environment, c.prerequisites, f.archived_at IS NOT NULL AS archived
       FROM flags f
       JOIN flag_configs c ON c.flag_id = f.id
       JOIN environments e ON e.id = c.environment_id
      WHERE f.project_id = $1 AND f.key <> $2 AND c.prerequisites @> jsonb_build_array(jsonb_build_object('flag', $2::text))
      ORDER BY f.key, e.id`,
    [projectId, flagKey],
  );
  return rows.flatMap((row) =>
    row.prerequisites
      .map((prerequisite, i) => ({ prerequisite, i }))
      .filter(({ prerequisite }) => prerequisite.flag === flagKey)
      .map(({ prerequisite, i }) => ({
        flag: row.flag,
        environment: row.environment,
        path: `prerequisites[${i}]`,
        variant: prerequisite.variant,
        archived: row.archived,
      })),
  );
}

/**
 * Where flag rules and other segments of a project refer to a segment.
 *
 * @example
 * await segmentUses(tx, project.id, 'staff');
 * // { flags: [{ flag: 'checkout', environment: 'production', path: 'rules[0].when[0].segment', archived: false }], segments: ['admins'] }
 */
export async function segmentUses(db: Queryable, projectId: number, segmentKey: string): Promise<{ flags: ConfigUse[]; segments: string[] }> {
  const flags = await db.query<{ flag: string; environment: string; rules: Rule[]; archived: boolean }>(
    `SELECT f.key AS flag, e.key AS environment, c.rules, f.archived_at IS NOT NULL AS archived
       FROM flags f
       JOIN flag_configs c ON c.flag_id = f.id
       JOIN environments e ON e.id = c.environment_id
      WHERE f.project_id = $1
        AND c.rules @> jsonb_build_array(jsonb_build_object('when', jsonb_build_array(jsonb_build_object('segment', $2::text))))
      ORDER BY f.key, e.id`,
    [projectId, segmentKey],
  );
  const segments = await db.query<{ key: string }>(
    `SELECT key FROM segments
      WHERE project_id = $1 AND key <> $2
        AND rules @> jsonb_build_array(jsonb_build_array(jsonb_build_object('segment', $2::text)))
      ORDER BY key`,
    [projectId, segmentKey],
  );
  return {
    flags: flags.rows.flatMap((row) =>
      row.rules.flatMap((rule, i) =>
        rule.when
          .map((condition, j) => ({ condition, j }))
          .filter(({ condition }) => refersTo(condition, segmentKey))
          .map(({ j }) => ({ flag: row.flag, environment: row.environment, path: `rules[${i}].when[${j}].segment`, archived: row.archived })),
      ),
    ),
    segments: segments.rows.map((row) => row.key),
  };
}

const refersTo = (condition: Condition, segmentKey: string) => 'segment' in condition && condition.segment === segmentKey;

/**
 * The places in one configuration that serve a variant: the off variant,
 * each rule, each split entry and the fallthrough.
 *
 * @example
 * servedVariants({ offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, ... });
 * // [{ path: 'offVariant', variant: 'off' }, { path: 'fallthrough.variant', variant: 'on' }]
 */
export function servedVariants(settings: FlagSettings): { path: string; variant: string }[] {
  const found = [{ path: 'offVariant', variant: settings.offVariant }];
  const serve = (served: Serve, path: string) => {
    if ('variant' in served) found.push({ path: `${path}.variant`, variant: served.variant });
    else served.rollout.split.forEach((entry, i) => found.push({ path: `${path}.rollout.split[${i}].variant`, variant: entry.variant }));
  };
  settings.rules.forEach((rule, i) => serve(rule.serve, `rules[${i}].serve`));
  serve(settings.fallthrough, 'fallthrough');
  return found;
}

/**
 * A short list of uses for an error message.
 *
 * @example
 * describeUses([{ flag: 'checkout', environment: 'production', path: 'prerequisites[0]', archived: false }]);
 * // 'flag "checkout" in production (prerequisites[0])'
 */
export function describeUses(uses: readonly ConfigUse[], limit = 5): string {
  const shown = uses
    .slice(0, limit)
    .map((use) => `${use.archived ? 'archived ' : ''}flag "${use.flag}" in ${use.environment} (${use.path})`)
    .join(', ');
  return uses.length > limit ? `${shown} and ${uses.length - limit} more` : shown;
}
