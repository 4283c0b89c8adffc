import { ApiError } from '../../../api/client';

/** A failed request or action, in words, announced to screen readers. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <p className="error-notice" role="alert">
      {message}
    </p>
  );
}
