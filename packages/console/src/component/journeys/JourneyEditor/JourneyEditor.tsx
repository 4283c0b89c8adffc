import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, data, ifMatch } from '../../../api/client';
import { keys, useJourney } from '../../../api/queries';
import type { Journey, JourneyInput } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ConflictDialog } from '../../common/ConflictDialog/ConflictDialog';
import { Dialog } from '../../common/Dialog/Dialog';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { IssuesContext } from '../../common/FieldError/FieldError';
import { lastChange } from '../../flags/conflict';
import { useKnownEvents } from '../../usage/use-known-events';
import { draftOf, journeyBody, sameJourney } from '../journey-draft';
import { JourneyForm } from './JourneyForm';

/** Edits a journey: its fields, steps and window; or deletes it. */
export function JourneyEditor() {
  const scope = useScope();
  const { journey: key = '' } = useParams();
  const journey = useJourney(scope.project, key);
  // Bumped to start the editor afresh from the newest version.
  const [generation, setGeneration] = useState(0);
  if (journey.error) return <ErrorNotice error={journey.error} />;
  if (journey.isPending) return <p className="loading" role="status">Loading journey…</p>;
  return (
    <EditJourney
      key={generation}
      journey={journey.data}
      reload={async () => {
        await journey.refetch();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function EditJourney({ journey: loaded, reload }: { journey: Journey; reload: () => Promise<void> }) {
  const scope = useScope();
  // The version this edit is based on: a refetch in the background must not move it, or a save would overwrite unseen changes.
  const [journey, setJourney] = useState(loaded);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const events = useKnownEvents();
  const [draft, setDraft] = useState(() => draftOf(journey));
  const [conflict, setConflict] = useState<{ message: string; newer: Journey }>();
  const [deleting, setDeleting] = useState(false);
  const dirty = !sameJourney(draft, draftOf(journey));
  const path = { project: scope.project, journey: journey.key };
  const journeyPage = scopedPath(scope, `journeys/${encodeURIComponent(journey.key)}`);

  const onConflict = async (error: unknown) => {
    if (!(error instanceof ApiError && error.isVersionConflict)) return;
    setDeleting(false);
    const newer = await data(api.GET('/api/v1/projects/{project}/journeys/{journey}', { params: { path } }));
    const by = await lastChange('journey', journey.key, scope.project);
    setConflict({ message: `${error.message}${by ? ` Last change by ${by}.` : ''}`, newer });
  };

  const save = useMutation({
    mutationFn: () => {
      const { key: _key, ...body } = journeyBody(draft);
      return data(api.PUT('/api/v1/projects/{project}/journeys/{journey}', { params: { path }, headers: ifMatch(journey.version), body: body as JourneyInput }));
    },
    onSuccess: (saved) => {
      setJourney(saved);
      queryClient.setQueryData(keys.journey(scope.project, saved.key), saved);
      return queryClient.invalidateQueries({ queryKey: keys.journeys(scope.project) });
    },
    onError: onConflict,
  });
  const remove = useMutation({
    mutationFn: () => data(api.DELETE('/api/v1/projects/{project}/journeys/{journey}', { params: { path }, headers: ifMatch(journey.version) })),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.journey(scope.project, journey.key) });
      await queryClient.invalidateQueries({ queryKey: keys.journeys(scope.project) });
      await navigate(scopedPath(scope, 'journeys'));
    },
    onError: onConflict,
  });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const failure = save.error && !(save.error instanceof ApiError && (save.error.isVersionConflict || save.error.issues.length > 0)) ? save.error : undefined;

  return (
    <IssuesContext.Provider value={issues}>
      <article aria-labelledby="journey-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={scopedPath(scope, 'journeys')}>Journeys</Link> / <Link to={journeyPage}>{journey.key}</Link> / <span>Edit</span>
        </nav>
        <div className="page-head">
          <h1 id="journey-title">Edit “{journey.name}”</h1>
          <div className="actions">
            <Link to={`${scopedPath(scope, 'audit')}?resource=${encodeURIComponent(journey.key)}&resourceType=journey`}>History</Link>
            <button type="button" onClick={() => setDeleting(true)}>
              Delete journey
            </button>
          </div>
        </div>
        <form
          className="card form-grid"
          aria-label="Journey"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <JourneyForm draft={draft} onChange={setDraft} creating={false} events={events} />
          {failure && (
            <div className="wide">
              <ErrorNotice error={failure} />
            </div>
          )}
          {save.isSuccess && !dirty && (
            <p className="saved wide" role="status">
              Saved. <Link to={journeyPage}>See the funnel</Link>
            </p>
          )}
          <div className="actions wide">
            <button type="submit" className="primary" disabled={!dirty || save.isPending}>
              Save journey
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(draftOf(journey))}>
              Discard
            </button>
          </div>
        </form>
        <Dialog title={`Delete “${journey.name}”?`} open={deleting} onClose={() => setDeleting(false)}>
          <p>The journey's definition is deleted; the events it counted stay, and the audit log keeps its last version.</p>
          <ErrorNotice error={remove.error instanceof ApiError && remove.error.isVersionConflict ? null : remove.error} />
          <div className="actions">
            <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete
            </button>
            <button type="button" onClick={() => setDeleting(false)} autoFocus>
              Cancel
            </button>
          </div>
        </Dialog>
        {conflict && (
          <ConflictDialog
            what={`Journey “${journey.key}”`}
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
