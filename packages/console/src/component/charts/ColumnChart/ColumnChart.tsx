import { linear, ticks } from '../scale';
import { type Series, largest, seriesClass } from '../series';

const WIDTH = 960;
const HEIGHT = 280;
const MARGIN = { top: 18, right: 8, bottom: 34, left: 56 };
const CHAR_WIDTH = 6.4;

const fit = (text: string, width: number) => {
  const chars = Math.max(3, Math.floor(width / CHAR_WIDTH));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
};

/**
 * Columns per category, one per series side by side: a histogram with one
 * series, a comparison of variants with several. Drawn in SVG that scales with
 * its box; each column's value (but zero) is written above it when there is
 * room, and its full label is its tooltip.
 *
 * @example
 * <ColumnChart label="Units by time to convert" categories={['under 1 min', '1 min – 5 min']}
 *   series={[{ name: 'All users', values: [12, 30] }]} format={formatCount} />
 */
export function ColumnChart({ label, categories, series, format, rate = false }: {
  /** What the chart shows, read out in place of the drawing. */
  label: string;
  categories: readonly string[];
  series: readonly Series[];
  format: (value: number) => string;
  /** Values are rates (0..1): the axis stops at 100%. */
  rate?: boolean;
}) {
  const axis = ticks(largest(series), 4, rate ? 1 : undefined);
  const top = axis[axis.length - 1]!;
  const y = linear([0, top], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, categories.length);
  const inner = band * 0.8;
  const column = inner / Math.max(1, series.length);
  // Values are written above the columns only when the widest fits its column.
  const widest = Math.max(0, ...series.flatMap((one) => one.values.map((value) => (value === null ? 0 : format(value).length))));
  const written = column >= widest * CHAR_WIDTH + 4;

  return (
    <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <g className="axis">
        {axis.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
      </g>
      {categories.map((category, c) => {
        const left = MARGIN.left + c * band + (band - inner) / 2;
        return (
          <g key={`${c}-${category}`}>
            {series.map((one, s) => {
              const value = one.values[c];
              if (value === null || value === undefined) return null;
              const x = left + s * column;
              const height = Math.max(0, y(0) - y(value));
              return (
                <g key={s} className={seriesClass(s)}>
                  <rect x={x + 1} y={y(value)} width={Math.max(1, column - 2)} height={height} rx={2} className="bar">
                    <title>{`${category}${series.length > 1 ? ` · ${one.name}` : ''}: ${format(value)}`}</title>
                  </rect>
                  {written && value !== 0 && (
                    <text x={x + column / 2} y={y(value) - 4} textAnchor="middle" className="value">
                      {format(value)}
                    </text>
                  )}
                </g>
              );
            })}
            <text x={MARGIN.left + c * band + band / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="category">
              {fit(category, band)}
            </text>
          </g>
        );
      })}
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="baseline" />
    </svg>
  );
}
