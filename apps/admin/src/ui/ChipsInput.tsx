import { useState } from 'react';

/** A list of words as chips: Enter (or comma) adds what was typed, Backspace on empty removes the last. */
export function ChipsInput({
  id,
  label,
  values,
  onChange,
  disabled,
  describedBy,
}: {
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (!values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  return (
    <div className="chips">
      {values.map((value) => (
        <span className="chip" key={value}>
          {value}
          <button
            type="button"
            aria-label={`remove ${label}: ${value}`}
            disabled={disabled}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={add}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
      />
    </div>
  );
}
