import type { Rollout } from '@dial/core';
import { FieldError } from '../../common/FieldError/FieldError';

/** Weights are thousandths of a percent: 100000 is everyone. */
export const ALL = 100_000;

export const percentText = (weight: number) => `${(weight / 1000).toFixed(3)}%`;

/**
 * Sets one entry's weight and keeps the total at 100%: the difference is
 * taken from (or given to) the entries after it, wrapping around.
 */
export function setWeight(split: Rollout['split'], index: number, weight: number): Rollout['split'] {
  const next = split.map((entry) => ({ ...entry }));
  const target = next[index];
  if (target === undefined) return next;
  target.weight = Math.max(0, Math.min(ALL, Math.round(weight)));
  let excess = next.reduce((sum, entry) => sum + entry.weight, 0) - ALL;
  for (let step = 1; step < next.length && excess !== 0; step++) {
    const other = next[(index + step) % next.length]!;
    const change = excess > 0 ? Math.min(excess, other.weight) : Math.max(excess, other.weight - ALL);
    other.weight -= change;
    excess -= change;
  }
  return next;
}

/** An even split over the given variants, the remainder on the first. */
export function evenSplit(variants: readonly string[]): Rollout['split'] {
  const share = Math.floor(ALL / Math.max(1, variants.length));
  return variants.map((variant, i) => ({ variant, weight: i === 0 ? ALL - share * (variants.length - 1) : share }));
}

/** Split weights, each with a slider and a percent field (three decimals), and the attribute to bucket by. */
export function RolloutEditor({ rollout, path, label, onChange }: { rollout: Rollout; path: string; label: string; onChange: (rollout: Rollout) => void }) {
  const total = rollout.split.reduce((sum, entry) => sum + entry.weight, 0);
  return (
    <fieldset className="rollout">
      <legend>Rollout of {label}</legend>
      {rollout.split.map((entry, i) => {
        const id = `${path}-split-${i}`.replace(/[^A-Za-z0-9_-]/g, '_');
        return (
          <div className="split-row" key={entry.variant}>
            <label htmlFor={`${id}-range`} className="variant-name">
              {entry.variant}
            </label>
            <input
              id={`${id}-range`}
              type="range"
              min={0}
              max={ALL}
              step={100}
              value={entry.weight}
              aria-valuetext={percentText(entry.weight)}
              onChange={(event) => onChange({ ...rollout, split: setWeight(rollout.split, i, Number(event.target.value)) })}
            />
            <input
              type="number"
              className="percent"
              aria-label={`Percent served ${entry.variant}`}
              min={0}
              max={100}
              step={0.001}
              value={Number((entry.weight / 1000).toFixed(3))}
              onChange={(event) => {
                const percent = Number.parseFloat(event.target.value);
                if (Number.isFinite(percent)) onChange({ ...rollout, split: setWeight(rollout.split, i, percent * 1000) });
              }}
            />
            <span aria-hidden="true">%</span>
            <FieldError path={`${path}.rollout.split[${i}].weight`} />
          </div>
        );
      })}
      <p className={total === ALL ? 'muted' : 'field-error'}>Total {percentText(total)}</p>
      <FieldError path={`${path}.rollout.split`} />
      <label className="inline">
        <span>Bucket by attribute</span>
        <input
          value={rollout.bucketBy ?? ''}
          placeholder="key"
          onChange={(event) => {
            const { bucketBy: _old, ...rest } = rollout;
            onChange(event.target.value.trim() === '' ? rest : { ...rest, bucketBy: event.target.value.trim() });
          }}
        />
      </label>
      <FieldError path={`${path}.rollout.bucketBy`} />
    </fieldset>
  );
}
