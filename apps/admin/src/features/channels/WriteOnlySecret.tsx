import { useId, useState } from 'react';

/**
 * A secret the API stores and never returns: shows only whether it is set, and lets an admin
 * set, replace or remove it. `onChange(undefined)` means "leave as it is".
 */
export function WriteOnlySecret({
  label,
  isSet,
  value,
  onChange,
  disabled,
  hint,
}: {
  label: string;
  isSet: boolean;
  value: string | null | undefined;
  onChange: (value: string | null | undefined) => void;
  disabled: boolean;
  hint?: string;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  return (
    <div className="field">
      <span className="label" id={`${id}-label`}>
        {label}{' '}
        {value === null ? (
          <span className="badge warn">will be removed</span>
        ) : isSet ? (
          <span className="badge ok">set</span>
        ) : (
          <span className="badge">not set</span>
        )}
      </span>
      {hint && <span className="hint">{hint}</span>}
      {editing ? (
        <div className="row">
          <input
            id={id}
            aria-labelledby={`${id}-label`}
            type="password"
            autoComplete="off"
            value={value ?? ''}
            onChange={(event) => onChange(event.target.value || undefined)}
            autoFocus
          />
          <button
            type="button"
            onClick={() => {
              setEditing(false);
              onChange(undefined);
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button type="button" disabled={disabled} onClick={() => setEditing(true)}>
            {isSet ? `Replace ${label.toLowerCase()}` : `Set ${label.toLowerCase()}`}
          </button>
          {isSet && value !== null && (
            <button type="button" disabled={disabled} onClick={() => onChange(null)}>
              Remove
            </button>
          )}
          {value === null && (
            <button type="button" onClick={() => onChange(undefined)}>
              Keep it
            </button>
          )}
        </div>
      )}
    </div>
  );
}
