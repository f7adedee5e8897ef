import { isApiError } from '../api/problem';

/** Shows a failure in the API's own words (title, detail, and every field problem). */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  if (isApiError(error)) {
    return (
      <div className="notice error" role="alert">
        <strong>{title ?? error.title}</strong>
        {title && <div>{error.title}</div>}
        {error.detail && <div>{error.detail}</div>}
        {error.fieldErrors.length > 0 && (
          <ul>
            {error.fieldErrors.map((field, index) => (
              <li key={index}>
                <code>{field.path}</code>: {field.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="notice error" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <div>{error instanceof Error ? error.message : String(error)}</div>
    </div>
  );
}

/** The message of a field problem whose path ends with `suffix` (`name`, `responses.0`). */
export function fieldError(error: unknown, suffix: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.fieldErrors.find(
    (field) => field.path === suffix || field.path.endsWith(`.${suffix}`),
  );
  return found?.message;
}
