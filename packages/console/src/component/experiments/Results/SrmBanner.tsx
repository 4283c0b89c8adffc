import type { SampleRatio } from '../../../api/types';
import { formatCount, formatPercent } from '../../charts/format';
import { formatP } from '../format';

/**
 * The sample-ratio check, when it fails: the assignment is broken, so the
 * results below must not be trusted. Says the server's diagnosis, and the
 * units each variant got against what its weight expected.
 */
export function SrmBanner({ srm }: { srm: SampleRatio }) {
  if (!srm.mismatch) return null;
  return (
    <section className="srm-banner" role="alert" aria-labelledby="srm-title">
      <h2 id="srm-title">Sample ratio mismatch — do not trust these results</h2>
      <p>{srm.message}</p>
      <table className="list compact" aria-label="Units by variant against the rollout's weights">
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col" className="number">
              Units
            </th>
            <th scope="col" className="number">
              Observed share
            </th>
            <th scope="col" className="number">
              Expected share
            </th>
          </tr>
        </thead>
        <tbody>
          {srm.variants.map((variant) => (
            <tr key={variant.variant}>
              <th scope="row">{variant.variant}</th>
              <td className="number" data-figure="units">
                {formatCount(variant.units)}
              </td>
              <td className="number" data-figure="observedShare">
                {formatPercent(variant.observedShare)}
              </td>
              <td className="number" data-figure="expectedShare">
                {formatPercent(variant.expectedShare)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        χ² = {srm.chiSquare?.toFixed(2)}, {formatP(srm.pValue)}. Check that every variant's exposures reach Dial, that no rule serves a compared variant outside
        the rollout, and that the rollout did not change while the experiment ran.
      </p>
    </section>
  );
}
