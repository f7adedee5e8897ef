import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { entityColour } from './entity-colors';

/**
 * Chooses the entity for a selection: ↑/↓ and Enter, or the digit shown (1–9); the last
 * option creates a new entity. Esc cancels. Focus comes here when it opens.
 */
export function EntityPicker({
  position,
  selectedText,
  entityNames,
  onPick,
  onCreate,
  onCancel,
  creating,
}: {
  /** Where it floats (viewport coordinates); in the flow when absent. */
  position?: { top: number; left: number } | null;
  selectedText: string;
  entityNames: readonly string[];
  onPick: (name: string) => void;
  onCreate: (name: string) => void;
  onCancel: () => void;
  creating?: boolean;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();
  const [active, setActive] = useState(0);
  const [newName, setNewName] = useState<string | null>(null);
  const options = entityNames.length + 1;

  useEffect(() => {
    if (newName === null) listRef.current?.focus();
  }, [newName]);

  const choose = (index: number) => {
    const name = entityNames[index];
    if (name) onPick(name);
    else setNewName(suggestName(selectedText));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((at) => (at + 1) % options);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((at) => (at - 1 + options) % options);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose(active);
    } else if (/^[1-9]$/.test(event.key)) {
      const index = Number(event.key) - 1;
      if (index < entityNames.length) {
        event.preventDefault();
        choose(index);
      }
    }
  };

  return (
    <div
      className={position ? 'picker' : 'picker-inline card'}
      style={position ? { position: 'fixed', top: position.top, left: position.left } : undefined}
      role="dialog"
      aria-label={`Tag "${selectedText}" as`}
    >
      <p className="small" id={`${id}-title`}>
        Tag <strong>“{selectedText}”</strong> as:
      </p>
      {newName === null ? (
        <ul
          ref={listRef}
          role="listbox"
          tabIndex={0}
          aria-labelledby={`${id}-title`}
          aria-activedescendant={`${id}-${active}`}
          onKeyDown={onKeyDown}
          className="picker-list"
        >
          {entityNames.map((name, index) => (
            <li
              key={name}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              <span className="swatch" style={{ background: entityColour(entityNames, name) }} />
              {index < 9 && <kbd>{index + 1}</kbd>}
              {name}
            </li>
          ))}
          <li
            id={`${id}-${entityNames.length}`}
            role="option"
            aria-selected={active === entityNames.length}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(entityNames.length)}
          >
            + create entity…
          </li>
        </ul>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (newName.trim()) onCreate(newName.trim());
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-new`}>New entity name</label>
            <input
              id={`${id}-new`}
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              pattern="[A-Za-z_][A-Za-z0-9_\-]*"
              autoFocus
            />
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={creating}>
              Create and tag
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p className="small muted">↑/↓ and Enter, or a digit. Esc cancels.</p>
    </div>
  );
}

function suggestName(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, '_$1')
      .slice(0, 40) || 'entity'
  );
}
