import { z } from 'zod';
import { ZEntityDefinition } from './entity.js';
import { ZIntentDefinition } from './intent.js';

/** Everything that defines what a bot understands and says: what training and chat read. */
export const ZBotDefinition = z.object({
  intents: z.array(ZIntentDefinition),
  entities: z.array(ZEntityDefinition),
});
export type BotDefinition = z.infer<typeof ZBotDefinition>;
