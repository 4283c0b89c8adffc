import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DialClient, type DialError } from '@dial/sdk-node';
import { AdminApi, DemoError } from './admin-api.js';
import { DEMO_EXPERIMENT, DEMO_KEY_NAME, DEMO_PROJECT } from './demo-project.js';
import { DEMO_USAGE, type DemoOptions, UsageError, parseDemoOptions } from './demo-options.js';
import { demoSetupSteps, issueDemoKey, revokeDemoKey } from './demo-setup.js';
import { backfillShoppers, liveShoppers } from './shop-simulation.js';
import { DemoClock, EventTally, ShopTraffic } from './shop-traffic.js';
import { StatusLine, type StatusStream, formatCount, progressLine } from './status-line.js';

const DAY_MS = 24 * 3600 * 1000;
/** Events wait in the SDK until this many are queued, then the backfill waits for them to be sent. */
const BACKFILL_BATCH = 1000;
/** How often the live trickle looks for shoppers and actions that are due. */
const LIVE_TICK_MS = 250;
/** Live, what shoppers would do more than a day later is let go: it bounds memory, and a demo rarely runs for days. */
const LIVE_HORIZON_MS = DAY_MS;

export interface DemoIo {
  readonly stdout: { write(text: string): unknown };
  /** Progress and warnings. */
  readonly stderr: StatusStream;
  /** Stops the live trickle (or the backfill) and ends the run. */
  readonly signal?: AbortSignal;
  /** Default Date.now. */
  readonly now?: () => number;
}

export interface DemoSummary {
  readonly shoppers: number;
  readonly visits: number;
  /** Events sent and answered by Dial, by type. */
  readonly sent: { readonly track: number; readonly exposure: number };
  /** Of those, stored by Dial, already stored (a resent id), and refused. */
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Events the SDK gave up on. */
  readonly dropped: number;
}

/**
 * Sets up the demo project in a running Dial, backfills the past days of
 * shoppers, then (unless `live` is off) keeps shoppers coming until the
 * signal; the SDK's queue is sent before it returns.
 */
export async function runDemo(options: DemoOptions, io: DemoIo): Promise<DemoSummary> {
  const print = (line: string) => io.stdout.write(`${line}\n`);
  const api = new AdminApi(options.url, options.token);

  print(`Setting up the demo in Dial at ${api.baseUrl}`);
  await api.get('/projects');
  // The backfill's shoppers arrive from `days` before it starts, which is after this: the experiment counts every one of them.
  const experimentStart = new Date((io.now ?? Date.now)() - options.days * DAY_MS);
  for (const step of demoSetupSteps(experimentStart)) print(`  ${step.subject.padEnd(26)} ${await step.run(api)}`);
  const key = await issueDemoKey(api);
  print(`  ${'server SDK key'.padEnd(26)} "${DEMO_KEY_NAME}", revoked when the demo stops${key.revoked > 0 ? ` (and ${key.revoked} left by an earlier run revoked)` : ''}`);
  print(`Open ${api.baseUrl}/ and pick the project "${DEMO_PROJECT.key}" to see it.`);
  print(`The experiment's results: ${api.baseUrl}/api/v1/projects/${DEMO_PROJECT.key}/experiments/${DEMO_EXPERIMENT.key}/results`);

  const run = new TrafficRun(options, io, api.baseUrl, key.secret);
  try {
    await run.start();
    await run.backfill();
    if (options.live) await run.live();
  } finally {
    await run.close();
    await revokeDemoKey(api, key).catch((error: unknown) => run.problems.add(`could not revoke the demo's SDK key: ${(error as Error).message}`));
  }
  return run.report();
}

/** The simulated traffic of one run, sent through one SDK client, and what became of it. */
class TrafficRun {
  readonly problems = new Set<string>();
  private readonly now: () => number;
  private readonly stop = new AbortController();
  private readonly clock: DemoClock;
  private readonly tally = new EventTally();
  private readonly client: DialClient;
  private readonly traffic: ShopTraffic;
  private readonly onAbort = () => this.stop.abort();

  constructor(
    private readonly options: DemoOptions,
    private readonly io: DemoIo,
    baseUrl: string,
    sdkKey: string,
  ) {
    this.now = io.now ?? Date.now;
    this.clock = new DemoClock(this.now);
    io.signal?.addEventListener('abort', this.onAbort);
    if (io.signal?.aborted === true) this.stop.abort();
    this.client = new DialClient({
      sdkKey,
      baseUrl,
      // Streaming keeps a live trickle current with changes made in the console; a backfill alone has no need of it.
      stream: options.live,
      now: this.clock.now,
      fetch: this.tally.fetch,
      flushAt: BACKFILL_BATCH,
      maxQueuedEvents: 20 * BACKFILL_BATCH,
      flushOnExit: false,
      initTimeoutMs: 10_000,
      closeTimeoutMs: 30_000,
    });
    this.client.on('error', (error: DialError) => {
      this.problems.add(error.message);
      if (error.fatal) this.giveUp(`the demo's SDK key was refused: was it revoked, or did another "dial demo" start? Stopping.`);
    });
    this.traffic = new ShopTraffic(this.client, this.clock, options.seed);
  }

  private get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  private giveUp(problem: string): void {
    this.problems.add(problem);
    this.stop.abort();
  }

  async start(): Promise<void> {
    await this.client.ready;
    if (!this.client.status().ready) {
      throw new DemoError(`the SDK could not load the demo's flags: ${[...this.problems].join('; ') || 'no answer'}`);
    }
  }

  /** The past days of shoppers, replayed in time order with the clock set to each moment, in batches Dial acknowledges. */
  async backfill(): Promise<void> {
    const { users, days, seed } = this.options;
    if (users === 0 || this.stopped) return;
    const started = this.now();
    const shoppers = backfillShoppers(seed, users, started - days * DAY_MS, started);
    this.io.stdout.write(`Backfill: ${formatCount(shoppers.length)} shoppers over the past ${days} days (--seed ${seed})\n`);
    const status = new StatusLine(this.io.stderr, { now: this.now, plainIntervalMs: 2_000 });
    const line = (done: number) => progressLine('Backfill', done, shoppers.length, `${formatCount(this.tally.sent)} events sent`);
    this.clock.simulate(started - days * DAY_MS);
    let done = 0;
    for (const shopper of shoppers) {
      if (this.stopped) break;
      this.traffic.runDue(shopper.arrivalMs);
      this.traffic.arrive(shopper);
      done++;
      if (this.client.status().queuedEvents >= BACKFILL_BATCH) {
        await this.client.flush();
        status.show(line(done));
        // The SDK gave up on a batch after its retries: the rest would go the same way.
        if (this.client.status().droppedEvents > 0) this.giveUp('Dial did not take the events the SDK sent; stopping.');
      }
    }
    // What is due by now happened; what shoppers do later happens live, or not at all.
    if (!this.stopped) this.traffic.runDue(started);
    await this.client.flush();
    status.end(line(done));
    this.io.stdout.write(`Backfill ${done < shoppers.length ? 'stopped' : 'done'} in ${((this.now() - started) / 1000).toFixed(1)} s\n`);
  }

  /** Shoppers arriving in real time, about `rate` a second, until the signal. */
  async live(): Promise<void> {
    if (this.stopped) return;
    const { rate, users, seed } = this.options;
    this.clock.useRealTime();
    this.io.stdout.write(`Live: about ${rate} shoppers a second; Ctrl-C to stop\n`);
    const status = new StatusLine(this.io.stderr, { now: this.now, plainIntervalMs: 30_000 });
    const shoppersBefore = this.traffic.counts.shoppers;
    const sentBefore = this.tally.sent;
    const line = () => `Live: ${formatCount(this.traffic.counts.shoppers - shoppersBefore)} shoppers, ${formatCount(this.tally.sent - sentBefore)} events sent`;
    const arrivals = liveShoppers(seed, users, this.now(), rate);
    let next = arrivals.next().value;
    while (!this.stopped) {
      const at = this.now();
      this.traffic.runDue(at);
      while (next.arrivalMs <= at) {
        this.traffic.arrive(next, at + LIVE_HORIZON_MS);
        next = arrivals.next().value;
      }
      status.show(line());
      await sleep(LIVE_TICK_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
    status.end(line());
  }

  /** Sends what the SDK has queued (within its close timeout) and stops it. */
  async close(): Promise<void> {
    this.io.signal?.removeEventListener('abort', this.onAbort);
    await this.client.close();
  }

  /** Warnings on stderr, the counts on stdout, and the counts. */
  report(): DemoSummary {
    const { tally, traffic } = this;
    const { droppedEvents } = this.client.status();
    for (const problem of this.problems) this.io.stderr.write(`warning: ${problem}\n`);
    if (droppedEvents > 0) this.io.stderr.write(`warning: the SDK dropped ${formatCount(droppedEvents)} events it could not send\n`);
    this.io.stdout.write(
      `Sent ${formatCount(tally.sent)} events (${formatCount(tally.tracked)} tracked, ${formatCount(tally.exposures)} exposures) for ${formatCount(traffic.counts.shoppers)} shoppers; Dial stored ${formatCount(tally.accepted)}.\n`,
    );
    return {
      shoppers: traffic.counts.shoppers,
      visits: traffic.counts.visits,
      sent: { track: tally.tracked, exposure: tally.exposures },
      accepted: tally.accepted,
      duplicates: tally.duplicates,
      rejected: tally.rejected,
      dropped: droppedEvents,
    };
  }
}

/** `dial demo`: resolves to the exit code once the demo has stopped (Ctrl-C or SIGTERM while live). */
export async function demoCommand(args: readonly string[]): Promise<number> {
  let options: DemoOptions | 'help';
  try {
    options = parseDemoOptions(args, process.env, () => randomBytes(4).toString('hex'));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dial demo: ${error.message}\n\n${DEMO_USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }
  const stopping = new AbortController();
  const onSignal = () => {
    // A second signal means the person will not wait for the queued events.
    if (stopping.signal.aborted) process.exit(1);
    stopping.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runDemo(options, { stdout: process.stdout, stderr: process.stderr, signal: stopping.signal });
    return 0;
  } catch (error) {
    if (!(error instanceof DemoError)) throw error;
    process.stderr.write(`dial demo: ${error.message}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
