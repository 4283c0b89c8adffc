import type { MetricResult, Results } from '../../../api/types';
import { BandChart } from '../../charts/BandChart/BandChart';
import { ChartFigure } from '../../charts/ChartFigure/ChartFigure';
import { Legend } from '../../charts/Legend/Legend';
import { LineChart } from '../../charts/LineChart/LineChart';
import { formatCount, formatDay } from '../../charts/format';
import { formatEffect, formatInterval, formatMetricValue } from '../format';
import { liftSeries } from '../results-figures';

/**
 * A metric by day of first exposure, running: each treatment's lift over
 * the control with its interval as units came in (or, when no lift is
 * defined, each variant's value), and the same numbers in a table. Folded
 * unless `open`.
 */
export function EffectOverTime({ metric, results, open }: { metric: MetricResult; results: Results; open: boolean }) {
  const days = metric.daily.map((point) => point.day);
  const treatments = results.variants.filter((variant) => variant !== results.control);
  const lifts = liftSeries(metric.daily, treatments);
  const lift = (value: number) => formatEffect(value, 'relative', metric.type, 1);
  const valueOf = (variant: string, d: number) => metric.daily[d]?.variants.find((one) => one.variant === variant);

  return (
    <details className="over-time" open={open}>
      <summary>Over time</summary>
      <ChartFigure
        title={lifts.length > 0 ? `Lift of ${metric.name} over ${results.control}, running` : `${metric.name} by variant, running`}
        summary={
          lifts.length > 0
            ? `Units by the UTC day of their first exposure, added up day after day; the ${results.test === 'sequential' ? 'sequential' : 'fixed-horizon'} interval narrows as units come in. Early intervals wider than three times the latest are cut at the chart's edge.`
            : 'Units by the UTC day of their first exposure, added up day after day, and each variant\'s value for them. No lift can be estimated yet: that takes at least 2 units in each variant, values that vary, and a control above 0.'
        }
        legend={lifts.length > 0 ? <Legend names={treatments} label="Treatments" first={1} /> : <Legend names={results.variants} label="Variants" />}
        tableSummary="Figures by day"
        table={
          <table className="list compact" aria-label={`${metric.name} by day`}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Exposed by
                </th>
                {results.variants.map((variant) => (
                  <th key={variant} scope="colgroup" colSpan={variant === results.control ? 2 : 4} className="number">
                    {variant}
                  </th>
                ))}
              </tr>
              <tr>
                {results.variants.map((variant) =>
                  (variant === results.control ? ['Units', 'Value'] : ['Units', 'Value', 'Lift', 'Interval']).map((name) => (
                    <th key={`${variant}-${name}`} scope="col" className="number">
                      {name}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {days.map((day, d) => (
                <tr key={day}>
                  <th scope="row">{formatDay(day, true)}</th>
                  {results.variants.map((variant) => {
                    const point = valueOf(variant, d);
                    const cells = [
                      <td key="units" className="number">
                        {formatCount(point?.units ?? 0)}
                      </td>,
                      <td key="value" className="number">
                        {formatMetricValue(point?.value, metric.type)}
                      </td>,
                    ];
                    if (variant !== results.control) {
                      cells.push(
                        <td key="lift" className="number">
                          {point?.relative ? lift(point.relative.estimate) : '—'}
                        </td>,
                        <td key="interval" className="number">
                          {point?.relative ? formatInterval(point.relative.ci, 'relative', metric.type, 1) : '—'}
                        </td>,
                      );
                    }
                    return cells;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {lifts.length > 0 ? (
          <BandChart label={`Running lift of ${metric.name} by day, per treatment`} days={days} series={lifts} format={lift} firstSeries={1} />
        ) : (
          <LineChart
            label={`Running ${metric.name} by day, per variant`}
            days={days}
            series={results.variants.map((variant) => ({ name: variant, values: days.map((_, d) => valueOf(variant, d)?.value ?? null) }))}
            format={(value) => formatMetricValue(value, metric.type)}
            rate={metric.type === 'proportion'}
          />
        )}
      </ChartFigure>
    </details>
  );
}
