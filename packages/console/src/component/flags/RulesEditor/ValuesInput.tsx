import type { JsonValue, Operator } from '@dial/core';
import { type KeyboardEvent, useState } from 'react';

/** What values an operator compares with, and so which picker it gets. */
export type ValueKind = 'any' | 'string' | 'number' | 'date' | 'version' | 'regex' | 'none';

export function valueKindOf(op: Operator): ValueKind {
  switch (op) {
    case 'eq':
      return 'any';
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return 'number';
    case 'before':
    case 'after':
      return 'date';
    case 'semverEq':
    case 'semverLt':
    case 'semverGt':
      return 'version';
    case 'matches':
      return 'regex';
    case 'exists':
      return 'none';
    default:
      return 'string';
  }
}

/** The values that still make sense after switching to an operator of another kind. */
export function keepValues(values: readonly JsonValue[], kind: ValueKind): JsonValue[] {
  switch (kind) {
    case 'none':
      return [];
    case 'any':
      return values.filter((value) => ['string', 'number', 'boolean'].includes(typeof value));
    case 'number':
      return values.filter((value) => typeof value === 'number');
    case 'date':
      return values.filter((value) => typeof value === 'string' || typeof value === 'number');
    default:
      return values.filter((value) => typeof value === 'string');
  }
}

const PLACEHOLDER: Record<ValueKind, string> = {
  any: 'a value, then Enter',
  string: 'text, then Enter',
  number: 'a number, then Enter',
  date: '',
  version: '1.2.0, then Enter',
  regex: '^.+@example\\.com$, then Enter',
  none: '',
};

type EqType = 'text' | 'number' | 'boolean';

const shown = (value: JsonValue) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A datetime-local value as an ISO-8601 instant in UTC. */
const isoFromLocal = (local: string) => (local === '' ? undefined : new Date(`${local}:00Z`).toISOString().replace('.000Z', 'Z'));

/**
 * The values of one condition as removable chips, with the picker that fits
 * the operator: text, numbers (typed for `eq`), dates, versions, patterns.
 */
export function ValuesInput({ kind, values, label, onChange, describedBy }: { kind: ValueKind; values: JsonValue[]; label: string; onChange: (values: JsonValue[]) => void; describedBy?: string }) {
  const [text, setText] = useState('');
  const [eqType, setEqType] = useState<EqType>('text');
  if (kind === 'none') return <span className="muted">(no value)</span>;

  const parsed = (): JsonValue | undefined => {
    if (kind === 'date') return isoFromLocal(text);
    const trimmed = text.trim();
    if (kind === 'any' && eqType === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : undefined;
    if (trimmed === '') return undefined;
    if (kind === 'number' || (kind === 'any' && eqType === 'number')) {
      const number = Number(trimmed);
      return Number.isFinite(number) ? number : undefined;
    }
    return kind === 'regex' ? text : trimmed;
  };
  const add = () => {
    const value = parsed();
    if (value === undefined || values.some((old) => JSON.stringify(old) === JSON.stringify(value))) return;
    onChange([...values, value]);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) onChange(values.slice(0, -1));
  };

  return (
    <div className="values">
      <ul className="chips" aria-label={`${label}: values`}>
        {values.map((value, i) => (
          <li key={`${i}-${shown(value)}`} className={`chip ${typeof value}`}>
            <span>{shown(value)}</span>
            <button type="button" aria-label={`Remove ${shown(value)}`} onClick={() => onChange(values.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {kind === 'any' && (
        <select aria-label={`${label}: value type`} value={eqType} onChange={(event) => setEqType(event.target.value as EqType)}>
          <option value="text">text</option>
          <option value="number">number</option>
          <option value="boolean">true/false</option>
        </select>
      )}
      {kind === 'any' && eqType === 'boolean' ? (
        <select aria-label={`${label}: new value`} value={text} onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown}>
          <option value="">choose…</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          aria-label={`${label}: new value`}
          aria-describedby={describedBy}
          type={kind === 'date' ? 'datetime-local' : kind === 'number' || (kind === 'any' && eqType === 'number') ? 'number' : 'text'}
          step="any"
          value={text}
          placeholder={PLACEHOLDER[kind]}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => kind !== 'date' && text.trim() !== '' && add()}
        />
      )}
      <button type="button" onClick={add} aria-label={`${label}: add value`}>
        Add
      </button>
      {kind === 'date' && <span className="muted">UTC</span>}
    </div>
  );
}
