import type { EffectResult, ExperimentResults } from './results.js';

const COLUMNS = [
  'metric',
  'role',
  'variant',
  'control',
  'units',
  'value',
  'absolute_estimate',
  'absolute_ci_low',
  'absolute_ci_high',
  'absolute_p_value',
  'relative_estimate',
  'relative_ci_low',
  'relative_ci_high',
  'relative_p_value',
  'chance_to_win',
  'verdict',
];

/** A CSV field: quoted when it holds a comma, quote or line break; empty for nothing. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const effectFields = (effect: EffectResult | null) => (effect === null ? [null, null, null, null] : [effect.estimate, effect.ci[0], effect.ci[1], effect.pValue]);

/**
 * Results as CSV (RFC 4180): one row per metric and variant, the effects
 * against the control under the test the results were computed with.
 *
 * @example
 * resultsCsv(results); // "metric,role,variant,control,units,value,…\r\ncheckout,primary,off,true,5000,0.12,,,…"
 */
export function resultsCsv(results: ExperimentResults): string {
  const rows = results.metrics.flatMap((metric) =>
    metric.variants.map((variant) => {
      const decisive = variant.relative ?? variant.absolute;
      return [
        metric.metric,
        metric.role,
        variant.variant,
        variant.control,
        variant.units,
        variant.value,
        ...effectFields(variant.absolute),
        ...effectFields(variant.relative),
        decisive?.chanceToWin ?? null,
        decisive?.verdict ?? null,
      ];
    }),
  );
  return [COLUMNS, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
