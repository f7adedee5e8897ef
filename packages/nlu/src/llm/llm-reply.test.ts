import { validateReply } from './llm-reply.js';

describe('validateReply', () => {
  it.each([
    ['plain JSON', '{"intent":"greet","entities":[],"confidence":0.9}'],
    [
      'a Markdown fence',
      'Here you go:\n```json\n{"intent":"greet","entities":[],"confidence":0.9}\n```',
    ],
    [
      'a reasoning block',
      '<think>hmm {not json}</think>{"intent":"greet","entities":[],"confidence":0.9}',
    ],
    [
      'prose around it',
      'Result: {"intent":"greet","entities":[],"confidence":0.9} hope that helps',
    ],
  ])('reads the reply from %s', (_label, content) => {
    expect(validateReply(content)).toEqual({
      ok: true,
      reply: { intent: 'greet', entities: [], confidence: 0.9 },
    });
  });

  it('tolerates a percentage, numbers as values and missing optional fields', () => {
    const result = validateReply(
      '{"intent":"book","entities":[{"type":"sys.number","value":2}],"confidence":85}',
    );
    expect(result).toEqual({
      ok: true,
      reply: {
        intent: 'book',
        entities: [{ type: 'sys.number', text: '', value: '2' }],
        confidence: 0.85,
      },
    });
    expect(validateReply('{"intent":"greet"}')).toMatchObject({
      ok: true,
      reply: { entities: [] },
    });
  });

  it.each([
    ['empty', '', 'empty'],
    ['no JSON', 'I think it is greet', 'did not contain a JSON object'],
    ['no intent', '{"entities":[]}', 'intent'],
    ['a confidence out of range', '{"intent":"greet","confidence":-1}', 'confidence'],
  ])('rejects %s, saying why', (_label, content, why) => {
    const result = validateReply(content);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(why);
  });
});
