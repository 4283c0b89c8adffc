import { describe, expect, it } from 'vitest';
import { parseMetrics, writerCounters } from './server-metrics.js';

describe('writerCounters', () => {
  it("reads the event writer's batches from the Prometheus text format", () => {
    const text = [
      '# HELP dial_event_batch_rows Event rows written per transaction',
      '# TYPE dial_event_batch_rows histogram',
      'dial_event_batch_rows_bucket{le="10000"} 12',
      'dial_event_batch_rows_sum 96000',
      'dial_event_batch_rows_count 12',
      'dial_event_commit_duration_seconds_sum 1.75',
      'dial_events_accepted_total{type="track"} 76800',
      '',
    ].join('\n');
    expect(parseMetrics(text).get('dial_events_accepted_total{type="track"}')).toBe(76_800);
    expect(writerCounters(parseMetrics(text))).toEqual({ transactions: 12, rows: 96_000, commitSeconds: 1.75 });
    expect(writerCounters(new Map())).toEqual({ transactions: 0, rows: 0, commitSeconds: 0 });
  });
});
