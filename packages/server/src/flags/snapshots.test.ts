import { CompiledSnapshot } from '@dial/core';
import { validateSnapshot } from '@dial/core/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support.js';
import { findEnvironment, findProject } from './projects.js';
import { loadSnapshot } from './snapshots.js';
import { createFlag, createSegment, expectStatus, patchConfig, projectUrl } from './test-flags.js';

let t: TestApp;
let ids: { project: number; production: number; staging: number };
beforeAll(async () => {
  t = await testApp();
  await t.app.inject({ method: 'POST', url: projectUrl('/environments'), headers: t.admin, payload: { key: 'staging', name: 'Staging' } });
  const project = (await findProject(t.db, 'default'))!;
  ids = {
    project: project.id,
    production: (await findEnvironment(t.db, project.id, 'production'))!.id,
    staging: (await findEnvironment(t.db, project.id, 'staging'))!.id,
  };
});
afterAll(async () => t.close());

const snapshot = async (environment: 'production' | 'staging' = 'production') => (await loadSnapshot(t.db, ids.project, ids[environment]))!;

describe('loadSnapshot', () => {
  it('serves what FLAGS.md describes for an environment, and evaluates as configured', async () => {
    const empty = await snapshot();
    expect(empty.flags).toEqual([]);
    await createSegment(t, { key: 'staff', include: ['u-staff'] });
    await createFlag(t, { key: 'new-cart' });
    await createFlag(t, { key: 'checkout-copy', kind: 'string', variants: [{ key: 'short', value: 'Buy' }, { key: 'long', value: 'Buy now' }] });
    expectStatus(await patchConfig(t, 'new-cart', { enabled: true }), 200);
    expectStatus(
      await patchConfig(t, 'checkout-copy', {
        enabled: true,
        prerequisites: [{ flag: 'new-cart', variant: 'on' }],
        rules: [{ id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'short' } }],
        fallthrough: { variant: 'long' },
      }),
      200,
    );

    const served = await snapshot();
    expect(validateSnapshot(served)).toMatchObject({ ok: true });
    expect(served.segments).toEqual([{ key: 'staff', include: ['u-staff'], exclude: [], rules: [] }]);
    expect(served.flags.find((flag) => flag.key === 'checkout-copy')).toEqual({
      key: 'checkout-copy',
      variants: { short: 'Buy', long: 'Buy now' },
      enabled: true,
      offVariant: 'long',
      prerequisites: [{ flag: 'new-cart', variant: 'on' }],
      rules: [{ id: 'staff', when: [{ segment: 'staff' }], serve: { variant: 'short' } }],
      fallthrough: { variant: 'long' },
    });

    const compiled = CompiledSnapshot.compile(served);
    expect(compiled.version).toBe(served.version);
    expect(compiled.evaluate('checkout-copy', { key: 'u-staff' })).toMatchObject({ variant: 'short', value: 'Buy', reason: 'TARGETING_MATCH', ruleId: 'staff' });
    expect(compiled.evaluate('checkout-copy', { key: 'u-other' })).toMatchObject({ variant: 'long', value: 'Buy now', reason: 'DEFAULT' });
    expect(compiled.evaluate('new-cart', { key: 'u-other' })).toMatchObject({ variant: 'on', value: true, reason: 'DEFAULT' });

    // Staging has the same flags, still off.
    const staging = CompiledSnapshot.compile(await snapshot('staging'));
    expect(staging.evaluate('checkout-copy', { key: 'u-staff' })).toMatchObject({ variant: 'long', reason: 'DISABLED' });

    // The prerequisite turned off in production fails the dependent flag there.
    expectStatus(await patchConfig(t, 'new-cart', { enabled: false }), 200);
    expect(CompiledSnapshot.compile(await snapshot()).evaluate('checkout-copy', { key: 'u-staff' })).toMatchObject({
      variant: 'long',
      reason: 'PREREQUISITE_FAILED',
      prerequisite: 'new-cart',
    });
  });

  it('raises the version with every change an environment serves, and only that environment\'s for its configuration', async () => {
    let production = (await snapshot()).version;
    let staging = (await snapshot('staging')).version;
    const expectRaised = async (changed: { production: boolean; staging: boolean }) => {
      const [p, s] = [(await snapshot()).version, (await snapshot('staging')).version];
      expect(p > production).toBe(changed.production);
      expect(s > staging).toBe(changed.staging);
      [production, staging] = [p, s];
    };

    await createFlag(t, { key: 'versioned' });
    await expectRaised({ production: true, staging: true });
    expectStatus(await patchConfig(t, 'versioned', { enabled: true }, 'staging'), 200);
    await expectRaised({ production: false, staging: true });
    await createSegment(t, { key: 'versioned-segment' });
    await expectRaised({ production: true, staging: true });
    // A refused change raises nothing.
    expectStatus(await patchConfig(t, 'versioned', { fallthrough: { variant: 'maybe' } }), 400);
    await expectRaised({ production: false, staging: false });
    expectStatus(await t.app.inject({ method: 'POST', url: projectUrl('/flags/versioned/archive'), headers: t.admin, payload: { version: 1 } }), 200);
    await expectRaised({ production: true, staging: true });
    expect((await snapshot()).flags.map((flag) => flag.key)).not.toContain('versioned');
  });

  it('is undefined for an environment of another project', async () => {
    expect(await loadSnapshot(t.db, ids.project + 1000, ids.production)).toBeUndefined();
  });
});
