import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Proof that a browser was given a thread: an HMAC of bot and thread id with a key every replica
 * reads from the database. Without it nobody can read or write another visitor's thread by
 * guessing its id.
 */
export interface ThreadTokens {
  sign(botId: string, threadId: string): string;
  verify(botId: string, threadId: string, token: string | undefined): boolean;
}

export function createThreadTokens(key: string): ThreadTokens {
  const sign = (botId: string, threadId: string) =>
    createHmac('sha256', key)
      .update(JSON.stringify(['thread', botId, threadId]))
      .digest('base64url');
  return {
    sign,
    verify(botId, threadId, token) {
      if (!token) return false;
      const expected = Buffer.from(sign(botId, threadId));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
