import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';

const acfBot = {
  intents: [
    {
      name: 'Check Order Status',
      intentId: 'check_order_status',
      apiTrigger: true,
      apiDetails: {
        url: "http://127.0.0.1:18999/status?id={{ parameters['order_number'] }}",
        requestType: 'GET',
        headers: [],
        isJson: false,
        jsonData: '',
      },
      speechResponse: 'Order {{ parameters.order_number }} is {{ result.status }}',
      parameters: [
        { name: 'order_number', required: true, type: 'order_number', prompt: 'Order number?' },
      ],
      trainingData: [
        {
          text: 'track order ORD1',
          entities: [{ name: 'order_number', value: 'ORD1', begin: 12, end: 16 }],
        },
      ],
    },
  ],
  entities: [{ name: 'order_number', entity_values: [] }],
};

describe('admin import/export API', () => {
  const t = useTestApp();
  const base = '/api/v1/admin/bots/default';

  it('imports an ai-chatbot-framework bot and exports it in both formats', async () => {
    const imported = await request(t().app)
      .post(`${base}/import?allowRemovals=true`)
      .set('Authorization', t().admin)
      .send(acfBot)
      .expect(200);
    expect(imported.body).toMatchObject({
      format: 'acf',
      intents: 1,
      entities: 1,
      warnings: [],
      trainingJobId: null,
    });
    const intent = await request(t().app)
      .get(`${base}/intents/check_order_status`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(intent.body.toolCall.url).toBe(
      'http://127.0.0.1:18999/status?id={{parameters.order_number}}',
    );

    const parley = await request(t().app)
      .get(`${base}/export`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(parley.body).toMatchObject({ format: 'parley', version: 1 });
    expect(parley.headers['content-disposition']).toContain('default.parley.json');
    const acf = await request(t().app)
      .get(`${base}/export?format=acf`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(acf.body.intents[0]).toMatchObject({ intentId: 'check_order_status', apiTrigger: true });
  });

  it('writes nothing and lists every problem when the file is wrong', async () => {
    const bad = structuredClone(acfBot);
    bad.intents[0]!.trainingData[0]!.entities[0]!.end = 40;
    bad.intents[0]!.parameters[0]!.type = 'ghost';
    const res = await request(t().app)
      .post(`${base}/import?allowRemovals=true`)
      .set('Authorization', t().admin)
      .send(bad)
      .expect(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.errors.map((error: { path: string }) => error.path)).toEqual([
      'intents[0].parameters[0].entity',
      'intents[0].trainingData[0].entities[0].end',
    ]);
    const intents = await request(t().app).get(`${base}/intents`).set('Authorization', t().viewer);
    expect(intents.body.intents).toHaveLength(1);
  });

  it('needs the admin role to import', async () => {
    await request(t().app)
      .post(`${base}/import`)
      .set('Authorization', t().viewer)
      .send(acfBot)
      .expect(403);
    await request(t().app)
      .post('/api/v1/admin/bots/nope/import')
      .set('Authorization', t().admin)
      .send(acfBot)
      .expect(404);
  });
});
