import type { EventSourceLike, StreamEvent } from './options.js';

/**
 * An EventSource that the test drives: every instance is listed in
 * `FakeEventSource.opened`, and `send`/`fail` dispatch as the server would.
 */
export class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  closed = false;
  private readonly listeners = new Map<string, ((event: StreamEvent) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  /** The EventSource opened last. */
  static get latest(): FakeEventSource | undefined {
    return FakeEventSource.opened.at(-1);
  }

  addEventListener(type: string, listener: (event: StreamEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** An event as the contract sends it: `event: <type>`, `id: <version>`, `data: {"version":N}`. */
  send(type: 'ready' | 'changed', version: number): void {
    this.dispatch(type, { data: JSON.stringify({ version }), lastEventId: String(version) });
  }

  dispatch(type: string, event: StreamEvent): void {
    if (this.closed) return;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  fail(): void {
    this.dispatch('error', {});
  }
}
