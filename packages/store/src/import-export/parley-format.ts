import { z } from 'zod';
import { ZBotSettings, ZEntityDefinition, ZIntentDefinition } from '@parley/domain';

export const PARLEY_FORMAT_VERSION = 1;

/** Parley's own export: versioned, lossless. */
export const ZParleyBotFile = z.object({
  format: z.literal('parley'),
  version: z.literal(PARLEY_FORMAT_VERSION),
  bot: ZBotSettings.optional(),
  intents: z.array(ZIntentDefinition),
  entities: z.array(ZEntityDefinition).default([]),
});
export type ParleyBotFile = z.infer<typeof ZParleyBotFile>;
