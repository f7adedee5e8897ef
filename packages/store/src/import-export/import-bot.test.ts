import { acfOrderStatusBot } from '../testing/acf-order-status.fixture.js';
import { useTestStore } from '../test-support/test-database.js';
import { exportBot, exportBotAsAcf } from './export-bot.js';
import { importBot } from './import-bot.js';

describe('importBot', () => {
  const store = useTestStore();

  async function newBot() {
    return (await store().bots.create({ name: 'Orders' })).id;
  }

  it("imports ai-chatbot-framework's order status bot with converted templates", async () => {
    const botId = await newBot();
    const result = await importBot(store(), botId, acfOrderStatusBot());
    expect(result).toEqual({
      ok: true,
      report: { format: 'acf', intents: 4, entities: 1, warnings: [] },
    });

    const fallback = await store().intents.get(botId, 'fallback');
    expect(fallback?.responses).toEqual([
      'Sorry ### I did not get that.',
      'Sorry ### Can you say that differently?',
    ]);
    const order = await store().intents.get(botId, 'check_order_status');
    expect(order?.responses).toEqual([
      'Let me check the status of order {{parameters.order_number}} ###\n  Your order status is {{result.status}}.',
    ]);
    expect(order?.toolCall).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:18999/api/orders/status?order_id={{parameters.order_number}}',
      headers: [{ name: 'X-Shop', value: 'parley' }],
      bodyType: 'none',
    });
    expect(order?.parameters).toEqual([
      expect.objectContaining({
        name: 'order_number',
        entity: 'order_number',
        required: true,
        prompt: 'Sure ### Can you please give me your order number ?',
      }),
    ]);
    expect((await store().intents.get(botId, 'init_conversation'))?.responses).toEqual([
      'Hi {{context.username}} ### What can i do for you ?',
    ]);
  });

  it('writes nothing and lists every problem with its path when the file is wrong', async () => {
    const botId = await newBot();
    const bad = acfOrderStatusBot();
    bad.intents[3]!.trainingData[0]!.entities[0]!.end = 27;
    (bad.intents[3]!.parameters as Array<{ type: string }>)[0]!.type = 'missing_entity';
    (bad.intents[1] as { intentId: unknown }).intentId = 42;
    const result = await importBot(store(), botId, bad);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected invalid');
    expect(result.issues.map((issue) => issue.path)).toEqual(['intents[1].intentId']);

    (bad.intents[1] as { intentId: unknown }).intentId = 'cancel';
    const second = await importBot(store(), botId, bad);
    if (second.ok || second.reason !== 'invalid') throw new Error('expected invalid');
    expect(second.issues).toEqual([
      { path: 'intents[3].parameters[0].entity', message: 'unknown entity "missing_entity"' },
      {
        path: 'intents[3].trainingData[0].entities[0].value',
        message: 'span 19-27 reads "ORD11313", not "ORD113134"',
      },
    ]);
    expect(await store().intents.count(botId)).toBe(0);
  });

  it('reports templates it cannot convert without failing the import', async () => {
    const botId = await newBot();
    const file = acfOrderStatusBot();
    file.intents[1]!.speechResponse = '{% if x %}Canceled{% endif %}';
    const result = await importBot(store(), botId, file);
    expect(result.ok && result.report.warnings).toEqual([
      { path: 'intents[1].speechResponse', message: expect.stringContaining('{% … %}') },
    ]);
  });

  it('round-trips import → export → import in both formats', async () => {
    const first = await newBot();
    await importBot(store(), first, acfOrderStatusBot());
    const exported = await exportBot(store(), first);

    const second = await newBot();
    expect(await importBot(store(), second, exported)).toMatchObject({
      ok: true,
      report: { format: 'parley' },
    });
    expect(await store().intents.list(second)).toEqual(await store().intents.list(first));
    expect(await store().entities.list(second)).toEqual(await store().entities.list(first));

    const third = await newBot();
    const asAcf = await exportBotAsAcf(store(), first);
    expect(await importBot(store(), third, JSON.parse(JSON.stringify(asAcf)))).toMatchObject({
      ok: true,
    });
    expect(await store().intents.list(third)).toEqual(await store().intents.list(first));
  });

  it('never exports the LLM API key', async () => {
    const botId = (
      await store().bots.create({
        name: 'LLM',
        nlu: { pipeline: 'llm', llm: { apiKey: 'sk-secret' } },
      })
    ).id;
    expect(JSON.stringify(await exportBot(store(), botId))).not.toContain('sk-secret');
  });

  it('refuses an unknown bot and an unknown format', async () => {
    expect(await importBot(store(), 'nope', acfOrderStatusBot())).toEqual({
      ok: false,
      reason: 'bot-not-found',
    });
    const result = await importBot(store(), await newBot(), { format: 'rasa', nlu: [] });
    expect(result.ok === false && result.reason === 'invalid' && result.issues[0]?.path).toBe(
      'format',
    );
  });
});
