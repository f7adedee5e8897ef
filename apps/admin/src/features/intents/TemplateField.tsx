import { useId } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTemplatePreview } from './useTemplatePreview';

/** A Handlebars template with its live preview (sample values) and its error at the line. */
export function TemplateField({
  botId,
  label,
  value,
  onChange,
  sample,
  disabled,
  serverError,
  rows = 3,
  preview = true,
}: {
  botId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  sample: Record<string, string>;
  disabled?: boolean;
  serverError?: string;
  rows?: number;
  preview?: boolean;
}) {
  const id = useId();
  const result = useTemplatePreview(botId, value, { parameters: sample });
  const problem = result.data && !result.data.ok ? result.data.error : null;
  const error =
    serverError ??
    (problem ? `${problem.line ? `Line ${problem.line}: ` : ''}${problem.message}` : undefined);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-state`}
      />
      <div id={`${id}-state`} aria-live="polite">
        {error && <span className="error-text">{error}</span>}
        {preview && result.data?.ok && (
          <div className="small">
            <span className="muted">Preview: </span>
            {result.data.messages.map((message, index) => (
              <span
                key={index}
                className="bubble bot"
                style={{ display: 'inline-block', margin: 2 }}
              >
                {message}
              </span>
            ))}
          </div>
        )}
      </div>
      {result.error ? <ErrorNotice error={result.error} title="Preview unavailable" /> : null}
    </div>
  );
}
