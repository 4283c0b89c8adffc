import { DialError } from './dial-error.js';
import { type EvaluatedFlags, parseEvaluatedFlags } from './flag-details.js';
import type { EvaluationContext, FlagStorage } from './options.js';

/** The context's targeting key as a string ('' without one). */
export function targetingKeyOf(context: EvaluationContext): string {
  const key = context.key;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : '';
}

/** The storage key of one context's flags: one per client key and targeting key, so users of one browser do not see each other's. */
export function cacheKey(clientKey: string, context: EvaluationContext): string {
  return `dial:flags:${clientKey}:${targetingKeyOf(context)}`;
}

/**
 * The last flags evaluated for each context, kept in `localStorage` (or the
 * storage given) so that the next page load starts with them.
 */
export class FlagCache {
  constructor(
    private readonly storage: FlagStorage | undefined,
    private readonly clientKey: string,
  ) {}

  /** The flags kept for this context, undefined when there are none; a broken entry is a DialError. */
  read(context: EvaluationContext): EvaluatedFlags | DialError | undefined {
    if (this.storage === undefined) return undefined;
    try {
      const text = this.storage.getItem(cacheKey(this.clientKey, context));
      if (text === null) return undefined;
      return parseEvaluatedFlags(JSON.parse(text)) ?? new DialError('the flags kept in storage are not readable', 'storage');
    } catch (error) {
      return new DialError(`reading the flags kept in storage: ${String(error)}`, 'storage', { cause: error });
    }
  }

  /** Keeps these flags for this context; a full or refusing storage is a DialError. */
  write(context: EvaluationContext, flags: EvaluatedFlags): DialError | undefined {
    if (this.storage === undefined) return undefined;
    try {
      this.storage.setItem(cacheKey(this.clientKey, context), JSON.stringify(flags));
      return undefined;
    } catch (error) {
      return new DialError(`keeping the flags in storage: ${String(error)}`, 'storage', { cause: error });
    }
  }
}
