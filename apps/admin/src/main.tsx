import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client';
import { ApiContext } from './api/api-context';
import { ConfigContext } from './api/config-context';
import { isApiError } from './api/problem';
import { App } from './app/App';
import { SessionProvider } from './auth/session';
import { loadRuntimeConfig } from './config';
import './styles/tokens.css';
import './styles/app.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    root.render(
      <div className="notice error" role="alert">
        The admin could not read its config.json: {String(error)}
      </div>,
    );
    return;
  }
  const api = new ApiClient(config.apiBaseUrl);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; a network error might.
        retry: (count, error) => !(isApiError(error) && error.status >= 400) && count < 1,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
  root.render(
    <StrictMode>
      <ConfigContext.Provider value={config}>
        <ApiContext.Provider value={api}>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <App />
            </SessionProvider>
          </QueryClientProvider>
        </ApiContext.Provider>
      </ConfigContext.Provider>
    </StrictMode>,
  );
}

void start();
