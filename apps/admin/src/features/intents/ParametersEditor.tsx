import type { Parameter } from '../../api/types';

const FREE_TEXT = '';

/** An intent's parameters: what it collects before it answers. */
export function ParametersEditor({
  parameters,
  onChange,
  entityOptions,
  disabled,
  errorFor,
}: {
  parameters: Parameter[];
  onChange: (parameters: Parameter[]) => void;
  entityOptions: { custom: string[]; system: string[] };
  disabled: boolean;
  errorFor: (path: string) => string | undefined;
}) {
  const set = (index: number, patch: Partial<Parameter>) =>
    onChange(parameters.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset>
      <legend>Parameters</legend>
      {parameters.length === 0 && (
        <p className="muted small">No parameters: the intent answers at once.</p>
      )}
      {parameters.map((parameter, index) => {
        const base = `parameter-${index}`;
        return (
          <div key={index} className="card" role="group" aria-label={`Parameter ${index + 1}`}>
            <div className="row">
              <div className="field">
                <label htmlFor={`${base}-name`}>Name</label>
                <input
                  id={`${base}-name`}
                  value={parameter.name}
                  disabled={disabled}
                  onChange={(event) => set(index, { name: event.target.value })}
                  aria-invalid={Boolean(errorFor(`parameters.${index}.name`))}
                />
                <span className="error-text">{errorFor(`parameters.${index}.name`)}</span>
              </div>
              <div className="field">
                <label htmlFor={`${base}-entity`}>Type</label>
                <select
                  id={`${base}-entity`}
                  value={parameter.entity ?? FREE_TEXT}
                  disabled={disabled}
                  onChange={(event) => set(index, { entity: event.target.value || undefined })}
                >
                  <option value={FREE_TEXT}>Free text (the whole answer)</option>
                  <optgroup label="Entities">
                    {entityOptions.custom.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="System entities">
                    {entityOptions.system.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                </select>
                <span className="error-text">{errorFor(`parameters.${index}.entity`)}</span>
              </div>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={parameter.required}
                  disabled={disabled}
                  onChange={(event) => set(index, { required: event.target.checked })}
                />
                Required
              </label>
              <div className="field">
                <label htmlFor={`${base}-tries`}>Tries</label>
                <input
                  id={`${base}-tries`}
                  type="number"
                  min={1}
                  max={10}
                  value={parameter.maxTries}
                  disabled={disabled}
                  onChange={(event) => set(index, { maxTries: Number(event.target.value) || 1 })}
                  style={{ width: '5em' }}
                />
              </div>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(parameters.filter((_p, i) => i !== index))}
                aria-label={`Remove parameter ${parameter.name || index + 1}`}
              >
                Remove
              </button>
            </div>
            <div className="columns">
              <div className="field">
                <label htmlFor={`${base}-prompt`}>Prompt (asked when missing)</label>
                <input
                  id={`${base}-prompt`}
                  value={parameter.prompt}
                  disabled={disabled}
                  onChange={(event) => set(index, { prompt: event.target.value })}
                  aria-invalid={Boolean(errorFor(`parameters.${index}.prompt`))}
                />
                <span className="error-text">{errorFor(`parameters.${index}.prompt`)}</span>
              </div>
              <div className="field">
                <label htmlFor={`${base}-reprompt`}>Re-prompt (answer without it)</label>
                <input
                  id={`${base}-reprompt`}
                  value={parameter.reprompt ?? ''}
                  disabled={disabled}
                  onChange={(event) => set(index, { reprompt: event.target.value || undefined })}
                />
              </div>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        disabled={disabled}
        onClick={() =>
          onChange([...parameters, { name: '', required: true, prompt: '', maxTries: 3 }])
        }
      >
        Add parameter
      </button>
    </fieldset>
  );
}
