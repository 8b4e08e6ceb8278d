/**
 * Reading a buyer message against the loaded catalog and the buyer's own data: quantities with units, machines
 * from the installed base (label, site, serial, model), SKUs (also partial or misspelt), product words (through the
 * search index), configuration option values (from the configuration models) and choices ("the second one").
 * Nothing here knows a product: every match is a lookup in the catalog or the conversation.
 */
import type { CatalogSearch, SearchHit } from "../../../catalog/queries/search.ts";
import { editDistance, looksLikeSku, stemOf } from "../../../catalog/queries/search.ts";
import { createNameGloss, glossaryEntries, glossaryFor, type NameGloss } from "../../../catalog/queries/glossary.ts";
import { foldWord, readCatalogLanguages, wordsIn } from "../../../catalog/queries/language.ts";
import { catalogVersionOf } from "../../../catalog/queries/version.ts";
import type { CatalogReader, ConfigModel, FeatureValue } from "../../../catalog/queries/types.ts";
import { unitCodesLike } from "../../../tools/messages/units.ts";
import { FILLER } from "./language.ts";
import { foldUmlauts } from "./nlu/subwords.ts";
import type { MachineView } from "./conversation.ts";
import type { Lexicon } from "./dialect.ts";
import { FUNCTION_WORDS } from "./function-words.ts";
import { acrossTurnsInView } from "./turn-memo.ts";

export interface Knowledge {
  reader: CatalogReader;
  search: CatalogSearch;
  /**
   * The catalog's version (catalog/queries/version.ts): what answers kept from one turn to the next are keyed on.
   * Undefined inside a transaction; absent on a knowledge built by hand (then nothing outlives a turn).
   */
  catalogVersion?: () => string | undefined;
  /**
   * Copies of one catalog image (eval trials) that share what depends on the catalog alone (turn-memo.ts) while the
   * copy is untouched: `scope` holds the shared answers, `key` names the catalog, `pristine` is the version of a copy
   * nothing was written to since it was opened.
   */
  catalogShare?: { scope: object; key: string; pristine: string };
  /** Two adjacent words of a product name written as one, by the joined form (`joinedNameWords`). */
  joinedNames: Map<string, string>;
  /**
   * Two adjacent words of a product name, by their stems ("work light", "led work"): a conversation word inside a
   * name ("LED work light") is part of that name where it stands between its neighbours of the name.
   */
  nameBigrams: Set<string>;
  /**
   * On a catalog without texts in a glossary language, adjacent word pairs (by stems) of the glossary's phrases for its
   * names ("release oil" for "Trennöl"): an everyday word of the buyer's beside its partner names the product with it.
   */
  glossBigrams: Set<string>;
  /** Buyer unit words → the catalog's unit codes present in this catalog. */
  unitCodes: Map<string, string>;
  /** Units of measurement in the catalog's features (V, mm, bar…): a number followed by one is a spec, not a quantity. */
  measureUnits: Set<string>;
  /** Every configuration option word of the catalog (values and label words), lower-case. */
  optionWords: Set<string>;
  /**
   * Words of configuration group labels and of option labels in every language of the catalog ("Kältemittel",
   * "Tiefkühlung", "Winterregelung"): words that state an option, not the product configured.
   */
  configWords: Set<string>;
  /** Machine model codes of the catalog, lower-case → code. */
  machineModels: Map<string, string>;
  /** Category code → the words of its name, lower-case ("Seals, O-rings & gaskets" → seals, o-rings, gaskets). */
  categoryWords: Map<string, string[]>;
  /**
   * Category code → the letter words of its names in every language, hyphenated ones in their parts too ("V-belts" →
   * v-belts, belts; "Keilriemen"): the words for what kind of product it is, which name a line of that kind.
   */
  kindWords: Map<string, string[]>;
  /**
   * Ordinary language (the words of the intent corpus) that is not itself a catalog word: never searched for and
   * never "corrected" into a catalog word ("arrive", "ahead", "fine").
   */
  ordinary: (word: string) => boolean;
  /** Every word of the intent corpus's training split. */
  corpusWords: Set<string>;
  /** Letter prefixes the catalog glues to numbers in names and option labels ("XY" of "XY32"): "XY 32" is a size. */
  numberPrefixes: Set<string>;
  /**
   * Letter codes the catalog writes apart from a number in product, machine-model and option names ("DML 083",
   * "SM 321", "KP 5"), lower-case: a number right after one is part of a name or model code, never a quantity.
   */
  codeWords: Set<string>;
  /**
   * A word and a number the catalog writes side by side in product names and option labels, any language
   * ("spannbuchse 1610", "cylinder 63", "98 shore"), lower-case: the buyer writing the same pair names a size or type,
   * never a quantity. Only pairs whose word is no unit, and, for a word after the number, one the names write only
   * after a number (a measure of the trade: "Shore"), not a noun ("12 cartridges").
   */
  namePairs: Set<string>;
  /** Words of counted properties (numeric features without a unit: "channels", "poles"), lower-case. */
  countWords: Map<string, string>;
  /**
   * Words that name a configuration group whose values are bare numbers ("bore", "stroke", "Hub": its code, label and
   * the feature name of that code in every language) → those values: "bore 63" states an option, not a quantity.
   */
  optionNumbers: Map<string, Set<number>>;
  /**
   * Words that name a numeric feature of the catalog's products — the head word of its name in every language and of
   * its key ("Bohrung", "bore", "Zähnezahl", "teeth", "diameter"), never a word that leads a product name — → the
   * values its products have, by feature key: "Bohrung 30", "96 Zähne", "bore 30" state a value, not how many.
   */
  featureNumbers: Map<string, Map<string, Set<number>>>;
  /**
   * Words that name a configuration group of several choices ("Options (up to 2)": its code, label and labels in
   * every language) → how many it takes at most: "just those two extras" counts choices, not products.
   */
  choiceWords: Map<string, number>;
  /** The language whose product names alone use this word ("Pressfassungen" → "de"), if only one does. */
  wordLanguage: (word: string) => string | undefined;
  /** Whether a word is a whole word of the catalog's product, machine-model or option names (lower-case). */
  nameWord: (word: string) => boolean;
  /**
   * Whether a word (any inflection, or a part of a hyphenated one) is a word that leads a product name in some
   * language — what the product is ("Filter drier", "Plough share", "Netzteil"), before its codes, sizes and the
   * variant words after a comma ("left", "links") — or a word of a category name.
   */
  headWord: (word: string) => boolean;
  /**
   * The shop's customers (id and name), read once when first asked: who "customer C-1002" or "Kessler Metallbau" is
   * when a buyer asks for someone else's prices (`other-customer.ts`). Never said to the buyer.
   */
  customers?: () => readonly { id: string; name: string }[];
  /** What dialect spellings are read against (`dialect.ts`): the words `common` knows, and the name words. */
  lexicon: Lexicon;
  /**
   * Product names in every language of the catalog, joined ("Copper tee … Kupfer-T-Stück …"): buyer words match either.
   * With `heads`, each name without what it is for ("Zahnriemenscheibe …, für 30-mm-Riemen" is a pulley, no belt);
   * with "lead", only what each name leads with, up to its first comma ("NTC-Temperaturfühler" of "NTC-Temperaturfühler,
   * 1,5 m Kabel"; "Kühlstellenregler EKC 202" of "…, 230 V AC, 2 NTC-Fühler"): what the product is, not what it has.
   * With `translated`, a product named in only some of the catalog's languages also by the glossary's words for the
   * others ("filter cartridge" of "Filterpatrone …"), as every name of a catalog without them is — for weighing a
   * machine's listed part against another product (a wider use cost held-out conversations).
   */
  allNames: (skus: readonly string[], heads?: boolean | "lead", translated?: boolean) => Map<string, string>;
  /** Product names in every language of the catalog (the glossary's words for the name too), one string each. */
  nameList: (skus: readonly string[]) => Map<string, string[]>;
  /**
   * The built-in glossary's words for a product name in the languages the catalog has no texts in ("Sight glass …"
   * → "Schauglas" on an English-only catalog); absent when the catalog speaks every glossary language.
   */
  gloss?: NameGloss;
  /** Product names and keywords in every language, joined ("… Digitaleingabemodul … Eingangsmodul"). */
  namesAndKeywords: (skus: readonly string[]) => Map<string, string>;
  /** The unit of each numeric feature with one (lower-case: "ratedCurrent" → "a", "length" → "m"). */
  featureUnits: Map<string, string>;
  /** The values the catalog's products have for each counted property ("poles" → 1, 3): "20 flange gaskets" is no DN 20. */
  countValues: Map<string, Set<number>>;
  /**
   * Words that are a product's value of a property written in letters ("SPZ" of a belt profile, "left" of a side),
   * lower-case: which one of a kind, even where a name writes the word before its sizes.
   */
  valueWords: Set<string>;
  /** A word of the catalog's names or of the conversation corpus: it names no machine of the buyer's on its own. */
  common: (word: string) => boolean;
  /**
   * A word of the catalog — its product, machine-model and option names (also inflected: "gauges" of "gauge") or a
   * term of its search index (keywords, synonyms) — that is no word of the conversation corpus: a product word, never
   * what the buyer says about the conversation.
   */
  catalogWord: (word: string) => boolean;
  /** A word of the catalog's names (also inflected), corpus words included ("pressure" of "pressure gauge"). */
  inflectedNameWord: (word: string) => boolean;
  /**
   * The catalog's synonym list as groups of equivalent phrases (lower-case words), any language: "Kühlraum" and
   * "cold room" in one group let a machine labelled in one language be named in the other.
   */
  phraseGroups: string[][][];
  /**
   * Every SKU of the catalog in its compact form (`compactSku`: lower-case, no separators): a code written apart
   * ("UCP 206") is searched for as a SKU only when some SKU has its compact form.
   */
  compactSkus: Set<string>;
  /**
   * The letters-and-digits parts of the catalog's SKUs, lower-case ("ax500" of FM-AX500-400, "ncp32"): a code word
   * and the number after it that the buyer writes apart ("AX 500") are that part of a name, never a quantity.
   */
  skuCodes: Set<string>;
}

export interface Token {
  text: string;
  lower: string;
  index: number;
  /** Offset in the text (after currency symbols became words), for overlaps with recognised spans. */
  start: number;
  /** What the text has between this token and the next ("~" of "3~", ", "): signs the words leave out. */
  tail?: string;
}

export interface Quantity {
  value: number;
  /** A catalog unit code when the buyer named one ("3 boxes" → BOX). */
  unit?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  pair: 2,
  couple: 2,
  ein: 1,
  eine: 1,
  einen: 1,
  einem: 1,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwoelf: 12,
  zwanzig: 20,
  fünfzig: 50,
  hundert: 100,
  dutzend: 12,
  paar: 2,
  // Swiss and southern German counts ("aber drü statt zwöi"), and the Swiss article "en" ("en Flachrührer").
  en: 1,
  zwöi: 2,
  // Southern and eastern German twos ("zwoi spula", "zwoa Dichtungen", "zwee Stück") and the "zwo" said on the phone.
  zwoi: 2,
  zwoa: 2,
  zwee: 2,
  zwo: 2,
  drü: 3,
  föif: 5,
  sächs: 6,
};

/** Number words that say a count without an article's reading ("ein", "a pair" stay out). */
const REPLACING_WORDS = Object.keys(NUMBER_WORDS).filter(
  (w) => !/^(?:ein|eine|einen|einem|en|pair|couple|dozen|dutzend|paar|hundred|hundert)$/.test(w),
);
const COUNT = `(\\d+|${REPLACING_WORDS.join("|")})`;
const REPLACED_COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${COUNT}(?:\\s*[x×])?(?:\\s+[\\p{L}.-]+){0,3}?(?:\\s+(?:this\\s+time|diesmal|dieses\\s+Mal))?(?:\\s*,?\\s+|\\s*\\(\\s*)(?:nicht|not|statt|anstatt|anstelle\\s+von|instead\\s+of|rather\\s+than)\\s+(?:der\\s+|die\\s+|den\\s+|the\\s+)?${COUNT}(?![\\p{L}\\p{N}]|[.,]\\p{N})`,
  "iu",
);

/**
 * "wir brauchen 8 Trockner nicht 6", "10 Stück statt 6", "aber drei statt zwei", "three instead of two", "16 spools of
 * wire this time instead of 12", "16 spools this time (not 12)": a new count beside the count it replaces, where the
 * text says one.
 */
export function replacedCount(text: string): { now: number; was: number; start: number; end: number } | undefined {
  const m = REPLACED_COUNT.exec(text);
  if (!m) return undefined;
  const value = (w: string) => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w.toLowerCase()]!);
  const now = value(m[1]!);
  const was = value(m[2]!);
  return now > 0 && now !== was ? { now, was, start: m.index, end: m.index + m[0].length } : undefined;
}

/** Buyer words for units, mapped to the usual catalog codes; only codes the catalog uses are kept. */
const UNIT_WORDS: Record<string, string> = {
  pc: "PCE",
  pcs: "PCE",
  piece: "PCE",
  pieces: "PCE",
  each: "PCE",
  ea: "PCE",
  stück: "PCE",
  stueck: "PCE",
  stk: "PCE",
  x: "PCE",
  box: "BOX",
  boxes: "BOX",
  karton: "BOX",
  kartons: "BOX",
  carton: "BOX",
  cartons: "BOX",
  schachtel: "BOX",
  schachteln: "BOX",
  pack: "PAK",
  packs: "PAK",
  package: "PAK",
  packages: "PAK",
  packung: "PAK",
  packungen: "PAK",
  pak: "PAK",
  pck: "PAK",
  set: "SET",
  sets: "SET",
  kit: "SET",
  kits: "SET",
  satz: "SET",
  sätze: "SET",
  m: "M",
  meter: "M",
  meters: "M",
  metre: "M",
  metres: "M",
  roll: "ROL",
  rolls: "ROL",
  rolle: "ROL",
  rollen: "ROL",
  pair: "PR",
  pairs: "PR",
  paar: "PR",
  paare: "PR",
  l: "LTR",
  liter: "LTR",
  litre: "LTR",
  liters: "LTR",
  litres: "LTR",
  kg: "KGM",
  kilo: "KGM",
  kilos: "KGM",
  can: "CAN",
  cans: "CAN",
  dose: "CAN",
  dosen: "CAN",
  bag: "BAG",
  bags: "BAG",
  cartridge: "CAR",
  cartridges: "CAR",
  kartusche: "CAR",
  kartuschen: "CAR",
  case: "CS",
  cases: "CS",
  beutel: "BAG",
  sack: "BAG",
  säcke: "BAG",
  sacks: "BAG",
  ring: "RNG",
  rings: "RNG",
  ringe: "RNG",
  reel: "ROL",
  reels: "ROL",
  pail: "PL",
  pails: "PL",
  eimer: "PL",
  drum: "DR",
  drums: "DR",
  fass: "DR",
  fässer: "DR",
  canister: "KAN",
  canisters: "KAN",
  kanister: "KAN",
  bottle: "BOT",
  bottles: "BOT",
  flasche: "BOT",
  flaschen: "BOT",
};

/**
 * Words of containers that hold one item each ("cans", "Dosen", "bottles", "Flaschen"): of a pack of counted pieces
 * (a box of 12 cans), a count of them counts the pieces (`piecesOf` in context.ts).
 */
export const ONE_ITEM_WORDS: ReadonlySet<string> = new Set(
  Object.entries(UNIT_WORDS)
    .filter(([, code]) => code === "CAN" || code === "BOT")
    .map(([word]) => word),
);

/**
 * Unit words buyers also use loosely for whatever a product comes in ("1 carton" of a bag, "a carton of" pieces): they
 * count in that unit only where the product is sold in it (`context.ts`, `looseUnit`); otherwise the count is of the
 * product's own unit, as if no unit was said — never a pack the product is not sold in.
 */
export const LOOSE_UNIT_WORDS: ReadonlySet<string> = new Set(["carton", "cartons"]);

/** Ordinal words that pick an item of a list: English words and "1st"…"6th", German stems with every ending. */
const ORDINALS: Record<string, number> = Object.fromEntries([
  ...(
    [
      ["first", "1st", 1],
      ["second", "2nd", 2],
      ["third", "3rd", 3],
      ["fourth", "4th", 4],
      ["fifth", "5th", 5],
      ["sixth", "6th", 6],
    ] as const
  ).flatMap(([word, short, n]) => [
    [word, n],
    [short, n],
  ]),
  ["last", -1],
  ...(
    [
      ["erst", 1],
      ["zweit", 2],
      ["dritt", 3],
      ["viert", 4],
      ["fünft", 5],
      ["sechst", 6],
      ["letzt", -1],
    ] as const
  ).flatMap(([stem, n]) => ["e", "en", "er", "es", "em"].map((end) => [`${stem}${end}`, n])),
]);

/**
 * What the knowledge reads from the catalog's texts, apart from the connection it reads through: the same for every
 * copy of one catalog (eval trials each get a copy; stock and price events change no word), so it can be read once
 * and shared (`buildKnowledge`'s `words`).
 */
export interface CatalogWords {
  unitCodes: Map<string, string>;
  measureUnits: Set<string>;
  optionWords: Set<string>;
  configWords: Set<string>;
  machineModels: Map<string, string>;
  categoryWords: Map<string, string[]>;
  kindWords: Map<string, string[]>;
  corpusWords: Set<string>;
  numberPrefixes: Set<string>;
  codeWords: Set<string>;
  namePairs: Set<string>;
  countWords: Map<string, string>;
  optionNumbers: Knowledge["optionNumbers"];
  featureNumbers: Knowledge["featureNumbers"];
  choiceWords: Knowledge["choiceWords"];
  nameVocabulary: Set<string>;
  /**
   * On a catalog without texts in a glossary language, the glossary's words for its names ("return filter element"
   * for "Rücklauffilterelement"): words of the buyer's that name products (`inflectedNameWord`), though no name
   * writes them.
   */
  glossVocabulary: Set<string>;
  /** Stems of the words that lead product names and of category names (`Knowledge.headWord`). */
  headStems: Set<string>;
  /** Two adjacent words of a product name written as one ("sightglass" → "sight glass"), by the joined form. */
  joinedNames: Map<string, string>;
  nameBigrams: Set<string>;
  glossBigrams: Knowledge["glossBigrams"];
  /** Word stems of product names found in one language of the catalog only → that language ("pressfassung" → de). */
  wordLanguages: Map<string, string>;
  /** `ordinary` answers so far (they depend on the catalog's words and the corpus only). */
  ordinaryMemo: Map<string, boolean>;
  featureUnits: Knowledge["featureUnits"];
  countValues: Knowledge["countValues"];
  valueWords: Knowledge["valueWords"];
  phraseGroups: Knowledge["phraseGroups"];
  compactSkus: Knowledge["compactSkus"];
  skuCodes: Knowledge["skuCodes"];
}

/**
 * The consultant's knowledge of a catalog: `reader` and `search` over this connection, and the catalog's words —
 * read here, or `words` read from another copy of the same catalog.
 */
export function buildKnowledge(
  reader: CatalogReader,
  search: CatalogSearch,
  sqlite: import("better-sqlite3").Database,
  vocabulary: Set<string> = new Set(),
  words: CatalogWords = readCatalogWords(sqlite, vocabulary),
): Knowledge {
  const { nameVocabulary, glossVocabulary, ordinaryMemo, corpusWords, optionWords, headStems, ...rest } = words;
  const ordinary = (word: string) => {
    let v = ordinaryMemo.get(word);
    if (v === undefined) ordinaryMemo.set(word, (v = corpusWords.has(word) && search.correctWord(word) !== word));
    return v;
  };
  const catalogLanguages = readCatalogLanguages(sqlite);
  const gloss = createNameGloss(catalogLanguages.languages);
  const textNames = sqlite.prepare("SELECT sku, lang, name FROM product_texts WHERE name IS NOT NULL");
  // A product named in only some of the catalog's languages ("Filterpatrone Plattenentwickler CTP 80" on a catalog
  // whose English names cover part of its range) is read with the glossary's words for the languages it lacks, as
  // every name of a catalog without those languages is ("filter cartridge" of "Filterpatrone").
  const langsBySku = new Map<string, string[]>();
  const glossByLangs = new Map<string, ReturnType<typeof createNameGloss>>();
  const glossOf = (sku: string, translated: boolean) => {
    if (gloss || !translated) return gloss;
    const has = [catalogLanguages.defaultLanguage, ...(langsBySku.get(sku) ?? [])];
    if (catalogLanguages.languages.every((l) => has.includes(l))) return undefined;
    const key = [...new Set(has)].sort().join(",");
    if (!glossByLangs.has(key)) glossByLangs.set(key, createNameGloss([...new Set(has)]));
    return glossByLangs.get(key);
  };
  let textsBySku: Map<string, string> | undefined;
  let headsBySku: Map<string, string> | undefined;
  let leadsBySku: Map<string, string> | undefined;
  const textListBySku = new Map<string, string[]>();
  const allNames = (skus: readonly string[], heads: boolean | "lead" = false, translated = false) => {
    if (!textsBySku || !headsBySku || !leadsBySku) {
      textsBySku = new Map();
      headsBySku = new Map();
      leadsBySku = new Map();
      for (const r of textNames.all() as { sku: string; lang: string; name: string }[]) {
        if (r.name !== "") langsBySku.set(r.sku, [...(langsBySku.get(r.sku) ?? []), r.lang]);
        textsBySku.set(r.sku, `${textsBySku.get(r.sku) ?? ""} ${r.name}`);
        textListBySku.set(r.sku, [...(textListBySku.get(r.sku) ?? []), r.name]);
        headsBySku.set(r.sku, `${headsBySku.get(r.sku) ?? ""} ${withoutTarget(r.name)}`);
        leadsBySku.set(r.sku, `${leadsBySku.get(r.sku) ?? ""} ${leadOf(r.name)}`);
      }
    }
    const base = reader.products(skus);
    const texts = heads === "lead" ? leadsBySku : heads ? headsBySku : textsBySku;
    return new Map(
      skus.map((sku) => {
        const full = base.get(sku)?.name ?? "";
        const name = heads === "lead" ? leadOf(full) : heads ? withoutTarget(full) : full;
        const glossed = glossOf(sku, translated);
        return [sku, `${name} ${texts.get(sku) ?? ""}${glossed ? ` ${glossed(name)}` : ""}`];
      }),
    );
  };
  const nameList = (skus: readonly string[]) => {
    allNames([]);
    const base = reader.products(skus);
    return new Map(
      skus.map((sku) => {
        const name = base.get(sku)?.name ?? "";
        const texts = (textsBySku!.get(sku) ?? "").trim();
        return [sku, [name, ...(texts ? textListBySku.get(sku)! : []), ...(gloss ? [gloss(name)] : [])]];
      }),
    );
  };
  const terms = sqlite.prepare(
    "SELECT sku, names FROM product_search_terms WHERE sku IN (SELECT value FROM json_each(?))",
  );
  const namesAndKeywords = (skus: readonly string[]) => {
    const names = allNames(skus);
    for (const r of terms.all(JSON.stringify(skus)) as { sku: string; names: string }[])
      names.set(r.sku, `${names.get(r.sku) ?? ""} ${r.names}`);
    return names;
  };
  const common = (w: string) => nameVocabulary.has(w) || corpusWords.has(w) || FILLER.has(w) || optionWords.has(w);
  let stems: Set<string> | undefined;
  const inflectedNameWord = (w: string) => {
    if (nameVocabulary.has(w) || optionWords.has(w) || glossVocabulary.has(w)) return true;
    stems ??= nameStemsOf(words);
    return stems.has(stemOf(w)) || stems.has(stemOf(foldWord(w)));
  };
  const catalogWords = new Map<string, boolean>();
  const catalogWord = (w: string) => {
    let v = catalogWords.get(w);
    if (v === undefined) {
      v = !corpusWords.has(w) && !FILLER.has(w) && (inflectedNameWord(w) || search.correctWord(w) === w);
      if (catalogWords.size > 5000) catalogWords.clear();
      catalogWords.set(w, v);
    }
    return v;
  };
  // Re-read when customers were added or removed (an import of customers alone does not rebuild the knowledge).
  let customers: { id: string; name: string }[] | undefined;
  let customersAt = "";
  const customerRows = sqlite.prepare("SELECT id, name FROM customers");
  const customerVersion = sqlite.prepare("SELECT count(*) || ':' || coalesce(max(rowid), 0) FROM customers").pluck();
  const customerList = () => {
    const at = String(customerVersion.get());
    if (!customers || at !== customersAt) (customers = customerRows.all() as typeof customers), (customersAt = at);
    return customers!;
  };
  return {
    reader,
    search,
    catalogVersion: catalogVersionOf(sqlite),
    customers: customerList,
    ...rest,
    catalogWord,
    inflectedNameWord,
    allNames,
    nameList,
    ...(gloss ? { gloss } : {}),
    namesAndKeywords,
    optionWords,
    ordinary,
    corpusWords,
    common,
    lexicon: {
      knows: (w: string) => common(w) || FUNCTION_WORDS.has(w),
      functionWords: FUNCTION_WORDS,
      nameWords: nameVocabulary,
      configWords: rest.configWords,
      // The glossary's words for the names (a German buyer's "Schauglaeser" on an English-only catalog) are known to
      // the transliteration only: the dialect rules towards them changed words a German-only name never had.
      inflected: inflectedNameWord,
    },
    nameWord: (w: string) => nameVocabulary.has(w),
    headWord: (w: string) =>
      !FILLER.has(w) && [w, ...w.split("-")].some((x) => x.length > 2 && !FILLER.has(x) && isHead(headStems, x)),
    wordLanguage: (w: string) => words.wordLanguages.get(wordStem(w)),
  };
}

/**
 * The stems of the words of names, options and the glossary's names: read once per catalog's words, shared by the
 * knowledge of every copy of that catalog (eval trials) — the words never change once read.
 */
function nameStemsOf(words: CatalogWords): Set<string> {
  let stems = nameStems.get(words);
  if (!stems) {
    // Each word folded too ("schwanenhals"): a German plural with an umlaut ("Schwanenhälse") stems to it folded.
    const all = [...words.nameVocabulary, ...words.optionWords, ...words.glossVocabulary];
    stems = new Set([...all.map(stemOf), ...all.map((w) => stemOf(foldWord(w)))]);
    nameStems.set(words, stems);
  }
  return stems;
}
const nameStems = new WeakMap<CatalogWords, Set<string>>();

/** The catalog's words as the knowledge needs them (see CatalogWords). */
export function readCatalogWords(sqlite: import("better-sqlite3").Database, vocabulary: Set<string>): CatalogWords {
  const codes = new Set(
    (
      sqlite
        .prepare("SELECT DISTINCT order_unit AS u FROM products UNION SELECT DISTINCT content_unit FROM products")
        .all() as { u: string }[]
    ).map((r) => r.u.toUpperCase()),
  );
  const unitCodes = new Map<string, string>();
  for (const [word, usual] of Object.entries(UNIT_WORDS)) {
    // The catalog's own spelling of the unit: "metres" is M in one catalog and MTR (UN/ECE Rec. 20) in another.
    // (The codes of a unit are those of the words shown for it: tools/messages/units.ts.)
    const code = unitCodesLike(usual).find((c) => codes.has(c));
    if (code) unitCodes.set(word, code);
    else if (usual === "PCE") unitCodes.set(word, usual);
  }
  for (const code of codes) unitCodes.set(code.toLowerCase(), code);
  const measureUnits = new Set<string>([
    "v",
    "kv",
    "w",
    "kw",
    "hz",
    "mm",
    "cm",
    "bar",
    "psi",
    "°c",
    "c",
    "a",
    "ma",
    "mv",
    "ka",
    "kva",
    "rpm",
    "nm",
    "mbar",
    "kpa",
    "mpa",
    "inch",
    "zoll",
    "eur",
    "euro",
    "euros",
    "usd",
    "gbp",
    "chf",
    "cent",
    "cents",
    "percent",
    "prozent",
    "%",
  ]);
  for (const r of sqlite
    .prepare("SELECT DISTINCT lower(unit) AS u FROM product_features WHERE unit IS NOT NULL")
    .all() as { u: string }[]) {
    if (!unitCodes.has(r.u)) measureUnits.add(r.u);
  }
  const optionWords = new Set<string>();
  for (const r of sqlite.prepare("SELECT value, label FROM config_options").all() as {
    value: string;
    label: string;
  }[]) {
    for (const w of wordsOf(`${r.value} ${r.label}`))
      if (w.length >= 2 && !/^\d+([.,]\d+)?$/.test(w)) optionWords.add(w);
  }
  const configWords = new Set(optionWords);
  // On a catalog without texts in a glossary language, the glossary's words for the labels stand for those texts
  // ("Kolbendurchmesser" for "Bore", "Tiefkühlung" for "Low temperature").
  const { languages } = readCatalogLanguages(sqlite);
  const gloss = createNameGloss(languages);
  const glossed = (label: string) => (gloss ? ` ${gloss(label)}` : "");
  for (const r of sqlite
    .prepare(
      "SELECT label, 1 AS own FROM config_groups UNION ALL SELECT label, 1 FROM config_options UNION ALL SELECT label, 0 FROM config_texts",
    )
    .all() as { label: string; own: number }[])
    for (const w of wordsOf(`${r.label}${r.own ? glossed(r.label) : ""}`))
      if (w.length >= 2 && !/^\d+([.,]\d+)?$/.test(w)) configWords.add(w);
  const machineModels = new Map<string, string>();
  for (const r of sqlite.prepare("SELECT code FROM machine_models").all() as { code: string }[])
    machineModels.set(r.code.toLowerCase(), r.code);
  const categoryWords = new Map<string, string[]>();
  for (const r of sqlite.prepare("SELECT code, name FROM categories").all() as { code: string; name: string }[])
    categoryWords.set(r.code, wordsOf(r.name || r.code));
  const kindWords = new Map<string, string[]>();
  for (const r of sqlite
    .prepare("SELECT code, name FROM categories UNION ALL SELECT code, name FROM category_texts")
    .all() as { code: string; name: string | null }[]) {
    // ("Line components (driers, sight glasses, …)": what a bracket lists are kinds of its own, not the category's.)
    const lead = (r.name ?? "").split("(")[0] ?? "";
    const ws = [...nameWords(lead)].filter((w) => w.length > 2 && /^\p{L}+$/u.test(w) && !FILLER.has(w));
    kindWords.set(r.code, [...new Set([...(kindWords.get(r.code) ?? []), ...ws])]);
  }
  const prefixCount = new Map<string, number>();
  const texts = sqlite.prepare("SELECT name AS t FROM products UNION ALL SELECT label FROM config_options").all() as {
    t: string;
  }[];
  for (const { t } of texts)
    for (const m of t.toLowerCase().matchAll(/\b([a-z]{1,3})(\d+)/g))
      prefixCount.set(m[1]!, (prefixCount.get(m[1]!) ?? 0) + 1);
  // Why a floor: a prefix seen a few times is a SKU fragment, not a way the trade writes sizes.
  const numberPrefixes = new Set([...prefixCount].filter(([, n]) => n >= 5).map(([p]) => p));
  // "i=19.8", "z=15": a letter the names join to a number with "=" names a quantity of the product, whatever the number.
  for (const { t } of texts)
    for (const m of t.toLowerCase().matchAll(/\b([a-z]{1,3}) ?= ?\d/g)) numberPrefixes.add(m[1]!);
  for (const w of ["m", "g", "r", "ip"]) if (prefixCount.has(w)) numberPrefixes.add(w);
  // Counted properties (numeric features without a unit: channels, poles): "16 channel", "3 pole" is a spec.
  const countWords = new Map<string, string>();
  for (const r of sqlite
    .prepare(
      "SELECT DISTINCT f.key AS key, n.name AS name FROM product_features f LEFT JOIN feature_names n ON n.key = f.key WHERE f.type = 'num' AND (f.unit IS NULL OR f.unit = '')",
    )
    .all() as { key: string; name: string | null }[])
    for (const w of wordsOf(
      `${r.key.replace(/([a-z])([A-Z])/g, "$1 $2")} ${r.name ?? ""}${glossed(`${r.key.replace(/([a-z])([A-Z])/g, "$1 $2")} ${r.name ?? ""}`)}`,
    ))
      if (w.length >= 4 && !/\d/.test(w) && !unitCodes.has(w)) countWords.set(w, r.key);
  const optionNumbers = new Map<string, Set<number>>();
  for (const r of sqlite
    .prepare(
      "SELECT g.code AS code, g.label AS label, o.value AS value, o.label AS optionLabel, coalesce((SELECT group_concat(n.name, ' ') FROM feature_names n WHERE n.key = g.code), '') || ' ' || coalesce((SELECT group_concat(t.label, ' ') FROM config_texts t WHERE t.model_id = g.model_id AND t.group_code = g.code AND t.value = ''), '') AS names FROM config_groups g JOIN config_options o ON o.model_id = g.model_id AND o.group_code = g.code",
    )
    .all() as { code: string; label: string; value: string; optionLabel: string; names: string | null }[]) {
    // "Cat 2", "Series 6 (up to 60 kW)": a value whose label is a word and a number is that number too ("category 2").
    const labelled = /^\s*\p{L}{1,8}\.?\s*(\d+)(?![\d.,/])/u.exec(r.optionLabel ?? "")?.[1];
    const number = /^\d+([.,]\d+)?$/.test(r.value.trim()) ? r.value.trim() : labelled;
    if (!number) continue;
    for (const w of wordsOf(
      `${r.code.replace(/([a-z])([A-Z])/g, "$1 $2")} ${r.label} ${r.names ?? ""}${glossed(r.label)}`,
    )) {
      if (w.length < 3 || /\d/.test(w) || FILLER.has(w) || unitCodes.has(w)) continue;
      const set = optionNumbers.get(w) ?? new Set<number>();
      set.add(Number(number.replace(",", ".")));
      optionNumbers.set(w, set);
    }
  }
  const choiceWords = new Map<string, number>();
  for (const r of sqlite
    .prepare(
      "SELECT g.code AS code, g.label AS label, g.max_choices AS max, coalesce((SELECT group_concat(t.label, ' ') FROM config_texts t WHERE t.model_id = g.model_id AND t.group_code = g.code AND t.value = ''), '') AS names FROM config_groups g WHERE g.max_choices > 1",
    )
    .all() as { code: string; label: string; max: number; names: string }[])
    for (const w of wordsOf(`${r.code.replace(/([a-z])([A-Z])/g, "$1 $2")} ${r.label} ${r.names}${glossed(r.label)}`))
      if (w.length >= 4 && !/\d/.test(w)) choiceWords.set(w, Math.max(r.max, choiceWords.get(w) ?? 0));
  const featureUnits = new Map<string, string>();
  for (const r of sqlite
    .prepare(
      "SELECT DISTINCT key, lower(unit) AS u FROM product_features WHERE type = 'num' AND unit IS NOT NULL AND unit <> ''",
    )
    .all() as { key: string; u: string }[])
    featureUnits.set(r.key, r.u);
  const valueWords = new Set<string>();
  for (const r of sqlite
    .prepare("SELECT DISTINCT text_value AS v FROM product_features WHERE type = 'text' AND text_value IS NOT NULL")
    .all() as { v: string }[])
    for (const w of wordsOf(r.v))
      if (/^\p{L}+(?:-\p{L}+)*$/u.test(w) && w.length > 1 && !FILLER.has(w)) valueWords.add(w);
  const countValues = new Map<string, Set<number>>();
  for (const r of sqlite
    .prepare(
      "SELECT DISTINCT key, num_value AS v FROM product_features WHERE type = 'num' AND (unit IS NULL OR unit = '') AND num_value IS NOT NULL",
    )
    .all() as { key: string; v: number }[]) {
    const set = countValues.get(r.key) ?? new Set<number>();
    set.add(r.v);
    countValues.set(r.key, set);
  }
  const nameVocabulary = new Set<string>();
  const codeWords = new Set<string>();
  const named = sqlite
    .prepare(
      "SELECT name AS t FROM products UNION ALL SELECT name FROM product_texts UNION ALL SELECT name FROM machine_models UNION ALL SELECT label FROM config_options",
    )
    .all() as { t: string | null }[];
  // Written in capitals and followed by a number: a model or type code of the trade, whatever the trade.
  for (const { t } of named) for (const w of wordsOf(t ?? "")) nameVocabulary.add(w);
  // On a catalog without texts in the buyer's language, the glossary's words for its names name its products too
  // ("return filter element" for "Rücklauffilterelement"): the buyer's "3 return filter elements" orders one.
  const glossVocabulary = new Set<string>();
  if (gloss) for (const { t } of named) for (const w of gloss.words(t ?? "").flatMap(wordsOf)) glossVocabulary.add(w);
  // The same for a product named in only some of the catalog's languages ("VHM-Kompressionsfräser" on a catalog
  // whose English names cover a third of its range): the search index holds those words for it
  // (catalog/queries/search-terms.ts), and the buyer's "compression cutter" orders it.
  const fallbackLanguage = readCatalogLanguages(sqlite).defaultLanguage;
  for (const r of sqlite
    .prepare(
      "SELECT p.name AS name, (SELECT group_concat(t.lang) FROM product_texts t WHERE t.sku = p.sku AND t.name IS NOT NULL AND t.name <> '') AS langs FROM products p",
    )
    .all() as { name: string; langs: string | null }[]) {
    const has = [fallbackLanguage, ...(r.langs?.split(",") ?? [])];
    if (languages.every((l) => has.includes(l))) continue;
    for (const w of (createNameGloss(has)?.words(r.name) ?? []).flatMap(wordsOf)) glossVocabulary.add(w);
  }
  for (const { t } of named)
    for (const m of (t ?? "").matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,5})[ \u00a0]+(?=\d)/gu))
      if (!measureUnits.has(m[1]!.toLowerCase())) codeWords.add(m[1]!.toLowerCase());
  // Conversation words ("for 2 pumps", "with 4 …") are no part of a name, whatever the names write after them.
  const namePairs = readNamePairs(
    named.map((r) => r.t ?? ""),
    (w) => unitCodes.has(w) || measureUnits.has(w) || vocabulary.has(w) || FILLER.has(w),
    (w) => unitCodes.has(w) || measureUnits.has(w),
  );
  // "Spannbuchse 1610" where the names write "Taper bush 1610": the glossary's word for the phrase before a name's
  // number pairs with it as the phrase does.
  if (gloss)
    for (const { t } of named) {
      const words = wordsIn(t ?? "");
      for (const span of gloss.spans(t ?? "")) {
        const n = words[span.end];
        if (!n || !/^\d+$/.test(n)) continue;
        // A phrase by its last word ("fan motor 500" for "Axialventilator 500 mm").
        for (const w of span.words.map((p) => wordsOf(p).at(-1) ?? ""))
          if (/^\p{L}{3,}$/u.test(w)) namePairs.add(`${w.toLowerCase()} ${n}`);
      }
    }
  // What a product is: the words of its name before the first word with a digit, a comma, a colon or a bracket.
  const headStems = new Set<string>();
  const heads = sqlite.prepare("SELECT name AS t FROM products UNION ALL SELECT name FROM product_texts").all() as {
    t: string | null;
  }[];
  for (const { t } of heads) {
    const lead = (t ?? "").split(/[,:;(]|\s\S*\d/u)[0] ?? "";
    for (const w of wordsOf(`${lead}${gloss ? ` ${gloss(lead)}` : ""}`))
      for (const x of [w, ...w.split("-")])
        if (x.length > 2 && /^\p{L}+$/u.test(x) && !FILLER.has(x)) addHead(headStems, x);
  }
  for (const ws of categoryWords.values())
    for (const w of ws) if (w.length > 2 && /^\p{L}+$/u.test(w) && !FILLER.has(w)) addHead(headStems, w);
  const featureNumbers = readFeatureNumbers(sqlite, headStems, glossed, (w) => unitCodes.has(w) || measureUnits.has(w));
  const phraseGroups: string[][][] = [];
  for (const r of sqlite.prepare("SELECT term, synonyms FROM synonyms").all() as { term: string; synonyms: string }[]) {
    let list: unknown;
    try {
      list = JSON.parse(r.synonyms);
    } catch {
      continue;
    }
    const phrases = [r.term, ...(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [])]
      .map((t) => tokenizeText(t).map((x) => x.lower))
      .filter((w) => w.length > 0);
    if (phrases.length > 1) phraseGroups.push(phrases);
  }
  // The glossary's groups for the languages the catalog lacks: "Kühlraum 2" names the machine labelled "Chill room 2".
  for (const r of glossaryFor(languages).rows) {
    const phrases = [r.term, ...(JSON.parse(r.synonyms) as string[])]
      .map((t) => tokenizeText(t).map((x) => x.lower))
      .filter((w) => w.length > 0);
    if (phrases.length > 1) phraseGroups.push(phrases);
  }
  return {
    unitCodes,
    measureUnits,
    optionWords,
    configWords,
    machineModels,
    categoryWords,
    kindWords,
    corpusWords: vocabulary,
    numberPrefixes,
    codeWords,
    namePairs,
    countWords,
    optionNumbers,
    featureNumbers,
    choiceWords,
    nameVocabulary,
    glossVocabulary,
    headStems,
    // "sightglas" for the glossary's "sight glass" of a German-only catalog's "Schauglas" too.
    joinedNames: readJoinedNames([
      ...named.map((r) => r.t ?? ""),
      ...(gloss ? named.flatMap((r) => gloss.words(r.t ?? "")) : []),
    ]),
    nameBigrams: readNameBigrams(named.map((r) => r.t ?? "")),
    glossBigrams: gloss ? readNameBigrams(named.flatMap((r) => gloss.words(r.t ?? ""))) : new Set(),
    wordLanguages: readWordLanguages(sqlite),
    ordinaryMemo: new Map(),
    featureUnits,
    countValues,
    valueWords,
    phraseGroups,
    compactSkus: new Set(
      (sqlite.prepare("SELECT sku FROM products").all() as { sku: string }[]).map((r) => compactSku(r.sku)),
    ),
    skuCodes: new Set(
      (sqlite.prepare("SELECT sku FROM products").all() as { sku: string }[]).flatMap((r) =>
        r.sku
          .toLowerCase()
          .split(/[-/._ ]+/)
          .filter((part) => /^\p{L}{2,}\d+$/u.test(part)),
      ),
    ),
  };
}

/**
 * What a numeric feature is called by its head word: the last word of its name in each language and of its key
 * ("Number of teeth" → teeth, "Blade diameter (mm)" → diameter, "Zähnezahl", "bladeBoreMm" → bore), with the values
 * the catalog's products have. A word that leads a product name ("blade" of "saw blade") names the product, not the
 * feature: "10 blades" stays ten.
 */
function readFeatureNumbers(
  sqlite: import("better-sqlite3").Database,
  headStems: Set<string>,
  glossed: (label: string) => string,
  unit: (word: string) => boolean,
): Map<string, Map<string, Set<number>>> {
  const values = new Map<string, Set<number>>();
  for (const r of sqlite
    .prepare("SELECT DISTINCT key, num_value AS v FROM product_features WHERE type = 'num' AND num_value IS NOT NULL")
    .all() as { key: string; v: number }[]) {
    const set = values.get(r.key) ?? new Set<number>();
    set.add(r.v);
    values.set(r.key, set);
  }
  const names = new Map<string, string[]>();
  for (const r of sqlite.prepare("SELECT key, name FROM feature_names").all() as { key: string; name: string }[])
    names.set(r.key, [...(names.get(r.key) ?? []), r.name]);
  const out = new Map<string, Map<string, Set<number>>>();
  const head = (label: string) =>
    wordsOf(label.replace(/\([^)]*\)/gu, " "))
      .filter((w) => /^\p{L}+$/u.test(w) && !unit(w))
      .at(-1);
  for (const [key, set] of values) {
    const labels = [key.replace(/([a-z])([A-Z])/g, "$1 $2"), ...(names.get(key) ?? [])];
    const heads = new Set(
      [...labels, ...labels.map(glossed)].map(head).filter((w): w is string => !!w && w.length >= 4 && !FILLER.has(w)),
    );
    for (const w of heads) {
      if (isHead(headStems, w)) continue;
      const keys = out.get(w) ?? new Map<string, Set<number>>();
      keys.set(key, set);
      out.set(w, keys);
    }
  }
  return out;
}

/** Three words the way a catalog name writes them side by side (by stems, through `Knowledge.nameBigrams`). */
export function nameTrigram(k: Pick<Knowledge, "nameBigrams">, a: string, w: string, b: string): boolean {
  const [x, y, z] = [a, w, b].map(stemOf);
  return k.nameBigrams.has(`${x} ${y}`) && k.nameBigrams.has(`${y} ${z}`);
}

/** Adjacent word pairs of the names, by stems (`Knowledge.nameBigrams`). */
function readNameBigrams(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const ws = wordsOf(name).filter((w) => /\p{L}/u.test(w));
    for (let i = 0; i + 1 < ws.length; i++) out.add(`${stemOf(ws[i]!)} ${stemOf(ws[i + 1]!)}`);
  }
  return out;
}

/** A head word as written and as stemmed, umlauts folded ("Kettenschloss" → kettenschloss, kettenschlos). */
function addHead(heads: Set<string>, word: string): void {
  const folded = foldUmlauts(word);
  heads.add(folded).add(stemOf(folded));
}

/** German plural endings after a folded umlaut ("Schlösser", "Räder", "Schläuche"), which the stemmer keeps. */
const PLURAL_TAIL = /^(?:e|en|n|er|ern|s|es)$/u;

/**
 * A word's forms with its umlauts folded: as written, stemmed, and without each German plural ending ("Fässer" →
 * fasser, fass; "Schläuche" → schlauch), to meet a singular name word folded the same way.
 */
export function foldedForms(word: string): string[] {
  const folded = foldUmlauts(word);
  const forms = [folded, stemOf(folded)];
  for (let cut = 1; cut <= 3 && folded.length - cut >= 3; cut++)
    if (PLURAL_TAIL.test(folded.slice(-cut))) forms.push(folded.slice(0, -cut));
  return forms;
}

/** A word as written and without each plural ending ("bearings" → bearing, "Buchsen" → buchse), umlauts kept. */
function pluralForms(word: string): string[] {
  const forms = [word];
  for (let cut = 1; cut <= 2 && word.length - cut >= 3; cut++)
    if (PLURAL_TAIL.test(word.slice(-cut))) forms.push(word.slice(0, -cut));
  return forms;
}

function isHead(heads: Set<string>, word: string): boolean {
  const forms = foldedForms(word);
  if (forms.some((f) => heads.has(f))) return true;
  // "Schlösser" of "Kettenschloss": a German compound ends in the word it is a kind of.
  return forms.some((f) => f.length >= 5 && [...heads].some((h) => h.length > f.length + 2 && h.endsWith(f)));
}

/** Adjacent words of the names (three letters or more each, letters only), joined → written apart. */
function readJoinedNames(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const words = wordsOf(name);
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (a.length >= 3 && b.length >= 3 && /^\p{L}+$/u.test(a) && /^\p{L}+$/u.test(b))
        out.set(`${a}${b}`, `${a} ${b}`);
    }
  }
  return out;
}

/**
 * "2 sightglas 1/2": a word no name, option or conversation uses that is two adjacent words of a product name written
 * as one — as written, or one edit away (a letter dropped or doubled, in words of eight letters or more) — is read
 * as those two words. A German compound the catalog's names write as one word is a known word and stays.
 */
export function joinedNameWords(text: string, k: Pick<Knowledge, "common" | "joinedNames">): string {
  if (k.joinedNames.size === 0) return text;
  return text.replace(/(?<![\p{L}\d-])\p{L}{7,}(?![\p{L}\d-])/gu, (w) => {
    const lower = w.toLowerCase();
    if (k.common(lower)) return w;
    const exact = k.joinedNames.get(lower);
    if (exact) return exact;
    if (lower.length < 8) return w;
    let found: string | undefined;
    for (const [joined, apart] of k.joinedNames) {
      if (Math.abs(joined.length - lower.length) > 1 || joined.slice(0, 3) !== lower.slice(0, 3)) continue;
      if (editDistance(joined, lower, 1) > 1) continue;
      if (found && found !== apart) return w;
      found = apart;
    }
    return found ?? w;
  });
}

/**
 * "4 Kartons vom H1-Lebensmittelfett": a short code and a word of the catalog joined by a hyphen are the code and the
 * word — not one code to look up as a SKU (unless some SKU is written so). The code has letters and a digit (up to five
 * characters; not an amount with its unit, "24V-…"), the word five letters or more.
 */
export function codeJoinedWords(
  text: string,
  k: Pick<Knowledge, "catalogWord" | "compactSkus" | "measureUnits">,
): string {
  return text.replace(
    /(?<![\p{L}\d-])([\p{L}\d]{1,5})-(\p{L}{5,})(?![\p{L}\d-])/gu,
    (whole, code: string, word: string) => {
      if (!/\d/.test(code) || !/\p{L}/u.test(code)) return whole;
      // "24V-Ladegerät", "400V-Motor": an amount with its unit says a value of the word, as written together.
      const amount = /^\d+(\p{L}+)$/u.exec(code);
      if (amount && measureWord(k, amount[1]!.toLowerCase())) return whole;
      if (!k.catalogWord(word.toLowerCase()) || k.catalogWord(whole.toLowerCase())) return whole;
      const compact = compactSku(whole);
      for (const sku of k.compactSkus) if (sku.startsWith(compact)) return whole;
      return `${code} ${word}`;
    },
  );
}

/**
 * A word without a plural or inflection ending of either language, for telling which language's names use it. Not
 * `stemOf`: that one also strips five-letter words ("Ringe" → "ring"), which merges German plurals into English words.
 */
export function wordStem(word: string): string {
  const w = word.toLowerCase();
  return w.length > 5 ? w.replace(/(?:en|es|e|n|s)$/u, "") : w;
}

/**
 * The words of product names that only one language of the catalog uses (default names in the catalog's default
 * language, `product_texts` in theirs): a buyer writing "Pressfassungen" writes German, whatever function words are
 * missing. Words of four letters or more, no digits.
 */
function readWordLanguages(sqlite: import("better-sqlite3").Database): Map<string, string> {
  const { defaultLanguage: fallback, languages } = readCatalogLanguages(sqlite);
  const rows = [
    ...(sqlite.prepare("SELECT name AS t FROM products").all() as { t: string | null }[]).map((r) => ({
      t: r.t,
      lang: fallback,
    })),
    ...(sqlite.prepare("SELECT name AS t, lang FROM product_texts").all() as { t: string | null; lang: string }[]),
  ];
  // On a catalog without texts in a glossary language, the glossary's trade words tell that language too: "1 Beutel
  // Dichtringe 1/2 Zoll BSP" is German on an English-only catalog, "2 door seals" English on a German-only one.
  if (glossaryFor(languages).languages.length > 0)
    for (const entry of glossaryEntries())
      for (const [lang, words] of Object.entries(entry)) for (const t of words) rows.push({ t, lang });
  const seen = new Map<string, Set<string>>();
  for (const r of rows)
    for (const w of wordsOf(r.t ?? "")) {
      if (w.length < 4 || /\d/.test(w)) continue;
      const stem = wordStem(w);
      const langs = seen.get(stem) ?? new Set<string>();
      langs.add(r.lang.slice(0, 2).toLowerCase());
      seen.set(stem, langs);
    }
  const out = new Map<string, string>();
  for (const [stem, langs] of seen) if (langs.size === 1) out.set(stem, [...langs][0]!);
  return out;
}

/** The word–number pairs of `CatalogWords.namePairs`, read from the catalog's names. */
function readNamePairs(
  names: string[],
  unit: (word: string) => boolean,
  measure: (word: string) => boolean,
): Set<string> {
  const pairs = new Set<string>();
  const after = new Map<string, { total: number; afterNumber: number }>();
  const isWord = (w: string | undefined) => !!w && w.length >= 3 && /^\p{L}+$/u.test(w) && !unit(w);
  const isCode = (w: string | undefined) => !!w && /^(?=\p{L}*\d)(?=\d*\p{L})[\p{L}\d]{2,6}$/u.test(w) && !unit(w);
  // A word and its inflections count as one ("2 Kappsägeblätter" of a set's contents beside "Kappsägeblatt 100 x 3",
  // "5 electrodes" beside "Plasma electrode"): a word the names also write without a number before it is no type.
  const key = (w: string) => {
    const f = stemOf(w.normalize("NFD").replace(/\p{M}/gu, ""));
    return f.length >= 7 && f.endsWith("er") ? f.slice(0, -2) : f;
  };
  for (const name of names) {
    const ts = tokenizeText(name);
    for (let i = 0; i < ts.length; i++) {
      const w = ts[i]!.lower;
      const prev = ts[i - 1]?.lower;
      if (isWord(w)) {
        const seen = after.get(key(w)) ?? { total: 0, afterNumber: 0 };
        seen.total++;
        if (prev && /^\d+$/.test(prev)) seen.afterNumber++;
        after.set(key(w), seen);
      }
      // "cylinder 80/45", "Frontstecker 40-polig": the number that leads the token.
      const n = /^(\d+)(?:$|[-/])/.exec(w)?.[1];
      if (!n) continue;
      // ("Sealing bar kit (band, 2 tapes, …)": a word and a number a comma, a colon or a bracket part are a pair only
      // where a measure follows the number — "antiscalant, 10 kg" — not a count of the next thing.)
      const parted = /[,;:()[\]]/u.test(ts[i - 1]?.tail ?? "");
      if (isWord(prev) && (!parted || n !== w || measure(ts[i + 1]?.lower ?? ""))) pairs.add(`${prev} ${n}`);
      const next = ts[i + 1]?.lower;
      // "6004 2RS": a number before a code of letters and digits is a type designation however the names go on.
      if (n === w && (isWord(next) || isCode(next))) pairs.add(`${n} ${next}`);
    }
  }
  // A word after the number counts only when the names write it after a number every time ("98 Shore", not "case of
  // 12 cartridges" where "cartridge" also names the product).
  for (const p of [...pairs]) {
    const [a, b] = p.split(" ");
    if (/^\d+$/.test(a!) && !isCode(b)) {
      const seen = after.get(key(b!));
      if (!seen || seen.afterNumber < seen.total) pairs.delete(p);
    }
  }
  // "Transportband 400 x 3000 mm", "O-Ring 40 x 3": a dimension the names write as "N x M" — kept as the triple, so
  // the buyer's "400 x 3000" names that size rather than counting 400 (`findQuantities`).
  for (const name of names) {
    const ts = tokenizeText(name);
    // ("for 70x12 shank": the dimension written as one word is the same size as the buyer's "70 x 12".)
    for (const t of ts) {
      const joined = /^(\d+)[x×](\d+(?:[.,]\d+)?)$/u.exec(t.lower);
      if (joined) pairs.add(`${joined[1]} x ${joined[2]}`);
    }
    for (let i = 0; i + 2 < ts.length; i++) {
      const a = /^(\d+)[x×]?$/u.exec(ts[i]!.lower)?.[1];
      const glued = /[x×]$/u.test(ts[i]!.lower);
      const b = /^(\d+(?:[.,]\d+)?)/.exec(ts[i + (glued ? 1 : 2)]?.lower ?? "")?.[1];
      if (a && b && (glued || /^[x×]$/u.test(ts[i + 1]!.lower))) pairs.add(`${a} x ${b}`);
    }
  }
  return pairs;
}

/** A SKU or a token as the buyer may write it without separators ("UCP-206" and "ucp206" → "ucp206"). */
export function compactSku(text: string): string {
  return text.toLowerCase().replace(/[-_/. ]/g, "");
}

/** Lower-case words; "400V" also yields "400" and "v" so number+unit forms compare equal. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenizeText(text)) {
    out.push(t.lower);
    const m = /^(\d+(?:[.]\d+)?)([a-z°%]+)$/i.exec(t.lower);
    if (m) out.push(m[1]!, m[2]!);
  }
  return out;
}

/** Words of a name, compounds also in their parts ("SiC/SiC" → sic/sic, sic; "SE-MS28-CC" → … ms28, cc). */
export function nameWords(text: string): Set<string> {
  const out = new Set<string>();
  const put = (w: string) => {
    out.add(w);
    const value = decimalValue(w);
    if (value) out.add(value);
  };
  for (const w of wordsOf(text)) {
    put(w);
    // A decimal point stays ("PSU-24-2.5" → psu, 24, 2.5: not 2 and 5).
    if (/[-/._]/.test(w)) for (const part of w.split(/[-/_]+|(?<!\d)\.|\.(?!\d)/)) if (part) put(part);
    // "343x114" (a wheel's size): a measure of three digits or more in it names the product as a size would alone.
    if (/\d[x×]\d/u.test(w)) for (const part of w.split(/[x×\-/]/u)) if (/^\d{3,}$/.test(part)) out.add(part);
  }
  // "Pressure gauge 0–40 bar": a range the name writes with a dash is also the one word a buyer types with a hyphen
  // ("0-40 bar") — the two ends alone are in every range of the series ("0–25", "0–40").
  const tokens = tokenizeText(text);
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const plain = (x: string) => /^\d+(?:\.\d+)?$/.test(x);
    if (next && RANGE_DASH.test(t.tail ?? "") && plain(t.lower) && plain(next.lower) && +t.lower < +next.lower)
      out.add(`${t.lower}-${next.lower}`);
  });
  return out;
}

/**
 * A decimal number as one spelling of its value ("0.60", "0,6" and "0.6" are 0.6; "2,50" is 2.5): names and buyers
 * write the same value with other zeros and separators. Undefined for anything else.
 */
export function decimalValue(word: string): string | undefined {
  if (!/^\d+[.,]\d+$/.test(word)) return undefined;
  const n = Number(word.replace(",", "."));
  return Number.isFinite(n) ? String(n) : undefined;
}

const tokenized = new Map<string, Token[]>();
/**
 * The words of a text with where they stand. Memoised: the same buyer message, product names and machine labels are
 * read by many steps of one decision and by every call of a turn (callers only read the tokens).
 */
export function tokenizeText(text: string): Token[] {
  let out = tokenized.get(text);
  if (!out) {
    if (tokenized.size > 5000) tokenized.clear();
    tokenized.set(text, (out = Object.freeze(tokenize(text)) as Token[]));
  }
  return out;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // A comma joins digits only ("2,5" is one number): "nur 2,zwei liegen noch", "servus,4 membranen" are two words.
  const re = /[\p{L}\p{N}°]+(?:[-/._][\p{L}\p{N}]+|(?<=\p{N}),\p{N}[\p{L}\p{N}]*)*/gu;
  // Currency symbols become words, so "10 €" reads as an amount and not as a quantity of 10.
  const plain = text.normalize("NFKC").replace(/€/g, " eur ").replace(/\$/g, " usd ").replace(/£/g, " gbp ");
  const found = [...plain.matchAll(re)];
  found.forEach((m, i) => {
    // "2,2 kW" is the German way to write 2.2 kW.
    const lower = m[0].toLowerCase().replace(/^(\d+),(\d+)(?=$|[a-z])/, "$1.$2");
    const start = m.index ?? 0;
    const tail = plain.slice(start + m[0].length, found[i + 1]?.index ?? plain.length);
    out.push(Object.freeze({ text: m[0], lower, index: out.length, start, ...(tail ? { tail } : {}) }));
  });
  return out;
}

/** The value of a number word ("zwölf", "zwöi", "fifteen"); undefined for other words. */
export const numberWordValue = (word: string): number | undefined => NUMBER_WORDS[word.toLowerCase()];

/** The number words that say a value alone (not "a pair", "ein", "a dozen"). */
export const VALUE_WORDS: readonly string[] = REPLACING_WORDS;

const numberOf = (s: string): number | undefined => {
  if (/^\d+([.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
  const x = /^(\d+)x$/.exec(s) ?? /^x(\d+)$/.exec(s);
  if (x) return Number(x[1]);
  return NUMBER_WORDS[s];
};

/** "nur eins", "just one": a number word after a word that limits a count. */
export const limitedCount = (before: string, word: string): boolean =>
  NUMBER_WORDS[word.toLowerCase()] !== undefined &&
  LIMITING.has(/([\p{L}]+)\W*$/u.exec(before)?.[1]?.toLowerCase() ?? "");

/**
 * Tokens inside recognised measures ("20 litres", "63 mm", '1 1/2"'): sizes, not quantities — unless the unit is one
 * the catalog sells in ("10 m").
 */
export function sizeTokensOf(tokens: Token[], measures: { start: number; end: number }[], k: Knowledge): Set<number> {
  const out = new Set<number>();
  for (const m of measures) {
    const inside = tokens.filter((t) => t.start >= m.start && t.start < m.end);
    // "2 x 5 m", "3 x 10m": a whole count times an amount in a unit the catalog sells in is how many of that amount.
    const last = inside.at(-1)?.lower ?? "";
    const unitWord = /^\d+(?:[.,]\d+)?(\p{L}+)$/u.exec(last)?.[1] ?? last;
    const counted = k.unitCodes.has(unitWord) && unitWord !== "x" ? inside[0] : undefined;
    for (const t of tokens) {
      const next = tokens[t.index + 1];
      // The "x" of a dimension ("100 x 3 mm") is a times sign inside the size, not the unit "pieces".
      const times = next !== undefined && next.start < m.end && /^[x×]$/.test(next.lower);
      if (times && t === counted && next === inside[1] && /^\d+$/.test(t.lower) && inside.length <= 4) continue;
      // "25m" of a product sold by the metre: the amount, not a size.
      const glued = /^\d+(?:[.,]\d+)?(\p{L}+)$/u.exec(t.lower);
      if (glued && glued[1] !== "x" && k.unitCodes.has(glued[1]!)) continue;
      if (t.start >= m.start && t.start < m.end && /\d/.test(t.lower) && (times || !k.unitCodes.has(next?.lower ?? "")))
        out.add(t.index);
    }
  }
  return out;
}

/** The quantity a text orders, read as the consultant reads it (a number with an order unit first). */
export function quantityOf(text: string, k: Knowledge, measures: { start: number; end: number }[]): number | undefined {
  const tokens = tokenizeText(text);
  const qs = findQuantities(tokens, k, sizeTokensOf(tokens, measures, k));
  return (qs.find((q) => q.unit) ?? qs[0])?.value;
}

export interface QuantityMatch extends Quantity {
  tokens: number[];
}

/** Words that limit a count ("just one", "nur eins"): the number after them is how many, not a pronoun. */
const LIMITING = new Set(["just", "only", "simply", "merely", "exactly", "nur", "bloß", "bloss", "lediglich", "genau"]);
/** Words of a span of time ("19 Jahren", "3 weeks"): a number before one is how long, not how many. */
const TIME_WORDS =
  /^(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|jahre?n?s?|johre?n?|monate?n?s?|wochen?|wuche|tage?n?s?|stunden?|minuten?)$/;
/**
 * Words saying which extent of a thing a number measures, after it ("1150 lang", "forks 1150 long", "30 breit") or
 * before it ("Länge 1150", "length 1150", "Durchmesser 30"): the number is a dimension the buyer leaves the unit off,
 * not how many. (Language, not catalog: every trade measures things.)
 */
const DIMENSION_AFTER = /^(?:lang|long|breit|wide|hoch|high|tall|dick|thick|tief|deep|stark)$/;
const DIMENSION_BEFORE =
  /^(?:länge|laenge|length|breite|width|höhe|hoehe|height|dicke|thickness|tiefe|depth|durchmesser|diameter|stärke|staerke)$/;
/** Whether a word leads a machine's name: a preposition of a machine, one fused with an article, or an article. */
export const leadsMachine = (word: string): boolean => machinePreposition(word) || ARTICLES.has(word);
/** Whether a word is a preposition of a machine ("for", "an"), or one fused with an article ("am", "zum"). */
export const machinePreposition = (word: string): boolean => MACHINE_PREPOSITIONS.has(word) || FUSED.has(word);

/** Words after a count that say it counts nothing (an article, a pronoun, a verb of need). */
export const countsNothingBefore = (word: string): boolean => NOT_COUNTED.test(word);
const NOT_COUNTED =
  /^(?:same|like|as|wie|gleichen?|selben?|the|a|an|die|der|das|den|dem|ein|eine|einen|we|i|our|you|they|wir|ich|mia|unser|unsere|ma|need|needs|require|requires|want|brauchen|brauch|brauche|bräuchten|bräuchte|braucht|benötigen|benötige|benötigt|is|ist|isch|has|hat|hats|got)$/;

/**
 * Whether the number at `i` names a machine: after a word (not a unit, article or number word) that a preposition of a
 * machine leads, an article between them at most ("for pump 7", "an der Presse 4"), with no thing counted after it —
 * a word of what counts follows, or a stop unless the word is one products are named by ("für die Filter 4, bitte"
 * counts filters).
 */
function machineNumber(tokens: Token[], i: number, k: Knowledge): boolean {
  const word = tokens[i - 1]!.lower;
  if (!/^\p{L}{3,}$/u.test(word) || k.unitCodes.has(word) || NUMBER_WORDS[word] !== undefined || ARTICLES.has(word))
    return false;
  const lead = tokens[i - 2]?.lower ?? "";
  const led =
    MACHINE_PREPOSITIONS.has(lead) ||
    FUSED.has(lead) ||
    (ARTICLES.has(lead) && MACHINE_PREPOSITIONS.has(tokens[i - 3]?.lower ?? ""));
  if (!led) return false;
  const next = tokens[i + 1]?.lower;
  if (next !== undefined && NOT_COUNTED.test(next)) return true;
  return (next === undefined || /[,;:.!?]/.test(tokens[i]!.tail ?? "")) && !k.headWord(word);
}

/**
 * Words a number names a class, a size, a series, a place or a calendar week by ("Kategorie 3", "series 1", "Halle 2",
 * "KW 50"): the number after one is what the thing is called, not how many.
 */
const NAMING_WORDS =
  /^(?:kw|cw|wk|kalenderwoche|kategorie|category|cat|kat|klasse|class|serie|series|baureihe|generation|gen|größe|grösse|groesse|baugröße|baugrösse|size|typ|type|stufe|stage|grade|level|version|revision|rev|gebäude|building|werk|plant|tor|gate|dock|rampe|bay|etage|floor|stockwerk)$/;
/**
 * Words that name what something costs ("price", "Preis", "kostet", "chostet"): a bare number after one — or after one
 * and a word that links it to the number ("is", "ist", "should be", "von") — is an amount of money, not how many
 * ("Contract price is 315 right?", "der Preis war doch 315?").
 */
const MONEY_WORDS =
  /^(?:prices?|priced|costs?|costing|charge[ds]?|pay|paid|quoted?|rate|preise?s?|kostet|kosten|kostete|chostet|choschtet|koscht|bezahlt|zahlen|angebot)$/;
const MONEY_LINKS = new Set([
  "is",
  "was",
  "be",
  "of",
  "at",
  "are",
  "were",
  "still",
  "should",
  "ist",
  "war",
  "sind",
  "waren",
  "sein",
  "von",
  "bei",
  "noch",
  "doch",
  "nur",
  "only",
  "just",
  "isch",
]);
/** Words that may follow an amount of money said in a question ("315 right?", "315 netto, oder?"). */
const AFTER_AMOUNT = new Set(["right", "correct", "or", "oder", "ne", "gell", "stimmt", "net", "netto", "each", "je"]);
/** The number at `i` ends its clause, or only a word that follows an amount stands after it. */
const endsAmount = (tokens: Token[], i: number): boolean =>
  !tokens[i + 1] || /^\s*[,;:.!?]/.test(tokens[i]!.tail ?? "") || AFTER_AMOUNT.has(tokens[i + 1]!.lower);
/** Whether the number at `i` follows a money word, directly or across up to two linking words. */
const afterMoneyWord = (tokens: Token[], i: number): boolean => {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const w = tokens[j]!.lower;
    if (MONEY_WORDS.test(w)) return true;
    if (!MONEY_LINKS.has(w)) return false;
  }
  return false;
};
/** The token before this one is next to it: a space or an abbreviation's dot between ("Kat. 3", "Werk 2") — no comma. */
const adjacentWord = (tokens: Token[], i: number): boolean => {
  const a = tokens[i - 1];
  const b = tokens[i];
  if (!a || !b || b.start - (a.start + a.text.length) > 2) return false;
  return a.tail === undefined || /^\.?\s*$/.test(a.tail);
};

/** Words that point back at things already named ("those two", "die zwei"). */
const REFERRING = new Set(["the", "those", "these", "my", "our", "die", "diese", "jene", "den", "meine", "unsere"]);
const BOTH = new Set(["both", "beide", "beiden"]);
/** Words that name a line of the order by its number ("line 1", "pos 2", "Zeile 3"). */
const LINE_WORD = /^(?:line|position|pos|item|zeile|posten)$/;
/** Words that join the ends of a range ("13 bis 18 A", "4 to 6.3 A"). */
const RANGE_WORDS = new Set(["to", "bis", "till", "until", "-", "–"]);
/** The dash between the numbers of a range, as the tokenizer leaves it in a token's tail ("4–20", "0 - 10"). */
const RANGE_DASH = /^\s*[-–—]\s*$/u;

/**
 * Whether tokens `i` and `i + 1` are the ends of a range written with a dash: a lower number, then a higher one, the
 * dash between them written tight ("4–20") or a measure after them ("0 – 10 bar") — not "HLP 46 - 4 Eimer", where a
 * count follows a name's number.
 */
function dashRange(tokens: Token[], i: number, k: Knowledge): boolean {
  const from = tokens[i];
  const to = tokens[i + 1];
  if (!from || !to || !RANGE_DASH.test(from.tail ?? "")) return false;
  const a = numberOf(from.lower);
  const b = numberOf(to.lower);
  if (a === undefined || b === undefined || !(a < b)) return false;
  const after = tokens[i + 2]?.lower;
  const measured = !!after && ((k.measureUnits.has(after) && !k.unitCodes.has(after)) || !!UNIT_SPELLINGS[after]);
  return !/\s/.test(from.tail ?? "") || measured;
}
/** Words of courtesy or closure after a count ("one please", "eins bitte, danke"). */
const COURTESY = new Set(["please", "pls", "then", "thanks", "only", "bitte", "dann", "danke", "reicht", "genügt"]);

/**
 * Quantities: "20 pcs", "3 boxes", "a dozen", "two dozen", "5x", "zwei Stück". A number next to a unit of
 * measurement ("400 V", "DN 32"), inside a SKU, or part of a machine reference is not a quantity.
 */
/** Words that lead what a product has ("a unit with 3 fans"), not how many of it. */
const WITH = /^(?:with|mit|having)$/;

/** Words after a number that make it a temperature ("85 grad", "35 degrees", "40 °C"). */
const TEMPERATURE_WORD = /^(?:°[cf]?|grad|degrees?|celsius|fahrenheit)$/iu;

/** Whether a letter word and the digits after it are, joined, a part of one of the catalog's SKUs ("AX 500"). */
function skuCodeAt(word: Token, digits: string, k: Pick<Knowledge, "skuCodes" | "corpusWords">): boolean {
  if (!/^\d+$/.test(digits) || !/^\p{L}{2,}$/u.test(word.lower) || !k.skuCodes.has(`${word.lower}${digits}`))
    return false;
  return word.text === word.text.toUpperCase() || !k.corpusWords.has(word.lower);
}

/** Articles that lead a reference to one item by a value of it ("the 24 one"). */
const VALUE_REFERENCE = new Set(["the", "that", "this", "those", "these"]);
/** Whether the number at `i` stands between such an article and "one(s)", with at most one word between it and "one". */
function valueOfOne(tokens: Token[], i: number): boolean {
  if (!VALUE_REFERENCE.has(tokens[i - 1]?.lower ?? "")) return false;
  for (let j = i + 1; j <= i + 2 && j < tokens.length; j++) {
    if (/^\s*[,;:.!?]/.test(tokens[j - 1]!.tail ?? "")) return false;
    const w = tokens[j]!.lower;
    if (w === "one" || w === "ones") return true;
    if (!/^\p{L}+$/u.test(w)) return false;
  }
  return false;
}

export function findQuantities(tokens: Token[], k: Knowledge, taken: Set<number>): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || used.has(i)) continue;
    const t = tokens[i]!.lower;
    // "a single one", "just a single X": one.
    // "25m", "12m": a number glued to a unit the catalog sells in.
    const glued = /^(\d+(?:[.,]\d+)?)(\p{L}+)$/u.exec(t);
    const gluedUnit = glued && glued[2] !== "x" ? k.unitCodes.get(glued[2]!) : undefined;
    let value =
      t === "single" && (tokens[i - 1]?.lower === "a" || tokens[i - 1]?.lower === "one")
        ? 1
        : gluedUnit
          ? Number(glued![1]!.replace(",", "."))
          : numberOf(t);
    // "a pack of", "a box": one of the catalog's order units.
    if (value === undefined && (t === "a" || t === "an") && k.unitCodes.has(tokens[i + 1]?.lower ?? "")) value = 1;
    if (value === undefined) {
      if (
        (t === "a" || t === "an") &&
        (tokens[i + 1]?.lower === "dozen" || tokens[i + 1]?.lower === "pair" || tokens[i + 1]?.lower === "couple")
      ) {
        continue;
      }
      continue;
    }
    const prev = tokens[i - 1]?.lower;
    const next = tokens[i + 1]?.lower;
    // "the 1st", "the 3rd one": an English ordinal picks, it counts nothing ("1st" is not 1 St).
    if (ORDINALS[t] !== undefined) continue;
    // "mit 85 grad", "runs at 35 degrees", "40 °C": a temperature, never how many.
    if (TEMPERATURE_WORD.test(next ?? "") || /^\d+(?:[.,]\d+)?°/u.test(t)) continue;
    // "Filtertrockner 083", "Teil 0815": a whole number written with a leading zero is a code, never how many.
    if (/^0\d+$/.test(t)) continue;
    // "stainless 1.4404", "0.125": a number of three decimals or more is a grade or a size, not how many.
    if (/^\d+[.,]\d{3,}$/.test(t) && !Number.isInteger(value)) continue;
    // "13 bis 18 A", "from 4 to 6.3 A": the ends of a range are a setting, not a count.
    // ("change line 1 to 5", "Zeile 2 auf 10": the number after a line number is the line's new count.)
    const lineTo = /^(?:to|auf)$/.test(prev ?? "") && LINE_WORD.test(tokens[i - 3]?.lower ?? "");
    if (
      (RANGE_WORDS.has(next ?? "") && /^\d/.test(tokens[i + 2]?.lower ?? "")) ||
      (RANGE_WORDS.has(prev ?? "") && /^\d/.test(tokens[i - 2]?.lower ?? "") && !lineTo)
    )
      continue;
    // "0–16 bar, 4–20 mA", "0 – 10 V": a range written with a dash between its numbers is a span of values too.
    if (dashRange(tokens, i, k) || dashRange(tokens, i - 1, k)) continue;
    // "just one", "only one please", "nur eins", "eine bitte": a count — alone or after a word that limits a count,
    // and followed by nothing but a courtesy.
    const counted =
      (prev === undefined || LIMITING.has(prev)) &&
      (next === undefined || COURTESY.has(next)) &&
      /^(one|eine?s?)$/.test(t);
    // "the EPDM one", "which one", "one of them": a pronoun, not a quantity.
    // "one more level sensor": a count of the product the name word after "more" leads — not "one more thing".
    const oneMore = next === "more" && nameAfterMore(tokens[i + 2]?.lower, k);
    if (
      !counted &&
      !oneMore &&
      /^(one|ones|eine|einen|einer|eins)$/.test(t) &&
      (!next ||
        // "we need one piece urgently": a count of an order unit, not a pronoun.
        // ("einen neuen Lüftermotor", "… is cracked, need one new": "neu" and "new" are filler words of the request,
        // but an adjective before a name, or of the count of a thing named before, here.)
        (FILLER.has(next) && !k.unitCodes.has(next) && !/^(?:neu(?:e[nrs]?)?|new)$/.test(next)) ||
        next === "more" ||
        (prev !== undefined &&
          // ("the third one, 4 of those": after an ordinal too.)
          (/^(the|this|that|which|another|same|other|a|die|das|der|den|welche|welcher|andere|anderen)$/.test(prev) ||
            ORDINALS[prev] !== undefined)))
    )
      continue;
    // "line 2", "option 3" — and "XY 32" where the catalog writes "XY32" (a size class, a thread, a rating).
    // "M12 10 m, 4 Stück": a prefix across punctuation is no size class ("m, 4" is not "M4").
    const before = tokens[i - 1];
    const adjacent = !!before && tokens[i]!.start - (before.start + before.text.length) <= 1;
    // "FE-RF 330", "PLC-CPU 1513": the code word that ends a hyphenated token counts as written alone.
    const prevPart = prev?.split(/[-/]/).at(-1);
    // ("no, 14" answers with a count: a "no" set off by a comma is the answer, not "No." of a number.)
    const answersNo = prev === "no" && /^\s*[,!;–-]/u.test(before?.tail ?? "");
    // ("SE-MS28-CC-EPDM x3", "Dichtung x 2": a count written with its times sign is how many, whatever code is before.)
    const timesCount = /^(?:x\d+|\d+x)$/.test(t);
    if (
      prev &&
      !answersNo &&
      !timesCount &&
      (/^(line|position|pos|zeile|nr|number|no|option|#)$/.test(prev) ||
        // ("halle B zwei": a letter that names the buyer's machine or site is no code word of the number after it)
        (adjacent &&
          !taken.has(i - 1) &&
          (k.numberPrefixes.has(prev) || k.codeWords.has(prev) || k.codeWords.has(prevPart ?? ""))))
    )
      continue;
    // "plate says AX 500", "Typ EC 450": a code word and the number after it that together are a part of a SKU
    // ("AX500" of FM-AX500-400) name the product, whatever product the count beside them orders. (An everyday word
    // written small is no code: "of 4", "am 2".)
    if (before && adjacent && !taken.has(i - 1) && skuCodeAt(before, t, k)) continue;
    // "the 24 one", "the 24 bore one", "the 72 tooth ones": a number between an article and "one" says which item
    // (by a value of it), not how many.
    if (/^\d+(?:[.,]\d+)?$/.test(t) && valueOfOne(tokens, i)) continue;
    if (next && ((k.measureUnits.has(next) && !k.unitCodes.has(next)) || UNIT_SPELLINGS[next])) continue;
    // "the 1.30 net", "Netz 1,23": a number with a fractional part counts only in a unit the catalog sells in ("2.5 m"
    // of hose); bare, it is a size the buyer leaves the unit off.
    // "12,5 x 160", "12.5 × 160": a fractional number times another number is a dimension, whatever "x" means alone.
    const timesNumber = (next === "x" || next === "×") && /^\d/.test(tokens[i + 2]?.lower ?? "");
    if (/^\d+[.,]\d+$/.test(t) && !gluedUnit && (!k.unitCodes.has(next ?? "") || timesNumber)) continue;
    // "die Kühlzelle hat schon minus 12", "plus 4 degrees": a signed reading in words, not how many — but "plus 4 DIN
    // rails" adds four of something.
    if (
      prev === "minus" ||
      (prev === "plus" &&
        (!next || /^\d/.test(next) || k.measureUnits.has(next) || /^(?:grad|degrees?|°c?)$/.test(next)))
    )
      continue;
    // "nach 19 Jahren", "leaking for 3 weeks", "seit 2 Wochen": a span of time, not how many (unless the catalog
    // sells in that unit).
    if (next && TIME_WORDS.test(next) && !k.unitCodes.has(next)) continue;
    // "Gabeln, 1150 lang", "forks 1150 long please", "Länge 1150": a dimension, not how many — an adjective after the
    // number only where it ends the phrase ("2 long bolts" counts two).
    if (
      next &&
      DIMENSION_AFTER.test(next) &&
      !k.unitCodes.has(next) &&
      (!tokens[i + 2] ||
        /^\s*[,;:.!?]/.test(tokens[i + 1]!.tail ?? "") ||
        !/^\p{L}/u.test(tokens[i + 2]!.lower) ||
        COURTESY.has(tokens[i + 2]!.lower) ||
        /^(?:for|für|fuer|and|und)$/.test(tokens[i + 2]!.lower))
    )
      continue;
    if (prev && adjacentWord(tokens, i) && DIMENSION_BEFORE.test(prev) && !k.unitCodes.has(prev)) continue;
    // "Kategorie 3", "series 1", "Werk 2", "size 4": the number a class, a size or a place is called by.
    if (prev && adjacentWord(tokens, i) && NAMING_WORDS.test(prev) && !k.unitCodes.has(prev)) continue;
    // "for pump 7 we need 2 seals", "für Stapler 7 die Hydraulikfilter", "an Presse 4, …": the number after a word that
    // a preposition of a machine leads, with nothing counted after it (an article, a pronoun, a verb; a product's word
    // only at a stop), is the number a machine is called by — one the buyer has or not — not how many.
    if (prev && /^\d+$/.test(t) && adjacentWord(tokens, i) && machineNumber(tokens, i, k)) continue;
    // "400 V 3~", "3~ 400 V": a number of phases, not how many (the tokens leave the "~" out); "50%" a share.
    if (/^\s*[~%]/.test(tokens[i]!.tail ?? "")) continue;
    // "13 bis 18 A", "9 to 14 A": the low end of a range of a measure, not how many.
    const unitAfter = (w: string | undefined) =>
      !!w && ((k.measureUnits.has(w) && !k.unitCodes.has(w)) || !!UNIT_SPELLINGS[w]);
    if (
      RANGE_WORDS.has(next ?? "") &&
      numberOf(tokens[i + 2]?.lower ?? "") !== undefined &&
      unitAfter(tokens[i + 3]?.lower)
    )
      continue;
    // "SZ 45 für 3 x 400 V", "3x 230 V": phases times a voltage (a measure the catalog does not sell in), not how many
    // ("2 x 5 m" of a cable sold by the metre stays a count).
    const times = next === "x" || next === "×" ? 2 : /^\d+[x×]$/u.test(t) ? 1 : 0;
    const measureOnly = (w: string | undefined) => !!w && k.measureUnits.has(w) && !k.unitCodes.has(w);
    if (times && numberOf(tokens[i + times]?.lower ?? "") !== undefined && measureOnly(tokens[i + times + 1]?.lower))
      continue;
    // "transportband 400 x 3000": a size the catalog's names write ("… 400 x 3000 mm"), not 400 of 3000.
    if (
      times &&
      k.namePairs.has(`${t.replace(/[x×]$/u, "")} x ${/^\d+(?:[.,]\d+)?/.exec(tokens[i + times]?.lower ?? "")?.[0]}`)
    )
      continue;
    // "Spannbuchse 1610", "cylinder 63", "98 Shore": a pair the catalog's names write is a size or type, not how many.
    const after1 = tokens[i + 1];
    // ("bearings 6205", "Spannbuchsen 1610": the plural of the name's word before a number of three digits or more names
    // that type too — "make the driers 3" still counts three, whatever "Filter drier 3/8"" writes.)
    if (
      adjacent &&
      prevPart &&
      (k.namePairs.has(`${prevPart} ${t}`) ||
        (/^\d{3,}$/.test(t) && pluralForms(prevPart).some((w) => k.namePairs.has(`${w} ${t}`))))
    )
      continue;
    // ("a unit with 3 fans" names the unit's size, but "3 fans for the freezer" counts fan motors: a word that is what
    // products are — a category's or a name's lead word — counts them, unless "with" leads the pair.)
    if (
      after1 &&
      after1.start - (tokens[i]!.start + tokens[i]!.text.length) <= 1 &&
      k.namePairs.has(`${t} ${next}`) &&
      (!k.headWord(next!) || WITH.test(prev ?? ""))
    )
      continue;
    // "2 Flanschlager …, die mit 4 Löchern", "2 flange bearings, the ones with 4 holes": after a count, a number that
    // "with" leads says what the product has, not how many of it.
    if (out.length > 0 && WITH.test(prev ?? "")) continue;
    // "bore 63, stroke 200", "Hub 200", "Kolben 63" (of "Kolbendurchmesser"): a value of the configuration group the
    // word before names.
    if (prev && optionGroupValues(prev, k)?.has(value)) continue;
    // "mit 300 Hub", "80 bore, 300 stroke": a value of the group the word after names, said before it.
    if (next && optionGroupValues(next, k)?.has(value)) continue;
    // "Bohrung 30", "bore 30", "96 Zähne", "with 96 teeth": a value of the feature the word beside names, when the
    // catalog's products have it.
    if (adjacentWord(tokens, i) && featureValueBeside(prev, value, k)) continue;
    if (featureValueBeside(next, value, k)) continue;
    // "just those two extras", "die beiden Optionen": the choices of a group the buyer refers to, not how many.
    if ((REFERRING.has(prev ?? "") || BOTH.has(t)) && next && value <= (k.choiceWords.get(next) ?? 0)) continue;
    // "M16 x 70", "100 x 3": the number after a times sign is the other side of a dimension.
    // ("2 x 5 m", "3 x 10m": an amount in a unit the catalog sells in is what each of the count has.)
    // ("SE-MS28-CC-EPDM x 2": a code that ends in letters after a dash is no side of a dimension.)
    if (
      (prev === "x" || prev === "×") &&
      /\d/.test(tokens[i - 2]?.lower ?? "") &&
      !/-\p{L}+$/u.test(tokens[i - 2]?.lower ?? "") &&
      !gluedUnit &&
      !(/^\d+$/.test(tokens[i - 2]!.lower) && k.unitCodes.has(next ?? "") && next !== "x")
    )
      continue;
    // "16 channel", "3 pole": a counted property of the product, not how many — when a product has that count
    // ("20 flange gaskets" orders twenty where no product has a flange size of 20).
    // ("10m hose": an amount with its unit glued on counts nothing of the word after it.)
    if (next && !gluedUnit && countedValue(countWordOf(next, k), value, k)) continue;
    if (/^\d{4}$/.test(t) && Number(t) > 1900 && Number(t) < 2200) continue;
    // "Contract price is 315 right?", "kostet der nicht 315?": an amount of money, not how many (a unit the catalog
    // sells in after it still counts: "the price of 3 boxes").
    // ("Was kosten 10 Zahnradpumpen?": a count of the things priced follows the money word with their name.)
    if (/^\d+(?:[.,]\d+)?$/.test(t) && afterMoneyWord(tokens, i) && endsAmount(tokens, i)) continue;
    // "a 1210 taper bush", "eine 6205 Lagerung": a number after the indefinite article is what the product is called —
    // the article counts one.
    // (Not the unit of an amount before it: "10 A, 3 Stück".)
    const article =
      /^(?:a|an|ein|eine|einen)$/.test(prev ?? "") &&
      /^\s+$/.test(tokens[i - 1]?.tail ?? "") &&
      numberOf(tokens[i - 2]?.lower ?? "") === undefined;
    if (/^\d+$/.test(t) && article && next && /^\p{L}/u.test(next)) continue;
    const usedTokens = [i];
    // "a dozen", "two dozen", "ein Dutzend" — "half a dozen", "ein halbes Dutzend" are six.
    const halfDozen = /^(?:halbes|halbe)$/.test(next ?? "") && tokens[i + 2]?.lower === "dutzend";
    if (next === "dozen" || next === "dutzend" || halfDozen) {
      value = (t === "a" || t === "ein" ? 1 : value) * (halfDozen ? 6 : 12);
      usedTokens.push(i + 1, ...(halfDozen ? [i + 2] : []));
    } else if ((t === "dozen" || t === "dutzend") && (prev === "a" || prev === "ein")) {
      usedTokens.unshift(i - 1);
      if (tokens[i - 2]?.lower === "half") {
        value = 6;
        usedTokens.unshift(i - 2);
      }
    }
    if ((t === "ein" || t === "eine" || t === "einen" || t === "einem" || t === "en") && !next && !counted) continue;
    let unit: string | undefined = gluedUnit;
    const after = gluedUnit ? undefined : tokens[usedTokens.at(-1)! + 1];
    // "ein paar Dichtungen" is a few of them, not one pair: "Paar" is a unit only after a count.
    const fewOf = after?.lower === "paar" && /^(?:ein|eine|einen|einem|en)$/.test(t);
    if (after && !fewOf) {
      const code = k.unitCodes.get(after.lower);
      if (code) {
        unit = code;
        usedTokens.push(after.index);
        if (tokens[after.index + 1]?.lower === "of") usedTokens.push(after.index + 1);
      }
    }
    if (value <= 0 || !Number.isFinite(value)) continue;
    for (const u of usedTokens) used.add(u);
    out.push({ value, ...(unit ? { unit } : {}), tokens: usedTokens });
  }
  return out;
}

/** The numeric option values of the configuration group a word names, whole or as the head of a compound. */
function optionGroupValues(word: string, k: Knowledge): Set<number> | undefined {
  const exact = k.optionNumbers.get(word);
  if (exact || word.length < 5 || /\d/.test(word)) return exact;
  // "Kolben" starts "Kolbendurchmesser" and "Kolbenstange": the values of every group it may name.
  let out: Set<number> | undefined;
  for (const [w, values] of k.optionNumbers)
    if (w.length > word.length + 2 && w.startsWith(word)) out = out ? new Set([...out, ...values]) : values;
  return out;
}

/**
 * The numeric features a word names, with their values: the feature's head word itself or inflected ("teeth",
 * "Bohrungen"), the first part of a compound head ("Zähne" of "Zähnezahl"), or the last ("durchmesser" of
 * "Blattdurchmesser").
 */
function featuresNamed(word: string, k: Knowledge): Map<string, Set<number>> | undefined {
  if (word.length < 4 || /\d/.test(word) || FILLER.has(word) || k.unitCodes.has(word)) return undefined;
  // Read for every number's neighbours in every reading of a message: once per word and catalog (callers only read).
  let memo = featuresNamedMemo.get(k.featureNumbers);
  if (!memo) featuresNamedMemo.set(k.featureNumbers, (memo = new Map()));
  if (memo.has(word)) return memo.get(word);
  if (memo.size > 5000) memo.clear();
  const out = featuresOfWord(word, k.featureNumbers);
  memo.set(word, out);
  return out;
}

const featuresNamedMemo = new WeakMap<Knowledge["featureNumbers"], Map<string, Map<string, Set<number>> | undefined>>();

function featuresOfWord(
  word: string,
  featureNumbers: Knowledge["featureNumbers"],
): Map<string, Set<number>> | undefined {
  let out: Map<string, Set<number>> | undefined;
  const stem = stemOf(word);
  for (const [w, keys] of featureNumbers)
    if (
      w === word ||
      stemOf(w) === stem ||
      (stem.length >= 4 && w.length >= stem.length + 3 && w.startsWith(stem)) ||
      (word.length >= 6 && w.length > word.length && w.endsWith(word))
    )
      out = new Map([...(out ?? []), ...keys]);
  return out;
}

/** Whether the word names a numeric feature some product has this value of. */
function featureValueBeside(word: string | undefined, value: number, k: Knowledge): boolean {
  const keys = word ? featuresNamed(word, k) : undefined;
  return !!keys && [...keys.values()].some((v) => v.has(value));
}

/** The feature key of the counted property a word names ("channel" → channels), if any. */
export function countWordOf(word: string, k: Knowledge): string | undefined {
  if (word.length < 4 || k.unitCodes.has(word)) return undefined;
  // Asked for the word after every number of every reading: once per word and catalog.
  let memo = countWordMemo.get(k.countWords);
  if (!memo) countWordMemo.set(k.countWords, (memo = new Map()));
  if (memo.has(word)) return memo.get(word);
  if (memo.size > 5000) memo.clear();
  const key = countKeyOf(word, k.countWords);
  memo.set(word, key);
  return key;
}

const countWordMemo = new WeakMap<Knowledge["countWords"], Map<string, string | undefined>>();

function countKeyOf(word: string, countWords: Knowledge["countWords"]): string | undefined {
  const stem = countStem(word);
  for (const [w, key] of countWords)
    if (
      w === word ||
      (w.startsWith(word) && w.length - word.length <= 2) ||
      (word.startsWith(w) && word.length - w.length <= 2) ||
      (stem.length >= 3 && countStem(w) === stem)
    )
      return key;
  return undefined;
}

/** Whether some product has this count of the property (no property: no). */
function countedValue(key: string | undefined, value: number, k: Knowledge): boolean {
  return !!key && (k.countValues.get(key)?.has(value) ?? true);
}

/**
 * A counted property's word without its plural or adjective ending, diacritics folded: "poles", "pole", "polig" →
 * "pol"; "phases", "Phasen", "phasig" → "phas"; "Kanäle", "kanalig" → "kanal".
 */
function countStem(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(?:ig|ic|ed|en|es|e|s|n)$/u, "");
}

/** Number words that open a compound of a count ("single-phase", "dreipolig", "einphasig"), longest first. */
const COUNT_PREFIXES: [string, number][] = [
  // "eins" opens words that count nothing ("Einspritzventil", "Einsatz").
  ...Object.entries(NUMBER_WORDS).filter(
    ([w]) => w.length >= 3 && !/^(dozen|dutzend|pair|paar|couple|hundred|hundert|eins)$/.test(w),
  ),
  ["single", 1] as [string, number],
  ["double", 2] as [string, number],
  ["triple", 3] as [string, number],
].sort((a, b) => b[0].length - a[0].length);
const COUNT_WORDS = new Map(COUNT_PREFIXES);

/**
 * A counted property stated as one word: "3-polig", "3pole", "single-phase", "dreipolig", "einphasig" → the feature
 * key and the count, when the catalog has the property and a product with that count.
 */
export function countCompound(token: string, k: Knowledge): { key: string; value: number } | undefined {
  const digits = /^(\d+)-?(\p{L}{3,})$/u.exec(token);
  const tries: [number, string][] = digits ? [[Number(digits[1]), digits[2]!]] : [];
  if (!digits)
    for (const [w, n] of COUNT_PREFIXES)
      if (token.startsWith(w) && token.length - w.length >= 4) tries.push([n, token.slice(w.length).replace(/^-/, "")]);
  for (const [value, word] of tries) {
    const key = countWordOf(word, k);
    if (key && countedValue(key, value, k)) return { key, value };
  }
  return undefined;
}

export interface MachineMatch {
  machine: MachineView;
  score: number;
  tokens: number[];
}

/** Machines of the buyer the text refers to: serial, label ("Pump 2"), site ("hall B"), model code or name. */
export function findMachines(
  tokens: Token[],
  machines: MachineView[],
  /** Words that name no one machine (catalog and conversation words): never a machine reference alone. */
  common: (word: string) => boolean = () => true,
  /** Equivalent phrases (the catalog's synonym list): a label is also found in its other wordings. */
  phraseGroups: string[][][] = [],
  /**
   * Ordinary language that is no catalog word: one edit from a label word with another first letter it is itself, not
   * a slip of the keys ("fine 3 pls" is no "Line 3", "how much are they each?" no "Reach 2"; "Linie 3" is Line 3).
   */
  ordinary: (word: string) => boolean = () => false,
  /** A word of the catalog's products: "the cold room controller" names a product, not the machine "Huber cold room". */
  productWord: (word: string) => boolean = () => false,
): MachineMatch[] {
  const lowers = tokens.map((t) => t.lower);
  const same = (said: string, label: string) =>
    said === label || (sameWord(said, label) && (said[0] === label[0] || !ordinary(said)));
  const phrase = (words: string[]): number[] | undefined => {
    if (words.length === 0) return undefined;
    for (let i = 0; i + words.length <= lowers.length; i++) {
      if (words.every((w, j) => same(lowers[i + j]!, w))) return words.map((_, j) => i + j);
    }
    // "für den Blauen", "vom Großen" for the nickname "Der Blaue", "Der Große": a label led by a definite article is
    // said in any case of it (or a preposition fused with it), its adjective with that case's ending.
    const named = words.slice(1);
    if (words.length >= 2 && ARTICLES.has(words[0]!) && named.every((w) => /^\p{L}{4,}$/u.test(w)))
      for (let i = 1; i + named.length <= lowers.length; i++)
        if (ARTICLES.has(lowers[i - 1]!) && named.every((w, j) => same(lowers[i + j]!, w)))
          return [i - 1, ...named.map((_, j) => i + j)];
    // "Glykolpumpe" for "Glycol pump": one compound word of the label's words, each in the buyer's spelling.
    if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{L}{3,}$/u.test(w)))
      for (let i = 0; i < lowers.length; i++) if (compoundOf(lowers[i]!, words)) return [i];
    // "Verpackungslinie 3" for "Line 3": a label of a word and its number, the word the head of the buyer's compound.
    const [head, ...numbers] = words;
    if (numbers.length >= 1 && numbers.every((w) => /^\d+$/u.test(w)) && /^\p{L}{4,}$/u.test(head!))
      for (let i = 0; i + words.length <= lowers.length; i++)
        if (compoundHead(lowers[i]!, head!) && numbers.every((w, j) => lowers[i + 1 + j] === w))
          return words.map((_, j) => i + j);
    // "Milchpumpe 1" for "Milk pump 1": a label of words and a number, its last word the head of the buyer's compound
    // and its number right after it (the number is the label's, never how many).
    const lead = words.findIndex((w) => /^\d+$/u.test(w));
    const last = lead > 1 ? words[lead - 1]! : undefined;
    const count = words.length - lead;
    if (last && /^\p{L}{4,}$/u.test(last) && words.slice(lead).every((w) => /^\d+$/u.test(w)))
      for (let i = 0; i + count < lowers.length; i++)
        if (
          lowers[i] !== last &&
          compoundHead(lowers[i]!, last) &&
          words.slice(lead).every((w, j) => lowers[i + 1 + j] === w)
        )
          return [i, ...words.slice(lead).map((_, j) => i + 1 + j)];
    return undefined;
  };
  // The number right after a word, nothing but space between them ("band 2", not "the arcwell, 1 pack").
  const numberAfter = (i: number) =>
    /^\d+$/.test(lowers[i + 1] ?? "") && !/[^\s]/u.test(tokens[i]!.tail ?? "") ? lowers[i + 1] : undefined;
  const out: MachineMatch[] = [];
  const elided = new Set<MachineView>();
  for (const m of machines) {
    let score = 0;
    const used: number[] = [];
    const serial = lowers.indexOf(m.serial.toLowerCase());
    if (serial >= 0) (score += 10), used.push(serial);
    // "IMM7", "pump2" for "IMM 7", "Pump 2": the label written without its spaces, in any case.
    const label = firstOf(labelWordings(m.label, phraseGroups).map(phrase)) ?? codeSpan(lowers, m.label);
    if (label) (score += 6), used.push(...label);
    // "in the tank farm" of the site "Tank farm, Liege": the site, or its first part.
    const site = m.site ? (phrase(wordsOnly(m.site)) ?? phrase(wordsOnly(m.site.split(",")[0]!))) : undefined;
    if (site) (score += 3), used.push(...site);
    const model = codeSpan(lowers, m.model);
    if (model) (score += 2), used.push(...model);
    const modelName = phrase(wordsOnly(m.modelName));
    if (modelName && modelName.length > 1) (score += 2), used.push(...modelName);
    if (score === 0) {
      // "my dosing pump": a distinctive label word alone is a weak reference.
      // ("messer 2, band 2" beside the machine "Band 4": a label word with another number right after it names no
      // machine of that number — a count, or a machine the buyer does not have.)
      const numbers = new Set(wordsOnly(m.label).filter((w) => /^\d+$/.test(w)));
      const otherNumber = (i: number) => !!numberAfter(i) && !numbers.has(numberAfter(i)!);
      const words = wordsOnly(m.label).filter((w) => !/^\d+$/.test(w) && w.length > 2);
      const hit = words.map((w) => lowers.findIndex((x, i) => same(x, w) && !otherNumber(i))).filter((i) => i >= 0);
      if (hit.length && hit.length === words.length) (score += 1), used.push(...hit);
      // "the lift tabel" of "Lift table shipping": two or more leading words of the label, in the buyer's spelling.
      const lead = score ? undefined : leadingPhrase(lowers, wordsOnly(m.label));
      if (lead) (score += 1), used.push(...lead);
      // "for huber" of "Huber cold room": a name of the label or site that is no catalog or conversation word.
      const names = [...wordsOnly(m.label), ...wordsOnly(m.site ?? "")].filter(
        (w) => w.length > 3 && !/\d/.test(w) && !common(w),
      );
      const named = names.map((w) => lowers.indexOf(w)).filter((i) => i >= 0);
      if (!score && named.length) (score += 1), used.push(...named);
      // "for the cold room" of "Huber cold room", "den Enthärter" of "Enthärter Halle 2": the label without its name or
      // number, said as a definite thing — the buyer's only machine so called (below), its words no product's.
      // (It outweighs a weak reference: "die Formatsäge" is either of the old and the new one, asked which.)
      const kind = kindPhrase(lowers, wordsOnly(m.label), productWord, numberAfter);
      if (kind) (score = kind.elided ? 1 : 2), used.splice(0, used.length, ...kind.at);
      // (A weak reference keeps its words then: "neue" of "2 für die neue" is no product's.)
      if (kind?.elided) elided.add(m);
      // "für die große Säge" of the label "Big saw", "for the old panel saw" of "Alte Formatsäge": an adjective of the
      // label said in the other language, after an article — a weak reference (the buyer's only machine so called).
      if (!score && translatedAdjective(lowers, wordsOnly(m.label), productWord)) score = 1;
    }
    if (score > 0) out.push({ machine: m, score, tokens: used });
  }
  const best = Math.max(0, ...out.map((o) => o.score));
  const even = out.filter((o) => o.score === best);
  // "for the edge bander" where the buyer has an "Edge bander" and a "Sander": a reference whose words lie inside the
  // words another machine's reference of the same weight takes (one edit from "bander") is no reading of its own.
  // (A weak reference of no words of its own is inside no adjective said for a noun left out: "for the old panel saw
  // and one for the new one" names both.)
  const inside = (o: MachineMatch, x: MachineMatch) =>
    x.tokens.length > o.tokens.length &&
    o.tokens.every((t) => x.tokens.includes(t)) &&
    (o.tokens.length > 0 || !elided.has(x.machine));
  const top = even
    .filter((o) => !even.some((x) => x !== o && inside(o, x)))
    .sort((a, b) => (a.machine.machineId < b.machine.machineId ? -1 : 1));
  // A lone label word ("pump") names a machine only when it is the buyer's only such machine, and the word stays
  // available to the product search either way ("configure a pump" is about a product).
  if (best === 1)
    return top.length === 1 ? [{ ...top[0]!, tokens: elided.has(top[0]!.machine) ? top[0]!.tokens : [] }] : [];
  return top;
}

/**
 * Adjectives buyers tell their machines apart by (size, age, colour, side), English and German: the words of a
 * machine's own label, which the catalog's glossary does not translate. German forms are stems, said with any ending.
 */
const LABEL_ADJECTIVES: [en: string[], de: string[]][] = [
  [
    ["big", "large"],
    ["groß", "gross"],
  ],
  [["small", "little"], ["klein"]],
  [["old"], ["alt"]],
  [["new"], ["neu"]],
  [["blue"], ["blau"]],
  [["red"], ["rot"]],
  [["green"], ["grün", "gruen"]],
  [["yellow"], ["gelb"]],
  [["black"], ["schwarz"]],
  [["white"], ["weiß", "weiss"]],
  [["grey", "gray"], ["grau"]],
];
/** Prepositions that lead the machine a part is for ("für die große Säge", "on the old saw"). */
const MACHINE_PREPOSITIONS = new Set([
  "for",
  "on",
  "at",
  "from",
  "für",
  "fürs",
  "fuer",
  "an",
  "auf",
  "bei",
  "von",
  "in",
]);
/** Prepositions fused with an article ("vom", "beim", "am"). */
const FUSED = new Set(["vom", "zum", "zur", "beim", "im", "am", "ins", "fürs"]);
const GERMAN_ENDINGS = ["", "e", "en", "er", "es", "em"];
/** Whether a label word is one of the adjectives buyers tell machines apart by, in either language. */
const labelAdjective = (word: string) =>
  LABEL_ADJECTIVES.some(([en, de]) => en.includes(word) || germanAdjective(word, de));
/** Whether the buyer's word is the label's adjective in either language, with any German ending ("neuen", "new"). */
const sameAdjective = (said: string, label: string) =>
  LABEL_ADJECTIVES.some(
    ([en, de]) =>
      (en.includes(label) || germanAdjective(label, de)) && (en.includes(said) || germanAdjective(said, de)),
  );
/** What may follow an adjective whose noun is left out ("the new one", "die neue und …", "der alte auch"). */
const ELIDED_NEXT = new Set([
  "one",
  "ones",
  "and",
  "und",
  "too",
  "also",
  "auch",
  "bitte",
  "please",
  "pls",
  "noch",
  "dazu",
]);
const germanAdjective = (word: string, stems: string[]) =>
  stems.some((s) => GERMAN_ENDINGS.some((e) => word === s + e));

/**
 * Whether the text says an adjective of the label in the other language, right after an article or a possessive
 * ("die große" of "Big saw", "the old" of "Alte Formatsäge") and not before a word of the catalog's products.
 */
function translatedAdjective(lowers: string[], label: string[], productWord: (w: string) => boolean): boolean {
  for (const [en, de] of LABEL_ADJECTIVES) {
    const other = label.some((w) => en.includes(w))
      ? (t: string) => germanAdjective(t, de)
      : label.some((w) => germanAdjective(w, de))
        ? (t: string) => en.includes(t)
        : undefined;
    if (!other) continue;
    for (let i = 1; i < lowers.length; i++) {
      if (!other(lowers[i]!) || !(ARTICLES.has(lowers[i - 1]!) || DEFINITE.test(lowers[i - 1]!))) continue;
      // ("the old blades", "die neuen Messer": an adjective of the products named after it, not of a machine — unless
      // a preposition leads it, "für die große Säge", "for the old panel saw": what a part is for.)
      const next = lowers[i + 1];
      const led = MACHINE_PREPOSITIONS.has(lowers[i - 2] ?? "") || FUSED.has(lowers[i - 1]!);
      if (led || !next || !/^\p{L}/u.test(next) || !productWord(next)) return true;
    }
  }
  return false;
}

/**
 * Definite articles in their cases, and prepositions fused with one ("vom", "beim"): a nickname led by one ("Der
 * Blaue", "the Beast") is said with any of them.
 */
const ARTICLES = new Set([
  "the",
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "vom",
  "zum",
  "zur",
  "beim",
  "im",
  "am",
  "ins",
  "fürs",
]);

/**
 * Words of a machine reference: equal, or — for words of 4+ letters — one edit apart, so "Pumpe 2 in Halle B"
 * finds the machine labelled "Pump 2" at site "Hall B", and "Pmup 2" still finds it.
 */
function sameWord(said: string, label: string): boolean {
  if (said === label) return true;
  if (said.length < 4 || label.length < 4 || /\d/.test(said) || /\d/.test(label)) return false;
  // Every machine's words are compared with every buyer word on every reading: each pair is judged once.
  const pair = `${said}\u0000${label}`;
  let same = sameWords.get(pair);
  if (same === undefined) {
    if (sameWords.size > 50_000) sameWords.clear();
    sameWords.set(pair, (same = editDistance(said, label, 1) <= 1 || sameCognate(said, label)));
  }
  return same;
}
const sameWords = new Map<string, boolean>();

/**
 * The same agent noun in a related language ("Palettierer" / "palletiser" / "palletizer"): equal once diacritics are
 * folded, doubled letters collapsed, "z" read as "s" and the agent endings of English and German (-ierer, -iser,
 * -izer, -er) taken off — both words must have one, so "Paletten" (pallets) is not the palletiser. Long words only.
 */
export function sameCognate(a: string, b: string): boolean {
  if (a.length < 7 || b.length < 7) return false;
  const ka = agentStem(a);
  const kb = agentStem(b);
  return !!ka && ka.length >= 5 && ka === kb;
}

const agentStems = new Map<string, string | undefined>();
function agentStem(word: string): string | undefined {
  if (agentStems.has(word)) return agentStems.get(word);
  if (agentStems.size > 20_000) agentStems.clear();
  const stem = readAgentStem(word);
  agentStems.set(word, stem);
  return stem;
}

function readAgentStem(word: string): string | undefined {
  const folded = word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/z/g, "s")
    .replace(/(\p{L})\1+/gu, "$1")
    // "Palettiergerät", "Palettiermaschine": a German verb stem in -ier- before a word for a device names the same
    // agent as "Palettierer".
    .replace(/ier(?:gerat|maschine|anlage|automat)$/u, "ierer");
  const m = /^(.+?)(?:ier|is)?er$/u.exec(folded);
  return m?.[1];
}

/** Whether a compound ends in a word ("verpackungslinie" in "line"), the part before it three letters or more. */
function compoundHead(word: string, head: string): boolean {
  if (!/^\p{L}+$/u.test(word)) return false;
  for (let cut = 3; cut <= word.length - 4; cut++) if (sameWord(word.slice(cut), head)) return true;
  return false;
}

/** Whether a word is the words joined ("glykolpumpe" = "glycol" + "pump"), each part the same word as its label word. */
function compoundOf(word: string, parts: string[]): boolean {
  if (parts.length === 0) return word.length === 0;
  const [head, ...rest] = parts;
  if (rest.length === 0) return sameWord(word, head!);
  for (let cut = 3; cut <= word.length - 3; cut++)
    if (sameWord(word.slice(0, cut), head!) && compoundOf(word.slice(cut), rest)) return true;
  return false;
}

/**
 * The glossary's entries as synonym groups of every language ("Heißpresse" = "hot press", "Tiefkühlzelle" = "freezer").
 * A machine's label is the buyer's own free text, never translated by the catalog: a German buyer names the machine
 * labelled "Freezer 3" as "Tiefkühlzelle 3" whether or not the catalog has German texts, so labels are read in every
 * glossary wording — not only in the languages the catalog lacks, as product names are.
 */
let labelGlossary: string[][][] | undefined;
function labelGlossaryGroups(): string[][][] {
  labelGlossary ??= glossaryEntries()
    .map((e) =>
      Object.values(e)
        .flat()
        .map((t) => tokenizeText(t).map((x) => x.lower))
        .filter((w) => w.length > 0)
        // ("die Kuehlzelle": a German wording written without umlauts, as keyboards without them type it.)
        .flatMap((w) => (w.some((x) => /[äöüß]/u.test(x)) ? [w, w.map(withoutUmlauts)] : [w])),
    )
    .filter((g) => g.length > 1);
  return labelGlossary;
}

/** A word with its umlauts and "ß" written as two letters ("kühlzelle" → "kuehlzelle"). */
const withoutUmlauts = (w: string) =>
  w.replace(/ä/gu, "ae").replace(/ö/gu, "oe").replace(/ü/gu, "ue").replace(/ß/gu, "ss");

const withGlossary = new WeakMap<string[][][], string[][][]>();
const wordings = new WeakMap<string[][][], Map<string, string[][]>>();
/** A machine label's words and their other wordings, once per label and synonym list (machines are read every call). */
function labelWordings(label: string, synonyms: string[][][]): string[][] {
  let groups = withGlossary.get(synonyms);
  if (!groups) withGlossary.set(synonyms, (groups = [...synonyms, ...labelGlossaryGroups()]));
  let byLabel = wordings.get(groups);
  if (!byLabel) wordings.set(groups, (byLabel = new Map()));
  let out = byLabel.get(label);
  if (!out) {
    if (byLabel.size > 5000) byLabel.clear();
    byLabel.set(label, (out = alternatives(wordsOnly(label), groups)));
  }
  return out;
}

/**
 * A phrase and its other wordings from the synonym groups ("huber cold room" → "huber kühlraum"), each word of it in
 * its own wording too ("roof chiller" → "dach kühler", which "Dachkühler" compounds). The phrase as written first, then
 * one word reworded, then more; a bounded number of wordings.
 */
function alternatives(words: string[], groups: string[][][]): string[][] {
  const out = [words];
  const seen = new Set([words.join(" ")]);
  for (let from = 0; from === 0 || (from < out.length && out.length < MAX_WORDINGS); from++) {
    const phrase = out[from]!;
    for (const group of groups)
      for (const said of group) {
        const at = indexOfPhrase(phrase, said);
        if (at < 0) continue;
        for (const to of group) {
          if (to === said) continue;
          const next = [...phrase.slice(0, at), ...to, ...phrase.slice(at + said.length)];
          const key = next.join(" ");
          // (Only the label's own words are reworded: a wording's words are not translated back and forth.)
          if (from > 0 && !out[0]!.some((w) => phrase[at] === w)) continue;
          if (!seen.has(key) && (from === 0 || out.length < MAX_WORDINGS)) seen.add(key), out.push(next);
        }
      }
  }
  return out;
}

/** Wordings of a machine label with two or more words reworded kept at most (one per combination). */
const MAX_WORDINGS = 24;

/** The longest run of two or more leading words of a label that the text carries in a row ("lift table"). */
function leadingPhrase(lowers: string[], label: string[]): number[] | undefined {
  for (let n = label.length - 1; n >= 2; n--) {
    const words = label.slice(0, n);
    if (words.some((w) => /\d/.test(w))) continue;
    for (let i = 0; i + n <= lowers.length; i++)
      if (words.every((w, j) => sameWord(lowers[i + j]!, w))) return words.map((_, j) => i + j);
  }
  return undefined;
}

/** Words that make what follows a definite thing the buyer has: articles, possessives, prepositions fused with one. */
const DEFINITE = /^(?:the|this|that|our|my|unser(?:e[mnrs]?)?|unsre[mnrs]?|mein(?:e[mnrs]?)?|diese[mnrs]?)$/u;

/**
 * The label's kind words without the words that tell one such machine from another: a leading or trailing part of
 * the label (its rest a name, an adjective or a number), after an article or possessive, not followed by a product
 * word. Its letters must be 5 or more ("the line", "the band" stay ordinary).
 */
function kindPhrase(
  lowers: string[],
  label: string[],
  productWord: (w: string) => boolean,
  numberAfter: (i: number) => string | undefined,
): { at: number[]; elided: boolean } | undefined {
  if (label.length < 2) return undefined;
  const parts: string[][] = [];
  for (let n = label.length - 1; n >= 1; n--) parts.push(label.slice(label.length - n), label.slice(0, n));
  for (const words of parts) {
    // ("für die neue" of "Neue Formatsäge" beside "Alte Formatsäge", "the old one": the label's adjective alone, its
    // noun left out — then said with nothing after it but the end of its clause.)
    const elided = words.length === 1 && labelAdjective(words[0]!);
    if (!words.every((w) => /^\p{L}+$/u.test(w)) || (words.join("").length < 5 && !elided)) continue;
    if (ARTICLES.has(words[0]!)) continue;
    for (let i = 1; i + words.length <= lowers.length; i++) {
      if (!words.every((w, j) => sameWord(lowers[i + j]!, w) || (elided && sameAdjective(lowers[i + j]!, w)))) continue;
      const before = lowers[i - 1]!;
      if (!ARTICLES.has(before) && !DEFINITE.test(before)) continue;
      const next = lowers[i + words.length];
      if (elided && next && /^\p{L}/u.test(next) && !ELIDED_NEXT.has(next)) continue;
      // (Led by what a part is for — "2 für die neue", "one for the old one" — not "ich nehme die neue", a version.)
      if (elided && !MACHINE_PREPOSITIONS.has(lowers[i - 2] ?? "") && !FUSED.has(before)) continue;
      if (next && /^\p{L}/u.test(next) && productWord(next)) continue;
      // ("the mixer 3" of "Mixer 2": another number after the kind names another machine.)
      const number = numberAfter(i + words.length - 1);
      if (number && !label.includes(number)) continue;
      // ("the new one": the "one" that stands for the noun is the machine's name too.)
      if (elided && (next === "one" || next === "ones")) return { at: [i, i + 1], elided };
      return { at: words.map((_, j) => i + j), elided };
    }
  }
  return undefined;
}

function indexOfPhrase(words: string[], phrase: string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, j) => words[i + j] === w)) return i;
  return -1;
}

function firstOf<T>(xs: (T | undefined)[]): T | undefined {
  return xs.find((x) => x !== undefined);
}

/** "NCP 40-200", "ncp40-200" for the code "NCP-40-200": consecutive tokens that spell the code without separators. */
function codeSpan(lowers: string[], code: string): number[] | undefined {
  const target = code.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  if (target.length < 3) return undefined;
  for (let i = 0; i < lowers.length; i++) {
    let acc = "";
    for (let j = i; j < lowers.length && acc.length < target.length; j++) {
      acc += lowers[j]!.replace(/[^\p{L}\p{N}]/gu, "");
      if (acc === target) return Array.from({ length: j - i + 1 }, (_, n) => i + n);
      if (!target.startsWith(acc)) break;
    }
  }
  return undefined;
}

function wordsOnly(text: string): string[] {
  return tokenizeText(text).map((t) => t.lower);
}

/** Option choices the text names for a configuration model: group → values (only values that exist). */
/** A German adjective without its inflection ending ("geräuscharmen", "geräuscharmer" → "geräuscharm"). */
const adjectiveStem = (w: string) => (w.length >= 7 ? w.replace(/(?:e[mnrs]?)$/u, "") : w);

/**
 * @param gloss on a catalog without texts in the buyer's language, the glossary's words for a label ("Bore" →
 *   Kolbendurchmesser, Bohrung; `Knowledge.gloss.words`): they name the group or the value as the label's words do.
 */
export function findOptions(
  said: string,
  model: ConfigModel,
  groups?: string[],
  gloss?: (label: string) => string[],
): Record<string, string[]> {
  // A decision asks for the options of one text in one model from several places: read once per model object (the
  // reader's model of a catalog version, or a language's copy of it), text, groups and glossary.
  let byModel = optionReadings.get(model);
  if (!byModel) optionReadings.set(model, (byModel = new Map()));
  const key = `${glossId(gloss)}\u0000${groups ? groups.join("\u0001") : "\u0002"}\u0000${said}`;
  let found = byModel.get(key);
  if (!found) {
    if (byModel.size > 500) byModel.clear();
    byModel.set(key, (found = readOptions(said, model, groups, gloss)));
  }
  // A copy: callers may add to what they get.
  const out: Record<string, string[]> = {};
  for (const g in found) out[g] = [...found[g]!];
  return out;
}

/** `findOptions` answers per configuration model object (a model object is never changed once read). */
const optionReadings = new WeakMap<ConfigModel, Map<string, Record<string, string[]>>>();
const glossIds = new WeakMap<object, number>();
let glossFunctions = 0;
/** A number per glossary function (0: none), part of a `findOptions` key. */
function glossId(gloss: ((label: string) => string[]) | undefined): number {
  if (!gloss) return 0;
  let id = glossIds.get(gloss);
  if (id === undefined) glossIds.set(gloss, (id = ++glossFunctions));
  return id;
}

function readOptions(
  said: string,
  model: ConfigModel,
  groups?: string[],
  gloss?: (label: string) => string[],
): Record<string, string[]> {
  // "13 bis 18 A" is the range the labels write "13–18 A"; "60 U/min" the speed they write "60 rpm".
  const text = rateUnits(said.replace(/(\d)\s+(?:bis|to|till|until)\s+(?=\d)/giu, "$1–"));
  const tokens = tokenizeText(text).map((t) => t.lower);
  const words = wordsOf(text);
  const joined = ` ${words.join(" ")} `;
  const compact = ` ${tokens.join(" ")} `;
  // "low noise fan" for "Low-noise fan" and the other way round: words joined by a hyphen are also read apart.
  // ("20-Zoll-Kerze" for "20 Zoll": a number hyphenated to its unit too.)
  const apart = (s: string) => s.replace(/([\p{L}\d])-(?=\p{L})/gu, "$1 ");
  const spaced = ` ${wordsOf(apart(text)).join(" ")} `;
  // "24-V-Bremse", "230-V-Spule": an amount hyphenated to its unit and to the word after it is that amount too.
  const amountTokens = tokenizeText(apart(text)).map((t) => t.lower);
  const negated = negatedWordsOf(tokenizeText(text));
  const out: Record<string, string[]> = {};
  // Single-choice groups that found several numbers alike ("bore motor side" and "bore driven side", both 28 and 35).
  const tied = new Map<string, { values: string[]; words: Set<string> }>();
  // Each group's words, for the numbers another group's word names (below).
  const wordsByGroup = new Map<string, Set<string>>();
  for (const g of model.groups) {
    if (groups && !groups.includes(g.code)) continue;
    // Words that name the group itself ("ATEX", "seal") are not a choice of one of its values.
    const groupWords = new Set([...wordsOf(g.code), ...wordsOf(g.label), ...(gloss?.(g.label).flatMap(wordsOf) ?? [])]);
    wordsByGroup.set(g.code, groupWords);
    // The glossary's words for each value's label, outside its parentheses ("7 mm (low temperature)" is no "Tiefkühlung");
    // a word several values' labels share names none of them.
    const glossed = new Map(
      g.options.map((o) => [o.value, (gloss?.(o.label.replace(/\([^)]*\)/gu, " ")) ?? []).map((w) => w.toLowerCase())]),
    );
    const glossCount = new Map<string, number>();
    for (const words of glossed.values())
      for (const w of new Set(words)) glossCount.set(w, (glossCount.get(w) ?? 0) + 1);
    const ownGloss = (value: string) => (glossed.get(value) ?? []).filter((w) => glossCount.get(w) === 1);
    // "Kolben 63" for "Kolbendurchmesser": a word that starts a longer word of the group's name names it too.
    for (const t of tokens)
      if (t.length >= 5 && !/\d/.test(t) && [...groupWords].some((w) => w.length > t.length + 2 && w.startsWith(t)))
        groupWords.add(t);
    // "und Endlagendämpfung", "with end cushioning": a group of one choice named by a word of its own (five letters
    // or more, not after a negation) is that choice.
    const only = g.options.length === 1 ? g.options[0]! : undefined;
    if (only) {
      const at = tokens.findIndex((t) => t.length >= 5 && !/\d/.test(t) && groupWords.has(t));
      if (at >= 0 && !tokens.slice(Math.max(0, at - 3), at).some((t) => NEGATIONS.has(t))) out[g.code] = [only.value];
      if (at >= 0) continue;
    }
    const yesNo = yesNoValues(g.options.map((o) => o.value));
    // "ohne Ex-Schutz", "without ATEX", "kein Feldbus": a negation before a word naming the group (or the word a
    // value's label negates: "Standard (nicht Ex)") is the value that says none or not-X.
    const notValue = yesNo ? g.options.find((o) => o.value === yesNo.no) : negativeOption(g.options);
    if (notValue && g.max <= 1) {
      const negatedLabel = negatedWordsOf(tokenizeText(notValue.label));
      if (
        [...negated].some(
          (w) =>
            groupWords.has(w) ||
            negatedLabel.has(w) ||
            (w.length >= 4 && [...groupWords, ...negatedLabel].some((x) => x.length >= 4 && stemOf(x) === stemOf(w))),
        )
      ) {
        out[g.code] = [notValue.value];
        continue;
      }
    }
    if (yesNo) {
      const at = tokens.findIndex((t) => groupWords.has(t) && !/^\d/.test(t) && t.length > 2);
      if (at >= 0) {
        const near = tokens.slice(Math.max(0, at - 3), at + 4);
        const negative = near.some((t) => NEGATIONS.has(t));
        out[g.code] = [negative ? yesNo.no : yesNo.yes];
      }
      continue;
    }
    // "NBR-Dichtungen", "PNP-Ausgang": a value glued by a hyphen to a word naming its group is said as a word of its own.
    const glued = new Set<string>();
    for (const t of tokens) {
      const parts = t.split("-");
      // "J-Schieber": the value may be one letter, the word naming the group beside it is longer.
      if (parts.length !== 2 || !parts.every((x) => /^\p{L}+$/u.test(x)) || !parts.some((x) => x.length > 3)) continue;
      const names = (x: string) => [...groupWords].some((w) => w.length > 3 && stemOf(w) === stemOf(x));
      if (names(parts[1]!)) glued.add(parts[0]!);
      else if (names(parts[0]!)) glued.add(parts[1]!);
    }
    // "no overload protection", "no fieldbus", "ohne Bremse": a negation before the group's word is the value that
    // says none ("None (plain yoke)", "None (terminals only)", "No brake").
    const none = g.options.find(
      (o) =>
        /^(none|no|ohne|without|kein\w*)$/iu.test(o.value) || /^\s*(none|no|ohne|without|kein\w*)\b/iu.test(o.label),
    );
    if (
      none &&
      g.max <= 1 &&
      tokens.some(
        (t, i) =>
          NEGATIONS.has(t) &&
          tokens.slice(i + 1, i + 4).some((w) => w.length > 2 && !/\d/.test(w) && groupWords.has(w)),
      )
    ) {
      out[g.code] = [none.value];
      continue;
    }
    const found: { value: string; len: number }[] = [];
    // "i=20" where every label writes "i=19.8 (…)": the symbol names the group, the number after it the value —
    // the option with that value, else the one whose label's number is nearest (within a tenth).
    const symbol = symbolOf(g.options.map((o) => o.label));
    const stated = symbol ? symbolValue(text, symbol) : undefined;
    if (stated !== undefined) {
      const near = (o: { value: string; label: string }) =>
        Math.abs(
          Number(
            o.label
              .slice(o.label.indexOf("=") + 1)
              .replace(",", ".")
              .match(/^\s*(\d+(?:\.\d+)?)/)?.[1],
          ) - stated,
        );
      const exact = g.options.find((o) => Number(o.value) === stated);
      const best = exact ?? [...g.options].sort((a, b) => near(a) - near(b))[0];
      if (best && (exact || near(best) <= stated / 10)) {
        out[g.code] = [best.value];
        continue;
      }
    }
    // An amount every value's label carries ("… at 50 Hz" in each ratio's label) describes them all: it chooses none.
    const shared = sharedAmounts(g.options.map((o) => rateUnits(o.label)));
    // "closed centre" for "E (closed centre)", "keypad" for "LCD keypad", "STO" for "Safe torque off (STO)": a word
    // of one value's label alone (its description too) names that value — when the text names no other value so.
    const distinct = distinctWordHits(text, tokens, g.options, groupWords, glossed, otherLabels(model, g.code));
    for (const o of g.options) {
      const forms = new Set<string>();
      const codes = new Set<string>();
      const v = o.value.toLowerCase();
      forms.add(wordsOf(o.value).join(" "));
      forms.add(wordsOf(o.label).join(" "));
      forms.add(wordsOf(apart(o.label)).join(" "));
      // "400 V 3~ 50 Hz" → "400 v" and "400v"; "FKM (fluoro rubber)" → "fkm"
      const lead = tokenizeText(o.label).map((t) => t.lower);
      // A first word another value's label starts with too ("UC 2 …", "UC 3 …"; "Federdruckbremse 24 V DC",
      // "Federdruckbremse 230 V AC") names no one value: the words after it choose.
      const sharedLead = g.options.some((x) => x !== o && tokenizeText(x.label)[0]?.lower === lead[0]);
      // (Not a function word: "with" of "with calibrated underlay" is said of anything; "ohne" of "Ohne Bremse" is.)
      const functionWord = /^\p{L}{2,}$/u.test(lead[0] ?? "") && FUNCTION_WORDS.has(lead[0]!) && !negationOf(lead[0]!);
      if (lead.length >= 1 && !groupWords.has(lead[0]!) && !sharedLead && !functionWord) forms.add(lead[0]!);
      if (lead.length >= 2 && /^\d/.test(lead[0]!))
        forms.add(`${lead[0]} ${lead[1]}`), forms.add(`${lead[0]}${lead[1]}`);
      // "foot and flange" for "B35 foot and flange": the words after a leading code.
      if (lead.length >= 2 && /\p{L}/u.test(lead[0]!) && /\d/.test(lead[0]!) && !/\d/.test(lead[1]!))
        forms.add(wordsOf(o.label.slice(o.label.toLowerCase().indexOf(lead[1]!))).join(" "));
      // "EF 220" of "CB20 — counterbalance trucks EF 220": a short word and a number later in the label that no
      // other value's label carries.
      for (let i = 1; i + 1 < lead.length; i++)
        if (/^\p{L}{1,4}$/u.test(lead[i]!) && /^\d+$/.test(lead[i + 1]!)) {
          const pair = `${lead[i]} ${lead[i + 1]}`;
          const elsewhere = g.options.some((x) => x !== o && ` ${wordsOf(x.label).join(" ")} `.includes(` ${pair} `));
          if (!elsewhere && !groupWords.has(lead[i]!)) forms.add(pair);
        }
      // "4 pole" for "4-pole, 1450 rpm": the first word written apart.
      if (lead[0] && !sharedLead && /^\d+-\p{L}+$/u.test(lead[0])) forms.add(apart(lead[0]).replace("-", " "));
      for (const w of ownGloss(o.value)) forms.add(wordsOf(w).join(" "));
      // "1.4404" of "All stainless 1.4404 (…)", "DT04" of "Deutsch DT04-2P": a code or a grade with digits that only
      // this value's label carries names it, before the words around it.
      for (const t of lead)
        if (
          t.length >= 4 &&
          /\d/.test(t) &&
          (/\d[.,]\d|\p{L}/u.test(t) || t.length >= 4) &&
          !/^\d{1,3}$/.test(t) &&
          !g.options.some((x) => x !== o && tokenizeText(x.label).some((y) => y.lower === t))
        )
          codes.add(t);
      // "REMA 320 plug" for "REMA 320 A": a shared first word with the number after it, the unit left out.
      if (sharedLead && lead.length >= 3 && /^\d+([.,]\d+)?$/.test(lead[1]!) && !/\d/.test(lead[0]!))
        forms.add(`${lead[0]} ${lead[1]}`);
      // "Serie 8" for "Series 8 (…)", "Kategorie 3" for "Cat 3": the glossary's word for a first word said with the
      // number after it.
      if (lead.length >= 2 && /^\d+$/.test(lead[1]!) && !/\d/.test(lead[0]!))
        for (const w of gloss?.(lead[0]!) ?? []) forms.add(`${wordsOf(w).join(" ")} ${lead[1]}`);
      let hit = 0;
      for (const c of codes) if (compact.includes(` ${c} `)) hit = Math.max(hit, c.length * 2);
      for (const f of forms) {
        if (!f || groupWords.has(f)) continue;
        const bare = /^\d+([.,]\d+)?$/.test(f);
        // A bare number ("32") counts only with its group named ("DN 32", "flange 32") or when it is long enough
        // not to be a quantity; "DN32" itself is matched through the label form.
        if (bare && !(bare && v === f && (f.length >= 3 || [...groupWords].some((w) => compact.includes(` ${w} `)))))
          continue;
        if (
          glued.has(f) ||
          joined.includes(` ${f} `) ||
          compact.includes(` ${f} `) ||
          compact.includes(` ${f.replace(" ", "")} `) ||
          (f.includes(" ") && spaced.includes(` ${f} `)) ||
          // "flat face" for "Flat-face …"
          (/\p{L}-\p{L}/u.test(f) && spaced.includes(` ${apart(f)} `))
        )
          hit = Math.max(hit, f.length);
      }
      // "Flansch" for "Kopfflansch": a word of six letters or more that ends or starts a longer word of the label —
      // of this value's label only ("Aufstellung" ends "Innenaufstellung" and "Außenaufstellung": it chooses neither).
      // "Schwenkzapfe" for "Schwenkzapfen": the same stem.
      // "geräuscharmen" for "Geräuscharmer": an inflected adjective (German endings -e, -em, -en, -er, -es).
      const labelOf = (x: { value: string; label: string }) => `${x.label} ${(glossed.get(x.value) ?? []).join(" ")}`;
      // "Manometern" for "Druckmanometer": an inflected word's stem ends or starts the longer word so.
      const partOf = (t: string, label: string) =>
        wordsOf(label).some(
          (w) =>
            [t, stemOf(t)].some(
              (x) => x.length >= 6 && w.length >= x.length + 3 && (w.endsWith(x) || w.startsWith(x)),
            ) ||
            (w !== t && (stemOf(w) === stemOf(t) || adjectiveStem(w) === adjectiveStem(t))),
        );
      if (!hit)
        for (const t of tokens)
          if (
            t.length >= 6 &&
            !/\d/.test(t) &&
            !groupWords.has(t) &&
            partOf(t, labelOf(o)) &&
            !g.options.some((other) => other !== o && partOf(t, labelOf(other)))
          )
            hit = Math.max(hit, t.length);
      // "Fernüberwachungsmodul", "LCD-Bedienteil": a compound of the buyer's that starts or ends in a glossary word of
      // this value's label alone (six letters or more).
      if (!hit)
        for (const t of tokens)
          for (const w of ownGloss(o.value))
            if (
              w.length >= 6 &&
              t.length >= w.length + 3 &&
              !/\d/.test(t) &&
              !groupWords.has(t) &&
              (t.startsWith(w) || t.endsWith(w))
            )
              hit = Math.max(hit, w.length);
      // "4 kW" for "4.0 kW": the same number with the same unit.
      // Any number with its unit in the label counts ("3~ 400 V" is chosen by "400 V").
      if (!hit) {
        const label = rateUnits(o.label)
          .toLowerCase()
          .replace(/(\d),(\d)/g, "$1.$2");
        const amounts = [...label.matchAll(/(?<![\d.\-–…/])(\d+(?:\.\d+)?)\s*([a-z°%]+)/g)];
        // "230/400 V": the first number of a pair before the unit is an amount of it too (named less surely than
        // the last: "400 V" is "230/400 V" before "400/690 V").
        const pairs = [...label.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\s*([a-z°%]+)/g)];
        const inParens = (at: number) => label.lastIndexOf("(", at) > label.lastIndexOf(")", at);
        const mainUnit = amounts.find((m) => !inParens(m.index))?.[2];
        for (const m of amounts) {
          const [, num, unit] = m;
          if (shared.has(`${Number(num)} ${unit}`)) continue;
          // "230 V 1~ (up to 2.2 kW)": an amount of another unit in the note of a value is a limit, not the value.
          if (mainUnit && unit !== mainUnit && inParens(m.index)) continue;
          for (let i = 0; i < amountTokens.length; i++) {
            const joinedUnit = /^(\d+(?:\.\d+)?)([a-z°%]+)$/.exec(amountTokens[i]!);
            const n = joinedUnit ? joinedUnit[1] : amountTokens[i];
            const said = joinedUnit ? joinedUnit[2] : amountTokens[i + 1];
            // "400 Volt", "4 Kilowatt": the unit spelt out.
            const u = said ? (UNIT_SPELLINGS[said] ?? said) : said;
            if (!n || !/^\d+(\.\d+)?$/.test(n)) continue;
            // "1500 W" for "1.5 kW": the same amount a thousandth of the unit.
            const same =
              (Number(n) === Number(num) && u === unit) ||
              (`k${u}` === unit && Math.abs(Number(n) / 1000 - Number(num)) < 1e-9);
            if (same) hit = num!.length + unit!.length;
          }
        }
        if (!hit)
          for (const [, first, last, unit] of pairs)
            for (let i = 0; i + 1 < tokens.length; i++) {
              const n = Number(tokens[i]);
              const u = UNIT_SPELLINGS[tokens[i + 1]!] ?? tokens[i + 1];
              if (u !== unit || !/^\d/.test(tokens[i]!)) continue;
              if (n === Number(last)) hit = Math.max(hit, last!.length + unit!.length);
              else if (n === Number(first)) hit = Math.max(hit, first!.length + unit!.length - 1);
            }
      }
      // "13 bis 18 A", "13 to 18 A", "13-18A" for "13–18 A": a range with the same ends.
      if (!hit) {
        const range =
          /(\d+(?:[.,]\d+)?)\s*[–\-…]\s*(\d+(?:[.,]\d+)?)/u.exec(o.label) ??
          /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/u.exec(o.value);
        if (range) {
          const [lo, hi] = [Number(range[1]!.replace(",", ".")), Number(range[2]!.replace(",", "."))];
          const said = ` ${tokens.join(" ")} `.replace(
            / (\d+(?:\.\d+)?) (?:bis|to|until|-|–) (\d+(?:\.\d+)?)/gu,
            " $1-$2",
          );
          for (const m of said.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)(?![\d.])/gu))
            if (Number(m[1]) === lo && Number(m[2]) === hi) hit = m[0].length;
        }
      }
      // "1 Schliesser 1 Öffner" for "1 S + 1 Ö": a label of counts and one-letter abbreviations, each letter the
      // initial of the buyer's word at that place.
      if (!hit) {
        const short = tokenizeText(o.label).map((t) => t.lower);
        const letters = short.filter((t) => /^\p{L}$/u.test(t)).length;
        if (letters >= 2 && short.every((t) => /^\p{L}$/u.test(t) || /^\d+$/.test(t)))
          for (let i = 0; i + short.length <= tokens.length && !hit; i++)
            if (
              short.every((t, j) =>
                /^\d/.test(t) ? tokens[i + j] === t : tokens[i + j]!.length > 2 && tokens[i + j]!.startsWith(t),
              )
            )
              hit = short.length * 2;
      }
      // "no brake" for "Ohne Bremse", "ohne Bremse" for "No brake": a label that is a negation and a word, the buyer's
      // negation right before that word or the glossary's word for it.
      if (!hit) {
        const [neg, ...rest] = tokenizeText(o.label.replace(/\([^)]*\)/gu, " ")).map((t) => t.lower);
        if (neg && NEGATIONS.has(neg) && rest.length > 0 && rest.length <= 2) {
          const named = new Set([...rest, ...(gloss?.(rest.join(" ")) ?? []).flatMap(wordsOf)].map(stemOf));
          for (let i = 0; i + 1 < tokens.length && !hit; i++)
            if (NEGATIONS.has(tokens[i]!) && named.has(stemOf(tokens[i + 1]!))) hit = tokens[i + 1]!.length + 3;
        }
      }
      // "DN32" for value "32" in a group whose label or code says DN.
      if (!hit && /^\d+([.,]\d+)?$/.test(v)) {
        for (const w of groupWords)
          if (w.length >= 2 && !/^\d/.test(w) && (compact.includes(` ${w}${v} `) || compact.includes(` ${w} ${v} `)))
            hit = v.length + w.length;
      }
      // "size 6" for "NG6 (CETOP 3)", "category 2" for "Cat 2": the group named with the number of a value's code.
      if (!hit) {
        const n = /^\s*\p{L}{1,8}\.?\s*(\d+)(?![\d.,/])/u.exec(o.label)?.[1];
        if (n)
          for (const w of groupWords)
            if (w.length >= 3 && !/\d/.test(w) && compact.includes(` ${w} ${n} `))
              hit = Math.max(hit, w.length + n.length);
      }
      // "XY 32" written apart for a value or label "XY32 …" ("UC 3" for "UC3").
      if (!hit) {
        const glued = compact.replace(/ ([a-z]{1,3}) (\d)/g, " $1$2");
        for (const f of forms) if (f && /^[a-z]{1,3}\d/.test(f) && glued.includes(` ${f} `)) hit = f.length;
      }
      // "mit 4er Öse", "Öse 6", "with eyelet 6", "320er REMA-Stecker" for "Ösen 4 mm", "Eyelets 6 mm", "REMA 320 A": the
      // number of a value's label said right beside a word of that label (inflected, or part of a hyphenated word),
      // the unit left out, the German "-er" on the number. ("Ösen, 4 Stück": a count with its unit is no value.)
      if (!hit) hit = numberBesideWord(tokens, o.label, groupWords);
      // "ohne Winterregelung, mit Fernüberwachung": a value whose own label word the buyer negated is not chosen.
      const refused =
        o !== notValue &&
        wordsOf(`${o.label} ${(glossed.get(o.value) ?? []).join(" ")}`).some(
          (w) => w.length >= 5 && !/\d/.test(w) && [...negated].some((x) => x === w || stemOf(x) === stemOf(w)),
        );
      if (hit > 0 && !refused) found.push({ value: o.value, len: hit });
    }
    // The distinct words choose only where nothing more definite did ("400 volt three phase" is not "single-phase").
    if (found.length === 0 && (g.max > 1 || distinct.size === 1))
      for (const [value, len] of distinct) found.push({ value, len });
    if (found.length === 0) continue;
    found.sort((a, b) => b.len - a.len);
    // Longest form wins ("400 V" over "4"); several values only for multi-choice groups.
    out[g.code] = g.max > 1 ? found.map((f) => f.value).slice(0, g.max) : [found[0]!.value];
    const alike = found.filter((f) => f.len === found[0]!.len && NUMBER.test(f.value)).map((f) => f.value);
    if (g.max <= 1 && alike.length > 1) tied.set(g.code, { values: alike, words: groupWords });
  }
  // "30 mm wide, tooth pitch 10 mm" where the width offers 10 mm and 30 mm and the pitch 10 mm: a group of one number
  // found takes part too — the number its own word names ("pitch 10") is not the tied group's, which keeps the other.
  if (tied.size > 0) {
    const claims = new Map(tied);
    for (const g of model.groups) {
      const v = out[g.code];
      if (tied.has(g.code) || g.max > 1 || v?.length !== 1 || !NUMBER.test(v[0]!)) continue;
      claims.set(g.code, { values: v, words: wordsByGroup.get(g.code) ?? new Set() });
    }
    if (tied.size > 1 || claims.size > 1)
      for (const [code, value] of numbersByGroup(tokens, claims)) if (tied.has(code)) out[code] = [value];
  }
  if (!groups || groups.length > 1)
    for (const [code, values] of Object.entries(sameChoiceGroups(text, model, groups, gloss))) out[code] = values;
  return out;
}

/**
 * How surely the tokens name a value by its label's number beside one of its words (`findOptions`): the length of
 * what matched, 0 for nothing. The number may carry the German "-er" ("4er"), and then stand one word further off.
 */
function numberBesideWord(tokens: string[], label: string, groupWords: Set<string>): number {
  const own = tokenizeText(label.replace(/\([^)]*\)/gu, " ")).map((t) => t.lower);
  const n = own.find((t) => /^\d+(?:[.,]\d+)?$/.test(t));
  const words = own.filter((t) => /^\p{L}{3,}$/u.test(t) && !groupWords.has(t));
  if (!n || words.length === 0) return 0;
  const value = Number(n.replace(",", "."));
  const sameWord = (said: string) =>
    said
      .split("-")
      .some((p) =>
        words.some(
          (w) =>
            p.length >= 3 &&
            (p === w ||
              stemOf(p) === stemOf(w) ||
              (w.startsWith(p) && w.length - p.length <= 2) ||
              (p.startsWith(w) && p.length - w.length <= 2)),
        ),
      );
  for (let i = 0; i < tokens.length; i++) {
    const m = /^(\d+(?:[.,]\d+)?)(er)?$/u.exec(tokens[i]!);
    if (!m || Number(m[1]!.replace(",", ".")) !== value) continue;
    if (!m[2] && UNIT_WORDS[tokens[i + 1] ?? ""]) continue;
    const reach = m[2] ? 2 : 1;
    const near = [...tokens.slice(Math.max(0, i - reach), i), ...tokens.slice(i + 1, i + 1 + reach)];
    if (near.some(sameWord)) return n.length + 3;
  }
  return 0;
}

/** "2900 U/min", "1/min", "min⁻¹" as "rpm"; "6 Liter pro Stunde", "litres per hour" as "l/h". */
function rateUnits(text: string): string {
  return text
    .replace(/(\d)\s*(?:u\/min|upm|1\/min|r\/min|rev\/min|min⁻¹|min-1|rpm)(?![\p{L}\d])/giu, "$1 rpm")
    .replace(/(\d)\s*(?:liters?|litres?|l)\s*(?:pro|per|je|a|\/)\s*(?:stunde|hour|std|hr|h)\b/giu, "$1 l/h");
}

/** The words (as stems) of the other groups' labels and values of a model: "input" of "Pulse input" is no level input. */
function otherLabels(model: ConfigModel, code: string): Set<string> {
  const out = new Set<string>();
  for (const g of model.groups)
    if (g.code !== code)
      for (const w of wordsOf(
        [g.label, ...g.options.map((o) => o.label)].join(" ").replace(/(\p{L})-(?=\p{L})/gu, "$1 "),
      ))
        out.add(adjectiveStem(stemOf(w)));
  return out;
}

/** Words no value of a group is named by alone: they say how, not which. */
const PLAIN_WORDS = new Set(["with", "without", "only", "mounted", "mounting", "version", "standard", "type"]);

/**
 * The values whose label (its description in parentheses too, and its glossary words) has a word no other value's
 * label has — five letters or more, or an abbreviation in capitals written so by the buyer ("STO", "LCD") — that the
 * text carries: value → the length of the longest such word.
 */
function distinctWordHits(
  text: string,
  tokens: string[],
  options: { value: string; label: string }[],
  groupWords: Set<string>,
  glossed: Map<string, string[]>,
  elsewhere: Set<string>,
): Map<string, number> {
  const key = (w: string) => adjectiveStem(stemOf(w));
  const wordsOfOption = options.map((o) => {
    const words = wordsOf(`${o.label} ${(glossed.get(o.value) ?? []).join(" ")}`.replace(/(\p{L})-(?=\p{L})/gu, "$1 "));
    return new Set(
      words.filter(
        (w) =>
          w.length >= 5 &&
          !/\d/.test(w) &&
          !groupWords.has(w) &&
          !FILLER.has(w) &&
          !PLAIN_WORDS.has(w) &&
          !elsewhere.has(key(w)),
      ),
    );
  });
  // "STO", "LCD", and codes of a letter and digits ("B5" of "Flange mounted (B5)", "M8" of "Shear bolt M8").
  const abbreviations = options.map((o) => new Set(o.label.match(/\b[A-Z][A-Z\d]{1,4}\b/g) ?? []));
  // "no brake chopper", "ohne Display": a word after a negation names no choice.
  // "Aquamatic-Zentralbefüllung", "J-Schieber": the first part of a hyphenated word says which (not "suction" of
  // "end-suction": the last part says what).
  const said = new Set(
    tokens
      .filter((t, i) => !/\d/.test(t) && !tokens.slice(Math.max(0, i - 2), i).some((x) => NEGATIONS.has(x)))
      .flatMap((t) => [t, ...(t.includes("-") ? t.split("-").slice(0, -1) : [])])
      .filter((t) => t.length >= 5)
      .map(key),
  );
  const out = new Map<string, number>();
  options.forEach((o, i) => {
    let best = 0;
    for (const w of wordsOfOption[i]!) {
      if (wordsOfOption.some((other, j) => j !== i && [...other].some((x) => key(x) === key(w)))) continue;
      if (said.has(key(w))) best = Math.max(best, w.length);
    }
    for (const a of abbreviations[i]!) {
      if (abbreviations.some((other, j) => j !== i && other.has(a))) continue;
      if (wordsOfOption.some((other, j) => j !== i && other.has(a.toLowerCase()))) continue;
      if (elsewhere.has(a.toLowerCase())) continue;
      if (new RegExp(`(?<![\\p{L}\\d])${a}(?![\\p{L}\\d])`, "u").test(text)) best = Math.max(best, a.length);
    }
    if (best) out.set(o.value, best);
  });
  return out;
}

/**
 * "ball ends both sides", "Kugel auf beiden Seiten", "ball end on the tractor side, hook on the implement side":
 * groups that offer the same values (the two ends of a part, the bores of its two sides) each take the value stated
 * in a clause with a word of that group's own label, and all of them the value stated with "both".
 */
function sameChoiceGroups(
  text: string,
  model: ConfigModel,
  groups: string[] | undefined,
  gloss: ((label: string) => string[]) | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const byValues = new Map<string, ConfigModel["groups"]>();
  for (const g of model.groups) {
    if (groups && !groups.includes(g.code)) continue;
    const key = g.options
      .map((o) => o.value)
      .sort()
      .join("\u0000");
    byValues.set(key, [...(byValues.get(key) ?? []), g]);
  }
  for (const set of byValues.values()) {
    if (set.length < 2) continue;
    const wordsOfGroup = set.map(
      (g) =>
        new Set([
          ...wordsOf(g.code.replace(/([a-z])([A-Z])/g, "$1 $2")),
          ...wordsOf(g.label),
          ...(gloss?.(g.label).flatMap(wordsOf) ?? []),
        ]),
    );
    const own = wordsOfGroup.map((ws, i) =>
      [...ws].filter((w) => w.length >= 3 && !wordsOfGroup.some((o, j) => j !== i && o.has(w))),
    );
    for (const clause of text.split(/[,;]|\s(?:and|und|&)\s/u)) {
      const said = wordsOf(clause);
      const both = said.some((w) => /^(both|beide[nrs]?|beidseitig|beiderseits)$/u.test(w));
      const named = set.filter((_, i) =>
        own[i]!.some((w) => said.some((t) => t === w || (t.length > w.length && t.startsWith(w)))),
      );
      const targets = both ? set : named.length === 1 ? named : [];
      if (targets.length === 0) continue;
      const value = findOptions(clause, model, [set[0]!.code], gloss)[set[0]!.code];
      if (value?.length) for (const g of targets) out[g.code] = value;
    }
  }
  return out;
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;

/** The letters every label of a group joins to its number with "=" ("i=14.2 …", "i=19.8 …"), if any. */
function symbolOf(labels: string[]): string | undefined {
  const first = /^\s*(\p{L}{1,3})\s*=\s*\d/u.exec(labels[0] ?? "")?.[1];
  if (!first || labels.length < 2) return undefined;
  return labels.every((l) => new RegExp(`^\\s*${first}\\s*=\\s*\\d`, "u").test(l)) ? first : undefined;
}

/** The number the buyer writes after the group's symbol ("i=20", "i = 19,8"). */
function symbolValue(text: string, symbol: string): number | undefined {
  const m = new RegExp(`(?<![\\p{L}\\d])${symbol}\\s*=\\s*(\\d+(?:[.,]\\d+)?)`, "iu").exec(text);
  return m ? Number(m[1]!.replace(",", ".")) : undefined;
}

/** Amounts with their unit ("50 hz") that every label of a group carries. */
function sharedAmounts(labels: string[]): Set<string> {
  const amounts = (label: string) =>
    new Set(
      [
        ...label
          .toLowerCase()
          .replace(/(\d),(\d)/g, "$1.$2")
          .matchAll(/(?<![\d.\-–…/])(\d+(?:\.\d+)?)\s*([a-z°%]+)/g),
      ].map((m) => `${Number(m[1])} ${m[2]}`),
    );
  const [first, ...rest] = labels.map(amounts);
  if (!first || rest.length === 0) return new Set();
  return new Set([...first].filter((a) => rest.every((r) => r.has(a))));
}

/**
 * "Motor side bore 28, gearbox side 35", "inlet 25, outlet 20": groups that share their values each take the number
 * stated after the words that name it — a word of one group alone names that group, a word several share ("side",
 * "Bohrung") names the first of them still open. A group no word named takes the one of its numbers no other group
 * took, when only one is left.
 */
function numbersByGroup(
  tokens: string[],
  tied: Map<string, { values: string[]; words: Set<string> }>,
): Map<string, string> {
  const chosen = new Map<string, string>();
  let named: string[] = [];
  // "bore driven side 35": a shared word after the group's own word still names that group, until a number took it.
  let used = false;
  for (const t of tokens) {
    const naming = [...tied].filter(([, g]) => g.words.has(t)).map(([code]) => code);
    if (naming.length) {
      if (used || !named.length || !named.every((c) => naming.includes(c))) named = naming;
      used = false;
      continue;
    }
    if (!NUMBER.test(t)) continue;
    const code = named.find((c) => !chosen.has(c) && tied.get(c)!.values.includes(t));
    if (code) chosen.set(code, t), (used = true);
  }
  // (A group of one number found keeps it, named or not: "30 mm, teeth every 10 mm" leaves the width its 30.)
  const taken = new Set([
    ...chosen.values(),
    ...[...tied.values()].flatMap((g) => (g.values.length === 1 ? g.values : [])),
  ]);
  for (const [code, g] of tied) {
    if (chosen.has(code)) continue;
    const left = g.values.filter((v) => !taken.has(v));
    if (left.length === 1) chosen.set(code, left[0]!);
  }
  return chosen;
}

const NEGATIONS = new Set(["no", "not", "without", "non", "nein", "ohne", "kein", "keine", "keinen", "nicht"]);

/** A negation written as a word or as the first part of one ("non-Ex"). */
const negationOf = (t: string) => NEGATIONS.has(t) || /^(?:keine[mnrs]?|none)$/u.test(t);

/**
 * The words a negation governs ("ohne Ex-Schutz" → ex-schutz, ex, schutz; "non-Ex" → ex): up to three words after
 * it, within its clause, with the parts of hyphenated words; no numbers ("not 230 V but 400 V" negates no option word).
 */
function negatedWordsOf(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    if (!/\d/.test(w) && w.length >= 2 && !FILLER.has(w)) out.add(w);
  };
  tokens.forEach((t, i) => {
    const parts = t.lower.split("-");
    if (parts.length > 1 && negationOf(parts[0]!)) for (const p of parts.slice(1)) add(p);
    if (!negationOf(t.lower) || /[,;:.!?]/u.test(t.tail ?? "")) return;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const w = tokens[j]!.lower;
      if (/\d/.test(w) || negationOf(w)) break;
      add(w);
      for (const p of w.split("-")) if (p !== w) add(p);
      if (/[,;:.!?()]/u.test(tokens[j]!.tail ?? "")) break;
    }
  });
  return out;
}

/**
 * The one value of a group whose label says none or not-X: it starts with a negation ("No brake", "Ohne Bremse",
 * "None (plain yoke)", "Keiner (nur Klemmen)"), or its words in parentheses do and name a word of another value or of
 * the group ("Standard (nicht Ex)" beside "ATEX zone 1"; not "PVC (nicht für Lebensmittelkontakt)").
 */
function negativeOption<O extends { value: string; label: string }>(options: readonly O[]): O | undefined {
  const negative = options.filter((o) => {
    const words = tokenizeText(o.label).map((t) => t.lower);
    if (words[0] && (negationOf(words[0]) || negationOf(words[0].split("-")[0]!))) return true;
    const inParens = /\(([^)]*)\)/u.exec(o.label)?.[1];
    if (!inParens) return false;
    const said = negatedWordsOf(tokenizeText(inParens));
    const first = tokenizeText(inParens)[0]?.lower ?? "";
    if (!negationOf(first) && !negationOf(first.split("-")[0]!)) return false;
    const others = options
      .filter((x) => x !== o)
      .flatMap((x) => tokenizeText(x.label).map((t) => t.lower))
      .join(" ");
    return [...said].some((w) => others.includes(w));
  });
  return negative.length === 1 ? negative[0] : undefined;
}

function yesNoValues(values: string[]): { yes: string; no: string } | undefined {
  if (values.length !== 2) return undefined;
  const yes = values.find((v) => /^(yes|ja|true|y|1|with|mit)$/i.test(v));
  const no = values.find((v) => /^(no|nein|false|n|0|without|ohne|none)$/i.test(v));
  return yes && no ? { yes, no } : undefined;
}

export interface ProductGuess {
  /** Best candidates, best first. */
  hits: SearchHit[];
  /** True when one candidate stands out (exact SKU, single hit, or a clear lead). */
  confident: boolean;
  query: string;
  /**
   * The product the words named, where one of its kind that fits the machine leads in its place (`fittingOfKind`):
   * what the buyer's words are to be compared with.
   */
  wordsName?: string;
  /** Of the products the words found alike, the one that fits the machine they are for (`fittingOfKind`). */
  machinePick?: { sku: string; machineId: string };
}

/**
 * What product the words point to: SKU-like tokens first (exact, partial, misspelt), then the remaining
 * content words through the full-text index, filtered to the machine when one is known.
 */
export function guessProduct(
  tokens: Token[],
  taken: Set<number>,
  k: Knowledge,
  machine?: { model: string; serial: string },
): ProductGuess | undefined {
  // A pure reading of the words against the catalog (its searches, names, features and configuration models — no
  // customer, price or stock): kept per catalog version from turn to turn (turn-memo.ts), as the searches it makes are.
  // A decision guesses the same words from several places (the message, its clauses, a reference, the machine's fit).
  const kept = acrossTurnsInView(k, "guessProduct", () => new Map<string, ProductGuess | undefined>());
  if (!kept) return readGuess(tokens, taken, k, machine);
  const key = guessKey(tokens, taken, machine);
  let guess: ProductGuess | undefined;
  if (kept.has(key)) guess = kept.get(key);
  else {
    if (kept.size >= MAX_KEPT_GUESSES) kept.clear();
    kept.set(key, (guess = readGuess(tokens, taken, k, machine)));
  }
  // A copy of the list: a caller may reorder or cut it (the hits themselves are never changed).
  return guess && { ...guess, hits: [...guess.hits] };
}

/** Guesses kept per catalog version before the memo starts afresh. */
const MAX_KEPT_GUESSES = 5000;

/** Everything `readGuess` reads besides the catalog: the tokens as they are, the taken ones, the machine. */
function guessKey(tokens: Token[], taken: Set<number>, machine?: { model: string; serial: string }): string {
  let key = machine ? `${machine.model}\u0001${machine.serial}` : "\u0002";
  key += `\u0000${[...taken].sort((a, b) => a - b).join()}`;
  for (const t of tokens) key += `\u0000${t.index}\u0001${t.start}\u0001${t.text}\u0001${t.lower}\u0001${t.tail ?? ""}`;
  return key;
}

function readGuess(
  tokens: Token[],
  taken: Set<number>,
  k: Knowledge,
  machine?: { model: string; serial: string },
): ProductGuess | undefined {
  const free = tokens.filter((t) => !taken.has(t.index));
  const filter = machine ? { machineModel: machine.model, serial: machine.serial } : {};
  // A configurable product named by words with its option values (read once, after an exact SKU had its chance).
  let built: ProductGuess | undefined | null = null;
  const byWords = () => (built === null ? (built = configurableByWords(free, k)) : built);
  const apart = skuWrittenApart(tokens, taken, k);
  if (apart) return apart;
  for (const t of free) {
    if (!looksLikeSku(t.text) || k.measureUnits.has(t.lower.replace(/^\d+([.,]\d+)?/, ""))) continue;
    // "0-16", "40-200": a range or size without letters is a spec of a name, not a SKU (unless it is all there is).
    if (!/\p{L}/u.test(t.text) && free.some((x) => x !== t && /\p{L}{3,}/u.test(x.text))) continue;
    // An exact SKU is taken as written, also one that is not released: the engine says why it cannot be ordered
    // and what replaces it — a near SKU in its place would be another product the buyer never named.
    const hits = k.search.search({ query: t.text, limit: 5, includeInactive: true });
    // "UCP206" for UCP-206: a SKU written without its separators is that SKU (when only one is).
    const written = compactSku(t.text);
    const bare = hits.filter((h) => compactSku(h.sku) === written);
    const exact = hits.find((h) => h.match === "sku_exact") ?? (bare.length === 1 ? bare[0] : undefined);
    if (exact) return { hits: [exact], confident: true, query: t.text };
    if (byWords()) return byWords();
    const skuHits = hits.filter(
      (h) => (h.match === "sku_partial" || h.match === "sku_fuzzy") && h.lifecycle !== "inactive",
    );
    if (skuHits.length === 1) return { hits: skuHits, confident: true, query: t.text };
    let baseHit: { hits: SearchHit[]; query: string } | undefined;
    // "the IO-Link master for 200SP": the other words of the request pick among the SKUs the fragment names (all of
    // them, not only the first page: "flange gaskets DN40" among every DN40), singular or plural alike.
    if (skuHits.length > 1) {
      const others = free
        .filter((x) => x !== t && /\p{L}{3,}/u.test(x.lower) && !FILLER.has(x.lower) && !k.ordinary(x.lower))
        .map((x) => stemOf(x.lower));
      // The other wordings of a phrase the buyer wrote ("2RS": "rubber seals both sides") count once per phrase,
      // not once per word: a name spelling it out is not a better match than one carrying a code the buyer wrote.
      const wordings = wordingGroups(free, k.phraseGroups);
      const bySku =
        hits.length >= 5
          ? k.search
              .search({ query: t.text, limit: 40 })
              .filter((h) => h.match === "sku_partial" || h.match === "sku_fuzzy")
          : skuHits;
      // "Pressfittings DN12 gerade 15L": the fragment is also a word of names ("… (15L)") whose SKUs do not carry it;
      // those products, found by the request's words, compete too.
      const byName = k.search
        .search({ query: [t.lower, ...others].join(" "), limit: 20 })
        .filter((h) => h.match.startsWith("text") && h.lifecycle !== "inactive" && !bySku.some((x) => x.sku === h.sku))
        .filter((h) => nameWords(h.name).has(t.lower));
      const all = bySku.concat(byName);
      // "5 m", "24 V", "10 A": a number with its unit counts where the name or a feature carries it.
      const amounts = amountsOf(free, tokens);
      const carry = amountCarrier(amounts, all, k);
      const names = k.allNames(all.map((h) => h.sku));
      // Sizes and codes written with digits ('1/2"', "DN12") count where a name carries them as a word.
      // A bare number no quantity took ("6004 2RS": the type before its seal code) counts the same way, unless a unit
      // follows it (an amount, counted by `carry`).
      const sized = free
        .filter(
          (x) =>
            x !== t &&
            /\d/.test(x.lower) &&
            (/[\p{L}/]/u.test(x.lower) ||
              (/^\d{3,}$/.test(x.lower) && !k.measureUnits.has(tokens[x.index + 1]?.lower ?? ""))),
        )
        .map((x) => x.lower.replace(/["”]+$/u, ""));
      const scored = all
        .map((h) => {
          const name = `${names.get(h.sku) ?? h.name} ${h.sku}`;
          const have = stemsOf(name);
          const words = nameWords(name);
          // "box of 5 m with connecting link": what a name says comes with the product is not what it is — a word
          // found only there counts half.
          const head = stemsOf(name.replace(/\b(?:with|mit|incl|inkl|including|inklusive)\b[^,;()]*/giu, " "));
          return {
            h,
            // Carrying the fragment in the SKU too breaks a tie ("M12 PNP": the M12 sensor, not an M18 with an M12 plug).
            n:
              others.filter((w) => carries(have, w)).length -
              others.filter((w) => carries(have, w) && !carries(head, w)).length / 2 +
              wordings.filter((g) => g.some((w) => have.has(w) || words.has(w))).length +
              sized.filter((w) => words.has(w)).length +
              carry(h) +
              (byName.includes(h) ? 0 : 0.5),
          };
        })
        .sort((a, b) => b.n - a.n);
      if (scored[0]!.n > 0 && scored[0]!.n > scored[1]!.n)
        return { hits: scored.map((x) => x.h), confident: true, query: t.text };
      // The same words name a current product and its discontinued predecessors: the current one.
      const best = scored.filter((x) => x.n === scored[0]!.n);
      const current = best.filter((x) => x.h.lifecycle === "active");
      if (scored[0]!.n > 0 && current.length === 1 && best.length < scored.length)
        return {
          hits: [current[0]!.h, ...scored.map((x) => x.h).filter((h) => h !== current[0]!.h)],
          confident: true,
          query: t.text,
        };
      // "2 con links 10B1" between CL-10B1 and CL-10B1-SS: the SKU the others extend by a variant segment is the
      // base product; a buyer who names no variant means it (after a stated count had its say, below).
      // Only among products sold the same way: a 50 m reel beside hose by the metre is a choice of pack, asked.
      const units = k.reader.products(current.map((x) => x.h.sku));
      const sameWay = new Set(current.map((x) => units.get(x.h.sku)?.orderUnit.toUpperCase())).size === 1;
      const base = scored[0]!.n > 0 && current.length > 1 && sameWay ? baseOf(current.map((x) => x.h)) : undefined;
      if (base) baseHit = { hits: [base, ...scored.map((x) => x.h).filter((h) => h !== base)], query: t.text };
    }
    // "C16 3 pole": a counted property the buyer states picks among the SKUs the code names.
    const counts = counted(tokens, k);
    if (skuHits.length > 1 && counts.length) {
      const features = k.reader.features(skuHits.map((h) => h.sku));
      const match = skuHits.filter((h) => statedBy(counts, features.get(h.sku) ?? {}) === statements(counts));
      if (match.length === 1)
        return { hits: [...match, ...skuHits.filter((h) => h !== match[0])], confident: true, query: t.text };
    }
    if (baseHit) return { ...baseHit, confident: true };
    if (skuHits.length > 1) {
      const best = skuHits[0]!;
      // One edit closer than the runner-up is a clear lead for a misspelt SKU.
      const clear =
        (best.match === "sku_partial" && skuHits[1]!.match === "sku_fuzzy") ||
        (best.match === "sku_fuzzy" && best.score - skuHits[1]!.score >= 100);
      return { hits: skuHits, confident: clear, query: t.text };
    }
  }
  if (byWords()) return byWords();
  // "hend er de", "wann kann er da sein": a word of two letters searches only where a name carries it as a word ("LT",
  // "DN") — else it is a prefix of half the catalog's words.
  const keep = (w: string) =>
    !FILLER.has(w) &&
    !k.ordinary(w) &&
    !/^\d+([.,]\d+)?$/.test(w) &&
    w.length > 1 &&
    (!/^\p{L}{2}$/u.test(w) || k.nameWord(w));
  // Every free word, numbers included: they can tell candidates apart even where they cannot search. A dimension
  // pair written as one word ("7/8x5/8", "100x3") also counts by its sides.
  const specs = [
    ...new Set([
      ...free
        .map((t) => t.lower)
        .filter((w) => !FILLER.has(w) && !k.ordinary(w))
        .flatMap((w) => {
          const pair = /^(\d[\d/.,]*)[x×](\d[\d/.,]*)$/.exec(w);
          // "24v" also as "24" and "v", the way names are read.
          return pair ? [w, pair[1]!, pair[2]!] : wordsOf(w);
        }),
      ...otherWordings(free, k.phraseGroups),
    ]),
  ];
  const codes = free.flatMap((t) => {
    const next = tokens[t.index + 1];
    return k.codeWords.has(t.lower) && next && /^\d/.test(next.lower) ? [`${t.lower} ${next.lower}`] : [];
  });
  // "LED work light": a conversation word between two words of a name, as names write the three, is a word of it.
  const freeAt = new Map(free.map((t) => [t.index, t]));
  const inName = (t: Token) => {
    const [a, b] = [freeAt.get(t.index - 1), freeAt.get(t.index + 1)];
    return !!a && !!b && keep(a.lower) && keep(b.lower) && nameTrigram(k, a.lower, t.lower, b.lower);
  };
  // "Sägeblätter 300 mm, Bohrung 30, 96 Zähne": a word that names a feature beside its value states the value — it
  // ranks the candidates (below), it names no product ("Bohrung" is a word of a spacer ring's name too).
  const featureWords = new Set(counted(tokens, k).flatMap((c) => (c.by === undefined ? [] : [c.by])));
  // "3 cans of the release oil" on a German-only catalog: an everyday word ("release") beside the word the glossary
  // pairs it with for a name ("release oil" for "Trennöl") names the product with it.
  const glossPair = (t: Token) => {
    if (FILLER.has(t.lower) || !/^\p{L}{3,}$/u.test(t.lower) || k.glossBigrams.size === 0) return false;
    const [a, b] = [freeAt.get(t.index - 1), freeAt.get(t.index + 1)];
    const paired = (x: Token | undefined, first: boolean) =>
      !!x &&
      /^\p{L}{3,}$/u.test(x.lower) &&
      !FILLER.has(x.lower) &&
      k.glossBigrams.has(first ? `${stemOf(x.lower)} ${stemOf(t.lower)}` : `${stemOf(t.lower)} ${stemOf(x.lower)}`);
    return paired(a, true) || paired(b, false);
  };
  const kept = (t: Token) =>
    !featureWords.has(t.index) && (keep(t.lower) || (FILLER.has(t.lower) && inName(t)) || glossPair(t));
  const words = free.filter(kept).map((t) => t.lower);
  if (words.length === 0) return undefined;
  const content = words.filter((w) => !k.optionWords.has(w));
  // "a seal for my pump": what follows "for" names the target, not the product; searched without it first, the
  // target's words then only rank the candidates (a seal, not a pump that has one).
  const forAt = free.findIndex((t) => /^(for|für|fuer|fürs|fuers)$/.test(t.lower));
  // "a foot valve on the suction side", "die Ringe an beiden Enden der Hülse": where the part sits names no product
  // either — its words rank, as a target's do. (Right after the part's few words: in a whole message's words, the
  // place of its last item says nothing of the first.)
  const placed = placeAt(free);
  const cut = placed > 0 && (forAt <= 0 || placed < forAt) ? placed : forAt;
  // The target's words: those right after the "for", up to the first word not free (a machine's name, a count).
  const target = new Set<string>();
  let end = cut + 1;
  for (; cut > 0 && end < free.length && free[end]!.index === free[end - 1]!.index + 1; end++)
    target.add(free[end]!.lower);
  const head =
    cut > 0
      ? free
          .slice(0, cut)
          .filter(kept)
          .map((t) => t.lower)
      : [];
  // "we need glue for the edge bander, EVA natural", "Kontaktrohre für Halle 1 Platz 2, M6 1,2 CuCrZr": words after
  // the machine's name, past the target's, that describe the product (words, not sizes or measures — those rank).
  const after =
    head.length > 0
      ? free
          .slice(end)
          .filter((t) => /^\p{L}{3,}$/u.test(t.lower) && !k.measureUnits.has(t.lower) && kept(t))
          .map((t) => t.lower)
      : [];
  // A model code the buyer wrote ("KP 5") that one product's name carries: that product, whatever else matches the
  // other words (the engine checks its fit).
  for (const c of codes) {
    const carriers = k.search.search({ query: c, limit: 20 }).filter((h) => codeInName(h.name, c));
    if (carriers.length === 1) return { hits: carriers, confident: true, query: c };
  }
  const attempts = [...(head.length && head.length < words.length ? [head] : []), words, content].filter(
    (a, i, all) => a.length > 0 && (i === 0 || a.length !== all[i - 1]!.length || a.join() !== all[i - 1]!.join()),
  );
  for (let attempt of attempts) {
    let query = attempt.join(" ");
    let hits = k.search.search({ query, limit: 8, ...filter });
    const compounds = attempt.filter((w) => /^\p{L}+(?:-\p{L}+)+$/u.test(w));
    // "4 Superelastik-Reifen für Stapler 7", "Rücklauffilter-Elemente", "Säge-Blätter": a compound joined by a hyphen
    // that the search finds nothing for (within the machine's parts, or in a form the names do not write) is the
    // compound written as one word ("Sägeblätter"), else its parts apart — read, and asked for, as searched.
    // (Words of four letters or more on either side: "NBR-Dichtungen", "O-Ringe", "SK-CD" are a code or a letter and a word.)
    const wordCompounds = compounds.filter((w) => w.split("-").every((p) => p.length >= 4));
    if (hits.length === 0 && wordCompounds.length) {
      const joined = attempt.map((w) => (wordCompounds.includes(w) ? w.replaceAll("-", "") : w));
      const apart = attempt.flatMap((w) => (wordCompounds.includes(w) ? w.split("-") : [w]));
      for (const words of [joined, apart]) {
        hits = k.search.search({ query: words.join(" "), limit: 8, ...filter });
        if (hits.length) {
          [attempt, query] = [words, words.join(" ")];
          break;
        }
      }
    }
    if (hits.length === 0) continue;
    // "zwei NTC-Fühler", "2 DIN-Stecker": the search finds a compound written with a hyphen only where a name writes it
    // so — often in what another product has ("Kühlstellenregler …, 2 NTC-Fühler") — while the product that is one
    // writes it otherwise ("NTC-Temperaturfühler", "Ventilstecker DIN …"). Its words apart find that product too;
    // when they lead with a product whose name leads with those words, where no name the compound found does, the
    // candidates are theirs (the words rank them).
    if (compounds.length && query === attempt.join(" ")) {
      const wide = k.search.search({ query: query.replace(/(\p{L})-(?=\p{L})/gu, "$1 "), limit: 8, ...filter });
      const top = wide[0];
      if (top?.match === "text" && !hits.some((h) => h.sku === top.sku)) {
        const leads = k.allNames([top.sku, ...hits.map((h) => h.sku)], "lead");
        const leadsWith = (sku: string) => {
          const have = stemsOf(leads.get(sku) ?? "");
          return compounds.every((c) => c.split("-").every((p) => carries(have, stemOf(p))));
        };
        if (leadsWith(top.sku) && !hits.some((h) => leadsWith(h.sku))) hits = wide;
      }
    }
    if (hits.every((h) => h.match === "text_fuzzy") && attempt !== attempts.at(-1)) continue;
    const guess = judge(attempt, query, hits);
    if (!hits.every((h) => h.match === "text_fuzzy")) return (attempt === head && describedAfter(guess)) || guess;
    // "need 1 new fan motor asap pls, cold store is at -18 and rising", "Touchpanel … kaputt, Bildschirm ist schwarz":
    // a remark about the situation beside the request leaves only corrections (the black cable); the longest run of
    // the buyer's words that names carry as written ("fan motor", "Touchpanel"), among what the corrections found
    // anywhere (the machine's filter may keep only one), names the product when it names one with confidence.
    const corrected = new Set([...hits, ...k.search.search({ query, limit: 8 })].map((h) => h.sku));
    const run = namedRun(free, keep, k, filter, corrected);
    // A set whose name lists what the run names ("Wartungsset …: Filtertrockner 3/8", …") is not what it names.
    const sets = new Set(
      run
        ? k.reader
            .relations(
              run.hits.map((h) => h.sku),
              ["consists_of"],
            )
            .map((r) => r.sku)
        : [],
    );
    const parts = run?.hits.filter((h) => !sets.has(h.sku)) ?? [];
    const byRun = run && parts.length ? judge(run.words, run.words.join(" "), parts) : undefined;
    return byRun?.confident && corrected.has(byRun.hits[0]!.sku) ? byRun : guess;
  }
  return undefined;

  /**
   * The words before the "for" name no one product ("glue", "Kontaktrohre"): with the words that describe it after the
   * machine's name ("EVA natural", "CuCrZr"), a product of that kind named with confidence is the one asked for.
   */
  function describedAfter(guess: ProductGuess): ProductGuess | undefined {
    if (guess.confident || after.length === 0) return undefined;
    const attempt = [...head, ...after];
    const query = attempt.join(" ");
    const hits = k.search.search({ query, limit: 8, ...filter });
    if (hits.length === 0 || hits.every((h) => h.match === "text_fuzzy")) return undefined;
    const found = judge(attempt, query, hits);
    // Of what they find, the products whose names carry every word the buyer said of it, before and after.
    const names = k.allNames(found.hits.map((h) => h.sku));
    const said = attempt.filter((w) => /^\p{L}{3,}$/u.test(w)).map(stemOf);
    const carriers = found.hits.filter((h) => {
      const have = stemsOf(`${names.get(h.sku) ?? h.name} ${h.sku}`);
      return said.every((w) => carries(have, w));
    });
    if (carriers.length === 0) return undefined;
    const confident = carriers.length === 1 || (found.confident && carriers[0] === found.hits[0]);
    return { hits: carriers, confident, query };
  }

  function judge(attempt: string[], query: string, found: SearchHit[]): ProductGuess {
    let hits = found;
    if (machine && hits.some((h) => h.fitsExplicitly)) {
      // The parts the machine's fitment lists — unless another part found carries every word the buyer named the
      // product with (its name without the 'for …' clause, the glossary's words with it) and no listed part does:
      // "2 quartz sleeves" for a UV unit whose fitment lists the "Sleeve O-ring set", "filter bags" where it lists the
      // "Lid O-ring for bag filter housing". That part leads, the listed ones follow.
      const fitted = hits.filter((h) => h.fitsExplicitly);
      // ("bags": a plural of four letters, which the stemmer keeps, said as its singular.)
      const said = [...new Set(attempt.filter((w) => /^\p{L}{3,}$/u.test(w)).map(shortSingular))];
      const heads = said.length
        ? k.allNames(
            hits.map((h) => h.sku),
            true,
            true,
          )
        : new Map<string, string>();
      const have = new Map(hits.map((h) => [h.sku, stemsOf(heads.get(h.sku) ?? "")]));
      // Only the words some part found carries tell them apart ("25 micron" where names write "25 µm").
      const telling = said.filter((w) => hits.some((h) => carries(have.get(h.sku)!, w)));
      const named = (h: SearchHit) => telling.filter((w) => carries(have.get(h.sku)!, w)).length;
      // One word the listed parts write only at the start of a compound or among what a set holds ("Messer" of
      // "Messerschrauben-Satz", of "Messerwechselset … (HSS-Messer, …)" for a cutter whose fitment lists those, not
      // its knives): the parts it names as what they are ("Schneidmesser") lead too.
      const one = telling.length === 1 && telling[0]!.length >= 4 ? telling[0]! : undefined;
      const asIs = (h: SearchHit) => stemsOf((heads.get(h.sku) ?? "").replace(/\([^)]*\)|:.*$/gu, " "));
      const aside =
        one !== undefined &&
        fitted.every((h) => !carries(asIs(h), one)) &&
        fitted.some((h) => [...have.get(h.sku)!].some((x) => x.length >= one.length + 3 && x.startsWith(one)));
      const whole =
        telling.length >= 2 || aside ? hits.filter((h) => !h.fitsExplicitly && named(h) === telling.length) : [];
      // "2 knives for the Polar 115" where the cutter's fitment lists the "Knife bolt set SC 115 (for carbide knives)",
      // "blades" for a mower whose fitment lists the "Blade holder spring for quick-change blades": the one word the
      // buyer named the product with, which a listed part carries where it says what it is for and none as what it
      // is, names the parts that are one ("Guillotine knife …", "Disc mower blade …") — they lead, the listed follow.
      const word = said.length === 1 ? said[0]! : undefined;
      const kinds = word ? k.nameList(hits.map((h) => h.sku)) : new Map<string, string[]>();
      const isOne = (h: SearchHit) => (kinds.get(h.sku) ?? []).some((n) => namesAsKind(n, word!));
      const serves = (h: SearchHit) => (kinds.get(h.sku) ?? []).some((n) => servesWord(n, word!));
      const ones =
        word && word.length >= 3 && fitted.some(serves) && !fitted.some(isOne)
          ? hits.filter((h) => !h.fitsExplicitly && isOne(h))
          : [];
      hits = ones.length
        ? [...ones, ...fitted]
        : whole.length && (aside || fitted.every((h) => named(h) < telling.length))
          ? [...whole, ...fitted]
          : fitted;
    }
    // Words the first attempt dropped (option words such as "FKM") still rank the candidates.
    const dropped = words.filter((w) => !attempt.includes(w));
    if (dropped.length) {
      const bonus = (h: SearchHit) => dropped.filter((w) => wordsOf(`${h.name} ${h.sku}`).includes(w)).length;
      // (Ties keep the order above: the parts the words name before the ones the machine lists.)
      const at = new Map(hits.map((h, i) => [h, i]));
      hits = [...hits].sort((a, b) => bonus(b) - bonus(a) || (machine ? at.get(a)! - at.get(b)! : b.score - a.score));
    }
    const active = hits.filter((h) => h.lifecycle === "active");
    let pool = active.length ? active.concat(hits.filter((h) => h.lifecycle !== "active")) : hits;
    // A model code the buyer wrote ("DML 083", "KP 5"): the candidates whose name carries exactly that code lead,
    // and one alone is the product ("DML 083" is not "DML 083S", "KP 5" is not "KP 15").
    let carriers = codes.length ? pool.filter((h) => codes.some((c) => codeInName(h.name, c))) : [];
    // A code whose products the machine's fitment does not list ("RF 160" for a press that takes RF 330): those
    // products, not others that happen to fit — the engine says they do not fit and offers what does.
    if (machine && codes.length && carriers.length === 0) {
      const named = codes.flatMap((c) =>
        k.search.search({ query: c, limit: 20 }).filter((h) => codeInName(h.name, c) && h.lifecycle === "active"),
      );
      if (named.length) pool = carriers = named;
    }
    if (carriers.length > 0 && carriers.length < pool.length)
      pool = carriers.concat(pool.filter((h) => !carriers.includes(h)));
    const first = pool[0]!;
    const second = pool[1];
    let confident = carriers.length === 1 || !second || first.score - second.score >= 3;
    // Sizes, pack units and other words of the request ("20 l", "1/2", "pail", "63 mm", "18 A", "3 pole") that one
    // candidate's name or counted features carry and the others' do not choose it — among more candidates than the
    // first page when the request states numbers.
    if (!confident && specs.some((w) => /\d/.test(w)) && hits.length >= 8) {
      const wide = k.search.search({ query, limit: 40, ...filter });
      const more = wide.filter((h) => !pool.some((p) => p.sku === h.sku) && h.lifecycle === "active");
      pool = pool.concat(machine && more.some((h) => h.fitsExplicitly) ? more.filter((h) => h.fitsExplicitly) : more);
    }
    if (!confident && specs.length) {
      const counts = counted(tokens, k);
      const features = counts.length ? k.reader.features(pool.map((h) => h.sku)) : undefined;
      const carry = amountCarrier(amountsOf(free, tokens), pool, k);
      const names = k.allNames(pool.map((h) => h.sku));
      const heads = k.allNames(
        pool.map((h) => h.sku),
        true,
      );
      // The other wordings of a phrase the buyer wrote ("belt": Riemen, Treibriemen, …) count once a word, as written
      // or as the head of a compound of the name ("Zahnriemen"), not once more for its stem.
      const said = new Set(free.map((t) => t.lower));
      const worded = new Set(otherWordings(free, k.phraseGroups).filter((w) => !said.has(w)));
      const own = specs.filter((w) => !worded.has(w));
      const specStems = [...new Set(own.filter((w) => /\p{L}/u.test(w)).flatMap((w) => [...stemsOf(w)]))].filter(
        (w) => !own.includes(w),
      );
      // "NTC-Fühler": a compound the buyer joined with a hyphen counts by its parts, each also as the head of a
      // name's compound ("NTC-Temperaturfühler") — not once more as written, which favours a name that lists it
      // among what it has ("…, 2 NTC-Fühler") over the product that is one.
      const joined = (w: string) => /^\p{L}+(?:-\p{L}+)+$/u.test(w);
      const partStems = new Set(own.filter(joined).flatMap((w) => w.split("-").map(stemOf)));
      // A word said that a name carries only where it says what the product is for ("für 30-mm-Riemen") counts half:
      // the buyer's "belt" is the belt, not the pulley for it. On a catalog without texts in the buyer's language the
      // glossary's words for the name are its words too.
      const glossed = (name: string) => (k.gloss ? ` ${k.gloss(name)}` : "");
      const asked = new Set(head);
      const askedStems = new Set(head.filter((w) => /^\p{L}{4,}$/u.test(w)).map(stemOf));
      const carried = (h: SearchHit) => {
        const target = withoutTarget(h.name);
        const have = nameWords(`${h.name} ${h.sku}${glossed(h.name)}`);
        const whole = nameWords(`${target} ${h.sku}${glossed(target)}`);
        const stems = stemsOf(`${names.get(h.sku) ?? h.name} ${h.sku}`);
        const ownStems = stemsOf(`${heads.get(h.sku) ?? h.name} ${h.sku}`);
        // "2 Messer für den Vierseiter": a word the name writes only before a compound's hyphen ("Messer-Einstelllehre")
        // says what the product serves, half a word; a compound that ends in it ("HM-Wendemesser") is as much of one
        // (unless another wording of the buyer's counts that compound already).
        // "2 knives for the Polar 115", "2 forks for truck 4": a word the buyer named the product with (before their
        // own "for") that a name carries only where it says what the product is for ("Knife bolt set … (for carbide
        // knives)", "Fork extension … for 100x40 forks") names what that product serves — nothing of it.
        const weight = (w: string) =>
          whole.has(w)
            ? leadOnly(target, w)
              ? 0.5
              : 1
            : headIn(target, w) && ![...worded].some((x) => x.endsWith(w) && whole.has(x))
              ? 0.5
              : have.has(w)
                ? asked.has(w)
                  ? 0
                  : 0.5
                : 0;
        const stemWeight = (w: string) =>
          partStems.has(w)
            ? carries(ownStems, w)
              ? 1
              : carries(stems, w)
                ? 0.5
                : 0
            : ownStems.has(w)
              ? 1
              : stems.has(w)
                ? askedStems.has(w)
                  ? 0
                  : 0.5
                : 0;
        const f = features?.get(h.sku) ?? {};
        return (
          own.reduce((n, w) => n + (joined(w) ? 0 : weight(w)), 0) +
          specStems.reduce((n, w) => n + stemWeight(w), 0) +
          [...worded].reduce(
            (n, w) =>
              n +
              Math.max(
                weight(w),
                ...[...stemsOf(w)]
                  .filter((x) => !specs.includes(x))
                  .map((x) => (carries(ownStems, x) ? 1 : carries(stems, x) ? 0.5 : 0)),
              ),
            0,
          ) +
          2 * statedBy(counts, f) +
          carry(h)
        );
      };
      const scored = pool.map((h) => ({ h, n: carried(h) })).sort((a, b) => b.n - a.n);
      // Among the best, a current product over its discontinued predecessors carrying the same.
      const best = scored.filter((x) => x.n === scored[0]!.n);
      const current = best.filter((x) => x.h.lifecycle === "active");
      if (scored[0]!.n > 0 && (best.length === 1 || (current.length === 1 && best.length < scored.length))) {
        pool = [
          ...(best.length === 1 ? best : current),
          ...scored.filter((x) => !(best.length === 1 ? best : current).includes(x)),
        ].map((x) => x.h);
        confident = true;
      } else if (scored[0]!.n > 0 && best.length > 1) {
        // "zwei NTC-Fühler" between "NTC-Temperaturfühler, 1,5 m Kabel" and "Kühlstellenregler EKC 202, …, 2 NTC-Fühler",
        // "2 DIN-Stecker" between a valve plug and valves "…, DIN-Stecker": of candidates that carry the words said
        // alike, the one whose name leads with them is what they name — the others list it among what they have.
        const leads = k.allNames(
          best.map((x) => x.h.sku),
          "lead",
        );
        // Words after the buyer's "for" name the target ("a seal kit for the cylinder"): a name that has them in its
        // own "for …" says what the buyer said — they do not have to lead it.
        const said = own.filter(
          (w) => /^\p{L}[\p{L}-]{2,}$/u.test(w) && !measureWord(k, w) && !k.unitCodes.has(w) && !target.has(w),
        );
        const leading = (h: SearchHit) => {
          const have = stemsOf(leads.get(h.sku) ?? "");
          const forms = (w: string) => (joined(w) ? w.split("-").map(stemOf) : [...stemsOf(w)]);
          return said.filter((w) => forms(w).every((x) => carries(have, x))).length;
        };
        const led = best.map((x) => ({ h: x.h, n: leading(x.h) })).sort((a, b) => b.n - a.n);
        if (led[0]!.n > 0 && led[0]!.n === said.length && led[0]!.n > led[1]!.n) {
          pool = [led[0]!.h, ...scored.map((x) => x.h).filter((h) => h !== led[0]!.h)];
          confident = true;
        }
      }
    }
    return { hits: pool, confident, query };
  }
}

/** Words that say where on a machine a part sits: "side", "ends", "Saugseite", "Ende". */
const PLACE_WORD = /^(?:sides?|ends?|seiten?|enden?|\p{L}{3,}seiten?)$/u;

/** How many of the request's words the part's own may take before a phrase of place ("with a foot valve on …"). */
const PLACE_WITHIN = 6;

/**
 * Where a phrase saying where the part sits begins ("on the suction side", "at the ends of …", "an der Saugseite",
 * "am Ende"): a preposition of place with a place word within three adjacent words; -1 when none does.
 */
function placeAt(free: Token[]): number {
  return free.findIndex(
    (t, i) =>
      i <= PLACE_WITHIN &&
      /^(?:on|at|an|auf|am)$/u.test(t.lower) &&
      // ("an end cap": the English article "an" right before the word is no place.)
      free
        .slice(i + 1, i + 4)
        .some((x, j) => x.index === t.index + j + 1 && PLACE_WORD.test(x.lower) && (j > 0 || t.lower !== "an")),
  );
}

/**
 * The longest run of adjacent request words (kept by `keep`, at most four) whose search finds names that carry them as
 * written, not corrected, among the products the corrected search found — the first said among runs as long;
 * undefined when none does.
 */
function namedRun(
  free: Token[],
  keep: (w: string) => boolean,
  k: Knowledge,
  filter: { machineModel?: string; serial?: string },
  corrected: Set<string>,
): { words: string[]; hits: SearchHit[] } | undefined {
  const runs: string[][] = [];
  let run: string[] = [];
  for (let i = 0; i < free.length; i++) {
    const t = free[i]!;
    const adjacent = i > 0 && free[i - 1]!.index === t.index - 1;
    if (!adjacent && run.length) runs.push(run), (run = []);
    // Only words the index knows as written: it passes over words it does not know ("Zoll Bildschirm schwarz").
    if (keep(t.lower) && !/\d/.test(t.lower) && k.search.correctWord(t.lower) === t.lower) run.push(t.lower);
    else if (run.length) runs.push(run), (run = []);
  }
  if (run.length) runs.push(run);
  let searches = 0;
  for (let len = Math.min(4, Math.max(0, ...runs.map((r) => r.length))); len >= 1; len--) {
    const found: { words: string[]; hits: SearchHit[] }[] = [];
    for (const r of runs)
      for (let at = 0; at + len <= r.length && searches < 30; at++) {
        const words = r.slice(at, at + len);
        // One word alone must be a word, not a short code ("NBR" names a material of many parts).
        if (len === 1 && words[0]!.length < 5) continue;
        searches++;
        const hits = k.search.search({ query: words.join(" "), limit: 8, ...filter }).filter((h) => h.match === "text");
        // It narrows what the corrected search found, never names something else ("händ … a Lager" is no switch).
        if (hits.some((h) => corrected.has(h.sku))) found.push({ words, hits });
      }
    // Among runs as long, the first said: buyers name the part, then describe the trouble ("Touchpanel 7 Zoll … ist
    // kaputt, Bildschirm ist schwarz").
    if (found.length) return found[0];
  }
  return undefined;
}

/** What a product name leads with, up to its first comma (a decimal comma "1,5 m" does not end it). */
export function leadOf(name: string): string {
  return withoutTarget(name.split(/,(?!\d)/u)[0]!);
}

/**
 * A product name without the phrases that say what the product is for or goes on ("…, for 30 mm belt", "…, für
 * 30-mm-Riemen"): what stays names the product itself (a pulley, not the belt it drives).
 */
export function withoutTarget(name: string): string {
  return name.replace(/(?<![\p{L}\p{N}])(?:for|für|fuer|fürs|fuers)(?![\p{L}\p{N}])[^,;()]*/giu, " ");
}

/**
 * Whether a name says it is a `stem` by the word it leads with, up to a number, a code, a comma or a "for"/"with":
 * that word's last ("knife" of "Guillotine knife 920 mm", "fork" of "Fork ISO 2A", not "blade" of "Blade holder spring
 * for …"), or the head of its compound ("messer" of "Schneidmesser 1150 mm HSS").
 */
export function namesAsKind(name: string, stem: string): boolean {
  let last: string | undefined;
  for (const w of name.split(/\s+/u)) {
    const word = w.toLowerCase().replace(/[,;:]+$/u, "");
    if (!/^\p{L}+(?:-\p{L}+)*$/u.test(word) || /^(?:for|für|fuer|fürs|with|mit|and|und|of)$/u.test(word)) break;
    // "Fork ISO 2A": a code in capitals after the first word ends what the name leads with.
    if (last !== undefined && /^\p{Lu}{2,}$/u.test(w.replace(/[,;:]+$/u, ""))) break;
    last = word.split("-").at(-1)!;
    if (/[,;:]$/u.test(w)) break;
  }
  if (!last) return false;
  const own = stemOf(last);
  return sameWord(own, stem) || (stem.length >= 4 && last.length >= stem.length + 3 && own.endsWith(stem));
}

/** A word's stem, a plural of four letters ("bags", "tips", which `stemOf` keeps) as its singular. */
function shortSingular(w: string): string {
  const stem = stemOf(w);
  return stem === w && /^\p{L}{3}s$/u.test(w) && !w.endsWith("ss") ? w.slice(0, -1) : stem;
}

/** Whether a name carries `stem` where it says what the product is for ("knives" of "… (for carbide knives)"). */
function servesWord(name: string, stem: string): boolean {
  const parts = name.match(/(?<![\p{L}\p{N}])(?:for|für|fuer|fürs|fuers)(?![\p{L}\p{N}])[^,;()]*/giu) ?? [];
  return parts.some((part) =>
    wordsOf(part).some((w) => {
      const x = stemOf(w);
      return w.length >= 3 && (sameWord(x, stem) || (x.length >= stem.length + 3 && x.endsWith(stem)));
    }),
  );
}

/** A word of four letters or more that a name writes only before the hyphen of compounds ("messer" of "Messer-Einstelllehre"). */
function leadOnly(name: string, w: string): boolean {
  if (w.length < 4 || !/^\p{L}+$/u.test(w)) return false;
  let lead = false;
  for (const word of wordsOf(name)) {
    const parts = word.split("-").filter(Boolean);
    if (parts.at(-1) === w) return false;
    if (parts.slice(0, -1).includes(w)) lead = true;
  }
  return lead;
}

/** A word of four letters or more that ends a compound of the name ("messer" of "HM-Wendemesser", "Schneidmesser"). */
function headIn(name: string, w: string): boolean {
  if (w.length < 4 || !/^\p{L}+$/u.test(w)) return false;
  return wordsOf(name).some((word) => {
    const last = word.split("-").at(-1) ?? "";
    return last.length >= w.length + 3 && last.endsWith(w);
  });
}

/** A stem among a name's stems, also as the head of a compound ("kette" of "Rollenkette", not of "Kettenschloss"). */
function carries(have: Set<string>, stem: string): boolean {
  if (have.has(stem)) return true;
  if (stem.length < 4) return false;
  for (const x of have) if (x.length >= stem.length + 3 && x.endsWith(stem)) return true;
  return false;
}

/**
 * Of products that tie on everything the buyer said, the base product: the one whose SKU has the fewest segments
 * when only one has that few ("CL-10B1" beside "CL-10B1-SS", "CH-10B1-M" beside "CH-10B1-SS-M") — the variants add a
 * segment for what sets them apart, and a buyer who names no variant means the base.
 */
export function baseOf<H extends { sku: string }>(hits: H[]): H | undefined {
  const segments = (sku: string) => sku.split(/[-_/.]+/).filter(Boolean).length;
  const fewest = Math.min(...hits.map((h) => segments(h.sku)));
  const base = hits.filter((h) => segments(h.sku) === fewest);
  if (base.length !== 1) return undefined;
  // Variants of one product share its SKU up to its last segment ("CH-10B1-" of "CH-10B1-M" and "CH-10B1-SS-M");
  // products that share only a family prefix ("CBL-") are different products, not variants.
  const sku = base[0]!.sku;
  const stem = segments(sku) >= 3 ? sku.replace(/[-_/.]+[^-_/.]+$/, "") : sku;
  return hits.every((h) => h === base[0] || h.sku.toLowerCase().startsWith(`${stem.toLowerCase()}`))
    ? base[0]
    : undefined;
}

/** Every word of each synonym group the buyer wrote a phrase of (theirs and the other wordings), one list per group. */
function wordingGroups(free: Token[], groups: string[][][]): string[][] {
  const lowers = free.map((t) => t.lower);
  return groups.filter((g) => g.some((p) => indexOfPhrase(lowers, p) >= 0)).map((g) => [...new Set(g.flat())]);
}

/**
 * "low temp" where the catalog's synonym list says "LT" means low temp: the words of the other wordings of every
 * phrase of the list the buyer wrote (in a row), so a name that abbreviates it carries what the buyer said in full.
 */
function otherWordings(free: Token[], groups: string[][][]): string[] {
  const lowers = free.map((t) => t.lower);
  const out = new Set<string>();
  for (const group of groups)
    if (group.some((p) => indexOfPhrase(lowers, p) >= 0))
      for (const p of group) if (indexOfPhrase(lowers, p) < 0) for (const w of p) if (!lowers.includes(w)) out.add(w);
  return [...out];
}

/**
 * "4 UCP 206 pillow blocks", "2 Stehlager UCP 206": a SKU written with spaces for its separators — a code word and
 * the number after it, read together — is that SKU, as "UCP206" is; only when the words together are one SKU exactly
 * ("SPZ 1250" is part of the SKU VB-SPZ-1250 and stays words of the name).
 */
function skuWrittenApart(tokens: Token[], taken: Set<number>, k: Knowledge): ProductGuess | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (taken.has(tokens[i]!.index)) continue;
    for (const n of [3, 2]) {
      const run = tokens.slice(i, i + n);
      if (run.length < n || run.some((t, j) => j > 0 && t.index !== run[j - 1]!.index + 1)) continue;
      if (!/^\p{L}/u.test(run[0]!.text) || !run.some((t) => /\d/.test(t.text))) continue;
      const text = run.map((t) => t.text).join(" ");
      const written = compactSku(text);
      if (written.length < 4 || !k.compactSkus.has(written)) continue;
      const hits = k.search
        .search({ query: run.map((t) => t.text).join("-"), limit: 5, includeInactive: true })
        .filter((h) => compactSku(h.sku) === written);
      if (hits.length === 1) return { hits, confident: true, query: text };
    }
  }
  return undefined;
}

/**
 * "a CU condensing unit built to order: R449A, low temp, 3-phase 400V …": a configurable product named by words, with
 * values of two or more of its option groups stated, is that product — the values are its options, not a search for
 * a product that carries one of them (the R449A cylinder). It must be what the words find first, so "3 contactors
 * 18A with 230V AC coil" stays the contactor even where a starter combination offers the same values.
 */
function configurableByWords(free: Token[], k: Knowledge): ProductGuess | undefined {
  // "4/3-Wegeventil": a word that leads product names, hyphenated to a code, is a word of the product ("4-pole" is not).
  const lowers = free.flatMap((t) =>
    /\d/.test(t.lower) && t.lower.includes("-")
      ? t.lower.split("-").filter((p) => !/\d/.test(p) && p.length >= 5 && k.headWord(p))
      : [t.lower],
  );
  const content = lowers.filter(
    (w) => /\p{L}{3,}/u.test(w) && !/\d/.test(w) && !FILLER.has(w) && !k.ordinary(w) && !k.optionWords.has(w),
  );
  // Without the words of option groups and labels too ("Kältemittel R449A", "Tiefkühlung"): they state options, and
  // may name another product better than the configured one (the refrigerant) — unless the name carries them
  // ("Hydraulikzylinder … (Baureihe, Kolben, Hub …)"), so both readings are tried.
  let found: { top: SearchHit; configModelId: string; query: string } | undefined;
  // "Schütz 18A, Spule 230 V" for the groups "Schützgröße", "Spulenspannung": a word that starts a word of an option
  // group names that group too.
  const groupWord = (w: string) =>
    k.configWords.has(w) ||
    (w.length >= 4 && [...k.configWords].some((c) => c.length >= w.length + 3 && c.startsWith(w)));
  const attempts = [content, content.filter((w) => !k.configWords.has(w)), content.filter((w) => !groupWord(w))];
  // "FM motor built to order" where "motor" is also a word of option labels ("Motor voltage"): asked for a build to
  // order, the product's words with those words too.
  const said = free.map((t) => t.lower).join(" ");
  const marker = new Set(
    wordsOf([...said.matchAll(new RegExp(MADE_TO_ORDER.source, "gu"))].map((m) => m[0]).join(" ")),
  );
  if (marker.size) {
    attempts.push(lowers.filter((w) => /\p{L}{3,}/u.test(w) && !/\d/.test(w) && !FILLER.has(w) && !k.ordinary(w)));
    // The words that ask for the build may find no product ("built to order" where names say "configure-to-order").
    attempts.unshift(...attempts.map((a) => a.filter((w) => !marker.has(w))));
  }
  // "FM motor built to order", "Zylinder nach Konfiguration": words that ask for a build to order name the one
  // configurable product among the products the words find, before the ready-made ones the same words name.
  const toOrder = marker.size > 0;
  const text = free.map((t) => t.text).join(" ");
  for (const words of attempts.filter((a, i) => i === 0 || a.length !== attempts[i - 1]!.length)) {
    if (words.length === 0) continue;
    const query = words.join(" ");
    const top = k.search.search({ query, limit: 3 }).filter((h) => h.match.startsWith("text"));
    if (top.length === 0) continue;
    if (toOrder) {
      const hits = k.search.search({ query, limit: 12 }).filter((h) => h.match.startsWith("text"));
      const products = k.reader.products(hits.map((h) => h.sku));
      const built = hits.filter((h) => products.get(h.sku)?.configModelId);
      const best = mostStated(k, built, text);
      if (best) {
        found = { ...best, query };
        break;
      }
    }
    if (top[1] && top[1].score >= top[0]!.score) continue;
    const product = k.reader.products([top[0]!.sku]).get(top[0]!.sku);
    if (product?.configModelId) {
      // "traction battery: 80 V, 700 Ah, tray CB20" where a battery charger is configurable too and found as well:
      // among the configurable products the words find, the one whose options take more of the values stated.
      const hits = k.search.search({ query, limit: 12 }).filter((h) => h.match.startsWith("text"));
      const configurable = hits.filter((h) => k.reader.products([h.sku]).get(h.sku)?.configModelId);
      const best = configurable.some((h) => h.sku === top[0]!.sku) ? mostStated(k, configurable, text) : undefined;
      found = best ? { ...best, query } : { top: top[0]!, configModelId: product.configModelId, query };
      break;
    }
  }
  // "Motorstarter-Kombi: Schütz 18A, …, mit Hilfskontakt 1 Schliesser 1 Öffner": the other words of a long spec list
  // can outweigh the product's name ("Hilfskontakt … Schliesser Öffner" names an auxiliary block). A word that alone
  // finds one configurable product by its own text (not a correction) names it — the stated values still decide.
  if (!found) {
    const alone = new Map<string, { top: SearchHit; configModelId: string; query: string }>();
    for (const w of attempts.at(-1)!.slice(0, 8)) {
      const top = k.search.search({ query: w, limit: 2 }).filter((h) => h.match === "text");
      if (top.length === 0 || (top[1] && top[1].score >= top[0]!.score)) continue;
      const product = k.reader.products([top[0]!.sku]).get(top[0]!.sku);
      if (product?.configModelId)
        alone.set(product.sku, { top: top[0]!, configModelId: product.configModelId, query: w });
    }
    if (alone.size === 1) found = [...alone.values()][0];
  }
  // "2 Stück 4/3-Wegeventil zum konfigurieren: NG6, J-Schieber, …": asked for a build, a value's words ("J-Schieber")
  // may find only the ready-made products that carry it; a word of the request that finds a configurable product
  // among its hits names it — the one taking the most values stated, when several do.
  if (!found && toOrder) {
    const built = new Map<string, SearchHit>();
    for (const w of attempts.at(-1)!.slice(0, 12))
      for (const h of k.search.search({ query: w, limit: 12 }).filter((x) => x.match.startsWith("text")))
        if (!built.has(h.sku) && k.reader.products([h.sku]).get(h.sku)?.configModelId) built.set(h.sku, h);
    const best = mostStated(k, [...built.values()], text);
    if (best) found = { ...best, query: best.top.name };
  }
  if (!found) return undefined;
  const { configModelId, query } = found;
  const stated = statedOptions(k, configModelId, text);
  if (stated.size < 2) return undefined;
  // Asked for a build to order, the configured product stays, whatever ready-made one carries the values stated.
  const standard = toOrder ? [] : standardsWithValues(k, found.top.sku, configModelId, stated, content);
  // Several ready-made products that carry the values (a one- and a three-phase motor) leave the configured product;
  // the machine the request names may still choose one of them (context.ts, readyMadeOverBuild).
  return { hits: [standard.length === 1 ? standard[0]! : found.top], confident: true, query };
}

/**
 * Among configurable products found, the one whose model takes the most option values the text states — alone, or the
 * one product there is; none when two take as many.
 */
function mostStated(
  k: Knowledge,
  configurable: SearchHit[],
  text: string,
): { top: SearchHit; configModelId: string } | undefined {
  const products = k.reader.products(configurable.map((h) => h.sku));
  const scored = configurable.map((h) => {
    const configModelId = products.get(h.sku)!.configModelId!;
    return { top: h, configModelId, n: configurable.length > 1 ? statedOptions(k, configModelId, text).size : 0 };
  });
  scored.sort((a, b) => b.n - a.n);
  if (scored.length === 0 || (scored[1] && scored[1].n >= scored[0]!.n)) return undefined;
  return { top: scored[0]!.top, configModelId: scored[0]!.configModelId };
}

/** Words that ask for a product built to the buyer's choices, in English and German. */
const MADE_TO_ORDER = new RegExp(
  // (Letter boundaries of any script: "nach Maß" ends in a letter `\b` does not know.)
  `(?<![\\p{L}\\p{N}])(?:${[
    "(?:built|made|assembled|configured|manufactured|produced)[ -]to[ -](?:order|spec|specs|specification|measure)",
    // "blades made on measure", "cut by measure": the buyer's preposition for "to measure" (Dutch "op maat", Italian
    // "su misura").
    "(?:built|made|cut|manufactured|produced)[ -](?:on|by|after|per)[ -]measure",
    // ("I want to order 3 seals" asks for no build: only a specification is asked for without a participle.)
    "to[ -](?:spec|specs|specification)",
    "configur(?:ed|able|e)",
    "custom[ -]?(?:built|made)",
    "bespoke",
    "nach (?:maß|mass|konfiguration|auftrag|spezifikation|vorgabe|vorgaben|angabe|angaben|wunsch)",
    "auf maß",
    "maßgefertigt\\p{L}*",
    "(?:maß|sonder)anfertigung",
    "konfigur(?:iert|ierbar|ieren)\\p{L}*",
  ].join("|")})(?![\\p{L}\\p{N}])`,
  "u",
);

/** Whether a text asks for a product built to order ("built to order", "nach Maß", "konfigurierbar"). */
export function asksForBuild(text: string): boolean {
  return MADE_TO_ORDER.test(text.toLowerCase());
}

/** The option values of a configuration model a text states, read in the default language and in each catalog one. */
function statedOptions(k: Knowledge, configModelId: string, text: string): Map<string, string[]> {
  const stated = new Map<string, string[]>();
  for (const lang of [undefined, "en", "de"] as const) {
    const model = lang ? k.reader.inLanguage?.(lang).configModel(configModelId) : k.reader.configModel(configModelId);
    if (model)
      for (const [g, values] of Object.entries(findOptions(text, model, undefined, k.gloss?.words)))
        stated.set(g, values);
  }
  return stated;
}

/**
 * A configurable product the words found, with two or more of its option values stated that ready-made products
 * of its category carry (see standardsWithValues): those products instead (one, or the candidates to choose from).
 */
export function readyMade(k: Knowledge, sku: string, text: string, words: string[]): SearchHit[] {
  const id = k.reader.products([sku]).get(sku)?.configModelId;
  // "nach Maß", "built to order": the buyer asks for the build, not for what is on the shelf.
  if (!id || MADE_TO_ORDER.test(text.toLowerCase())) return [];
  const stated = statedOptions(k, id, text);
  return stated.size >= 2 ? standardsWithValues(k, sku, id, stated, words) : [];
}

/**
 * "eine neue Batterie, 24 Volt 375 Ah": values of the configurable product that a ready-made product of its category
 * carries as its own features — every stated value, and every word the buyer used for the product — name that product
 * (in stock, no build time), not a build to order. A value without features to compare, or a word only the
 * configurable product's name carries ("nach Maß", "built to order"), keeps the configuration.
 */
function standardsWithValues(
  k: Knowledge,
  configurable: string,
  configModelId: string,
  stated: Map<string, string[]>,
  words: string[],
): SearchHit[] {
  const model = k.reader.configModel(configModelId);
  const product = k.reader.products([configurable]).get(configurable);
  if (!model || !product) return [];
  const wanted: [string, FeatureValue][] = [];
  for (const [code, values] of stated) {
    const group = model.groups.find((g) => g.code === code);
    for (const v of values) {
      const features = group?.options.find((o) => o.value === v)?.features;
      if (!features || Object.keys(features).length === 0) return [];
      // "60 A" of an option that also implies a capacity of 600 Ah: the feature the option's own value names is what
      // the buyer stated; what it implies besides may differ in a ready-made product (750 Ah).
      const compact = (x: unknown) =>
        String(x)
          .toLowerCase()
          .replace(/[^\p{L}\d.]/gu, "");
      const own = Object.entries(features).filter(([, f]) => !Array.isArray(f) && compact(f) === compact(v));
      wanted.push(...(own.length ? own : Object.entries(features)));
    }
  }
  const same = (a: FeatureValue | undefined, b: FeatureValue): boolean =>
    a !== undefined &&
    (Array.isArray(a)
      ? a.some((x) => same(x, b))
      : typeof a === "string" && typeof b === "string"
        ? a.toLowerCase() === b.toLowerCase()
        : a === b);
  const others = k.reader
    .alternatives(product.category, null, 100)
    .filter((a) => a.sku !== configurable && a.lifecycle === "active");
  const features = k.reader.features(others.map((a) => a.sku));
  const records = k.reader.products(others.map((a) => a.sku));
  const names = k.allNames([configurable, ...others.map((a) => a.sku)]);
  const carries = (sku: string, w: string) =>
    [...nameWords(names.get(sku) ?? "")].some((x) => x === w || x.startsWith(w) || (w.length >= 4 && x.endsWith(w)));
  const own = words.filter((w) => carries(configurable, w));
  const fits = others.filter(
    (a) =>
      !records.get(a.sku)?.configModelId &&
      wanted.every(([key, value]) => same(features.get(a.sku)?.[key], value)) &&
      own.every((w) => carries(a.sku, w)),
  );
  // Several that carry every value (a one- and a three-phase motor of the stated rating) are all candidates.
  return fits.map((fit) => ({
    ...fit,
    manufacturer: null,
    successorSku: null,
    fitsExplicitly: false,
    match: "text" as const,
    score: 0,
  }));
}

/** Stems of a text's words and of their compound parts ("Kupfer-T-Stück" → kupfer, stück; "T-Stücke" → stück). */
function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of nameWords(text)) if (w.length > 1) out.add(stemOf(w));
  return out;
}

/** Spellings of measurement units buyers use for the symbol a catalog writes. */
const UNIT_SPELLINGS: Record<string, string> = {
  micron: "µm",
  microns: "µm",
  mikron: "µm",
  um: "µm",
  μm: "µm",
  // "10 µ": the micrometre said by its prefix alone, as filter fineness is spoken (NFKC reads µ as μ).
  μ: "µm",
  volt: "v",
  volts: "v",
  amp: "a",
  amps: "a",
  ampere: "a",
  watt: "w",
  kilowatt: "kw",
  hertz: "hz",
  millimeter: "mm",
  millimeters: "mm",
  millimetre: "mm",
  millimetres: "mm",
};

/**
 * The symbol a catalog writes for an electrical unit a buyer spells out ("Volt" → "v", "amps" → "a", "Kilowatt" →
 * "kw"); other words as they are (the spellings of lengths keep their own readings).
 */
export const unitSymbol = (word: string): string => {
  const symbol = UNIT_SPELLINGS[word];
  return symbol && ELECTRICAL_UNITS.has(symbol) ? symbol : word;
};
const ELECTRICAL_UNITS = new Set(["v", "a", "w", "kw", "hz"]);

/** A word for a unit of measure ("volt", "V", "mm"): it says what a value is, not which product. */
export const measureWord = (k: Pick<Knowledge, "measureUnits">, word: string): boolean =>
  k.measureUnits.has(word) || word in UNIT_SPELLINGS;

interface Amount {
  value: number;
  unit: string;
}

/** Numbers with a short unit word the text states: "5 m", "24 V", "10A", "2,5 mm²". */
function amountsOf(free: Token[], tokens: Token[]): Amount[] {
  const out: Amount[] = [];
  for (const t of free) {
    const joined = /^(\d+(?:\.\d+)?)([\p{L}°µ²³]{1,4})$/u.exec(t.lower);
    if (joined) {
      out.push({ value: Number(joined[1]), unit: joined[2]! });
      continue;
    }
    const next = tokens[t.index + 1];
    if (/^\d+(\.\d+)?$/.test(t.lower) && next && /^[\p{L}°µ²³]{1,8}$/u.test(next.lower))
      out.push({ value: Number(t.lower), unit: next.lower });
  }
  return out;
}

/**
 * How many of the stated amounts a candidate carries: written together in its name ("5 m"), or as the value of a
 * numeric feature in that unit (a length of 5 m, a rated current of 18 A).
 */
/**
 * Of the products, those whose name or features carry every amount the text states ("80 A", "24 V"); undefined when
 * the text states no amount.
 */
export function carryingAmounts(
  k: Knowledge,
  text: string,
  products: { sku: string; name: string }[],
): string[] | undefined {
  const tokens = tokenizeText(text);
  // "3 Stück", "2 boxes": a count of the order's units is no amount of the product.
  const amounts = amountsOf(tokens, tokens).filter((a) => !k.unitCodes.has(a.unit));
  if (amounts.length === 0) return undefined;
  const carry = amountCarrier(amounts, products as SearchHit[], k);
  return products.filter((p) => carry(p as SearchHit) === amounts.length).map((p) => p.sku);
}

function amountCarrier(amounts: Amount[], hits: SearchHit[], k: Knowledge): (h: SearchHit) => number {
  if (amounts.length === 0) return () => 0;
  const features = k.reader.features(hits.map((h) => h.sku));
  // "10 metres" and "10 m" are one amount: unit words compare by the catalog's unit code where they have one.
  const unitOf = (u: string) => (k.unitCodes.get(u) ?? UNIT_SPELLINGS[u] ?? u).normalize("NFKC");
  return (h) => {
    const f = features.get(h.sku) ?? {};
    const name = tokenizeText(h.name).map((t) => t.lower);
    const inName = (a: Amount) =>
      name.some(
        (w, i) => Number(w) === a.value && /^\d/.test(w) && !!name[i + 1] && unitOf(name[i + 1]!) === unitOf(a.unit),
      );
    return amounts.filter(
      (a) =>
        inName(a) ||
        Object.entries(f).some(([key, v]) => v === a.value && unitOf(k.featureUnits.get(key) ?? "") === unitOf(a.unit)),
    ).length;
  };
}

/** A feature value the text states, and the token that states it (one statement may name several features). */
interface Counted {
  key: string;
  value: number;
  at: number;
  /** The token of the word that names the feature ("Bohrung" of "Bohrung 30"), when a word beside the number does. */
  by?: number;
}

const statements = (counts: Counted[]) => new Set(counts.map((c) => c.at)).size;

/** How many of the statements a product's features carry (a statement counts once, whichever feature it names). */
function statedBy(counts: Counted[], f: Record<string, unknown>): number {
  return new Set(counts.filter((c) => f[c.key] === c.value).map((c) => c.at)).size;
}

/**
 * Counted properties the text states ("3 pole", "16 channel"), and values stated beside the word of their feature
 * ("Bohrung 30", "96 Zähne", "bore 30"): feature key and value.
 */
function counted(tokens: Token[], k: Knowledge): Counted[] {
  const out: Counted[] = [];
  for (const t of tokens) {
    const next = tokens[t.index + 1];
    if (/^\d+(?:[.,]\d+)?$/.test(t.lower)) {
      const value = Number(t.lower.replace(",", "."));
      const beside = [adjacentWord(tokens, t.index) ? tokens[t.index - 1] : undefined, next];
      for (const w of beside)
        for (const [key, values] of (w && featuresNamed(w.lower, k)) || [])
          if (values.has(value) && !out.some((c) => c.key === key && c.at === t.index))
            out.push({ key, value, at: t.index, by: w!.index });
    }
    // "3 pole", and a count word written apart: "single pole", "three phase", "zwei Kanal".
    const n = /^\d+$/.test(t.lower) ? Number(t.lower) : COUNT_WORDS.get(t.lower);
    const key = next && n !== undefined ? countWordOf(next.lower, k) : undefined;
    if (key && n !== undefined && countedValue(key, n, k)) out.push({ key, value: n, at: t.index });
    else if (/\p{L}/u.test(t.lower)) {
      const c = countCompound(t.lower, k);
      if (c) out.push({ ...c, at: t.index });
    }
  }
  return out;
}

/**
 * Whether a product name carries a model code ("dml 083") as whole words: "DML 083S" and "KP 15" do not. A code whose
 * number leads a pair ("DQ 32x24": 32 channels at 24 V) carries it too ("DQ 32").
 */
function codeInName(name: string, code: string): boolean {
  return ` ${tokenizeText(name)
    .map((t) => t.lower.replace(/^(\d+)[x×]\d.*$/u, "$1"))
    .join(" ")} `.includes(` ${code} `);
}

/** "the second one", "2", "#3", "option 1", "die erste" → 1-based index (−1 = last). */
export function findChoice(tokens: Token[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.lower;
    if (ORDINALS[t] !== undefined) return ORDINALS[t];
    const prev = tokens[i - 1]?.lower;
    // A bare digit is a pick ("2", "option 2", "nr. 2 bitte"); "2 more" or "2 boxes" is a quantity.
    const others = tokens.filter((_, j) => j !== i).map((x) => x.lower);
    const onlyPolite = others.every((w) =>
      /^(please|bitte|ok|okay|yes|ja|option|number|nr|no|nummer|the|die|der|das|one|take|nehme|i|ich)$/.test(w),
    );
    // "1, two pieces" / "2 - 3 boxes": a leading digit followed straight by another number is the pick, the rest the quantity.
    const next = tokens[i + 1]?.lower;
    const quantityFollows =
      i === 0 && next !== undefined && (/^\d+([.,]\d+)?$/.test(next) || NUMBER_WORDS[next] !== undefined);
    if (
      /^\d$/.test(t) &&
      (onlyPolite || quantityFollows || prev === "option" || prev === "number" || prev === "nr" || prev === "nummer")
    ) {
      return Number(t);
    }
  }
  return undefined;
}

/** "line 2", "L2", "position 2" → a line id of the draft. */
export function findLineRef(text: string): string | undefined {
  const m = /\b(?:line|position|pos\.?|zeile)\s*(\d+)\b/i.exec(text) ?? /\b[lL](\d+)\b/.exec(text);
  return m ? `L${m[1]}` : undefined;
}

/** ISO date or German/European date in the text. */
export function findDate(text: string): string | undefined {
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return iso[0];
  const eu = /\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b/.exec(text);
  if (eu) return `${eu[3]}-${eu[2]!.padStart(2, "0")}-${eu[1]!.padStart(2, "0")}`;
  return undefined;
}

/** "PO 4711-A", "our reference is X", "Bestellnummer 123". */
export function findPoReference(text: string): string | undefined {
  return poReferenceSpan(text)?.value;
}

/**
 * Every order reference the text states, in order: the PO phrases, and a code after "our order" / "unsere
 * Bestellung" ("same parts as on our order PK-25-0917") — a code with a digit and a hyphen or slash, never a count.
 */
export function orderReferences(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  for (let span = poReferenceSpan(rest); span; span = poReferenceSpan(rest)) {
    out.push(span.value);
    rest = rest.slice(span.end);
  }
  for (const m of text.matchAll(
    /\b(?:order|bestellung|auftrag|lieferung)\s+(?:no\.?\s*|nr\.?\s*)?([A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+)/giu,
  ))
    if (/\d/.test(m[1]!) && !out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/**
 * Codes of the text shaped like an order reference (letters and digits joined by dashes or slashes: "MB-26-118",
 * "4500/7702") that name nothing of the catalog: whatever word leads them ("wie bi de Bestellig MB-26-118"), they may
 * name one of the buyer's earlier orders — its history is read to tell.
 */
export function unknownCodes(text: string, k: Pick<Knowledge, "search">): string[] {
  return (
    tokenizeText(text)
      .filter((t) => /\d/.test(t.text) && /[-/]/.test(t.text) && /^[\p{L}\d]+(?:[-/][\p{L}\d]+)+$/u.test(t.text))
      // Its letters are codes, not words ("230-Volt-Ladegerät" is a description), and it has some ("3/8er" is a size).
      .filter((t) => t.text.split(/[-/]/).every((part) => !/^\p{L}{5,}$/u.test(part)))
      .filter((t) => t.text.split(/[-/]/).some((part) => /^\p{L}{2,4}$/u.test(part)))
      .filter((t) => !k.search.search({ query: t.text, limit: 3 }).some((h) => h.match.startsWith("sku")))
      .map((t) => t.text)
  );
}

/**
 * The words that lead a reference ("Bestellung Nummer X", "order number X", "Kommission X"): known words, never read
 * as a slip of another ("nummer" is no "nimmer", `typos.ts`).
 */
export const REFERENCE_WORDS: readonly string[] = [
  "nummer",
  "nommer",
  "number",
  "referenz",
  "reference",
  "zeichen",
  "kommission",
  "commission",
  "auftrag",
  "bestellung",
];

/** The PO reference and where the whole phrase ("PO 4711-B", "Bestellnummer ist KB-2611") stands in the text. */
/**
 * "PO 4711", "Bestellnummer KA-55-101", "Best.-Nr. NB-26-1377" (the abbreviated forms too), "our PO for this one is
 * BWB-4391", "Üsi Bstellnummer isch GH-4518" (a Swiss or spoken verb between them: each a whole word, so the "is" of
 * "isch" never leaves "ch" as the reference), the Swabian "Bestellnommer".
 */
export function poReferenceSpan(text: string): { value: string; start: number; end: number } | undefined {
  // Pure in the text, and a message is asked several times (its clauses, each reading of it): read once per text.
  let found = poSpans.get(text);
  if (found === undefined) {
    if (poSpans.size >= MAX_PO_SPANS) poSpans.clear();
    poSpans.set(text, (found = readPoReferenceSpan(text) ?? null));
  }
  return found ? { ...found } : undefined;
}

const poSpans = new Map<string, { value: string; start: number; end: number } | null>();
/** Texts whose PO reference is kept before the memo starts afresh. */
const MAX_PO_SPANS = 2000;

function readPoReferenceSpan(text: string): { value: string; start: number; end: number } | undefined {
  const m =
    /\b(?:(?:po|p\.o\.|purchase order|order|bestell(?:ung)?|best\.|auftrag(?:s)?|auftr\.)-?\s?(?:number|n[uo]mmer|no\.?|nr\.?|#|referenz|reference|ref\.?|zeichen)|po|p\.o\.|purchase order|reference|ref\.?|bestelln[uo]mmer|auftragsn[uo]mmer|referenz(?:nummer)?|(?:unser(?:e)?|our)\s+zeichen|(kommission(?:snummer)?|commission(?: number| no\.?)?|job(?: number| no\.?)))(?![a-zäöüß])(?:\s+(?:for|für)\s+(?:this|that|the|diese[ns]?|die|den)(?:\s+(?:one|order|bestellung|auftrag))?)?(?:\s*(?:(?:number|no\.?|nr\.?|is|ist|isch|esch|isches|wär|wäre|wird|heisst|heißt|lautet|would be|will be)(?![a-zäöüß])|:|#))*\s*([A-Za-z0-9][A-Za-z0-9\-_/.]{1,40})/i.exec(
      text,
    );
  if (!m) return undefined;
  // A sentence's full stop after the reference ("… ist KA-55-101.") is not part of it.
  const v = m[2]!.replace(/[.\-_/]+$/, "");
  // "Kommission Kruse-TK-1130", "job no. 4471": the buyer's own job reference — a code with a digit, never a word.
  if (m[1] && !/\d/.test(v)) return undefined;
  // A word before the code ("Bestellnummer diesmal KR-26-1210", "PO this time 4711-B") is not the reference: the code
  // with a digit a word or two later is — an abbreviation with its full stop ("Best. 4502") is the code's own prefix.
  if (/^\p{L}+$/u.test(v)) {
    const after = text.slice(m.index + m[0].length);
    const code = /^((?:\s+\p{L}+){0,2}?)[\s:#]+((?=[\p{L}\d\-_/]*\d)[\p{L}\d][\p{L}\d\-_/.]{2,40})/u.exec(after);
    const c = code?.[2]?.replace(/[.\-_/]+$/, "");
    if (code && c && (/\p{L}/u.test(c) || c.length >= 4)) {
      const abbreviation = m[2]!.endsWith(".") && code[1] === "" && v.length <= 5;
      const start = m.index + m[0].length + code[0].length - code[2]!.length;
      const value = abbreviation ? `${m[2]} ${c}` : c;
      return { value, start: m.index, end: start + c.length };
    }
    // "Bestellnummer RRL sechsundzwanzig zwölf vierzig, also RRL-26-1240": letters read out, then the code they lead
    // written out a few words later — that code is the reference.
    const near = after.slice(0, 80);
    const spelt = new RegExp(`(?<![\\p{L}\\d])${v}[-/_]?\\d[\\p{L}\\d\\-_/.]{0,40}`, "iu").exec(near);
    const whole = spelt?.[0].replace(/[.\-_/]+$/, "");
    if (spelt && whole && v.length >= 2)
      return { value: whole, start: m.index, end: m.index + m[0].length + spelt.index + whole.length };
  }
  const end = m.index + m[0].length - (m[2]!.length - v.length);
  return /^(is|the|for|of|number)$/i.test(v) || v.length < 2 ? undefined : { value: v, start: m.index, end };
}

/** A word after "one more" that names a product ("level", "sensor"), not "thing" or "question". */
function nameAfterMore(word: string | undefined, k: Knowledge): boolean {
  return !!word && (k.headWord(word) || k.inflectedNameWord(word)) && !k.ordinary(word);
}
