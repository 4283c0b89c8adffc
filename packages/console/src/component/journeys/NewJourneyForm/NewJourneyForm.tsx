import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, data } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { NewJourney } from '../../../api/types';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { IssuesContext } from '../../common/FieldError/FieldError';
import { JourneyForm } from '../JourneyEditor/JourneyForm';
import { draftOf, journeyBody } from '../journey-draft';

/** Creates a journey with its steps and window, then opens its funnel. */
export function NewJourneyForm({ onDone, events }: { onDone: () => void; events: readonly string[] }) {
  const scope = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf());
  const create = useMutation({
    mutationFn: () => data(api.POST('/api/v1/projects/{project}/journeys', { params: { path: { project: scope.project } }, body: journeyBody(draft) as NewJourney })),
    onSuccess: async (journey) => {
      await queryClient.invalidateQueries({ queryKey: keys.journeys(scope.project) });
      onDone();
      await navigate(scopedPath(scope, `journeys/${encodeURIComponent(journey.key)}`));
    },
  });
  const issues = create.error instanceof ApiError ? create.error.issues : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <IssuesContext.Provider value={issues}>
      <form className="card form-grid" onSubmit={submit} aria-label="New journey">
        <JourneyForm draft={draft} onChange={setDraft} creating events={events} />
        {create.error && issues.length === 0 && (
          <div className="wide">
            <ErrorNotice error={create.error} />
          </div>
        )}
        <div className="actions wide">
          <button type="submit" className="primary" disabled={create.isPending}>
            Create journey
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </IssuesContext.Provider>
  );
}
