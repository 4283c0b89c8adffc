import { FlagdCore } from '@openfeature/flagd-core';
import type { EvaluationContext } from '@openfeature/core';
import type { Engine, FlagSpec, System } from '../system.js';
import type { User } from '../users.js';

/** The flags in flagd's JSON: JsonLogic targeting, then `fractional` on the targeting key. */
function flagdFlag({ shape }: FlagSpec): unknown {
  const base = { state: 'ENABLED', variants: { on: true, off: false } };
  if (shape === 'trivial') return { ...base, defaultVariant: 'on' };
  return {
    ...base,
    defaultVariant: 'off',
    targeting: {
      if: [
        { ends_with: [{ var: 'email' }, '@example.com'] },
        'on',
        { and: [{ in: [{ var: 'country' }, ['DE', 'FR', 'NL']] }, { '==': [{ var: 'plan' }, 'pro'] }] },
        'on',
        { fractional: [['on', 50], ['off', 50]] },
      ],
    },
  };
}

export function flagdContext(user: User): EvaluationContext {
  return { targetingKey: user.key, email: user.email, country: user.country, plan: user.plan };
}

/**
 * flagd's in-process evaluation core, as its in-process provider uses it:
 * `setConfigurations(json)` once, then `resolveBooleanEvaluation` per request.
 */
export const flagd: System = {
  id: 'flagd',
  label: '@openfeature/flagd-core  resolveBoolean',
  npmPackage: '@openfeature/flagd-core',
  async: false,
  peer: true,
  async open(flags, users): Promise<Engine> {
    const core = new FlagdCore();
    const configuration = { flags: Object.fromEntries(flags.map((flag) => [flag.key, flagdFlag(flag)])) };
    core.setConfigurations(JSON.stringify(configuration));
    const contexts = users.map(flagdContext);
    return {
      evaluateEach: async (flagKey) => contexts.map((context) => core.resolveBooleanEvaluation(flagKey, false, context).value),
      pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (core.resolveBooleanEvaluation(flagKey, false, contexts[i]).value) on++;
        }
        return on;
      },
      close() {},
    };
  },
};
