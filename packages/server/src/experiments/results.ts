import { type MetricDefinition, type VariantStatistics, cumulative, metricType } from '@dial/core/experiments';
import {
  type ArmStatistics,
  DEFAULT_ALPHA,
  type EffectSummary,
  type MetricType,
  SRM_THRESHOLD,
  compareArms,
  momentsOf,
  sampleRatioMismatch,
} from '@dial/core/stats';
import type { ExperimentView } from './experiment-store.js';
import type { MetricView } from './metric-store.js';

/*
 * An experiment's results as the API shows them: the statistics of core
 * applied to the sums the database computed, for people to read and charts
 * to draw.
 */

export const TESTS = ['sequential', 'fixed'] as const;
export type TestKind = (typeof TESTS)[number];

export type MetricRole = 'primary' | 'secondary' | 'guardrail';

/** What an effect tells, in the metric's direction: better or worse when significant, otherwise inconclusive. */
export type Verdict = 'better' | 'worse' | 'inconclusive';

/** One effect of a treatment against the control under the chosen test. */
export interface EffectResult {
  estimate: number;
  ci: [number, number];
  pValue: number;
  chanceToWin: number;
  significant: boolean;
  verdict: Verdict;
}

export interface VariantResult {
  variant: string;
  control: boolean;
  units: number;
  /** The proportion that converted, or the mean per unit; null without units. */
  value: number | null;
  /** Conversions, or the sum of the values. */
  total: number;
  /** Against the control; null for the control itself and when undefined (an arm under 2 units, nothing varies, or a control mean of 0 for `relative`). */
  absolute: EffectResult | null;
  relative: EffectResult | null;
}

export interface DailyVariant {
  variant: string;
  units: number;
  value: number | null;
  /** The relative effect against the control so far, under the chosen test; null for the control and when undefined. */
  relative: { estimate: number; ci: [number, number] } | null;
}

/** Running totals up to the end of one UTC day of first exposure. */
export interface DailyPoint {
  day: string;
  variants: DailyVariant[];
}

export interface MetricResult {
  metric: string;
  name: string;
  role: MetricRole;
  kind: MetricDefinition['kind'];
  type: MetricType;
  higherIsBetter: boolean;
  variants: VariantResult[];
  daily: DailyPoint[];
}

export interface SampleRatioResult {
  /** Null when it cannot be computed: fewer than two variants with weight, or no units yet. */
  pValue: number | null;
  chiSquare: number | null;
  /** The assignment is broken (p < 0.001): the results must not be trusted. */
  mismatch: boolean;
  message: string | null;
  variants: { variant: string; units: number; expectedShare: number; observedShare: number | null }[];
}

export interface ExperimentResults {
  experiment: string;
  status: ExperimentView['status'];
  test: TestKind;
  alpha: number;
  /** Units first exposed from `from` (the start) until `to` (the stop, or now while it runs) count, with their events before `to`. */
  from: string;
  to: string;
  control: string;
  variants: string[];
  units: number;
  srm: SampleRatioResult;
  metrics: MetricResult[];
}

const valueOf = (stats: ArmStatistics) => (stats.n === 0 ? null : momentsOf(stats).mean);
const totalOf = (stats: ArmStatistics) => (stats.type === 'proportion' ? stats.conversions : stats.sum);

function effectResult(summary: EffectSummary | null, test: TestKind, alpha: number, higherIsBetter: boolean): EffectResult | null {
  if (summary === null) return null;
  const { ci, pValue } = summary[test];
  const significant = pValue < alpha;
  const good = higherIsBetter ? summary.estimate > 0 : summary.estimate < 0;
  return { estimate: summary.estimate, ci: [ci[0], ci[1]], pValue, chanceToWin: summary.chanceToWin, significant, verdict: significant ? (good ? 'better' : 'worse') : 'inconclusive' };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The sample-ratio check of the units each compared variant got against the weights it started with. */
export function sampleRatio(units: readonly { variant: string; units: number }[], weights: Record<string, number> | null): SampleRatioResult {
  const weightOf = (variant: string) => weights?.[variant] ?? 0;
  const totalWeight = units.reduce((sum, arm) => sum + weightOf(arm.variant), 0);
  const totalUnits = units.reduce((sum, arm) => sum + arm.units, 0);
  const variants = units.map((arm) => ({
    variant: arm.variant,
    units: arm.units,
    expectedShare: totalWeight === 0 ? 0 : weightOf(arm.variant) / totalWeight,
    observedShare: totalUnits === 0 ? null : arm.units / totalUnits,
  }));
  const check = sampleRatioMismatch(
    units.map((arm) => arm.units),
    units.map((arm) => weightOf(arm.variant)),
  );
  if (check === null) return { pValue: null, chiSquare: null, mismatch: false, message: null, variants };
  const mismatch = check.pValue < SRM_THRESHOLD;
  const observed = variants.map((arm) => `${arm.variant} ${arm.units} (${percent(arm.observedShare ?? 0)})`).join(', ');
  const expected = variants.map((arm) => `${arm.variant} ${percent(arm.expectedShare)}`).join(', ');
  const message = mismatch
    ? `Sample ratio mismatch: the variants got ${observed} of the units where the rollout's weights expect ${expected} (p = ${check.pValue.toPrecision(2)} < ${SRM_THRESHOLD}). The assignment is broken — exposures lost or not sent for some variants, units served outside the rollout, or the rollout changed while running — so these results must not be trusted.`
    : null;
  return { pValue: check.pValue, chiSquare: check.chiSquare, mismatch, message, variants };
}

function dailySeries(statistics: readonly VariantStatistics[], control: string, test: TestKind, alpha: number): DailyPoint[] {
  const running = new Map(statistics.map((arm) => [arm.variant, new Map(cumulative(arm.days).map(({ day, stats }) => [day, stats]))]));
  const days = [...new Set(statistics.flatMap((arm) => arm.days.map(({ day }) => day)))].sort();
  const latest = new Map<string, ArmStatistics>();
  return days.map((day) => {
    for (const [variant, byDay] of running) {
      const stats = byDay.get(day);
      if (stats !== undefined) latest.set(variant, stats);
    }
    const controlStats = latest.get(control);
    return {
      day,
      variants: statistics.map(({ variant }) => {
        const stats = latest.get(variant);
        let relative: DailyVariant['relative'] = null;
        if (variant !== control && stats !== undefined && controlStats !== undefined) {
          const effect = compareArms(controlStats, stats, { alpha }).relative;
          if (effect !== null) relative = { estimate: effect.estimate, ci: [effect[test].ci[0], effect[test].ci[1]] };
        }
        return { variant, units: stats?.n ?? 0, value: stats === undefined ? null : valueOf(stats), relative };
      }),
    };
  });
}

export interface ResultsInput {
  experiment: ExperimentView;
  /** Units first exposed in the window per compared variant: what the sample-ratio check reads. */
  units: readonly { variant: string; units: number }[];
  /** The experiment's metrics in order (primary, secondary, guardrail) with the statistics computed for each, variants control first. */
  metrics: readonly { role: MetricRole; metric: MetricView; statistics: readonly VariantStatistics[] }[];
  test: TestKind;
  from: Date;
  to: Date;
}

/**
 * Applies the statistics to each metric's sums: per variant its units and
 * value, and for each treatment the absolute and relative effects against
 * the control under the chosen test with a verdict in the metric's
 * direction; the running daily series; and the sample-ratio check of the
 * units against the weights the rollout had at the start.
 */
export function experimentResults({ experiment, units: exposed, metrics, test, from, to }: ResultsInput): ExperimentResults {
  const alpha = DEFAULT_ALPHA;
  const variants = [experiment.control, ...experiment.treatments];
  const units = variants.map((variant) => ({ variant, units: exposed.find((arm) => arm.variant === variant)?.units ?? 0 }));
  return {
    experiment: experiment.key,
    status: experiment.status,
    test,
    alpha,
    from: from.toISOString(),
    to: to.toISOString(),
    control: experiment.control,
    variants,
    units: units.reduce((sum, arm) => sum + arm.units, 0),
    srm: sampleRatio(units, experiment.weights),
    metrics: metrics.map(({ role, metric, statistics }) => {
      const control = statistics.find((arm) => arm.variant === experiment.control)!;
      return {
        metric: metric.key,
        name: metric.name,
        role,
        kind: metric.kind,
        type: metricType(metric),
        higherIsBetter: metric.higherIsBetter,
        variants: statistics.map((arm) => {
          const isControl = arm.variant === experiment.control;
          const comparison = isControl ? null : compareArms(control.total, arm.total, { alpha, higherIsBetter: metric.higherIsBetter });
          return {
            variant: arm.variant,
            control: isControl,
            units: arm.total.n,
            value: valueOf(arm.total),
            total: totalOf(arm.total),
            absolute: effectResult(comparison?.absolute ?? null, test, alpha, metric.higherIsBetter),
            relative: effectResult(comparison?.relative ?? null, test, alpha, metric.higherIsBetter),
          };
        }),
        daily: dailySeries(statistics, experiment.control, test, alpha),
      };
    }),
  };
}
