import { OpenFeature, ProviderEvents, ProviderStatus } from '@openfeature/web-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialWebClient } from '../dial-web-client.js';
import { FakeEventSource } from '../test-event-source.js';
import { type FakeDial, TEST_CLIENT_KEY, fakeDial } from '../test-fake-dial.js';
import { DialWebProvider, toDialContext } from './dial-web-provider.js';

const FLAGS = {
  checkout: { value: false, variant: 'off', reason: 'TARGETING_MATCH' },
  gated: { value: false, variant: 'off', reason: 'PREREQUISITE_FAILED' },
  dark: { value: false, variant: 'off', reason: 'DISABLED' },
  half: { value: true, variant: 'on', reason: 'SPLIT' },
  banner: { value: 'Hello', variant: 'a', reason: 'DEFAULT' },
  limit: { value: 42, variant: 'n', reason: 'DEFAULT' },
  theme: { value: { bg: '#000' }, variant: 'dark', reason: 'DEFAULT' },
  empty: { value: null, variant: 'none', reason: 'DEFAULT' },
  keyless: { reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' },
};

let dials: FakeDial[] = [];
async function dial(): Promise<FakeDial> {
  const started = await fakeDial(FLAGS);
  dials.push(started);
  return started;
}
afterEach(async () => {
  await OpenFeature.close();
  await OpenFeature.clearContext();
  await Promise.all(dials.map((d) => d.close()));
  dials = [];
  FakeEventSource.opened = [];
});

const options = (url: string) => ({ clientKey: TEST_CLIENT_KEY, baseUrl: url, storage: false as const, EventSource: FakeEventSource });

describe('DialWebProvider', () => {
  it('serves flags for the OpenFeature context with Dial reasons, variants and error codes', async () => {
    const server = await dial();
    await OpenFeature.setContext({ targetingKey: 'user-1', signedUp: new Date(0) });
    const provider = new DialWebProvider(options(server.url));
    expect(provider.metadata.name).toBe('dial');
    expect(provider.runsOn).toBe('client');
    await OpenFeature.setProviderAndWait(provider);
    expect(server.requests.map((r) => r.context)).toEqual([{ key: 'user-1', signedUp: '1970-01-01T00:00:00.000Z' }]);
    const client = OpenFeature.getClient();

    expect(client.getBooleanDetails('checkout', true)).toMatchObject({ flagKey: 'checkout', value: false, variant: 'off', reason: 'TARGETING_MATCH' });
    expect(client.getBooleanDetails('gated', true)).toMatchObject({ value: false, reason: 'PREREQUISITE_FAILED' });
    expect(client.getBooleanDetails('dark', true)).toMatchObject({ value: false, reason: 'DISABLED' });
    expect(client.getBooleanDetails('half', false)).toMatchObject({ value: true, reason: 'SPLIT' });
    expect(client.getStringValue('banner', 'x')).toBe('Hello');
    expect(client.getNumberValue('limit', 0)).toBe(42);
    expect(client.getObjectValue('theme', {})).toEqual({ bg: '#000' });

    expect(client.getBooleanDetails('missing', true)).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    expect(client.getStringDetails('checkout', 'x')).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'TYPE_MISMATCH' });
    expect(client.getBooleanDetails('keyless', true)).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
    expect(client.getObjectDetails('empty', { d: 1 })).toMatchObject({ value: { d: 1 }, errorCode: 'TYPE_MISMATCH' });
    expect(client.getObjectDetails('limit', [])).toMatchObject({ value: [], errorCode: 'TYPE_MISMATCH' });
  });

  it('asks Dial again when the context changes', async () => {
    const server = await dial();
    server.flagsFor = (context) => ({ who: { value: String(context.key), variant: 'x', reason: 'DEFAULT' } });
    await OpenFeature.setContext({ targetingKey: 'user-1' });
    await OpenFeature.setProviderAndWait(new DialWebProvider(options(server.url)));
    const client = OpenFeature.getClient();
    expect(client.getStringValue('who', '')).toBe('user-1');
    await OpenFeature.setContext({ targetingKey: 'user-2', plan: 'pro' });
    expect(client.getStringValue('who', '')).toBe('user-2');
    expect(server.requests.at(-1)?.context).toEqual({ key: 'user-2', plan: 'pro' });
  });

  it('emits ConfigurationChanged with the changed flags, and closes the client it created', async () => {
    const server = await dial();
    await OpenFeature.setContext({ targetingKey: 'user-1' });
    const provider = new DialWebProvider(options(server.url));
    await OpenFeature.setProviderAndWait(provider);
    const client = OpenFeature.getClient();
    expect(client.providerStatus).toBe(ProviderStatus.READY);
    const changed = vi.fn();
    client.addHandler(ProviderEvents.ConfigurationChanged, changed);

    server.version = 2;
    server.flagsFor = () => ({ ...FLAGS, checkout: { value: true, variant: 'on', reason: 'DEFAULT' } });
    const stream = FakeEventSource.latest!;
    stream.send('ready', 2);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(changed.mock.calls[0]?.[0]).toMatchObject({ flagsChanged: ['checkout'] });
    expect(client.getBooleanValue('checkout', false)).toBe(true);
    await OpenFeature.close();
    expect(stream.closed).toBe(true);
  });

  it('answers PROVIDER_NOT_READY before it is initialized, and leaves a client it was given open', async () => {
    const server = await dial();
    expect(new DialWebProvider(options(server.url)).resolveBooleanEvaluation('checkout', true)).toMatchObject({ value: true, errorCode: 'PROVIDER_NOT_READY' });

    const given = new DialWebClient({ ...options(server.url), context: { key: 'own' } });
    const provider = new DialWebProvider(given);
    expect(provider.client).toBe(given);
    await OpenFeature.setProviderAndWait(provider);
    expect(server.requests.map((r) => r.context)).toEqual([{ key: 'own' }]);
    await OpenFeature.close();
    expect(FakeEventSource.latest!.closed).toBe(false);
    expect(given.boolean('half', false)).toBe(true);
    given.close();
  });

  it('maps targetingKey to key and dates to ISO strings', () => {
    expect(toDialContext({ targetingKey: 'u-1', plan: 'pro', at: new Date(0), list: [new Date(0), 1] })).toEqual({
      key: 'u-1',
      plan: 'pro',
      at: '1970-01-01T00:00:00.000Z',
      list: ['1970-01-01T00:00:00.000Z', 1],
    });
    expect(toDialContext({ key: 'kept' })).toEqual({ key: 'kept' });
  });
});
