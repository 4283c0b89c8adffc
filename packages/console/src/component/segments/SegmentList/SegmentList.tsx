import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { EmptyState } from '../../common/EmptyState/EmptyState';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { NewSegmentForm } from '../NewSegmentForm/NewSegmentForm';

/** A project's segments: reusable groups of contexts that rules target. */
export function SegmentList() {
  const scope = useScope();
  const [q, setQ] = useState('');
  const deferredQ = useDeferredValue(q.trim());
  const [creating, setCreating] = useState(false);
  const segments = useInfiniteQuery({
    queryKey: [...keys.segments(scope.project), 'list', deferredQ],
    queryFn: ({ pageParam }) =>
      data(api.GET('/api/v1/projects/{project}/segments', { params: { path: { project: scope.project }, query: { q: deferredQ || undefined, limit: 100, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = segments.data?.pages.flatMap((page) => page.segments) ?? [];

  return (
    <section aria-labelledby="segments-title">
      <div className="page-head">
        <h1 id="segments-title">Segments</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} aria-expanded={creating}>
          New segment
        </button>
      </div>
      {creating && <NewSegmentForm onDone={() => setCreating(false)} />}
      <div className="filters" role="search">
        <label>
          <span>Search</span>
          <input type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Key, name or description" />
        </label>
      </div>
      <ErrorNotice error={segments.error} />
      {segments.isPending ? (
        <p className="loading" role="status">
          Loading segments…
        </p>
      ) : rows.length === 0 ? (
        q !== '' ? (
          <p className="empty">No segment matches “{q}”.</p>
        ) : (
          <EmptyState title="No segments yet">
            <p>
              A segment names a group of users once — staff, beta testers, a list of accounts — so any flag's rules can target it. Create one with “New segment”, then
              add it to a rule with “Add segment”.
            </p>
          </EmptyState>
        )
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Included</th>
              <th scope="col">Excluded</th>
              <th scope="col">Rule groups</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((segment) => (
              <tr key={segment.key}>
                <td>
                  <Link to={scopedPath(scope, `segments/${encodeURIComponent(segment.key)}`)}>
                    <strong>{segment.name}</strong> <code>{segment.key}</code>
                  </Link>
                  {segment.description && <div className="muted">{segment.description}</div>}
                </td>
                <td>{segment.included}</td>
                <td>{segment.excluded}</td>
                <td>{segment.ruleGroups}</td>
                <td>{new Date(segment.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {segments.hasNextPage && (
        <button type="button" onClick={() => void segments.fetchNextPage()}>
          Load more
        </button>
      )}
    </section>
  );
}
