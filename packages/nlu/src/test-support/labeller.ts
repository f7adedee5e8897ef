import type { SupportedLanguage } from '@parley/domain';
import { spansToTags } from '../extractors/bilou.js';
import type { LabellerOptions } from '../extractors/labeller-types.js';
import { SequenceLabeller } from '../extractors/sequence-labeller.js';
import { knowledgeMarks } from '../knowledge/knowledge-marks.js';
import { tokenize } from '../text/tokenize.js';
import { ex } from './small-bot.js';

/** Settings that train a labeller on a dozen sentences in a blink (the bot's are for thousands). */
const OPTIONS: Omit<LabellerOptions, 'seed'> = {
  epochs: 10,
  gazetteerDropout: 0.5,
  knowledgeDropout: 0.2,
  wordDropout: 0.2,
  l2: 0.1,
  learningRate: 0.3,
  ensemble: 2,
};

export interface LabellerBot {
  intent: string;
  language?: SupportedLanguage;
  /** Whether the labeller reads the knowledge marks (countries, cities, time words…). */
  knowledge?: boolean;
}

function marksOf(
  tokens: ReturnType<typeof tokenize>,
  { language = 'en', knowledge = false }: LabellerBot,
): string[][] {
  return knowledge ? knowledgeMarks(tokens, language) : tokens.map(() => []);
}

/** A labeller trained on sentences of one intent marked "[value](entity)". */
export function trainLabeller(
  marked: readonly string[],
  bot: LabellerBot,
  seed = 1,
): Promise<SequenceLabeller> {
  return trainLabellerOnIntents([{ bot, marked }], seed);
}

/** A labeller trained on the marked sentences of several intents (of one language). */
export function trainLabellerOnIntents(
  intents: readonly { bot: LabellerBot; marked: readonly string[] }[],
  seed = 1,
): Promise<SequenceLabeller> {
  const language = intents[0]?.bot.language ?? 'en';
  return SequenceLabeller.train(
    intents.flatMap(({ bot, marked }) =>
      marked.map(ex).map((e) => {
        const tokens = tokenize(e.text, language);
        const spans = e.entities.map((s) => ({
          entity: s.name,
          start: tokens.findIndex((t) => t.begin === s.begin),
          end: tokens.findIndex((t) => t.end === s.end) + 1,
        }));
        return {
          tokens,
          intent: bot.intent,
          tags: spansToTags(tokens.length, spans),
          gazetteer: tokens.map(() => []),
          knowledge: marksOf(tokens, bot),
        };
      }),
    ),
    { ...OPTIONS, seed, language },
  );
}

/** What `labeller` finds in `text`: [entity, the text of its span] in order. */
export function namedIn(labeller: SequenceLabeller, text: string, bot: LabellerBot): string[][] {
  const tokens = tokenize(text, bot.language ?? 'en');
  return labeller
    .label(
      tokens,
      bot.intent,
      tokens.map(() => []),
      marksOf(tokens, bot),
    )
    .map((s) => [s.entity, text.slice(tokens[s.start]!.begin, tokens[s.end - 1]!.end)]);
}
