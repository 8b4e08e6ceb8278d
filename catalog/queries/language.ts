/**
 * Languages of the catalog: the buyer's locale reduced to a catalog language, the catalog's default language, and
 * the stemmers that make plural and inflected forms meet (Snowball stemmers as shipped by nlp.js's language
 * packages). A language without a stemmer here is still indexed and searched, word for word.
 */
import type Database from "better-sqlite3";
import { createRequire } from "node:module";

interface Stemmer {
  stemWord(word: string): string;
}
type StemmerClass = new () => Stemmer;

const require = createRequire(import.meta.url);
// nlp.js ships CommonJS without type declarations; only the stemmer classes are used.
const STEMMERS: Record<string, StemmerClass> = {
  de: (require("@nlpjs/lang-de") as { StemmerDe: StemmerClass }).StemmerDe,
  en: (require("@nlpjs/lang-en") as { StemmerEn: StemmerClass }).StemmerEn,
};

/** The language of catalogs that declare none (the format's base texts were English before languages existed). */
export const FALLBACK_LANGUAGE = "en";

/** "de-DE", "de_AT", "DE" → "de"; undefined for anything that is not a language tag. */
export function languageOf(locale: string | null | undefined): string | undefined {
  const m = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/i.exec(locale?.trim() ?? "");
  return m ? m[1]!.toLowerCase() : undefined;
}

const stemmers = new Map<string, Stemmer | null>();
const stemCache = new Map<string, string>();

/** True when `lang` has a stemmer (its plurals and inflections are indexed as stems). */
export function hasStemmer(lang: string): boolean {
  return lang in STEMMERS;
}

/**
 * The stem of one lower-case word in `lang` ("kugelhähne" → "kugelhahn", "couplings" → "coupl"); the word itself
 * when the language has no stemmer. Memoised: a catalog repeats its words and a buyer repeats the catalog's.
 */
export function stemWord(lang: string, word: string): string {
  const key = `${lang}\u0000${word}`;
  const hit = stemCache.get(key);
  if (hit !== undefined) return hit;
  let stemmer = stemmers.get(lang);
  if (stemmer === undefined) {
    const Class = STEMMERS[lang];
    stemmer = Class ? new Class() : null;
    stemmers.set(lang, stemmer);
  }
  const out = stemmer && /^\p{L}+$/u.test(word) ? stemmer.stemWord(word) || word : word;
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(key, out);
  return out;
}

/** Lower case without diacritics, as the search index folds words (`remove_diacritics 2`). */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Words as the search index splits them (letters and digits); lower case. */
export function wordsIn(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export interface CatalogLanguages {
  /** The language of the base texts (`products.name`, `categories.name`, configuration labels). */
  defaultLanguage: string;
  /** Every language the catalog declares or has texts in, the default first. */
  languages: string[];
}

/** The statement per connection: the languages are read on every localized read and search lexicon check. */
const declaredLanguages = new WeakMap<Database.Database, Database.Statement>();

/** The catalog's languages as stored: the declared ones, the default first (texts in other languages are rejected). */
export function readCatalogLanguages(sqlite: Database.Database): CatalogLanguages {
  let statement = declaredLanguages.get(sqlite);
  if (!statement)
    declaredLanguages.set(
      sqlite,
      (statement = sqlite.prepare("SELECT code, is_default AS isDefault FROM catalog_languages ORDER BY code")),
    );
  const declared = statement.all() as {
    code: string;
    isDefault: number;
  }[];
  const defaultLanguage = declared.find((l) => l.isDefault)?.code ?? FALLBACK_LANGUAGE;
  return {
    defaultLanguage,
    languages: [defaultLanguage, ...declared.map((l) => l.code).filter((c) => c !== defaultLanguage)],
  };
}
