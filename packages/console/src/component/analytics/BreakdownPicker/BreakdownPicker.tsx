import { type FormEvent, useId, useState } from 'react';
import { useAllFlags } from '../../../api/queries';
import { useScope } from '../../../scope';
import { BREAKDOWN_KINDS, type Breakdown, type BreakdownKind } from '../breakdown';

const KIND_NAMES: Record<BreakdownKind, string> = { flag: 'Flag variant', attribute: 'Context attribute', property: 'Event property' };
const KIND_HELP: Record<BreakdownKind | 'none', string> = {
  none: 'Everyone together.',
  flag: 'By the variant each unit was first served, as its exposures recorded it.',
  attribute: 'By a value of the context sent with the events (top values, the rest as “(other)”).',
  property: 'By a value of the events’ properties (top values, the rest as “(other)”).',
};

/**
 * What an analytics page splits its numbers by: nothing, a flag's variants
 * (chosen from the project's flags), or an attribute or property name typed in
 * and applied.
 */
export function BreakdownPicker({ value, onChange }: { value: Breakdown | null; onChange: (breakdown: Breakdown | null) => void }) {
  const scope = useScope();
  const flags = useAllFlags(scope.project);
  const [kind, setKind] = useState<BreakdownKind | 'none'>(value?.kind ?? 'none');
  const [name, setName] = useState(value !== null && value.kind !== 'flag' ? value.key : '');
  const help = useId();

  const choose = (next: BreakdownKind | 'none') => {
    setKind(next);
    if (next === 'none') onChange(null);
    else if (next === 'flag') {
      const first = value?.kind === 'flag' ? value.key : flags.data?.[0]?.key;
      if (first !== undefined) onChange({ kind: 'flag', key: first });
    } else if (name.trim() !== '') onChange({ kind: next, key: name.trim() });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (kind !== 'none' && kind !== 'flag' && name.trim() !== '') onChange({ kind, key: name.trim() });
  };

  return (
    <form className="breakdown-picker" onSubmit={apply} aria-label="Breakdown">
      <label>
        <span>Break down by</span>
        <select value={kind} onChange={(event) => choose(event.target.value as BreakdownKind | 'none')} aria-describedby={help}>
          <option value="none">Nothing</option>
          {BREAKDOWN_KINDS.map((one) => (
            <option key={one} value={one}>
              {KIND_NAMES[one]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'flag' && (
        <label>
          <span>Flag</span>
          <select
            aria-label="Flag"
            value={value?.kind === 'flag' ? value.key : ''}
            onChange={(event) => onChange({ kind: 'flag', key: event.target.value })}
            disabled={flags.isPending}
          >
            {value?.kind !== 'flag' && <option value="">{flags.isPending ? 'Loading flags…' : flags.data?.length === 0 ? 'No flags yet' : 'Choose a flag'}</option>}
            {(flags.data ?? []).map((flag) => (
              <option key={flag.key} value={flag.key}>
                {flag.name === flag.key ? flag.key : `${flag.name} (${flag.key})`}
              </option>
            ))}
          </select>
        </label>
      )}
      {(kind === 'attribute' || kind === 'property') && (
        <>
          <label>
            <span>{kind === 'attribute' ? 'Attribute' : 'Property'} name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} placeholder={kind === 'attribute' ? 'country' : 'plan'} required />
          </label>
          <button type="submit" disabled={name.trim() === '' || (value?.kind === kind && value.key === name.trim())}>
            Apply
          </button>
        </>
      )}
      <span id={help} className="help">
        {KIND_HELP[kind]}
      </span>
    </form>
  );
}
