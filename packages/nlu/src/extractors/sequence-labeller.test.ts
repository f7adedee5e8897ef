import { tokenize } from '../text/tokenize.js';
import { ex } from '../test-support/small-bot.js';
import { allowedTransition, spansToTags, tagsToSpans } from './bilou.js';
import { SequenceLabeller } from './sequence-labeller.js';

const TRAIN = [
  'fly from [Paris](from) to [Rome](to)',
  'a flight from [Oslo](from) to [New York](to)',
  'from [Berlin](from) to [Lisbon](to) please',
  'I need to go from [Madrid](from) to [Athens](to)',
  'book from [Vienna](from) to [Prague](to)',
  'travel from [Dublin](from) to [Los Angeles](to) tomorrow',
].map(ex);

function train(seed = 1): SequenceLabeller {
  return SequenceLabeller.train(
    TRAIN.map((e) => {
      const tokens = tokenize(e.text);
      const spans = e.entities.map((s) => ({
        entity: s.name,
        start: tokens.findIndex((t) => t.begin === s.begin),
        end: tokens.findIndex((t) => t.end === s.end) + 1,
      }));
      return {
        tokens,
        intent: 'fly',
        tags: spansToTags(tokens.length, spans),
        gazetteer: tokens.map(() => []),
      };
    }),
    { epochs: 10, seed, gazetteerDropout: 0.5 },
  );
}

describe('BILOU', () => {
  it('round-trips spans through tags', () => {
    const spans = [
      { entity: 'a', start: 0, end: 1 },
      { entity: 'b', start: 2, end: 5 },
    ];
    expect(spansToTags(6, spans)).toEqual(['U-a', 'O', 'B-b', 'I-b', 'L-b', 'O']);
    expect(tagsToSpans(spansToTags(6, spans))).toEqual(spans);
  });

  it('forbids an entity that is opened and never closed', () => {
    expect(allowedTransition('B-a', 'O')).toBe(false);
    expect(allowedTransition('B-a', 'L-a')).toBe(true);
    expect(allowedTransition('I-a', 'L-b')).toBe(false);
  });
});

describe('SequenceLabeller', () => {
  it('labels unseen values from their context', () => {
    const tokens = tokenize('from Tokyo to San Francisco');
    const spans = train().label(
      tokens,
      'fly',
      tokens.map(() => []),
    );
    expect(
      spans.map((s) => [
        s.entity,
        tokens
          .slice(s.start, s.end)
          .map((t) => t.raw)
          .join(' '),
      ]),
    ).toEqual([
      ['from', 'Tokyo'],
      ['to', 'San Francisco'],
    ]);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0);
  });

  it('finds nothing for an intent without annotated entities', () => {
    const tokens = tokenize('from Tokyo to Osaka');
    expect(
      train().label(
        tokens,
        'greet',
        tokens.map(() => []),
      ),
    ).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    expect(train(3).toArtifact()).toEqual(train(3).toArtifact());
  });
});
