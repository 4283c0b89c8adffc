import { formatDay } from '../format';
import { labelled, linear, linePath, ticks } from '../scale';
import { type Series, largest, seriesClass } from '../series';

const WIDTH = 960;
const HEIGHT = 280;
const MARGIN = { top: 14, right: 16, bottom: 30, left: 56 };
/** Up to this many days, each point is drawn as a dot with its value as tooltip. */
const DOTS_UP_TO = 45;

/**
 * One line per series over UTC days `YYYY-MM-DD`: conversion by entry day,
 * units per day. A missing value (a day nobody entered) breaks the line.
 *
 * @example
 * <LineChart label="Conversion by entry day" days={['2026-06-01', '2026-06-02']}
 *   series={[{ name: 'All users', values: [0.4, null] }]} format={formatPercent} rate />
 */
export function LineChart({ label, days, series, format, rate = false }: {
  label: string;
  days: readonly string[];
  series: readonly Series[];
  format: (value: number) => string;
  rate?: boolean;
}) {
  const axis = ticks(largest(series), 4, rate ? 1 : undefined);
  const y = linear([0, axis[axis.length - 1]!], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = days.length <= 1 ? () => (MARGIN.left + WIDTH - MARGIN.right) / 2 : linear([0, days.length - 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const withYear = days.length > 0 && days[0]!.slice(0, 4) !== days[days.length - 1]!.slice(0, 4);

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
        {labelled(days.length, 8).map((i) => (
          <text key={i} x={x(i)} y={HEIGHT - MARGIN.bottom + 16} textAnchor={days.length > 1 && i === 0 ? 'start' : days.length > 1 && i === days.length - 1 ? 'end' : 'middle'} className="category">
            {formatDay(days[i]!, withYear)}
          </text>
        ))}
      </g>
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="baseline" />
      {series.map((one, s) => (
        <g key={`${s}-${one.name}`} className={seriesClass(s)}>
          <path d={linePath(one.values, x, y)} className="line" />
          {one.values.map((value, i) =>
            value === null || (days.length > DOTS_UP_TO && one.values[i - 1] !== null && one.values[i + 1] !== null) ? null : (
              <circle key={i} cx={x(i)} cy={y(value)} r={days.length > DOTS_UP_TO ? 2 : 3} className="dot">
                <title>{`${formatDay(days[i]!, true)}${series.length > 1 ? ` · ${one.name}` : ''}: ${format(value)}`}</title>
              </circle>
            ),
          )}
        </g>
      ))}
    </svg>
  );
}
