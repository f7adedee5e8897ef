import request from 'supertest';
import { useTestApp } from '../test-support/test-app.js';

describe('OpenAPI document', () => {
  const t = useTestApp();

  it('documents every admin route with its schemas and required role', async () => {
    const res = await request(t().app).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const intents = res.body.paths['/api/v1/admin/bots/{botId}/intents'];
    expect(intents.post).toMatchObject({ 'x-required-role': 'admin', security: [{ bearer: [] }] });
    expect(intents.post.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'trainingData',
    );
    expect(intents.post.responses).toHaveProperty('401');
    expect(res.body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
    expect(
      res.body.paths['/api/v1/admin/bots/{botId}/threads'].get.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(expect.arrayContaining(['botId', 'from', 'to', 'cursor', 'fellBack']));
  });

  it('serves a browsable docs page', async () => {
    const res = await request(t().app).get('/api/v1/docs').expect(200);
    expect(res.text).toContain('/api/v1/openapi.json');
  });
});
