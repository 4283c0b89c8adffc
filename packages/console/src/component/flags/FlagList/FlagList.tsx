import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '../../../api/client';
import { keys, useEnvironments } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { EmptyState } from '../../common/EmptyState/EmptyState';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { NewFlagForm } from '../NewFlagForm/NewFlagForm';
import { isStale } from '../stale';

/** The flags of a project: search, tags, archived, and whether each is on in every environment. */
export function FlagList() {
  const scope = useScope();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const archived = params.get('archived') === 'true';
  const deferredQ = useDeferredValue(q);
  const [creating, setCreating] = useState(false);
  const environments = useEnvironments(scope.project);
  const filter = { q: deferredQ.trim() || undefined, tag: tag.trim() || undefined, archived: archived ? ('true' as const) : ('false' as const) };

  const flags = useInfiniteQuery({
    queryKey: keys.flagList(scope.project, filter),
    queryFn: ({ pageParam }) =>
      data(api.GET('/api/v1/projects/{project}/flags', { params: { path: { project: scope.project }, query: { ...filter, limit: 100, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  // "Unchanged for 30 days" counts to when the list was fetched.
  const now = flags.dataUpdatedAt;

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

  const rows = flags.data?.pages.flatMap((page) => page.flags) ?? [];
  const envs = environments.data?.environments ?? [];
  const filtered = q !== '' || tag !== '' || archived;

  return (
    <section aria-labelledby="flags-title">
      <div className="page-head">
        <h1 id="flags-title">Flags</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} aria-expanded={creating}>
          New flag
        </button>
      </div>
      {creating && <NewFlagForm onDone={() => setCreating(false)} />}
      <div className="filters" role="search">
        <label>
          <span>Search</span>
          <input type="search" value={q} onChange={(event) => set('q', event.target.value)} placeholder="Key, name or description" />
        </label>
        <label>
          <span>Tags</span>
          <input value={tag} onChange={(event) => set('tag', event.target.value)} placeholder="checkout, web" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(event) => set('archived', event.target.checked ? 'true' : '')} />
          <span>Archived</span>
        </label>
      </div>
      <ErrorNotice error={flags.error} />
      {flags.isPending ? (
        <p className="loading" role="status">
          Loading flags…
        </p>
      ) : rows.length === 0 ? (
        filtered ? (
          <p className="empty">No flag matches these filters.</p>
        ) : (
          <EmptyState title="No flags yet">
            <p>Create a flag with “New flag”: it starts off in every environment, so you can ship the code behind it dark.</p>
          </EmptyState>
        )
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Flag</th>
              <th scope="col">Tags</th>
              {envs.map((environment) => (
                <th scope="col" key={environment.key} className={environment.key === scope.environment ? 'current-env' : undefined}>
                  {environment.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((flag) => (
              <tr key={flag.key}>
                <td>
                  <Link to={scopedPath(scope, `flags/${encodeURIComponent(flag.key)}`)} className="flag-link">
                    <strong>{flag.name}</strong> <code>{flag.key}</code>
                  </Link>
                  {isStale(flag, now) && (
                    <span className="badge stale" title="Temporary, unchanged for 30 days, and fully rolled out or off: time to remove it from the code">
                      stale
                    </span>
                  )}
                  {flag.archived && <span className="badge">archived</span>}
                  {flag.description && <div className="muted">{flag.description}</div>}
                </td>
                <td>
                  {flag.tags.map((t) => (
                    <button type="button" key={t} className="tag" onClick={() => set('tag', t)} title={`Show flags tagged ${t}`}>
                      {t}
                    </button>
                  ))}
                </td>
                {envs.map((environment) => {
                  const config = flag.environments[environment.key];
                  return (
                    <td key={environment.key} className={environment.key === scope.environment ? 'current-env' : undefined}>
                      {config === undefined ? '—' : <span className={`state ${config.enabled ? 'on' : 'off'}`}>{config.enabled ? 'On' : 'Off'}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flags.hasNextPage && (
        <button type="button" onClick={() => void flags.fetchNextPage()} disabled={flags.isFetchingNextPage}>
          Load more
        </button>
      )}
    </section>
  );
}
