import { seriesClass } from '../series';

/** Which colour is which series; `first` is the colour index of the first name, when a chart starts further on. */
export function Legend({ names, label = 'Legend', first = 0 }: { names: readonly string[]; label?: string; first?: number }) {
  if (names.length < 2) return null;
  return (
    <ul className="legend" aria-label={label}>
      {names.map((name, i) => (
        <li key={`${i}-${name}`}>
          <span className={`swatch ${seriesClass(first + i)}`} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}
