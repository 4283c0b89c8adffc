import { useState } from 'react';
import { Link } from 'react-router';
import { useJourneys } from '../../../api/queries';
import { scopedPath, useScope } from '../../../scope';
import { ErrorNotice } from '../../common/ErrorNotice/ErrorNotice';
import { useKnownEvents } from '../../usage/use-known-events';
import { describeWindow } from '../journey-draft';
import { NewJourneyForm } from '../NewJourneyForm/NewJourneyForm';

/** A project's journeys: the ordered steps that lead users to what matters, each with its funnel. */
export function JourneyList() {
  const scope = useScope();
  const journeys = useJourneys(scope.project);
  const events = useKnownEvents();
  const [creating, setCreating] = useState(false);
  const rows = journeys.data?.journeys ?? [];

  return (
    <section aria-labelledby="journeys-title">
      <div className="page-head">
        <h1 id="journeys-title">Journeys</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)} aria-expanded={creating}>
          New journey
        </button>
      </div>
      {creating && <NewJourneyForm onDone={() => setCreating(false)} events={events} />}
      <ErrorNotice error={journeys.error} />
      {journeys.isPending ? (
        <p className="loading" role="status">
          Loading journeys…
        </p>
      ) : rows.length === 0 ? (
        !creating && (
          <section className="empty-state" aria-label="No journeys yet">
            <h2>No journeys yet</h2>
            <p>
              A journey is the path users take to something that matters — view a product, add it to the cart, check out, pay — as an ordered list of events. Dial
              shows how many go through each step, where they drop off, how long it takes, and how a flag's variants change it.
            </p>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              Create a journey
            </button>
          </section>
        )
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Journey</th>
              <th scope="col">Steps</th>
              <th scope="col">Window</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((journey) => (
              <tr key={journey.key}>
                <td>
                  <Link to={scopedPath(scope, `journeys/${encodeURIComponent(journey.key)}`)}>
                    <strong>{journey.name}</strong> <code>{journey.key}</code>
                  </Link>
                  {journey.description && <div className="muted">{journey.description}</div>}
                </td>
                <td>
                  <ol className="step-trail" aria-label={`${journey.steps.length} steps`}>
                    {journey.steps.map((step, i) => (
                      <li key={i}>{step.label}</li>
                    ))}
                  </ol>
                </td>
                <td>{describeWindow(journey.conversionWindowSeconds)}</td>
                <td>{new Date(journey.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
