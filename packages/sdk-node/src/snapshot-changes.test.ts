import type { Flag, Snapshot } from '@dial/core';
import { describe, expect, it } from 'vitest';
import { applyChange, changedFlagKeys, parseChange, parseSnapshot } from './snapshot-changes.js';

function flag(key: string, overrides: Partial<Flag> = {}): Flag {
  return { key, variants: { on: true, off: false }, enabled: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, ...overrides };
}

const usesStaff = flag('uses-staff', { rules: [{ id: 'r', when: [{ segment: 'staff' }], serve: { variant: 'on' } }] });
const usesAdmins = flag('uses-admins', { rules: [{ id: 'r', when: [{ segment: 'admins', negate: true }], serve: { variant: 'off' } }] });
const needsStaff = flag('needs-staff', { prerequisites: [{ flag: 'uses-staff', variant: 'on' }] });
const plain = flag('plain');
const snapshot: Snapshot = {
  version: 4,
  flags: [usesStaff, usesAdmins, needsStaff, plain],
  segments: [
    { key: 'staff', include: ['u-1'] },
    { key: 'admins', rules: [[{ segment: 'staff' }, { attr: 'role', op: 'eq', values: ['admin'] }]] },
    { key: 'unused', include: ['u-2'] },
  ],
};

describe('parseSnapshot', () => {
  it('accepts the contract shape and refuses anything else', () => {
    expect(parseSnapshot({ version: 2, flags: [], segments: [] })).toEqual({ version: 2, flags: [], segments: [] });
    expect(parseSnapshot({ flags: [plain] })).toEqual({ flags: [plain], segments: [] });
    for (const bad of [null, [], 'x', {}, { flags: {} }, { flags: [], segments: {} }, { flags: [], version: '3' }, { flags: [], version: -1 }]) {
      expect(parseSnapshot(bad)).toBeUndefined();
    }
  });
});

describe('parseChange', () => {
  it('reads puts with their document and deletes without', () => {
    expect(parseChange({ version: 5, type: 'flag.put', key: 'plain', flag: plain })).toEqual({ version: 5, type: 'flag.put', key: 'plain', document: plain });
    expect(parseChange({ version: 5, type: 'segment.delete', key: 'staff' })).toEqual({ version: 5, type: 'segment.delete', key: 'staff' });
    // A document without its key takes the event's.
    expect(parseChange({ version: 5, type: 'segment.put', key: 's', segment: { include: [] } })?.document).toEqual({ key: 's', include: [] });
  });

  it('refuses changes that break the contract', () => {
    for (const bad of [
      { version: 5, type: 'flag.put', key: 'plain' },
      { version: 5, type: 'flag.put', key: 'plain', flag: { ...plain, key: 'other' } },
      { version: 5, type: 'flag.rename', key: 'plain' },
      { type: 'flag.delete', key: 'plain' },
      { version: 5, type: 'flag.delete' },
      { version: 5, type: 'segment.put', key: 's', flag: { key: 's' } },
    ]) {
      expect(parseChange(bad)).toBeUndefined();
    }
  });
});

describe('applyChange', () => {
  it('replaces in place, appends, deletes, and takes the change version', () => {
    const edited = flag('plain', { enabled: false });
    const next = applyChange(snapshot, { version: 9, type: 'flag.put', key: 'plain', document: edited });
    expect(next.version).toBe(9);
    expect(next.flags.map((f) => f.key)).toEqual(['uses-staff', 'uses-admins', 'needs-staff', 'plain']);
    expect(next.flags[3]).toBe(edited);
    expect(snapshot.flags[3]).toBe(plain);
    expect(applyChange(snapshot, { version: 5, type: 'flag.put', key: 'new', document: flag('new') }).flags.map((f) => f.key)).toContain('new');
    expect(applyChange(snapshot, { version: 5, type: 'flag.delete', key: 'plain' }).flags).toHaveLength(3);
    expect(applyChange(snapshot, { version: 5, type: 'flag.delete', key: 'absent' }).flags).toHaveLength(4);
    expect(applyChange(snapshot, { version: 5, type: 'segment.delete', key: 'unused' }).segments).toHaveLength(2);
  });
});

describe('changedFlagKeys', () => {
  it('names every flag of a first snapshot', () => {
    expect(changedFlagKeys(undefined, snapshot)).toEqual(['uses-staff', 'uses-admins', 'needs-staff', 'plain']);
  });

  it('finds nothing when only key order differs', () => {
    const reordered = JSON.parse(JSON.stringify(snapshot, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as Snapshot;
    expect(changedFlagKeys(snapshot, reordered)).toEqual([]);
  });

  it('follows segments through segments, and flags through prerequisites', () => {
    const staff = applyChange(snapshot, { version: 5, type: 'segment.put', key: 'staff', document: { key: 'staff', include: ['u-1', 'u-3'] } });
    expect(changedFlagKeys(snapshot, staff)).toEqual(['uses-staff', 'uses-admins', 'needs-staff']);
    const admins = applyChange(snapshot, { version: 5, type: 'segment.delete', key: 'admins' });
    expect(changedFlagKeys(snapshot, admins)).toEqual(['uses-admins']);
    const unused = applyChange(snapshot, { version: 5, type: 'segment.delete', key: 'unused' });
    expect(changedFlagKeys(snapshot, unused)).toEqual([]);
  });

  it('names added, edited and deleted flags', () => {
    let next = applyChange(snapshot, { version: 5, type: 'flag.delete', key: 'plain' });
    expect(changedFlagKeys(snapshot, next)).toEqual(['plain']);
    next = applyChange(snapshot, { version: 5, type: 'flag.put', key: 'uses-staff', document: flag('uses-staff') });
    expect(changedFlagKeys(snapshot, next)).toEqual(['uses-staff', 'needs-staff']);
    next = applyChange(snapshot, { version: 5, type: 'flag.put', key: 'fresh', document: flag('fresh') });
    expect(changedFlagKeys(snapshot, next)).toEqual(['fresh']);
  });
});
