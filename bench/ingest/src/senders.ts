import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventSource, requestBody } from './event-rows.js';

export interface SendOptions {
  /** `http://127.0.0.1:<port>` of the server. */
  readonly url: string;
  readonly sdkKey: string;
  /** Concurrent senders, each on its own keep-alive connection. */
  readonly connections: number;
  readonly batchSize: number;
  /** No request starts after this long, in milliseconds. */
  readonly durationMs: number;
  /** No request starts once this many events were sent, all senders together. */
  readonly maxEvents: number;
  /** Prefix of every event id of this run. */
  readonly idPrefix: string;
  readonly exposureEvery: number;
  readonly units: number;
}

/** What one phase of concurrent senders achieved. */
export interface SendResult {
  /** Events the server answered 200 for and counted as accepted: committed. */
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Requests answered 200. */
  readonly requests: number;
  /** 503 answers; their batch is sent again, with the same ids, after Retry-After. */
  readonly overloaded: number;
  /** Milliseconds from the first request sent to the last answer received. */
  readonly elapsedMs: number;
  /** Per answered request, milliseconds from sending to the whole answer. */
  readonly latenciesMs: Float64Array;
}

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

function post(agent: http.Agent, url: URL, key: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Runs `connections` senders against `POST /api/v1/events` until the time or
 * the event budget is spent; each waits for its answer before sending its
 * next batch of fresh events, as an SDK flushing a full buffer does.
 */
export async function sendEvents(options: SendOptions): Promise<SendResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL('/api/v1/events', options.url);
  const latencies: number[] = [];
  const totals = { accepted: 0, duplicates: 0, rejected: 0, requests: 0, overloaded: 0, sent: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let lastAnswer = started;

  const sender = async (index: number) => {
    const source = new EventSource({ idPrefix: `${options.idPrefix}-${index}`, exposureEvery: options.exposureEvery, units: options.units, seed: index + 1 });
    while (performance.now() < deadline && totals.sent + options.batchSize <= options.maxEvents) {
      totals.sent += options.batchSize;
      const now = Date.now();
      const body = requestBody(Array.from({ length: options.batchSize }, () => source.next(now)));
      for (;;) {
        const t0 = performance.now();
        const answer = await post(agent, url, options.sdkKey, body);
        const t1 = performance.now();
        lastAnswer = Math.max(lastAnswer, t1);
        if (answer.status === 503) {
          totals.overloaded += 1;
          await sleep(Number(answer.headers['retry-after'] ?? 1) * 1000);
          continue;
        }
        if (answer.status !== 200) throw new Error(`POST /api/v1/events answered ${answer.status}: ${answer.text.slice(0, 300)}`);
        const counts = JSON.parse(answer.text) as { accepted: number; duplicates: number; rejected: unknown[] };
        latencies.push(t1 - t0);
        totals.requests += 1;
        totals.accepted += counts.accepted;
        totals.duplicates += counts.duplicates;
        totals.rejected += counts.rejected.length;
        break;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, (_, i) => sender(i)));
  } finally {
    agent.destroy();
  }
  return {
    accepted: totals.accepted,
    duplicates: totals.duplicates,
    rejected: totals.rejected,
    requests: totals.requests,
    overloaded: totals.overloaded,
    elapsedMs: lastAnswer - started,
    latenciesMs: Float64Array.from(latencies),
  };
}
