import type { ExtractedEntity } from '../types.js';
import { resolveOverlaps } from './extractor.js';

const e = (over: Partial<ExtractedEntity>): ExtractedEntity => ({
  name: 'x',
  value: 'v',
  raw: 'r',
  begin: 0,
  end: 1,
  extractor: 'crf',
  confidence: 0.5,
  ...over,
});

describe('resolveOverlaps', () => {
  it('keeps the longest entity first', () => {
    const kept = resolveOverlaps([
      e({ name: 'short', begin: 0, end: 3, confidence: 1 }),
      e({ name: 'long', begin: 0, end: 8 }),
    ]);
    expect(kept.map((k) => k.name)).toEqual(['long']);
  });

  it('breaks length ties by confidence, then by extractor priority', () => {
    expect(
      resolveOverlaps([e({ name: 'a', confidence: 0.4 }), e({ name: 'b', confidence: 0.9 })]).map(
        (k) => k.name,
      ),
    ).toEqual(['b']);
    const tie = [e({ name: 'sys', extractor: 'system' }), e({ name: 'look', extractor: 'lookup' })];
    expect(resolveOverlaps(tie).map((k) => k.name)).toEqual(['look']);
    expect(resolveOverlaps([...tie].reverse()).map((k) => k.name)).toEqual(['look']);
  });

  it('keeps non-overlapping entities sorted by position', () => {
    const kept = resolveOverlaps([
      e({ name: 'b', begin: 5, end: 7 }),
      e({ name: 'a', begin: 0, end: 4 }),
    ]);
    expect(kept.map((k) => k.name)).toEqual(['a', 'b']);
  });
});
