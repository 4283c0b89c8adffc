import { CompiledSnapshot, evaluate, type Context, type Flag, type Snapshot } from '@dial/core';
import type { Engine, FlagSpec, System } from '../system.js';
import type { User } from '../users.js';

/** The benchmark's flags in Dial's format (FLAGS.md). */
export function dialFlag({ key, shape }: FlagSpec): Flag {
  const base = { key, variants: { on: true, off: false }, enabled: true, offVariant: 'off' };
  if (shape === 'trivial') return { ...base, rules: [], fallthrough: { variant: 'on' } };
  return {
    ...base,
    rules: [
      { id: 'example-staff', when: [{ attr: 'email', op: 'endsWith', values: ['@example.com'] }], serve: { variant: 'on' } },
      {
        id: 'eu-pro',
        when: [
          { attr: 'country', op: 'eq', values: ['DE', 'FR', 'NL'] },
          { attr: 'plan', op: 'eq', values: ['pro'] },
        ],
        serve: { variant: 'on' },
      },
    ],
    fallthrough: { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } },
  };
}

export function dialContext(user: User): Context {
  return { key: user.key, email: user.email, country: user.country, plan: user.plan };
}

function snapshotOf(flags: readonly FlagSpec[]): Snapshot {
  return { version: 1, flags: flags.map(dialFlag), segments: [] };
}

/** The intended server path: compile once, then `compiled.evaluate` per request. */
export const dialCompiled: System = {
  id: 'dial',
  label: 'Dial core  compiled.evaluate',
  async: false,
  peer: false,
  async open(flags, users): Promise<Engine> {
    const compiled = CompiledSnapshot.compile(snapshotOf(flags));
    const contexts = users.map(dialContext);
    return {
      evaluateEach: async (flagKey) => contexts.map((context) => compiled.evaluate(flagKey, context).value === true),
      pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (compiled.evaluate(flagKey, contexts[i]).value === true) on++;
        }
        return on;
      },
      close() {},
    };
  },
};

/** The convenience path: `evaluate(snapshot, …)`, which finds the compiled form in a WeakMap. */
export const dialConvenience: System = {
  id: 'dial-evaluate',
  label: 'Dial core  evaluate(snapshot)',
  async: false,
  peer: false,
  async open(flags, users): Promise<Engine> {
    const snapshot = snapshotOf(flags);
    const contexts = users.map(dialContext);
    return {
      evaluateEach: async (flagKey) => contexts.map((context) => evaluate(snapshot, flagKey, context).value === true),
      pass(flagKey) {
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (evaluate(snapshot, flagKey, contexts[i]).value === true) on++;
        }
        return on;
      },
      close() {},
    };
  },
};
