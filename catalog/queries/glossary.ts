/**
 * The built-in glossary of maintenance and spare-parts words (catalog/glossary/*.json): the same thing named in
 * several languages ("Gleitringdichtung" — "mechanical seal"). It lets a buyer search in a language the catalog has
 * no texts in: a German buyer on an English-only catalog, an English one on a German-only catalog.
 *
 * Why here and not in the catalog: a shop that imports its own texts in one language has no German words to give;
 * the glossary is general trade vocabulary, not any one catalog's. It only ever adds: for a language the catalog
 * *lacks*, each entry becomes a synonym group (the missing language's words = the catalog languages' words), so a
 * catalog with texts in the buyer's language is searched exactly as before, and an entry whose words the catalog
 * does not use expands to nothing. The merchant's own synonym list (synonyms.json of the import) comes first.
 *
 * On a German-only catalog the English buyer's words meet the catalog's German compounds, which no glossary lists
 * one by one ("Türdichtung", "Aufsteckverstärker"): the name gloss splits them at the glossary's German words and
 * gives the English words of the parts ("door seal", "amplifier"); a compound whose head the glossary does not know
 * is read by its longest known modifier ("Stehlagereinheit" → pillow block).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { COMPOUNDING_LANGUAGES, createDecompounder, type Decompounder } from "./search-terms.ts";
import { stemWord, wordsIn } from "./language.ts";

const GLOSSARY_DIR = join(import.meta.dirname, "../glossary");

/** One thing in several languages: language code → its words, the usual one first. */
const entrySchema = z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1).max(80)).min(1).max(20));
const fileSchema = z.array(entrySchema).max(20_000);
export type GlossaryEntry = z.infer<typeof entrySchema>;

let entries: GlossaryEntry[] | undefined;

/** Every glossary file's entries, read and checked once per process. */
export function glossaryEntries(): GlossaryEntry[] {
  if (entries) return entries;
  const all: GlossaryEntry[] = [];
  for (const file of readdirSync(GLOSSARY_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(GLOSSARY_DIR, file), "utf8")));
    if (!parsed.success) throw new Error(`catalog/glossary/${file}: ${z.prettifyError(parsed.error)}`);
    all.push(...parsed.data);
  }
  entries = all;
  return all;
}

/** A synonym group as the search's synonym list stores it (catalog/queries/search.ts). */
export interface GlossaryRow {
  lang: string;
  term: string;
  synonyms: string;
  category: null;
  /** Marks the group as the glossary's (a translation) rather than the merchant's. */
  glossary: true;
}

export interface Glossary {
  /** Languages the glossary speaks that the catalog has no texts in: the buyer's words in them are translated. */
  languages: string[];
  /** Synonym groups: a missing language's words, equivalent to the catalog languages' words of the same entry. */
  rows: GlossaryRow[];
  /** Splits a compound of a missing compounding language into glossary words ("Pumpendichtung" → pump·seal). */
  splitter?: Decompounder;
  /**
   * The catalog languages' phrases of the entries, by their first stem: the phrase's stems and the missing languages'
   * words of its entry (what `createNameGloss` looks up in a name).
   */
  phrases: Map<string, { stems: string[]; words: string[] }[]>;
  /**
   * The stems of the glossary's one-word terms in each catalog language that compounds ("Dichtung", "Tür"): the
   * catalog's own compounds ("Türdichtung") are split against them, so their parts meet the missing languages' words.
   */
  catalogStems: Map<string, Set<string>>;
  /** Splits a compound of the catalog's compounding language into the glossary's words ("Türdichtung" → tür·dichtung). */
  catalogSplitter?: Decompounder;
}

const cache = new Map<string, Glossary>();

let counted: GlossaryEntry[] | undefined;

/**
 * Abbreviations the trade writes after a count only ("1 NO + 1 NC" — "1 S + 1 Ö": contacts), in catalog/glossary/counted/:
 * read for a label's words, never searched — as words of their own they are "no" and a letter.
 */
function countedEntries(): GlossaryEntry[] {
  if (counted) return counted;
  const dir = join(GLOSSARY_DIR, "counted");
  const all: GlossaryEntry[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success) throw new Error(`catalog/glossary/counted/${file}: ${z.prettifyError(parsed.error)}`);
    all.push(...parsed.data);
  }
  counted = all;
  return all;
}

/** The missing languages' words for each abbreviation of `have` written after a number in `text` ("1 S" → NO). */
function countedWords(text: string, have: readonly string[], missing: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of countedEntries()) {
    const ours = missing.flatMap((l) => entry[l] ?? []);
    if (ours.length === 0) continue;
    const theirs = have.flatMap((l) => entry[l] ?? []);
    if (
      theirs.some((w) =>
        new RegExp(
          `(?<![\\p{L}\\p{N}])\\d+\\s*${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
          "u",
        ).test(text),
      )
    )
      out.push(...ours);
  }
  return out;
}

/**
 * The glossary for a catalog with texts in `catalogLanguages` (cached per language set): one pass over the entries
 * gives the search its synonym groups and compound splitter and the name gloss its phrases.
 */
export function glossaryFor(catalogLanguages: readonly string[]): Glossary {
  const key = [...catalogLanguages].sort().join(",");
  const hit = cache.get(key);
  if (hit) return hit;
  const have = new Set(catalogLanguages);
  const rows: GlossaryRow[] = [];
  const missing = new Set<string>();
  const stems = new Map<string, Set<string>>();
  const phrases = new Map<string, { stems: string[]; words: string[] }[]>();
  const catalogStems = new Map<string, Set<string>>();
  for (const entry of glossaryEntries()) {
    const langs = Object.entries(entry);
    const theirs = langs.filter(([lang]) => have.has(lang)).flatMap(([, words]) => words);
    const ours = langs.filter(([lang]) => !have.has(lang)).flatMap(([, words]) => words);
    if (theirs.length === 0 || ours.length === 0) continue;
    for (const [lang, words] of langs) {
      if (have.has(lang)) {
        for (const phrase of words) {
          const phraseStems = wordsIn(phrase).map((w) => stemWord(lang, w));
          if (phraseStems.length === 0) continue;
          if (phraseStems.length === 1 && COMPOUNDING_LANGUAGES.has(lang)) {
            let set = catalogStems.get(lang);
            if (!set) catalogStems.set(lang, (set = new Set()));
            set.add(phraseStems[0]!);
          }
          let list = phrases.get(phraseStems[0]!);
          if (!list) phrases.set(phraseStems[0]!, (list = []));
          list.push({ stems: phraseStems, words: ours });
        }
        continue;
      }
      missing.add(lang);
      rows.push({
        lang,
        term: words[0]!,
        synonyms: JSON.stringify([...words.slice(1), ...theirs]),
        category: null,
        glossary: true,
      });
      let set = stems.get(lang);
      if (!set) stems.set(lang, (set = new Set()));
      for (const w of words) {
        const parts = wordsIn(w);
        if (parts.length === 1) set.add(stemWord(lang, parts[0]!));
      }
    }
  }
  const compounding = [...missing].find((l) => COMPOUNDING_LANGUAGES.has(l));
  const known = compounding ? stems.get(compounding) : undefined;
  const catalogCompounding = [...have].find((l) => COMPOUNDING_LANGUAGES.has(l) && catalogStems.has(l));
  const catalogKnown = catalogCompounding ? catalogStems.get(catalogCompounding) : undefined;
  const glossary: Glossary = {
    languages: [...missing].sort(),
    rows,
    phrases,
    catalogStems,
    ...(compounding && known ? { splitter: createDecompounder(compounding, (s) => known.has(s)) } : {}),
    ...(catalogCompounding && catalogKnown
      ? { catalogSplitter: createDecompounder(catalogCompounding, (s) => catalogKnown.has(s)) }
      : {}),
  };
  cache.set(key, glossary);
  return glossary;
}

/**
 * The glossary's words in the languages the catalog lacks for a text of the catalog: `(name)` joins them ("Sight
 * glass SGN 10 …" → "Schauglas"), `words(text)` lists them (a configuration label's: "Bore" → Kolbendurchmesser,
 * Bohrung). The phrases of an entry must stand in the text side by side (plurals and inflections meet through the
 * stemmer). Undefined when the catalog has texts in every glossary language.
 */
export interface NameGloss {
  (name: string): string;
  words(text: string): string[];
  /**
   * Where in the text's words (`wordsIn`) the glossary's phrases stand, end exclusive, with the missing languages'
   * words for each: "Taper bush 1610" → words 0–2, Spannbuchse … (the number after the phrase is the name's, as after
   * the catalog's own word).
   */
  spans(text: string): { start: number; end: number; words: string[] }[];
}

export function createNameGloss(catalogLanguages: readonly string[]): NameGloss | undefined {
  const glossary = glossaryFor(catalogLanguages);
  if (glossary.languages.length === 0) return undefined;
  const have = [...new Set(catalogLanguages)];
  const spanMemo = new Map<string, { start: number; end: number; words: string[] }[]>();
  const spans = (text: string) => {
    const hit = spanMemo.get(text);
    if (hit !== undefined) return hit;
    const out: { start: number; end: number; words: string[] }[] = [];
    const textWords = wordsIn(text);
    for (const lang of have) {
      const stems = textWords.map((w) => stemWord(lang, w));
      stems.forEach((first, i) => {
        let whole = false;
        for (const p of glossary.phrases.get(first) ?? [])
          if (p.stems.every((s, j) => stems[i + j] === s)) {
            out.push({ start: i, end: i + p.stems.length, words: p.words });
            if (p.stems.length === 1) whole = true;
          }
        // A compound of the catalog's language the glossary does not list ("Türdichtung", "Aufsteckverstärker"):
        // its parts that are glossary words, the head last, stand for it ("door seal", "amplifier").
        if (whole || lang !== glossary.catalogSplitter?.lang) return;
        const parts = [...glossary.catalogSplitter.parts(textWords[i]!)];
        // A head the glossary does not know ("Stehlagereinheit"): the longest modifier it knows tells the thing — of a
        // noun, not of an adjective ("elektronisches" is not "elektrisch").
        if (parts.length === 0 && !/(?:isch|lich|ig|bar)(?:e[mnrs]?)?$/u.test(textWords[i]!)) {
          const word = textWords[i]!;
          const known = glossary.catalogStems.get(lang);
          for (let end = word.length - 4; end >= 5 && /^\p{L}+$/u.test(word); end--) {
            const stem = stemWord(lang, word.slice(0, end));
            if (known?.has(stem)) {
              parts.push(stem);
              break;
            }
          }
        }
        const words = parts.flatMap((part) => (glossary.phrases.get(part) ?? []).filter((p) => p.stems.length === 1));
        if (words.length > 0) out.push({ start: i, end: i + 1, words: [...new Set(words.flatMap((p) => p.words))] });
      });
    }
    if (spanMemo.size > 50_000) spanMemo.clear();
    spanMemo.set(text, out);
    return out;
  };
  const words = (text: string): string[] => [
    ...new Set([...spans(text).flatMap((s) => s.words), ...countedWords(text, have, glossary.languages)]),
  ];
  return Object.assign((name: string) => words(name).join(" "), { words, spans });
}
