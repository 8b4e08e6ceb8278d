/**
 * The catalog's vocabulary in one language, for language understanding outside the catalog (the offline
 * consultant's entity recognition): category names and keywords, synonym groups, feature names, configuration
 * labels and the words of product names and keywords — the catalog's texts in that language, and the default
 * language's where a text is missing. Stems come with the words so a recogniser can match plurals the way the
 * search does (`stemWord`).
 */
import type Database from "better-sqlite3";
import { languageOf, readCatalogLanguages, stemWord, wordsIn } from "./language.ts";

export interface CatalogVocabulary {
  /** The language asked for (ISO 639-1), and whether the catalog has texts in it (else these are the default's). */
  language: string;
  hasTexts: boolean;
  defaultLanguage: string;
  categories: { code: string; name: string; keywords: string[] }[];
  /** Synonym groups in this language: the term first; `category` when the equivalence holds only there. */
  synonyms: { terms: string[]; category?: string }[];
  /** Feature key → name. */
  featureNames: Record<string, string>;
  /** Configuration group and option labels (distinct). */
  optionLabels: string[];
  /** Distinct lower-case words of product names and keywords (letters only, 3+), with their stems. */
  words: { word: string; stem: string; products: number }[];
}

const list = (json: string | null): string[] => {
  try {
    const v = JSON.parse(json ?? "[]") as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

/** @example catalogVocabulary(db.$client, "de").words.find((w) => w.word === "gleitringdichtung") */
export function catalogVocabulary(
  db: Database.Database | { $client: Database.Database },
  locale: string,
): CatalogVocabulary {
  const sqlite = "$client" in db ? db.$client : db;
  const { defaultLanguage } = readCatalogLanguages(sqlite);
  const language = languageOf(locale) ?? defaultLanguage;
  const isDefault = language === defaultLanguage;
  const hasTexts =
    isDefault || sqlite.prepare("SELECT 1 FROM product_texts WHERE lang = ? LIMIT 1").get(language) !== undefined;

  const categories = (
    sqlite
      .prepare(
        "SELECT c.code, coalesce(t.name, c.name) AS name, t.keywords FROM categories c LEFT JOIN category_texts t ON t.code = c.code AND t.lang = ? ORDER BY c.code",
      )
      .all(language) as { code: string; name: string; keywords: string | null }[]
  ).map((c) => ({ code: c.code, name: c.name, keywords: list(c.keywords) }));

  const synonyms = (
    sqlite.prepare("SELECT term, synonyms, category FROM synonyms WHERE lang = ? ORDER BY id").all(language) as {
      term: string;
      synonyms: string;
      category: string | null;
    }[]
  ).map((s) => ({ terms: [s.term, ...list(s.synonyms)], ...(s.category ? { category: s.category } : {}) }));

  const featureNames = Object.fromEntries(
    (
      sqlite.prepare("SELECT key, name FROM feature_names WHERE lang = ?").all(language) as {
        key: string;
        name: string;
      }[]
    ).map((f) => [f.key, f.name]),
  );

  const optionLabels = [
    ...new Set(
      (
        (isDefault
          ? sqlite.prepare("SELECT label FROM config_groups UNION SELECT label FROM config_options").all()
          : sqlite.prepare("SELECT label FROM config_texts WHERE lang = ?").all(language)) as { label: string }[]
      ).map((r) => r.label),
    ),
  ].sort();

  const counts = new Map<string, number>();
  const count = (text: string) => {
    for (const w of new Set(wordsIn(text)))
      if (w.length >= 3 && /^\p{L}+$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  };
  const rows = sqlite
    .prepare(
      "SELECT coalesce(t.name, p.name) AS name, t.keywords FROM products p LEFT JOIN product_texts t ON t.sku = p.sku AND t.lang = ? WHERE p.lifecycle <> 'inactive'",
    )
    .all(language) as { name: string; keywords: string | null }[];
  for (const r of rows) count(`${r.name} ${list(r.keywords).join(" ")}`);
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word, products]) => ({ word, stem: stemWord(language, word), products }));

  return { language, hasTexts, defaultLanguage, categories, synonyms, featureNames, optionLabels, words };
}
