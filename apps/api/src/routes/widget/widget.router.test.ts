import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';
import { publicRoutes } from '../route-group.js';
import { createWidgetRouter } from './widget.router.js';

const HASH = '0123456789ab';
const CODE = '(()=>{console.log("parley")})();';
const SHOP = 'https://shop.example';

describe('widget script and config', () => {
  const widgetDir = mkdtempSync(path.join(os.tmpdir(), 'parley-widget-'));
  const t = useTestApp((store) => ({
    routes: [
      publicRoutes((registry) =>
        createWidgetRouter({
          integrations: store.integrations,
          apiKeys: store.apiKeys,
          registry,
          widgetDir,
        }),
      ),
    ],
  }));
  let publicKey = '';

  beforeAll(async () => {
    const widget = await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/widget')
      .set('Authorization', t().admin)
      .send({
        settings: {
          allowedOrigins: [SHOP],
          title: 'Shop help',
          greeting: 'We answer at once',
          primaryColor: '#0f766e',
          position: 'bottom-left',
          language: 'fr',
        },
      })
      .expect(200);
    publicKey = widget.body.settings.publicKey;
  });
  afterAll(() => rmSync(widgetDir, { recursive: true, force: true }));

  it('says how to build the widget while it is not built (and finds it once built)', async () => {
    const res = await request(t().app).get('/widget.js').expect(404);
    expect(res.body.detail).toContain('npm run build -w @parley/widget');
  });

  it('serves the script to any page: revalidated at /widget.js, immutable at its hashed name', async () => {
    writeFileSync(path.join(widgetDir, `widget.${HASH}.js`), CODE);
    writeFileSync(
      path.join(widgetDir, 'manifest.json'),
      JSON.stringify({ file: `widget.${HASH}.js`, hash: HASH }),
    );
    const short = await request(t().app).get('/widget.js').expect(200);
    expect(short.text).toBe(CODE);
    expect(short.headers).toMatchObject({
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      etag: `"${HASH}"`,
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*',
    });
    await request(t().app).get('/widget.js').set('If-None-Match', `"${HASH}"`).expect(304);

    const hashed = await request(t().app).get(`/widget.${HASH}.js`).expect(200);
    expect(hashed.text).toBe(CODE);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const stale = await request(t().app).get('/widget.fedcba987654.js').expect(404);
    expect(stale.body.detail).toContain(`/widget.${HASH}.js`);
  });

  it('gives the look to the widget key from an allowed origin, with CORS', async () => {
    const preflight = await request(t().app)
      .options('/api/v1/bots/default/widget/config')
      .set('Origin', SHOP)
      .set('Access-Control-Request-Headers', 'x-parley-key')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SHOP);
    expect(preflight.headers['access-control-allow-headers']).toContain('X-Parley-Key');

    const res = await request(t().app)
      .get('/api/v1/bots/default/widget/config')
      .set('Origin', SHOP)
      .set('X-Parley-Key', publicKey)
      .expect(200);
    expect(res.body).toEqual({
      title: 'Shop help',
      greeting: 'We answer at once',
      primaryColor: '#0f766e',
      position: 'bottom-left',
      language: 'fr',
    });
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(JSON.stringify(res.body)).not.toContain(publicKey);
  });

  it('refuses another origin and a wrong or missing key, readably for the page', async () => {
    const config = () => request(t().app).get('/api/v1/bots/default/widget/config');
    const evil = await config()
      .set('Origin', 'https://evil.example')
      .set('X-Parley-Key', publicKey);
    expect(evil.status).toBe(403);
    expect(evil.body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(evil.headers['access-control-allow-origin']).toBe('https://evil.example');
    const wrong = await config().set('Origin', SHOP).set('X-Parley-Key', 'pub_wrong');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['access-control-allow-origin']).toBe(SHOP);
    await config().set('Origin', SHOP).expect(401);
    await config().set('Authorization', t().admin).expect(401);
  });

  it('refuses look settings the widget cannot show, naming the field', async () => {
    const res = await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/widget')
      .set('Authorization', t().admin)
      .send({ settings: { allowedOrigins: [SHOP], primaryColor: 'red', position: 'top' } })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.settings.primaryColor',
      'body.settings.position',
    ]);
  });
});
