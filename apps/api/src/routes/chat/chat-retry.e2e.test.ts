import request from 'supertest';
import { useComposedApp } from '../../test-support/composed-app.js';

const SHOP = 'https://shop.example';

describe('chat: a message sent again with its client message id (the widget after a lost answer)', () => {
  const t = useComposedApp();
  let publicKey = '';

  beforeAll(async () => {
    const widget = await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/widget')
      .set('Authorization', t().admin)
      .send({ settings: { allowedOrigins: [SHOP] } })
      .expect(200);
    publicKey = widget.body.settings.publicKey;
  });

  const widgetChat = (body: object, token?: string) => {
    const req = request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Origin', SHOP)
      .set('X-Parley-Key', publicKey);
    return (token ? req.set('X-Parley-Thread-Token', token) : req).send(body);
  };

  it('returns the first answer and records one turn; another id is another message', async () => {
    const welcome = await widgetChat({ event: 'welcome', clientMessageId: 'c-0' }).expect(200);
    const { threadId, threadToken } = welcome.body;
    const message = { threadId, text: 'hello', clientMessageId: 'c-1' };
    const first = await widgetChat(message, threadToken).expect(200);
    const retried = await widgetChat(message, threadToken).expect(200);
    expect(retried.body).toMatchObject({
      threadId,
      seq: first.body.seq,
      messages: first.body.messages,
      intent: first.body.intent,
    });
    expect(retried.body.seq).toBe(2);
    await widgetChat({ ...message, clientMessageId: 'c-2' }, threadToken).expect(200);

    const turns = await request(t().app)
      .get(`/api/v1/admin/bots/default/threads/${threadId}`)
      .set('Authorization', t().admin)
      .expect(200);
    expect(turns.body.turns.map((turn: { seq: number }) => turn.seq)).toEqual([1, 2, 3]);
  });

  it('lets the widget read Retry-After across origins', async () => {
    const res = await widgetChat({ event: 'welcome' }).expect(200);
    expect(res.headers['access-control-expose-headers']).toBe('Retry-After');
  });

  it('refuses a client message id that is not a short string, naming the field', async () => {
    const res = await widgetChat({ event: 'welcome', clientMessageId: 'x'.repeat(101) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.clientMessageId');
  });
});
