import { describe, expect, it } from 'vitest';
import { bandExtent, bandPath } from './band';

const x = (i: number) => i * 10;
const y = (value: number) => value;

describe('interval bands', () => {
  it('draws the area between the ends, forward along the top and back along the bottom', () => {
    expect(bandPath([0, 1], [2, 3], x, y)).toBe('M0.0,2.0L10.0,3.0L10.0,1.0L0.0,0.0Z');
  });

  it('breaks the band where an end is missing, and draws a lone category as a sliver', () => {
    expect(bandPath([0, null, 1, 1, null, 5], [2, 2, 3, 4, 1, 6], x, y)).toBe('M-2.0,2.0L2.0,2.0L2.0,0.0L-2.0,0.0ZM20.0,3.0L30.0,4.0L30.0,1.0L20.0,1.0ZM48.0,6.0L52.0,6.0L52.0,5.0L48.0,5.0Z');
    expect(bandPath([null], [null], x, y)).toBe('');
  });

  it('spans every estimate and zero, and the bands up to three times the latest interval', () => {
    expect(bandExtent([{ name: 'on', values: [0.3, 0.05], lower: [-4, 0.01], upper: [5, 0.09] }])).toEqual([-0.27, 0.3]);
    expect(bandExtent([{ name: 'on', values: [0.02, 0.03], lower: [0.01, 0.01], upper: [0.04, 0.05] }])).toEqual([0, 0.05]);
    expect(
      bandExtent([
        { name: 'a', values: [-0.5, null], lower: [-0.9, null], upper: [0.1, null] },
        { name: 'b', values: [0.1, 0.2], lower: [0, 0.1], upper: [0.3, 0.3] },
      ]),
    ).toEqual([-0.9, 0.3]);
    expect(bandExtent([])).toEqual([0, 0]);
  });
});
