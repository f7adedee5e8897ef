import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';

describe('admin bots API', () => {
  const t = useTestApp();

  it('refuses calls without credentials (401) and viewers writing (403)', async () => {
    const anonymous = await request(t().app).get('/api/v1/admin/bots');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const badKey = await request(t().app)
      .get('/api/v1/admin/bots')
      .set('Authorization', 'Bearer pk_wrong');
    expect(badKey.status).toBe(401);
    const viewerWrite = await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', t().viewer)
      .send({ name: 'x' });
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.body).toMatchObject({ code: 'FORBIDDEN' });
    await request(t().app).get('/api/v1/admin/bots').set('Authorization', t().viewer).expect(200);
  });

  it('creates, reads, updates and deletes a bot', async () => {
    const created = await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', t().admin)
      .send({ name: 'Pizza', id: 'pizza', timeZone: 'Europe/Berlin' })
      .expect(201);
    expect(created.headers.location).toBe('/api/v1/admin/bots/pizza');
    expect(created.body).toMatchObject({
      id: 'pizza',
      name: 'Pizza',
      timeZone: 'Europe/Berlin',
      nlu: { pipeline: 'local' },
    });

    const updated = await request(t().app)
      .patch('/api/v1/admin/bots/pizza')
      .set('Authorization', t().admin)
      .send({ nlu: { threshold: 0.4, pipeline: 'hybrid' } })
      .expect(200);
    expect(updated.body.nlu).toMatchObject({
      threshold: 0.4,
      pipeline: 'hybrid',
      ambiguityMargin: 0,
    });
    expect(updated.body.timeZone).toBe('Europe/Berlin');

    await request(t().app)
      .delete('/api/v1/admin/bots/pizza')
      .set('Authorization', t().admin)
      .expect(204);
    await request(t().app)
      .get('/api/v1/admin/bots/pizza')
      .set('Authorization', t().admin)
      .expect(404);
  });

  it('lists every invalid field of a bad update', async () => {
    const res = await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({ nlu: { threshold: 3, pipeline: 'magic' } })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.nlu.pipeline',
      'body.nlu.threshold',
    ]);
  });

  it('keeps the LLM API key write-only', async () => {
    const res = await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({
        nlu: {
          llm: {
            baseUrl: 'http://127.0.0.1:11434/v1',
            model: 'llama3',
            apiKey: 'sk-very-secret',
            allowPrivateNetworks: true,
          },
        },
      })
      .expect(200);
    expect(res.body.nlu.llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
      timeoutMs: 10000,
      allowPrivateNetworks: true,
      hasApiKey: true,
    });
    const read = await request(t().app)
      .get('/api/v1/admin/bots/default')
      .set('Authorization', t().viewer);
    expect(JSON.stringify(read.body)).not.toContain('sk-very-secret');
    const audit = await request(t().app)
      .get('/api/v1/admin/audit')
      .set('Authorization', t().viewer);
    expect(JSON.stringify(audit.body)).not.toContain('sk-very-secret');
    const removed = await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({ nlu: { llm: { apiKey: null } } });
    expect(removed.body.nlu.llm.hasApiKey).toBe(false);
  });

  it('refuses an LLM endpoint on a private or metadata address unless the bot allows it', async () => {
    for (const baseUrl of [
      'http://169.254.169.254/v1',
      'http://localhost:11434/v1',
      'http://[::1]:8000',
    ]) {
      const refused = await request(t().app)
        .post('/api/v1/admin/bots')
        .set('Authorization', t().admin)
        .send({ name: 'Sneaky', nlu: { pipeline: 'llm', llm: { baseUrl, model: 'm' } } });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0]).toMatchObject({
        path: 'body.nlu.llm.baseUrl',
        message: expect.stringMatching(/allowPrivateNetworks/),
      });
    }
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', t().admin)
      .send({
        name: 'Ollama',
        nlu: { llm: { baseUrl: 'http://localhost:11434/v1', allowPrivateNetworks: true } },
      })
      .expect(201);
  });

  it('refuses a time zone that is not a real IANA zone', async () => {
    const res = await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({ timeZone: '\u0004T' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.timeZone');
    await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({ timeZone: 'Mars/Olympus' })
      .expect(400);
    await request(t().app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', t().admin)
      .send({ timeZone: 'Europe/Paris' })
      .expect(200);
  });

  it('refuses a duplicate bot id with 409', async () => {
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', t().admin)
      .send({ name: 'A', id: 'dup' })
      .expect(201);
    const again = await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', t().admin)
      .send({ name: 'B', id: 'dup' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('stores tool-call secrets without ever returning them', async () => {
    await request(t().app)
      .put('/api/v1/admin/bots/default/secrets/ORDERS_TOKEN')
      .set('Authorization', t().admin)
      .send({ value: 'tok-123' })
      .expect(204);
    const bot = await request(t().app)
      .get('/api/v1/admin/bots/default')
      .set('Authorization', t().admin);
    expect(bot.body.secretNames).toEqual(['ORDERS_TOKEN']);
    expect(JSON.stringify(bot.body)).not.toContain('tok-123');
    await request(t().app)
      .delete('/api/v1/admin/bots/default/secrets/ORDERS_TOKEN')
      .set('Authorization', t().admin)
      .expect(204);
    await request(t().app)
      .delete('/api/v1/admin/bots/default/secrets/ORDERS_TOKEN')
      .set('Authorization', t().admin)
      .expect(404);
  });

  it('records changes in the audit log with who made them', async () => {
    const res = await request(t().app)
      .get('/api/v1/admin/audit?limit=100')
      .set('Authorization', t().viewer)
      .expect(200);
    const actions = res.body.entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['bot.create', 'bot.update', 'bot.delete', 'secret.set']),
    );
    expect(res.body.entries[0].actor).toMatchObject({ kind: 'apiKey', name: 'test-admin' });
  });
});
