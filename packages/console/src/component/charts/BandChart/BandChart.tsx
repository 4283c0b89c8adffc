import { useId } from 'react';
import { type BandSeries, bandExtent, bandPath } from '../band';
import { formatDay } from '../format';
import { labelled, linear, linePath, ticksAround } from '../scale';
import { seriesClass } from '../series';

const WIDTH = 960;
const HEIGHT = 280;
const MARGIN = { top: 14, right: 16, bottom: 30, left: 64 };

const intervalText = (lower: number | null | undefined, upper: number | null | undefined, format: (value: number) => string) =>
  lower === null || lower === undefined || upper === null || upper === undefined ? '' : ` (${format(lower)} … ${format(upper)})`;

/**
 * Lines with their interval bands over UTC days, against a zero line: an
 * effect as it settles while units come in. Values may be negative. Bands
 * far wider than the latest interval are cut at the chart's edge (see
 * `bandExtent`); the table under the chart has them whole.
 *
 * @example
 * <BandChart label="Lift of on over off by day" days={['2026-06-01', '2026-06-02']}
 *   series={[{ name: 'on', values: [0.1, 0.05], lower: [-0.2, 0.01], upper: [0.4, 0.09] }]} format={formatLift} />
 */
export function BandChart({ label, days, series, format, firstSeries = 0 }: {
  label: string;
  days: readonly string[];
  series: readonly BandSeries[];
  format: (value: number) => string;
  /** The colour index of the first series, so a chart of treatments keeps the colours they have elsewhere. */
  firstSeries?: number;
}) {
  const clip = useId();
  const [min, max] = bandExtent(series);
  const axis = ticksAround(min, max);
  const y = linear([axis[0]!, axis[axis.length - 1]!], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = days.length <= 1 ? () => (MARGIN.left + WIDTH - MARGIN.right) / 2 : linear([0, days.length - 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const withYear = days.length > 0 && days[0]!.slice(0, 4) !== days[days.length - 1]!.slice(0, 4);

  return (
    <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
      <defs>
        <clipPath id={clip}>
          <rect x={MARGIN.left - 4} y={MARGIN.top} width={WIDTH - MARGIN.left - MARGIN.right + 8} height={HEIGHT - MARGIN.top - MARGIN.bottom} />
        </clipPath>
      </defs>
      <g className="axis">
        {axis.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {labelled(days.length, 8).map((i) => (
          <text key={i} x={x(i)} y={HEIGHT - MARGIN.bottom + 16} textAnchor={days.length > 1 && i === 0 ? 'start' : days.length > 1 && i === days.length - 1 ? 'end' : 'middle'} className="category">
            {formatDay(days[i]!, withYear)}
          </text>
        ))}
      </g>
      <g clipPath={`url(#${clip})`}>
        {series.map((one, s) => (
          <g key={`${s}-${one.name}`} className={seriesClass(firstSeries + s)}>
            <path d={bandPath(one.lower, one.upper, x, y)} className="band" />
            <path d={linePath(one.values, x, y)} className="line" />
            {one.values.map((value, i) =>
              value === null ? null : (
                <circle key={i} cx={x(i)} cy={y(value)} r={days.length > 45 ? 2 : 3} className="dot">
                  <title>{`${formatDay(days[i]!, true)}${series.length > 1 ? ` · ${one.name}` : ''}: ${format(value)}${intervalText(one.lower[i], one.upper[i], format)}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </g>
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="zero" />
    </svg>
  );
}
