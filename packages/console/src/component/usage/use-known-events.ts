import { useState } from 'react';
import { useUsageEvents } from '../../api/queries';
import { useScope } from '../../scope';
import { apiRange, presetRange } from '../analytics/range';

/** Names of events tracked in the environment over the last 90 days, most used first, to offer when a step's event is typed. */
export function useKnownEvents(): string[] {
  const scope = useScope();
  const [range] = useState(() => apiRange(presetRange(90, Date.now())));
  const events = useUsageEvents(scope.project, { environment: scope.environment, ...range, limit: 100 });
  return events.data?.events.map((event) => event.name) ?? [];
}
