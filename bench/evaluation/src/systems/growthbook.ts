import { GrowthBookClient, type FeatureDefinition, type UserContext } from '@growthbook/growthbook';
import type { Engine, FlagSpec, System } from '../system.js';
import type { User } from '../users.js';

/**
 * The flags as a GrowthBook payload: force rules behind conditions (GrowthBook
 * has no "ends with" operator, so the UI's regex one), then a percentage
 * rollout rule (force with coverage 0.5, hashed on `id`).
 */
function growthbookFeature({ shape }: FlagSpec): FeatureDefinition<boolean> {
  if (shape === 'trivial') return { defaultValue: true };
  return {
    defaultValue: false,
    rules: [
      { id: 'example-staff', condition: { email: { $regex: '@example\\.com$' } }, force: true },
      { id: 'eu-pro', condition: { country: { $in: ['DE', 'FR', 'NL'] }, plan: 'pro' }, force: true },
      { id: 'rollout', force: true, coverage: 0.5, hashAttribute: 'id' },
    ],
  };
}

export function growthbookUser(user: User): UserContext {
  return { attributes: { id: user.key, email: user.email, country: user.country, plan: user.plan } };
}

/**
 * GrowthBook's multi-user client, the server pattern: one instance holds the
 * payload (`initSync`, no polling or streaming), and each request passes its
 * own user context. Timed call: `client.evalFeature(key, { attributes })`.
 */
export const growthbook: System = {
  id: 'growthbook',
  label: '@growthbook/growthbook  evalFeature',
  npmPackage: '@growthbook/growthbook',
  async: false,
  peer: true,
  async open(flags, users): Promise<Engine> {
    const features = Object.fromEntries(flags.map((flag) => [flag.key, growthbookFeature(flag)]));
    const client = new GrowthBookClient().initSync({ payload: { features } });
    const contexts = users.map(growthbookUser);
    return {
      evaluateEach: async (flagKey) => contexts.map((context) => client.evalFeature(flagKey, context).value === true),
      pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (client.evalFeature(flagKey, contexts[i] as UserContext).value === true) on++;
        }
        return on;
      },
      close() {
        client.destroy();
      },
    };
  },
};
