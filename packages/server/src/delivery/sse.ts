/*
 * The text of Server-Sent Events, written once and sent to every stream as is.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */

/** Tells a client to reconnect after a second when the stream ends. */
export const SSE_RETRY = 'retry: 1000\n\n';

/** A comment line that keeps proxies and load balancers from closing an idle stream. */
export const SSE_PING = ': ping\n\n';

/**
 * One event. `data` must be one line, as JSON.stringify gives.
 *
 * @example
 * sseEvent('ready', 12, '{"version":12}'); // 'event: ready\nid: 12\ndata: {"version":12}\n\n'
 */
export function sseEvent(event: string, id: number, data: string): string {
  return `event: ${event}\nid: ${id}\ndata: ${data}\n\n`;
}
