import { linear } from '../../charts/scale';
import type { Interval } from '../format';
import type { Tone } from '../verdict';

const WIDTH = 240;
const HEIGHT = 36;
const PAD = 10;

/**
 * Where an interval lies against zero, in words.
 *
 * @example
 * sideOfZero([0.01, 0.07]) // 'entirely above zero'
 */
export function sideOfZero(ci: Interval): string {
  const [low = Number.NaN, high = Number.NaN] = ci;
  if (low > 0) return 'entirely above zero';
  if (high < 0) return 'entirely below zero';
  return 'spanning zero';
}

/**
 * An effect's interval drawn as a bar against a zero line, with the
 * estimate as a dot, on an axis shared by the rows of one metric so they
 * compare at a glance. Coloured by what the effect means (good, bad, or not
 * significant); its label says the same in words.
 *
 * @example
 * <EffectInterval estimate={0.041} ci={[0.012, 0.07]} extent={[-0.08, 0.08]} tone="good"
 *   label="Lift of on over off" format={(v) => formatEffect(v, 'relative', 'proportion', 1)} />
 */
export function EffectInterval({ estimate, ci, extent, tone, label, format }: {
  estimate: number;
  ci: Interval;
  extent: readonly [number, number];
  tone: Tone;
  label: string;
  format: (value: number) => string;
}) {
  const x = linear([extent[0], extent[1]], [PAD, WIDTH - PAD]);
  const at = (value: number) => Math.min(WIDTH - PAD, Math.max(PAD, x(value)));
  const [low = Number.NaN, high = Number.NaN] = ci;
  const words = `${label}: ${format(estimate)}, interval ${format(low)} to ${format(high)}, ${sideOfZero(ci)}`;
  return (
    <svg className={`effect-interval ${tone}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={words}>
      <title>{words}</title>
      <line x1={PAD} x2={WIDTH - PAD} y1={12} y2={12} className="track" />
      <rect x={at(low)} y={8} width={Math.max(2, at(high) - at(low))} height={8} rx={3} className="interval" />
      <line x1={x(0)} x2={x(0)} y1={2} y2={22} className="zero" />
      <circle cx={at(estimate)} cy={12} r={4} className="estimate" />
      <text x={PAD} y={33} textAnchor="start">
        {format(extent[0])}
      </text>
      <text x={x(0)} y={33} textAnchor="middle">
        0
      </text>
      <text x={WIDTH - PAD} y={33} textAnchor="end">
        {format(extent[1])}
      </text>
    </svg>
  );
}
