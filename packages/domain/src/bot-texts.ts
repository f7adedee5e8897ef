import { primaryLanguage } from './language.js';
import type { SupportedLanguage } from './language.js';

/** The texts a bot says by itself (settings of `dialogue`), each with a built-in default. */
export type BotTextName =
  'giveUpText' | 'errorText' | 'fallbackText' | 'cancelText' | 'promptText' | 'clarifyText';

type BotTexts = Record<BotTextName, string>;

/**
 * The built-in texts in every supported language; templates keep their variables
 * (`{{parameter}}`, `{{first}}`, `{{second}}`).
 */
export const BUILT_IN_TEXTS: Readonly<Record<SupportedLanguage, BotTexts>> = {
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
  nl: {
    giveUpText: 'Sorry, ik begrijp het nog steeds niet. Laten we opnieuw beginnen.',
    errorText: 'Sorry, er ging aan mijn kant iets mis. Probeer het nog eens.',
    fallbackText: 'Sorry, dat begreep ik niet.',
    cancelText: 'Oké, geannuleerd.',
    promptText: 'Geef me alsjeblieft: {{parameter}}.',
    clarifyText: 'Bedoelde je ‘{{first}}’ of ‘{{second}}’?',
  },
  sv: {
    giveUpText: 'Förlåt, jag förstår fortfarande inte. Vi börjar om från början.',
    errorText: 'Förlåt, något gick fel hos mig. Försök igen.',
    fallbackText: 'Förlåt, det förstod jag inte.',
    cancelText: 'Okej, det är avbrutet.',
    promptText: 'Ange {{parameter}}, tack.',
    clarifyText: 'Menade du ”{{first}}” eller ”{{second}}”?',
  },
  ru: {
    giveUpText: 'Извините, я всё ещё не понимаю. Давайте начнём сначала.',
    errorText: 'Извините, у меня что-то пошло не так. Попробуйте ещё раз.',
    fallbackText: 'Извините, я не понимаю.',
    cancelText: 'Хорошо, отменено.',
    promptText: 'Пожалуйста, укажите: {{parameter}}.',
    clarifyText: 'Вы имели в виду «{{first}}» или «{{second}}»?',
  },
  tr: {
    giveUpText: 'Üzgünüm, hâlâ anlayamadım. Baştan başlayalım.',
    errorText: 'Üzgünüm, benim tarafımda bir sorun oluştu. Lütfen tekrar deneyin.',
    fallbackText: 'Üzgünüm, bunu anlayamadım.',
    cancelText: 'Tamam, iptal edildi.',
    promptText: 'Lütfen şunu söyleyin: {{parameter}}.',
    clarifyText: '“{{first}}” mi yoksa “{{second}}” mi demek istediniz?',
  },
  id: {
    giveUpText: 'Maaf, saya masih belum mengerti. Mari kita mulai dari awal.',
    errorText: 'Maaf, terjadi kesalahan di pihak saya. Silakan coba lagi.',
    fallbackText: 'Maaf, saya tidak mengerti.',
    cancelText: 'Baik, dibatalkan.',
    promptText: 'Mohon sebutkan {{parameter}}.',
    clarifyText: 'Maksud Anda “{{first}}” atau “{{second}}”?',
  },
  ar: {
    giveUpText: 'عذرًا، ما زلت لا أفهم. لنبدأ من جديد.',
    errorText: 'عذرًا، حدث خطأ من جهتي. يرجى المحاولة مرة أخرى.',
    fallbackText: 'عذرًا، لم أفهم ذلك.',
    cancelText: 'حسنًا، تم الإلغاء.',
    promptText: 'من فضلك أخبرني: {{parameter}}.',
    clarifyText: 'هل تقصد «{{first}}» أم «{{second}}»؟',
  },
  ko: {
    giveUpText: '죄송합니다. 여전히 이해하지 못했어요. 처음부터 다시 시작할게요.',
    errorText: '죄송합니다. 문제가 발생했습니다. 다시 시도해 주세요.',
    fallbackText: '죄송합니다. 잘 이해하지 못했어요.',
    cancelText: '알겠습니다. 취소했어요.',
    promptText: '{{parameter}}을(를) 알려 주세요.',
    clarifyText: '“{{first}}”와(과) “{{second}}” 중 어느 것을 말씀하신 건가요?',
  },
  th: {
    giveUpText: 'ขออภัย ฉันยังไม่เข้าใจ เรามาเริ่มกันใหม่นะ',
    errorText: 'ขออภัย เกิดข้อผิดพลาดบางอย่างจากฝั่งของฉัน โปรดลองอีกครั้ง',
    fallbackText: 'ขออภัย ฉันไม่เข้าใจ',
    cancelText: 'ได้เลย ยกเลิกแล้ว',
    promptText: 'โปรดบอก{{parameter}}',
    clarifyText: 'คุณหมายถึง “{{first}}” หรือ “{{second}}”?',
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

/** The built-in texts of a language tag (English for a tag Parley does not support). */
export function builtInTexts(tag: string): BotTexts {
  const language = primaryLanguage(tag);
  return language ? BUILT_IN_TEXTS[language] : BUILT_IN_TEXTS.en;
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
