import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './signature.js';

const SECRET = 'app-secret';
const body = Buffer.from('{"object":"page","entry":[]}');

describe('verifySignature', () => {
  it('accepts the HMAC-SHA256 of the exact bytes, in either hex case', () => {
    expect(verifySignature(body, signBody(body, SECRET), SECRET)).toBe(true);
    expect(
      verifySignature(
        body,
        signBody(body, SECRET).toUpperCase().replace('SHA256', 'sha256'),
        SECRET,
      ),
    ).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a bare digest without the algorithm', signBody(body, SECRET).slice('sha256='.length)],
    ['a truncated digest', signBody(body, SECRET).slice(0, -2)],
    ['a SHA-1 signature', `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`],
    ['a digest made with another secret', signBody(body, 'other-secret')],
    ['a digest of other bytes', signBody(Buffer.from('{"object": "page", "entry": []}'), SECRET)],
    ['a digest made with an empty secret', signBody(body, '')],
  ])('refuses %s', (_case, header) => {
    expect(verifySignature(body, header, SECRET)).toBe(false);
  });

  it('never verifies without an app secret', () => {
    expect(verifySignature(body, signBody(body, ''), '')).toBe(false);
    expect(verifySignature(body, signBody(body, ''), undefined)).toBe(false);
  });
});
