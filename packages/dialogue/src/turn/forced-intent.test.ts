import { parseForcedIntent } from './forced-intent.js';

describe('parseForcedIntent', () => {
  it.each([
    ['/greet', { intentId: 'greet', parameters: {} }],
    ['  /order_status ', { intentId: 'order_status', parameters: {} }],
    [
      '/book{"city":"Paris","nights":2}',
      { intentId: 'book', parameters: { city: 'Paris', nights: 2 } },
    ],
    ['/book {"city": "Rome"}', { intentId: 'book', parameters: { city: 'Rome' } }],
  ])('reads %s', (text, expected) => {
    expect(parseForcedIntent(text)).toEqual(expected);
  });

  it.each(['hello', '/ greet', 'please /greet', '/1abc', '/greet extra words', ''])(
    'treats %p as ordinary text',
    (text) => {
      expect(parseForcedIntent(text)).toBeNull();
    },
  );

  it('still forces the intent when the JSON is broken, reporting why', () => {
    const forced = parseForcedIntent('/book{"city":}');
    expect(forced).toMatchObject({ intentId: 'book', parameters: {} });
    expect(forced?.error).toMatch(/invalid parameters JSON/);
  });

  it('accepts an empty parameter object', () => {
    expect(parseForcedIntent('/book{}')).toEqual({ intentId: 'book', parameters: {} });
  });
});
