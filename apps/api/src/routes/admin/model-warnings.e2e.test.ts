import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { importAndTrain, useComposedApp } from '../../test-support/composed-app.js';

const annotated = (examples: string[]) =>
  examples.map((text) => {
    const match = /\[([^\]]+)\]/.exec(text)!;
    return {
      text: text.replace(/\[([^\]]+)\]/, '$1'),
      entities: [
        { name: 'city', value: match[1], begin: match.index, end: match.index + match[1]!.length },
      ],
    };
  });

const BOT = {
  intents: [
    {
      name: 'Weather',
      intentId: 'weather',
      speechResponse: 'Sunny.',
      trainingData: annotated([
        'what is the weather in [Paris]',
        'will it rain in [London] tomorrow',
        'weather forecast for [Berlin]',
        'is it sunny in [Madrid]',
      ]),
    },
    {
      name: 'Greet',
      intentId: 'greet',
      speechResponse: 'Hello!',
      trainingData: ['hello', 'hi there', 'good morning', 'hey'].map((text) => ({
        text,
        entities: [],
      })),
    },
  ],
  entities: [{ name: 'city', entity_values: [] }],
};

describe('admin parse: a model trained with other knowledge data says so', () => {
  const t = useComposedApp();

  it('lists the differing word lists in modelWarnings, and still answers', async () => {
    const { app, admin, deps, modelsDir } = t();
    await importAndTrain(t(), BOT);
    const [model] = await deps.store.models.list('default');
    expect(model).toMatchObject({ status: 'ready', error: null });
    // As if the model came from a release with an older city list (before the API loads it).
    const manifestPath = path.join(modelsDir, model!.artifactPath!, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.libraryVersions['cities-list'] = '0.0.1';
    await writeFile(manifestPath, JSON.stringify(manifest));

    const parsed = await request(app)
      .post('/api/v1/admin/bots/default/parse')
      .set('Authorization', admin)
      .send({ text: 'weather in Rome' })
      .expect(200);
    expect(parsed.body).toMatchObject({ source: 'local', intent: { name: 'weather' } });
    expect(parsed.body.modelWarnings).toEqual([
      expect.stringMatching(/cities-list 0\.0\.1, running with .*train the bot again/),
    ]);
  }, 120_000);
});
