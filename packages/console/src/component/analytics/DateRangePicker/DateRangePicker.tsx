import { type FormEvent, useState } from 'react';
import { type DayRange, MAX_RANGE_DAYS, PRESETS, type Preset, presetRange, rangeProblem } from '../range';

/**
 * The days an analytics page looks at: the last 7, 14, 30 or 90 UTC days, or
 * custom first and last days (applied together, and only when they make a range).
 */
export function DateRangePicker({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const [custom, setCustom] = useState(range.preset === null);
  const [first, setFirst] = useState(range.first);
  const [last, setLast] = useState(range.last);
  const [tried, setTried] = useState(false);
  const problem = rangeProblem(first, last);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem === undefined) onChange({ preset: null, first, last });
  };

  return (
    // The picker's own message names the problem; the browser's validation would block the submit before it shows.
    <form className="range-picker" onSubmit={apply} aria-label="Date range" noValidate>
      <label>
        <span>Range (UTC days)</span>
        <select
          value={custom ? 'custom' : String(range.preset)}
          onChange={(event) => {
            if (event.target.value === 'custom') {
              setFirst(range.first);
              setLast(range.last);
              setTried(false);
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange(presetRange(Number(event.target.value) as Preset, Date.now()));
          }}
        >
          {PRESETS.map((days) => (
            <option key={days} value={days}>
              Last {days} days
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {custom && (
        <>
          <label>
            <span>First day</span>
            <input type="date" value={first} max={last || undefined} onChange={(event) => setFirst(event.target.value)} aria-invalid={tried && problem !== undefined} />
          </label>
          <label>
            <span>Last day</span>
            <input type="date" value={last} min={first || undefined} onChange={(event) => setLast(event.target.value)} aria-invalid={tried && problem !== undefined} />
          </label>
          <button type="submit" disabled={range.preset === null && first === range.first && last === range.last}>
            Apply
          </button>
          {tried && problem !== undefined ? (
            <span className="field-error" role="alert">
              {problem}
            </span>
          ) : (
            <span className="help">At most {MAX_RANGE_DAYS} days, both included.</span>
          )}
        </>
      )}
    </form>
  );
}
