import type { Db } from 'mongodb';
import type { z } from 'zod';
import { ZEntityDefinition, type EntityDefinition } from '@parley/domain';
import { COLLECTIONS } from '../collections.js';
import { createBotScopedRepository, type BotScopedRepository } from './bot-scoped.repository.js';

export type EntityRepository = BotScopedRepository<
  EntityDefinition,
  z.input<typeof ZEntityDefinition>
>;

export function createEntityRepository(db: Db): EntityRepository {
  return createBotScopedRepository({
    db,
    collection: COLLECTIONS.entities,
    keyField: 'name',
    schema: ZEntityDefinition,
  });
}
