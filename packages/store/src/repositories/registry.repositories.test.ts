import { useTestStore } from '../test-support/test-database.js';

describe('ModelRepository', () => {
  const store = useTestStore();

  it('numbers versions per bot and finds a ready model by data hash', async () => {
    const models = store().models;
    const v1 = await models.create('bot', { dataHash: 'h1', config: { seed: 1 } });
    const v2 = await models.create('bot', { dataHash: 'h2', config: {} });
    const other = await models.create('other', { dataHash: 'h1', config: {} });
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);

    expect(await models.findReadyByHash('bot', 'h1')).toBeNull();
    await models.update('bot', v1.id, { status: 'ready', metrics: { 'intent.accuracy': 0.9 } });
    expect((await models.findReadyByHash('bot', 'h1'))?.id).toBe(v1.id);
    expect((await models.get('bot', v1.id))?.metrics).toEqual({ 'intent.accuracy': 0.9 });
    expect((await models.list('bot')).map((model) => model.version)).toEqual([2, 1]);
    expect(await models.get('other', v1.id)).toBeNull();
  });

  it('fails the pending jobs of an instance that stopped sending heartbeats, and only those', async () => {
    const models = store().models;
    const dead = await models.create('sweep', { dataHash: 'a', config: {}, instanceId: 'dead' });
    const alive = await models.create('sweep', { dataHash: 'b', config: {}, instanceId: 'alive' });
    const finished = await models.create('sweep', {
      dataHash: 'c',
      config: {},
      instanceId: 'dead',
    });
    const legacy = await models.create('sweep', { dataHash: 'd', config: {} });
    // A record from before heartbeats: no instance, no heartbeat, queued long ago.
    await store()
      .db.collection('models')
      .updateOne({ _id: legacy.id } as never, {
        $unset: { heartbeatAt: '', instanceId: '' },
        $set: { createdAt: new Date(Date.now() - 60 * 60_000) },
      });
    await models.update('sweep', dead.id, { status: 'training' });
    await models.update('sweep', finished.id, { status: 'ready' });
    await store()
      .db.collection('models')
      .updateMany(
        { _id: { $in: [dead.id, finished.id] } as never },
        {
          $set: { heartbeatAt: new Date(Date.now() - 10 * 60_000) },
        },
      );
    await models.heartbeat('alive', new Date());

    const failed = await models.failAbandoned(new Date(Date.now() - 2 * 60_000), 'instance gone');
    expect(failed.map((model) => model.id).sort()).toEqual([dead.id, legacy.id].sort());
    expect(await models.get('sweep', dead.id)).toMatchObject({
      status: 'failed',
      error: 'instance gone',
    });
    expect((await models.get('sweep', alive.id))?.status).toBe('queued');
    expect((await models.get('sweep', finished.id))?.status).toBe('ready');
    expect(await models.failAbandoned(new Date(Date.now() - 2 * 60_000), 'again')).toEqual([]);
  });

  it('gives distinct versions to concurrent registrations', async () => {
    const created = await Promise.all(
      Array.from({ length: 4 }, () => store().models.create('race', { dataHash: 'h', config: {} })),
    );
    expect(created.map((model) => model.version).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('ApiKeyRepository', () => {
  const store = useTestStore();

  it('shows a key once, stores only its hash, and verifies it until revoked', async () => {
    const { key, record } = await store().apiKeys.create({ name: 'ci', role: 'admin' });
    expect(key).toMatch(/^pk_/);
    const raw = await store().db.collection('apiKeys').findOne({});
    expect(JSON.stringify(raw)).not.toContain(key);
    expect((await store().apiKeys.verify(key))?.id).toBe(record.id);
    expect(await store().apiKeys.verify(`${key}x`)).toBeNull();
    expect(await store().apiKeys.revoke(record.id)).toBe(true);
    expect(await store().apiKeys.verify(key)).toBeNull();
  });
});

describe('IntegrationRepository', () => {
  const store = useTestStore();

  it('keeps secrets write-only and merges secret updates', async () => {
    const integrations = store().integrations;
    await integrations.upsert('bot', 'messenger', {
      settings: { pageId: '1' },
      secrets: { pageToken: 't', appSecret: 'a' },
    });
    const updated = await integrations.upsert('bot', 'messenger', { secrets: { appSecret: null } });
    expect(updated).toMatchObject({
      enabled: true,
      settings: { pageId: '1' },
      secretNames: ['pageToken'],
    });
    expect(JSON.stringify(await integrations.get('bot', 'messenger'))).not.toContain('"t"');
    expect(await integrations.getSecrets('bot', 'messenger')).toEqual({ pageToken: 't' });
  });

  it('keeps the channel status across setting changes; new secrets make it healthy again', async () => {
    const integrations = store().integrations;
    await integrations.upsert('status-bot', 'messenger', { settings: { pageId: '1' } });
    expect((await integrations.get('status-bot', 'messenger'))?.status).toEqual({
      lastEventAt: null,
      lastErrorAt: null,
      lastError: null,
      healthy: true,
    });
    const at = new Date('2026-03-01T10:00:00Z');
    await integrations.recordStatus('status-bot', 'messenger', {
      lastEventAt: at,
      lastErrorAt: at,
      lastError: 'token rejected',
      healthy: false,
    });
    await integrations.upsert('status-bot', 'messenger', { settings: { pageId: '2' } });
    expect((await integrations.get('status-bot', 'messenger'))?.status).toEqual({
      lastEventAt: at,
      lastErrorAt: at,
      lastError: 'token rejected',
      healthy: false,
    });
    await integrations.upsert('status-bot', 'messenger', { secrets: { pageAccessToken: 'new' } });
    expect((await integrations.get('status-bot', 'messenger'))?.status).toMatchObject({
      lastError: 'token rejected',
      healthy: true,
    });
    await integrations.recordStatus('nobody', 'messenger', { healthy: false });
    expect(await integrations.get('nobody', 'messenger')).toBeNull();
  });
});
