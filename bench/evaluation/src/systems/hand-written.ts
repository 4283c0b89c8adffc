import { bucketOf, saltState } from '@dial/core';
import type { Engine, System } from '../system.js';

interface PlainContext {
  readonly key: string;
  readonly email: string;
  readonly country: string;
  readonly plan: string;
}

const rulesSalt = saltState('rules-flag');

/** The rules flag written out by hand, with the same bucketing as Dial: the practical speed limit. */
function rulesFlag(ctx: PlainContext): boolean {
  if (ctx.email.endsWith('@example.com')) return true;
  const country = ctx.country;
  if ((country === 'DE' || country === 'FR' || country === 'NL') && ctx.plan === 'pro') return true;
  return bucketOf(rulesSalt, ctx.key) < 50_000;
}

function trivialFlag(_ctx: PlainContext): boolean {
  return true;
}

/** No engine: one function per flag, hard-coded. Only the two benchmark flags exist. */
export const handWritten: System = {
  id: 'hand-written',
  label: 'hand-written JS (limit)',
  async: false,
  peer: false,
  async open(flags, users): Promise<Engine> {
    const byKey = new Map(flags.map((flag) => [flag.key, flag.shape === 'rules' ? rulesFlag : trivialFlag]));
    const contexts: PlainContext[] = users.map((user) => ({ key: user.key, email: user.email, country: user.country, plan: user.plan }));
    const functionFor = (flagKey: string): ((ctx: PlainContext) => boolean) => {
      const fn = byKey.get(flagKey);
      if (fn === undefined) throw new Error(`hand-written: no function for ${flagKey}`);
      return fn;
    };
    return {
      evaluateEach: async (flagKey) => contexts.map(functionFor(flagKey)),
      pass(flagKey) {
        const fn = functionFor(flagKey);
        let on = 0;
        for (let i = 0; i < contexts.length; i++) {
          if (fn(contexts[i] as PlainContext)) on++;
        }
        return on;
      },
      close() {},
    };
  },
};
