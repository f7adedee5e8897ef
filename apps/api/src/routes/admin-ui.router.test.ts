import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { useTestApp } from '../test-support/test-app.js';
import { ADMIN_CSP, findAdminDist } from './admin-ui.router.js';

const dist = mkdtempSync(path.join(os.tmpdir(), 'parley-admin-dist-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><script type="module" src="/admin/assets/index-abc.js"></script>',
);
writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the admin UI at /admin', () => {
  const t = useTestApp(() => ({ adminUiDir: dist, publicUrl: 'https://bots.example' }));

  it.each(['/admin', '/admin/', '/admin/bots/default/intents', '/admin/login?next=%2Fbots'])(
    'answers %s with index.html under a CSP without inline script or eval',
    async (url) => {
      const res = await request(t().app).get(url).expect(200);
      expect(res.text).toContain('/admin/assets/index-abc.js');
      expect(res.headers['content-security-policy']).toBe(ADMIN_CSP);
      expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves hashed assets as immutable and refuses unknown ones', async () => {
    const res = await request(t().app).get('/admin/assets/index-abc.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/immutable/);
    await request(t().app).get('/admin/assets/missing.js').expect(404);
  });

  it('tells the app where the API is for this deployment', async () => {
    const res = await request(t().app).get('/admin/config.json').expect(200);
    expect(res.body).toEqual({ apiBaseUrl: '', publicUrl: 'https://bots.example' });
  });

  it('leaves the API routes alone', async () => {
    const res = await request(t().app).get('/api/v1/admin/bots').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('the admin UI when it is not built', () => {
  const t = useTestApp(() => ({ adminUiDir: null }));

  it('says how to build it', async () => {
    const res = await request(t().app).get('/admin/bots').expect(404);
    expect(res.body.code).toBe('ADMIN_NOT_BUILT');
    expect(res.body.detail).toMatch(/npm run build -w @parley\/admin/);
  });
});

describe('findAdminDist', () => {
  it('uses ADMIN_DIST_DIR when it holds index.html, and nothing otherwise', () => {
    expect(findAdminDist(dist)).toBe(dist);
    expect(findAdminDist(path.join(dist, 'assets'))).toBeNull();
  });
});
