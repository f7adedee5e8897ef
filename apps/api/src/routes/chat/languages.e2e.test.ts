import request from 'supertest';
import { useComposedApp, type ComposedApp } from '../../test-support/composed-app.js';

/** The calendar date `days` after today in a time zone, `YYYY-MM-DD`. */
function dateIn(timeZone: string, days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const day = new Date(`${parts}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

interface LanguageBot {
  id: string;
  language: string;
  timeZone: string;
  book: string[];
  greet: string[];
  /** The first message, without a date; then the answer, then the date it means. */
  ask: string;
  answer: string;
  answerDays: number;
  /** One message that names intent and date at once. */
  oneShot: string;
  oneShotDays: number;
  /** An answer naming a day and a time of day, which fills the date slot with the day. */
  dayAndTime: string;
  dayAndTimeDays: number;
  /** An answer with a date written as the bot's users write one (Chinese with spaces too). */
  writtenDate: string;
  fallback: RegExp;
}

const BOTS: LanguageBot[] = [
  {
    id: 'deutsch',
    language: 'de-DE',
    timeZone: 'Europe/Berlin',
    book: [
      'ich möchte einen Tisch reservieren',
      'einen Tisch für heute Abend bitte',
      'kann ich für morgen einen Tisch buchen',
      'Tisch für zwei Personen reservieren',
      'ich würde gerne einen Tisch bestellen',
      'reserviere mir einen Tisch am Freitag',
      'habt ihr einen Tisch frei',
      'Reservierung für übermorgen',
    ],
    greet: ['hallo', 'guten Tag', 'hallo zusammen', 'servus', 'grüß dich', 'moin'],
    ask: 'ich möchte einen Tisch reservieren',
    answer: 'übermorgen',
    answerDays: 2,
    oneShot: 'kann ich für morgen einen Tisch reservieren',
    oneShotDays: 1,
    dayAndTime: 'morgen um 8 Uhr',
    dayAndTimeDays: 1,
    writtenDate: 'am 15. Januar 2027',
    fallback: /^Bitte nenne mir: datum\.$/,
  },
  {
    id: 'zhongwen',
    language: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    book: [
      '我想预订一张桌子',
      '帮我订个位子',
      '今天晚上有空位吗',
      '我要订明天的位子',
      '订两个人的桌子',
      '可以预约一个座位吗',
      '周五帮我订桌',
      '我想订餐厅的位置',
    ],
    greet: ['你好', '您好', '早上好', '嗨', '晚上好', '大家好'],
    ask: '我想预订一张桌子',
    answer: '后天',
    answerDays: 2,
    oneShot: '明天帮我订个位子',
    oneShotDays: 1,
    dayAndTime: '后天晚上八点',
    dayAndTimeDays: 2,
    // Spaced between the words, as some users and corpora (xSID) write Chinese.
    writtenDate: '2027 年 1 月 15 日',
    fallback: /^请告诉我datum。$/,
  },
];

async function createBot(t: ComposedApp, bot: LanguageBot): Promise<void> {
  const { app, admin } = t;
  await request(app)
    .post('/api/v1/admin/bots')
    .set('Authorization', admin)
    .send({ id: bot.id, name: bot.id, language: bot.language, timeZone: bot.timeZone })
    .expect(201);
  await request(app)
    .post(`/api/v1/admin/bots/${bot.id}/import`)
    .set('Authorization', admin)
    .send({
      format: 'parley',
      version: 1,
      intents: [
        { intentId: 'fallback', name: 'Fallback', responses: [] },
        {
          intentId: 'book',
          name: 'Book',
          responses: ['OK: {{parameters.datum}}'],
          // No prompt of its own: the bot asks with its built-in text, in its language.
          parameters: [{ name: 'datum', entity: 'sys.date' }],
          trainingData: bot.book.map((text) => ({ text })),
        },
        {
          intentId: 'greet',
          name: 'Greet',
          responses: ['👋'],
          trainingData: bot.greet.map((text) => ({ text })),
        },
      ],
      entities: [],
    })
    .expect(200);
  await request(app)
    .post(`/api/v1/admin/bots/${bot.id}/train`)
    .set('Authorization', admin)
    .send({})
    .expect(202);
  await t.deps.training.idle();
}

describe.each(BOTS)('a $language bot over REST', (bot) => {
  const t = useComposedApp();
  beforeAll(() => createBot(t(), bot), 120_000);

  const chat = (threadId: string, text: string) =>
    request(t().app)
      .post(`/api/v1/bots/${bot.id}/chat`)
      .set('Authorization', t().admin)
      .send({ threadId, text })
      .expect(200);

  it('asks for the date in its language and fills the slot from a relative date', async () => {
    const ask = await chat('t1', bot.ask);
    expect(ask.body).toMatchObject({ intent: { name: 'book' }, missingParameters: ['datum'] });
    expect(ask.body.messages[0].text).toMatch(bot.fallback);
    const answer = await chat('t1', bot.answer);
    expect(answer.body.complete).toBe(true);
    expect(answer.body.messages[0].text).toBe(`OK: ${dateIn(bot.timeZone, bot.answerDays)}`);
  });

  it('takes intent and date from one message, the date in the bot time zone', async () => {
    const res = await chat('t2', bot.oneShot);
    expect(res.body).toMatchObject({ intent: { name: 'book' }, complete: true });
    expect(res.body.messages[0].text).toBe(`OK: ${dateIn(bot.timeZone, bot.oneShotDays)}`);
  });

  it('fills the date slot with the day of an answer that also names a time', async () => {
    await chat('t3', bot.ask);
    const answer = await chat('t3', bot.dayAndTime);
    expect(answer.body.complete).toBe(true);
    expect(answer.body.messages[0].text).toBe(`OK: ${dateIn(bot.timeZone, bot.dayAndTimeDays)}`);
  });

  it('fills the date slot from a date written out', async () => {
    await chat('t4', bot.ask);
    const answer = await chat('t4', bot.writtenDate);
    expect(answer.body.complete).toBe(true);
    expect(answer.body.messages[0].text).toBe('OK: 2027-01-15');
  });

  it('records its language in the model, and says the model is out of date when it changes', async () => {
    const { app, admin } = t();
    const status = () =>
      request(app).get(`/api/v1/admin/bots/${bot.id}/model-status`).set('Authorization', admin);
    expect((await status().expect(200)).body.upToDate).toBe(true);
    await request(app)
      .patch(`/api/v1/admin/bots/${bot.id}`)
      .set('Authorization', admin)
      .send({ language: 'ja' })
      .expect(200);
    expect((await status().expect(200)).body.upToDate).toBe(false);
    const refused = await request(app)
      .patch(`/api/v1/admin/bots/${bot.id}`)
      .set('Authorization', admin)
      .send({ language: 'tlh' })
      .expect(422);
    expect(JSON.stringify(refused.body.errors)).toContain('language');
  });
});
