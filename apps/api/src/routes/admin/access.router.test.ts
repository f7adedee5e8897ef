import request from 'supertest';
import { useTestApp } from '../../test-support/test-app.js';

describe('admin access: keys, users, login', () => {
  const t = useTestApp();

  it('creates an API key shown once, which then authenticates, until revoked', async () => {
    const created = await request(t().app)
      .post('/api/v1/admin/api-keys')
      .set('Authorization', t().admin)
      .send({ name: 'ci', role: 'viewer' })
      .expect(201);
    expect(created.body.key).toMatch(/^pk_/);
    const listed = await request(t().app)
      .get('/api/v1/admin/api-keys')
      .set('Authorization', t().admin)
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await request(t().app)
      .get('/api/v1/admin/bots')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(200);
    await request(t().app)
      .get('/api/v1/admin/api-keys')
      .set('Authorization', t().viewer)
      .expect(403);
    await request(t().app)
      .delete(`/api/v1/admin/api-keys/${created.body.id}`)
      .set('Authorization', t().admin)
      .expect(204);
    await request(t().app)
      .get('/api/v1/admin/bots')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(401);
  });

  it('logs a user in with a password and accepts the token with the user’s role', async () => {
    await request(t().app)
      .post('/api/v1/admin/users')
      .set('Authorization', t().admin)
      .send({ username: 'ann', password: 'correct horse battery', role: 'viewer' })
      .expect(201);
    const dup = await request(t().app)
      .post('/api/v1/admin/users')
      .set('Authorization', t().admin)
      .send({ username: 'ann', password: 'another long one', role: 'viewer' });
    expect(dup.status).toBe(409);
    const short = await request(t().app)
      .post('/api/v1/admin/users')
      .set('Authorization', t().admin)
      .send({ username: 'bob', password: 'short' });
    expect(short.body.errors[0]).toMatchObject({ path: 'body.password' });

    const login = await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'ann', password: 'correct horse battery' })
      .expect(200);
    expect(login.body).toMatchObject({ token: expect.any(String), role: 'viewer' });
    const token = `Bearer ${login.body.token}`;
    await request(t().app).get('/api/v1/admin/bots').set('Authorization', token).expect(200);
    await request(t().app)
      .post('/api/v1/admin/bots')
      .set('Authorization', token)
      .send({ name: 'x' })
      .expect(403);
    await request(t().app).get('/api/v1/admin/bots').set('Authorization', `${token}x`).expect(401);
  });

  it('refuses a wrong password and rate-limits guessing', async () => {
    const wrong = await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'ann', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const unknown = await request(t().app)
      .post('/api/v1/auth/login')
      .send({ username: 'nobody', password: 'nope' });
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    let last = wrong;
    for (let i = 0; i < 10; i++)
      last = await request(t().app)
        .post('/api/v1/auth/login')
        .send({ username: 'ann', password: 'nope' });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  }, 30_000);
});
