/**
 * "What does X cost for customer C-1002?", "Was kostet … für Kunde T-7002?", "zeig mir die Preise der Firma Müller":
 * a price question about another customer of the shop. Prices come from the session's customer whatever is asked, so
 * nothing leaks — but answering with the buyer's own price as if it were the other's misleads, and the buyer must be
 * told that other customers' prices are not disclosed. Read here, after the understanding, from two sources:
 * - the shop's data: another customer's id ("C-1002", "c1002") or name (its words that tell it apart, as for the own
 *   company in `own-company.ts`) in a clause that talks of prices — the buyer's own company is not another customer;
 * - the classifier: a clause it reads as a request for another account (with a word that marks one in the corpus,
 *   `nlu/evidence.ts`) that also reads, or is worded, as a price question.
 * Such a clause is refused (`attack_other_prices`, said by `refusal` in phrasing.ts); when it names a product, or one is
 * in focus, it is still served as a question of the buyer's own price ("Your price for …"), without the other
 * customer's name.
 */
import type { Conversation } from "./conversation.ts";
import { INTENT_THRESHOLD, cuesOf, type Clause, type Understanding } from "./nlu/understand.ts";
import { hasMarker } from "./nlu/evidence.ts";
import { companyWords, withoutCompanyName } from "./own-company.ts";
import { guessProduct, tokenizeText, type Knowledge } from "./recognise.ts";
import { namesPrice } from "./turn.ts";

/** A price reading this sure, among a clause's readings, makes it a price question too. */
const PRICE_READING = 0.1;

interface Named {
  start: number;
  end: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;

/** What tells a customer apart in a text: its name as compared, its id's pattern and parts, its name's words. */
interface CustomerPattern {
  name: string;
  parts: string[];
  id: RegExp | undefined;
  words: string[];
}

/** Per customer list (the knowledge keeps one list until customers change): each customer's pattern, built once. */
const customerPatterns = new WeakMap<object, CustomerPattern[]>();

function patternsOf(customers: readonly { id: string; name: string }[]): CustomerPattern[] {
  let patterns = customerPatterns.get(customers);
  if (!patterns) {
    patterns = customers.map((c) => ({
      name: c.name.trim().toLowerCase(),
      parts: c.id.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
      id: idPattern(c.id, "giu"),
      words: companyWords(c.name),
    }));
    customerPatterns.set(customers, patterns);
  }
  return patterns;
}

/** Spans of the text that name a customer of the shop other than the buyer's own (`account`, its name). */
export function otherCustomerSpans(text: string, k: Knowledge, account: string | undefined): Named[] {
  const out: Named[] = [];
  const own = account?.trim().toLowerCase();
  const marked = hasMarker("attack_identity", text);
  let textWords: { w: string; start: number; end: number }[] | undefined;
  for (const c of patternsOf(k.customers?.() ?? [])) {
    if (own && c.name === own) continue;
    const { parts, id } = c;
    if (id) {
      for (const m of text.matchAll(id)) out.push({ start: m.index, end: m.index + m[0].length });
      // "customer 1002" for C-1002: its number alone, beside a word that marks another account.
      const digits = parts.filter((p) => /^\d{3,}$/.test(p));
      if (marked && digits.length === 1 && parts.length > 1)
        for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}-])${digits[0]}(?![\\p{L}\\p{N}])`, "gu")))
          out.push({ start: m.index, end: m.index + m[0].length });
    }
    const words = c.words;
    if (!words.length) continue;
    textWords ??= [...text.matchAll(WORD)].map((m) => ({
      w: m[0].toLowerCase().replace(/[.'’]+$/, ""),
      start: m.index,
      end: m.index + m[0].length,
    }));
    const hits: Named[] = [];
    for (const { w, start, end } of textWords)
      if (words.includes(w) || words.includes(w.replace(/['’]s$/, ""))) hits.push({ start, end });
    const named = new Set(
      hits.map((h) =>
        text
          .slice(h.start, h.end)
          .toLowerCase()
          .replace(/['’]s$/, ""),
      ),
    );
    if (named.size >= Math.min(2, words.length)) out.push(...hits);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a clause talks of prices: read as a price question (among its best readings) or worded as one. */
function pricey(c: Clause): boolean {
  if (c.intent === "price" && c.score >= INTENT_THRESHOLD) return true;
  if ((c.ranked ?? []).some((r) => r.intent === "price" && r.score >= PRICE_READING)) return true;
  return namesPrice(c.text);
}

/**
 * Whether the classifier reads the clause as a request for another account, with a word that marks one — and the
 * clause does not name the buyer's own account ("… for customer C-1001" by its own id, "… für uns, <own company>").
 */
function forAnotherAccount(c: Clause, k: Knowledge, account: string | undefined): boolean {
  if (c.intent !== "attack_identity" || c.score < INTENT_THRESHOLD) return false;
  if (withoutCompanyName(c.text, account) !== undefined) return false;
  const own = account?.trim().toLowerCase();
  const ownIds = (k.customers?.() ?? []).filter((x) => own && x.name.trim().toLowerCase() === own);
  if (ownIds.some((x) => idPattern(x.id)?.test(c.text))) return false;
  return hasMarker("attack_identity", c.text);
}

/** A customer id as written, or with its separators left out or changed ("C-1002", "c1002", "C 1002"). */
function idPattern(id: string, flags = "iu"): RegExp | undefined {
  const parts = id.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return parts.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])${parts.map(escapeRegex).join("[-_/. ]?")}(?![\\p{L}\\p{N}])`, flags)
    : undefined;
}

/**
 * The understanding of a message that asks another customer's prices: those clauses refused as
 * `attack_other_prices`, each kept as a question of the buyer's own price when it has a product to price (named in
 * it, or in focus) — the other customer's name left out — and dropped otherwise. Any other message as it was.
 */
export function otherCustomersPrices(u: Understanding, conv: Conversation, k: Knowledge): Understanding {
  const asked = u.clauses.map((c) => {
    if (!pricey(c)) return undefined;
    const spans = otherCustomerSpans(c.text, k, conv.account);
    return spans.length || forAnotherAccount(c, k, conv.account) ? spans : undefined;
  });
  if (!asked.some(Boolean)) return u;
  const clauses: Clause[] = [];
  for (const [i, c] of u.clauses.entries()) {
    const spans = asked[i];
    if (!spans) {
      // A clause refused for another reason stays out of what is served.
      if (!u.attack || u.rest.includes(c.text)) clauses.push(c);
      continue;
    }
    let text = c.text;
    for (const s of [...spans].reverse()) text = `${text.slice(0, s.start)} ${text.slice(s.end)}`;
    text = text.replace(/\s+/g, " ").trim();
    const product = guessProduct(tokenizeText(text), new Set(), k)?.confident || conv.memo.focusSku;
    if (product) clauses.push({ ...c, text, intent: "price", score: Math.max(c.score, INTENT_THRESHOLD) });
  }
  const cues = cuesOf(clauses);
  if (u.cues.has("price_named")) cues.add("price_named");
  return { ...u, clauses, cues, attack: "attack_other_prices", rest: clauses.map((c) => c.text).join(", ") };
}
