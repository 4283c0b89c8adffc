import { randomUUID } from 'node:crypto';
import type { Context } from '@dial/core';

/** The server's limits on one event (packages/server/src/events/event-validation.ts). */
export const EVENT_LIMITS = { nameLength: 200, keyLength: 256, attributes: 50, propertiesBytes: 8 * 1024, perRequest: 1_000 } as const;

/** One event as `POST /api/v1/events` takes it. */
export interface WireEvent {
  readonly id: string;
  readonly type: 'track' | 'exposure';
  readonly name: string;
  readonly variant?: string;
  readonly key: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>>;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly timestamp: string;
}

export interface EventInput {
  readonly type: 'track' | 'exposure';
  readonly name: string;
  readonly variant?: string;
  readonly context: Context | undefined;
  readonly properties?: unknown;
}

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** The context's flat attributes, as many as the server keeps; `key` is sent apart. */
export function scalarAttributes(context: Context): Record<string, string | number | boolean | null> | undefined {
  const attributes: Record<string, string | number | boolean | null> = {};
  let count = 0;
  for (const [name, value] of Object.entries(context)) {
    if (name === 'key' || !isScalar(value)) continue;
    if (count === EVENT_LIMITS.attributes) break;
    attributes[name] = value;
    count++;
  }
  return count === 0 ? undefined : attributes;
}

/**
 * The event to send, with a fresh id that stays with it through every retry
 * (so the server stores it once), or why it cannot be sent.
 *
 * @example
 * buildEvent({ type: 'track', name: 'purchase', context: { key: 'user-1', plan: 'pro' }, properties: { amount: 42 } }, new Date())
 */
export function buildEvent(input: EventInput, now: Date, newId: () => string = randomUUID): WireEvent | string {
  const { type, name, variant, context, properties } = input;
  if (typeof name !== 'string' || name === '' || name.length > EVENT_LIMITS.nameLength) {
    return `the event name must be a string of 1 to ${EVENT_LIMITS.nameLength} characters`;
  }
  const key: unknown = typeof context === 'object' && context !== null ? context.key : undefined;
  if (typeof key !== 'string' || key === '') return `the context of "${name}" has no key: events need the unit's key`;
  if (key.length > EVENT_LIMITS.keyLength) return `the context's key is longer than ${EVENT_LIMITS.keyLength} characters`;
  let props: Record<string, unknown> | undefined;
  if (properties !== undefined) {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return `the properties of "${name}" must be an object`;
    let text: string;
    try {
      text = JSON.stringify(properties);
    } catch (error) {
      return `the properties of "${name}" are not JSON: ${String(error)}`;
    }
    const bytes = Buffer.byteLength(text);
    if (bytes > EVENT_LIMITS.propertiesBytes) return `the properties of "${name}" are ${bytes} bytes as JSON; at most ${EVENT_LIMITS.propertiesBytes} are kept`;
    // A copy, so that later changes by the caller do not change what is sent.
    props = JSON.parse(text) as Record<string, unknown>;
  }
  const attributes = scalarAttributes(context as Context);
  return {
    id: newId(),
    type,
    name,
    ...(variant === undefined ? {} : { variant }),
    key,
    ...(attributes === undefined ? {} : { attributes }),
    ...(props === undefined ? {} : { properties: props }),
    timestamp: now.toISOString(),
  };
}
