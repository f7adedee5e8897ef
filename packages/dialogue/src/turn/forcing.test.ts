import { createKeywordParser } from '../testing/keyword-parser.js';
import { createTestDialogue } from '../testing/test-bot.js';

const nlu = createKeywordParser({
  intents: [
    { intent: 'help', keywords: ['help'] },
    { intent: 'book', keywords: ['book'] },
  ],
});

function make() {
  return createTestDialogue({
    nlu,
    settings: { dialogue: { welcomeIntentId: 'welcome' } },
    entities: [
      { name: 'city', values: [{ value: 'Paris', synonyms: ['paname'] }] },
      { name: 'order_id', patterns: ['ORD-\\d{3}'] },
      { name: 'code' },
    ],
    intents: [
      { intentId: 'welcome', name: 'Welcome', responses: ['Welcome!'] },
      {
        intentId: 'help',
        name: 'Help',
        responses: ['What shall I do?'],
        quickReplies: [{ title: 'Book Paris', payload: '/book{"city":"Paris"}' }],
      },
      {
        intentId: 'book',
        name: 'Book',
        parameters: [
          { name: 'city', entity: 'city', prompt: 'Which city?' },
          { name: 'nights', entity: 'sys.number', required: false },
          { name: 'order', entity: 'order_id', required: false },
          { name: 'code', entity: 'code', required: false },
        ],
        responses: [
          'Booked {{parameters.city}} {{parameters.nights}} {{parameters.order}} {{parameters.code}}',
        ],
      },
    ],
  });
}

describe('forced intents from end users (forcing: offered)', () => {
  it('reads a forced intent the bot did not offer as ordinary text', async () => {
    const { say, turns } = make();
    const reply = await say('/book{"city":"Paris"}', {}, 't-1', 'offered');
    expect(reply.messages).toEqual([{ text: 'Which city?' }]);
    expect(reply.parameters).toEqual({});
    expect(turns.list('bot-1', 't-1')[0]?.error).toMatch(/refused: the bot did not offer it/);
  });

  it('accepts exactly a payload the bot offered in this thread, and not in another', async () => {
    const { say } = make();
    await say('help', {}, 't-1', 'offered');
    const reply = await say('/book{"city":"Paris"}', {}, 't-1', 'offered');
    expect(reply.messages).toEqual([{ text: 'Booked Paris' }]);
    const elsewhere = await say('/book{"city":"Paris"}', {}, 't-2', 'offered');
    expect(elsewhere.messages).toEqual([{ text: 'Which city?' }]);
    const edited = await say('/book{"city":"Paris","nights":9}', {}, 't-1', 'offered');
    expect(edited.parameters).toEqual({});
  });

  it('always lets the welcome intent be forced without parameters, and by event', async () => {
    const { say, dialogue } = make();
    expect((await say('/welcome', {}, 't-1', 'offered')).messages).toEqual([{ text: 'Welcome!' }]);
    const opened = await dialogue.handleMessage({
      botId: 'bot-1',
      threadId: 't-3',
      text: '',
      event: 'welcome',
      channel: 'widget',
    });
    expect(opened.ok && opened.reply.messages).toEqual([{ text: 'Welcome!' }]);
  });
});

describe('forced parameter values are checked like extracted ones', () => {
  it('resolves synonyms and system entities, and refuses what is not the entity', async () => {
    const { say, turns } = make();
    const ok = await say('/book{"city":"paname","nights":"three","order":"ORD-123"}');
    expect(ok.parameters).toEqual({ city: 'Paris', nights: 3, order: 'ORD-123' });

    const bad = await say('/book{"city":"Oslo","nights":"lots","order":"ORD-1&x=y"}');
    expect(bad.messages).toEqual([{ text: 'Which city?' }]);
    expect(bad.parameters).toEqual({});
    const error = turns.list('bot-1', 't-1')[1]?.error ?? '';
    expect(error).toMatch(/refused city: "Oslo" is not a city/);
    expect(error).toMatch(/refused nights/);
    expect(error).toMatch(/refused order/);
  });

  it('takes one line of text for an entity learnt from annotations only, nothing else', async () => {
    const { say } = make();
    const object = await say('/book{"city":"Paris","code":{"$gt":""}}');
    expect(object.parameters).toEqual({ city: 'Paris' });
    const multiline = await say('/book{"city":"Paris","code":"A\\r\\nX-Evil: 1"}');
    expect(multiline.parameters).toEqual({ city: 'Paris' });
    const line = await say('/book{"city":"Paris","code":"../../admin"}');
    expect(line.parameters).toEqual({ city: 'Paris', code: '../../admin' });
  });
});
