/**
 * A stock or delivery question asked after the items it is about, in the message that orders them ("2 Schaugläser
 * SGN 12, sind die lagernd?", "3 filter driers DML 084 – when can you ship?", "… Do you have them on stock?"): the
 * items are ordered, and the question is answered from the engine's report on the lines it added — in stock or not,
 * and the promise date. Nothing is said that the report does not say.
 */
import type { Lang } from "./language.ts";
import { qty, say, scheduleText, type LineFacts } from "./replies.ts";

/** Words that ask after stock ("in stock", "available", "lagernd", "ab Lager") — the intents may lean elsewhere. */
export const STOCK_ASKED =
  /(?<![\p{L}])(?:in stock|on stock|from stock|available|availability|lagernd|vorrätig|lieferbar|auf lager|ab lager|am lager)(?![\p{L}])/iu;

/** "how long is delivery", "when can you deliver", "wie schnell könnt ihr liefern", "Lieferzeit?": when it comes. */
export const WHEN_DELIVERED =
  /(?<![\p{L}])(?:how\s+(?:long|fast|soon|quick(?:ly)?)|when|wie\s+(?:schnell|lange|bald)|wann|bis\s+wann)(?![\p{L}])[^?]*(?<![\p{L}])(?:deliver\w*|ship\w*|arriv\w*|liefer\w*|versend\w*|versand|da)(?![\p{L}])|(?<![\p{L}])(?:delivery\s+time|lead\s+time|lieferzeit\w*)(?![\p{L}])/iu;

/**
 * "habt ihr das da?", "haben Sie die vorrätig?", "do you have them?", "have you got those?", "how many do you have?",
 * "wie viele habt ihr?": whether (or how many of) the items just named can be had — pointing back, naming nothing.
 */
const HAVE_THEM =
  /(?<![\p{L}])(?:(?:habt|haben|hast|hättet|hätten)\s+(?:ihr|sie|du)\s+(?:(?:das|die|den|es|sie|diese|alles|alle|davon|genug)\s+)+(?:da|vorrätig|lagernd)|(?:do|did)\s+you\s+(?:have|got)\s+(?:them|it|those|these|that|enough)|have\s+you\s+(?:got\s+)?(?:them|it|those|these|enough)|how\s+many\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+there)|wie\s*viele?\s+(?:habt|haben|hast)\s+(?:ihr|sie|du))(?![\p{L}])/iu;

/** A lead that asks itself ("what does X cost, …", "is X …") or sets a condition ("if X is in stock, …"). */
const LEAD_ASKS =
  /^[\s\W]*(?:(?:hi|hello|hey|hallo|moin|servus|grüezi|guten\s+(?:tag|morgen))[\s,!.]+)?(?:what|how|when|which|is|are|do|does|can|could|would|have|has|was|wie|wann|welche\w*|ist|sind|habt|haben|hast|gibt|kann|könnt|können|kannst)(?![\p{L}])|(?<![\p{L}])(?:if|whether|falls|wenn|sofern|ob)(?![\p{L}])/iu;

/** "Was kostet das und wann könnt ihr liefern?": the price asked too — a question before an order, answered first. */
const PRICE_TOO =
  /(?<![\p{L}])(?:price|prices|cost|costs|how much|preis\p{L}*|kost\p{L}*|koscht\p{L}*|was macht)(?![\p{L}])/iu;

/** Where the trailing question starts: after a sentence end, a comma, a colon or semicolon, a dash, a line break. */
const CUT = /[.!;:,\n]|\s[–—-]\s/gu;

/**
 * The message as items (`lead`, no question of its own) and a trailing question (`question`, up to its "?") that asks
 * stock or delivery; undefined when the message is not of that shape.
 */
export function asksOfItems(text: string): { lead: string; question: string } | undefined {
  const end = text.trimEnd();
  if (!end.endsWith("?")) return undefined;
  const body = end.slice(0, -1).replace(/\?+$/u, "");
  let at = -1;
  let len = 0;
  for (const m of body.matchAll(CUT)) {
    // A comma between digits is a decimal comma.
    if (m[0] === "," && /\d/.test(body[m.index - 1] ?? "") && /\d/.test(body[m.index + 1] ?? "")) continue;
    at = m.index;
    len = m[0].length;
  }
  if (at <= 0) return undefined;
  const lead = body.slice(0, at);
  const question = body.slice(at + len).trim();
  if (!lead.trim() || lead.includes("?") || !question) return undefined;
  if (!(STOCK_ASKED.test(question) || WHEN_DELIVERED.test(question) || HAVE_THEM.test(question))) return undefined;
  if (LEAD_ASKS.test(lead) || STOCK_ASKED.test(lead) || PRICE_TOO.test(question)) return undefined;
  return { lead, question };
}

/**
 * The answer to the question from the lines the turn added or changed: in stock (every piece from stock on hand by the
 * engine's schedule), or not all in stock, with the promise date; lines without a date are left out.
 */
export function stockAnswer(lines: LineFacts[], lang: Lang): string {
  const parts = lines.flatMap((l) => {
    const when = scheduleText(l, lang);
    if (!when || !l.sku) return [];
    const head = `${l.lineId ? `${l.lineId} ` : ""}(${qty(l.quantity, l.unit, lang)} × ${l.sku})`;
    const status = stockStatus(l, lang);
    return [status ? `${head} ${say(lang, "is", "ist")} ${status}, ${when}` : `${head}: ${when}`];
  });
  if (!parts.length) return "";
  return say(lang, `To your question: ${parts.join("; ")}.`, `Zu Ihrer Frage: ${parts.join("; ")}.`);
}

/**
 * "in stock" when the engine schedules every piece from stock on hand, "not all in stock" when it reports the line
 * partial or backordered; nothing when its report says neither.
 */
export function stockStatus(l: Pick<LineFacts, "verdict" | "schedule">, lang: Lang): string {
  if (l.verdict === "accepted" && l.schedule?.length && l.schedule.every((p) => p.source === "on_hand"))
    return say(lang, "in stock", "vorrätig");
  if (l.verdict === "partial" || l.verdict === "backordered")
    return say(lang, "not all in stock", "nicht vollständig vorrätig");
  return "";
}
