import { useId, useState } from 'react';

/** Read-only text to paste elsewhere, with a copy button. */
export function CopyField({
  label,
  value,
  multiline,
}: {
  label: string;
  value: string;
  multiline?: boolean;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        {multiline ? (
          <textarea id={id} readOnly value={value} rows={3} style={{ flex: 1 }} />
        ) : (
          <input id={id} readOnly value={value} className="mono" style={{ flex: 1 }} />
        )}
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(value)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          Copy
        </button>
        <span role="status" className="small">
          {copied ? 'Copied' : ''}
        </span>
      </div>
    </div>
  );
}
