import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** One field the API refused: `path` is a JSON path such as `rules[0].when[1].op`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answered by the API: its status, stable code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** The fields named by a validation error, if it is one. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]).filter((issue) => typeof issue?.path === 'string') : [];
  }

  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'version_conflict';
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : `The server answered ${status}`,
    error?.details,
  );
}

let csrfToken: string | undefined;
const sessionEndedListeners = new Set<(message: string) => void>();

/** Remembers the CSRF token of the signed-in session; every change sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Calls `listener` when a request is refused because the session is over. */
export function onSessionEnded(listener: (message: string) => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken !== undefined && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ request, response }) {
    const signingIn = new URL(request.url).pathname === '/api/v1/session';
    if (response.status === 401 && !signingIn) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const message = toApiError(401, body).message;
      for (const listener of sessionEndedListeners) listener(message);
    }
    return response;
  },
};

/** The typed API client: paths, parameters and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(session);

/**
 * The data of an API call, or its error thrown as an `ApiError`.
 *
 * @example
 * const { flags } = await data(api.GET('/api/v1/projects/{project}/flags', { params: { path: { project } } }));
 */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return body as T;
}

/** The header that makes an edit conditional on the version it was based on. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
