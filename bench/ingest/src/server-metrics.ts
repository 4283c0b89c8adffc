/** The Dial server's event writer as its `/metrics` shows it. */
export interface WriterCounters {
  /** Transactions committed, all outcomes but failed. */
  readonly transactions: number;
  readonly rows: number;
  /** Seconds spent writing and committing batches. */
  readonly commitSeconds: number;
}

/** Reads `name value` and `name{labels} value` lines of the Prometheus text format. */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

export function writerCounters(metrics: Map<string, number>): WriterCounters {
  return {
    transactions: metrics.get('dial_event_batch_rows_count') ?? 0,
    rows: metrics.get('dial_event_batch_rows_sum') ?? 0,
    commitSeconds: metrics.get('dial_event_commit_duration_seconds_sum') ?? 0,
  };
}

export async function fetchWriterCounters(serverUrl: string): Promise<WriterCounters> {
  const response = await fetch(new URL('/metrics', serverUrl));
  return writerCounters(parseMetrics(await response.text()));
}
