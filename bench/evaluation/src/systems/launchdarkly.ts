import { basicLogger, init, integrations, type LDContext } from '@launchdarkly/node-server-sdk';
import type { Engine, System } from '../system.js';
import type { User } from '../users.js';

/**
 * The rules flag in LaunchDarkly's flag data model. TestData's builder has
 * only "in"/"not in" clauses and no percentage rollouts, so this shape goes in
 * through `usePreconfiguredFlag`, which TestData offers for exactly that.
 */
function launchdarklyRulesFlag(key: string): unknown {
  return {
    key,
    version: 1,
    on: true,
    variations: [true, false],
    offVariation: 1,
    salt: key,
    targets: [],
    contextTargets: [],
    prerequisites: [],
    rules: [
      {
        id: 'example-staff',
        clauses: [{ contextKind: 'user', attribute: 'email', op: 'endsWith', values: ['@example.com'], negate: false }],
        variation: 0,
        trackEvents: false,
      },
      {
        id: 'eu-pro',
        clauses: [
          { contextKind: 'user', attribute: 'country', op: 'in', values: ['DE', 'FR', 'NL'], negate: false },
          { contextKind: 'user', attribute: 'plan', op: 'in', values: ['pro'], negate: false },
        ],
        variation: 0,
        trackEvents: false,
      },
    ],
    fallthrough: { rollout: { variations: [{ variation: 0, weight: 50_000 }, { variation: 1, weight: 50_000 }] } },
    trackEvents: false,
    trackEventsFallthrough: false,
    deleted: false,
  };
}

export function launchdarklyContext(user: User): LDContext {
  return { kind: 'user', key: user.key, email: user.email, country: user.country, plan: user.plan };
}

/**
 * The LaunchDarkly server SDK fed by its TestData source: no streaming or
 * polling connection, no events, no diagnostics. Its evaluation API is
 * promise-only, so the timed call is `await client.variation(key, context, false)`.
 */
export const launchdarkly: System = {
  id: 'launchdarkly',
  label: '@launchdarkly/node-server-sdk  variation',
  npmPackage: '@launchdarkly/node-server-sdk',
  async: true,
  peer: true,
  async open(flags, users): Promise<Engine> {
    const td = new integrations.TestData();
    for (const flag of flags) {
      if (flag.shape === 'trivial') await td.update(td.flag(flag.key).booleanFlag().variationForAll(true));
      else await td.usePreconfiguredFlag(launchdarklyRulesFlag(flag.key));
    }
    const client = init('sdk-key-offline-bench', {
      updateProcessor: td.getFactory(),
      sendEvents: false,
      diagnosticOptOut: true,
      stream: false,
      logger: basicLogger({ level: 'warn' }),
    });
    await client.waitForInitialization({ timeout: 5 });
    const contexts = users.map(launchdarklyContext);
    return {
      evaluateEach: async (flagKey) => {
        const results: boolean[] = [];
        for (const context of contexts) results.push((await client.variation(flagKey, context, false)) === true);
        return results;
      },
      async pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if ((await client.variation(flagKey, contexts[i] as LDContext, false)) === true) on++;
        }
        return on;
      },
      close() {
        client.close();
      },
    };
  },
};
