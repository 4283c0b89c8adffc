/**
 * The 50 flags both systems serve, and the users they are evaluated for.
 * Five shapes, ten flags each, written once here and translated to Dial's
 * flag documents and to Unleash's strategies with constraints:
 *
 * - `region`: country in DE, FR or NL → on, otherwise off
 * - `rollout`: a gradual rollout to 10–90% of users by user key
 * - `pro-eu`: plan pro and country DE or FR → a 25% rollout, otherwise off
 * - `staff`: email ending in @example.com → on, otherwise a 10% rollout
 * - `on`: on for everyone
 */

export type Shape = 'region' | 'rollout' | 'pro-eu' | 'staff' | 'on';

export interface BenchFlag {
  readonly key: string;
  readonly shape: Shape;
  /** Percent of users in the rollout, for the shapes that have one. */
  readonly percent: number;
}

const SHAPES: readonly Shape[] = ['region', 'rollout', 'pro-eu', 'staff', 'on'];

export const FLAGS: readonly BenchFlag[] = Array.from({ length: 50 }, (_, i) => {
  const shape = SHAPES[i % SHAPES.length]!;
  const percent = shape === 'rollout' ? 10 + ((i * 7) % 81) : shape === 'pro-eu' ? 25 : shape === 'staff' ? 10 : 100;
  return { key: `bench-${String(i).padStart(2, '0')}-${shape}`, shape, percent };
});

/** A user as both systems read it: Dial's `key` is Unleash's `userId`. */
export interface BenchUser {
  readonly key: string;
  readonly country: string;
  readonly plan: string;
  readonly email: string;
}

/** Deterministic users: a mix of countries, plans and staff. */
export function users(count: number): BenchUser[] {
  const countries = ['DE', 'FR', 'NL', 'US', 'GB', 'BR', 'JP'];
  const plans = ['free', 'pro', 'team'];
  return Array.from({ length: count }, (_, i) => ({
    key: `user-${i}`,
    country: countries[(i * 31) % countries.length]!,
    plan: plans[(i * 17) % plans.length]!,
    email: i % 10 === 0 ? `person${i}@example.com` : `person${i}@mail.test`,
  }));
}

const split = (percent: number) => ({
  rollout: {
    split: [
      { variant: 'on', weight: percent * 1000 },
      { variant: 'off', weight: (100 - percent) * 1000 },
    ].filter((entry) => entry.weight > 0),
  },
});

/** The flag's configuration in Dial (`PUT …/flags/:flag/environments/:environment`). */
export function dialConfig(flag: BenchFlag): Record<string, unknown> {
  const base = { enabled: true, offVariant: 'off', prerequisites: [] };
  switch (flag.shape) {
    case 'region':
      return { ...base, rules: [{ id: 'eu', when: [{ attr: 'country', op: 'eq', values: ['DE', 'FR', 'NL'] }], serve: { variant: 'on' } }], fallthrough: { variant: 'off' } };
    case 'rollout':
      return { ...base, rules: [], fallthrough: split(flag.percent) };
    case 'pro-eu':
      return {
        ...base,
        rules: [
          {
            id: 'pro-eu',
            when: [
              { attr: 'plan', op: 'eq', values: ['pro'] },
              { attr: 'country', op: 'eq', values: ['DE', 'FR'] },
            ],
            serve: split(flag.percent),
          },
        ],
        fallthrough: { variant: 'off' },
      };
    case 'staff':
      return { ...base, rules: [{ id: 'staff', when: [{ attr: 'email', op: 'endsWith', values: ['@example.com'] }], serve: { variant: 'on' } }], fallthrough: split(flag.percent) };
    case 'on':
      return { ...base, rules: [], fallthrough: { variant: 'on' } };
  }
}

/** The flag's strategies in Unleash: any strategy that matches turns it on, as Dial's rules then fallthrough do. */
export function unleashStrategies(flag: BenchFlag): Record<string, unknown>[] {
  const rollout = (percent: number, constraints: unknown[] = []) => ({
    name: 'flexibleRollout',
    constraints,
    parameters: { rollout: String(percent), stickiness: 'default', groupId: flag.key },
  });
  const always = (constraints: unknown[] = []) => ({ name: 'default', constraints, parameters: {} });
  switch (flag.shape) {
    case 'region':
      return [always([{ contextName: 'country', operator: 'IN', values: ['DE', 'FR', 'NL'] }])];
    case 'rollout':
      return [rollout(flag.percent)];
    case 'pro-eu':
      return [
        rollout(flag.percent, [
          { contextName: 'plan', operator: 'IN', values: ['pro'] },
          { contextName: 'country', operator: 'IN', values: ['DE', 'FR'] },
        ]),
      ];
    case 'staff':
      return [always([{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'] }]), rollout(flag.percent)];
    case 'on':
      return [always()];
  }
}

/** Which flags are on for a user by rule alone (no rollout): where the two systems must agree exactly. */
export function onByRule(flag: BenchFlag, user: BenchUser): boolean | undefined {
  switch (flag.shape) {
    case 'region':
      return ['DE', 'FR', 'NL'].includes(user.country);
    case 'on':
      return true;
    case 'pro-eu':
      return user.plan === 'pro' && ['DE', 'FR'].includes(user.country) ? undefined : false;
    case 'staff':
      return user.email.endsWith('@example.com') ? true : undefined;
    case 'rollout':
      return undefined;
  }
}
