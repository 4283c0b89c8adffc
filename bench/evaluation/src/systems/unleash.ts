import { once } from 'node:events';
import { InMemStorageProvider, Unleash, UnleashEvents, type Context, type UnleashConfig } from 'unleash-client';
import type { Engine, FlagSpec, System } from '../system.js';
import type { User } from '../users.js';

/**
 * The flags as the Unleash API would serve them: strategies are OR-ed in
 * order, so each rule is a 100% flexibleRollout behind its constraints, and
 * the last one is the 50% rollout sticky on `userId`.
 */
function unleashFeature({ key, shape }: FlagSpec): unknown {
  if (shape === 'trivial') return { name: key, enabled: true, strategies: [{ name: 'default', parameters: {}, constraints: [] }] };
  const everyone = { rollout: '100', stickiness: 'default', groupId: key };
  return {
    name: key,
    enabled: true,
    strategies: [
      {
        name: 'flexibleRollout',
        parameters: everyone,
        constraints: [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'], inverted: false, caseInsensitive: false }],
      },
      {
        name: 'flexibleRollout',
        parameters: everyone,
        constraints: [
          { contextName: 'country', operator: 'IN', values: ['DE', 'FR', 'NL'], inverted: false },
          { contextName: 'plan', operator: 'IN', values: ['pro'], inverted: false },
        ],
      },
      { name: 'flexibleRollout', parameters: { rollout: '50', stickiness: 'userId', groupId: key }, constraints: [] },
    ],
  };
}

/** Custom fields go in `properties`, as Unleash's docs ask. */
export function unleashContext(user: User): Context {
  return { userId: user.key, properties: { email: user.email, country: user.country, plan: user.plan } };
}

/**
 * unleash-client bootstrapped from data, with fetching, metrics and the file
 * backup turned off, so it never reaches a server or the disk. Timed call:
 * `unleash.isEnabled(key, context)`, its synchronous per-request API.
 */
export const unleash: System = {
  id: 'unleash',
  label: 'unleash-client  isEnabled',
  npmPackage: 'unleash-client',
  async: false,
  peer: true,
  async open(flags, users): Promise<Engine> {
    const problems: string[] = [];
    const client = new Unleash({
      appName: 'dial-bench',
      // Required, never contacted: refreshInterval 0 disables fetching and metrics are off.
      url: 'http://127.0.0.1:1/api',
      refreshInterval: 0,
      metricsInterval: 0,
      disableMetrics: true,
      skipInstanceCountWarning: true,
      storageProvider: new InMemStorageProvider(),
      // Bootstrap data is JSON as the server would send it; the typings want the SDK's enum for operators.
      bootstrap: { data: flags.map(unleashFeature) as NonNullable<UnleashConfig['bootstrap']>['data'] },
    });
    client.on(UnleashEvents.Error, (error: unknown) => problems.push(String(error)));
    client.on(UnleashEvents.Warn, (message: unknown) => problems.push(String(message)));
    await Promise.race([
      once(client, UnleashEvents.Ready),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`unleash-client not ready: ${problems.join('; ')}`)), 5_000).unref()),
    ]);
    const contexts = users.map(unleashContext);
    return {
      evaluateEach: async (flagKey) => contexts.map((context) => client.isEnabled(flagKey, context)),
      pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (client.isEnabled(flagKey, contexts[i])) on++;
        }
        return on;
      },
      close() {
        client.destroy();
        if (problems.length > 0) console.warn(`unleash-client reported: ${problems.join('; ')}`);
      },
    };
  },
};
