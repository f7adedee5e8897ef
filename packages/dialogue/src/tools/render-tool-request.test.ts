import { ZToolCall } from '@parley/domain';
import { createTemplateRenderer, TemplateRenderError } from '../templates/template-renderer.js';
import { redactSecrets, renderToolRequest } from './render-tool-request.js';

const EN_UTC = { language: 'en', timeZone: 'UTC' };
const renderer = createTemplateRenderer();
const variables = {
  context: { user: 'u-1' },
  parameters: { order: 'A 42', note: 'say "hi"' },
  secrets: { API_KEY: 'k-123456' },
};

describe('renderToolRequest', () => {
  it('renders the URL, headers with secrets and a JSON body', () => {
    const toolCall = ZToolCall.parse({
      method: 'POST',
      url: 'https://api.example.com/orders/{{urlencode parameters.order}}?user={{context.user}}',
      headers: [{ name: 'authorization', value: 'Bearer {{secrets.API_KEY}}' }],
      bodyType: 'json',
      body: '{"order": "{{parameters.order}}", "note": "{{parameters.note}}"}',
    });
    expect(renderToolRequest(toolCall, variables, renderer, EN_UTC, false)).toEqual({
      method: 'POST',
      url: 'https://api.example.com/orders/A%2042?user=u-1',
      headers: { authorization: 'Bearer k-123456' },
      body: { type: 'json', value: { order: 'A 42', note: 'say "hi"' } },
      timeoutMs: 5000,
      allowPrivateNetworks: false,
    });
  });

  it('renders form pairs one by one so values may hold & and =', () => {
    const toolCall = ZToolCall.parse({
      method: 'POST',
      url: 'https://x.test/',
      bodyType: 'form',
      body: 'q={{parameters.note}} & more=1=2&order={{parameters.order}}',
    });
    const request = renderToolRequest(
      toolCall,
      { ...variables, parameters: { note: 'a&b', order: 'x=y' } },
      renderer,
      EN_UTC,
      false,
    );
    expect(request.body).toEqual({
      type: 'form',
      value: [
        ['q', 'a&b '],
        ['more', '1=2'],
        ['order', 'x=y'],
      ],
    });
  });

  it('refuses a JSON body that does not parse, and header values with line breaks', () => {
    const broken = ZToolCall.parse({
      method: 'POST',
      url: 'https://x.test/',
      bodyType: 'json',
      body: '{"a": {{parameters.order}}}',
    });
    expect(() => renderToolRequest(broken, variables, renderer, EN_UTC, false)).toThrow(
      TemplateRenderError,
    );
    const header = ZToolCall.parse({
      url: 'https://x.test/',
      headers: [{ name: 'x', value: '{{parameters.note}}' }],
    });
    const injected = { ...variables, parameters: { note: 'a\r\nHost: evil' } };
    expect(() => renderToolRequest(header, injected, renderer, EN_UTC, false)).toThrow(
      /line break/,
    );
  });
});

describe('renderToolRequest: values cannot change where the URL goes', () => {
  const render = (url: string, parameters: Record<string, string>) =>
    renderToolRequest(
      ZToolCall.parse({ url, headers: [{ name: 'x-key', value: '{{secrets.API_KEY}}' }] }),
      { ...variables, parameters },
      renderer,
      EN_UTC,
      false,
    ).url;

  it('encodes a value for the path segment it lands in', () => {
    const url = 'https://shop.test/orders/{{parameters.id}}/status';
    expect(render(url, { id: '../../admin/users?delete=all&x=' })).toBe(
      'https://shop.test/orders/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%26x%3D/status',
    );
    expect(new URL(render(url, { id: '../../admin/users?delete=all&x=' })).pathname).toBe(
      '/orders/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%26x%3D/status',
    );
    expect(() => render(url, { id: '..' })).toThrow(/not allowed as a path segment/);
    expect(() => render(url, { id: '.' })).toThrow(TemplateRenderError);
  });

  it('encodes a query value so it cannot add parameters', () => {
    const url = 'https://shop.test/status?order_id={{parameters.id}}&v=1';
    const rendered = render(url, { id: 'X1&admin=true&order_id=OTHER' });
    expect(rendered).toBe(
      'https://shop.test/status?order_id=X1%26admin%3Dtrue%26order_id%3DOTHER&v=1',
    );
    expect([...new URL(rendered).searchParams.keys()]).toEqual(['order_id', 'v']);
  });

  it('refuses values in the host, a raw value that changes the origin, and a URL without a literal origin', () => {
    expect(() => render('https://{{parameters.h}}/x', { h: 'evil.test' })).toThrow(
      /origin written out/,
    );
    expect(() => render('https://shop.test:{{parameters.h}}/x', { h: '8443' })).toThrow(
      /scheme, host or port/,
    );
    expect(() => render('https://shop.test{{parameters.h}}/x', { h: '.evil.test' })).toThrow(
      /scheme, host or port/,
    );
    expect(() => render('https://shop.test{{raw parameters.h}}/x', { h: '.evil.test' })).toThrow(
      /leaves https:\/\/shop.test/,
    );
    expect(() => render('{{parameters.base}}/x', { base: 'https://shop.test' })).toThrow(
      /origin written out/,
    );
    expect(render('https://shop.test/{{raw parameters.p}}', { p: 'a/b?c=1' })).toBe(
      'https://shop.test/a/b?c=1',
    );
  });
});

describe('redactSecrets', () => {
  it('hides secret values, plain and URL-encoded, but not tiny ones', () => {
    expect(
      redactSecrets('https://x.test/?k=k-123456&t=a%2Fb%2Fc&n=1', {
        A: 'k-123456',
        B: 'a/b/c',
        C: '1',
      }),
    ).toBe('https://x.test/?k=[secret]&t=[secret]&n=1');
  });
});
