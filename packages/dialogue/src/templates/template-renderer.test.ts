import { jest } from '@jest/globals';
import { createTemplateRenderer, TemplateRenderError } from './template-renderer.js';

const EN_UTC = { language: 'en', timeZone: 'UTC' };

describe('createTemplateRenderer', () => {
  it('renders context, parameters and result without HTML escaping', () => {
    const renderer = createTemplateRenderer();
    const text = renderer.render(
      '{{context.name}} ordered {{parameters.item}}: {{result.status}}',
      {
        context: { name: 'Ann & Bob' },
        parameters: { item: '<pizza>' },
        result: { status: 'it\'s "ready"' },
      },
      EN_UTC,
    );
    expect(text).toBe('Ann & Bob ordered <pizza>: it\'s "ready"');
  });

  it('writes objects and lists as JSON and null as nothing, never [object Object]', () => {
    const renderer = createTemplateRenderer();
    const context = { cart: { items: 2 }, tags: ['a', 'b'], none: null, n: 3, yes: true };
    expect(
      renderer.render(
        '{{context.cart}} {{context.tags}} [{{context.none}}] [{{context.missing}}] {{context.n}} {{context.yes}}',
        { context },
        EN_UTC,
      ),
    ).toBe('{"items":2} ["a","b"] [] [] 3 true');
    expect(renderer.render('{{#each context.tags}}<{{this}}>{{/each}}', { context }, EN_UTC)).toBe(
      '<a><b>',
    );
  });

  it('keeps prototype access disabled', () => {
    const renderer = createTemplateRenderer();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(
      renderer.render('[{{context.constructor.name}}][{{__proto__}}]', { context: {} }, EN_UTC),
    ).toBe('[][]');
    warn.mockRestore();
    log.mockRestore();
  });

  it('picks a random argument with the injected random source', () => {
    const renderer = createTemplateRenderer({ random: () => 0.99 });
    expect(renderer.render('{{random "a" "b" "c"}}', {}, EN_UTC)).toBe('c');
    const first = createTemplateRenderer({ random: () => 0 });
    expect(first.render('{{random "a" "b" "c"}}', {}, EN_UTC)).toBe('a');
  });

  it('falls back to a default for missing or empty values', () => {
    const renderer = createTemplateRenderer();
    expect(
      renderer.render('{{default context.name "friend"}}', { context: { name: '' } }, EN_UTC),
    ).toBe('friend');
    expect(
      renderer.render('{{default context.name "friend"}}', { context: { name: 'Zoe' } }, EN_UTC),
    ).toBe('Zoe');
  });

  it('formats dates in the bot time zone unless told otherwise', () => {
    const renderer = createTemplateRenderer();
    const vars = { parameters: { when: '2025-03-01T23:30:00Z' } };
    expect(renderer.render('{{formatDate parameters.when "date"}}', vars, EN_UTC)).toBe(
      'March 1, 2025',
    );
    expect(
      renderer.render('{{formatDate parameters.when "date"}}', vars, {
        language: 'en',
        timeZone: 'Asia/Tokyo',
      }),
    ).toBe('March 2, 2025');
    expect(renderer.render('{{formatDate parameters.when "iso"}}', vars, EN_UTC)).toBe(
      '2025-03-01T23:30:00.000Z',
    );
    expect(renderer.render('{{formatDate parameters.nope}}', vars, EN_UTC)).toBe('');
    expect(renderer.render('{{formatDate "soon"}}', vars, EN_UTC)).toBe('soon');
  });

  it('formats numbers in the bot language', () => {
    const renderer = createTemplateRenderer();
    expect(renderer.render('{{formatNumber 1234.5 decimals=2}}', {}, EN_UTC)).toBe('1,234.50');
    expect(
      renderer.render(
        '{{formatNumber 1234.5 decimals=2}}',
        {},
        { language: 'de', timeZone: 'UTC' },
      ),
    ).toBe('1.234,50');
    expect(
      renderer.render('{{formatNumber "12" style="currency" currency="EUR"}}', {}, EN_UTC),
    ).toBe('€12.00');
  });

  it('offers json, urlencode and eq', () => {
    const renderer = createTemplateRenderer();
    expect(renderer.render('{{json parameters}}', { parameters: { a: 'x"y' } }, EN_UTC)).toBe(
      '{"a":"x\\"y"}',
    );
    expect(renderer.render('q={{urlencode context.q}}', { context: { q: 'a b&c' } }, EN_UTC)).toBe(
      'q=a%20b%26c',
    );
    expect(
      renderer.render(
        '{{#if (eq context.n 2)}}two{{else}}other{{/if}}',
        { context: { n: 2 } },
        EN_UTC,
      ),
    ).toBe('two');
  });

  it('reports syntax errors and missing helpers as TemplateRenderError', () => {
    const renderer = createTemplateRenderer();
    expect(() => renderer.render('{{#if context.x}}unclosed', {}, EN_UTC)).toThrow(
      TemplateRenderError,
    );
    expect(() => renderer.render('{{shout context.x}}', { context: { x: 1 } }, EN_UTC)).toThrow(
      /Missing helper/,
    );
  });

  it('compiles a template once and reuses it', () => {
    const renderer = createTemplateRenderer({ cacheSize: 2 });
    expect(renderer.render('{{x}}', { x: 1 }, EN_UTC)).toBe('1');
    expect(renderer.render('{{x}}', { x: 2 }, EN_UTC)).toBe('2');
    expect(renderer.render('{{y}}', { y: 3 }, EN_UTC)).toBe('3');
    expect(renderer.render('{{z}}', { z: 4 }, EN_UTC)).toBe('4');
    expect(renderer.render('{{x}}', { x: 5 }, EN_UTC)).toBe('5');
  });
});

describe('createTemplateRenderer in json mode', () => {
  it('keeps a JSON body valid whatever the values hold', () => {
    const renderer = createTemplateRenderer();
    const vars = { parameters: { name: 'Ann "the \\ best"\n', tags: ['a"b'] }, context: { n: 3 } };
    const text = renderer.render(
      '{"name": "{{parameters.name}}", "n": {{context.n}}, "tags": {{json parameters.tags}}}',
      vars,
      EN_UTC,
      'json',
    );
    expect(JSON.parse(text)).toEqual({ name: 'Ann "the \\ best"\n', n: 3, tags: ['a"b'] });
  });
});
