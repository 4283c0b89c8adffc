import type { Snapshot } from '@dial/core';
import { OpenFeature, ProviderEvents, ProviderStatus } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialClient } from '../dial-client.js';
import { type FakeDial, TEST_SDK_KEY, booleanFlag, fakeDial } from '../test-dial-server.js';
import { DialProvider, toDialContext } from './dial-provider.js';

const snapshot: Snapshot = {
  version: 5,
  flags: [
    booleanFlag('checkout', true, { rules: [{ id: 'de', when: [{ attr: 'country', op: 'eq', values: ['DE'] }], serve: { variant: 'off' } }] }),
    booleanFlag('gated', true, { prerequisites: [{ flag: 'checkout', variant: 'on' }] }),
    booleanFlag('dark', false),
    { key: 'banner', variants: { a: 'Hello' }, enabled: true, offVariant: 'a', rules: [], fallthrough: { variant: 'a' } },
    { key: 'limit', variants: { n: 42 }, enabled: true, offVariant: 'n', rules: [], fallthrough: { variant: 'n' } },
    { key: 'theme', variants: { dark: { bg: '#000' }, none: null }, enabled: true, offVariant: 'none', rules: [], fallthrough: { variant: 'dark' } },
    { key: 'empty', variants: { none: null }, enabled: true, offVariant: 'none', rules: [], fallthrough: { variant: 'none' } },
    {
      key: 'half',
      variants: { on: true, off: false },
      enabled: true,
      offVariant: 'off',
      rules: [{ id: 'after', when: [{ attr: 'signedUp', op: 'after', values: ['2024-01-01T00:00:00Z'] }], serve: { variant: 'on' } }],
      fallthrough: { rollout: { split: [{ variant: 'on', weight: 50_000 }, { variant: 'off', weight: 50_000 }] } },
    },
  ],
  segments: [],
};

let servers: FakeDial[] = [];
afterEach(async () => {
  await OpenFeature.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('DialProvider', () => {
  it('serves flags through the OpenFeature client with Dial reasons, variants and metadata', async () => {
    const provider = new DialProvider({ sdkKey: TEST_SDK_KEY, baseUrl: 'http://127.0.0.1:9', offline: true, bootstrap: snapshot });
    expect(provider.metadata.name).toBe('dial');
    expect(provider.runsOn).toBe('server');
    await OpenFeature.setProviderAndWait(provider);
    const client = OpenFeature.getClient();

    expect(await client.getBooleanDetails('checkout', false, { targetingKey: 'u-1', country: 'DE' })).toMatchObject({
      flagKey: 'checkout',
      value: false,
      variant: 'off',
      reason: 'TARGETING_MATCH',
      flagMetadata: { ruleId: 'de' },
    });
    expect(await client.getBooleanDetails('checkout', false, { targetingKey: 'u-1' })).toMatchObject({ value: true, variant: 'on', reason: 'DEFAULT' });
    expect(await client.getBooleanDetails('dark', true, { targetingKey: 'u-1' })).toMatchObject({ value: false, reason: 'DISABLED' });
    expect(await client.getBooleanDetails('gated', true, { targetingKey: 'u-1', country: 'DE' })).toMatchObject({
      value: false,
      reason: 'PREREQUISITE_FAILED',
      flagMetadata: { prerequisite: 'checkout' },
    });
    expect(await client.getBooleanDetails('half', false, { targetingKey: 'u-1' })).toMatchObject({ reason: 'SPLIT' });
    expect(await client.getStringValue('banner', 'x', { targetingKey: 'u-1' })).toBe('Hello');
    expect(await client.getNumberValue('limit', 0, { targetingKey: 'u-1' })).toBe(42);
    expect(await client.getObjectValue('theme', {}, { targetingKey: 'u-1' })).toEqual({ bg: '#000' });
  });

  it('maps targetingKey to key and dates to ISO strings', async () => {
    expect(toDialContext({ targetingKey: 'u-1', plan: 'pro', at: new Date(0), list: [new Date(0), 1] })).toEqual({
      key: 'u-1',
      plan: 'pro',
      at: '1970-01-01T00:00:00.000Z',
      list: ['1970-01-01T00:00:00.000Z', 1],
    });
    expect(toDialContext({ key: 'kept' })).toEqual({ key: 'kept' });
    await OpenFeature.setProviderAndWait(new DialProvider({ sdkKey: TEST_SDK_KEY, baseUrl: 'http://127.0.0.1:9', offline: true, bootstrap: snapshot }));
    const details = await OpenFeature.getClient().getBooleanDetails('half', false, { targetingKey: 'u-1', signedUp: new Date('2025-02-01') });
    expect(details).toMatchObject({ value: true, reason: 'TARGETING_MATCH', flagMetadata: { ruleId: 'after' } });
  });

  it('reports errors with OpenFeature codes and the caller default', async () => {
    await OpenFeature.setProviderAndWait(new DialProvider({ sdkKey: TEST_SDK_KEY, baseUrl: 'http://127.0.0.1:9', offline: true, bootstrap: snapshot }));
    const client = OpenFeature.getClient();
    expect(await client.getBooleanDetails('missing', true, { targetingKey: 'u-1' })).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
    expect(await client.getStringDetails('checkout', 'x', { targetingKey: 'u-1' })).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'TYPE_MISMATCH' });
    expect(await client.getBooleanDetails('half', false, {})).toMatchObject({ value: false, errorCode: 'TARGETING_KEY_MISSING' });
    expect(await client.getObjectDetails('empty', { d: 1 }, { targetingKey: 'u-1' })).toMatchObject({ value: { d: 1 }, errorCode: 'TYPE_MISMATCH' });
    expect(await client.getObjectDetails('limit', [], { targetingKey: 'u-1' })).toMatchObject({ value: [], errorCode: 'TYPE_MISMATCH' });
  });

  it('becomes ready without flags when Dial is unreachable, answering PROVIDER_NOT_READY', async () => {
    await OpenFeature.setProviderAndWait(new DialProvider({ sdkKey: TEST_SDK_KEY, baseUrl: 'http://127.0.0.1:9', initTimeoutMs: 200 }));
    const details = await OpenFeature.getClient().getBooleanDetails('checkout', true, { targetingKey: 'u-1' });
    expect(details).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'PROVIDER_NOT_READY' });
  });

  it('emits ConfigurationChanged with the changed flags, and closes the client it created', async () => {
    const dial = await fakeDial(snapshot);
    servers.push(dial);
    const provider = new DialProvider({ sdkKey: TEST_SDK_KEY, baseUrl: dial.url });
    await OpenFeature.setProviderAndWait(provider);
    const client = OpenFeature.getClient();
    expect(client.providerStatus).toBe(ProviderStatus.READY);
    const changed = vi.fn();
    client.addHandler(ProviderEvents.ConfigurationChanged, changed);
    dial.put('flag', booleanFlag('checkout', false));
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(changed.mock.calls[0]?.[0]).toMatchObject({ flagsChanged: ['checkout', 'gated'] });
    expect(await client.getBooleanValue('checkout', true, { targetingKey: 'u-1' })).toBe(false);
    await OpenFeature.close();
    await vi.waitFor(() => expect(dial.openStreams()).toBe(0));
  });

  it('leaves a client it was given open', async () => {
    const dial = new DialClient({ sdkKey: TEST_SDK_KEY, baseUrl: 'http://127.0.0.1:9', offline: true, bootstrap: snapshot });
    const provider = new DialProvider(dial);
    expect(provider.client).toBe(dial);
    const close = vi.spyOn(dial, 'close');
    await OpenFeature.setProviderAndWait(provider);
    await OpenFeature.close();
    expect(close).not.toHaveBeenCalled();
    close.mockRestore();
    expect(dial.boolean('checkout', { key: 'u-1' }, false)).toBe(true);
    await dial.close();
  });
});
