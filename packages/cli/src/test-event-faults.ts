/**
 * The fault scenarios the event tests run on each database: `dial serve`
 * killed with SIGKILL, or stopped with SIGTERM, while concurrent senders post
 * batches of unique ids. Every id a 2xx answer acknowledged must then be
 * stored exactly once.
 */
import { expect } from 'vitest';
import { type EventStore, type ServingDial, EventLoad, createSdkKey, notStoredOnce, resendUntilAcknowledged, serve, until } from './test-event-load.js';

export const SENDERS = 4;
export const BATCH_SIZE = 50;
/** Events acknowledged before the fault: the load is well under way. */
export const ACKNOWLEDGED_BEFORE_FAULT = 1_000;

const servers: ServingDial[] = [];

/** Starts `dial serve` on `store`; `killLeftoverServers` ends it if the test does not. */
export async function startDial(store: EventStore): Promise<ServingDial> {
  const server = await serve(store);
  servers.push(server);
  return server;
}

/** SIGKILLs every server a test started and left running. */
export function killLeftoverServers(): void {
  for (const { dial } of servers.splice(0)) if (dial.child.exitCode === null && dial.child.signalCode === null) dial.child.kill('SIGKILL');
}

/**
 * Runs `fault` while `load` sends to `server`, then stops the senders. When
 * the fault fails, the senders give up at once and the error says what they
 * were answered and what the server printed.
 */
export async function underLoad(load: EventLoad, server: ServingDial, fault: () => Promise<void>): Promise<void> {
  load.start();
  try {
    await fault();
  } catch (error) {
    await load.stop(0);
    const answers = JSON.stringify(Object.fromEntries(load.answers));
    throw new Error(`${(error as Error).message}\nanswers: ${answers}\nserver: ${server.dial.output().slice(-2_000)}${server.dial.errors().slice(-2_000)}`, { cause: error });
  }
  await load.stop();
}

export const acknowledgedBeforeFault = (load: EventLoad) =>
  until(() => load.acknowledged.size >= ACKNOWLEDGED_BEFORE_FAULT, 20_000, () => `${ACKNOWLEDGED_BEFORE_FAULT} acknowledged events (${load.acknowledged.size})`);

/** The answers that were no HTTP answer at all: network errors, which a dead or closing server gives. */
export function networkErrors(load: EventLoad): string[] {
  return [...load.answers.keys()].filter((status): status is string => typeof status === 'string');
}

/** Each of `ids` is stored exactly once, and nothing is stored that was not sent, or more than once. */
export function expectStoredOnce(stored: ReadonlyMap<string, number>, ids: Iterable<string>, sent: ReadonlySet<string>): void {
  const { missing, repeated } = notStoredOnce(stored, ids);
  expect({ missing: missing.length, repeated: repeated.length, firstMissing: missing.slice(0, 3) }).toEqual({ missing: 0, repeated: 0, firstMissing: [] });
  expect([...stored.values()].filter((times) => times !== 1)).toEqual([]);
  expect([...stored.keys()].filter((id) => !sent.has(id))).toEqual([]);
}

/**
 * SIGKILL under load: every acknowledged id is stored once. Restarted on the
 * same data, the server takes the unacknowledged batches again, counting the
 * ids it had committed before dying as duplicates: then every id sent is
 * stored once.
 */
export async function killedUnderLoad(store: EventStore): Promise<void> {
  const first = await startDial(store);
  const sdkKey = await createSdkKey(first.url);
  const load = new EventLoad(first.url, sdkKey, { senders: SENDERS, batchSize: BATCH_SIZE, retryUntilAcknowledged: false });
  await underLoad(load, first, async () => {
    await acknowledgedBeforeFault(load);
    first.dial.child.kill('SIGKILL');
    expect(await first.dial.exited(5_000)).toBeNull();
    expect(first.dial.child.signalCode).toBe('SIGKILL');
    // Every sender has seen the dead server at least once.
    await until(() => load.unacknowledged.length >= SENDERS, 5_000, () => 'every sender to fail');
  });
  expect(load.problems).toEqual([]);
  expect(load.duplicates).toBe(0);
  expect(networkErrors(load).length).toBeGreaterThan(0);

  const afterKill = await store.storedCounts();
  expectStoredOnce(afterKill, load.acknowledged, load.sent);

  const second = await startDial(store);
  const unacknowledgedIds = load.unacknowledged.flatMap((batch) => batch.ids);
  const alreadyStored = unacknowledgedIds.filter((id) => afterKill.has(id)).length;
  const resent = await resendUntilAcknowledged(second.url, sdkKey, load.unacknowledged);
  expect(resent).toEqual({ accepted: unacknowledgedIds.length - alreadyStored, duplicates: alreadyStored });
  second.dial.child.kill('SIGTERM');
  expect(await second.dial.exited(15_000)).toBe(0);

  const final = await store.storedCounts();
  expectStoredOnce(final, load.sent, load.sent);
  expect(final.size).toBe(load.sent.size);
}

/** Makes the server's event writes wait (a lock) until `release`; resolves once one does. */
export type HoldWrites = () => Promise<{ release(): Promise<void> }>;

/**
 * SIGTERM under load: the server drains and exits with 0, every acknowledged
 * id is stored once, and what it refused while closing (503 with
 * Retry-After, or a closed connection) is not counted as acknowledged. With
 * `holdWrites`, every sender's batch is inside the server, waiting for the
 * database, when the signal comes: the server waits for them, and each is
 * acknowledged.
 */
export async function stoppedUnderLoad(store: EventStore, holdWrites?: HoldWrites): Promise<void> {
  const server = await startDial(store);
  const sdkKey = await createSdkKey(server.url);
  const load = new EventLoad(server.url, sdkKey, { senders: SENDERS, batchSize: BATCH_SIZE, retryUntilAcknowledged: false });
  let inFlightAtSignal: string[] = [];
  await underLoad(load, server, async () => {
    await acknowledgedBeforeFault(load);
    const hold = await holdWrites?.();
    if (hold !== undefined) {
      await until(() => load.inFlight.size === SENDERS, 5_000, () => `all ${SENDERS} senders waiting (${load.inFlight.size})`);
      // Time for the last of them to reach the writer's queue.
      await new Promise((resolve) => setTimeout(resolve, 200));
      inFlightAtSignal = [...load.inFlight].flatMap((batch) => batch.ids);
    }
    server.dial.child.kill('SIGTERM');
    if (hold !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.dial.child.exitCode).toBeNull();
      await hold.release();
    }
    expect(await server.dial.exited(15_000)).toBe(0);
  });
  expect(load.problems).toEqual([]);
  expect(load.duplicates).toBe(0);
  expect(inFlightAtSignal.length).toBe(holdWrites === undefined ? 0 : SENDERS * BATCH_SIZE);
  expect(inFlightAtSignal.filter((id) => !load.acknowledged.has(id))).toEqual([]);

  const stored = await store.storedCounts();
  expectStoredOnce(stored, load.acknowledged, load.sent);
}
