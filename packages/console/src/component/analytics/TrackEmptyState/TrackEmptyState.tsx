import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { scopedPath, useScope } from '../../../scope';
import { CopyButton } from '../../common/CopyButton/CopyButton';
import { trackSnippet } from './track-snippet';

/** No events to count yet: why, and the SDK calls that send them to this environment. */
export function TrackEmptyState({ title, events, children }: { title: string; events: readonly string[]; children: ReactNode }) {
  const scope = useScope();
  const snippet = trackSnippet(events);
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div>{children}</div>
      <h3>Send events to {scope.environment}</h3>
      <p>
        The SDKs' <code>track()</code> sends an event for a unit (the context's <code>key</code>: a user, an account, a device), with the context's attributes
        and the properties you give; exposures to flags are recorded as the SDKs serve them. Create a key for this environment under{' '}
        <Link to={scopedPath(scope, 'keys')}>API keys</Link>, then:
      </p>
      <pre className="snippet">
        <code>{snippet}</code>
      </pre>
      <CopyButton text={snippet} label="Copy snippet" />
    </section>
  );
}
