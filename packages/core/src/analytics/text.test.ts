import { describe, expect, it } from 'vitest';
import { breakdownText, compareText, jsonNumberText } from './text.js';

describe('text as PostgreSQL orders and prints it', () => {
  it('orders by code point, astral characters after the rest of the BMP', () => {
    expect(['b', 'a', 'B', '_', '\u{1F600}', '\uFFFD', ''].sort(compareText)).toEqual(['', 'B', '_', 'a', 'b', '\uFFFD', '\u{1F600}']);
    expect(compareText('ab', 'a')).toBeGreaterThan(0);
    expect(compareText('same', 'same')).toBe(0);
  });

  it.each([
    [0, '0'],
    [-0, '0'],
    [1.5, '1.5'],
    [-42, '-42'],
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [-1.2345e25, '-12345000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [123456789012345680000, '123456789012345680000'],
  ])('prints the number %s as %s', (value, text) => {
    expect(jsonNumberText(value)).toBe(text);
  });

  it('groups scalars only', () => {
    expect(breakdownText('DE')).toBe('DE');
    expect(breakdownText(false)).toBe('false');
    expect(breakdownText(2)).toBe('2');
    expect(breakdownText(null)).toBeNull();
    expect(breakdownText(undefined)).toBeNull();
    expect(breakdownText([1])).toBeNull();
    expect(breakdownText({ a: 1 })).toBeNull();
  });
});
