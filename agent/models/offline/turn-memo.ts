/**
 * One buyer message is read by every model call of its turn (tool results arrive in between, the message stays the
 * same): what those calls ask the catalog with the same words — searches, word corrections, the reader in the
 * buyer's language — is answered once per turn instead of once per call.
 *
 * Keyed on the buyer's message object, which the graph keeps for the whole turn: the memo dies with the turn, and a
 * message read again later (another process, a reloaded thread) starts afresh. Tools write no catalog rows, so the
 * answers cannot change within a turn; a rebuilt knowledge (the catalog grew) starts afresh too.
 */
import type { CatalogSearch, SearchHit, SearchQuery } from "../../../catalog/queries/search.ts";
import type { CatalogReader } from "../../../catalog/queries/types.ts";
import type { Knowledge } from "./recognise.ts";

const turns = new WeakMap<object, { k: Knowledge; view: Knowledge }>();

/** `k` as the calls of the turn of `message` share it; `k` itself without a message. */
export function knowledgeForTurn(message: object | undefined, k: Knowledge): Knowledge {
  if (!message) return k;
  const had = turns.get(message);
  if (had && had.k === k) return had.view;
  const view = memoised(k);
  turns.set(message, { k, view });
  return view;
}

function memoised(k: Knowledge): Knowledge {
  const searches = new Map<string, SearchHit[]>();
  const corrections = new Map<string, string | undefined>();
  const search: CatalogSearch = {
    ...k.search,
    search(q: SearchQuery) {
      const key = JSON.stringify(q);
      let hits = searches.get(key);
      if (!hits) searches.set(key, (hits = k.search.search(q)));
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
  // The reader in the buyer's language is looked up (catalog languages, texts present) once per language.
  const reader: CatalogReader = base.inLanguage
    ? {
        ...base,
        inLanguage(locale) {
          const key = locale ?? "";
          let r = local.get(key);
          if (!r) local.set(key, (r = base.inLanguage!(locale)));
          return r;
        },
      }
    : base;
  const view = { ...k, search, reader };
  readings.set(view, new Map());
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
