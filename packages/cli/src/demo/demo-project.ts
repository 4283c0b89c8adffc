/**
 * What `dial demo` sets up: an outdoor-gear shop with the flags, segment and
 * journey its simulated shoppers go through, and an experiment on its new
 * checkout with the metrics it reads. The shapes are the admin API's request
 * bodies.
 */
import type { Condition, Rule, Serve } from '@dial/core';
import { CHECKOUT_STEPS } from './shop-simulation.js';

export const DEMO_PROJECT = {
  key: 'demo',
  name: 'Demo shop',
  description: 'An outdoor-gear shop with simulated shoppers, made by `dial demo`.',
} as const;

/** The one environment the demo uses; a new project gets it by default. */
export const DEMO_ENVIRONMENT = 'production';

export interface DemoSegment {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly rules: readonly (readonly Condition[])[];
}

export const DEMO_SEGMENTS: readonly DemoSegment[] = [
  {
    key: 'beta-testers',
    name: 'Beta testers',
    description: 'Shoppers who joined the beta programme: they get new features first.',
    rules: [[{ attr: 'beta', op: 'eq', values: [true] }]],
  },
];

export interface DemoFlag {
  /** The body that creates it. */
  readonly flag: {
    readonly key: string;
    readonly name: string;
    readonly description: string;
    readonly kind: 'boolean';
    readonly variants?: readonly { key: string; value: boolean; name: string }[];
    readonly tags: readonly string[];
    readonly owner: string;
    readonly lifetime: 'temporary' | 'permanent';
    readonly onVariant?: string;
    readonly offVariant?: string;
  };
  /** Its configuration in production. */
  readonly production: { readonly enabled: boolean; readonly offVariant: string; readonly rules: readonly Rule[]; readonly fallthrough: Serve };
  /** What the configuration does, in a few words, for the demo's output. */
  readonly summary: string;
}

const split = (...entries: [variant: string, percent: number][]): Serve => ({
  rollout: { split: entries.map(([variant, percent]) => ({ variant, weight: percent * 1000 })) },
});

export const DEMO_FLAGS: readonly DemoFlag[] = [
  {
    flag: {
      key: 'new-checkout',
      name: 'New checkout',
      description: 'The one-page checkout, served to half of all shoppers to measure whether more of them pay.',
      kind: 'boolean',
      variants: [
        { key: 'control', value: false, name: 'Current checkout' },
        { key: 'treatment', value: true, name: 'One-page checkout' },
      ],
      onVariant: 'treatment',
      offVariant: 'control',
      tags: ['checkout', 'experiment'],
      owner: 'checkout-team',
      lifetime: 'temporary',
    },
    production: { enabled: true, offVariant: 'control', rules: [], fallthrough: split(['control', 50], ['treatment', 50]) },
    summary: '50/50 rollout of control and treatment',
  },
  {
    flag: {
      key: 'search-v2',
      name: 'Search v2',
      description: 'The rewritten search, for beta testers first.',
      kind: 'boolean',
      tags: ['search'],
      owner: 'discovery-team',
      lifetime: 'temporary',
    },
    production: {
      enabled: true,
      offVariant: 'off',
      rules: [{ id: 'beta', when: [{ segment: 'beta-testers' }], serve: { variant: 'on' } }],
      fallthrough: { variant: 'off' },
    },
    summary: 'on for the beta-testers segment',
  },
  {
    flag: {
      key: 'dark-mode',
      name: 'Dark mode',
      description: 'The dark theme, rolled out gradually.',
      kind: 'boolean',
      tags: ['ui'],
      owner: 'design-team',
      lifetime: 'temporary',
    },
    production: { enabled: true, offVariant: 'off', rules: [], fallthrough: split(['on', 25], ['off', 75]) },
    summary: '25% rollout',
  },
  {
    flag: {
      key: 'recommendations',
      name: 'Product recommendations',
      description: 'Kill switch: turn it off to stop calling the recommendation service when it misbehaves.',
      kind: 'boolean',
      tags: ['kill-switch'],
      owner: 'discovery-team',
      lifetime: 'permanent',
    },
    production: { enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } },
    summary: 'kill switch, on',
  },
];

export interface DemoJourney {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly steps: readonly { event: string; label: string }[];
  readonly conversionWindowSeconds: number;
}

const STEP_LABELS: Record<(typeof CHECKOUT_STEPS)[number], string> = {
  'view-product': 'View product',
  'add-to-cart': 'Add to cart',
  checkout: 'Checkout',
  purchase: 'Purchase',
};

export const DEMO_JOURNEYS: readonly DemoJourney[] = [
  {
    key: 'checkout',
    name: 'Checkout',
    description: 'From a product page to a paid order.',
    steps: CHECKOUT_STEPS.map((event) => ({ event, label: STEP_LABELS[event] })),
    conversionWindowSeconds: 7 * 24 * 3600,
  },
];

export type DemoMetric = { readonly key: string; readonly name: string; readonly description: string; readonly windowDays: number } & (
  | { readonly kind: 'conversion'; readonly event: string }
  | { readonly kind: 'mean'; readonly event: string; readonly property: string }
  | { readonly kind: 'journeyConversion' | 'journeyDuration'; readonly journey: string }
);

/** What the new-checkout experiment measures of each shopper, from the first time the shop served them the flag. */
export const DEMO_METRICS: readonly DemoMetric[] = [
  {
    key: 'purchase-conversion',
    name: 'Purchase conversion',
    description: 'Shoppers who paid for an order within 7 days.',
    kind: 'conversion',
    event: 'purchase',
    windowDays: 7,
  },
  {
    key: 'checkout-completed',
    name: 'Checkout completed',
    description: 'Shoppers who went through the checkout journey to a paid order within 7 days.',
    kind: 'journeyConversion',
    journey: 'checkout',
    windowDays: 7,
  },
  {
    key: 'revenue-per-shopper',
    name: 'Revenue per shopper',
    description: 'What each shopper spent within 7 days; shoppers who bought nothing count 0.',
    kind: 'mean',
    event: 'purchase',
    property: 'orderValue',
    windowDays: 7,
  },
  {
    key: 'checkout-duration',
    name: 'Time to check out',
    description: 'Seconds from the first product page to the paid order, for shoppers who completed the checkout journey. Lower is better.',
    kind: 'journeyDuration',
    journey: 'checkout',
    windowDays: 7,
  },
];

/** The experiment the demo runs on `new-checkout`, started as of the backfill's first shoppers. */
export const DEMO_EXPERIMENT = {
  key: 'new-checkout',
  name: 'New checkout',
  hypothesis: 'The one-page checkout gets more of the shoppers who check out to pay, and sooner.',
  flag: 'new-checkout',
  environment: DEMO_ENVIRONMENT,
  control: 'control',
  treatments: ['treatment'],
  primaryMetric: 'purchase-conversion',
  secondaryMetrics: ['checkout-completed', 'revenue-per-shopper'],
  guardrailMetrics: ['checkout-duration'],
} as const;

/** The name of the server SDK key the demo makes for itself in the demo environment. */
export const DEMO_KEY_NAME = 'dial demo';
