import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** Porter stem of a folded English token, cached: the same words recur in every message. */
export function stem(token: string): string {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  const result = /^[a-z]{3,}$/.test(token) ? PorterStemmer.stem(token) : token;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, result);
  return result;
}
