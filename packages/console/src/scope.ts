import { useParams } from 'react-router';

/** The project and environment the console is looking at: the first two segments of every page's path. */
export interface Scope {
  project: string;
  environment: string;
}

export function useScope(): Scope {
  const { project = '', environment = '' } = useParams();
  return { project, environment };
}

/** The path of a page in a scope: `scopedPath({ project: 'default', environment: 'production' }, 'flags')`. */
export const scopedPath = (scope: Scope, page: string) =>
  `/${encodeURIComponent(scope.project)}/${encodeURIComponent(scope.environment)}/${page}`;

const REMEMBERED = 'dial.scope';

export function rememberScope(scope: Scope): void {
  try {
    localStorage.setItem(REMEMBERED, JSON.stringify(scope));
  } catch {
    // Storage may be unavailable (private mode); the console works without it.
  }
}

export function rememberedScope(): Partial<Scope> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Scope>) : {};
  } catch {
    return {};
  }
}
