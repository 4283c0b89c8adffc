import type { FieldIssue } from '../platform/errors.js';

/** Limits of one ingestion request and of each event in it; the README's "Events" section states them. */
export const MAX_EVENTS_PER_REQUEST = 1_000;
export const MAX_EVENT_ID_LENGTH = 64;
export const MAX_NAME_LENGTH = 200;
export const MAX_KEY_LENGTH = 256;
export const MAX_ATTRIBUTES = 50;
export const MAX_PROPERTIES_BYTES = 8 * 1024;
/** A client clock may run this far ahead of the server's. */
export const MAX_FUTURE_MS = 5 * 60 * 1000;
/** Older events are refused: an SDK that held them this long is replaying, not reporting. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const EVENT_ID = /^[A-Za-z0-9_\-:.]{1,64}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Text PostgreSQL refuses: NUL, and UTF-16 surrogates without their pair. */
const isUnstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);
/** The same in JSON text, where JSON.stringify writes them as escapes (after an even number of backslashes). */
const UNSTORABLE_JSON = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;
const unstorable = (field: string) => `${field} holds a character that cannot be stored: NUL (\\u0000) or half of a surrogate pair`;
const FIELDS = new Set(['id', 'type', 'name', 'variant', 'key', 'attributes', 'properties', 'timestamp']);

/** One event as it is stored. */
export interface EventRow {
  environmentId: number;
  eventId: string;
  type: 'track' | 'exposure';
  name: string;
  unitKey: string;
  variant: string | null;
  attributes: string;
  properties: string;
  occurredAt: Date;
  receivedAt: Date;
}

export interface RejectedEvent {
  index: number;
  reason: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with a request body as a whole, which refuses every event in
 * it; an empty list when it is `{"events": [...]}` with at most 1,000 events.
 */
export function batchIssues(body: unknown): FieldIssue[] {
  if (!isObject(body)) return [{ path: 'body', message: 'must be a JSON object such as {"events": [...]}' }];
  const issues: FieldIssue[] = [];
  for (const field of Object.keys(body)) if (field !== 'events') issues.push({ path: field, message: 'is not a known field' });
  const events = body.events;
  if (!Array.isArray(events)) issues.push({ path: 'events', message: 'is required: an array of events' });
  else if (events.length > MAX_EVENTS_PER_REQUEST) {
    issues.push({ path: 'events', message: `has ${events.length} events; at most ${MAX_EVENTS_PER_REQUEST} are allowed per request` });
  }
  return issues;
}

function timestampOf(value: unknown): number | string {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : 'timestamp must be epoch milliseconds (a whole number) or an ISO-8601 string';
  if (typeof value === 'string' && ISO_8601.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return 'timestamp must be an ISO-8601 string with a time zone, such as "2026-01-31T12:00:00Z", or epoch milliseconds';
}

/**
 * One event checked against the limits, relative to `receivedAt`: the row to
 * store, or the reason it is refused.
 *
 * @example
 * parseEvent({ id: 'e1', type: 'track', name: 'signup', key: 'user-1', timestamp: Date.now() }, 7, new Date())
 */
export function parseEvent(event: unknown, environmentId: number, receivedAt: Date): EventRow | string {
  if (!isObject(event)) return 'must be a JSON object';
  for (const field of Object.keys(event)) if (!FIELDS.has(field)) return `${field} is not a known field`;
  const { id, type, name, variant, key, attributes, properties, timestamp } = event;
  if (typeof id !== 'string' || !EVENT_ID.test(id)) return `id must be 1 to ${MAX_EVENT_ID_LENGTH} characters of A-Z, a-z, 0-9, _ - : .`;
  if (type !== 'track' && type !== 'exposure') return 'type must be "track" or "exposure"';
  if (typeof name !== 'string' || name === '' || name.length > MAX_NAME_LENGTH) {
    return `name must be a string of 1 to ${MAX_NAME_LENGTH} characters${type === 'exposure' ? ' (the flag key)' : ''}`;
  }
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) return `key must be a string of 1 to ${MAX_KEY_LENGTH} characters (the unit, such as a user id)`;
  if (variant !== undefined && (typeof variant !== 'string' || variant === '' || variant.length > MAX_NAME_LENGTH)) {
    return `variant must be a string of 1 to ${MAX_NAME_LENGTH} characters`;
  }
  if (type === 'exposure' && variant === undefined) return 'variant is required for an exposure: the variant the unit was served';
  // One such event would fail the whole transaction it is written in, with every request grouped into it.
  if (isUnstorable(name)) return unstorable('name');
  if (isUnstorable(key)) return unstorable('key');
  if (variant !== undefined && isUnstorable(variant)) return unstorable('variant');
  if (attributes !== undefined) {
    if (!isObject(attributes)) return 'attributes must be a JSON object of strings, numbers, booleans or nulls';
    const entries = Object.values(attributes);
    if (entries.length > MAX_ATTRIBUTES) return `attributes has ${entries.length} entries; at most ${MAX_ATTRIBUTES} are allowed`;
    for (const value of entries) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return 'attributes must be flat: each value a string, number, boolean or null';
      }
    }
  }
  const attributesText = attributes === undefined ? '{}' : JSON.stringify(attributes);
  if (UNSTORABLE_JSON.test(attributesText)) return unstorable('attributes');
  let propertiesText = '{}';
  if (properties !== undefined) {
    if (!isObject(properties)) return 'properties must be a JSON object';
    propertiesText = JSON.stringify(properties);
    const bytes = Buffer.byteLength(propertiesText);
    if (bytes > MAX_PROPERTIES_BYTES) return `properties is ${bytes} bytes as JSON; at most ${MAX_PROPERTIES_BYTES} are allowed`;
    if (UNSTORABLE_JSON.test(propertiesText)) return unstorable('properties');
  }
  const occurred = timestampOf(timestamp);
  if (typeof occurred === 'string') return occurred;
  if (occurred > receivedAt.getTime() + MAX_FUTURE_MS) return 'timestamp is more than 5 minutes ahead of the server\'s clock';
  if (occurred < receivedAt.getTime() - MAX_AGE_MS) return 'timestamp is more than 30 days old';
  return {
    environmentId,
    eventId: id,
    type,
    name,
    unitKey: key,
    variant: variant ?? null,
    attributes: attributesText,
    properties: propertiesText,
    occurredAt: new Date(occurred),
    receivedAt,
  };
}
