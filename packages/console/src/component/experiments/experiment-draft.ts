/*
 * What the experiment wizard edits, apart from how it is drawn: the fields
 * of a new experiment as chosen, which step of the wizard each of them is
 * on (so a refused field sends the person back there), and a reading of the
 * flag's configuration that says beforehand whether it splits traffic the
 * way the experiment needs to start.
 */

export const WIZARD_STEPS = ['flag', 'variants', 'hypothesis', 'metrics', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_TITLES: Record<WizardStep, string> = {
  flag: 'Flag and environment',
  variants: 'Variants',
  hypothesis: 'Hypothesis',
  metrics: 'Metrics',
  review: 'Review',
};

export type MetricRole = 'primary' | 'secondary' | 'guardrail';

export interface ExperimentDraft {
  key: string;
  name: string;
  hypothesis: string;
  flag: string;
  environment: string;
  control: string;
  treatments: string[];
  primaryMetric: string;
  secondaryMetrics: string[];
  guardrailMetrics: string[];
}

/** What the wizard needs to know of a flag. */
export interface FlagChoice {
  key: string;
  name: string;
  variants: readonly { key: string }[];
}

/**
 * The control a flag suggests: `off` for a switch, `control` where there is
 * one, else its first variant.
 *
 * @example
 * suggestedControl(['on', 'off']) // 'off'
 */
export function suggestedControl(variants: readonly string[]): string {
  return variants.find((variant) => variant === 'off') ?? variants.find((variant) => variant === 'control') ?? variants[0] ?? '';
}

/**
 * A new draft: for a flag, its suggested control against every other
 * variant, keyed and named after the flag.
 *
 * @example
 * newExperimentDraft({ key: 'new-checkout', name: 'New checkout', variants: [{ key: 'on' }, { key: 'off' }] }, 'production')
 * // { key: 'new-checkout', name: 'New checkout', control: 'off', treatments: ['on'], … }
 */
export function newExperimentDraft(flag: FlagChoice | undefined, environment: string): ExperimentDraft {
  const empty: ExperimentDraft = {
    key: '',
    name: '',
    hypothesis: '',
    flag: '',
    environment,
    control: '',
    treatments: [],
    primaryMetric: '',
    secondaryMetrics: [],
    guardrailMetrics: [],
  };
  return flag === undefined ? empty : withFlag(empty, flag);
}

/** The draft on another flag: its variants replace the old flag's; a key and name that followed the old flag follow the new one. */
export function withFlag(draft: ExperimentDraft, flag: FlagChoice): ExperimentDraft {
  const variants = flag.variants.map((variant) => variant.key);
  const control = suggestedControl(variants);
  const followsKey = draft.key === '' || draft.key === draft.flag;
  return {
    ...draft,
    flag: flag.key,
    key: followsKey ? flag.key : draft.key,
    name: draft.name === '' || followsKey ? flag.name : draft.name,
    control,
    treatments: variants.filter((variant) => variant !== control),
  };
}

/** The draft with another control: the old control becomes a treatment, the new one is one no longer. */
export function withControl(draft: ExperimentDraft, control: string): ExperimentDraft {
  const treatments = draft.treatments.filter((variant) => variant !== control);
  if (draft.control !== '' && draft.control !== control) treatments.push(draft.control);
  return { ...draft, control, treatments };
}

/** The draft with a variant compared with the control, or not; treatments keep the flag's order. */
export function withTreatment(draft: ExperimentDraft, variant: string, compared: boolean, order: readonly string[]): ExperimentDraft {
  const chosen = new Set(draft.treatments);
  if (compared) chosen.add(variant);
  else chosen.delete(variant);
  return { ...draft, treatments: order.filter((key) => chosen.has(key)) };
}

/** The role a metric has in a draft, if any. */
export function roleOf(draft: ExperimentDraft, metric: string): MetricRole | undefined {
  if (draft.primaryMetric === metric) return 'primary';
  if (draft.secondaryMetrics.includes(metric)) return 'secondary';
  if (draft.guardrailMetrics.includes(metric)) return 'guardrail';
  return undefined;
}

/**
 * The draft with a metric in one role, or in none: a metric is read in one
 * role only, and one metric is primary, so a new primary makes the old one
 * secondary.
 *
 * @example
 * withRole(draft, 'revenue', 'primary') // primaryMetric 'revenue'; the former primary is now secondary
 */
export function withRole(draft: ExperimentDraft, metric: string, role: MetricRole | undefined): ExperimentDraft {
  const without = (keys: readonly string[]) => keys.filter((key) => key !== metric);
  const next: ExperimentDraft = {
    ...draft,
    primaryMetric: draft.primaryMetric === metric ? '' : draft.primaryMetric,
    secondaryMetrics: without(draft.secondaryMetrics),
    guardrailMetrics: without(draft.guardrailMetrics),
  };
  if (role === 'primary') {
    if (next.primaryMetric !== '') next.secondaryMetrics = [...next.secondaryMetrics, next.primaryMetric];
    next.primaryMetric = metric;
  } else if (role === 'secondary') next.secondaryMetrics = [...next.secondaryMetrics, metric];
  else if (role === 'guardrail') next.guardrailMetrics = [...next.guardrailMetrics, metric];
  return next;
}

/** The API's body for a draft. Fields are sent as chosen, for the API to name what is wrong. */
export function experimentBody(draft: ExperimentDraft) {
  return {
    key: draft.key.trim(),
    name: draft.name.trim() || draft.key.trim(),
    hypothesis: draft.hypothesis.trim(),
    flag: draft.flag,
    environment: draft.environment,
    control: draft.control,
    treatments: draft.treatments,
    primaryMetric: draft.primaryMetric,
    secondaryMetrics: draft.secondaryMetrics,
    guardrailMetrics: draft.guardrailMetrics,
  };
}

const STEP_OF_FIELD: Record<string, WizardStep> = {
  flag: 'flag',
  environment: 'flag',
  control: 'variants',
  treatments: 'variants',
  key: 'hypothesis',
  name: 'hypothesis',
  hypothesis: 'hypothesis',
  primaryMetric: 'metrics',
  secondaryMetrics: 'metrics',
  guardrailMetrics: 'metrics',
};

/**
 * The wizard step that holds the field an issue's path names.
 *
 * @example
 * stepOfIssue('treatments[1]') // 'variants'
 * stepOfIssue('')              // 'review'
 */
export function stepOfIssue(path: string): WizardStep {
  const field = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return STEP_OF_FIELD[field] ?? 'review';
}

type Serve = { variant: string } | { rollout: { split: readonly { variant: string; weight: number }[] } };

/** What the wizard needs of a flag's configuration in one environment. */
export interface SplitConfig {
  enabled: boolean;
  offVariant: string;
  fallthrough: Serve;
  rules: readonly { serve: Serve }[];
}

/** Where and how a flag splits the compared variants, or why it does not. */
export type SplitReading = { ok: true; where: string; weights: Record<string, number> } | { ok: false; problem: string };

/**
 * Whether a flag's configuration splits traffic between the control and at
 * least one treatment, as an experiment needs to start: it is on, and a
 * percentage rollout (the default's, else a rule's) gives weight to both.
 * The server decides when the experiment starts; this says it beforehand.
 *
 * @example
 * readSplit({ enabled: true, offVariant: 'off', rules: [],
 *   fallthrough: { rollout: { split: [{ variant: 'on', weight: 50000 }, { variant: 'off', weight: 50000 }] } } }, 'off', ['on'])
 * // { ok: true, where: 'the default', weights: { off: 50000, on: 50000 } }
 */
export function readSplit(config: SplitConfig | undefined, control: string, treatments: readonly string[]): SplitReading {
  if (config === undefined) return { ok: false, problem: 'the flag has no configuration in this environment' };
  if (!config.enabled) return { ok: false, problem: `the flag is off, serving "${config.offVariant}" to everyone` };
  const serves = [{ where: 'the default', serve: config.fallthrough }, ...config.rules.map((rule, i) => ({ where: `rule ${i + 1}`, serve: rule.serve }))];
  let rollouts = 0;
  for (const { where, serve } of serves) {
    if (!('rollout' in serve)) continue;
    rollouts++;
    const weights: Record<string, number> = {};
    for (const variant of [control, ...treatments]) weights[variant] = serve.rollout.split.filter((entry) => entry.variant === variant).reduce((sum, entry) => sum + entry.weight, 0);
    if (weights[control]! > 0 && treatments.some((treatment) => weights[treatment]! > 0)) return { ok: true, where, weights };
  }
  return {
    ok: false,
    problem:
      rollouts === 0
        ? 'the flag has no percentage rollout'
        : `no percentage rollout of the flag gives weight both to the control "${control}" and to a treatment`,
  };
}

/**
 * Weights of 100,000 as percentages, variant by variant.
 *
 * @example
 * describeWeights({ off: 50000, on: 50000 }) // 'off 50%, on 50%'
 */
export function describeWeights(weights: Record<string, number>): string {
  return Object.entries(weights)
    .map(([variant, weight]) => `${variant} ${Number((weight / 1000).toFixed(3))}%`)
    .join(', ');
}
