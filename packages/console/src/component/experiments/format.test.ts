import { describe, expect, it } from 'vitest';
import { MINUS, effectDecimals, formatChance, formatEffect, formatInterval, formatLevel, formatMetricValue, formatP, formatPValue } from './format';

describe('experiment number formatting', () => {
  it('signs effects, with the minus sign, and none for zero after rounding', () => {
    expect(formatEffect(0.041, 'relative', 'proportion', 1)).toBe('+4.1%');
    expect(formatEffect(-0.041, 'relative', 'mean', 1)).toBe(`${MINUS}4.1%`);
    expect(formatEffect(-0.0004, 'relative', 'proportion', 1)).toBe('0.0%');
    expect(formatEffect(0, 'absolute', 'mean', 2)).toBe('0.00');
    expect(formatEffect(Number.NaN, 'absolute', 'mean', 2)).toBe('—');
  });

  it('writes differences of proportions in percentage points and of means as numbers with separators', () => {
    expect(formatEffect(-0.0123, 'absolute', 'proportion', 1)).toBe(`${MINUS}1.2 pp`);
    expect(formatEffect(1234.5, 'absolute', 'mean', 0)).toBe('+1,235');
    expect(formatEffect(0.5, 'absolute', 'mean', 2)).toBe('+0.50');
  });

  it('gives an interval two significant digits of its width, at least one decimal for percentages', () => {
    expect(effectDecimals([0.012, 0.07], 'relative', 'proportion')).toBe(1);
    expect(effectDecimals([-0.004, 0.001], 'relative', 'proportion')).toBe(2);
    expect(effectDecimals([-0.0004, 0.0001], 'absolute', 'proportion')).toBe(3);
    expect(effectDecimals([-0.2, 0.86], 'absolute', 'mean')).toBe(1);
    expect(effectDecimals([-0.02, 0.06], 'absolute', 'mean')).toBe(3);
    expect(effectDecimals([-120, 380], 'absolute', 'mean')).toBe(0);
    expect(effectDecimals([1, 1], 'absolute', 'mean')).toBe(2);
  });

  it('writes an interval from its lower to its upper end', () => {
    expect(formatInterval([0.012, 0.07], 'relative', 'proportion', 1)).toBe('+1.2% … +7.0%');
    expect(formatInterval([-0.02, 0.035], 'absolute', 'proportion', 1)).toBe(`${MINUS}2.0 pp … +3.5 pp`);
  });

  it('writes the confidence level of a significance level', () => {
    expect(formatLevel(0.05)).toBe('95%');
    expect(formatLevel(0.1)).toBe('90%');
    expect(formatLevel(0.005)).toBe('99.5%');
  });

  it('writes p-values to three decimals and tiny ones as a bound', () => {
    expect(formatPValue(0.0423)).toBe('0.042');
    expect(formatPValue(1)).toBe('1.000');
    expect(formatPValue(0.00002)).toBe('< 0.001');
    expect(formatPValue(null)).toBe('—');
    expect(formatP(0.0423)).toBe('p = 0.042');
    expect(formatP(0.00002)).toBe('p < 0.001');
  });

  it('writes a chance to win as a percentage, near-certainties as bounds', () => {
    expect(formatChance(0.9734)).toBe('97.3%');
    expect(formatChance(0.999971)).toBe('> 99.9%');
    expect(formatChance(0.0002)).toBe('< 0.1%');
    expect(formatChance(0.5)).toBe('50.0%');
  });

  it('writes a conversion as a percentage and a mean at a precision that fits its size', () => {
    expect(formatMetricValue(0.12345, 'proportion')).toBe('12.35%');
    expect(formatMetricValue(23.456, 'mean')).toBe('23.46');
    expect(formatMetricValue(12345.6, 'mean')).toBe('12,346');
    expect(formatMetricValue(0.01234, 'mean')).toBe('0.01234');
    expect(formatMetricValue(0, 'mean')).toBe('0.00');
    expect(formatMetricValue(null, 'proportion')).toBe('—');
  });
});
