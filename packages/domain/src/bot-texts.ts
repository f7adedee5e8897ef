import { primaryLanguage } from './language.js';
import type { SupportedLanguage } from './language.js';

/** The texts a bot says by itself (settings of `dialogue`), each with a built-in default. */
export type BotTextName =
  'giveUpText' | 'errorText' | 'fallbackText' | 'cancelText' | 'promptText' | 'clarifyText';

type BotTexts = Record<BotTextName, string>;

/**
 * The built-in texts, in the languages Parley ships them for; templates keep their variables
 * (`{{parameter}}`, `{{first}}`, `{{second}}`). A bot in another language starts with English.
 */
export const BUILT_IN_TEXTS: Readonly<Partial<Record<SupportedLanguage, BotTexts>>> & {
  en: BotTexts;
} = {
  en: {
    giveUpText: "Sorry, I still didn't get that. Let's start over.",
    errorText: 'Sorry, something went wrong on my side. Please try again.',
    fallbackText: "Sorry, I didn't understand that.",
    cancelText: 'Okay, cancelled.',
    promptText: 'Please tell me the {{parameter}}.',
    clarifyText: 'Did you mean "{{first}}" or "{{second}}"?',
  },
  de: {
    giveUpText: 'Das habe ich leider immer noch nicht verstanden. Fangen wir von vorne an.',
    errorText: 'Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuche es noch einmal.',
    fallbackText: 'Entschuldigung, das habe ich nicht verstanden.',
    cancelText: 'Okay, abgebrochen.',
    promptText: 'Bitte nenne mir: {{parameter}}.',
    clarifyText: 'Meintest du „{{first}}“ oder „{{second}}“?',
  },
  es: {
    giveUpText: 'Lo siento, sigo sin entenderlo. Empecemos de nuevo.',
    errorText: 'Lo siento, algo ha fallado por mi parte. Inténtalo de nuevo.',
    fallbackText: 'Lo siento, no lo he entendido.',
    cancelText: 'De acuerdo, cancelado.',
    promptText: 'Por favor, dime: {{parameter}}.',
    clarifyText: '¿Querías decir «{{first}}» o «{{second}}»?',
  },
  fr: {
    giveUpText: 'Désolé, je ne comprends toujours pas. Recommençons depuis le début.',
    errorText: "Désolé, quelque chose s'est mal passé de mon côté. Veuillez réessayer.",
    fallbackText: "Désolé, je n'ai pas compris.",
    cancelText: "D'accord, c'est annulé.",
    promptText: 'Pouvez-vous me donner : {{parameter}} ?',
    clarifyText: 'Vouliez-vous dire « {{first}} » ou « {{second}} » ?',
  },
  it: {
    giveUpText: 'Mi dispiace, continuo a non capire. Ricominciamo da capo.',
    errorText: 'Mi dispiace, qualcosa è andato storto. Riprova.',
    fallbackText: 'Mi dispiace, non ho capito.',
    cancelText: 'Va bene, annullato.',
    promptText: 'Per favore, dimmi: {{parameter}}.',
    clarifyText: 'Intendevi «{{first}}» o «{{second}}»?',
  },
  pt: {
    giveUpText: 'Desculpe, continuo sem entender. Vamos começar de novo.',
    errorText: 'Desculpe, algo deu errado do meu lado. Tente novamente.',
    fallbackText: 'Desculpe, não entendi.',
    cancelText: 'Certo, cancelado.',
    promptText: 'Por favor, diga-me: {{parameter}}.',
    clarifyText: 'Você quis dizer "{{first}}" ou "{{second}}"?',
  },
  zh: {
    giveUpText: '抱歉，我还是没有明白。我们重新开始吧。',
    errorText: '抱歉，我这边出了点问题。请再试一次。',
    fallbackText: '抱歉，我没有听懂。',
    cancelText: '好的，已取消。',
    promptText: '请告诉我{{parameter}}。',
    clarifyText: '您是指“{{first}}”还是“{{second}}”？',
  },
  ja: {
    giveUpText: '申し訳ありません、まだ理解できません。最初からやり直しましょう。',
    errorText: '申し訳ありません、問題が発生しました。もう一度お試しください。',
    fallbackText: '申し訳ありません、よくわかりませんでした。',
    cancelText: 'キャンセルしました。',
    promptText: '{{parameter}}を教えてください。',
    clarifyText: '「{{first}}」と「{{second}}」のどちらですか？',
  },
};

const NAMES: readonly BotTextName[] = [
  'giveUpText',
  'errorText',
  'fallbackText',
  'cancelText',
  'promptText',
  'clarifyText',
];

/** The built-in texts of a language tag: its own where Parley ships them, else English. */
export function builtInTexts(tag: string): BotTexts {
  const language = primaryLanguage(tag);
  return (language && BUILT_IN_TEXTS[language]) || BUILT_IN_TEXTS.en;
}

/**
 * The settings with every text still at the built-in default of `previousLanguage` (English
 * for settings just parsed, whose defaults are English) in the built-in text of the bot's
 * language: a new German bot says German, and a bot whose language changes keeps the texts
 * its builder wrote and changes the ones it never touched.
 */
export function localizeBotTexts<S extends { language: string; dialogue: BotTexts }>(
  settings: S,
  previousLanguage = 'en',
): S {
  const before = builtInTexts(previousLanguage);
  const after = builtInTexts(settings.language);
  if (before === after) return settings;
  const dialogue = { ...settings.dialogue };
  for (const name of NAMES) if (dialogue[name] === before[name]) dialogue[name] = after[name];
  return { ...settings, dialogue };
}
