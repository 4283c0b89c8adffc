/**
 * What the benchmark asks of Dial's admin API: the project, environment, flag
 * and journey it measures, then the funnel and usage it times.
 */
import { FLAG, STEPS, VARIANTS } from './event-generator.js';

export const PROJECT = 'shop';
export const ENVIRONMENT = 'production';
export const JOURNEY = 'checkout';
export const WINDOW_SECONDS = 7 * 86_400;

/** An answer that was not the one expected: the benchmark stops on it. */
export class ApiError extends Error {}

export class AdminApi {
  constructor(
    /** The server's base URL, such as `http://127.0.0.1:40123`. */
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** Sends a request under `/api/v1` and returns the parsed answer, or throws unless the status is `expected`. */
  async send(method: string, path: string, body: unknown, expected: number): Promise<unknown> {
    const response = await fetch(new URL(`/api/v1${path}`, this.url), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status !== expected) throw new ApiError(`${method} ${path} answered ${response.status}, not ${expected}: ${text.slice(0, 2000)}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  /** The project with its environment, and `new-checkout` on in a 50/50 rollout of control and treatment. */
  async createShop(): Promise<void> {
    await this.send('POST', '/projects', { key: PROJECT, name: 'Shop', environments: [{ key: ENVIRONMENT, name: 'Production' }] }, 201);
    await this.send(
      'POST',
      `/projects/${PROJECT}/flags`,
      {
        key: FLAG,
        name: 'New checkout',
        kind: 'boolean',
        variants: [
          { key: VARIANTS[0], value: false },
          { key: VARIANTS[1], value: true },
        ],
        onVariant: VARIANTS[1],
        offVariant: VARIANTS[0],
      },
      201,
    );
    await this.send(
      'PUT',
      `/projects/${PROJECT}/flags/${FLAG}/environments/${ENVIRONMENT}`,
      {
        version: 1,
        enabled: true,
        offVariant: VARIANTS[0],
        rules: [],
        fallthrough: { rollout: { split: VARIANTS.map((variant) => ({ variant, weight: 50_000 })) } },
      },
      200,
    );
  }

  /** The 4-step checkout journey, with a 7-day window. */
  async createJourney(): Promise<void> {
    await this.send(
      'POST',
      `/projects/${PROJECT}/journeys`,
      { key: JOURNEY, name: 'Checkout', steps: STEPS.map((event) => ({ event })), conversionWindowSeconds: WINDOW_SECONDS },
      201,
    );
  }
}

/** The funnel's path under `/api/v1`: the journey over `from`…`to`, by the variant of `new-checkout`. */
export function funnelPath(range: { from: number; to: number }): string {
  const query = new URLSearchParams({
    environment: ENVIRONMENT,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    breakdown: `flag:${FLAG}`,
  });
  return `/projects/${PROJECT}/journeys/${JOURNEY}/funnel?${query}`;
}

/** Daily usage's path under `/api/v1`: each of `events` per UTC day over `from`…`to`. */
export function usagePath(range: { from: number; to: number }, events: readonly string[]): string {
  const query = new URLSearchParams({ environment: ENVIRONMENT, from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
  for (const event of events) query.append('event', event);
  return `/projects/${PROJECT}/usage?${query}`;
}
