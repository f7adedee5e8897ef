import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { Shell } from './Shell';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';
import { Loading } from '../ui/Loading';

// Each screen is its own chunk: the shell loads first, a screen when it is visited.
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const router = createBrowserRouter(
  [
    {
      path: '/login',
      lazy: page(() => import('../features/auth/LoginPage')),
      HydrateFallback: Loading,
    },
    {
      path: '/setup',
      lazy: page(() => import('../features/auth/SetupPage')),
      HydrateFallback: Loading,
    },
    {
      element: <RequireSession />,
      HydrateFallback: Loading,
      errorElement: <RouteError />,
      children: [
        {
          element: <Shell />,
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Navigate to="/bots" replace /> },
            { path: 'bots', lazy: page(() => import('../features/bots/BotsPage')) },
            { path: 'access', lazy: page(() => import('../features/access/AccessPage')) },
            {
              path: 'bots/:botId',
              children: [
                { index: true, element: <Navigate to="intents" replace /> },
                { path: 'intents', lazy: page(() => import('../features/intents/IntentsPage')) },
                {
                  path: 'intents/new',
                  lazy: page(() => import('../features/intents/IntentEditorPage')),
                },
                {
                  path: 'intents/:intentId',
                  lazy: page(() => import('../features/intents/IntentEditorPage')),
                },
                {
                  path: 'intents/:intentId/examples',
                  lazy: page(() => import('../features/examples/ExamplesPage')),
                },
                { path: 'entities', lazy: page(() => import('../features/entities/EntitiesPage')) },
                {
                  path: 'entities/:name',
                  lazy: page(() => import('../features/entities/EntityEditorPage')),
                },
                { path: 'models', lazy: page(() => import('../features/models/ModelsPage')) },
                {
                  path: 'models/:modelId',
                  lazy: page(() => import('../features/models/ModelMetricsPage')),
                },
                { path: 'try', lazy: page(() => import('../features/try/TryItPage')) },
                {
                  path: 'conversations',
                  lazy: page(() => import('../features/conversations/ConversationsPage')),
                },
                {
                  path: 'conversations/:threadId',
                  lazy: page(() => import('../features/conversations/ThreadPage')),
                },
                { path: 'review', lazy: page(() => import('../features/review/ReviewPage')) },
                { path: 'settings', lazy: page(() => import('../features/settings/SettingsPage')) },
                { path: 'channels', lazy: page(() => import('../features/channels/ChannelsPage')) },
                { path: 'data', lazy: page(() => import('../features/data/ImportExportPage')) },
              ],
            },
            { path: '*', lazy: page(() => import('./NotFoundPage')) },
          ],
        },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);

export function App() {
  return <RouterProvider router={router} />;
}
