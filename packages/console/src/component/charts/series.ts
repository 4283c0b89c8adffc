/** How many series colours the stylesheet defines (`series-0` … `series-7`); more series reuse them. */
export const SERIES_COLOURS = 8;

/** The class that colours the `index`th series, in charts and in their legends alike. */
export const seriesClass = (index: number) => `series-${index % SERIES_COLOURS}`;

/** One line or set of bars: a name and a value per category (null where there is none). */
export interface Series {
  name: string;
  values: readonly (number | null)[];
}

/** The largest value of any series, 0 when there is none. */
export const largest = (series: readonly Series[]) =>
  series.reduce((max, one) => one.values.reduce<number>((m, value) => (value !== null && value > m ? value : m), max), 0);
