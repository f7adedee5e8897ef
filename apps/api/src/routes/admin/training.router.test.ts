import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { useComposedApp } from '../../test-support/composed-app.js';

const examples = (texts: string[]) => texts.map((text) => ({ text }));
const BOT = {
  format: 'parley',
  version: 1,
  intents: [
    {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hi'],
      trainingData: examples(['hi', 'hello', 'hey there', 'good morning']),
    },
    {
      intentId: 'bye',
      name: 'Bye',
      responses: ['Bye'],
      trainingData: examples(['bye', 'goodbye', 'see you later', 'good night']),
    },
  ],
  entities: [],
};

/** Reads a Server-Sent Events stream until it ends; returns the events in order. */
async function readEvents(
  app: http.RequestListener,
  path: string,
  auth: string,
): Promise<Array<{ event: string; data: { status: string; progress: { percent: number } } }>> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, {
      headers: { Authorization: auth },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    return text
      .trim()
      .split('\n\n')
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return {
          event: eventLine!.replace('event: ', ''),
          data: JSON.parse(dataLine!.replace('data: ', '')),
        };
      });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('training jobs and the model registry', () => {
  const t = useComposedApp();
  const botBase = (id: string) => `/api/v1/admin/bots/${id}`;

  /**
   * A bot of its own for each scenario: created, with `BOT` imported when `withData`, and
   * trained `versions` times (the first time as usual, then forced); returns the model ids.
   */
  async function botWithModels(id: string, withData: boolean, versions = 0): Promise<string[]> {
    const { app, admin, deps } = t();
    await request(app)
      .post('/api/v1/admin/bots')
      .set('Authorization', admin)
      .send({ id, name: id })
      .expect(201);
    if (withData)
      await request(app)
        .post(`${botBase(id)}/import?allowRemovals=true`)
        .set('Authorization', admin)
        .send(BOT)
        .expect(200);
    const ids: string[] = [];
    for (let v = 0; v < versions; v++) {
      const started = await request(app)
        .post(`${botBase(id)}/train`)
        .set('Authorization', admin)
        .send(v === 0 ? {} : { force: true })
        .expect(202);
      await deps.training.idle();
      ids.push(started.body.jobId as string);
    }
    return ids;
  }

  it('says in words why a bot cannot be trained', async () => {
    const base = botBase('empty');
    await botWithModels('empty', false);
    const res = await request(t().app)
      .post(`${base}/train`)
      .set('Authorization', t().admin)
      .send({})
      .expect(422);
    expect(res.body.code).toBe('TRAINING_DATA_INVALID');
    expect(res.body.detail).toMatch(/at least 2 intents with training examples/);
  });

  it('trains, streams progress over SSE, registers a version with metrics and activates it', async () => {
    const { app, admin } = t();
    const base = botBase('trainee');
    await botWithModels('trainee', true);
    const started = await request(app)
      .post(`${base}/train`)
      .set('Authorization', admin)
      .send({})
      .expect(202);
    expect(started.headers.location).toBe(`${base}/jobs/${started.body.jobId}`);

    const events = await readEvents(app, `${base}/jobs/${started.body.jobId}/events`, admin);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'ready' } });
    const percents = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data.progress.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(percents.at(-1)).toBe(100);

    const models = await request(app).get(`${base}/models`).set('Authorization', admin).expect(200);
    expect(models.body.activeModelId).toBe(started.body.jobId);
    expect(models.body.models[0]).toMatchObject({
      version: 1,
      status: 'ready',
      sizeBytes: expect.any(Number),
    });
    expect(models.body.models[0].metrics).toMatchObject({
      folds: 4,
      intentAccuracy: expect.any(Number),
      perIntent: { greet: expect.any(Object) },
    });
  }, 120_000);

  it('skips training the same data again unless forced', async () => {
    const { app, admin, deps } = t();
    const base = botBase('skipper');
    await botWithModels('skipper', true, 1);
    const again = await request(app)
      .post(`${base}/train`)
      .set('Authorization', admin)
      .send({})
      .expect(200);
    expect(again.body.status).toBe('skipped');
    const forced = await request(app)
      .post(`${base}/train`)
      .set('Authorization', admin)
      .send({ force: true })
      .expect(202);
    await deps.training.idle();
    const job = await request(app)
      .get(`${base}/jobs/${forced.body.jobId}`)
      .set('Authorization', admin)
      .expect(200);
    expect(job.body).toMatchObject({ status: 'ready', version: 2 });
  }, 120_000);

  it('rolls back to an older version and never deletes the active one', async () => {
    const { app, admin } = t();
    const base = botBase('rollback');
    await botWithModels('rollback', true, 2);
    const { body } = await request(app).get(`${base}/models`).set('Authorization', admin);
    const [v2, v1] = body.models;
    await request(app)
      .post(`${base}/models/${v1.id}/activate`)
      .set('Authorization', admin)
      .expect(200);
    await request(app).delete(`${base}/models/${v1.id}`).set('Authorization', admin).expect(409);
    await request(app).delete(`${base}/models/${v2.id}`).set('Authorization', admin).expect(204);
    await request(app).get(`${base}/jobs/${v2.id}`).set('Authorization', admin).expect(404);
  }, 120_000);

  it('parses a sentence with the active model, with the intent ranking', async () => {
    const base = botBase('parser');
    await botWithModels('parser', true, 1);
    const res = await request(t().app)
      .post(`${base}/parse`)
      .set('Authorization', t().admin)
      .send({ text: 'hello there' })
      .expect(200);
    expect(res.body).toMatchObject({ source: 'local', threshold: 0.6, intent: { name: 'greet' } });
    expect(res.body.ranking.map((score: { name: string }) => score.name).sort()).toEqual([
      'bye',
      'greet',
    ]);
  }, 120_000);
});
