import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';

const orderIntent = {
  intentId: 'check_order',
  name: 'Check order',
  responses: ['Order {{parameters.order_number}} is {{result.status}}'],
  parameters: [{ name: 'order_number', entity: 'order_number', prompt: 'Which order?' }],
  trainingData: [
    {
      text: 'where is order ORD1',
      entities: [{ name: 'order_number', value: 'ORD1', begin: 15, end: 19 }],
    },
  ],
};

describe('admin intents and entities API', () => {
  const t = useTestApp();
  const base = '/api/v1/admin/bots/default';

  it('refuses an intent that references an unknown entity, listing each problem', async () => {
    const res = await request(t().app)
      .post(`${base}/intents`)
      .set('Authorization', t().admin)
      .send({
        ...orderIntent,
        trainingData: [
          {
            text: 'where is order ORD1',
            entities: [{ name: 'order_number', value: 'ORD2', begin: 15, end: 19 }],
          },
        ],
      })
      .expect(422);
    expect(res.body.errors).toEqual([
      { path: 'body.parameters.0.entity', message: 'unknown entity "order_number"' },
      { path: 'body.trainingData.0.entities.0.name', message: 'unknown entity "order_number"' },
      {
        path: 'body.trainingData.0.entities.0.value',
        message: 'span 15-19 reads "ORD1", not "ORD2"',
      },
    ]);
  });

  it('creates an entity, then an intent using it; refuses duplicates and bad templates', async () => {
    await request(t().app)
      .post(`${base}/entities`)
      .set('Authorization', t().admin)
      .send({ name: 'order_number', patterns: ['ORD\\d+'] })
      .expect(201);
    const created = await request(t().app)
      .post(`${base}/intents`)
      .set('Authorization', t().admin)
      .send(orderIntent)
      .expect(201);
    expect(created.body).toMatchObject({
      intentId: 'check_order',
      onInterrupt: 'switch',
      toolCall: null,
    });

    const duplicate = await request(t().app)
      .post(`${base}/intents`)
      .set('Authorization', t().admin)
      .send(orderIntent);
    expect(duplicate.status).toBe(409);

    const badTemplate = await request(t().app)
      .put(`${base}/intents/check_order`)
      .set('Authorization', t().admin)
      .send({ ...orderIntent, responses: ['ok', 'Order {{#if parameters.x}} unclosed'] });
    expect(badTemplate.status).toBe(422);
    expect(badTemplate.body.errors[0]).toMatchObject({
      path: 'body.responses.1',
      message: expect.stringContaining('does not compile'),
    });
  });

  it('reads, replaces, lists and deletes intents', async () => {
    const read = await request(t().app)
      .get(`${base}/intents/check_order`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(read.body.parameters[0]).toMatchObject({
      name: 'order_number',
      required: true,
      maxTries: 3,
    });
    await request(t().app)
      .put(`${base}/intents/check_order`)
      .set('Authorization', t().admin)
      .send({ ...orderIntent, responses: ['Checking {{parameters.order_number}}'] })
      .expect(200);
    const list = await request(t().app)
      .get(`${base}/intents`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(list.body.intents.map((intent: { intentId: string }) => intent.intentId)).toEqual([
      'cancel',
      'check_order',
      'fallback',
      'init_conversation',
    ]);
    await request(t().app)
      .put(`${base}/intents/missing`)
      .set('Authorization', t().admin)
      .send(orderIntent)
      .expect(404);
    await request(t().app)
      .delete(`${base}/intents/check_order`)
      .set('Authorization', t().viewer)
      .expect(403);
  });

  it('refuses to delete an entity an intent uses, and invalid regexes', async () => {
    const inUse = await request(t().app)
      .delete(`${base}/entities/order_number`)
      .set('Authorization', t().admin);
    expect(inUse.status).toBe(409);
    expect(inUse.body.detail).toContain('check_order');
    const badRegex = await request(t().app)
      .put(`${base}/entities/order_number`)
      .set('Authorization', t().admin)
      .send({ name: 'order_number', patterns: ['ORD(\\d+'] });
    expect(badRegex.status).toBe(422);
    expect(badRegex.body.errors[0].path).toBe('body.patterns.0');
  });

  it('lists system entities and answers unknown bots with 404', async () => {
    const system = await request(t().app)
      .get('/api/v1/admin/system-entities')
      .set('Authorization', t().viewer)
      .expect(200);
    expect(system.body.entities).toContain('sys.date');
    const missing = await request(t().app)
      .get('/api/v1/admin/bots/nope/intents')
      .set('Authorization', t().viewer);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Bot "nope" does not exist' });
  });
});
