import {
  type ErrorCode,
  type EvaluationContext,
  type JsonValue,
  OpenFeatureEventEmitter,
  type Provider,
  ProviderEvents,
  type ResolutionDetails,
} from '@openfeature/web-sdk';
import { type ClientEvents, DialWebClient } from '../dial-web-client.js';
import type { FlagDetails, JsonValue as DialJson } from '../flag-details.js';
import type { DialWebClientOptions, EvaluationContext as DialContext } from '../options.js';

/** The client's options; the context comes from OpenFeature (`OpenFeature.setContext`). */
export type DialWebProviderOptions = Omit<DialWebClientOptions, 'context'>;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/**
 * An OpenFeature context as a Dial context: `targetingKey` becomes `key`,
 * dates become ISO-8601 strings (what `before`/`after` compare), and every
 * other attribute passes through. The same mapping as the Node SDK's provider.
 */
export function toDialContext(context: EvaluationContext): Record<string, unknown> {
  const dial: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) {
    if (name !== 'targetingKey') dial[name] = plain(value);
  }
  if (typeof context.targetingKey === 'string') dial.key = context.targetingKey;
  return dial;
}

function resolution<T>(details: FlagDetails<T>): ResolutionDetails<T> {
  // Dial's reasons and error codes are OpenFeature's names; PREREQUISITE_FAILED passes as a custom reason.
  const result: ResolutionDetails<T> = { value: details.value, reason: details.reason };
  if (details.variant !== undefined) result.variant = details.variant;
  if (details.errorCode !== undefined) result.errorCode = details.errorCode as ErrorCode;
  if (details.errorMessage !== undefined) result.errorMessage = details.errorMessage;
  return result;
}

const notReady = <T>(value: T): ResolutionDetails<T> => ({
  value,
  reason: 'ERROR',
  errorCode: 'PROVIDER_NOT_READY' as ErrorCode,
  errorMessage: 'the provider has not been initialized',
});

/**
 * Dial as an OpenFeature web provider (static context: one user at a time).
 * Given options, it creates its client in `initialize` with OpenFeature's
 * context and closes it in `onClose`; given a client, it leaves closing to
 * you. A context change (`OpenFeature.setContext`) asks Dial for the new
 * context's flags; flag changes emit `ConfigurationChanged`.
 *
 * @example
 * await OpenFeature.setContext({ targetingKey: user.id, plan: 'pro' });
 * await OpenFeature.setProviderAndWait(new DialWebProvider({ clientKey, baseUrl: 'https://dial.example.com' }));
 * OpenFeature.getClient().getBooleanValue('new-checkout', false);
 */
export class DialWebProvider implements Provider {
  readonly metadata = { name: 'dial' } as const;
  readonly runsOn = 'client' as const;
  readonly events = new OpenFeatureEventEmitter();
  private readonly options: DialWebProviderOptions | undefined;
  private current: DialWebClient | undefined;
  private readonly onChange: (...args: ClientEvents['change']) => void;

  constructor(clientOrOptions: DialWebClient | DialWebProviderOptions) {
    this.onChange = (keys) => this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: keys });
    if (clientOrOptions instanceof DialWebClient) {
      this.current = clientOrOptions;
      this.current.on('change', this.onChange);
    } else {
      this.options = clientOrOptions;
    }
  }

  /** The client serving the flags: the one given, or the one created by `initialize`. */
  get client(): DialWebClient | undefined {
    return this.current;
  }

  /** Waits for the client's `ready`, which resolves (never rejects) within its init timeout. */
  async initialize(context?: EvaluationContext): Promise<void> {
    const dialContext: DialContext = toDialContext(context ?? {});
    if (this.current === undefined && this.options !== undefined) {
      this.current = new DialWebClient({ ...this.options, context: dialContext });
      this.current.on('change', this.onChange);
    } else if (this.current !== undefined && context !== undefined && Object.keys(context).length > 0) {
      // A client given with its own context keeps it until OpenFeature has one to say.
      await this.current.setContext(dialContext);
    }
    await this.current?.ready;
  }

  async onContextChange(_oldContext: EvaluationContext, newContext: EvaluationContext): Promise<void> {
    await this.current?.setContext(toDialContext(newContext));
  }

  async onClose(): Promise<void> {
    this.current?.off('change', this.onChange);
    if (this.options !== undefined) this.current?.close();
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean): ResolutionDetails<boolean> {
    return this.current === undefined ? notReady(defaultValue) : resolution(this.current.booleanDetails(flagKey, defaultValue));
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string): ResolutionDetails<string> {
    return this.current === undefined ? notReady(defaultValue) : resolution(this.current.stringDetails(flagKey, defaultValue));
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number): ResolutionDetails<number> {
    return this.current === undefined ? notReady(defaultValue) : resolution(this.current.numberDetails(flagKey, defaultValue));
  }

  /** Objects and arrays only: a flag serving a boolean, string, number or null is a TYPE_MISMATCH here. */
  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T): ResolutionDetails<T> {
    if (this.current === undefined) return notReady(defaultValue);
    const details = this.current.jsonDetails<DialJson>(flagKey, defaultValue as DialJson);
    if (details.errorCode === undefined && (typeof details.value !== 'object' || details.value === null)) {
      const got = details.value === null ? 'null' : typeof details.value;
      return { value: defaultValue, reason: 'ERROR', errorCode: 'TYPE_MISMATCH' as ErrorCode, errorMessage: `the flag's value is ${got}, not an object` };
    }
    return resolution(details as FlagDetails<T>);
  }
}
