/**
 * The benchmark's events: each one unique, shaped like SDK traffic, written
 * either as the JSON body of `POST /api/v1/events` or as the lines of a
 * `COPY events FROM STDIN` (text format) carrying the same row.
 */

const TRACKED = ['page_view', 'signup', 'add_to_cart', 'checkout', 'search', 'share', 'upgrade', 'invite'] as const;
const FLAGS = ['new-checkout', 'search-v2', 'pricing-page', 'onboarding-tour', 'dark-mode'] as const;
const VARIANTS = ['on', 'off'] as const;
const COUNTRIES = ['DE', 'FR', 'US', 'JP', 'BR', 'IN'] as const;
const PLANS = ['free', 'pro', 'team'] as const;
const PATHS = ['/', '/pricing', '/docs', '/signup', '/settings'] as const;

/** One event as the SDK sends it and as the row stores it. */
export interface BenchEvent {
  readonly id: string;
  readonly type: 'track' | 'exposure';
  readonly name: string;
  readonly variant: string | undefined;
  readonly key: string;
  /** Flat attributes as JSON text. */
  readonly attributes: string;
  /** Properties as JSON text. */
  readonly properties: string;
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

export interface EventSourceOptions {
  /** Prefix of every id: unique per run and phase, so no id is ever sent twice by accident. */
  readonly idPrefix: string;
  /** One event in this many is an exposure (5: a fifth); 0 for none. */
  readonly exposureEvery: number;
  /** Distinct units (users) the events are spread over. */
  readonly units: number;
  readonly seed: number;
}

const pick = <T>(values: readonly T[], n: number): T => values[n % values.length] as T;

/**
 * Unique events, cheap to make: ids count up, everything else comes from a
 * small linear congruential generator so values vary without `Math.random`.
 *
 * @example
 * const source = new EventSource({ idPrefix: 'b100-0', exposureEvery: 5, units: 100_000, seed: 1 });
 * source.next(Date.now()); // { id: 'b100-0-0', type: 'exposure', ... }
 */
export class EventSource {
  #sequence = 0;
  #state: number;

  constructor(private readonly options: EventSourceOptions) {
    this.#state = options.seed >>> 0 || 1;
  }

  #random(): number {
    // Numerical Recipes' constants; 32-bit state.
    this.#state = (Math.imul(this.#state, 1664525) + 1013904223) >>> 0;
    return this.#state;
  }

  next(now: number): BenchEvent {
    const n = this.#sequence++;
    const r = this.#random();
    const exposure = this.options.exposureEvery > 0 && n % this.options.exposureEvery === 0;
    const key = `user-${(r >>> 3) % this.options.units}`;
    const attributes = `{"country":"${pick(COUNTRIES, r >>> 7)}","plan":"${pick(PLANS, r >>> 11)}","beta":${(r & 1) === 1}}`;
    return {
      id: `${this.options.idPrefix}-${n}`,
      type: exposure ? 'exposure' : 'track',
      name: exposure ? pick(FLAGS, r >>> 13) : pick(TRACKED, r >>> 13),
      variant: exposure ? pick(VARIANTS, r >>> 17) : undefined,
      key,
      attributes,
      properties: exposure ? '{}' : `{"path":"${pick(PATHS, r >>> 19)}","amount":${(r >>> 22) / 100},"items":${(r >>> 27) + 1}}`,
      timestamp: now - (r % 1000),
    };
  }
}

/** `{"events":[...]}` as an SDK sends it, built as text: JSON.stringify of objects would cost the sender more than the server's parse. */
export function requestBody(events: readonly BenchEvent[]): string {
  const parts = events.map(
    (e) =>
      `{"id":"${e.id}","type":"${e.type}","name":"${e.name}",${e.variant === undefined ? '' : `"variant":"${e.variant}",`}"key":"${e.key}",` +
      `"attributes":${e.attributes},"properties":${e.properties},"timestamp":${e.timestamp}}`,
  );
  return `{"events":[${parts.join(',')}]}`;
}

/** The columns `copyLine` fills, in order. */
export const COPY_COLUMNS = 'environment_id, event_id, type, name, unit_key, variant, attributes, properties, occurred_at, received_at';

/** Backslash, tab, newline and carriage return are COPY text format's specials. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** One row of `COPY events (COPY_COLUMNS) FROM STDIN` in text format, newline included. */
export function copyLine(environmentId: number, event: BenchEvent, receivedAt: number): string {
  return (
    [
      String(environmentId),
      copyText(event.id),
      event.type,
      copyText(event.name),
      copyText(event.key),
      event.variant === undefined ? '\\N' : copyText(event.variant),
      copyText(event.attributes),
      copyText(event.properties),
      new Date(event.timestamp).toISOString(),
      new Date(receivedAt).toISOString(),
    ].join('\t') + '\n'
  );
}
