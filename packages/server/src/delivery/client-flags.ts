import { CompiledSnapshot, type Context, type ErrorCode, type EvaluationResult, type JsonValue, type Reason } from '@dial/core';

/** What a client key is told about one flag: its value, never why beyond the reason. */
export type ClientResult =
  | { value: JsonValue; variant: string; reason: Exclude<Reason, 'ERROR'> }
  | { reason: 'ERROR'; errorCode: ErrorCode };

/**
 * The part of an evaluation result a browser may see: no rule id, no
 * prerequisite (it could name a hidden flag), no error message (it could
 * quote a rule).
 *
 * @example
 * clientResult({ variant: 'on', value: true, reason: 'SPLIT', ruleId: 'eu' }); // { value: true, variant: 'on', reason: 'SPLIT' }
 */
export function clientResult(result: EvaluationResult): ClientResult {
  if (result.reason === 'ERROR' || result.variant === undefined) return { reason: 'ERROR', errorCode: result.errorCode ?? 'PARSE_ERROR' };
  return { value: result.value ?? null, variant: result.variant, reason: result.reason };
}

/**
 * The client-side flags of one snapshot version, compiled once for every
 * client evaluation of that version. The whole snapshot is compiled, so a
 * client-side flag may have prerequisites and segments that clients never
 * see; only the client-side flags are evaluated and answered.
 *
 * Results are shared between evaluations by the core engine, so each one's
 * JSON is written once and reused: an answer is a concatenation of strings.
 *
 * @example
 * const flags = ClientFlags.compile(snapshot, ['banner', 'new-checkout']);
 * flags.answer({ key: 'user-1' }); // '{"version":12,"flags":{"banner":{"value":"Hi","variant":"short","reason":"DEFAULT"},…}}'
 */
export class ClientFlags {
  private readonly fragments = new WeakMap<EvaluationResult, string>();
  private readonly head: string;
  /** `"key":` of each client-side flag, JSON-escaped once. */
  private readonly names: readonly string[];

  private constructor(
    readonly version: number,
    private readonly compiled: CompiledSnapshot,
    private readonly keys: readonly string[],
  ) {
    this.head = `{"version":${version},"flags":{`;
    this.names = keys.map((key) => `${JSON.stringify(key)}:`);
  }

  /** Compiles a snapshot (as FLAGS.md describes it) for the given client-side flag keys; keys it lacks are skipped. */
  static compile(snapshot: { version: number; flags: readonly { key: string }[] }, clientSideKeys: readonly string[]): ClientFlags {
    const compiled = CompiledSnapshot.compile(snapshot);
    return new ClientFlags(
      snapshot.version,
      compiled,
      clientSideKeys.filter((key) => compiled.has(key)),
    );
  }

  /** The client-side flags' results for one context. */
  evaluate(context: Context): Record<string, ClientResult> {
    const flags: Record<string, ClientResult> = {};
    for (const key of this.keys) flags[key] = clientResult(this.compiled.evaluate(key, context));
    return flags;
  }

  /** The body of `/sdk/evaluate` for one context: `{"version":N,"flags":{…}}`. */
  answer(context: Context): string {
    let text = this.head;
    for (let i = 0; i < this.keys.length; i++) {
      const result = this.compiled.evaluate(this.keys[i]!, context);
      let fragment = this.fragments.get(result);
      if (fragment === undefined) {
        fragment = JSON.stringify(clientResult(result));
        this.fragments.set(result, fragment);
      }
      text += i === 0 ? this.names[i]! + fragment : `,${this.names[i]!}${fragment}`;
    }
    return `${text}}}`;
  }
}
