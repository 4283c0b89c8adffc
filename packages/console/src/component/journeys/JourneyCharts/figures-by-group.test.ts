// @vitest-environment happy-dom
/*
 * The journey page's figures tell breakdown groups apart by value, not by
 * label: two groups whose labels read the same stay two groups, each with its
 * own figures, also when a new answer reorders them.
 */
import { act, createElement } from 'react';
import { type Root, createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CohortSeries, FunnelGroup } from '../figures';
import { BreakdownFigure } from './BreakdownFigure';
import { ConversionFigure } from './ConversionFigure';
import { TimeToConvertFigure } from './TimeToConvertFigure';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A group of a two-step funnel: `entered` units, `completed` of them through, all within a minute. */
function funnelGroup(value: string, label: string, entered: number, completed: number): FunnelGroup {
  const step = (index: number, units: number) => ({
    index,
    event: `e${index}`,
    label: `Step ${index + 1}`,
    units,
    conversionFromPrevious: index === 0 ? null : units / entered,
    conversionFromFirst: units / entered,
    dropOff: index === 0 ? 0 : entered - units,
    dropOffRate: index === 0 ? null : (entered - units) / entered,
    medianSecondsFromFirst: 0,
    p90SecondsFromFirst: 0,
  });
  return {
    value,
    label,
    steps: [step(0, entered), step(1, completed)],
    timeToConvert: [
      { fromSeconds: 0, toSeconds: 60, units: completed },
      { fromSeconds: 60, toSeconds: null, units: 0 },
    ],
  };
}

const cohort = (value: string, label: string, entered: number, completed: number): CohortSeries => ({
  value,
  label,
  days: [{ date: '2026-06-01', entered, completed, conversionRate: completed / entered }],
});

let root: Root;
let container: HTMLElement;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  errors = vi.spyOn(console, 'error');
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  errors.mockRestore();
});

const render = (element: ReturnType<typeof createElement>) => act(() => root.render(element));

/** The texts of a table's body cells, row by row. */
const cells = (table: string) =>
  [...container.querySelectorAll(`table[aria-label="${table}"] tbody tr`)].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));

describe('journey figures with groups that read the same', () => {
  it('keep each group its own columns in the side-by-side table, reordered', () => {
    render(createElement(BreakdownFigure, { groups: [funnelGroup('control', 'Checkout', 10, 5), funnelGroup('treatment', 'Checkout', 20, 15)], by: 'by variant' }));
    expect(cells('Funnel by group')).toEqual([
      ['10', '100.0%', '20', '100.0%'],
      ['5', '50.0%', '15', '75.0%'],
    ]);
    render(createElement(BreakdownFigure, { groups: [funnelGroup('treatment', 'Checkout', 20, 16), funnelGroup('control', 'Checkout', 10, 4)], by: 'by variant' }));
    expect(cells('Funnel by group')).toEqual([
      ['20', '100.0%', '10', '100.0%'],
      ['16', '80.0%', '4', '40.0%'],
    ]);
    expect(errors).not.toHaveBeenCalled();
  });

  it('keep each group its own columns in the time-to-convert and conversion tables', () => {
    render(createElement(TimeToConvertFigure, { groups: [funnelGroup('control', 'Checkout', 10, 5), funnelGroup('treatment', 'Checkout', 20, 15)] }));
    expect(cells('Time to convert')).toEqual([
      ['5', '100.0%', '15', '100.0%'],
      ['0', '0.0%', '0', '0.0%'],
    ]);
    render(createElement(ConversionFigure, { groups: [cohort('control', 'Checkout', 10, 5), cohort('treatment', 'Checkout', 20, 15)] }));
    expect(cells('Conversion by entry day')).toEqual([['10', '5', '50.0%', '20', '15', '75.0%']]);
    expect(errors).not.toHaveBeenCalled();
  });
});
