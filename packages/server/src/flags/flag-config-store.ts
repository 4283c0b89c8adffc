import type { Prerequisite, Serve } from '@dial/core';
import type { Queryable } from '../platform/db.js';
import { isoDate } from '../platform/schemas.js';
import type { FlagConfig, FlagSettings, ValidRule, ValidServe } from './flag-documents.js';

/** A configuration with the environment it belongs to. */
export interface ConfigRecord extends FlagConfig {
  environmentId: number;
  environmentKey: string;
}

interface ConfigRow {
  environment_id: number;
  environment_key: string;
  enabled: boolean;
  off_variant: string;
  prerequisites: Prerequisite[];
  rules: ValidRule[];
  fallthrough: ValidServe;
  version: number;
  updated_at: Date;
}

const SELECT_CONFIG = `
  SELECT c.environment_id, e.key AS environment_key, c.enabled, c.off_variant, c.prerequisites, c.rules, c.fallthrough,
         c.version, c.updated_at
    FROM flag_configs c JOIN environments e ON e.id = c.environment_id`;

function toConfig(row: ConfigRow): ConfigRecord {
  return {
    environmentId: Number(row.environment_id),
    environmentKey: row.environment_key,
    enabled: row.enabled,
    offVariant: row.off_variant,
    prerequisites: row.prerequisites,
    rules: row.rules,
    fallthrough: row.fallthrough,
    version: Number(row.version),
    updatedAt: isoDate(row.updated_at),
  };
}

/** A configuration as the API shows it, without the environment's ids. */
export function shownConfig({ environmentId: _id, environmentKey: _key, ...config }: ConfigRecord): FlagConfig {
  return config;
}

/** Every environment's configuration of a flag, in the order the environments were created. */
export async function listConfigs(db: Queryable, flagId: number): Promise<ConfigRecord[]> {
  const { rows } = await db.query<ConfigRow>(`${SELECT_CONFIG} WHERE c.flag_id = $1 ORDER BY e.id`, [flagId]);
  return rows.map(toConfig);
}

/** One environment's configuration of a flag. */
export async function findConfig(db: Queryable, flagId: number, environmentId: number): Promise<ConfigRecord | undefined> {
  const { rows } = await db.query<ConfigRow>(`${SELECT_CONFIG} WHERE c.flag_id = $1 AND c.environment_id = $2`, [flagId, environmentId]);
  return rows[0] === undefined ? undefined : toConfig(rows[0]);
}

/**
 * Gives a new flag a configuration in every environment of its project:
 * off, serving `offVariant`, and `onVariant` to everyone once turned on.
 */
export async function insertConfigs(
  db: Queryable,
  flagId: number,
  projectId: number,
  served: { onVariant: string; offVariant: string },
): Promise<void> {
  await db.query(
    `INSERT INTO flag_configs (flag_id, environment_id, enabled, off_variant, fallthrough)
     SELECT $1, id, false, $3, jsonb_build_object('variant', $4::text) FROM environments WHERE project_id = $2`,
    [flagId, projectId, served.offVariant, served.onVariant],
  );
}

/** Replaces one environment's configuration of a flag and raises its version. */
export async function updateConfig(db: Queryable, flagId: number, environmentId: number, settings: FlagSettings): Promise<ConfigRecord> {
  await db.query(
    `UPDATE flag_configs
        SET enabled = $3, off_variant = $4, prerequisites = $5::jsonb, rules = $6::jsonb, fallthrough = $7::jsonb,
            version = version + 1, updated_at = now()
      WHERE flag_id = $1 AND environment_id = $2`,
    [
      flagId,
      environmentId,
      settings.enabled,
      settings.offVariant,
      JSON.stringify(settings.prerequisites),
      JSON.stringify(settings.rules),
      JSON.stringify(settings.fallthrough),
    ],
  );
  return (await findConfig(db, flagId, environmentId))!;
}

/** Whether each flag is on, per environment, for lists that show it at a glance. */
/** What the flag list shows of one configuration. */
export interface ConfigSummary {
  enabled: boolean;
  version: number;
  updatedAt: string;
  /** The one variant every context gets while enabled (fully rolled out), or null when contexts can differ. */
  servesOne: string | null;
}

/** The single variant a serve gives everyone, if it does: a fixed variant, or a split with one non-zero weight. */
function onlyVariant(serve: Serve): string | null {
  if ('variant' in serve) return serve.variant;
  const served = serve.rollout.split.filter((entry) => entry.weight > 0);
  return served.length === 1 ? served[0]!.variant : null;
}

/** The variant an enabled configuration gives every context, or null when it depends on the context. */
export function servesOne(settings: { prerequisites: readonly unknown[]; rules: readonly { serve: Serve }[]; fallthrough: Serve }): string | null {
  if (settings.prerequisites.length > 0) return null;
  const variant = onlyVariant(settings.fallthrough);
  if (variant === null) return null;
  return settings.rules.every((rule) => onlyVariant(rule.serve) === variant) ? variant : null;
}

export async function configSummaries(db: Queryable, flagIds: readonly number[]): Promise<Map<number, Record<string, ConfigSummary>>> {
  const { rows } = await db.query<{
    flag_id: number;
    environment_key: string;
    enabled: boolean;
    version: number;
    updated_at: Date;
    prerequisites: Prerequisite[];
    rules: ValidRule[];
    fallthrough: ValidServe;
  }>(
    `SELECT c.flag_id, e.key AS environment_key, c.enabled, c.version, c.updated_at, c.prerequisites, c.rules, c.fallthrough
       FROM flag_configs c JOIN environments e ON e.id = c.environment_id
      WHERE c.flag_id = ANY($1::int[])
      ORDER BY c.flag_id, e.id`,
    [flagIds],
  );
  const summaries = new Map<number, Record<string, ConfigSummary>>();
  for (const row of rows) {
    const id = Number(row.flag_id);
    const summary = summaries.get(id) ?? {};
    summary[row.environment_key] = {
      enabled: row.enabled,
      version: Number(row.version),
      updatedAt: row.updated_at.toISOString(),
      servesOne: servesOne(row),
    };
    summaries.set(id, summary);
  }
  return summaries;
}
