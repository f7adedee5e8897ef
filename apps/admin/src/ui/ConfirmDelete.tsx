import { useState } from 'react';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

/** Deleting for real: the user types the name of what goes. */
export function ConfirmDelete({
  open,
  what,
  name,
  consequence,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  open: boolean;
  what: string;
  name: string;
  consequence?: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
}) {
  const [typed, setTyped] = useState('');
  return (
    <Dialog open={open} title={`Delete ${what} "${name}"?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (typed === name) onConfirm();
        }}
      >
        {consequence && <p>{consequence}</p>}
        <div className="field">
          <label htmlFor="confirm-name">
            Type <strong>{name}</strong> to confirm
          </label>
          <input
            id="confirm-name"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoFocus
          />
        </div>
        <ErrorNotice error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={typed !== name || pending}>
            {pending ? 'Deleting…' : `Delete ${what}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
