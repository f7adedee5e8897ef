/** ai-chatbot-framework's convention: `###` separates the messages of one reply. */
export const MESSAGE_SEPARATOR = '###';

/** Splits rendered text into messages, trimming each and dropping empty ones. */
export function splitMessages(text: string): string[] {
  return text
    .split(MESSAGE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
