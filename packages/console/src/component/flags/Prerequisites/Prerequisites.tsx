import type { Prerequisite } from '@dial/core';
import type { FlagListItem } from '../../../api/types';
import { FieldError } from '../../common/FieldError/FieldError';
import { removeAt, replaceAt } from '../draft';

/** Flags that must serve a given variant before this one is evaluated. */
export function Prerequisites({ prerequisites, flags, self, onChange }: { prerequisites: Prerequisite[]; flags: readonly FlagListItem[]; self: string; onChange: (prerequisites: Prerequisite[]) => void }) {
  const candidates = flags.filter((flag) => flag.key !== self);
  const variantsOf = (key: string) => candidates.find((flag) => flag.key === key)?.variants.map((variant) => variant.key) ?? [];
  return (
    <section aria-labelledby="prerequisites-title">
      <h3 id="prerequisites-title">Prerequisites</h3>
      {prerequisites.length === 0 && <p className="muted">None: this flag does not depend on another.</p>}
      <ul className="prerequisites">
        {prerequisites.map((prerequisite, i) => (
          <li key={i}>
            <label className="inline">
              <span>Flag</span>
              <select
                value={prerequisite.flag}
                onChange={(event) => onChange(replaceAt(prerequisites, i, { flag: event.target.value, variant: variantsOf(event.target.value)[0] ?? '' }))}
              >
                {!candidates.some((flag) => flag.key === prerequisite.flag) && <option value={prerequisite.flag}>{prerequisite.flag}</option>}
                {candidates.map((flag) => (
                  <option key={flag.key} value={flag.key}>
                    {flag.key}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              <span>serves</span>
              <select value={prerequisite.variant} onChange={(event) => onChange(replaceAt(prerequisites, i, { ...prerequisite, variant: event.target.value }))}>
                {!variantsOf(prerequisite.flag).includes(prerequisite.variant) && <option value={prerequisite.variant}>{prerequisite.variant}</option>}
                {variantsOf(prerequisite.flag).map((variant) => (
                  <option key={variant} value={variant}>
                    {variant}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => onChange(removeAt(prerequisites, i))} aria-label={`Remove prerequisite ${prerequisite.flag}`}>
              Remove
            </button>
            <FieldError path={`prerequisites[${i}].flag`} />
            <FieldError path={`prerequisites[${i}].variant`} />
            <FieldError path={`prerequisites[${i}]`} />
          </li>
        ))}
      </ul>
      <FieldError path="prerequisites" />
      <button
        type="button"
        disabled={candidates.length === 0}
        onClick={() => {
          const first = candidates[0];
          if (first !== undefined) onChange([...prerequisites, { flag: first.key, variant: variantsOf(first.key)[0] ?? '' }]);
        }}
      >
        Add prerequisite
      </button>
    </section>
  );
}
