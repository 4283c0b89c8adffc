import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { AuditQuery } from '../../../api/types';
import { useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { Diff } from '../Diff/Diff';

const FILTERS = [
  { name: 'resourceType', label: 'Type', placeholder: 'flag, segment, token…' },
  { name: 'resource', label: 'Resource key', placeholder: 'new-checkout' },
  { name: 'action', label: 'Action', placeholder: 'flag.config.updated' },
  { name: 'actor', label: 'Actor', placeholder: 'token:1 or a name' },
  { name: 'environment', label: 'Environment', placeholder: 'production' },
] as const;

/** Who changed what in this project, newest first, each entry with its before/after diff. */
export function AuditLog() {
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const filter: AuditQuery = { project: scope.project };
  for (const { name } of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  const deferred = useDeferredValue(filter);
  const entries = useInfiniteQuery({
    queryKey: keys.audit(deferred),
    queryFn: ({ pageParam }) => data(api.GET('/api/v1/audit', { params: { query: { ...deferred, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  const set = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };

  return (
    <section aria-labelledby="audit-title">
      <div className="page-head">
        <h1 id="audit-title">Audit log</h1>
      </div>
      <div className="filters" role="search">
        {FILTERS.map(({ name, label, placeholder }) => (
          <label key={name}>
            <span>{label}</span>
            <input value={params.get(name) ?? ''} placeholder={placeholder} onChange={(event) => set(name, event.target.value)} />
          </label>
        ))}
      </div>
      <ErrorNotice error={entries.error} />
      {entries.isPending ? (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      ) : rows.length === 0 ? (
        <p className="empty">No change matches these filters. Every change made in the console or through the API is recorded here.</p>
      ) : (
        <table className="list audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Resource</th>
              <th scope="col">Environment</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <Fragment key={entry.id}>
                <tr>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>{entry.actor.name}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.resource.type} <code>{entry.resource.key}</code>
                  </td>
                  <td>{entry.resource.environment ?? '—'}</td>
                  <td>
                    <button type="button" aria-expanded={open.has(entry.id)} aria-controls={`diff-${entry.id}`} onClick={() => toggle(entry.id)}>
                      {open.has(entry.id) ? 'Hide changes' : 'Show changes'}
                    </button>
                  </td>
                </tr>
                {open.has(entry.id) && (
                  <tr id={`diff-${entry.id}`} className="diff-row">
                    <td colSpan={6}>
                      <Diff before={entry.before} after={entry.after} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {entries.hasNextPage && (
        <button type="button" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          Load older entries
        </button>
      )}
    </section>
  );
}
