import {
  ErrorCode,
  type EvaluationContext,
  type FlagMetadata,
  type JsonValue,
  OpenFeatureEventEmitter,
  type Provider,
  ProviderEvents,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import { DialClient, type ClientEvents } from '../dial-client.js';
import type { FlagDetails } from '../flag-details.js';
import type { DialClientOptions } from '../options.js';

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/**
 * An OpenFeature context as a Dial context: `targetingKey` becomes `key`,
 * dates become ISO-8601 strings (what `before`/`after` compare), and every
 * other attribute passes through.
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
  // Dial's reasons and error codes already carry OpenFeature's names; PREREQUISITE_FAILED passes as a custom reason.
  const result: ResolutionDetails<T> = { value: details.value, reason: details.reason };
  if (details.variant !== undefined) result.variant = details.variant;
  if (details.errorCode !== undefined) result.errorCode = details.errorCode as ErrorCode;
  if (details.errorMessage !== undefined) result.errorMessage = details.errorMessage;
  const metadata: Record<string, string> = {};
  if (details.ruleId !== undefined) metadata.ruleId = details.ruleId;
  if (details.prerequisite !== undefined) metadata.prerequisite = details.prerequisite;
  if (Object.keys(metadata).length > 0) result.flagMetadata = metadata satisfies FlagMetadata;
  return result;
}

/**
 * Dial as an OpenFeature server provider. Given options, it creates its own
 * client and closes it in `onClose`; given a client, it leaves closing to you.
 *
 * @example
 * await OpenFeature.setProviderAndWait(new DialProvider({ sdkKey, baseUrl: 'https://dial.example.com' }));
 * const enabled = await OpenFeature.getClient().getBooleanValue('new-checkout', false, { targetingKey: user.id });
 */
export class DialProvider implements Provider {
  readonly metadata = { name: 'dial' } as const;
  readonly runsOn = 'server' as const;
  readonly events = new OpenFeatureEventEmitter();
  readonly client: DialClient;
  private readonly owned: boolean;
  private readonly onChange: (...args: ClientEvents['change']) => void;

  constructor(clientOrOptions: DialClient | DialClientOptions) {
    this.owned = !(clientOrOptions instanceof DialClient);
    this.client = clientOrOptions instanceof DialClient ? clientOrOptions : new DialClient(clientOrOptions);
    this.onChange = (keys) => this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: keys });
    this.client.on('change', this.onChange);
  }

  /** Waits for the client's `ready`, which resolves (never rejects) within its init timeout. */
  async initialize(): Promise<void> {
    await this.client.ready;
  }

  async onClose(): Promise<void> {
    this.client.off('change', this.onChange);
    if (this.owned) await this.client.close();
  }

  async resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return resolution(this.client.booleanDetails(flagKey, toDialContext(context), defaultValue));
  }

  async resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return resolution(this.client.stringDetails(flagKey, toDialContext(context), defaultValue));
  }

  async resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return resolution(this.client.numberDetails(flagKey, toDialContext(context), defaultValue));
  }

  /** Objects and arrays only: a flag serving a boolean, string, number or null is a TYPE_MISMATCH here. */
  async resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    const details = this.client.jsonDetails<JsonValue>(flagKey, toDialContext(context), defaultValue);
    if (details.errorCode === undefined && (typeof details.value !== 'object' || details.value === null)) {
      const got = details.value === null ? 'null' : typeof details.value;
      return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `the flag's value is ${got}, not an object` };
    }
    return resolution(details as FlagDetails<T>);
  }
}
