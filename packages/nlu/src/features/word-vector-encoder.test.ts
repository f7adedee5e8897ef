import { describe, expect, it } from '@jest/globals';
import { createWordVectorEncoder, defaultEncoderFor } from './word-vector-encoder.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('the shipped word vectors', () => {
  const encoder = createWordVectorEncoder();
  const similarity = (a: string, b: string) => {
    const [x, y] = encoder.encode([a, b]);
    return dot(x!, y!);
  };

  it('names the table and its digest, and gives 256-dimensional unit vectors', () => {
    expect(encoder.id).toMatch(/^bge-static-sif-256d@[0-9a-f]{16}$/);
    expect(encoder.dimensions).toBe(256);
    const [v] = encoder.encode(['wake me up at seven']);
    expect(v!.length).toBe(256);
    expect(dot(v!, v!)).toBeCloseTo(1, 5);
  });

  it('puts a word near its synonyms, not near unrelated words', () => {
    expect(similarity('purchase', 'buy')).toBeGreaterThan(similarity('purchase', 'weather') + 0.2);
    expect(similarity('film', 'movie')).toBeGreaterThan(similarity('film', 'pizza') + 0.2);
    expect(similarity('rain', 'umbrella')).toBeGreaterThan(similarity('rain', 'keyboard') + 0.2);
  });

  it('puts a paraphrase nearer than another request sharing no words with either', () => {
    const paraphrase = similarity('book me a plane ticket', 'reserve a flight');
    expect(paraphrase).toBeGreaterThan(similarity('book me a plane ticket', 'turn down the music'));
    expect(paraphrase).toBeGreaterThan(similarity('reserve a flight', 'what is the time in tokyo'));
  });

  it('knows nothing of words outside its table: all zeros, not a guess', () => {
    const [v] = encoder.encode(['zorblat quixxel']);
    expect(Array.from(v!).every((x) => x === 0)).toBe(true);
  });

  it('is the default for English bots only', () => {
    expect(defaultEncoderFor('en')?.id).toBe(encoder.id);
    expect(defaultEncoderFor('de')).toBeNull();
  });
});
