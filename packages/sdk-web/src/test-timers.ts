import type { Timers } from './options.js';

interface Pending {
  readonly id: number;
  readonly ms: number;
  readonly callback: () => void;
}

/** Timers that fire only when a test says so. */
export class ManualTimers implements Timers {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { id, ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** The delays of the timers waiting to fire, oldest first. */
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }

  /** Fires (once) every waiting timer whose delay matches; returns how many fired. */
  fire(matches: (ms: number) => boolean): number {
    const due = [...this.pending.values()].filter((p) => matches(p.ms));
    for (const p of due) {
      this.pending.delete(p.id);
      p.callback();
    }
    return due.length;
  }
}
