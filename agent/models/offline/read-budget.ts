/**
 * How much of one buyer message the offline consultant reads in a turn, and what it says about the rest.
 *
 * Why a budget: the consultant runs on the server's one thread, and a message of 4,000 characters (the chat API's
 * limit) listing 200 parts, or a page of numbers, kept every other buyer waiting for seconds; and the graph runs at
 * most `MAX_CALLS_PER_STEP` tool calls from one step, so the items past that answered "too many tool calls". The
 * consultant reads the message up to a list separator that keeps within the budget, serves that part, and tells the
 * buyer in their language where it stopped and what to send again — nothing of the message is dropped silently.
 */
import { setImmediate as nextTurnOfLoop } from "node:timers/promises";
import { MAX_CALLS_PER_STEP } from "../../nodes/tools.ts";
import type { Lang } from "./nlu/understand.ts";

/** Characters of one message read in one turn: a long request reads whole, a page of a price list does not. */
export const READ_LIMIT_CHARS = 1200;
/** Items of a list read in one turn: as many as the graph adds in one step. */
export const READ_LIMIT_ITEMS = MAX_CALLS_PER_STEP;

/** The part of a message read now and, when the message is cut, the rest the buyer is asked to send again. */
export interface ReadPart {
  head: string;
  rest?: string;
}

/**
 * List separators: a line break, a semicolon, a comma or a slash between words (not "2,5" or "1/2"), "and"/"und".
 * Each separator ends an item; an item is a piece with a letter or a digit in it.
 */
const SEPARATOR = /\r?\n|;|,(?!\d)|\s\/\s|\s(?:and|und|plus|sowie)\s/giu;

/**
 * The message cut after its `READ_LIMIT_ITEMS`-th item, or at the last separator within `READ_LIMIT_CHARS`
 * (at the last space when it has none there); the whole message when it keeps within both.
 * @example
 *   readablePart("2 x A, 3 x B") // { head: "2 x A, 3 x B" }
 */
export function readablePart(text: string): ReadPart {
  let items = 0;
  let lastEnd = 0;
  let cut: number | undefined;
  const rows = /\n/.test(text.trim());
  for (const m of text.matchAll(SEPARATOR)) {
    const at = m.index ?? 0;
    if (at > READ_LIMIT_CHARS) break;
    // A row of a pasted table ("1;IO-1500-DI32;DI 32x24V DC;2;Stk" on a line of its own) is one item: its semicolons
    // and tabs separate columns, not items — inside such a row only the line break ends the item.
    if (rows && !/\n/.test(m[0]) && TABLE_ROW.test(lineAround(text, at))) continue;
    if (HAS_WORD.test(text.slice(lastEnd, at))) items++;
    lastEnd = at + m[0].length;
    cut = at;
    if (items >= READ_LIMIT_ITEMS) break;
  }
  const moreItems = items >= READ_LIMIT_ITEMS && HAS_WORD.test(text.slice(lastEnd));
  if (text.length <= READ_LIMIT_CHARS && !moreItems) return { head: text };
  if (cut === undefined) {
    const space = text.lastIndexOf(" ", READ_LIMIT_CHARS);
    cut = space > 0 ? space : READ_LIMIT_CHARS;
  }
  const head = text.slice(0, cut).trimEnd();
  const rest = text.slice(cut).replace(LEADING_SEPARATORS, "").trim();
  return HAS_WORD.test(head) && HAS_WORD.test(rest) ? { head, rest } : { head: text };
}

const HAS_WORD = /[\p{L}\p{N}]/u;
/** A line with two or more semicolons or a tab: a row of a pasted table. */
const TABLE_ROW = /;[^;]*;|\t/u;
/** The line of `text` the position `at` is on. */
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const end = text.indexOf("\n", at);
  return text.slice(start, end < 0 ? text.length : end);
}
const LEADING_SEPARATORS = /^(?:\s|[,;/]|(?:and|und|plus|sowie)\s)+/iu;

/** A few words of a text for quoting it, from its start or its end. */
function quote(text: string, from: "start" | "end"): string {
  const words = text.trim().split(/\s+/);
  const few = from === "start" ? words.slice(0, 6) : words.slice(-6);
  const cut = few.length < words.length;
  return from === "start" ? `${few.join(" ")}${cut ? " …" : ""}` : `${cut ? "… " : ""}${few.join(" ")}`;
}

/** What the buyer is told when the message was cut: where reading stopped and what to send again. */
export function partNotice(part: ReadPart, whole: string, lang: Lang): string {
  if (!part.rest) return "";
  const chars = whole.length.toLocaleString(lang === "de" ? "de-DE" : "en-GB");
  return lang === "de"
    ? `Ihre Nachricht (${chars} Zeichen) ist mehr, als ich auf einmal bearbeiten kann (höchstens ${READ_LIMIT_ITEMS} ` +
        `Positionen oder ${READ_LIMIT_CHARS.toLocaleString("de-DE")} Zeichen je Nachricht). Ich habe sie bis ` +
        `„${quote(part.head, "end")}“ gelesen; bitte schicken Sie den Rest ab „${quote(part.rest, "start")}“ ` +
        "in einer weiteren Nachricht."
    : `Your message (${chars} characters) is more than I can handle at once (at most ${READ_LIMIT_ITEMS} items or ` +
        `${READ_LIMIT_CHARS.toLocaleString("en-GB")} characters per message). I have read it up to ` +
        `"${quote(part.head, "end")}"; please send the rest, from "${quote(part.rest, "start")}", in another message.`;
}

let breathed = performance.now();
/**
 * Lets the server's other requests run when the consultant has worked for more than `ms` since it last did:
 * reading one message is many small steps, and none of them should hold the event loop for the whole message.
 */
export async function breathe(ms = 10): Promise<void> {
  if (performance.now() - breathed < ms) return;
  await nextTurnOfLoop();
  breathed = performance.now();
}
