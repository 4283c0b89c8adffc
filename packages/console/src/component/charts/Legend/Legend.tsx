import { seriesClass } from '../series';

/** Which colour is which series. */
export function Legend({ names, label = 'Legend' }: { names: readonly string[]; label?: string }) {
  if (names.length < 2) return null;
  return (
    <ul className="legend" aria-label={label}>
      {names.map((name, i) => (
        <li key={`${i}-${name}`}>
          <span className={`swatch ${seriesClass(i)}`} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}
