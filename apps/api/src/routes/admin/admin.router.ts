import { Router } from 'express';
import type { Store } from '@parley/store';
import type { SessionService } from '../../auth/sessions.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import type { AdminContext } from './admin-context.js';
import { createAudit } from '../../services/audit.js';
import { addAccessRoutes } from './access.router.js';
import { addBotRoutes } from './bots.router.js';
import { addChatLogRoutes } from './chat-logs.router.js';
import { addEntityRoutes } from './entities.router.js';
import { addImportExportRoutes } from './import-export.router.js';
import { addIntegrationRoutes } from './integrations.router.js';
import { addImportPreviewRoutes } from './import-preview.router.js';
import { addIntentSummaryRoutes } from './intent-summaries.router.js';
import { addIntentRoutes } from './intents.router.js';
import { addLlmTestRoutes } from './llm-test.router.js';
import { addReviewRoutes } from './review.router.js';
import { addTemplateRoutes } from './templates.router.js';

export const ADMIN_BASE_PATH = '/api/v1/admin';

export interface AdminRouterDeps {
  store: Store;
  registry: OpenApiRegistry;
  sessions: SessionService;
  /** Starts training a bot and returns the job id; `import?train=true` uses it when present. */
  startTraining?: (botId: string) => Promise<string | null>;
  /** The API's public base URL, for URLs the admin shows (the Messenger callback). */
  publicUrl?: string;
  /** The admin route groups of the modules composed in (training, models, parse …). */
  groups?: Array<(ctx: AdminContext) => void>;
}

/** Every admin resource under /api/v1/admin; each route declares the role it needs. */
export function createAdminRouter({
  store,
  registry,
  sessions,
  startTraining,
  publicUrl,
  groups = [],
}: AdminRouterDeps): Router {
  const router = Router();
  const ctx = {
    router,
    registry,
    basePath: ADMIN_BASE_PATH,
    store,
    audit: createAudit(store.auditLog),
    publicUrl,
  };
  addBotRoutes(ctx);
  addIntentRoutes(ctx);
  addEntityRoutes(ctx);
  addIntegrationRoutes(ctx);
  addChatLogRoutes(ctx);
  addImportExportRoutes(ctx, startTraining);
  addAccessRoutes(ctx, sessions);
  // What the admin UI's screens need besides the resources above.
  addIntentSummaryRoutes(ctx);
  addTemplateRoutes(ctx);
  addReviewRoutes(ctx);
  addImportPreviewRoutes(ctx);
  addLlmTestRoutes(ctx);
  for (const add of groups) add(ctx);
  return router;
}
