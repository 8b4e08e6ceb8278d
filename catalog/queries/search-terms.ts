/**
 * What the search index holds beyond the base columns, per product (table product_search_terms, copied into
 * product_search by triggers): every language's names and keywords, descriptions and the category's texts, and the
 * *terms* — the stems of the names, keywords and category names in their own language, plus the parts of German
 * compounds — so that "Kugelhähne" meets "Kugelhahn" and "Dichtungen" meets "Gleitringdichtung".
 *
 * Why decompounding against the catalog's own vocabulary: a compound is split only where both sides (or at least
 * the head, the last part, which carries the meaning in German) are words the catalog itself uses, stemmed by the
 * Snowball stemmer. No word list of ours, so a catalog of valves splits "Absperrklappe" as well as a catalog of
 * seals splits "Gleitringdichtung"; the same splitter runs on the buyer's words at query time (catalog/queries/
 * search.ts) with the index as the vocabulary.
 */
import type Database from "better-sqlite3";
import { createNameGloss } from "./glossary.ts";
import { foldWord, readCatalogLanguages, stemWord, wordsIn } from "./language.ts";

/** Languages whose words are split into compound parts. */
export const COMPOUNDING_LANGUAGES = new Set(["de"]);
/** Shortest modifier and shortest head of a compound ("O-Ring" aside, parts shorter than this are noise). */
const MIN_PART = 3;
const MIN_HEAD = 4;
const MAX_DEPTH = 3;

export interface Decompounder {
  /** The language whose compounds it splits. */
  lang: string;
  /**
   * The stems of the parts of `word` (lower case), the head last; [] when it is not a compound of known words. A head
   * alone when only the end of the word is a known word (its modifier unknown).
   */
  parts(word: string): string[];
  /** For a head alone (`parts` of one stem): how many letters come before it (the unknown modifier); else 0. */
  modifierLength(word: string): number;
}

/**
 * Splits compounds of `lang` into known words. `known(stem)` says whether a stem is a word of the vocabulary.
 * The longest known head wins; the modifier is split again when it is not a known word itself. When the modifier
 * cannot be explained, the head alone is returned (it still tells what the thing is).
 */
export function createDecompounder(lang: string, known: (stem: string) => boolean): Decompounder {
  const memo = new Map<string, string[]>();
  const headAt = new Map<string, number>();
  /** The form of `part` the vocabulary knows (its stem first), or undefined. */
  const resolve = (part: string): string | undefined => {
    const stem = stemWord(lang, part);
    return known(stem) ? stem : stem !== part && known(part) ? part : undefined;
  };
  function split(word: string, depth: number): string[] | undefined {
    for (let i = MIN_PART; i <= word.length - MIN_HEAD; i++) {
      const head = resolve(word.slice(i));
      if (!head) continue;
      const left = word.slice(0, i);
      const leftKnown = resolve(left);
      if (leftKnown) return [leftKnown, head];
      const inner = depth < MAX_DEPTH ? split(left, depth + 1) : undefined;
      if (inner) return [...inner, head];
    }
    return undefined;
  }
  return {
    lang,
    parts(word) {
      const hit = memo.get(word);
      if (hit) return hit;
      let out: string[] = [];
      if (/^\p{L}+$/u.test(word) && word.length >= MIN_PART + MIN_HEAD) {
        out = split(word, 0) ?? [];
        if (out.length === 0) {
          for (let i = MIN_PART; i <= word.length - MIN_HEAD; i++) {
            const head = resolve(word.slice(i));
            if (head) {
              out = [head];
              headAt.set(word, i);
              break;
            }
          }
        }
      }
      if (memo.size > 100_000) memo.clear(), headAt.clear();
      memo.set(word, out);
      return out;
    },
    modifierLength(word) {
      return this.parts(word).length === 1 ? (headAt.get(word) ?? 0) : 0;
    },
  };
}

/** The stems and compound parts of `text` in `lang`, added to `out` (words the index holds anyway are skipped). */
export function addTerms(lang: string, text: string, out: Set<string>, splitter?: Decompounder): void {
  for (const w of wordsIn(text)) {
    if (w.length < MIN_PART || /\d/.test(w)) continue;
    const stem = stemWord(lang, w);
    if (stem !== w) out.add(stem);
    if (splitter) for (const p of splitter.parts(w)) out.add(p);
  }
}

interface TextRow {
  key: string;
  lang: string;
  name: string | null;
  description: string | null;
  keywords: string;
}

const keywordsOf = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
};

/**
 * The words of `lang` the catalog uses in names, keywords, category names and synonyms, as stems: the vocabulary
 * compounds are split against.
 */
function vocabularyStems(sqlite: Database.Database, lang: string, isDefault: boolean): Set<string> {
  const stems = new Set<string>();
  const add = (text: string | null) => {
    if (!text) return;
    for (const w of wordsIn(text)) if (w.length >= MIN_PART && !/\d/.test(w)) stems.add(stemWord(lang, w));
  };
  const texts = (table: string) =>
    sqlite.prepare(`SELECT name, keywords FROM ${table} WHERE lang = ?`).iterate(lang) as Iterable<{
      name: string | null;
      keywords: string;
    }>;
  for (const r of texts("product_texts")) add(`${r.name ?? ""} ${keywordsOf(r.keywords).join(" ")}`);
  for (const r of texts("category_texts")) add(`${r.name ?? ""} ${keywordsOf(r.keywords).join(" ")}`);
  if (isDefault) {
    for (const r of sqlite.prepare("SELECT name FROM products").iterate() as Iterable<{ name: string }>) add(r.name);
    for (const r of sqlite.prepare("SELECT name FROM categories").iterate() as Iterable<{ name: string }>) add(r.name);
  }
  for (const r of sqlite.prepare("SELECT term, synonyms FROM synonyms WHERE lang = ?").iterate(lang) as Iterable<{
    term: string;
    synonyms: string;
  }>)
    add(`${r.term} ${keywordsOf(r.synonyms).join(" ")}`);
  return stems;
}

/**
 * Recomputes product_search_terms for `skus` (every product when omitted). Triggers copy each row into the search
 * index; a caller rewriting the whole catalog suspends them and rebuilds the index once (rebuildSearchIndex).
 */
export function writeSearchTerms(sqlite: Database.Database, skus?: readonly string[]): void {
  const { defaultLanguage, languages } = readCatalogLanguages(sqlite);
  const splitters = new Map<string, Decompounder>();
  for (const lang of languages) {
    if (!COMPOUNDING_LANGUAGES.has(lang)) continue;
    const vocab = vocabularyStems(sqlite, lang, lang === defaultLanguage);
    splitters.set(
      lang,
      createDecompounder(lang, (s) => vocab.has(s)),
    );
  }

  const categoryTexts = new Map<string, TextRow[]>();
  for (const r of sqlite
    .prepare("SELECT code AS key, lang, name, description, keywords FROM category_texts")
    .all() as TextRow[]) {
    let list = categoryTexts.get(r.key);
    if (!list) categoryTexts.set(r.key, (list = []));
    list.push(r);
  }
  const categoryNames = new Map(
    (sqlite.prepare("SELECT code, name FROM categories").all() as { code: string; name: string }[]).map((c) => [
      c.code,
      c.name,
    ]),
  );

  const upsert = sqlite.prepare(
    "INSERT INTO product_search_terms (sku, names, texts, terms) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT (sku) DO UPDATE SET names = excluded.names, texts = excluded.texts, terms = excluded.terms",
  );
  const productTexts = sqlite.prepare(
    "SELECT sku AS key, lang, name, description, keywords FROM product_texts WHERE sku = ?",
  );
  const allTexts = sqlite.prepare(
    "SELECT sku AS key, lang, name, description, keywords FROM product_texts ORDER BY sku",
  );
  const products = skus
    ? sqlite.prepare(
        "SELECT sku, name, category FROM products WHERE sku IN (SELECT value FROM json_each(?)) ORDER BY sku",
      )
    : sqlite.prepare("SELECT sku, name, category FROM products ORDER BY sku");

  // Both lists in SKU order: one merge pass instead of a look-up per product on a full rebuild. Read whole, not
  // iterated: better-sqlite3 cannot write while a statement is still stepping.
  const all = skus ? undefined : (allTexts.all() as TextRow[]);
  let next = 0;
  const textsOf = (sku: string): TextRow[] => {
    if (!all) return productTexts.all(sku) as TextRow[];
    const out: TextRow[] = [];
    while (next < all.length && all[next]!.key < sku) next++;
    while (next < all.length && all[next]!.key === sku) out.push(all[next++]!);
    return out;
  };

  const categoryTerms = new Map<string, string[]>();
  const termsOfCategory = (code: string): string[] => {
    let hit = categoryTerms.get(code);
    if (!hit) {
      const set = new Set<string>();
      addTerms(defaultLanguage, categoryNames.get(code) ?? "", set, splitters.get(defaultLanguage));
      for (const t of categoryTexts.get(code) ?? [])
        addTerms(t.lang, `${t.name ?? ""} ${keywordsOf(t.keywords).join(" ")}`, set, splitters.get(t.lang));
      categoryTerms.set(code, (hit = [...set]));
    }
    return hit;
  };

  const rows = (skus ? products.all(JSON.stringify(skus)) : products.all()) as {
    sku: string;
    name: string;
    category: string;
  }[];
  for (const p of rows) {
    const texts = textsOf(p.sku);
    const terms = new Set<string>(termsOfCategory(p.category));
    addTerms(defaultLanguage, p.name, terms, splitters.get(defaultLanguage));
    const names: string[] = [];
    const descriptions: string[] = [];
    for (const t of texts) {
      const keywords = keywordsOf(t.keywords).join(" ");
      if (t.name) names.push(t.name);
      if (keywords) names.push(keywords);
      if (t.description) descriptions.push(t.description);
      addTerms(t.lang, `${t.name ?? ""} ${keywords}`, terms, splitters.get(t.lang));
    }
    for (const t of categoryTexts.get(p.category) ?? [])
      descriptions.push([t.name, keywordsOf(t.keywords).join(" "), t.description].filter(Boolean).join(" "));
    // A catalog language this product has no name in (a shop that translated part of its range): the built-in
    // glossary's words of that language for the names it has stand in ("VHM-Kompressionsfräser" → compression,
    // cutter), so that language's words find it as they find its translated neighbours.
    const named = [defaultLanguage, ...texts.filter((t) => t.name).map((t) => t.lang)];
    const lacking = languages.filter((l) => !named.includes(l));
    if (lacking.length > 0) {
      const gloss = createNameGloss(named);
      const words = gloss?.words([p.name, ...texts.map((t) => t.name ?? "")].join(" · ")) ?? [];
      if (words.length > 0) {
        names.push(words.join(" "));
        for (const lang of lacking) addTerms(lang, words.join(" "), terms, splitters.get(lang));
      }
    }
    // Names are stored folded (lower case, no accents): they only rank hits (catalog/queries/search-text.ts), and a
    // folded copy saves that work per candidate at query time.
    upsert.run(p.sku, foldWord(names.join(" · ")), descriptions.join(" · "), [...terms].join(" "));
  }
}

/**
 * Runs `fn` with the triggers on `tables` dropped and restores them afterwards (DDL is transactional: call inside a
 * transaction, and a failure leaves them intact). For wholesale rewrites that rebuild the search index once.
 */
export function withTriggersSuspended(sqlite: Database.Database, tables: readonly string[], fn: () => void): void {
  const triggers = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)) AND name LIKE 'product_search%'`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  fn();
  for (const t of triggers) sqlite.exec(t.sql);
}
