import http from 'node:http';

export interface Answer<T> {
  readonly status: number;
  readonly body: T;
}

/** A call the API refused: its status and `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Dial's admin API over one keep-alive connection, so a timed write is not
 * also timing a TCP handshake.
 *
 * @example
 * const api = new AdminApi('http://127.0.0.1:4242', token);
 * const { body } = await api.call<{ secret: string }>('POST', '/tokens', { kind: 'server', name: 'bench', project: 'default', environment: 'production' });
 */
export class AdminApi {
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const all: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json', ...headers };
    if (payload !== undefined) all['content-type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const request = http.request(new URL(`/api/v1${path}`, this.baseUrl), { method, agent: this.#agent, headers: all }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            parsed = text;
          }
          if (status >= 400) {
            const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
            reject(new ApiError(status, `${method} ${path} answered ${status}: ${error?.code ?? ''} ${error?.message ?? text.slice(0, 300)}`));
          } else {
            resolve({ status, body: parsed as T });
          }
        });
      });
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
