/**
 * What the benchmark asks of Dial's admin API: the project, the flag, five
 * metrics and the experiment it measures, then the experiment's results.
 */
import { FLAG, VARIANTS } from './data-generator.js';

export const PROJECT = 'shop';
export const ENVIRONMENT = 'production';
export const EXPERIMENT = 'checkout-test';

/** The metrics the experiment reads, as the admin API takes them: primary first, then secondary, then the guardrail. */
export const METRICS = [
  { key: 'purchased', name: 'Purchased', kind: 'conversion', event: 'purchase', windowDays: 7 },
  { key: 'added-to-cart', name: 'Added to cart', kind: 'conversion', event: 'add_to_cart', windowDays: 7 },
  { key: 'revenue', name: 'Revenue per unit', kind: 'mean', event: 'purchase', property: 'amount', windowDays: 7 },
  { key: 'big-purchase', name: 'Purchased for 50 or more', kind: 'conversion', event: 'purchase', where: [{ property: 'amount', operator: 'gte', value: 50 }], windowDays: 7 },
  { key: 'page-views', name: 'Page views per unit', kind: 'mean', event: 'page_view', windowDays: 7 },
] as const;

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

  /** The project with its environment, `new-checkout` on in a 50/50 rollout of control and treatment, the metrics and the experiment, a draft. */
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
      { version: 1, enabled: true, offVariant: VARIANTS[0], rules: [], fallthrough: { rollout: { split: VARIANTS.map((variant) => ({ variant, weight: 50_000 })) } } },
      200,
    );
    for (const metric of METRICS) await this.send('POST', `/projects/${PROJECT}/metrics`, metric, 201);
    await this.send(
      'POST',
      `/projects/${PROJECT}/experiments`,
      {
        key: EXPERIMENT,
        name: 'New checkout',
        hypothesis: 'The new checkout sells more',
        flag: FLAG,
        environment: ENVIRONMENT,
        control: VARIANTS[0],
        treatments: [VARIANTS[1]],
        primaryMetric: METRICS[0].key,
        secondaryMetrics: METRICS.slice(1, -1).map((metric) => metric.key),
        guardrailMetrics: [METRICS.at(-1)!.key],
      },
      201,
    );
  }

  /** Starts the experiment as of `startedAt`, before the data. */
  async startExperiment(startedAt: number): Promise<void> {
    await this.send('POST', `/projects/${PROJECT}/experiments/${EXPERIMENT}/start`, { version: 1, startedAt: new Date(startedAt).toISOString() }, 200);
  }
}

/** The experiment's results under `/api/v1`. */
export const RESULTS_PATH = `/projects/${PROJECT}/experiments/${EXPERIMENT}/results`;
