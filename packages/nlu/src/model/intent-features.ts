import type { NluConfig } from '../config.js';
import type { ExtractionInput } from '../extractors/extractor.js';
import type { ExtractedEntity } from '../types.js';
import type { EntityModel, GazetteerView } from './entity-model.js';

/** What the intent classifier reads of a message besides its words, and what that came from. */
export interface IntentFeatures {
  /** Entity-type features ("e:city"), sorted; empty when `config.intent.entityFeatures` is off. */
  features: string[];
  /** Gazetteer marks of the message (the labeller reads them too). */
  view: GazetteerView;
  /** Lookup and regex entities of the message (parsing returns them). */
  defined: ExtractedEntity[];
}

/**
 * The entity-type features of a message: the types of the bot's known phrases (entity values,
 * synonyms and annotated values) and of its lookup and regex matches. System entities stay out,
 * or training would run the date and number recognizers over every example. Training and
 * parsing both call this, so the classifier sees at parse time the features it learnt from.
 */
export function intentFeatures(
  entityModel: EntityModel,
  input: ExtractionInput,
  config: NluConfig,
  withKnowledge = entityModel.hasLabeller,
): IntentFeatures {
  const view = entityModel.view(input.tokens, withKnowledge);
  const defined = entityModel.definedEntities(input);
  const features = config.intent.entityFeatures
    ? [...new Set([...view.entities, ...defined.map((e) => e.name)])].sort().map((e) => `e:${e}`)
    : [];
  return { features, view, defined };
}
