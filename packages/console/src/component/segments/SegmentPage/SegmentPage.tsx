import type { Condition } from '@dial/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys, useSegments } from '../../../api/queries';
import type { SegmentDetail, SegmentInput } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ConflictDialog } from '../../common/ConflictDialog/ConflictDialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { FieldError, IssuesContext } from '../../common/FieldError/FieldError';
import { lastChange } from '../../flags/conflict';
import { removeAt, replaceAt } from '../../flags/draft';
import { ConditionRow } from '../../flags/RulesEditor/ConditionRow';

interface SegmentDraft {
  name: string;
  description: string;
  include: string;
  exclude: string;
  rules: Condition[][];
}

const draftOf = (segment: SegmentDetail): SegmentDraft => ({
  name: segment.name,
  description: segment.description,
  include: segment.include.join('\n'),
  exclude: segment.exclude.join('\n'),
  rules: structuredClone(segment.rules) as Condition[][],
});

const keysOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** One segment: who is always in, never in, and the rule groups that bring the rest in. */
export function SegmentPage() {
  const scope = useScope();
  const { segment: key = '' } = useParams();
  const segment = useQuery({
    queryKey: keys.segment(scope.project, key),
    queryFn: () => data(api.GET('/api/v1/projects/{project}/segments/{segment}', { params: { path: { project: scope.project, segment: key } } })),
  });
  const [generation, setGeneration] = useState(0);
  if (segment.error) return <ErrorNotice error={segment.error} />;
  if (segment.isPending) return <p className="loading" role="status">Loading segment…</p>;
  return (
    <SegmentEditor
      key={`${segment.data.version}-${generation}`}
      segment={segment.data}
      reload={async () => {
        await segment.refetch();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function SegmentEditor({ segment, reload }: { segment: SegmentDetail; reload: () => Promise<void> }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const segments = useSegments(scope.project);
  const [draft, setDraft] = useState(() => draftOf(segment));
  const [conflict, setConflict] = useState<{ message: string; newer: SegmentDetail }>();
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(segment));

  const onConflict = async (error: unknown) => {
    if (!(error instanceof ApiError && error.isVersionConflict)) return;
    const newer = await data(api.GET('/api/v1/projects/{project}/segments/{segment}', { params: { path: { project: scope.project, segment: segment.key } } }));
    const by = await lastChange('segment', segment.key, scope.project);
    setConflict({ message: `${error.message}${by ? ` Last change by ${by}.` : ''}`, newer });
  };

  const save = useMutation({
    mutationFn: () =>
      data(
        api.PUT('/api/v1/projects/{project}/segments/{segment}', {
          params: { path: { project: scope.project, segment: segment.key } },
          headers: ifMatch(segment.version),
          body: { name: draft.name, description: draft.description, include: keysOf(draft.include), exclude: keysOf(draft.exclude), rules: draft.rules as SegmentInput['rules'] },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.segments(scope.project) }),
    onError: onConflict,
  });
  const remove = useMutation({
    mutationFn: () =>
      data(api.DELETE('/api/v1/projects/{project}/segments/{segment}', { params: { path: { project: scope.project, segment: segment.key } }, headers: ifMatch(segment.version) })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.segments(scope.project) });
      await navigate(scopedPath(scope, 'segments'));
    },
    onError: onConflict,
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const otherSegments = (segments.data ?? []).map((s) => s.key).filter((k) => k !== segment.key);
  const failure = [save.error, remove.error].find((error) => error && !(error instanceof ApiError && (error.isVersionConflict || error.issues.length > 0)));

  return (
    <IssuesContext.Provider value={issues}>
      <article aria-labelledby="segment-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={scopedPath(scope, 'segments')}>Segments</Link> / <span>{segment.key}</span>
        </nav>
        <div className="page-head">
          <h1 id="segment-title">{segment.name}</h1>
          <div className="actions">
            <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(segment.key)}&resourceType=segment`}>History</Link>
            <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete segment
            </button>
          </div>
        </div>
        <form
          className="card form-grid"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <label>
            <span>Name</span>
            <input value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
            <FieldError path="name" />
          </label>
          <label>
            <span>Description</span>
            <input value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />
            <FieldError path="description" />
          </label>
          <label>
            <span>Always in (targeting keys, one per line)</span>
            <textarea rows={4} value={draft.include} onChange={(event) => setDraft({ ...draft, include: event.target.value })} />
            <FieldError path="include" />
          </label>
          <label>
            <span>Never in (targeting keys, one per line)</span>
            <textarea rows={4} value={draft.exclude} onChange={(event) => setDraft({ ...draft, exclude: event.target.value })} />
            <FieldError path="exclude" />
          </label>
          <section className="wide" aria-labelledby="groups-title">
            <h2 id="groups-title">Rule groups</h2>
            <p className="muted">A context that matches every condition of any one group is in the segment.</p>
            {draft.rules.map((group, g) => (
              <div key={g} className="card rule" aria-label={`Group ${g + 1}`}>
                <div className="rule-head">
                  <strong>Group {g + 1}</strong>
                  <span className="spacer" />
                  <button type="button" onClick={() => setDraft({ ...draft, rules: removeAt(draft.rules, g) })}>
                    Delete group
                  </button>
                </div>
                <ul className="conditions">
                  {group.map((condition, c) => (
                    <ConditionRow
                      key={c}
                      condition={condition}
                      path={`rules[${g}][${c}]`}
                      label={`Group ${g + 1} condition ${c + 1}`}
                      segments={otherSegments}
                      onChange={(next) => setDraft({ ...draft, rules: replaceAt(draft.rules, g, replaceAt(group, c, next)) })}
                      onRemove={() => setDraft({ ...draft, rules: replaceAt(draft.rules, g, removeAt(group, c)) })}
                    />
                  ))}
                </ul>
                <button type="button" onClick={() => setDraft({ ...draft, rules: replaceAt(draft.rules, g, [...group, { attr: '', op: 'eq', values: [] }]) })}>
                  Add condition
                </button>
              </div>
            ))}
            <FieldError path="rules" />
            <button type="button" onClick={() => setDraft({ ...draft, rules: [...draft.rules, [{ attr: 'email', op: 'endsWith', values: [] }]] })}>
              Add group
            </button>
          </section>
          {failure ? <ErrorNotice error={failure} /> : null}
          {save.isSuccess && !dirty && (
            <p className="saved" role="status">
              Saved.
            </p>
          )}
          <div className="actions wide">
            <button type="submit" className="primary" disabled={!dirty || save.isPending}>
              Save segment
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(draftOf(segment))}>
              Discard
            </button>
          </div>
        </form>
        {conflict && (
          <ConflictDialog
            what={`Segment “${segment.key}”`}
            message={conflict.message}
            newer={<pre className="code newer">{JSON.stringify(conflict.newer, null, 2)}</pre>}
            onReload={() => {
              setConflict(undefined);
              void reload();
            }}
            onClose={() => setConflict(undefined)}
          />
        )}
      </article>
    </IssuesContext.Provider>
  );
}
