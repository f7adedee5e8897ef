import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';

describe('admin integrations and chat logs API', () => {
  const t = useTestApp();
  const base = '/api/v1/admin/bots/default';

  it('stores channel settings and keeps secrets write-only', async () => {
    const res = await request(t().app)
      .put(`${base}/integrations/messenger`)
      .set('Authorization', t().admin)
      .send({
        settings: { pageId: '42' },
        secrets: { pageToken: 'EAAB-secret', appSecret: 'app-secret' },
      })
      .expect(200);
    expect(res.body).toMatchObject({
      channel: 'messenger',
      enabled: true,
      settings: { pageId: '42' },
      secretNames: ['appSecret', 'pageToken'],
    });
    const list = await request(t().app)
      .get(`${base}/integrations`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/EAAB-secret|app-secret/);
    await request(t().app)
      .put(`${base}/integrations/telegram`)
      .set('Authorization', t().admin)
      .send({})
      .expect(404);
  });

  it('pages through threads with filters and shows a transcript', async () => {
    const turn = (threadId: string, seq: number, at: string, fellBack = false) =>
      t().store.turns.append({
        botId: 'default',
        threadId,
        seq,
        at: new Date(at),
        channel: 'rest',
        userText: `hi ${seq}`,
        intentId: fellBack ? 'fallback' : 'greet',
        fellBack,
        latencyMs: 2,
      });
    await turn('t1', 1, '2026-03-01T10:00:00Z');
    await turn('t2', 1, '2026-03-02T10:00:00Z', true);
    await turn('t3', 1, '2026-03-03T10:00:00Z');

    const page1 = await request(t().app)
      .get(`${base}/threads?limit=2`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(page1.body.threads.map((thread: { threadId: string }) => thread.threadId)).toEqual([
      't3',
      't2',
    ]);
    const page2 = await request(t().app)
      .get(`${base}/threads?limit=2&cursor=${page1.body.nextCursor}`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(page2.body).toMatchObject({ threads: [{ threadId: 't1' }], nextCursor: null });

    const fellBack = await request(t().app)
      .get(`${base}/threads?fellBack=true`)
      .set('Authorization', t().viewer);
    expect(fellBack.body.threads.map((thread: { threadId: string }) => thread.threadId)).toEqual([
      't2',
    ]);
    const ranged = await request(t().app)
      .get(`${base}/threads?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`)
      .set('Authorization', t().viewer);
    expect(ranged.body.threads.map((thread: { threadId: string }) => thread.threadId)).toEqual([
      't2',
    ]);
    const badDate = await request(t().app)
      .get(`${base}/threads?from=yesterday`)
      .set('Authorization', t().viewer);
    expect(badDate.status).toBe(400);

    const transcript = await request(t().app)
      .get(`${base}/threads/t2`)
      .set('Authorization', t().viewer)
      .expect(200);
    expect(transcript.body.turns).toEqual([
      expect.objectContaining({ seq: 1, userText: 'hi 1', fellBack: true }),
    ]);
    await request(t().app).get(`${base}/threads/none`).set('Authorization', t().viewer).expect(404);
  });
});
