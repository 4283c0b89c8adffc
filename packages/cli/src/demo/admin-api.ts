/** A problem `dial demo` explains to the person running it, and stops on. */
export class DemoError extends Error {}

/** How long one admin request may take before the demo gives up on it. */
const REQUEST_TIMEOUT_MS = 30_000;

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * The admin API of a running Dial, as `dial demo` uses it: the first problem
 * (unreachable server, refused token, a request the server turned down)
 * becomes a DemoError that says what to do.
 *
 * @example
 * const api = new AdminApi('http://127.0.0.1:4242', process.env.DIAL_ADMIN_TOKEN!);
 * const project = await api.find('/projects/demo'); // undefined when it does not exist
 */
export class AdminApi {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The resource at `route`, or undefined when the server answers that it does not exist. */
  async find<T>(route: string): Promise<T | undefined> {
    const answer = await this.request('GET', route);
    if (answer.status === 404 && (answer.body as ErrorBody).error?.code === 'not_found') return undefined;
    return this.checked<T>('GET', route, answer);
  }

  async get<T>(route: string): Promise<T> {
    return this.checked<T>('GET', route, await this.request('GET', route));
  }

  /** Sends a change; an answer other than 2xx is a DemoError. */
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.checked<T>(method, route, await this.request(method, route, body, headers));
  }

  /** Sends a request and returns the status and parsed body, whatever the status but 401 and 403. */
  async request(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}/api/v1${route}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DemoError(`cannot reach Dial at ${this.baseUrl} (${reason(error)}). Is it running? Start it with "dial serve", or pass its address with --url.`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      // Not JSON: not Dial answering, most likely; the text says what it was.
    }
    if (response.status === 401) {
      throw new DemoError(`Dial at ${this.baseUrl} refused the admin token (401). Pass the admin token printed at Dial's first start with --token, or set DIAL_ADMIN_TOKEN.`);
    }
    if (response.status === 403) {
      throw new DemoError(`the token is not an admin token (403): dial demo needs one to create the demo project and its SDK key.`);
    }
    return { status: response.status, body: parsed };
  }

  /** The body of a 2xx answer; any other is a DemoError naming the request and the server's reason. */
  checked<T>(method: string, route: string, answer: { status: number; body: unknown }): T {
    if (answer.status >= 200 && answer.status < 300) return answer.body as T;
    const error = (answer.body as ErrorBody | undefined)?.error;
    const what = error?.message !== undefined ? `${error.code ?? 'error'}: ${error.message}` : String(answer.body).slice(0, 200);
    throw new DemoError(`${method} ${this.baseUrl}/api/v1${route} answered ${answer.status} (${what})`);
  }
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.message ?? cause?.code ?? error.message;
}
