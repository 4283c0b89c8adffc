import { createContext, useContext } from 'react';
import type { FieldIssue } from '../../../api/client';

/** The issues of the last refused save; editors show the ones at their paths. */
export const IssuesContext = createContext<readonly FieldIssue[]>([]);

/** The messages the API gave for one JSON path of the body, such as `rules[0].when[1].op`. */
export function useIssues(path: string): string[] {
  return useContext(IssuesContext)
    .filter((issue) => issue.path === path)
    .map((issue) => issue.message);
}

/** The id a field's error is announced by, for aria-describedby. */
export const issueId = (path: string) => `issue-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The API's message for one field, shown next to it. */
export function FieldError({ path }: { path: string }) {
  const messages = useIssues(path);
  if (messages.length === 0) return null;
  return (
    <span className="field-error" id={issueId(path)} role="alert" data-path={path}>
      {messages.join('; ')}
    </span>
  );
}
