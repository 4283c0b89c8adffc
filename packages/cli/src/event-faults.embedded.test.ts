/**
 * Events on the embedded database survive `dial serve` being killed with
 * SIGKILL or stopped with SIGTERM under load: every acknowledged id is
 * stored exactly once (see test-event-faults.ts for the scenarios).
 */
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { type EventStore, embeddedStore, embeddedTemplate } from './test-event-load.js';
import { killLeftoverServers, killedUnderLoad, stoppedUnderLoad } from './test-event-faults.js';

let template: Awaited<ReturnType<typeof embeddedTemplate>>;
const stores: EventStore[] = [];

beforeAll(async () => {
  template = await embeddedTemplate();
});

afterEach(async () => {
  killLeftoverServers();
  for (const store of stores.splice(0)) await store.cleanup();
});

afterAll(async () => {
  await template?.cleanup();
});

function newStore(): EventStore {
  const store = embeddedStore(template.dir);
  stores.push(store);
  return store;
}

// Ten seconds or so each on a quiet machine; the bound leaves room for a busy one, where the embedded database starts slowly.
describe('events on the embedded database', { timeout: 60_000 }, () => {
  it('lose nothing acknowledged when the server is killed with SIGKILL under load, and are stored once when resent after a restart', async () => {
    await killedUnderLoad(newStore());
  });

  it('lose nothing acknowledged when the server is stopped with SIGTERM under load: it drains and exits with 0', async () => {
    await stoppedUnderLoad(newStore());
  });
});
