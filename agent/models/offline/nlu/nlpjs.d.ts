// @nlpjs ships CommonJS without types: the part of its surface the intent classifier uses.
declare module "@nlpjs/nlp" {
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: { intent: string; score: number }[];
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>);
    use(plugin: unknown): void;
    addLanguage(lang: string): void;
    addDocument(lang: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(lang: string, utterance: string): Promise<NlpResult>;
    /** The trained model as JSON. */
    export(minified?: boolean): string;
    /** A model exported by `export`. */
    import(data: string): void;
  }
}
declare module "@nlpjs/lang-en" {
  export const LangEn: unknown;
}
declare module "@nlpjs/lang-de" {
  export const LangDe: unknown;
}
