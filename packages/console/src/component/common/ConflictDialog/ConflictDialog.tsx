import type { ReactNode } from 'react';
import { Dialog } from '../Dialog/Dialog';

/**
 * Shown when a save is refused because someone else saved first (409): the
 * newer version, and a reload that drops the edit in favour of it.
 */
export function ConflictDialog({
  what,
  message,
  newer,
  onReload,
  onClose,
}: {
  what: string;
  message: string;
  newer: ReactNode;
  onReload: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={`${what} was changed meanwhile`} open onClose={onClose}>
      <p>{message}</p>
      <p>This is the newer version. Reload it to edit from there; your unsaved changes are dropped.</p>
      <div className="newer-version">{newer}</div>
      <div className="actions">
        <button type="button" className="primary" onClick={onReload} autoFocus>
          Reload newer version
        </button>
        <button type="button" onClick={onClose}>
          Keep editing
        </button>
      </div>
    </Dialog>
  );
}
