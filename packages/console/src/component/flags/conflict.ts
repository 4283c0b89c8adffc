import type { ReactNode } from 'react';
import { api, data } from '../../api/client';

/** What the 409 dialog shows: whose newer version it is, and the version itself. */
export interface Conflict {
  what: string;
  message: string;
  newer: ReactNode;
  reload: () => void;
}

/** Who made the latest change to a resource, from the audit log, for the 409 dialog. */
export async function lastChange(resourceType: string, resource: string, project: string, environment?: string): Promise<string | undefined> {
  const page = await data(api.GET('/api/v1/audit', { params: { query: { resourceType, resource, project, environment, limit: 1 } } })).catch(() => undefined);
  const entry = page?.entries[0];
  return entry === undefined ? undefined : `${entry.actor.name} at ${new Date(entry.at).toLocaleString()}`;
}
