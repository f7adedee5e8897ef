import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IntentDefinitionInput } from '@parley/domain';
import { createKeywordParser } from './testing/keyword-parser.js';
import { createTestDialogue } from './testing/test-bot.js';

const nlu = createKeywordParser({
  intents: [
    { intent: 'greet', keywords: ['hello', 'hi'] },
    { intent: 'book_flight', keywords: ['flight', 'fly'] },
    { intent: 'order_pizza', keywords: ['pizza'] },
    { intent: 'weather', keywords: ['weather'] },
    { intent: 'story', keywords: ['story'] },
    { intent: 'joke', keywords: ['joke'] },
    { intent: 'broken', keywords: ['broken'] },
    { intent: 'broken_helper', keywords: ['helper'] },
    { intent: 'help', keywords: ['help'] },
    { intent: 'whoami', keywords: ['whoami'] },
    { intent: 'leak', keywords: ['leak'] },
    { intent: 'cancel', keywords: ['cancel', 'stop'], confidence: 0.95 },
    { intent: 'open_account', keywords: ['account'], confidence: 0.7 },
    { intent: 'check_balance', keywords: ['account', 'balance'], confidence: 0.65 },
    { intent: 'greet', keywords: ['hey'], confidence: 0.4 },
  ],
  entities: { city: ['Paris', 'London', 'Rome'], size: ['small', 'medium', 'large'] },
});

const INTENTS: IntentDefinitionInput[] = [
  { intentId: 'greet', name: 'Greet', responses: ['Hello {{default context.name "there"}}!'] },
  {
    intentId: 'book_flight',
    name: 'Book a flight',
    onInterrupt: 'resume',
    parameters: [
      { name: 'from', entity: 'city', prompt: 'Where from?' },
      { name: 'to', entity: 'city', prompt: 'Where to?' },
    ],
    responses: ['Flying {{parameters.from}} to {{parameters.to}}.'],
  },
  {
    intentId: 'order_pizza',
    name: 'Order a pizza',
    onInterrupt: 'switch',
    parameters: [
      {
        name: 'size',
        entity: 'size',
        prompt: 'Which size?',
        reprompt: 'Small, medium or large?',
        maxTries: 2,
      },
      { name: 'name', prompt: 'Your name, {{default context.name "please"}}?' },
    ],
    responses: ['A {{parameters.size}} pizza for {{parameters.name}}.'],
  },
  {
    intentId: 'story',
    name: 'Story',
    responses: ['Once upon a time ### there was a bot. ###   ### The end.'],
  },
  { intentId: 'joke', name: 'Joke', responses: ['joke A', 'joke B', 'joke C'] },
  {
    intentId: 'broken',
    name: 'Broken',
    responses: ['{{#if context.x}}unclosed'],
    errorResponse: 'Oops, my bad.',
  },
  { intentId: 'broken_helper', name: 'Broken helper', responses: ['{{shout context.x}}'] },
  {
    intentId: 'help',
    name: 'Help',
    responses: ['I can book flights. ### What would you like?'],
    quickReplies: [{ title: 'Book a flight', payload: '/book_flight' }],
    buttons: [{ title: 'Docs', url: 'https://example.com/docs' }],
  },
  {
    intentId: 'whoami',
    name: 'Who am I',
    responses: ['{{context.user.name}} via {{context.via}}'],
  },
  { intentId: 'leak', name: 'Leak', responses: ['key=[{{secrets.API_KEY}}]'] },
  { intentId: 'open_account', name: 'Open an account', responses: ['Opening.'] },
  { intentId: 'check_balance', name: 'Check the balance', responses: ['Checking.'] },
  { intentId: 'cancel', name: 'Cancel', userDefined: false, responses: ['Cancelled.'] },
  {
    intentId: 'fallback',
    name: 'Fallback',
    userDefined: false,
    responses: ["Sorry, I didn't get that."],
  },
];

const make = (overrides: Partial<Parameters<typeof createTestDialogue>[0]> = {}) =>
  createTestDialogue({ intents: INTENTS, nlu, secrets: { API_KEY: 'sk-secret-1' }, ...overrides });

describe('createDialogueManager', () => {
  it('answers an intent without parameters and records the turn', async () => {
    const { say, turns } = make();
    const reply = await say('hello');
    expect(reply).toMatchObject({
      messages: [{ text: 'Hello there!' }],
      intent: { name: 'greet', confidence: 0.9 },
      complete: true,
      missingParameters: [],
      seq: 1,
    });
    expect(turns.list('bot-1', 't-1')).toEqual([
      expect.objectContaining({
        seq: 1,
        userText: 'hello',
        channel: 'test',
        intentId: 'greet',
        fellBack: false,
        error: null,
        newSession: true,
      }),
    ]);
  });

  it('reports a missing bot as a value', async () => {
    const { dialogue } = make();
    const result = await dialogue.handleMessage({
      botId: 'nope',
      threadId: 't',
      text: 'hi',
      channel: 'rest',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'BOT_NOT_FOUND', message: expect.any(String) },
    });
  });

  it('answers a message sent again with the same client id with its first reply, recording one turn', async () => {
    const { dialogue, turns } = make();
    const send = (text: string, clientMessageId: string) =>
      dialogue.handleMessage({
        botId: 'bot-1',
        threadId: 't-1',
        text,
        channel: 'widget',
        clientMessageId,
      });
    const first = await send('I want a pizza', 'c-1');
    const again = await send('I want a pizza', 'c-1');
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.reply).toMatchObject({
      seq: first.reply.seq,
      messages: first.reply.messages,
      intent: first.reply.intent,
      missingParameters: ['size', 'name'],
    });
    expect(turns.list('bot-1', 't-1')).toHaveLength(1);

    // The next message is processed (the size prompt is answered), then its retry is not.
    const next = await send('large', 'c-2');
    const nextAgain = await send('large', 'c-2');
    expect(next.ok && next.reply.messages[0]?.text).toBe('Your name, please?');
    expect(nextAgain.ok && nextAgain.reply.seq).toBe(2);
    // Without a client id, or with a new one, the same text is a new message.
    await send('large', 'c-3');
    expect(turns.list('bot-1', 't-1').map((turn) => turn.userText)).toEqual([
      'I want a pizza',
      'large',
      'large',
    ]);
  });

  describe('slot filling', () => {
    it('asks for each missing parameter in turn, then answers', async () => {
      const { say } = make();
      expect(await say('I want to fly')).toMatchObject({
        messages: [{ text: 'Where from?' }],
        complete: false,
        missingParameters: ['from', 'to'],
      });
      expect(await say('Paris')).toMatchObject({
        messages: [{ text: 'Where to?' }],
        missingParameters: ['to'],
        parameters: { from: 'Paris' },
      });
      expect(await say('London please')).toMatchObject({
        messages: [{ text: 'Flying Paris to London.' }],
        complete: true,
        missingParameters: [],
        parameters: { from: 'Paris', to: 'London' },
      });
    });

    it('fills two parameters of one type in the order they were said', async () => {
      const { say } = make();
      expect((await say('a flight from Rome to Paris')).messages).toEqual([
        { text: 'Flying Rome to Paris.' },
      ]);
    });

    it('takes the whole answer for a free-text parameter', async () => {
      const { texts } = make();
      expect(await texts('pizza', { name: 'Ann' })).toEqual(['Which size?']);
      expect(await texts('large')).toEqual(['Your name, Ann?']);
      expect(await texts('  Ann Smith ')).toEqual(['A large pizza for Ann Smith.']);
    });

    it('re-prompts an answer without the entity, then gives up and resets after maxTries', async () => {
      const { texts, conversations } = make();
      await texts('pizza');
      expect(await texts('hmm, a big one')).toEqual(['Small, medium or large?']);
      expect(await texts('the biggest')).toEqual([
        "Sorry, I still didn't get that. Let's start over.",
      ]);
      expect(conversations.peek('bot-1', 't-1')?.state.active).toBeNull();
      expect(await texts('hello')).toEqual(['Hello there!']);
    });

    it('uses the bot-wide give-up text when configured', async () => {
      const { texts } = make({ settings: { dialogue: { giveUpText: 'Let us start again.' } } });
      await texts('pizza');
      await texts('hmm');
      expect(await texts('no idea')).toEqual(['Let us start again.']);
    });

    it('cancels the active intent and its parameters', async () => {
      const { say, conversations } = make();
      await say('fly');
      await say('from Paris');
      expect(await say('stop')).toMatchObject({
        messages: [{ text: 'Cancelled.' }],
        intent: { name: 'cancel' },
        complete: true,
      });
      expect(conversations.peek('bot-1', 't-1')?.state).toMatchObject({
        active: null,
        suspended: [],
      });
      expect((await say('fly')).messages).toEqual([{ text: 'Where from?' }]);
    });
  });

  describe('the texts a bot says of its own (bot settings)', () => {
    // The built-in intents exist but say nothing of their own.
    const bare = INTENTS.map((i) =>
      i.intentId === 'cancel' || i.intentId === 'fallback' ? { ...i, responses: [] } : i,
    );

    it('says today’s English by default when the fallback and cancel intents have no responses', async () => {
      const { texts } = make({ intents: bare });
      expect(await texts('what is the meaning of life')).toEqual([
        "Sorry, I didn't understand that.",
      ]);
      expect(await texts('fly')).toEqual(['Where from?']);
      expect(await texts('stop')).toEqual(['Okay, cancelled.']);
    });

    it('says the configured fallback, cancel and prompt texts', async () => {
      const { texts } = make({
        intents: [
          ...bare,
          { intentId: 'town', name: 'Town', parameters: [{ name: 'place', entity: 'city' }] },
        ],
        nlu: createKeywordParser({
          intents: [
            { intent: 'town', keywords: ['town'] },
            { intent: 'cancel', keywords: ['stop'] },
          ],
          entities: { city: ['Paris'] },
        }),
        settings: {
          dialogue: {
            fallbackText: 'Pardon?',
            cancelText: 'Stopped.',
            promptText: 'Which {{parameter}}, {{default context.name "friend"}}?',
          },
        },
      });
      expect(await texts('gibberish')).toEqual(['Pardon?']);
      expect(await texts('town', { name: 'Ann' })).toEqual(['Which place, Ann?']);
      expect(await texts('stop')).toEqual(['Stopped.']);
    });

    it('asks with the default prompt text for a parameter without a prompt', async () => {
      const { texts } = make({
        intents: [
          { intentId: 'town', name: 'Town', parameters: [{ name: 'place', entity: 'city' }] },
        ],
        nlu: createKeywordParser({
          intents: [{ intent: 'town', keywords: ['town'] }],
          entities: {},
        }),
      });
      expect(await texts('town')).toEqual(['Please tell me the place.']);
    });

    it('asks the configured clarify question with both intents as quick replies', async () => {
      const { say } = make({
        settings: {
          nlu: { ambiguityMargin: 0.1, ambiguity: 'clarify' },
          dialogue: { clarifyText: '{{first}} or {{second}}?' },
        },
      });
      expect((await say('my account')).messages).toEqual([
        {
          text: 'Open an account or Check the balance?',
          quickReplies: [
            { title: 'Open an account', payload: '/open_account' },
            { title: 'Check the balance', payload: '/check_balance' },
          ],
        },
      ]);
    });

    it('says the error text and records why when a text setting does not render', async () => {
      const { say, turns } = make({
        settings: {
          nlu: { ambiguityMargin: 0.1, ambiguity: 'clarify' },
          dialogue: { clarifyText: '{{#if first}}unclosed' },
        },
      });
      const reply = await say('my account');
      expect(reply.messages.map((m) => m.text)).toEqual([
        'Sorry, something went wrong on my side. Please try again.',
      ]);
      expect(reply.messages[0]?.quickReplies).toHaveLength(2);
      expect(turns.list('bot-1', 't-1')[0]?.error).toMatch(/^dialogue\.clarifyText: /);
    });
  });

  describe('intent resolution', () => {
    it('lets the fallback intent answer below the threshold', async () => {
      const { say, turns } = make();
      expect(await say('what is the meaning of life')).toMatchObject({
        messages: [{ text: "Sorry, I didn't get that." }],
        intent: { name: 'fallback' },
        fellBack: true,
      });
      expect(await say('hey')).toMatchObject({
        intent: { name: 'fallback', confidence: 0.4 },
        fellBack: true,
      });
      expect(turns.list('bot-1', 't-1').map((t) => t.fellBack)).toEqual([true, true]);
    });

    it('falls back on an ambiguous message in fallback mode', async () => {
      const { say } = make({ settings: { nlu: { ambiguityMargin: 0.1, ambiguity: 'fallback' } } });
      expect(await say('my account')).toMatchObject({
        intent: { name: 'fallback' },
        fellBack: true,
      });
    });

    it('asks which intent was meant in clarify mode, and the quick reply forces it', async () => {
      const { say } = make({ settings: { nlu: { ambiguityMargin: 0.1, ambiguity: 'clarify' } } });
      const reply = await say('my account');
      expect(reply.messages).toEqual([
        {
          text: 'Did you mean "Open an account" or "Check the balance"?',
          quickReplies: [
            { title: 'Open an account', payload: '/open_account' },
            { title: 'Check the balance', payload: '/check_balance' },
          ],
        },
      ]);
      expect(reply.intent).toBeNull();
      expect((await say('/check_balance')).messages).toEqual([{ text: 'Checking.' }]);
    });

    it('forces an intent with parameters, skipping the NLU and ignoring undeclared ones', async () => {
      const { say } = make();
      const before = nlu.calls;
      const reply = await say('/book_flight{"from":"Oslo","to":"Rome","admin":true}');
      expect(reply).toMatchObject({
        messages: [{ text: 'Flying Oslo to Rome.' }],
        intent: { name: 'book_flight', confidence: 1 },
        nlu: null,
      });
      expect(reply.parameters).toEqual({ from: 'Oslo', to: 'Rome' });
      expect(nlu.calls).toBe(before);
    });

    it('forces an intent with some parameters and asks for the rest', async () => {
      const { say } = make();
      expect(await say('/book_flight{"from":"Oslo"}')).toMatchObject({
        messages: [{ text: 'Where to?' }],
        missingParameters: ['to'],
      });
      expect((await say('/book_flight{"to":"Bergen"}')).messages).toEqual([
        { text: 'Flying Oslo to Bergen.' },
      ]);
    });

    it('records a broken forced-parameter JSON but still lands on the intent', async () => {
      const { say, turns } = make();
      expect((await say('/greet{"a":}')).messages).toEqual([{ text: 'Hello there!' }]);
      expect(turns.list('bot-1', 't-1')[0]?.error).toMatch(/invalid parameters JSON/);
    });
  });

  describe('context', () => {
    it('merges context sent with messages and shows it to templates', async () => {
      const { say } = make();
      await say('hi', { user: { name: 'Zoe' }, via: 'web' });
      const reply = await say('whoami', { via: 'app' });
      expect(reply.messages).toEqual([{ text: 'Zoe via app' }]);
      expect(reply.context).toEqual({ user: { name: 'Zoe' }, via: 'app' });
    });

    it('never shows secrets to response templates', async () => {
      const { texts } = make();
      expect(await texts('leak')).toEqual(['key=[]']);
    });
  });

  describe('interruptions', () => {
    it('answers another intent and comes back to the pending question in resume mode', async () => {
      const { say } = make();
      await say('fly');
      const reply = await say('hello');
      expect(reply.messages).toEqual([{ text: 'Hello there!' }, { text: 'Where from?' }]);
      expect(reply).toMatchObject({
        intent: { name: 'greet' },
        complete: false,
        missingParameters: ['from', 'to'],
      });
      expect((await say('Paris to Rome')).messages).toEqual([{ text: 'Flying Paris to Rome.' }]);
    });

    it('resumes after an interrupting intent that itself asked questions', async () => {
      const { texts } = make();
      await texts('fly');
      await texts('from London');
      expect(await texts('pizza')).toEqual(['Which size?']);
      expect(await texts('small')).toEqual(['Your name, please?']);
      expect(await texts('Bo')).toEqual(['A small pizza for Bo.', 'Where to?']);
      expect(await texts('Rome')).toEqual(['Flying London to Rome.']);
    });

    it('drops the pending intent and switches in switch mode', async () => {
      const { say, conversations } = make();
      await say('pizza');
      expect(await say('hello')).toMatchObject({
        messages: [{ text: 'Hello there!' }],
        complete: true,
      });
      expect(conversations.peek('bot-1', 't-1')?.state.active).toBeNull();
    });
  });

  describe('responses', () => {
    it('splits a reply on ###', async () => {
      const { texts } = make();
      expect(await texts('story')).toEqual(['Once upon a time', 'there was a bot.', 'The end.']);
    });

    it('picks one response variant with the injected random source', async () => {
      expect(await make({ deps: { random: () => 0 } }).texts('joke')).toEqual(['joke A']);
      expect(await make({ deps: { random: () => 0.5 } }).texts('joke')).toEqual(['joke B']);
      expect(await make({ deps: { random: () => 0.999 } }).texts('joke')).toEqual(['joke C']);
    });

    it('puts quick replies and buttons on the last message', async () => {
      const { say } = make();
      expect((await say('help')).messages).toEqual([
        { text: 'I can book flights.' },
        {
          text: 'What would you like?',
          quickReplies: [{ title: 'Book a flight', payload: '/book_flight' }],
          buttons: [{ title: 'Docs', url: 'https://example.com/docs' }],
        },
      ]);
    });

    it('answers a template error with the intent error text and records the error', async () => {
      const { say, turns } = make();
      expect((await say('broken')).messages).toEqual([{ text: 'Oops, my bad.' }]);
      expect(turns.list('bot-1', 't-1')[0]?.error).toMatch(/response template of broken/);
    });

    it('uses the bot-wide error text when the intent has none', async () => {
      const { say, turns } = make();
      expect((await say('helper')).messages).toEqual([
        { text: 'Sorry, something went wrong on my side. Please try again.' },
      ]);
      expect(turns.list('bot-1', 't-1')[0]?.error).toMatch(/Missing helper/);
    });
  });

  describe('idle expiry', () => {
    it('starts fresh after the idle time, keeping the context by default', async () => {
      const { say, clock, turns } = make();
      await say('fly', { name: 'Ann' });
      clock.ms += 31 * 60_000;
      const reply = await say('Paris');
      expect(reply).toMatchObject({ intent: { name: 'fallback' }, context: { name: 'Ann' } });
      expect(turns.list('bot-1', 't-1').map((t) => t.newSession)).toEqual([true, true]);
    });

    it('keeps the session within the idle time', async () => {
      const { say, clock } = make();
      await say('fly');
      clock.ms += 29 * 60_000;
      expect((await say('Paris')).messages).toEqual([{ text: 'Where to?' }]);
    });

    it('drops the context on expiry when configured', async () => {
      const { say, clock } = make({
        settings: { dialogue: { keepContextOnExpiry: false, sessionIdleMinutes: 5 } },
      });
      await say('hi', { name: 'Ann' });
      clock.ms += 6 * 60_000;
      expect(await say('hi')).toMatchObject({ messages: [{ text: 'Hello there!' }], context: {} });
    });
  });
});

describe('createDialogueManager with tool calls', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url} ${req.headers['x-api-key'] ?? ''}`);
      if (req.url?.startsWith('/weather')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ temp: 21, summary: 'sunny' }));
      }
      if (req.url?.startsWith('/echo')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({ temp: 1, summary: `key ${req.headers['x-api-key']}` }),
        );
      }
      res.writeHead(500).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const weatherNlu = createKeywordParser({
    intents: [{ intent: 'weather', keywords: ['weather'] }],
    entities: { city: ['Paris', 'Rome'] },
  });
  const weather = (path: string, allow = true) =>
    createTestDialogue({
      nlu: weatherNlu,
      secrets: { API_KEY: 'sk-secret-1' },
      settings: { toolCalls: { allowPrivateNetworks: allow } },
      intents: [
        {
          intentId: 'weather',
          name: 'Weather',
          parameters: [{ name: 'city', entity: 'city', prompt: 'Which city?' }],
          toolCall: {
            url: `${base}${path}?city={{urlencode parameters.city}}&key={{secrets.API_KEY}}`,
            headers: [{ name: 'x-api-key', value: '{{secrets.API_KEY}}' }],
          },
          responses: [
            '{{formatNumber result.temp}}° and {{result.summary}} in {{parameters.city}}.',
          ],
          errorResponse: 'The weather service is down.',
        },
      ],
    });

  it('runs the tool call once parameters are complete and renders its result', async () => {
    const { say, turns } = weather('/weather');
    expect((await say('weather')).messages).toEqual([{ text: 'Which city?' }]);
    hits.length = 0;
    expect((await say('Rome')).messages).toEqual([{ text: '21° and sunny in Rome.' }]);
    expect(hits).toEqual(['GET /weather?city=Rome&key=sk-secret-1 sk-secret-1']);
    expect(turns.list('bot-1', 't-1')[1]?.toolCall).toMatchObject({
      method: 'GET',
      status: 200,
      ok: true,
      url: `${base}/weather?city=Rome&key=[secret]`,
    });
  });

  it('never says a secret a tool response echoes, nor logs it', async () => {
    const { say, turns } = weather('/echo');
    const reply = await say('weather in Paris');
    expect(reply.messages).toEqual([{ text: '1° and key [secret] in Paris.' }]);
    expect(JSON.stringify(turns.list('bot-1', 't-1'))).not.toContain('sk-secret-1');
  });

  it('answers a failed call with the error text and records the failure', async () => {
    const { say, turns } = weather('/down');
    expect((await say('weather in Paris')).messages).toEqual([
      { text: 'The weather service is down.' },
    ]);
    const turn = turns.list('bot-1', 't-1')[0];
    expect(turn?.toolCall).toMatchObject({ ok: false, status: 500, code: 'HTTP_STATUS' });
    expect(turn?.error).toMatch(/HTTP_STATUS/);
    expect(JSON.stringify(turn)).not.toContain('sk-secret-1');
  });

  it('refuses a private address unless the bot allows it', async () => {
    const { say, turns } = weather('/weather', false);
    expect((await say('weather in Paris')).messages).toEqual([
      { text: 'The weather service is down.' },
    ]);
    expect(turns.list('bot-1', 't-1')[0]?.toolCall).toMatchObject({
      ok: false,
      code: 'BLOCKED_ADDRESS',
    });
  });
});
