import { describe, expect, it } from 'vitest';
import { diff } from './diff';

describe('the audit diff', () => {
  it('names each changed leaf by its JSON path', () => {
    const before = { enabled: false, rules: [{ id: 'a', when: [] }], tags: ['x'], version: 1 };
    const after = { enabled: true, rules: [{ id: 'a', when: [{ segment: 'beta' }] }], tags: ['x'], version: 2 };
    expect(diff(before, after)).toEqual([
      { path: 'enabled', kind: 'changed', before: false, after: true },
      { path: 'rules[0].when[0]', kind: 'added', after: { segment: 'beta' } },
      { path: 'version', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('shows a creation and a deletion whole', () => {
    expect(diff(null, { key: 'f' })).toEqual([{ path: '(all)', kind: 'added', after: { key: 'f' } }]);
    expect(diff({ key: 'f' }, null)).toEqual([{ path: '(all)', kind: 'removed', before: { key: 'f' } }]);
  });
});
