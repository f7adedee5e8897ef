import request from 'supertest';
import { SETUP_TOKEN_NAME } from './auth.router.js';
import { useTestApp } from '../test-support/test-app.js';

const PASSWORD = 'correct horse battery';

describe('login sessions are checked against the current user on every request', () => {
  const t = useTestApp();

  async function createUser(username: string, role: 'admin' | 'viewer' = 'admin') {
    const created = await request(t().app)
      .post('/api/v1/admin/users')
      .set('Authorization', t().admin)
      .send({ username, password: PASSWORD, role })
      .expect(201);
    return created.body.id as string;
  }

  async function login(username: string, password = PASSWORD) {
    const res = await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username, password })
      .expect(200);
    return `Bearer ${res.body.token as string}`;
  }

  const listBots = (auth: string) =>
    request(t().app).get('/api/v1/admin/bots').set('Authorization', auth);

  it('refuses a deleted user’s token at once, so it cannot mint an API key', async () => {
    const id = await createUser('deleted-soon');
    const token = await login('deleted-soon');
    await listBots(token).expect(200);
    await request(t().app)
      .delete(`/api/v1/admin/users/${id}`)
      .set('Authorization', t().admin)
      .expect(204);
    await listBots(token).expect(401);
    await request(t().app)
      .post('/api/v1/admin/api-keys')
      .set('Authorization', token)
      .send({ name: 'backdoor', role: 'admin' })
      .expect(401);
  });

  it('ends sessions when the role or the password changes', async () => {
    const id = await createUser('role-change');
    const before = await login('role-change');
    await request(t().app)
      .patch(`/api/v1/admin/users/${id}`)
      .set('Authorization', t().admin)
      .send({ role: 'viewer' })
      .expect(200);
    await listBots(before).expect(401);
    const asViewer = await login('role-change');
    await listBots(asViewer).expect(200);
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', asViewer)
      .send({ name: 'x' })
      .expect(403);

    await request(t().app)
      .patch(`/api/v1/admin/users/${id}`)
      .set('Authorization', t().admin)
      .send({ password: 'another long password' })
      .expect(200);
    await listBots(asViewer).expect(401);
    await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'role-change', password: PASSWORD })
      .expect(401);
    await listBots(await login('role-change', 'another long password')).expect(200);
  });

  it('logs out one session, or every session of the user', async () => {
    await createUser('two-tabs');
    const first = await login('two-tabs');
    const second = await login('two-tabs');
    await request(t().app).post('/api/v1/auth/logout').set('Authorization', first).expect(204);
    await listBots(first).expect(401);
    await listBots(second).expect(200);
    const third = await login('two-tabs');
    await request(t().app).post('/api/v1/auth/logout-all').set('Authorization', third).expect(204);
    await listBots(second).expect(401);
    await listBots(third).expect(401);
  });

  it('refuses a token with extra dot-separated parts or a changed payload', async () => {
    await createUser('dots');
    const token = await login('dots');
    await listBots(`${token}.garbage`).expect(401);
    await listBots(`${token}.`).expect(401);
    const [payload, signature] = token.slice('Bearer '.length).split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 1 })).toString(
      'base64url',
    );
    await listBots(`Bearer ${forged}.${signature}`).expect(401);
    await listBots(token).expect(200);
  });

  it('signs the admin UI in with an httpOnly cookie whose writes need the CSRF token', async () => {
    await createUser('browser');
    const res = await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'browser', password: PASSWORD, session: 'cookie' })
      .expect(200);
    expect(res.body.token).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(
      /parley_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict/,
    );
    const cookie = setCookie.split(';')[0]!;
    const csrf = res.body.csrfToken as string;

    const session = await request(t().app)
      .get('/api/v1/auth/session')
      .set('Cookie', cookie)
      .expect(200);
    expect(session.body).toMatchObject({
      user: { username: 'browser', role: 'admin' },
      csrfToken: csrf,
    });
    await request(t().app).get('/api/v1/admin/bots').set('Cookie', cookie).expect(200);

    const noCsrf = await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Cookie', cookie)
      .send({ name: 'From a forged form' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('CSRF_FAILED');
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'wrong')
      .send({ name: 'Wrong token' })
      .expect(403);
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ name: 'From the admin UI' })
      .expect(201);

    const out = await request(t().app)
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/parley_session=;.*Expires=Thu, 01 Jan 1970/);
    await request(t().app).get('/api/v1/auth/session').set('Cookie', cookie).expect(401);
  });
});

describe('first-run setup', () => {
  const t = useTestApp();

  it('creates the first admin once, with the one-time token only', async () => {
    expect((await request(t().app).get('/api/v1/auth/setup').expect(200)).body).toEqual({
      needed: true,
    });
    const { value } = await t().store.settings.issueOneTimeToken(SETUP_TOKEN_NAME, 60_000);
    const setup = (token: string, username = 'first-admin') =>
      request(t().app).post('/api/v1/auth/setup').send({ token, username, password: PASSWORD });

    const wrong = await setup('not-the-token');
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('SETUP_TOKEN_INVALID');
    const created = await setup(value).expect(201);
    expect(created.body.user).toMatchObject({ username: 'first-admin', role: 'admin' });
    const again = await setup(value, 'second-admin');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SETUP_DONE');
    expect((await request(t().app).get('/api/v1/auth/setup')).body).toEqual({ needed: false });
    await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'first-admin', password: PASSWORD })
      .expect(200);
  });
});

describe('an admin UI on another origin of the same site (ADMIN_ORIGINS)', () => {
  const t = useTestApp(() => ({ adminOrigins: ['https://admin.example.com'] }));

  it('gets CORS with credentials; other origins get none', async () => {
    const preflight = await request(t().app)
      .options('/api/v1/admin/bots')
      .set('Origin', 'https://admin.example.com')
      .set('Access-Control-Request-Method', 'PATCH')
      .expect(204);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toContain('X-CSRF-Token');
    const read = await request(t().app)
      .get('/api/v1/auth/setup')
      .set('Origin', 'https://admin.example.com');
    expect(read.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    const other = await request(t().app)
      .get('/api/v1/auth/setup')
      .set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
