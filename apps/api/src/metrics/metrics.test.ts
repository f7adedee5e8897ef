import request from 'supertest';
import { useComposedApp } from '../test-support/composed-app.js';
import { useTestApp } from '../test-support/test-app.js';

describe('/metrics', () => {
  const t = useTestApp();

  it('exposes request counts and latency per route template', async () => {
    await request(t().app)
      .get('/api/v1/admin/bots/default')
      .set('Authorization', t().viewer)
      .expect(200);
    await request(t().app)
      .get('/api/v1/admin/bots/missing')
      .set('Authorization', t().viewer)
      .expect(404);
    const res = await request(t().app).get('/metrics').set('Authorization', t().viewer).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /parley_http_requests_total\{method="GET",route="\/api\/v1\/admin\/bots\/:botId",status="200"\} 1/,
    );
    expect(res.text).toMatch(
      /parley_http_requests_total\{method="GET",route="\/api\/v1\/admin\/bots\/:botId",status="404"\} 1/,
    );
    expect(res.text).toContain('parley_http_request_duration_seconds_bucket');
    expect(res.text).toContain('parley_fallbacks_total');
    expect(res.text).toContain('parley_process_cpu_seconds_total');
    expect(res.text).not.toContain('parley_process_process_');
  });

  it('refuses anonymous scrapes: it names bots and routes', async () => {
    const res = await request(t().app).get('/metrics');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('parley_');
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const t = useTestApp(() => ({ metricsToken: 'prometheus-scrape-token-123' }));

  it('accepts the token Prometheus sends, and nothing else', async () => {
    await request(t().app)
      .get('/metrics')
      .set('Authorization', 'Bearer prometheus-scrape-token-123')
      .expect(200);
    await request(t().app).get('/metrics').set('Authorization', 'Bearer wrong-token').expect(401);
  });
});

describe('/metrics of the composed API', () => {
  const t = useComposedApp();

  it('counts a message answered by the fallback intent', async () => {
    // Nothing is trained: the default bot answers with its fallback intent.
    const chat = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'metrics-1', text: 'purple elephants juggle spreadsheets' })
      .expect(200);
    expect(chat.body.intent).toMatchObject({ name: 'fallback' });
    const res = await request(t().app).get('/metrics').set('Authorization', t().admin).expect(200);
    expect(res.text).toMatch(/^parley_fallbacks_total\{bot="default",channel="rest"\} 1$/m);
    expect(res.text).toMatch(/^parley_messages_total\{bot="default",channel="rest"\} 1$/m);
  });
});
