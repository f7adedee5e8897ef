// node-nlp ships no types; the bench uses only this much of it.
declare module 'node-nlp' {
  export class NlpManager {
    constructor(settings: Record<string, unknown>);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  }
}
