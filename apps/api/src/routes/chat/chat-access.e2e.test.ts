import request from 'supertest';
import { useComposedApp } from '../../test-support/composed-app.js';

describe('chat channel access: widget keys, CORS, channel keys and rate limits', () => {
  const t = useComposedApp({ CHAT_RATE_LIMIT_PER_THREAD: '3' });
  let publicKey = '';

  beforeAll(async () => {
    const { app, admin } = t();
    const widget = await request(app)
      .put('/api/v1/admin/bots/default/integrations/widget')
      .set('Authorization', admin)
      .send({ settings: { allowedOrigins: ['https://shop.example'] } })
      .expect(200);
    publicKey = widget.body.settings.publicKey;
    expect(publicKey).toMatch(/^pub_/);
    await request(app)
      .put('/api/v1/admin/bots/default/integrations/rest')
      .set('Authorization', admin)
      .send({ secrets: { apiKey: 'rest-channel-secret' } })
      .expect(200);
  });

  const chat = (threadId: string) =>
    request(t().app)
      .post('/api/v1/bots/default/chat')
      .send({ threadId, text: '/init_conversation' });

  it('lets the widget chat from an allowed origin, with CORS headers, and refuses other origins', async () => {
    const preflight = await request(t().app)
      .options('/api/v1/bots/default/chat')
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(preflight.headers['access-control-allow-headers']).toContain('X-Parley-Key');

    const ok = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Origin', 'https://shop.example')
      .set('X-Parley-Key', publicKey)
      .send({ event: 'welcome' })
      .expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example');
    const { threadId, threadToken } = ok.body;
    expect(threadId).toMatch(/^w_/);
    const widgetSays = (token: string | undefined, thread = threadId) => {
      const req = request(t().app)
        .post('/api/v1/bots/default/chat')
        .set('Origin', 'https://shop.example')
        .set('X-Parley-Key', publicKey);
      return (token ? req.set('X-Parley-Thread-Token', token) : req).send({
        threadId: thread,
        text: 'hello',
      });
    };
    await widgetSays(threadToken).expect(200);
    // Nobody continues (or reads) a visitor's thread by knowing its id.
    expect((await widgetSays(undefined)).body.code).toBe('THREAD_TOKEN_INVALID');
    await widgetSays(threadToken, 'w_someone_else').expect(403);
    const transcript = await request(t().app)
      .get(`/api/v1/bots/default/threads/${threadId}/messages`)
      .set('Origin', 'https://shop.example')
      .set('X-Parley-Key', publicKey)
      .set('X-Parley-Thread-Token', threadToken)
      .expect(200);
    expect(transcript.body.turns.map((turn: { userText: string | null }) => turn.userText)).toEqual(
      [null, 'hello'],
    );
    await request(t().app)
      .get(`/api/v1/bots/default/threads/${threadId}/messages`)
      .set('Origin', 'https://shop.example')
      .set('X-Parley-Key', publicKey)
      .expect(403);
    const turns = await request(t().app)
      .get(`/api/v1/admin/bots/default/threads/${threadId}`)
      .set('Authorization', t().admin)
      .expect(200);
    expect(turns.body.turns[0].channel).toBe('widget');

    const evil = await chat('w2')
      .set('Origin', 'https://evil.example')
      .set('X-Parley-Key', publicKey);
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('ORIGIN_NOT_ALLOWED');
    const noCors = await request(t().app)
      .options('/api/v1/bots/default/chat')
      .set('Origin', 'https://evil.example');
    expect(noCors.headers['access-control-allow-origin']).toBeUndefined();
    await chat('w3').set('X-Parley-Key', 'pub_wrong').expect(401);
  });

  it('accepts the REST channel secret and keeps the widget key write-once', async () => {
    await chat('s1').set('Authorization', 'Bearer rest-channel-secret').expect(200);
    await chat('s2').set('Authorization', 'Bearer wrong-secret').expect(401);
    const again = await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/widget')
      .set('Authorization', t().admin)
      .send({ settings: { allowedOrigins: ['https://other.example'] } })
      .expect(200);
    expect(again.body.settings.publicKey).toBe(publicKey);
  });

  it('limits messages per thread with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await chat('limited').set('Authorization', 'Bearer rest-channel-secret')).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await chat('limited').set('Authorization', 'Bearer rest-channel-secret');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
