/**
 * The catalog reader in a buyer's language: product names and descriptions, alternatives' names and configuration
 * labels come from the catalog's texts in that language where it has them, else stay in the default language.
 * Everything else (prices, stock, rules, the base rows' caches) is the underlying reader's, so facts never differ
 * between languages — only the words around them.
 */
import type Database from "better-sqlite3";
import { languageOf, readCatalogLanguages } from "./language.ts";
import type { AlternativeRecord, CatalogReader, ConfigModel, ProductRecord } from "./types.ts";

interface TextRow {
  sku: string;
  name: string | null;
  description: string | null;
}

/** A configuration model in a language, per model object of the base reader and language (see `configModel`). */
const localizedModels = new WeakMap<ConfigModel, Map<string, ConfigModel>>();

/** Statements per database handle. */
const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function prepare(sqlite: Database.Database) {
  return {
    texts: sqlite.prepare(
      "SELECT sku, name, description FROM product_texts WHERE lang = ? AND sku IN (SELECT value FROM json_each(?))",
    ),
    config: sqlite.prepare(
      "SELECT group_code AS g, value AS v, label FROM config_texts WHERE model_id = ? AND lang = ?",
    ),
    features: sqlite.prepare("SELECT key, name FROM feature_names WHERE lang = ?"),
    any: sqlite.prepare(
      "SELECT 1 FROM product_texts WHERE lang = @lang UNION ALL SELECT 1 FROM config_texts WHERE lang = @lang LIMIT 1",
    ),
  };
}
const statements = (sqlite: Database.Database) => {
  let s = prepared.get(sqlite);
  if (!s) prepared.set(sqlite, (s = prepare(sqlite)));
  return s;
};

/**
 * Category names in the language of `locale` (else the catalog's default names), by category code. Read per call:
 * a catalog has tens to a few hundred categories.
 */
export function categoryNamesIn(sqlite: Database.Database, locale: string | undefined): Map<string, string> {
  const lang = languageOf(locale);
  const rows = sqlite
    .prepare(
      "SELECT c.code, coalesce(t.name, c.name) AS name FROM categories c LEFT JOIN category_texts t ON t.code = c.code AND t.lang = ?",
    )
    .all(lang ?? "") as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Feature names in `lang` (locale accepted), by feature key; empty when the catalog has none in it. */
export function featureNamesIn(sqlite: Database.Database, locale: string | undefined): Record<string, string> {
  const lang = languageOf(locale) ?? readCatalogLanguages(sqlite).defaultLanguage;
  const rows = statements(sqlite).features.all(lang) as { key: string; name: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.name]));
}

/**
 * `base` in the language of `locale`; `base` itself when the locale is absent, is the default language, or the
 * catalog has no texts in it (no wrapper, no extra reads).
 */
export function localizedReader(
  base: CatalogReader,
  sqlite: Database.Database,
  locale: string | undefined,
): CatalogReader {
  const lang = languageOf(locale);
  if (!lang || lang === readCatalogLanguages(sqlite).defaultLanguage) return base;
  const st = statements(sqlite);
  if (st.any.get({ lang }) === undefined) return base;
  const textsOf = (skus: readonly string[]) =>
    new Map((st.texts.all(lang, JSON.stringify(skus)) as TextRow[]).map((r) => [r.sku, r]));
  const products = (skus: readonly string[]): Map<string, ProductRecord> => {
    const rows = base.products(skus);
    if (rows.size === 0) return rows;
    const texts = textsOf([...rows.keys()]);
    const out = new Map<string, ProductRecord>();
    for (const [sku, p] of rows) {
      const t = texts.get(sku);
      out.set(sku, t ? { ...p, name: t.name ?? p.name, description: t.description ?? p.description } : p);
    }
    return out;
  };
  const configModel = (id: string): ConfigModel | undefined => {
    const model = base.configModel(id);
    if (!model) return model;
    // Once per base model object and language: the base reader hands out a new object whenever the catalog changed
    // (any write, config texts included), so the same object has the same labels — and the offline consultant's
    // readings, kept per model object (findOptions), are found again instead of read anew on every call.
    let inLanguages = localizedModels.get(model);
    if (!inLanguages) localizedModels.set(model, (inLanguages = new Map()));
    let localized = inLanguages.get(lang);
    if (!localized) inLanguages.set(lang, (localized = withLabels(model)));
    return localized;
  };
  const withLabels = (model: ConfigModel): ConfigModel => {
    const id = model.id;
    const labels = new Map(
      (st.config.all(id, lang) as { g: string; v: string; label: string }[]).map((r) => [
        `${r.g}\u0000${r.v}`,
        r.label,
      ]),
    );
    if (labels.size === 0) return model;
    return {
      ...model,
      groups: model.groups.map((g) => ({
        ...g,
        label: labels.get(`${g.code}\u0000`) ?? g.label,
        options: g.options.map((o) => ({ ...o, label: labels.get(`${g.code}\u0000${o.value}`) ?? o.label })),
      })),
    };
  };
  const alternatives = (...args: Parameters<CatalogReader["alternatives"]>): AlternativeRecord[] => {
    const rows = base.alternatives(...args);
    if (rows.length === 0) return rows;
    const texts = textsOf(rows.map((r) => r.sku));
    return rows.map((r) => {
      const name = texts.get(r.sku)?.name;
      return name ? { ...r, name } : r;
    });
  };
  return { ...base, products, configModel, alternatives };
}
