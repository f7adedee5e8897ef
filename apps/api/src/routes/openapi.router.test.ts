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

describe('methods a path does not support', () => {
  const t = useTestApp();

  it('answer 405 with Allow; unknown paths 404', async () => {
    const res = await request(t().app).delete('/api/v1/admin/bots').set('Authorization', t().admin);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, OPTIONS');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
    await request(t().app)
      .get('/api/v1/admin/nothing-here')
      .set('Authorization', t().admin)
      .expect(404);
  });
});
