import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** An event's `type` as a metric label: what it claimed to be, or `invalid`. */
export type EventTypeLabel = 'track' | 'exposure' | 'invalid';

/** How the writer's transaction for one batch went. */
export type BatchOutcome = 'copied' | 'merged' | 'failed';

/** Prometheus metrics of event ingestion, on the server's registry. */
export interface EventMetrics {
  readonly accepted: Counter<'type'>;
  readonly duplicates: Counter<'type'>;
  readonly rejected: Counter<'type'>;
  /** Requests answered 503 because the writer's queue was full. */
  readonly overloaded: Counter;
  readonly batches: Counter<'outcome'>;
  readonly batchRows: Histogram;
  readonly commitSeconds: Histogram;
}

/**
 * Registers the ingestion metrics; `queuedRows` is read at each scrape.
 *
 * @example
 * const metrics = createEventMetrics(registry, () => writer.queuedRows);
 * metrics.accepted.inc({ type: 'track' }, 3);
 */
export function createEventMetrics(registry: Registry, queuedRows: () => number): EventMetrics {
  const registers = [registry];
  new Gauge({
    name: 'dial_event_queue_rows',
    help: 'Event rows accepted by this process and not yet committed',
    registers,
    collect() {
      this.set(queuedRows());
    },
  });
  return {
    accepted: new Counter({ name: 'dial_events_accepted_total', help: 'Events stored, by type', labelNames: ['type'] as const, registers }),
    duplicates: new Counter({
      name: 'dial_events_duplicate_total',
      help: 'Valid events not stored again because their id was stored already, by type',
      labelNames: ['type'] as const,
      registers,
    }),
    rejected: new Counter({
      name: 'dial_events_rejected_total',
      help: 'Invalid events refused in a request whose other events were taken, by type (invalid when the type itself is)',
      labelNames: ['type'] as const,
      registers,
    }),
    overloaded: new Counter({ name: 'dial_event_overloaded_total', help: 'Event requests answered 503 because too many rows were waiting to be written', registers }),
    batches: new Counter({
      name: 'dial_event_batches_total',
      help: 'Transactions of the event writer: copied (all new), merged (repeating stored ids) or failed',
      labelNames: ['outcome'] as const,
      registers,
    }),
    batchRows: new Histogram({
      name: 'dial_event_batch_rows',
      help: 'Event rows written per transaction, several requests grouped',
      buckets: [1, 10, 100, 500, 1000, 2000, 5000, 10000],
      registers,
    }),
    commitSeconds: new Histogram({
      name: 'dial_event_commit_duration_seconds',
      help: 'Time to write and commit one batch of events',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}
