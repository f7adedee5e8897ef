import { useRouteError } from 'react-router';
import { ErrorNotice } from '../ui/ErrorNotice';

export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main">
      <h1>This screen could not be shown</h1>
      <ErrorNotice error={error} />
      <p>
        <a href={import.meta.env.BASE_URL}>Back to the start</a>
      </p>
    </main>
  );
}
