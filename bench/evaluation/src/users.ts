import type { Rng } from './rng.js';

/** Which branch of the rules flag a user should take. */
export type Branch = 'example-staff' | 'eu-pro' | 'rollout';

/** One prepared user; each system turns it into its own context format before timing. */
export interface User {
  readonly key: string;
  readonly email: string;
  readonly country: string;
  readonly plan: string;
  readonly branch: Branch;
}

const EU_PRO_COUNTRIES = ['DE', 'FR', 'NL'] as const;
const COUNTRIES = ['DE', 'FR', 'NL', 'US', 'GB', 'ES', 'IT', 'PL', 'SE', 'CA', 'BR', 'JP', 'IN'] as const;
const PLANS = ['free', 'pro', 'team'] as const;
const DOMAINS = ['gmail.com', 'outlook.com', 'corp.test', 'example.org', 'mail.example.com.au'] as const;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/**
 * `count` users keyed `user-<n>`: about 10% on the `@example.com` rule, 15% on
 * the EU-pro rule, and the rest left to the 50% rollout.
 *
 * @example
 * const users = buildUsers(10_000, mulberry32(20_240_601));
 */
export function buildUsers(count: number, rng: Rng): User[] {
  const users: User[] = [];
  for (let n = 0; n < count; n++) {
    const key = `user-${n}`;
    const draw = rng();
    if (draw < 0.1) {
      users.push({ key, email: `${key}@example.com`, country: pick(rng, COUNTRIES), plan: pick(rng, PLANS), branch: 'example-staff' });
    } else if (draw < 0.25) {
      users.push({ key, email: `${key}@${pick(rng, DOMAINS)}`, country: pick(rng, EU_PRO_COUNTRIES), plan: 'pro', branch: 'eu-pro' });
    } else {
      const country = pick(rng, COUNTRIES);
      const euCountry = (EU_PRO_COUNTRIES as readonly string[]).includes(country);
      const plan = euCountry ? pick(rng, ['free', 'team'] as const) : pick(rng, PLANS);
      users.push({ key, email: `${key}@${pick(rng, DOMAINS)}`, country, plan, branch: 'rollout' });
    }
  }
  return users;
}
