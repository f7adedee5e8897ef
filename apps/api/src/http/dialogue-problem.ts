import type { HandleMessageResult } from '@parley/dialogue';
import { HttpProblem } from './problem.js';

type DialogueError = Extract<HandleMessageResult, { ok: false }>['error'];

/** The problem+json for a dialogue manager's expected failure, for every route that chats. */
export function dialogueProblem(error: DialogueError, botId: string): HttpProblem {
  switch (error.code) {
    case 'BOT_NOT_FOUND':
      return HttpProblem.notFound(`Bot "${botId}"`);
    case 'CONTEXT_TOO_LARGE':
      return new HttpProblem({
        status: 413,
        code: 'CONTEXT_TOO_LARGE',
        title: 'Conversation context too large',
        detail: `${error.message}; send less context, or start a new thread.`,
        errors: [{ path: 'body.context', message: error.message }],
      });
    case 'CONVERSATION_BUSY':
      return new HttpProblem(
        {
          status: 503,
          code: 'CONVERSATION_BUSY',
          title: 'Conversation busy',
          detail: 'Too many messages at once on this thread; try again.',
        },
        { 'Retry-After': '1' },
      );
  }
}
