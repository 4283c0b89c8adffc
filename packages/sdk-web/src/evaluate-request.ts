import { DialError } from './dial-error.js';
import { type EvaluatedFlags, parseEvaluatedFlags } from './flag-details.js';
import type { EvaluationContext, ResolvedOptions } from './options.js';

type RequestOptions = Pick<ResolvedOptions, 'clientKey' | 'baseUrl' | 'fetch' | 'timers' | 'requestTimeoutMs' | 'now'>;

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function statusError(status: number, retryAfter: number | undefined): DialError {
  if (status === 401 || status === 403) return new DialError(`evaluate: the client key was refused (HTTP ${status}); not retrying`, 'unauthorized', { status });
  if (status === 429) return new DialError('evaluate: rate limited (HTTP 429)', 'rate-limited', { status, retryAfterMs: retryAfter });
  return new DialError(`evaluate: HTTP ${status}`, 'http', { status });
}

/**
 * Asks Dial to evaluate every client-visible flag for one context:
 * `POST /api/v1/sdk/evaluate`. Resolves to the flags, or to the error —
 * it never rejects. Aborting `controller` abandons the request.
 */
export async function requestEvaluation(options: RequestOptions, context: EvaluationContext, controller: AbortController): Promise<EvaluatedFlags | DialError> {
  let body: string;
  try {
    body = JSON.stringify({ context });
  } catch (error) {
    return new DialError(`the context cannot be sent as JSON: ${String(error)}`, 'config', { cause: error });
  }
  const { timers, requestTimeoutMs } = options;
  const timeout = timers.setTimeout(() => controller.abort(new DialError(`evaluate: no answer in ${requestTimeoutMs} ms`, 'timeout')), requestTimeoutMs);
  try {
    const response = await options.fetch(`${options.baseUrl}/api/v1/sdk/evaluate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.clientKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body,
      signal: controller.signal,
    });
    const text = await response.text();
    if (!response.ok) return statusError(response.status, retryAfterMs(response.headers.get('retry-after'), options.now()));
    let parsed: EvaluatedFlags | undefined;
    try {
      parsed = parseEvaluatedFlags(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    return parsed ?? new DialError('evaluate: the answer is not a set of flags', 'invalid-data');
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof DialError) return reason;
    return new DialError(`evaluate: ${error instanceof Error ? error.message : String(error)}`, 'network', { cause: error });
  } finally {
    timers.clearTimeout(timeout);
  }
}
