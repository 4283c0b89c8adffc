import { Link } from 'react-router';
import type { MetricResult, Results } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { formatCount } from '../../charts/format';
import { seriesClass } from '../../charts/series';
import { EffectInterval } from '../EffectInterval/EffectInterval';
import { type EffectKind, effectDecimals, formatChance, formatEffect, formatInterval, formatMetricValue, formatPValue } from '../format';
import { intervalExtents } from '../results-figures';
import { metricVerdicts } from '../verdict';
import { EffectOverTime } from './EffectOverTime';

const ROLE_NAMES = { primary: 'Primary', secondary: 'Secondary', guardrail: 'Guardrail' } as const;

/** What a unit's value is, by the metric's kind; a journey's duration is averaged over the units that completed it only. */
const VALUE_NAMES: Record<MetricResult['kind'], string> = {
  conversion: 'conversion',
  mean: 'mean per unit',
  journeyConversion: 'journey conversion',
  journeyDuration: 'mean seconds to complete, over units that completed',
};

/**
 * One metric's results: a verdict per treatment in words, then per variant
 * its units, value, effect against the control with the interval drawn
 * against zero, p-value and chance to win; then the effect over time.
 */
export function MetricResults({ metric, results, prefer }: { metric: MetricResult; results: Results; prefer: EffectKind }) {
  const scope = useScope();
  const options = { control: results.control, alpha: results.alpha, prefer };
  const verdicts = metricVerdicts(metric, options);
  const extents = intervalExtents(metric.variants, prefer);
  const id = `metric-${metric.metric}`;
  const breached = verdicts.some((verdict) => verdict.breach);

  return (
    <section className={`card metric-result${breached ? ' breached' : ''}`} aria-labelledby={id} data-metric={metric.metric}>
      <div className="metric-head">
        <h2 id={id}>{metric.name}</h2>
        <span className={`badge role-${metric.role}`}>{ROLE_NAMES[metric.role]}</span>
        <span className="muted">
          <Link to={scopedPath(scope, `metrics/${encodeURIComponent(metric.metric)}`)}>{metric.metric}</Link> · {VALUE_NAMES[metric.kind]} ·{' '}
          {metric.higherIsBetter ? 'higher' : 'lower'} is better
        </span>
      </div>
      <ul className="verdicts" aria-label={`Verdicts on ${metric.name}`}>
        {verdicts.map((verdict) => (
          <li key={verdict.variant} className={`verdict ${verdict.tone}${verdict.breach ? ' breach' : ''}`} data-variant={verdict.variant}>
            {verdict.text}
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="list results-table" aria-label={`${metric.name} by variant`}>
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col" className="number">
                Units
              </th>
              <th scope="col" className="number">
                {metric.type === 'proportion' ? 'Conversion' : 'Mean'}
              </th>
              <th scope="col" className="number">
                {prefer === 'relative' ? 'Lift' : 'Difference'}
              </th>
              <th scope="col" className="number">
                {Number(((1 - results.alpha) * 100).toFixed(1))}% interval
              </th>
              <th scope="col">Against zero</th>
              <th scope="col" className="number">
                p-value
              </th>
              <th scope="col" className="number">
                Chance to win
              </th>
            </tr>
          </thead>
          <tbody>
            {metric.variants.map((variant, v) => {
              const verdict = verdicts.find((one) => one.variant === variant.variant);
              const shown = verdict?.shown ?? null;
              const decimals = shown === null ? 1 : effectDecimals(shown.effect.ci, shown.kind, metric.type);
              const format = (value: number) => (shown === null ? '' : formatEffect(value, shown.kind, metric.type, decimals));
              return (
                <tr key={variant.variant} data-variant={variant.variant}>
                  <th scope="row">
                    <span className={`swatch ${seriesClass(v)}`} aria-hidden="true" /> {variant.variant}
                    {variant.control && <span className="badge">control</span>}
                  </th>
                  <td className="number" data-figure="units">
                    {formatCount(variant.units)}
                  </td>
                  <td className="number" data-figure="value">
                    {formatMetricValue(variant.value, metric.type)}
                  </td>
                  {variant.control ? (
                    <td colSpan={5} className="muted">
                      the control: the others are compared with it
                    </td>
                  ) : shown === null ? (
                    <td colSpan={5} className="muted">
                      no estimate yet
                    </td>
                  ) : (
                    <>
                      <td className={`number effect ${verdict?.tone}`} data-figure="effect">
                        {format(shown.effect.estimate)}
                      </td>
                      <td className="number" data-figure="interval">
                        {formatInterval(shown.effect.ci, shown.kind, metric.type, decimals)}
                      </td>
                      <td>
                        <EffectInterval
                          estimate={shown.effect.estimate}
                          ci={shown.effect.ci}
                          extent={extents[shown.kind]}
                          tone={verdict?.tone ?? 'neutral'}
                          label={`${shown.kind === 'relative' ? 'Lift' : 'Difference'} of ${variant.variant} over ${results.control}`}
                          format={format}
                        />
                      </td>
                      <td className="number" data-figure="pValue">
                        {formatPValue(shown.effect.pValue)}
                      </td>
                      <td className="number" data-figure="chanceToWin">
                        {formatChance(shown.effect.chanceToWin)}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <EffectOverTime metric={metric} results={results} open={metric.role === 'primary'} />
    </section>
  );
}
