/**
 * One buyer message is read by every model call of its turn (tool results arrive in between, the message stays the
 * same): what those calls ask the catalog with the same words — word corrections, the reader in the buyer's
 * language — is answered once per turn instead of once per call.
 *
 * Keyed on the buyer's message object, which the graph keeps for the whole turn: the memo dies with the turn, and a
 * message read again later (another process, a reloaded thread) starts afresh. Tools write no catalog rows, so the
 * answers cannot change within a turn.
 *
 * Searches and the values read from product names depend on the catalog alone (no customer, stock or price goes into
 * them): they are kept from turn to turn while the catalog's version (catalog/queries/version.ts — any row written by
 * this connection, any commit of another) stays the same, checked once per turn. A new version starts them afresh.
 */
import type { CatalogSearch, SearchHit, SearchQuery } from "../../../catalog/queries/search.ts";
import type { CatalogReader } from "../../../catalog/queries/types.ts";
import type { Knowledge } from "./recognise.ts";

/** Answers that depend on the catalog alone, for one version of it. */
interface CatalogMemo {
  version: string | undefined;
  searches: Map<string, SearchHit[]>;
  /** Per name: what `acrossTurns` keeps. */
  kept: Map<string, unknown>;
}

/** Searches kept per catalog version before the memo starts afresh (a long-running server, an unchanged catalog). */
const MAX_KEPT_SEARCHES = 5000;

/** Per (base) knowledge: the memo of its catalog's current version. */
const catalogMemos = new WeakMap<Knowledge, CatalogMemo>();
/**
 * Per share scope (`Knowledge.catalogShare`), per catalog: the memo of untouched copies of one catalog image. Their
 * rows are the image's, byte for byte, so what depends on the catalog alone is the same for all of them; a copy that
 * was written to (its version no longer the pristine one) keeps its own memo as any other knowledge.
 */
const sharedMemos = new WeakMap<object, Map<string, CatalogMemo>>();
/** Per turn view: the catalog memo its turn began with. */
const viewMemos = new WeakMap<Knowledge, CatalogMemo>();

/**
 * The memo of the catalog's version now. Inside a transaction, or for a knowledge that cannot tell its version, a
 * memo of its own that nobody else sees.
 */
function catalogMemo(k: Knowledge): CatalogMemo {
  const version = k.catalogVersion?.();
  if (version === undefined) return { version, searches: new Map(), kept: new Map() };
  const share = k.catalogShare;
  if (share && version === share.pristine) {
    let memos = sharedMemos.get(share.scope);
    if (!memos) sharedMemos.set(share.scope, (memos = new Map()));
    let memo = memos.get(share.key);
    if (!memo) memos.set(share.key, (memo = { version, searches: new Map(), kept: new Map() }));
    return memo;
  }
  let memo = catalogMemos.get(k);
  if (!memo || memo.version !== version)
    catalogMemos.set(k, (memo = { version, searches: new Map(), kept: new Map() }));
  return memo;
}

/**
 * `make()` once per catalog version under `name`, for what depends on the catalog alone: a turn view uses the
 * version its turn began with, any other knowledge the version now.
 */
export function acrossTurns<T>(k: Knowledge, name: string, make: () => T): T {
  const memo = viewMemos.get(k) ?? catalogMemo(k);
  if (!memo.kept.has(name)) memo.kept.set(name, make());
  return memo.kept.get(name) as T;
}

/**
 * `acrossTurns` for a turn view only: the memo `name` of the catalog version its turn began with, or undefined for a
 * knowledge that is no turn view (a test's, a script's: nothing is kept there, and no version is read).
 */
export function acrossTurnsInView<T>(k: Knowledge, name: string, make: () => T): T | undefined {
  const memo = viewMemos.get(k);
  if (!memo) return undefined;
  if (!memo.kept.has(name)) memo.kept.set(name, make());
  return memo.kept.get(name) as T;
}

/** Readings kept per catalog version by `acrossTurnsFor` before they start afresh. */
const MAX_KEPT_READINGS = 5000;

/**
 * `read()` once per catalog version for `key`, for a reading that depends on the catalog alone besides what `key`
 * names (the words, the buyer's machines): kept from turn to turn as the searches are. Outside a turn it just reads.
 */
export function acrossTurnsFor<T>(k: Knowledge, key: string, read: () => T): T {
  const kept = acrossTurnsInView(k, "readings", () => new Map<string, unknown>());
  if (!kept) return read();
  if (kept.has(key)) return kept.get(key) as T;
  if (kept.size >= MAX_KEPT_READINGS) kept.clear();
  const value = read();
  kept.set(key, value);
  return value;
}

/** One number per knowledge and per share scope, for `catalogIdentity`. */
const identities = new WeakMap<object, number>();
let identityCount = 0;
function identityOf(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++identityCount));
  return id;
}

/**
 * A name for the catalog `k` reads, for answers that depend on its words alone (how a message is understood): the
 * same for the untouched copies of one catalog image (`catalogShare`, as the memo above shares them), one of its own
 * for any other knowledge — a copy written to, a catalog after an import (a new knowledge), inside a transaction.
 */
export function catalogIdentity(k: Knowledge): string {
  const share = k.catalogShare;
  if (share && k.catalogVersion?.() === share.pristine) return `${identityOf(share.scope)}\u0001${share.key}`;
  return `#${identityOf(k)}`;
}

/** Per model (its knowledge getter), per buyer message: the turn's view of the knowledge. */
const turns = new WeakMap<() => Knowledge, WeakMap<object, Knowledge>>();

/**
 * The knowledge as the calls of the turn of `message` share it (`knowledge()` itself without a message). The
 * knowledge is fetched (and its catalog version checked) on the turn's first call only.
 */
export function knowledgeForTurn(message: object | undefined, knowledge: () => Knowledge): Knowledge {
  if (!message) return knowledge();
  let mine = turns.get(knowledge);
  if (!mine) turns.set(knowledge, (mine = new WeakMap()));
  let view = mine.get(message);
  if (!view) {
    const base = knowledge();
    mine.set(message, (view = memoised(base, catalogMemo(base))));
  }
  return view;
}

function memoised(k: Knowledge, memo: CatalogMemo): Knowledge {
  const { searches } = memo;
  const corrections = new Map<string, string | undefined>();
  const search: CatalogSearch = {
    ...k.search,
    search(q: SearchQuery) {
      const key = JSON.stringify(q);
      let hits = searches.get(key);
      if (!hits) {
        if (searches.size >= MAX_KEPT_SEARCHES) searches.clear();
        searches.set(key, (hits = k.search.search(q)));
      }
      // A copy: a caller may reorder its list (the hits themselves are never changed).
      return [...hits];
    },
    correctWord(word: string) {
      if (corrections.has(word)) return corrections.get(word);
      const c = k.search.correctWord(word);
      corrections.set(word, c);
      return c;
    },
  };
  const base = k.reader;
  const local = new Map<string, CatalogReader>();
  // Feature names are catalog rows alone: kept from turn to turn with the searches, per catalog version.
  const featureNames = (memo.kept.get("featureNames") ?? new Map()) as Map<string, Record<string, string>>;
  memo.kept.set("featureNames", featureNames);
  // The reader in the buyer's language (catalog languages, texts present) is looked up once per language and turn,
  // the feature names of a language once per catalog version.
  const reader: CatalogReader = {
    ...base,
    ...(base.inLanguage
      ? {
          inLanguage(locale: string | undefined) {
            const key = locale ?? "";
            let r = local.get(key);
            if (!r) local.set(key, (r = base.inLanguage!(locale)));
            return r;
          },
        }
      : {}),
    ...(base.featureNames
      ? {
          featureNames(locale?: string) {
            const key = locale ?? "";
            let names = featureNames.get(key);
            if (!names) featureNames.set(key, (names = base.featureNames!(locale)));
            return names;
          },
        }
      : {}),
  };
  // The shop's customers (who "customer C-1002" is): asked for by every clause of every call, checked for a change
  // once per turn (as the catalog's version is).
  let customers: ReturnType<NonNullable<Knowledge["customers"]>> | undefined;
  // A product's names and search keywords (catalog rows alone, one per SKU): read once per SKU and turn — the
  // references of a message compare the same listed items over and over.
  const keywords = new Map<string, string>();
  const namesAndKeywords = (skus: readonly string[]) => {
    const missing = [...new Set(skus.filter((sku) => !keywords.has(sku)))];
    if (missing.length > 0) {
      const read = k.namesAndKeywords(missing);
      for (const sku of missing) keywords.set(sku, read.get(sku)!);
    }
    return new Map(skus.map((sku) => [sku, keywords.get(sku)!]));
  };
  const view = {
    ...k,
    search,
    reader,
    namesAndKeywords,
    ...(k.customers ? { customers: () => (customers ??= k.customers!()) } : {}),
  };
  readings.set(view, new Map());
  viewMemos.set(view, memo);
  return view;
}

/** Readings of the turn's words (product guesses, machine references), per turn view of the knowledge. */
const readings = new WeakMap<Knowledge, Map<string, unknown>>();

/**
 * `read()` once per turn for `key`: `key` must name everything `read` depends on besides the catalog. Outside a
 * turn (a knowledge that is no turn view) it just reads.
 */
export function inTurn<T>(k: Knowledge, key: string, read: () => T): T {
  const memo = readings.get(k);
  if (!memo) return read();
  if (memo.has(key)) return memo.get(key) as T;
  const value = read();
  memo.set(key, value);
  return value;
}
