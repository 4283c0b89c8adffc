import type { FlagSettings, ValidServe } from '../flags/flag-documents.js';

/** The variants an experiment compares: one control and its treatments. */
export interface ComparedVariants {
  control: string;
  treatments: readonly string[];
}

/** Where an experiment's traffic is split, and the weight each compared variant gets there (of 100,000). */
export interface TrafficSplit {
  /** `fallthrough` or `rules[i]`: the serve whose rollout assigns the units. */
  path: string;
  weights: Record<string, number>;
}

function weightsOf(serve: ValidServe, variants: ComparedVariants): Record<string, number> | undefined {
  if (!('rollout' in serve)) return undefined;
  const weights: Record<string, number> = {};
  for (const variant of [variants.control, ...variants.treatments]) {
    weights[variant] = serve.rollout.split.filter((entry) => entry.variant === variant).reduce((sum, entry) => sum + entry.weight, 0);
  }
  return weights;
}

const splits = (weights: Record<string, number>, variants: ComparedVariants) =>
  weights[variants.control]! > 0 && variants.treatments.some((treatment) => weights[treatment]! > 0);

/**
 * Finds the percentage rollout that splits units between the control and at
 * least one treatment: the fallthrough's, else the first rule's that does.
 * Returns the problem, in words, when the configuration cannot run the
 * experiment: the flag is off, or no rollout gives weight to the control and
 * a treatment.
 *
 * @example
 * trafficSplit({ enabled: true, offVariant: 'off', prerequisites: [], rules: [],
 *   fallthrough: { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } } },
 *   { control: 'off', treatments: ['on'] });
 * // { ok: true, split: { path: 'fallthrough', weights: { off: 50000, on: 50000 } } }
 */
export function trafficSplit(settings: FlagSettings, variants: ComparedVariants): { ok: true; split: TrafficSplit } | { ok: false; problem: string } {
  if (!settings.enabled) return { ok: false, problem: `it is off, serving "${settings.offVariant}" to everyone; turn it on with a percentage rollout between the compared variants` };
  const serves: { path: string; serve: ValidServe }[] = [
    { path: 'fallthrough', serve: settings.fallthrough },
    ...settings.rules.map((rule, i) => ({ path: `rules[${i}]`, serve: rule.serve })),
  ];
  for (const { path, serve } of serves) {
    const weights = weightsOf(serve, variants);
    if (weights !== undefined && splits(weights, variants)) return { ok: true, split: { path, weights } };
  }
  const compared = [variants.control, ...variants.treatments].map((variant) => `"${variant}"`).join(', ');
  const rollouts = serves.filter(({ serve }) => 'rollout' in serve);
  if (rollouts.length === 0) {
    return { ok: false, problem: `it has no percentage rollout; give its fallthrough or a rule a rollout with weight on the control "${variants.control}" and at least one treatment` };
  }
  return {
    ok: false,
    problem: `no percentage rollout gives weight both to the control "${variants.control}" and to a treatment (of ${compared}); ${rollouts.map(({ path }) => path).join(', ')} ${rollouts.length === 1 ? 'does' : 'do'} not`,
  };
}
