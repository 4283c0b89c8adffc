/** Where a status goes: stderr, usually. */
export interface StatusStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** A count as people read it: 12,345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * One line of progress with a bar.
 *
 * @example
 * progressLine('Backfill', 1250, 5000, '9,102 events'); // 'Backfill ██████░░░░░░░░░░░░░░░░░░  25% 1,250/5,000 · 9,102 events'
 */
export function progressLine(label: string, done: number, total: number, detail: string, width = 24): string {
  const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${percent} ${formatCount(done)}/${formatCount(total)}${detail === '' ? '' : ` · ${detail}`}`;
}

export interface StatusLineOptions {
  /** Default Date.now. */
  readonly now?: () => number;
  /** On a terminal, the line is redrawn at most this often. Default 100. */
  readonly ttyIntervalMs?: number;
  /** Elsewhere (a pipe, a log file), a new line is written at most this often. Default 10000. */
  readonly plainIntervalMs?: number;
}

/**
 * A status that changes often: on a terminal, one line redrawn in place;
 * in a pipe or a log, a plain line now and then, so a log is not flooded.
 *
 * @example
 * const status = new StatusLine(process.stderr);
 * status.show(progressLine('Backfill', done, total, ''));
 * status.end('Backfill done');
 */
export class StatusLine {
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly tty: boolean;
  private shownAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: StatusStream,
    options: StatusLineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.tty = stream.isTTY === true;
    this.intervalMs = this.tty ? (options.ttyIntervalMs ?? 100) : (options.plainIntervalMs ?? 10_000);
  }

  /** Shows `text` unless a status was shown too recently. */
  show(text: string): void {
    const now = this.now();
    if (now - this.shownAt < this.intervalMs) return;
    this.shownAt = now;
    this.write(text);
  }

  /** Shows `text` whatever the time, and ends the line. */
  end(text: string): void {
    this.write(text);
    if (this.tty) this.stream.write('\n');
    this.drawn = false;
    this.shownAt = Number.NEGATIVE_INFINITY;
  }

  private write(text: string): void {
    if (!this.tty) {
      this.stream.write(`${text}\n`);
      return;
    }
    // Cut to the terminal's width: a wrapped line could not be redrawn in place.
    const columns = this.stream.columns ?? 80;
    const line = text.length >= columns ? text.slice(0, Math.max(0, columns - 1)) : text;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  /** Whether a redrawn line is on screen, which other output must first end. */
  get open(): boolean {
    return this.drawn;
  }
}
