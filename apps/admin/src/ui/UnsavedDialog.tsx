import type { Blocker } from 'react-router';
import { Dialog } from './Dialog';

export function UnsavedDialog({ blocker }: { blocker: Blocker }) {
  return (
    <Dialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      onClose={() => blocker.reset?.()}
    >
      <p>Your changes on this page are not saved yet.</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => blocker.reset?.()} autoFocus>
          Stay on this page
        </button>
        <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
          Leave and discard
        </button>
      </div>
    </Dialog>
  );
}
