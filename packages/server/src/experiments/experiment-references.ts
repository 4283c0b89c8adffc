import { findFlag } from '../flags/flag-store.js';
import type { ProjectRef } from '../flags/projects.js';
import { findEnvironment } from '../flags/projects.js';
import type { Queryable } from '../platform/db.js';
import { type FieldIssue, validationFailed } from '../platform/errors.js';
import type { ExperimentFields, ExperimentMetricRef } from './experiment-store.js';
import { findMetrics } from './metric-store.js';

/** What an experiment's keys refer to, once they are known to exist. */
export interface ResolvedReferences {
  environmentId: number;
  metrics: ExperimentMetricRef[];
}

/**
 * Checks that the flag, environment, variants and metrics an experiment
 * names exist and fit together, and resolves them; otherwise refuses it with
 * an issue at each field that is wrong (`treatments[1]`, `secondaryMetrics[0]`).
 */
export async function resolveReferences(tx: Queryable, project: ProjectRef, fields: ExperimentFields): Promise<ResolvedReferences> {
  const issues: FieldIssue[] = [];
  const environment = await findEnvironment(tx, project.id, fields.environment);
  if (environment === undefined) {
    issues.push({ path: 'environment', code: 'unknown_environment', message: `there is no environment "${fields.environment}" in project "${project.key}"` });
  }
  const flag = await findFlag(tx, project.id, fields.flag);
  if (flag === undefined) {
    issues.push({ path: 'flag', code: 'unknown_flag', message: `there is no flag "${fields.flag}" in project "${project.key}"` });
  } else {
    const variants = new Set(flag.variants.map((variant) => variant.key));
    const unknown = (variant: string) => `flag "${flag.key}" has no variant "${variant}"; it has ${[...variants].map((key) => `"${key}"`).join(', ')}`;
    if (!variants.has(fields.control)) issues.push({ path: 'control', code: 'unknown_variant', message: unknown(fields.control) });
    const seen = new Set([fields.control]);
    fields.treatments.forEach((variant, i) => {
      const path = `treatments[${i}]`;
      if (!variants.has(variant)) issues.push({ path, code: 'unknown_variant', message: unknown(variant) });
      else if (variant === fields.control) issues.push({ path, code: 'duplicate', message: `"${variant}" is the control; a treatment is another variant` });
      else if (seen.has(variant)) issues.push({ path, code: 'duplicate', message: `"${variant}" is listed twice` });
      seen.add(variant);
    });
  }
  const named: { path: string; key: string; role: ExperimentMetricRef['role'] }[] = [
    { path: 'primaryMetric', key: fields.primaryMetric, role: 'primary' },
    ...fields.secondaryMetrics.map((key, i) => ({ path: `secondaryMetrics[${i}]`, key, role: 'secondary' as const })),
    ...fields.guardrailMetrics.map((key, i) => ({ path: `guardrailMetrics[${i}]`, key, role: 'guardrail' as const })),
  ];
  const found = await findMetrics(
    tx,
    project.id,
    named.map((metric) => metric.key),
  );
  const metrics: ExperimentMetricRef[] = [];
  const used = new Map<string, string>();
  for (const { path, key, role } of named) {
    const metric = found.get(key);
    if (metric === undefined) issues.push({ path, code: 'unknown_metric', message: `there is no metric "${key}" in project "${project.key}"` });
    else if (used.has(key)) issues.push({ path, code: 'duplicate', message: `metric "${key}" is already ${used.get(key)}; an experiment reads each metric once` });
    else metrics.push({ id: metric.id, role });
    used.set(key, path);
  }
  if (issues.length > 0) throw validationFailed(issues);
  return { environmentId: environment!.id, metrics };
}
