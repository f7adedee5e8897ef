import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '../../api/types';
import { addSpan, isWordAligned, pieces, shiftSpans, snapToWords } from './spans';

const tag = (text: string, word: string, name = 'city'): EntitySpan => {
  const begin = text.indexOf(word);
  return { name, value: word, begin, end: begin + word.length };
};

describe('snapToWords', () => {
  it('widens a partial selection to whole words', () => {
    const text = 'fly to San Francisco tomorrow';
    // "n Fran" selected
    expect(snapToWords(text, { begin: 9, end: 15 })).toEqual({ begin: 7, end: 20 });
  });

  it('trims spaces and punctuation at the edges', () => {
    const text = 'to Paris, please';
    expect(snapToWords(text, { begin: 2, end: 10 })).toEqual({ begin: 3, end: 8 });
  });

  it('returns null for a selection of only spaces or nothing', () => {
    expect(snapToWords('a  b', { begin: 1, end: 3 })).toBeNull();
    expect(snapToWords('abc', { begin: 1, end: 1 })).toBeNull();
  });

  it('counts an emoji as two code units before the word', () => {
    const text = '🙂 Zürich';
    const range = snapToWords(text, { begin: 4, end: 6 });
    expect(range).toEqual({ begin: 3, end: 9 });
    expect(text.slice(range!.begin, range!.end)).toBe('Zürich');
  });

  it('keeps a combining accent with its letter', () => {
    const text = 'cafe\u0301 Paris';
    // selecting just "caf" gives the whole decomposed word, accent included
    const range = snapToWords(text, { begin: 0, end: 3 });
    expect(text.slice(range!.begin, range!.end)).toBe('cafe\u0301');
    expect(range).toEqual({ begin: 0, end: 5 });
  });

  it('accepts a backwards selection', () => {
    expect(snapToWords('go to Rome', { begin: 10, end: 7 })).toEqual({ begin: 6, end: 10 });
  });
});

describe('addSpan', () => {
  const text = 'from Paris to Rome';
  it('adds a tag reading its text', () => {
    const result = addSpan(text, [], { begin: 5, end: 10 }, 'city');
    expect(result).toEqual({
      ok: true,
      spans: [{ name: 'city', value: 'Paris', begin: 5, end: 10 }],
    });
  });

  it('refuses an overlapping tag', () => {
    const spans = [tag(text, 'Paris')];
    expect(addSpan(text, spans, { begin: 8, end: 18 }, 'city')).toEqual({
      ok: false,
      reason: 'overlap',
    });
  });

  it('allows touching tags and keeps them ordered', () => {
    const spans = [tag(text, 'Rome')];
    const result = addSpan(text, spans, { begin: 5, end: 10 }, 'city');
    expect(result.ok && result.spans.map((span) => span.value)).toEqual(['Paris', 'Rome']);
  });
});

describe('shiftSpans', () => {
  const before = 'from Paris to Rome';
  const spans = [tag(before, 'Paris'), tag(before, 'Rome')];

  it('shifts tags after an edit made before them', () => {
    const after = 'flights from Paris to Rome';
    expect(shiftSpans(before, after, spans)).toEqual([tag(after, 'Paris'), tag(after, 'Rome')]);
  });

  it('keeps tags before an edit made after them', () => {
    const after = 'from Paris to Rome tomorrow';
    expect(shiftSpans(before, after, spans)).toEqual(spans);
  });

  it('drops only the tag an edit inside it touched', () => {
    const after = 'from Pxris to Rome';
    expect(shiftSpans(before, after, spans)).toEqual([tag(after, 'Rome')]);
  });

  it('drops a tag whose word an adjacent edit extended', () => {
    const after = 'from Parisian to Rome';
    expect(shiftSpans(before, after, spans)).toEqual([tag(after, 'Rome')]);
  });

  it('keeps a tag next to an inserted space', () => {
    const after = 'from Paris  to Rome';
    expect(shiftSpans(before, after, spans)).toEqual([tag(after, 'Paris'), tag(after, 'Rome')]);
  });

  it('shifts by the UTF-16 length of an inserted emoji', () => {
    const after = '✈️🙂 from Paris to Rome';
    const shifted = shiftSpans(before, after, spans);
    expect(shifted.map((span) => after.slice(span.begin, span.end))).toEqual(['Paris', 'Rome']);
    expect(shifted[0]!.begin).toBe(before.indexOf('Paris') + '✈️🙂 '.length);
  });

  it('drops a tag when a combining accent is added to its last letter', () => {
    const text = 'to Cafe now';
    const after = 'to Cafe\u0301 now';
    expect(shiftSpans(text, after, [tag(text, 'Cafe', 'place')])).toEqual([]);
  });

  it('shifts a tag after an edit that replaced an emoji with another one', () => {
    const text = '🙂 to Rome';
    const after = '😀 to Rome';
    expect(shiftSpans(text, after, [tag(text, 'Rome')])).toEqual([tag(after, 'Rome')]);
  });

  it('drops every tag when the whole text is replaced', () => {
    expect(shiftSpans(before, 'something else', spans)).toEqual([]);
  });
});

describe('isWordAligned and pieces', () => {
  it('tells word-aligned ranges', () => {
    expect(isWordAligned('to Rome', { begin: 3, end: 7 })).toBe(true);
    expect(isWordAligned('to Rome', { begin: 4, end: 7 })).toBe(false);
  });

  it('cuts text into plain and tagged pieces', () => {
    const text = 'from Paris to Rome';
    expect(
      pieces(text, [tag(text, 'Rome'), tag(text, 'Paris')]).map((piece) =>
        text.slice(piece.begin, piece.end),
      ),
    ).toEqual(['from ', 'Paris', ' to ', 'Rome']);
  });
});
