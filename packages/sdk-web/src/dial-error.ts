/** What went wrong in the background; `unauthorized` is the one that stops all retrying. */
export type DialErrorKind = 'network' | 'http' | 'unauthorized' | 'rate-limited' | 'timeout' | 'invalid-data' | 'stream' | 'storage' | 'config';

/**
 * An error the client met in the background. It is logged and emitted as an
 * `error` event, never thrown into the page.
 */
export class DialError extends Error {
  override readonly name = 'DialError';
  /** The HTTP status, for `http`, `unauthorized` and `rate-limited`. */
  readonly status: number | undefined;
  /** How long Dial asked us to wait (`Retry-After`), for `rate-limited`. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    readonly kind: DialErrorKind,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Retrying cannot help: the client key is wrong or revoked. */
  get fatal(): boolean {
    return this.kind === 'unauthorized';
  }

  /** Asking again later may help; a 4xx other than 408 and 429 will not, until the context changes. */
  get retryable(): boolean {
    return this.kind !== 'unauthorized' && this.kind !== 'config' && !(this.kind === 'http' && this.status !== undefined && this.status < 500 && this.status !== 408);
  }
}
