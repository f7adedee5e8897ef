import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ModelRecord, Store } from '@parley/store';
import { ZTrainAnswer, ZModelView, ZModelList } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import type { TrainingService } from '../../services/training/training-service.js';
import type { ModelRuntime } from '../../services/models/model-runtime.js';
import type { AdminContext } from './admin-context.js';
import { requireBot } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZJobParams = ZBotParams.extend({ id: z.string().min(1).max(100) });
const SSE_POLL_MS = 250;
const SSE_MAX_MS = 30 * 60_000;

export interface TrainingRouteDeps {
  training: TrainingService;
  modelsDir: string;
  models: Pick<ModelRuntime, 'status'>;
}

/** Training jobs (with SSE progress) and the model registry: list, activate (rollback), delete. */
export function addTrainingRoutes(
  ctx: AdminContext<'bots' | 'models'>,
  { training, modelsDir, models: runtime }: TrainingRouteDeps,
): void {
  const { router, registry, basePath, store, audit } = ctx;

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/train',
    summary: 'Queue a training job (skipped when the same data was trained before, unless forced)',
    tag: 'Training',
    role: 'admin',
    response: ZTrainAnswer,
    otherSuccess: [200],
    params: ZBotParams,
    body: z.object({ force: z.boolean().default(false) }),
    status: 202,
    errors: [404, 422],
    handler: async ({ params, body, principal, res }) => {
      const result = await training.start(params.botId, { force: body.force });
      if (result.status === 'bot-not-found') throw HttpProblem.notFound(`Bot "${params.botId}"`);
      if (result.status === 'invalid') {
        throw new HttpProblem({
          status: 422,
          code: 'TRAINING_DATA_INVALID',
          title: 'The bot cannot be trained yet',
          detail: result.problems.map((problem) => problem.message).join(' '),
          problems: result.problems,
        });
      }
      await audit(principal, 'bot.train', `/bots/${params.botId}`, params.botId, {
        modelId: result.model.id,
        status: result.status,
      });
      const answer = {
        jobId: result.model.id,
        status: result.status,
        model: jobView(result.model),
      };
      res.location(`${basePath}/bots/${params.botId}/jobs/${result.model.id}`);
      // Same data as a model already trained: nothing was queued, so 200 rather than 202.
      if (result.status === 'skipped') res.status(200).json(answer);
      return answer;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/jobs/:id',
    summary: 'A training job: status and progress (phase, epoch, percent, ETA)',
    tag: 'Training',
    role: 'viewer',
    response: ZModelView,
    params: ZJobParams,
    errors: [404],
    handler: async ({ params }) => jobView(await requireModel(store, params.botId, params.id)),
  });

  router.get('/bots/:botId/jobs/:id/events', async (req: Request, res: Response) => {
    const { botId, id } = ZJobParams.parse(req.params);
    await streamJob(store, botId, id, req, res);
  });
  registry.add(basePath, {
    method: 'get',
    path: '/bots/:botId/jobs/:id/events',
    summary: 'Training progress as Server-Sent Events (`progress`, then `done` or `failed`)',
    tag: 'Training',
    role: 'viewer',
    params: ZJobParams,
    errors: [404],
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/models',
    summary: 'Model versions, newest first, with metrics',
    tag: 'Models',
    role: 'viewer',
    response: ZModelList,
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => {
      const bot = await requireBot(store, params.botId);
      const models = await store.models.list(params.botId);
      return {
        activeModelId: bot.activeModelId,
        // Whether this instance answers with it: a model that cannot be loaded says why.
        runtime: await runtime.status(params.botId),
        models: models.map(jobView),
      };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/models/:id/activate',
    summary:
      'Make a ready model version the active one (rollback); every instance follows within seconds',
    tag: 'Models',
    role: 'admin',
    params: ZJobParams,
    response: z.object({ activeModelId: z.string() }),
    errors: [404, 409],
    handler: async ({ params, principal }) => {
      const model = await requireModel(store, params.botId, params.id);
      if (model.status !== 'ready')
        throw HttpProblem.conflict(`Model version ${model.version} is ${model.status}, not ready`);
      await store.bots.setActiveModel(params.botId, model.id);
      await audit(
        principal,
        'model.activate',
        `/bots/${params.botId}/models/${model.id}`,
        params.botId,
        { version: model.version },
      );
      return { activeModelId: model.id };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId/models/:id',
    summary: 'Delete a model version and its artifact (never the active one)',
    tag: 'Models',
    role: 'admin',
    params: ZJobParams,
    status: 204,
    errors: [404, 409],
    handler: async ({ params, principal }) => {
      const bot = await requireBot(store, params.botId);
      const model = await requireModel(store, params.botId, params.id);
      if (bot.activeModelId === model.id)
        throw HttpProblem.conflict('This is the active model; activate another version first');
      if (model.status === 'queued' || model.status === 'training')
        throw HttpProblem.conflict('This model is still training');
      await store.models.delete(params.botId, model.id);
      await rm(path.join(modelsDir, params.botId, model.id), { recursive: true, force: true });
      await audit(
        principal,
        'model.delete',
        `/bots/${params.botId}/models/${model.id}`,
        params.botId,
        { version: model.version },
      );
    },
  });
}

async function requireModel(
  store: Pick<Store, 'models'>,
  botId: string,
  id: string,
): Promise<ModelRecord> {
  const model = await store.models.get(botId, id);
  if (!model) throw HttpProblem.notFound(`Training job or model "${id}"`);
  return model;
}

function jobView(model: ModelRecord) {
  return {
    id: model.id,
    version: model.version,
    status: model.status,
    progress: model.progress,
    error: model.error,
    metrics: model.metrics,
    dataHash: model.dataHash,
    sizeBytes: model.sizeBytes,
    durationMs: model.durationMs,
    createdAt: model.createdAt,
    startedAt: model.startedAt,
    finishedAt: model.finishedAt,
  };
}

/**
 * Polls the model record (written by whichever instance trains) and sends each change.
 * Works on any replica, whoever runs the job.
 */
async function streamJob(
  store: Pick<Store, 'models'>,
  botId: string,
  id: string,
  req: Request,
  res: Response,
): Promise<void> {
  const first = await requireModel(store, botId, id);
  res.status(200).set({
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  let closed = false;
  req.on('close', () => {
    closed = true;
  });
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let last = '';
  let model: ModelRecord | null = first;
  const deadline = Date.now() + SSE_MAX_MS;
  while (!closed && model && Date.now() < deadline) {
    const view = jobView(model);
    const key = JSON.stringify([view.status, view.progress]);
    if (key !== last) {
      last = key;
      send('progress', view);
    }
    if (model.status === 'ready' || model.status === 'failed') {
      send(model.status === 'ready' ? 'done' : 'failed', view);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, SSE_POLL_MS));
    model = await store.models.get(botId, id);
  }
  res.end();
}
