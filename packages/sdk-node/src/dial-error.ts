/** What went wrong in the background; `unauthorized` is the one that stops all retrying. */
export type DialErrorKind = 'network' | 'http' | 'unauthorized' | 'timeout' | 'invalid-data' | 'file' | 'config' | 'listener';

/**
 * An error the client met in the background. It is logged and emitted as an
 * `error` event, never thrown into the host.
 */
export class DialError extends Error {
  override readonly name = 'DialError';

  constructor(
    message: string,
    readonly kind: DialErrorKind,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }

  /** The HTTP status, for `http` and `unauthorized`. */
  readonly status: number | undefined;

  /** Retrying cannot help: the SDK key is wrong or revoked. */
  get fatal(): boolean {
    return this.kind === 'unauthorized';
  }
}

/** The error for a non-2xx answer from Dial. */
export function httpError(what: string, status: number): DialError {
  if (status === 401 || status === 403) {
    return new DialError(`${what}: the SDK key was refused (HTTP ${status}); not retrying`, 'unauthorized', { status });
  }
  return new DialError(`${what}: HTTP ${status}`, 'http', { status });
}

/** A failed or aborted request as a DialError; an abort reason that already is one is kept. */
export function requestError(what: string, error: unknown, signal: AbortSignal | undefined): DialError {
  const reason: unknown = signal?.aborted === true ? signal.reason : undefined;
  if (reason instanceof DialError) return reason;
  if (error instanceof DialError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new DialError(`${what}: ${message}${cause}`, 'network', { cause: error });
}
