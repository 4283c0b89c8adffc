/**
 * The one catalogue of API errors. Each has a stable `code` clients can
 * branch on, an HTTP status, and a message for people; `details` carries
 * structured data such as the fields that failed validation.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/** One field that failed validation: `path` is a JSON path such as `rules[0].when[1].op`. */
export interface FieldIssue {
  path: string;
  message: string;
  /** A stable kind of problem, such as `unknown_segment`, when core validation found it. */
  code?: string;
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);

export const invalidJson = (message: string) => new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${message}`);

export function validationFailed(issues: readonly FieldIssue[]): ApiError {
  const first = issues[0];
  const summary = first === undefined ? 'The request is invalid' : `${first.path || 'body'}: ${first.message}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ApiError(400, 'validation_failed', `${summary}${more}`, { issues });
}

export const unauthorized = (message = 'Send a token as "Authorization: Bearer <token>"') => new ApiError(401, 'unauthorized', message);

export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** A console session that is over: the console sends its user back to sign in. */
export const sessionExpired = (message: string) => new ApiError(401, 'session_expired', message);

/** A cookie-authenticated write without its session's CSRF token. */
export const csrfFailed = () =>
  new ApiError(403, 'csrf_failed', 'A change made with the session cookie needs the session\'s CSRF token in the x-csrf-token header');

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} does not exist`);

export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);

export const alreadyExists = (what: string) => new ApiError(409, 'already_exists', `${what} already exists`);

/** The edit was based on an old version: the client must reload and retry. */
export const versionConflict = (what: string, sent: number, current: number) =>
  new ApiError(409, 'version_conflict', `${what} is at version ${current}; this edit was based on version ${sent}. Reload and try again.`, {
    currentVersion: current,
    sentVersion: sent,
  });

export const versionRequired = (what: string) =>
  new ApiError(
    428,
    'version_required',
    `Say which version of ${what} this edit is based on: an If-Match header or a "version" field`,
  );

export const payloadTooLarge = (limit: number) => new ApiError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`);

export const unsupportedMediaType = (type: string) =>
  new ApiError(415, 'unsupported_media_type', `Send JSON (Content-Type: application/json), not "${type}"`);

export const methodNotAllowed = (method: string, url: string) => new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${url}`);

export const routeNotFound = (method: string, url: string) => new ApiError(404, 'route_not_found', `No route ${method} ${url}`);

/** A client key over its rate limit; the reply says when to retry in `Retry-After`. */
export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', `Too many requests with this client key; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });

/** A browser on a web origin the key's environment does not allow. */
export const originNotAllowed = (origin: string) =>
  new ApiError(403, 'origin_not_allowed', `Origin ${origin} is not allowed for this environment: add it to the environment's corsOrigins`);

export const internal = () => new ApiError(500, 'internal', 'Something went wrong on our side; the request id in the logs tells what');

export const unavailable = (message: string) => new ApiError(503, 'unavailable', message);

/** A request that came while the server closes; the reply says when to retry in `Retry-After`. */
export const shuttingDown = (retryAfterSeconds = 1) =>
  new ApiError(503, 'unavailable', 'The server is shutting down; send the request again', { retryAfterSeconds });

/** The database cannot be reached just now (down, restarting); the reply says when to retry in `Retry-After`. */
export const databaseUnavailable = (retryAfterSeconds = 1) =>
  new ApiError(503, 'unavailable', `The database cannot be reached just now; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });

/** The server has more work queued than it takes on; the reply says when to retry in `Retry-After`. */
export const overloaded = (retryAfterSeconds: number) =>
  new ApiError(503, 'overloaded', `The server is busy writing earlier requests; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
