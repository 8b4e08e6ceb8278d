/**
 * Catalog search that works on any imported catalog: SQLite FTS5 (bm25, prefix queries) over the product text, a
 * trigram index over SKUs for partial numbers, and edit-distance candidates for typos in SKUs and words. The indexes
 * live in migration 0002_search_index and are kept in sync by triggers on `products`; `rebuildSearchIndex` repairs
 * them wholesale (e.g. after a bulk load that bypassed triggers or renamed categories).
 *
 * Why no keyword lists: every word the search understands comes from the loaded catalog's own vocabulary
 * (fts5vocab), so a catalog of valves works exactly like a catalog of pump seals.
 */
import type Database from "better-sqlite3";
import { type Glossary, glossaryFor } from "./glossary.ts";
import { foldWord, hasStemmer, languageOf, readCatalogLanguages, stemWord, wordsIn } from "./language.ts";
import {
  COMPOUNDING_LANGUAGES,
  createDecompounder,
  type Decompounder,
  withTriggersSuspended,
  writeSearchTerms,
} from "./search-terms.ts";
import {
  editDistance,
  looksLikeSku,
  sortedChars,
  substringEditDistance,
  textScore,
  tokenize,
  trigrams,
} from "./search-text.ts";
import { catalogVersionNow } from "./version.ts";

export { editDistance, looksLikeSku, stemOf, substringEditDistance, tokenize } from "./search-text.ts";

type Sqlite = Database.Database;

export interface SearchQuery {
  /** Free text, a SKU, a partial SKU or a mix ("seal FKM 32", "SL-FKM", "SLFKM-23"). */
  query: string;
  /** Category code or name; includes its direct sub-categories. */
  category?: string;
  /** Only parts that fit this machine model: parts with explicit fitment for it first, parts without any fitment list next. */
  machineModel?: string;
  /** Serial of the machine, to respect fitment serial ranges. */
  serial?: string;
  /** Default 10, at most 100. */
  limit?: number;
  /** Include `inactive` products (discontinued ones are always included: the buyer may ask for an old SKU). */
  includeInactive?: boolean;
  /**
   * The buyer's language (ISO 639-1 or a locale such as "de-DE"): hit names come in it when the catalog has them
   * (else in the default language), and its stemmer joins the catalog languages' for the buyer's words. Every
   * language's texts are searched whatever this says.
   */
  language?: string;
}

export type SearchMatch = "sku_exact" | "sku_partial" | "sku_fuzzy" | "text" | "text_fuzzy" | "browse";

export interface SearchHit {
  sku: string;
  /** In the requested language when the catalog has the product's name in it, else in the default language. */
  name: string;
  category: string;
  manufacturer: string | null;
  lifecycle: string;
  successorSku: string | null;
  /** True when the product lists the requested machine model in its fitment. */
  fitsExplicitly: boolean;
  match: SearchMatch;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

export interface CatalogSearch {
  search(q: SearchQuery): SearchHit[];
  /** Existing SKUs that look like `input` (partial or misspelt), best first. */
  suggestSkus(input: string, limit?: number): string[];
  /** The catalog word closest to `word` (itself when it is a catalog word or prefix), or undefined. */
  correctWord(word: string): string | undefined;
}

const STOPWORDS = new Set(
  (
    "a an and any are as at be but by can could do does for from have i in is it me my need of on or our please " +
    "show some that the this to want we with would you your ich ein eine einen einem einer und oder für fuer mit " +
    "von zu zum zur der die das den dem des bitte brauche brauchen haben habe wir ist sind auf aus bei"
  ).split(" "),
);

interface ProductRow {
  rowid: number;
  sku: string;
  name: string;
  category: string;
  manufacturer: string | null;
  lifecycle: string;
  successor_sku: string | null;
  fits: number;
  names?: string;
  terms?: string;
}

/** A full-text candidate as the index holds it: enough to rank it before the product row is read. */
interface IndexRow {
  rowid: number;
  sku: string;
  name: string;
  names: string;
  terms: string;
}

/** One buyer word (or synonym phrase): an FTS expression and the indexed forms that rank a hit. */
/** A phrase's query: the FTS expression, every form of its words, and the forms word by word. */
interface Phrase {
  expr: string;
  forms: string[];
  slots: string[][];
}

/**
 * Whether a product holds a group: a form of a word the buyer wrote — or, for a phrase the synonym list gave
 * ("hydraulic hose" for "hose"), its telling word(s) (`rarest`). The index query already asks for the whole phrase; a
 * fitment list read in full is checked here, or "hydraulic" alone would make a pump hold "hose".
 */
function holds(
  row: { name: string; sku: string; category?: string; names?: string; terms?: string },
  g: Group,
): boolean {
  if (!g.phrases) return textScore(row, [g.forms], true) > 0;
  if (g.own && g.own.length > 0 && textScore(row, [g.own], true) > 0) return true;
  return g.phrases.some((slots) => slots.every((forms) => textScore(row, [forms], true) > 0));
}

interface Group {
  expr: string;
  forms: string[];
  /**
   * Where the synonym list gave phrases of several words for the buyer's words: the forms of the buyer's own words,
   * and each phrase's forms word by word (a product holds the group by one of the former or all of one phrase's).
   */
  own?: string[];
  phrases?: string[][][];
  /**
   * Only a guess at the buyer's word: the nearest catalog word to one the catalog lacks ("händ" → "hand"), or a bare
   * prefix of two letters ("de" of "defrost"). With other words the catalog holds such a group is not required and
   * does not rank: a buyer's filler word neither drops the product nor pulls unrelated ones in.
   */
  weak?: boolean;
}

/** What one synonym-list entry adds to a buyer word: equivalent phrases, each optionally within a category. */
interface Expansion {
  words: string[];
  category?: string;
  /** From the built-in glossary (a translation), not the merchant's list. */
  glossary?: boolean;
}

/** The German words for a job done on a part, as the head of a compound that names the part ("Riemenwechsel"). */
const JOB_HEAD = /(?:wechsel|austausch|tausch|wartung|reparatur|instandsetzung|erneuerung)$/u;

/** The catalog's languages, synonym list and compound splitter, read once per catalog version. */
interface Lexicon {
  version: string;
  languages: string[];
  defaultLanguage: string;
  /** Folded (and stemmed) phrase → the equivalents it expands to. */
  synonyms: Map<string, Expansion[]>;
  /** Longest synonym phrase, in words (0: no synonym list). */
  maxWords: number;
  splitter?: Decompounder;
  /** The buyer's language when the query said it (`SearchQuery.language`). */
  buyer?: string;
  /** The built-in glossary for the languages the catalog has no texts in (catalog/queries/glossary.ts). */
  glossary: Glossary;
  /** How many products hold a word (in one of its forms), counted when first asked for. */
  holders: Map<string, number>;
}

/**
 * `named`: for a text match, whether the product's names or SKU hold the words (false: only its terms — the words of
 * its category, its description's compounds).
 */
type Candidate = { row: ProductRow; match: SearchMatch; score: number; named?: boolean };

/** How many full-text matches are re-scored per query (see textCandidates). */
const CANDIDATES = 100;

const PRODUCT_COLS = "p.rowid AS rowid, p.sku, p.name, p.category, p.manufacturer, p.lifecycle, p.successor_sku";

/** Accepts the drizzle handle (with `$client`) or a raw better-sqlite3 database. */
function rawOf(db: Sqlite | { $client: Sqlite }): Sqlite {
  return "$client" in db ? db.$client : db;
}

/**
 * @example
 *   const search = createCatalogSearch(db);
 *   search.search({ query: "fkm seal", machineModel: "CP-200", limit: 5 });
 *   search.suggestSkus("SL-FMK-32"); // ["SL-FKM-32"]
 */
/**
 * Whether a token may be a SKU with a typo in it: letters and digits mixed ("SLFKM-23", "VFD-1.5-40"). Words joined by
 * a hyphen ("bolt-on", "self-priming") and number ranges ("12-32", "40-200") are found as they are written, never
 * bent into a SKU one or two edits away ("bolt-on" is not MBL-BOLT-25, "12-32" not CTB-M12-25): those are language
 * and sizes, and the product words beside them say what is meant.
 */
function typoOfSku(token: string): boolean {
  return looksLikeSku(token) && /\p{L}/u.test(token) && /\d/.test(token);
}

export function createCatalogSearch(db: Sqlite | { $client: Sqlite }): CatalogSearch {
  const sqlite = rawOf(db);
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  // Existence and rarity probes through MATCH: FTS5 iterates doclists lazily, so these cost microseconds, unlike
  // fts5vocab lookups (which open the whole index) or bm25 over every match.
  const exists = (table: "product_search" | "product_sku_search", expr: string) =>
    stmt(`SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT 1`).get(expr) !== undefined;
  const quote = (t: string) => `"${t.replaceAll('"', '""')}"`;
  const vocabHas = (prefix: string) => exists("product_search", `${quote(prefix)}*`);
  const termHas = (term: string) => exists("product_search", quote(term));
  const gramDocs = (gram: string) =>
    (
      stmt(
        "SELECT count(*) AS n FROM (SELECT rowid FROM product_sku_search WHERE product_sku_search MATCH ? LIMIT 1000)",
      ).get(quote(gram)) as { n: number }
    ).n;
  // The catalog's words by their first letters, read from the index once per prefix and kept until the catalog
  // changes (a new product row moves max(rowid)): typo correction then costs an edit-distance scan over a short list.
  let vocabKey = -1;
  const vocabCache = new Map<string, { term: string; doc: number }[]>();
  const vocabNear = (prefix: string) => {
    const key = (stmt("SELECT coalesce(max(rowid), 0) AS k FROM products").get() as { k: number }).k;
    if (key !== vocabKey) (vocabKey = key), vocabCache.clear();
    let list = vocabCache.get(prefix);
    if (!list) {
      list = (
        stmt("SELECT term, doc FROM product_search_vocab WHERE term >= ? AND term < ? LIMIT 50000").all(
          prefix,
          `${prefix}\uffff`,
        ) as {
          term: string;
          doc: number;
        }[]
      ).filter((t) => !/\d/.test(t.term));
      vocabCache.set(prefix, list);
    }
    return list;
  };

  // The catalog's words that end in a word no name uses alone (compounds with that head), per word, kept until the
  // catalog changes; the whole vocabulary is read once per catalog version, only when such a word is asked for.
  let vocabAll: string[] | undefined;
  const headCache = new Map<string, string[]>();
  const compoundsEndingIn = (word: string): string[] => {
    const key = (stmt("SELECT coalesce(max(rowid), 0) AS k FROM products").get() as { k: number }).k;
    if (key !== vocabKey) (vocabKey = key), vocabCache.clear(), headCache.clear(), (vocabAll = undefined);
    let out = headCache.get(word);
    if (!out) {
      vocabAll ??= (stmt("SELECT term FROM product_search_vocab").all() as { term: string }[])
        .map((r) => r.term)
        .filter((t) => /^\p{L}+$/u.test(t));
      out = vocabAll.filter((t) => t.length >= word.length + 3 && t.endsWith(word)).slice(0, 20);
      headCache.set(word, out);
    }
    return out;
  };
  // Languages, synonyms and the query-side compound splitter, re-read when the database changed (by this connection:
  // total_changes; by another: data_version). The splitter's vocabulary is the index itself.
  let lex: Lexicon | undefined;
  // Two plain statements cost a quarter of one reading the `pragma_data_version` table function.
  const versionNow = catalogVersionNow(sqlite);
  function lexicon(language: string | undefined): Lexicon {
    const version = versionNow();
    if (!lex || lex.version !== version) lex = readLexicon(version);
    const lang = languageOf(language);
    if (!lang) return lex;
    if (lex.languages.includes(lang) || !hasStemmer(lang)) return { ...lex, buyer: lang };
    return { ...lex, languages: [...lex.languages, lang], buyer: lang };
  }
  function readLexicon(version: string): Lexicon {
    const { languages, defaultLanguage } = readCatalogLanguages(sqlite);
    const rows = stmt("SELECT lang, term, synonyms, category FROM synonyms").all() as SynonymRow[];
    // A buyer writing in a language the catalog has no texts in is understood through the glossary's groups, after
    // the merchant's own list.
    const glossary = glossaryFor(languages);
    // Any write moves the version (a checkpoint in the catalog file too); the synonym list itself rarely changed.
    const raw = `${glossary.languages.join(",")}|${JSON.stringify(rows)}`;
    let list = synonymLists.get(raw);
    if (!list) {
      if (synonymLists.size >= 16) synonymLists.clear();
      synonymLists.set(raw, (list = synonymsOf([...rows, ...glossary.rows])));
    }
    const compounding = languages.filter((l) => COMPOUNDING_LANGUAGES.has(l));
    const splitter = compounding.length
      ? createDecompounder(compounding[0]!, (term) => /^\p{L}+$/u.test(term) && termHas(term))
      : undefined;
    return { version, languages, defaultLanguage, ...list, splitter, glossary, holders: new Map() };
  }

  /** Names of `skus` in `lang` where the catalog has them. */
  function localizedNames(skus: string[], lang: string): Map<string, string> {
    const rows = stmt(
      "SELECT sku, name FROM product_texts WHERE lang = ? AND name IS NOT NULL AND sku IN (SELECT value FROM json_each(?))",
    ).all(lang, JSON.stringify(skus)) as { sku: string; name: string }[];
    return new Map(rows.map((r) => [r.sku, r.name]));
  }

  function correctWord(raw: string): string | undefined {
    const word = raw.toLowerCase();
    if (word.length < 2) return undefined;
    if (termHas(word) || vocabHas(word)) return word;
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const max = word.length <= 5 ? 1 : 2;
    // Most typos keep the first two letters; look there first (a short range of the vocabulary), then wider.
    for (const prefix of [word.slice(0, 2), word.slice(0, 1)]) {
      let best: { term: string; d: number; doc: number } | undefined;
      for (const { term, doc } of vocabNear(prefix)) {
        if (Math.abs(term.length - word.length) > max) continue;
        const d = editDistance(word, term, max);
        if (d <= max && (!best || d < best.d || (d === best.d && doc > best.doc))) best = { term, d, doc };
      }
      if (best) return best.term;
    }
    return undefined;
  }

  function filters(q: SearchQuery, params: unknown[]): string {
    const where: string[] = [];
    if (!q.includeInactive) where.push("p.lifecycle <> 'inactive'");
    const category = q.category ? resolveCategory(q.category) : undefined;
    if (q.category) {
      where.push("p.category IN (SELECT code FROM categories WHERE code = ? OR parent_code = ? UNION SELECT ?)");
      params.push(category, category, category ?? q.category);
    }
    if (q.machineModel) {
      where.push(`(NOT EXISTS (SELECT 1 FROM fitment f WHERE f.part_sku = p.sku) OR EXISTS (${FIT_SQL}))`);
      params.push(q.machineModel, q.serial ?? null, q.serial ?? null, q.serial ?? null, q.serial ?? null);
    }
    return where.length ? ` AND ${where.join(" AND ")}` : "";
  }
  const categoryFilter = (codes: string[]) =>
    `category : (${codes.map((c) => `"${c.replaceAll('"', '""')}"`).join(" OR ")})`;
  const fitsCol = (q: SearchQuery, params: unknown[]) => {
    if (!q.machineModel) return "0 AS fits";
    params.push(q.machineModel, q.serial ?? null, q.serial ?? null, q.serial ?? null, q.serial ?? null);
    return `EXISTS (${FIT_SQL}) AS fits`;
  };

  function resolveCategory(input: string): string | undefined {
    const row = stmt(
      "SELECT code FROM categories WHERE code = ? COLLATE NOCASE OR name = ? COLLATE NOCASE LIMIT 1",
    ).get(input, input) as { code: string } | undefined;
    return row?.code;
  }

  function skuCandidates(token: string, q: SearchQuery, limit: number, fuzzy = true): Candidate[] {
    const t = token.toLowerCase();
    // No ESCAPE clause: FTS5 only serves LIKE from the trigram index without one; `_`/`%` are re-checked below.
    const rows = runFiltered(q, "SELECT rowid FROM product_sku_search WHERE sku LIKE ? LIMIT 300", [`%${t}%`]).filter(
      (row) => row.sku.toLowerCase().includes(t),
    );
    if (rows.length > 0) {
      return rows.map((row) => {
        const s = row.sku.toLowerCase();
        const exact = s === t;
        const score = exact ? 1000 : (s.startsWith(t) ? 800 : 600) - (s.length - t.length);
        return { row, match: exact ? "sku_exact" : "sku_partial", score };
      });
    }
    if (!fuzzy) return [];
    // Typo: one edit destroys at most 3 trigrams, so the target shares at least one of the 4 rarest grams of the
    // token; rank those candidates by shared grams, then keep the ones within edit distance (partial SKUs allowed).
    const max = t.length <= 6 ? 1 : 2;
    const grams = rarestTrigrams(t, 3 * max + 1);
    if (grams.length === 0) return [];
    const pool = stmt("SELECT rowid, sku FROM product_sku_search WHERE product_sku_search MATCH ? LIMIT 500").all(
      grams.map(quote).join(" OR "),
    ) as { rowid: number; sku: string }[];
    // Slips near the end of a long SKU: its neighbours in SKU order share the typed prefix (B-tree ranges, exact).
    for (const cut of [t.length - 2, Math.ceil(t.length * 0.6)]) {
      if (cut < 3 || token.length < 5) continue;
      for (const prefix of new Set([token.slice(0, cut), token.slice(0, cut).toUpperCase()])) {
        pool.push(
          ...(stmt("SELECT rowid, sku FROM products WHERE sku >= ? AND sku < ? LIMIT 200").all(
            prefix,
            `${prefix}\uffff`,
          ) as { rowid: number; sku: string }[]),
        );
      }
    }
    const near = new Map<number, number>();
    for (const c of pool) {
      const d = substringEditDistance(t, c.sku.toLowerCase(), max);
      // Among equally near SKUs a swap of two characters (a typing slip) beats a different character.
      const swapped = d === 1 && c.sku.length === t.length && sortedChars(c.sku.toLowerCase()) === sortedChars(t);
      if (d <= max) near.set(c.rowid, 500 - 100 * d - (c.sku.length - t.length) + (swapped ? 50 : 0));
    }
    const best = [...near].sort((a, b) => b[1] - a[1]).slice(0, limit * 3);
    return byRowids(
      q,
      best.map(([rowid]) => rowid),
    )
      .map((row) => ({ row, match: "sku_fuzzy" as SearchMatch, score: near.get(row.rowid)! }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /** The given products (by rowid) that pass the search filters. */
  function byRowids(q: SearchQuery, rowids: number[]): ProductRow[] {
    if (rowids.length === 0) return [];
    return runFiltered(q, "SELECT value AS rowid FROM json_each(?)", [JSON.stringify(rowids)]);
  }

  /** Rows of `products` whose rowid the inner query yields, with the search filters applied. */
  function runFiltered(q: SearchQuery, inner: string, innerParams: unknown[]): ProductRow[] {
    const params: unknown[] = [];
    const fits = fitsCol(q, params);
    params.push(...innerParams);
    const where = filters(q, params);
    return stmt(
      `SELECT ${PRODUCT_COLS}, ${fits} FROM (${inner}) h JOIN products p ON p.rowid = h.rowid WHERE 1 = 1${where}`,
    ).all(...params) as ProductRow[];
  }

  function rarestTrigrams(t: string, n: number): string[] {
    const grams = trigrams(t);
    const docs = new Map<string, number>();
    for (const g of grams) docs.set(g, gramDocs(g));
    return grams
      .filter((g) => (docs.get(g) ?? 0) > 0)
      .sort((a, b) => docs.get(a)! - docs.get(b)! || (a < b ? -1 : 1))
      .slice(0, n);
  }

  /** The forms of one buyer word the index holds: the word itself and its stem in each catalog language. */
  function wordForms(word: string, lex: Lexicon): string[] {
    const forms = new Set<string>();
    if (termHas(word)) forms.add(word);
    for (const lang of lex.languages) {
      const stem = stemWord(lang, word);
      if (stem !== word && !forms.has(stem) && termHas(stem)) forms.add(stem);
    }
    return [...forms];
  }

  /** A phrase as an FTS expression: every word in one of its indexed forms; undefined when a word has none. */
  function phraseExpr(words: string[], lex: Lexicon): Phrase | undefined {
    const parts: string[] = [];
    const forms: string[] = [];
    const slots: string[][] = [];
    for (const w of words) {
      const f = wordForms(w, lex);
      if (f.length === 0) return undefined;
      parts.push(f.length > 1 ? `(${f.map(quote).join(" OR ")})` : quote(f[0]!));
      forms.push(...f);
      slots.push(f);
    }
    return { expr: parts.length > 1 ? `(${parts.join(" AND ")})` : parts[0]!, forms, slots };
  }

  /**
   * The buyer's words as groups of alternatives, one group per word (or per phrase the synonym list knows):
   * the word and its stems, the synonyms' words (scoped ones only inside their category), a prefix of a longer
   * catalog word, a number glued to a word, the head of a compound of catalog words, or the nearest catalog word.
   */
  function wordGroups(buyerWords: string[], lex: Lexicon): { groups: Group[]; corrected: boolean } {
    const words = [...buyerWords];
    const groups: Group[] = [];
    let corrected = false;
    for (let i = 0; i < words.length; i++) {
      const synonym = lex.maxWords > 0 ? matchSynonym(words, i, lex) : undefined;
      const span = synonym?.span ?? 1;
      const own = phraseExpr(words.slice(i, i + span), lex);
      const exprs: string[] = own ? [own.expr] : [];
      const forms: string[] = own ? [...own.forms] : [];
      const phrases: string[][][] = [];
      for (const e of synonym?.expansions ?? []) {
        const alt = e.glossary && e.words.length > 1 ? adjacentPhrase(e.words, lex) : phraseExpr(e.words, lex);
        if (!alt) continue;
        const codes = e.category ? categoryTree(e.category) : [];
        exprs.push(codes.length ? `(${alt.expr} AND ${categoryFilter(codes)})` : alt.expr);
        forms.push(...alt.forms);
        phrases.push(rarest(alt.slots, lex));
      }
      if (exprs.length) {
        groups.push({
          expr: exprs.length > 1 ? `(${exprs.join(" OR ")})` : exprs[0]!,
          forms: [...new Set(forms)],
          ...(phrases.length ? { own: own?.forms ?? [], phrases } : {}),
        });
        i += span - 1;
        continue;
      }
      // Exact catalog words were matched as terms above; prefix expansion only for partial words — it merges every
      // longer word's doclist up front.
      const w = words[i]!;
      if (vocabHas(w)) {
        // "Ventil" where no name uses it alone but compounds end in it ("Magnetventil", "Expansionsventil"): those
        // compounds are found too, not only the words it starts ("Ventilator") — the score ranks a compound ending
        // in the word (what it is) above a word starting with it.
        const heads = w.length >= 4 && /^\p{L}+$/u.test(w) && !termHas(w) ? compoundsEndingIn(w) : [];
        const prefix = `${quote(w)}*`;
        groups.push({
          expr: heads.length ? `(${[prefix, ...heads.map(quote)].join(" OR ")})` : prefix,
          forms: [w],
          ...(w.length < 3 ? { weak: true } : {}),
        });
        continue;
      }
      // "Riemenwechsel", "Lagertausch", "Filterwartung": a job done on a part names the part (its linking "s" off).
      const job = JOB_HEAD.exec(w);
      if (job && job.index >= 3) {
        const part = w.slice(0, job.index);
        const stem = part.endsWith("s") && !vocabHas(part) ? part.slice(0, -1) : part;
        if (vocabHas(stem) || (lex.splitter?.parts(stem).length ?? 0) > 1) {
          words.splice(i--, 1, stem);
          continue;
        }
      }
      const split = w.match(/^(\d+(?:[.,]\d+)?)([a-z]+)$/) ?? w.match(/^([a-z]+)(\d+(?:[.,]\d+)?)$/);
      if (split && vocabHas(split[1]!) && vocabHas(split[2]!)) {
        groups.push({ expr: `"${split[1]} ${split[2]}"`, forms: [split[1]!, split[2]!] });
        continue;
      }
      // A compound written with hyphens ("Hauptzylinder-Dichtsätze"): every part in one of its forms; else its parts
      // as words of their own ("EC-Lüfter": "EC" and a prefix of "Lüftermotor").
      if (/^\p{L}+(?:-\p{L}+)+$/u.test(w)) {
        const hyphenated = phraseExpr(w.split("-"), lex);
        if (hyphenated) {
          groups.push(hyphenated);
          continue;
        }
        // Only when every part is a catalog word or the start of one: "Bördel-Variante" names a variant of a listed
        // product, not a search for flare fittings.
        const parts = w.split("-");
        // In a language the catalog lacks, a part may be a glossary word instead ("EC-Lüfter", "Getriebe-Dichtsatz").
        const glossed = (p: string) =>
          lex.glossary.rows.length > 0 && !!matchSynonym([p], 0, lex)?.expansions.some((e) => e.glossary);
        if (parts.every((p) => p.length >= 2 && (vocabHas(p) || glossed(p)))) {
          words.splice(i--, 1, ...parts);
          continue;
        }
      }
      // A compound the catalog does not use ("Pumpendichtung"): its head (the last part) must match, the rest ranks.
      // A head alone (the rest no catalog word) is read so only in a buyer's compounding language and after a
      // modifier of four letters or more: the English "bearings" is no compound of "bea" and "rings".
      const parts = lex.splitter?.parts(w) ?? [];
      const headOnly =
        parts.length === 1 &&
        ((!!lex.buyer && !COMPOUNDING_LANGUAGES.has(lex.buyer)) || lex.splitter!.modifierLength(w) < 4);
      if (parts.length > 0 && !headOnly) {
        groups.push({ expr: quote(parts[parts.length - 1]!), forms: parts });
        continue;
      }
      // The same in a language the catalog lacks, through the glossary: the head's translations must match, the
      // modifiers' rank ("Pumpendichtung" on an English catalog: a seal, pump seals first).
      const translated = glossaryCompound(w, lex);
      if (translated) {
        groups.push(...translated);
        continue;
      }
      const c = correctWord(w);
      if (c) {
        groups.push({ expr: termHas(c) ? quote(c) : `${quote(c)}*`, forms: [c], weak: true });
        corrected = true;
      }
    }
    // Guesses count only where nothing else the buyer wrote is a catalog word.
    const strong = groups.filter((g) => !g.weak);
    if (strong.length > 0) return { groups: strong, corrected: false };
    return { groups, corrected };
  }

  /**
   * A translated phrase ("solenoid valve" for "Magnetventil") as its words side by side where a product name has them
   * so (the last one may go on: "valves"), else as every word somewhere: a coil "for NG6 solenoid valves" is no
   * solenoid valve.
   */
  /**
   * Of a synonym's phrase, the word(s) fewest products hold: what a product must carry to be what the phrase names —
   * "hose" of "hydraulic hose", "liner" of "wire liner"; a pump is hydraulic too.
   */
  function rarest(slots: string[][], lex: Lexicon): string[][] {
    if (slots.length < 2) return slots;
    const counts = slots.map((forms) => {
      const key = forms.join("\u0000");
      let n = lex.holders.get(key);
      if (n === undefined) {
        const row = stmt(
          "SELECT count(*) AS n FROM (SELECT 1 FROM product_search WHERE product_search MATCH ? LIMIT 1000)",
        ).get(forms.map(quote).join(" OR ")) as { n: number };
        lex.holders.set(key, (n = row.n));
      }
      return n;
    });
    const least = Math.min(...counts);
    return slots.filter((_, i) => counts[i] === least);
  }

  function adjacentPhrase(words: string[], lex: Lexicon): Phrase | undefined {
    const loose = phraseExpr(words, lex);
    if (!loose) return undefined;
    const phrase = `${quote(words.map(foldWord).join(" "))}*`;
    const held = stmt("SELECT 1 FROM product_search WHERE product_search MATCH ? LIMIT 1").get(phrase);
    return held ? { ...loose, expr: phrase } : loose;
  }

  /**
   * A compound of glossary words in a language the catalog lacks: its head's translations must match, its modifiers'
   * rank (a second group over the same match, so they add to the score instead of competing with the head).
   */
  function glossaryCompound(word: string, lex: Lexicon): Group[] | undefined {
    const parts = lex.glossary.splitter?.parts(word) ?? [];
    if (parts.length < 2) return undefined;
    const translations = (part: string) =>
      (lex.synonyms.get(foldWord(part)) ?? []).flatMap(
        (e) => (e.glossary && e.words.length > 1 ? adjacentPhrase(e.words, lex) : phraseExpr(e.words, lex)) ?? [],
      );
    const head = translations(parts[parts.length - 1]!);
    if (head.length === 0) return undefined;
    const exprs = [...new Set(head.map((t) => t.expr))];
    const expr = exprs.length > 1 ? `(${exprs.join(" OR ")})` : exprs[0]!;
    const modifiers = [
      ...new Set(
        parts
          .slice(0, -1)
          .flatMap(translations)
          .flatMap((t) => t.forms),
      ),
    ];
    return [
      { expr, forms: [...new Set(head.flatMap((t) => t.forms))] },
      ...(modifiers.length ? [{ expr, forms: modifiers }] : []),
    ];
  }

  /** The longest run of buyer words starting at `i` that the synonym list knows, in any catalog language. */
  function matchSynonym(
    words: string[],
    i: number,
    lex: Lexicon,
  ): { span: number; expansions: Expansion[] } | undefined {
    for (let n = Math.min(lex.maxWords, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      for (const key of new Set([
        phrase.map(foldWord).join(" "),
        ...[...lex.languages, ...lex.glossary.languages].map((lang) =>
          phrase.map((w) => foldWord(stemWord(lang, w))).join(" "),
        ),
      ])) {
        const expansions = lex.synonyms.get(key);
        if (expansions) return { span: n, expansions };
      }
    }
    return undefined;
  }

  function textCandidates(words: string[], q: SearchQuery, limit: number): Candidate[] {
    const lex = lexicon(q.language);
    const { groups, corrected } = wordGroups(words, lex);
    if (groups.length === 0) return [];
    const categoryCodes = q.category ? categoryTree(q.category) : [];
    const scoped = (expr: string) => (categoryCodes.length ? `(${expr}) AND ${categoryFilter(categoryCodes)}` : expr);
    // Why a capped, unranked candidate set: bm25 over every match of a common word costs tens of ms on 100k SKUs;
    // the first CANDIDATES matches re-scored by where the words occur rank just as usefully for a buyer.
    // Score on the index's own copy of SKU, names and terms, then read products for the best few only.
    // With a machine, parts listed for other models drop out; the cap counts only parts without a fitment list
    // (those listed for this machine come from explicitFits), so a long list of other models' parts cannot starve it.
    const run = (expr: string) =>
      (q.machineModel
        ? stmt(
            `SELECT s.rowid, s.sku, s.name, s.names, s.terms FROM (SELECT rowid, sku, name, names, terms FROM product_search WHERE product_search MATCH ? LIMIT ${CANDIDATES * 3}) s
             JOIN products p ON p.rowid = s.rowid WHERE NOT EXISTS (SELECT 1 FROM fitment f WHERE f.part_sku = p.sku) LIMIT ${CANDIDATES}`,
          ).all(scoped(expr))
        : stmt(
            `SELECT rowid, sku, name, names, terms FROM product_search WHERE product_search MATCH ? LIMIT ${CANDIDATES}`,
          ).all(scoped(expr))) as IndexRow[];
    const alternatives = groups.map((g) => g.forms);
    const rank = (hits: IndexRow[], base: number, m: SearchMatch): Candidate[] => {
      const scores = new Map(hits.map((h) => [h.rowid, base + textScore(h, alternatives)]));
      const top = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit * 3);
      const named = new Set(hits.filter((h) => namedBy(h)).map((h) => h.rowid));
      return byRowids(
        q,
        top.map(([rowid]) => rowid),
      ).map((row) => ({ row, match: m, score: scores.get(row.rowid)!, named: named.has(row.rowid) }));
    };
    // Named: the names or SKU hold every word — as the text score reads them, or inside a compound ("Walzen" in
    // "Farbauftragwalze", the stem "walz" within it).
    const namedBy = (h: { name: string; sku: string; names?: string }) => {
      if (textScore({ name: h.name, sku: h.sku, ...(h.names ? { names: h.names } : {}) }, alternatives, true) > 0)
        return true;
      const hay = foldWord(`${h.name} ${h.names ?? ""} ${h.sku}`.toLowerCase());
      return alternatives.every((forms) => forms.some((f) => f.length >= 4 && hay.includes(foldWord(f.toLowerCase()))));
    };
    let scored = rank(run(groups.map((g) => g.expr).join(" AND ")), 1, corrected ? "text_fuzzy" : "text");
    // Parts listed for the machine are checked here in full (every word must occur), so a long match list for a
    // common word cannot crowd them out of the capped candidate set.
    if (q.machineModel) {
      const fits = explicitFits(q);
      // Products that hold the words only in their descriptions (no word in a name, SKU, category or term).
      const mentionOnly = scored.every((c) => c.score <= 1);
      let fitting = 0;
      for (const row of fits) {
        const score = groups.every((g) => holds(row, g)) ? textScore(row, alternatives, true) : 0;
        if (score > 0)
          scored.push({ row, match: corrected ? "text_fuzzy" : "text", score, named: namedBy(row) }), fitting++;
      }
      // "shaft seals for pump 2": the pump's own description holds both words, the seals listed for it only "seal".
      // Where no listed part holds every word and what does merely mentions them in its description, the listed parts
      // holding all words but one compete too (the fit ranks them first).
      if (fitting === 0 && mentionOnly && groups.length >= 2) {
        for (const row of fits) {
          const held = groups.filter((g) => holds(row, g)).length;
          if (held === groups.length - 1)
            scored.push({ row, match: corrected ? "text_fuzzy" : "text", score: textScore(row, alternatives) - 1 });
        }
      }
    }
    // No product holds every word (a buyer's filler words the catalog happens to know: "händ" begins "Handrückstellung"):
    // rank by how many of the words a product holds — parts listed for the machine that hold several too — instead of
    // dropping it.
    if (scored.length === 0 && groups.length > 1) {
      const held = (h: IndexRow | ProductRow) => groups.filter((g) => holds(h, g)).length;
      const some: (IndexRow | ProductRow)[] = run(groups.map((g) => g.expr).join(" OR "));
      // A listed part must hold two words or more: one shared word and the fit would put it above what the words name.
      if (q.machineModel) some.push(...explicitFits(q).filter((row) => held(row) >= 2));
      const counts = new Map(some.map((h) => [h.rowid, held(h)]));
      // Where some product holds two or more of the words, one that holds fewer is not what the buyer asked for.
      const most = Math.max(0, ...counts.values());
      const scores = new Map(
        some
          .filter((h) => most < 2 || counts.get(h.rowid) === most)
          .map((h) => [h.rowid, 5 * counts.get(h.rowid)! + textScore(h, alternatives)]),
      );
      const top = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit * 3);
      scored = byRowids(
        q,
        top.map(([rowid]) => rowid),
      ).map((row) => ({ row, match: "text_fuzzy" as SearchMatch, score: scores.get(row.rowid)! }));
    }
    return scored;
  }

  /** Parts listed in the fitment of the requested machine model (a short list, read whole). */
  function explicitFits(q: SearchQuery): ProductRow[] {
    const params: unknown[] = [q.machineModel, q.serial ?? null, q.serial ?? null, q.serial ?? null, q.serial ?? null];
    const where = filters({ ...q, machineModel: undefined }, params);
    return stmt(
      `SELECT ${PRODUCT_COLS}, 1 AS fits, coalesce(t.names, '') AS names, coalesce(t.terms, '') AS terms
       FROM fitment f JOIN products p ON p.sku = f.part_sku LEFT JOIN product_search_terms t ON t.sku = p.sku
       WHERE f.machine_model = ? AND (? IS NULL OR f.serial_from IS NULL OR f.serial_from <= ?)
         AND (? IS NULL OR f.serial_to IS NULL OR f.serial_to >= ?)${where} LIMIT 5000`,
    ).all(...params) as ProductRow[];
  }

  function categoryTree(input: string): string[] {
    const code = resolveCategory(input) ?? input;
    const kids = stmt("SELECT code FROM categories WHERE parent_code = ?").all(code) as { code: string }[];
    return [code, ...kids.map((k) => k.code)];
  }

  function browse(q: SearchQuery, limit: number) {
    const params: unknown[] = [];
    const fits = fitsCol(q, params);
    const where = filters(q, params);
    const rows = stmt(
      `SELECT ${PRODUCT_COLS}, ${fits} FROM products p WHERE 1 = 1${where} ORDER BY fits DESC, p.lifecycle = 'active' DESC, p.sku LIMIT ?`,
    ).all(...params, limit) as ProductRow[];
    return rows.map((row) => ({ row, match: "browse" as SearchMatch, score: 0 }));
  }

  function search(q: SearchQuery): SearchHit[] {
    const limit = Math.max(1, Math.min(100, Math.floor(q.limit ?? 10)));
    const tokens = tokenize(q.query ?? "");
    const found = new Map<string, Candidate>();
    const add = (c: Candidate) => {
      const prev = found.get(c.row.sku);
      if (!prev || prev.score < c.score) found.set(c.row.sku, c);
    };
    const skuTokens = tokens.filter(looksLikeSku);
    const whole = (q.query ?? "").trim();
    if (whole.length >= 3 && !/\s/.test(whole) && !skuTokens.includes(whole)) skuTokens.unshift(whole);
    for (const t of skuTokens) for (const c of skuCandidates(t, q, limit, typoOfSku(t))) add(c);
    const skuHit = [...found.values()].some((c) => c.match === "sku_exact" || c.match === "sku_partial");
    const words = tokens
      .map((t) => t.toLowerCase())
      .filter((w) => w.length >= 2 && !STOPWORDS.has(w) && !(skuHit && looksLikeSku(w)));
    if (words.length > 0 && found.size < limit) for (const c of textCandidates(words, q, limit)) add(c);
    if (tokens.length === 0) for (const c of browse(q, limit)) add(c);
    // "blankets" for a press whose fitment lists its underlay sheets, filed with the blankets: a listed part that holds
    // the words only by its terms (its category's words) does not lead products whose names hold them — the fit ranks
    // it among them, not above them.
    const someNamed = [...found.values()].some((c) => c.named === true);
    const lead = (c: Candidate) => c.row.fits === 1 && (c.named !== false || !someNamed);
    const hits = [...found.values()]
      .map(({ row, match, score, named }) => ({
        sku: row.sku,
        name: row.name,
        category: row.category,
        manufacturer: row.manufacturer,
        lifecycle: row.lifecycle,
        successorSku: row.successor_sku,
        fitsExplicitly: row.fits === 1,
        match,
        score: score + (lead({ row, match, score, named }) ? 50 : 0) - (row.lifecycle === "active" ? 0 : 20),
      }))
      .sort((a, b) => b.score - a.score || (a.sku < b.sku ? -1 : 1))
      .slice(0, limit);
    const lang = languageOf(q.language);
    if (lang && hits.length > 0 && lang !== lexicon(undefined).defaultLanguage) {
      const names = localizedNames(
        hits.map((h) => h.sku),
        lang,
      );
      for (const h of hits) h.name = names.get(h.sku) ?? h.name;
    }
    return hits;
  }

  function suggestSkus(input: string, limit = 5): string[] {
    const t = input.trim();
    if (t.length < 2) return [];
    return skuCandidates(t, { query: t, includeInactive: true }, limit)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((c) => c.row.sku);
  }

  return { search, suggestSkus, correctWord };
}

interface SynonymRow {
  lang: string;
  term: string;
  synonyms: string;
  category: string | null;
}

/** Synonym lists read, by their rows as stored: eval trials each open a copy of one catalog. */
const synonymLists = new Map<string, Pick<Lexicon, "synonyms" | "maxWords">>();

/** The synonym list as the lexicon holds it: folded (and stemmed) phrase → the equivalents it expands to. */
function synonymsOf(rows: SynonymRow[]): Pick<Lexicon, "synonyms" | "maxWords"> {
  const synonyms = new Map<string, Expansion[]>();
  let maxWords = 0;
  for (const r of rows) {
    let list: unknown;
    try {
      list = JSON.parse(r.synonyms);
    } catch {
      list = [];
    }
    const members = [r.term, ...(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [])];
    const phrases = members.map((m) => wordsIn(m)).filter((w) => w.length > 0);
    // Equivalent terms: each member expands to all the others.
    for (const phrase of phrases) {
      maxWords = Math.max(maxWords, phrase.length);
      const keys = new Set([
        phrase.map(foldWord).join(" "),
        phrase.map((w) => foldWord(stemWord(r.lang, w))).join(" "),
      ]);
      const expansions = phrases
        .filter((p) => p !== phrase)
        .map((words) => ({
          words,
          ...(r.category ? { category: r.category } : {}),
          ...("glossary" in r ? { glossary: true } : {}),
        }));
      for (const key of keys) {
        const prev = synonyms.get(key);
        if (prev) prev.push(...expansions);
        else synonyms.set(key, [...expansions]);
      }
    }
  }
  return { synonyms, maxWords: Math.min(maxWords, 4) };
}

const FIT_SQL =
  "SELECT 1 FROM fitment f WHERE f.part_sku = p.sku AND f.machine_model = ? AND (? IS NULL OR f.serial_from IS NULL OR f.serial_from <= ?) AND (? IS NULL OR f.serial_to IS NULL OR f.serial_to >= ?)";

/** One-off search; prefer `createCatalogSearch` when searching repeatedly (it caches prepared statements). */
export function searchCatalog(db: Sqlite | { $client: Sqlite }, q: SearchQuery): SearchHit[] {
  return createCatalogSearch(db).search(q);
}

/**
 * Rebuilds both search indexes from `products`, their texts in every language and the category names, in one
 * transaction: the derived terms (stems, compound parts) are recomputed first, then the index is written once with
 * the row triggers suspended.
 */
export function rebuildSearchIndex(db: Sqlite | { $client: Sqlite }): void {
  const sqlite = rawOf(db);
  sqlite.transaction(() => {
    withTriggersSuspended(sqlite, ["products", "product_search_terms"], () => {
      writeSearchTerms(sqlite);
      sqlite.exec(`
        DELETE FROM product_search;
        DELETE FROM product_sku_search;
        INSERT INTO product_search(rowid, sku, name, category, manufacturer, description, machine, names, texts, terms)
          SELECT p.rowid, p.sku, p.name, p.category || ' ' || coalesce(c.name, ''), coalesce(p.manufacturer, ''),
                 p.description, coalesce(p.machine_model, ''), coalesce(t.names, ''), coalesce(t.texts, ''),
                 coalesce(t.terms, '')
          FROM products p LEFT JOIN categories c ON c.code = p.category LEFT JOIN product_search_terms t ON t.sku = p.sku;
        INSERT INTO product_sku_search(rowid, sku) SELECT rowid, sku FROM products;
        INSERT INTO product_search(product_search) VALUES ('optimize');
      `);
    });
  })();
}
