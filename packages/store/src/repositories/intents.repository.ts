import type { Db } from 'mongodb';
import {
  ZIntentDefinition,
  type IntentDefinition,
  type IntentDefinitionInput,
} from '@parley/domain';
import { COLLECTIONS } from '../collections.js';
import { createBotScopedRepository, type BotScopedRepository } from './bot-scoped.repository.js';

export type IntentRepository = BotScopedRepository<IntentDefinition, IntentDefinitionInput>;

export function createIntentRepository(db: Db): IntentRepository {
  return createBotScopedRepository({
    db,
    collection: COLLECTIONS.intents,
    keyField: 'intentId',
    schema: ZIntentDefinition,
  });
}
