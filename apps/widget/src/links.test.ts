import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeHref, splitLinks } from './links.js';

describe('splitLinks', () => {
  it('makes http and https addresses links and keeps the rest as text', () => {
    assert.deepEqual(splitLinks('See https://shop.example/orders/1 or http://a.example.'), [
      { text: 'See ' },
      { text: 'https://shop.example/orders/1', href: 'https://shop.example/orders/1' },
      { text: ' or ' },
      { text: 'http://a.example', href: 'http://a.example/' },
      { text: '.' },
    ]);
  });

  it('never makes a link of another scheme', () => {
    for (const text of [
      'javascript:alert(1)',
      'click javascript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
      'vbscript:msgbox(1)',
      '<a href="javascript:alert(1)">x</a>',
    ])
      assert.ok(
        splitLinks(text).every((part) => part.href === undefined),
        text,
      );
  });

  it('keeps markup as plain text around a link', () => {
    const parts = splitLinks('<img src=x onerror=alert(1)> https://ok.example/"onmouseover=x');
    assert.equal(parts[0]?.text, '<img src=x onerror=alert(1)> ');
    assert.equal(parts[1]?.href, 'https://ok.example/');
  });

  it('keeps a closing parenthesis that belongs to the address', () => {
    const parts = splitLinks('(see https://en.wikipedia.org/wiki/Bot_(disambiguation))');
    assert.equal(parts[1]?.href, 'https://en.wikipedia.org/wiki/Bot_(disambiguation)');
    assert.equal(parts[2]?.text, ')');
  });
});

describe('safeHref', () => {
  it('accepts absolute http(s) URLs only', () => {
    assert.equal(safeHref('https://x.example/a?b=c'), 'https://x.example/a?b=c');
    assert.equal(safeHref('JaVaScRiPt:alert(1)'), null);
    assert.equal(safeHref('/relative'), null);
    assert.equal(safeHref('mailto:a@b.example'), null);
  });
});
