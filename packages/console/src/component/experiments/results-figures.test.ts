import { describe, expect, it } from 'vitest';
import { intervalExtents, liftSeries, suggestedShip } from './results-figures';
import type { Effect } from './verdict';

const effect = (estimate: number, ci: [number, number], verdict: Effect['verdict'] = 'inconclusive'): Effect => ({
  estimate,
  ci,
  pValue: 0.5,
  chanceToWin: 0.5,
  significant: verdict !== 'inconclusive',
  verdict,
});
const control = { variant: 'off', control: true, absolute: null, relative: null };

describe('what the results page draws', () => {
  it('shares one axis centred on zero between the treatments of a metric, per kind of effect', () => {
    const variants = [
      control,
      { variant: 'a', control: false, absolute: effect(1, [0, 2]), relative: effect(0.05, [-0.02, 0.07]) },
      { variant: 'b', control: false, absolute: effect(-3, [-5, -1]), relative: null },
    ];
    expect(intervalExtents(variants, 'relative')).toEqual({ relative: [-0.077, 0.077], absolute: [-5.5, 5.5] });
    expect(intervalExtents(variants, 'absolute')).toEqual({ relative: [-1, 1], absolute: [-5.5, 5.5] });
  });

  it('turns the daily lifts into one series per treatment, gaps where a day has none', () => {
    const daily = [
      { day: '2026-06-01', variants: [{ variant: 'off', relative: null }, { variant: 'on', relative: null }] },
      { day: '2026-06-02', variants: [{ variant: 'off', relative: null }, { variant: 'on', relative: { estimate: 0.07, ci: [-0.16, 0.31] as [number, number] } }] },
    ];
    expect(liftSeries(daily, ['on'])).toEqual([{ name: 'on', values: [null, 0.07], lower: [null, -0.16], upper: [null, 0.31] }]);
    expect(liftSeries(daily.slice(0, 1), ['on'])).toEqual([]);
  });

  it('suggests shipping the treatment that wins by most, and none when none wins', () => {
    expect(
      suggestedShip([
        control,
        { variant: 'a', control: false, absolute: null, relative: effect(0.04, [0.01, 0.07], 'better') },
        { variant: 'b', control: false, absolute: null, relative: effect(0.09, [0.02, 0.16], 'better') },
        { variant: 'c', control: false, absolute: null, relative: effect(0.2, [-0.1, 0.5]) },
      ]),
    ).toBe('b');
    expect(suggestedShip([control, { variant: 'a', control: false, absolute: null, relative: effect(-0.2, [-0.3, -0.1], 'better') }])).toBe('a');
    expect(suggestedShip([control, { variant: 'a', control: false, absolute: null, relative: effect(0.2, [0.1, 0.3], 'worse') }])).toBeUndefined();
  });
});
