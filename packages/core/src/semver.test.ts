import { describe, expect, it } from 'vitest';
import { compareSemVer, parseSemVer } from './semver.js';

function order(a: string, b: string): number {
  return Math.sign(compareSemVer(parseSemVer(a)!, parseSemVer(b)!));
}

describe('semantic versions', () => {
  it('fills a missing minor or patch with 0 and allows a leading v', () => {
    expect(order('2', '2.0.0')).toBe(0);
    expect(order('v2.1', '2.1.0')).toBe(0);
  });

  it('ignores build metadata', () => {
    expect(order('2.1.0+build.5', '2.1.0')).toBe(0);
  });

  it('compares numbers numerically, not as text', () => {
    expect(order('2.10.0', '2.9.0')).toBe(1);
    expect(order('10.0.0', '9.99.99')).toBe(1);
    expect(order('1.0.0', '1.0.00')).toBe(0);
    expect(order('99999999999999999999.0.0', '99999999999999999998.0.0')).toBe(1);
  });

  it('follows the SemVer 2.0.0 pre-release precedence example', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i + 1 < ordered.length; i++) expect(order(ordered[i]!, ordered[i + 1]!)).toBe(-1);
    for (let i = ordered.length - 1; i > 0; i--) expect(order(ordered[i]!, ordered[i - 1]!)).toBe(1);
  });

  it('rejects what is not a version', () => {
    for (const input of ['', 'v', '1.', '1.2.3.4', 'V1.2.3', '1.2.3-', '1.2.3-a..b', 'x.y.z', ' 1.2.3', 1, null, {}]) {
      expect(parseSemVer(input), String(input)).toBeUndefined();
    }
  });
});
