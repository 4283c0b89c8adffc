import { type ReactNode, useId } from 'react';

/**
 * A chart with its title and a sentence saying what it shows, then the chart,
 * its legend, and the same numbers as a table for reading and for screen
 * readers. A long table (a row per day) folds under `tableSummary`.
 */
export function ChartFigure({ title, summary, children, legend, table, tableSummary }: {
  title: string;
  summary?: ReactNode;
  children: ReactNode;
  legend?: ReactNode;
  table?: ReactNode;
  tableSummary?: string;
}) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption>
        <h3 id={id}>{title}</h3>
        {summary && <p className="muted">{summary}</p>}
      </figcaption>
      {children}
      {legend}
      {table &&
        (tableSummary === undefined ? (
          <div className="chart-table">{table}</div>
        ) : (
          <details className="chart-table">
            <summary>{tableSummary}</summary>
            {table}
          </details>
        ))}
    </figure>
  );
}
