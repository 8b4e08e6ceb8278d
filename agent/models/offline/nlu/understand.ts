/**
 * Stage 1, understand: the buyer's message as typed data — its clauses with their intent and confidence (the nlp.js
 * classifier), the conversational cues derived from them, recognised numbers, dimensions, money and dates with their
 * spans (Microsoft Recognizers for English, a small number-word table for German, chrono-node for dates in both),
 * and negated spans ("not a new X", "no Y needed"), whose words are not what the buyer asks for.
 *
 * Catalog and installed-base entities (SKUs, product words, machines, option values) are matched against the
 * database in `recognise.ts`; the spans recognised here tell it which numbers are dimensions rather than quantities.
 */
import { Culture, NumberWithUnitRecognizer } from "@microsoft/recognizers-text-number-with-unit";
import * as chrono from "chrono-node";
import type { Intent } from "./corpus.ts";
import type { Classification, IntentClassifier } from "./classifier.ts";
import { hasMarker } from "./evidence.ts";
import type { MaskSpan } from "./masks.ts";
import { asOrderLine, isOrderLine } from "./order-line.ts";
import { breathe } from "../read-budget.ts";

export type Lang = "en" | "de";

/** The conversation's cues: intents as the decision reads them, plus a named price in the text. */
export type Cue =
  | "greet"
  | "thanks"
  | "yes"
  | "no"
  | "checkout"
  | "cancel"
  | "remove"
  | "change"
  | "show"
  | "price"
  | "stock"
  | "compat"
  | "find"
  | "add"
  | "history"
  | "info"
  | "help"
  | "list_machines"
  | "price_named"
  | "attack_price"
  | "attack_checks"
  | "attack_identity"
  | "attack_injection";

/**
 * An illegitimate request refused: a classifier reading, or `attack_other_prices` — another customer's prices asked
 * for, read after the understanding with the shop's data (`other-customer.ts`).
 */
export type AttackCue =
  | "attack_identity"
  | "attack_checks"
  | "attack_price"
  | "attack_injection"
  | "attack_other_prices";

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Clause extends Span, Classification {
  /**
   * An order with its count ("1 Stück bestelle", "order 1 piece", "bstelled mir eine"): the reading of the clause's
   * other words — the count, and the word it counts, left out. The count answers "how many?"; what the words around
   * it ask ("bestelle": place the order) says whether the buyer also wants the order placed.
   */
  beyondCount?: Classification;
}

export interface Measure extends Span {
  value: number;
  /** The recognizer's unit name ("Millimeter", "Inch", "Liter"). */
  unit: string;
}

export interface Understanding {
  lang: Lang;
  clauses: Clause[];
  cues: Set<Cue>;
  /** An illegitimate request in the message (refused), if any. */
  attack?: AttackCue;
  /** The message without its illegitimate clauses: the part still to serve. */
  rest: string;
  /** Numbers with a unit of measurement: sizes and specs, never quantities. */
  measures: Measure[];
  /** Spans the buyer negated ("not a new pump", "no test certificate needed"). */
  negated: Span[];
  /** A requested date (ISO), when the text names one. */
  date?: string;
  /** The words that name the date ("bis zum 14. Dezember" → "14. Dezember"): they say when, never how many. */
  dateText?: string;
}

/** Below this the classifier's best intent is not taken as a cue. */
export const INTENT_THRESHOLD = 0.5;
/** A refusal needs a clearer reading: a false one would drop a legitimate request. */
export const ATTACK_THRESHOLD = 0.8;

/**
 * "Lieber die andere Variante": a change of mind is cheap to act on (the engine re-checks the line), so it needs less
 * than other intents — but with the sub-word reader in the ensemble a pick ("the first one") reads change 0.4, so the
 * bar is not as low as nlp.js alone allowed (0.3).
 */
export const CHANGE_THRESHOLD = 0.45;
/**
 * "C16 3 pole MCB for Pal 2", "the FKM one": adding is as cheap to act on (the engine checks every line, nothing is
 * placed without the buyer's confirmation). With the sub-word reader in the ensemble, nlp.js's sure add (0.99) weighs
 * 0.3 and the n-grams of product words and numbers spread the rest, so a request's best reading add scores ~0.4.
 */
export const ADD_THRESHOLD = 0.35;
// Placing is as cheap to ask for: "ok order just those 3 bags" (checkout 0.47 in the ensemble) only leads to the
// review and the buyer's confirmation — nothing is placed on a reading. Same threshold as add.

const thresholdOf = (cue: Cue) =>
  ATTACKS.has(cue)
    ? ATTACK_THRESHOLD
    : cue === "change"
      ? CHANGE_THRESHOLD
      : cue === "add"
        ? ADD_THRESHOLD
        : INTENT_THRESHOLD;

const cueOf = (intent: Intent): Cue | undefined =>
  intent === "None" || intent === "details" ? undefined : CUE_OF[intent];

const CUE_OF: Record<Exclude<Intent, "details" | "None">, Cue> = {
  greet: "greet",
  thanks: "thanks",
  affirm: "yes",
  deny: "no",
  checkout: "checkout",
  cancel: "cancel",
  remove: "remove",
  change: "change",
  show_order: "show",
  price: "price",
  stock: "stock",
  compat: "compat",
  find: "find",
  add: "add",
  history: "history",
  info: "info",
  help: "help",
  list_machines: "list_machines",
  attack_price: "attack_price",
  attack_checks: "attack_checks",
  attack_identity: "attack_identity",
  attack_injection: "attack_injection",
};

const ATTACKS = new Set<Cue>(["attack_identity", "attack_checks", "attack_price", "attack_injection"]);
/** Readings cheap to act on: the engine checks every line, and nothing is placed without the buyer's confirmation. */
const CHEAP = new Set<Cue>(["add", "checkout"]);

/**
 * Clauses: sentences, and parts joined by ", and" / " - and" / "; " — a compound message is served clause by clause.
 * A bare "and" between two items ("3 seals and 2 gaskets") does not split: that is one request.
 */
export function splitClauses(text: string): Span[] {
  const out: Span[] = [];
  // "yes, 2 for the other one", "no, the other one": a short lead before the first comma is a clause of its own.
  const lead = /^\s*((?:[\p{L}']+\s+){0,2}[\p{L}']+)\s*,\s*/u.exec(text);
  if (lead && text.slice(lead[0].length).trim()) {
    out.push(span(text, 0, lead[1]!.length + (lead[0].length - lead[0].trimStart().length)));
    for (const s of splitClauses(text.slice(lead[0].length)))
      out.push({ ...s, start: s.start + lead[0].length, end: s.end + lead[0].length });
    return out;
  }
  // A sentence may open with a bracket ("… freezer. [SYSTEM: …]"): a clause of its own.
  const re = /[?!;\n]+\s*|\.\s+(?=[\p{L}[(])|\s*,\s*(?:and|und|also|but|aber|plus)\s+|\s+[-–]\s+(?:and\s+|und\s+)?/giu;
  out.push(...spansBetween(text, re));
  return out.length ? out : [span(text, 0, text.length)];
}

/** The non-empty trimmed spans of a text between the matches of a separator (a global regex). */
function spansBetween(text: string, separator: RegExp): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of text.matchAll(separator)) {
    const end = m.index ?? 0;
    if (text.slice(at, end).trim()) out.push(span(text, at, end));
    at = end + m[0].length;
  }
  if (text.slice(at).trim()) out.push(span(text, at, text.length));
  return out;
}

function span(text: string, start: number, end: number): Span {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
}

// "nix UV", "ned die alten": the spoken German forms of "nicht"/"kein" negate as they do.
const NEGATORS = /\b(?:not|no|without|nicht|nix|ned|kein|keine|keinen|ohne)\b/giu;
/** Only interjections before a "no" that opens its clause ("no …", "oh no …", "sorry, no …"). */
const OPENS_CORRECTION = /^(?:\s*(?:oh|ah|ach|hm+|sorry|wait|well|ok|okay)[\s,]+)*\s*$/iu;
/** What a correction opens with: a verb that sets a count or an item anew ("make it", "change it to", "mach"). */
const CORRECTING =
  /^\s*(?:make|change|set|switch|put|go|take|rather|actually|wait|sorry|give|need|want|(?:i|we)(?:'d|\s+would|'ll|\s+will)?\s+(?:need|want|like|take|order|mean|said)|mach|mache|machs|ändere|ändern|nimm|doch|lieber|eigentlich)(?![\p{L}])/iu;
/** "not a new pump", "no certificate needed": from the negator to the end of its clause or the next comma. */
export function negatedSpans(text: string, clauses: Span[]): Span[] {
  const out: Span[] = [];
  for (const c of clauses) {
    for (const m of c.text.matchAll(NEGATORS)) {
      const from = (m.index ?? 0) + m[0].length;
      const tail = c.text.slice(from);
      // "no, the shaft seal": a bare "no" before a comma answers, it negates nothing after it.
      if (/^\s*[,.!]/.test(tail) || !tail.trim()) continue;
      // "no make it 14", "no change it to 6": a "no" that opens a correction answers too — what follows is what is meant.
      if (OPENS_CORRECTION.test(c.text.slice(0, m.index ?? 0)) && CORRECTING.test(tail)) continue;
      const stop = tail.search(/[,.;!?]/);
      const end = stop < 0 ? c.text.length : from + stop;
      out.push(span(text, c.start + (m.index ?? 0), c.start + end));
    }
  }
  return out;
}

const HAS_DIGIT = /\d/;
// Why pre-checks: the recognizers cost milliseconds per call; most messages have no number or date at all.
const DATE_HINT =
  /\d|\b(?:today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|week|month|heute|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|nächste\w*|woche|monat\w*|jan(?:uary|uar)?|jänner|feb(?:ruary|ruar)?|märz|march|april|may|mai|june?|juni|july?|juli|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\b/i;

/**
 * The English dimension model, built once. Why not `recognizeDimension` from the suite: it builds a new recognizer,
 * with its extractors and parsers and their regexes, on every call; the model is stateless between `parse` calls.
 */
let dimensionModel: ReturnType<NumberWithUnitRecognizer["getDimensionModel"]> | undefined;

const measured = new Map<string, Measure[]>();
/**
 * Numbers with a unit of measurement (sizes, pack contents): spans the quantity reader must skip. Memoised by text:
 * the understanding and the product reading of one message both need them (callers only read the list).
 */
export function recogniseMeasures(text: string): Measure[] {
  let out = measured.get(text);
  if (!out) {
    if (measured.size > 2000) measured.clear();
    measured.set(text, (out = Object.freeze(readMeasures(text)) as Measure[]));
  }
  return out;
}

/**
 * Units of speed, flow, displacement and pressure that Microsoft Recognizers' dimension model (English only; no German
 * model) does not know — "71 U/min", "1500 rpm", "16 l/min", "28 ccm", "250 bar": a number with one of them is a spec
 * of the product, never how many ("Was kostet der Getriebemotor mit 71 U/min?" is a price of one, not of 71).
 */
const OTHER_UNITS: [RegExp, string][] = [
  [/^(?:rpm|r\/min|rev\/min|u\/min|upm|1\/min|min-1|min⁻¹)$/i, "RevolutionsPerMinute"],
  [/^(?:l\/min|lpm|gpm|l\/h|m³\/h|m3\/h)$/i, "FlowRate"],
  [/^(?:ccm|cc|cm³\/u|cm³\/rev|cm3\/u|cm3\/rev|cm³|cm3)$/i, "CubicCentimeter"],
  [/^(?:bar|mbar|psi|mpa|kpa)$/i, "Pressure"],
];
const OTHER_MEASURE =
  /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?)\s?(rpm|r\/min|rev\/min|[uU]\/min|upm|UpM|1\/min|min-1|min⁻¹|[lL]\/min|lpm|gpm|[lL]\/h|m[³3]\/h|ccm|cc|cm[³3](?:\/(?:[uU]|rev))?|m?bar|psi|[MmkK][Pp]a)(?![\p{L}\p{N}])/gu;

/** Changes when what `recogniseMeasures` finds changes: the sub-word reader's cached masked training texts follow it. */
export const MEASURES_REVISION = 4;

function otherMeasures(text: string): Measure[] {
  const out: Measure[] = [];
  for (const m of text.matchAll(OTHER_MEASURE)) {
    const unit = OTHER_UNITS.find(([re]) => re.test(m[2]!))?.[1];
    const value = Number(m[1]!.replace(",", "."));
    if (!unit || !Number.isFinite(value)) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, text: m[0], value, unit });
  }
  return out;
}

function readMeasures(text: string): Measure[] {
  if (!HAS_DIGIT.test(text)) return [];
  return withOtherMeasures(text, readDimensions(text));
}

function withOtherMeasures(text: string, dimensions: Measure[]): Measure[] {
  const other = otherMeasures(text);
  const recognised = dimensions.filter((d) => !other.some((o) => o.start < d.end && d.start < o.end));
  return [...recognised, ...other].sort((a, b) => a.start - b.start);
}

/**
 * `recogniseMeasures`, letting the server's other requests run between the recognizer's windows, and kept for the
 * synchronous readers of the same text. Why: each window costs the recognizer up to a few hundred milliseconds on a
 * text dense with numbers ("1/2/3/…", "0 mm 1 mm 2 mm …"), and the message read in a turn has several — read in one
 * go they held the event loop, every other buyer waiting, for seconds.
 */
export async function recogniseMeasuresPaced(text: string): Promise<Measure[]> {
  const known = measured.get(text);
  if (known) return known;
  if (!HAS_DIGIT.test(text) || text.length <= MEASURE_WINDOW) return recogniseMeasures(text);
  const times = timesSigns(text);
  const dimensions: Measure[] = [];
  for (const w of measureWindows(times)) {
    await breathe();
    dimensions.push(...dimensionsIn(text, times, w));
  }
  const out = Object.freeze(withOtherMeasures(text, dimensions)) as Measure[];
  if (measured.size > 2000) measured.clear();
  measured.set(text, out);
  return out;
}

/**
 * The recognizer's cost grows with the square of the text past a few hundred characters (every number re-scans the
 * whole text: 4,000 characters of a listed order took 12 s, blocking the server). A longer text is read in windows of
 * at most this many characters, cut at spaces and overlapping by `MEASURE_MARGIN` on each side, so a size is read
 * with the words around it and the cost grows with the length.
 */
const MEASURE_WINDOW = 320;
/** Longer than any size ("24x70x20 mm", '1 1/2" BSP'): one that starts in a window's own part ends inside it. */
const MEASURE_MARGIN = 48;

/** [from, to, ownFrom, ownTo]: the span the recognizer reads and the part whose measures it keeps; cuts at spaces. */
export function measureWindows(text: string): [number, number, number, number][] {
  if (text.length <= MEASURE_WINDOW) return [[0, text.length, 0, text.length]];
  // A window is cut at a space near where it should end; a text without one there ("1/2/3/4/…", a pasted code chain)
  // is cut where it is — walking on to the next space made the whole text one window, the recognizer's worst case.
  const atSpace = (i: number, dir: 1 | -1) => {
    const from = Math.max(0, Math.min(text.length, i));
    let at = from;
    while (at > 0 && at < text.length && !/\s/.test(text[at]!) && Math.abs(at - from) < MEASURE_MARGIN) at += dir;
    return at > 0 && at < text.length && !/\s/.test(text[at]!) ? from : at;
  };
  const step = MEASURE_WINDOW - 2 * MEASURE_MARGIN;
  const cuts = [0];
  while (text.length - cuts.at(-1)! > step) {
    const next = atSpace(cuts.at(-1)! + step, -1);
    cuts.push(next > cuts.at(-1)! ? next : atSpace(cuts.at(-1)! + step, 1));
  }
  if (cuts.at(-1) !== text.length) cuts.push(text.length);
  const out: [number, number, number, number][] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const own = [cuts[k]!, cuts[k + 1]!] as const;
    out.push([atSpace(own[0] - MEASURE_MARGIN, -1), atSpace(own[1] + MEASURE_MARGIN, 1), own[0], own[1]]);
  }
  return out;
}

/** "24x70x20 mm": between digits an x is a times sign (the recognizer reads "×", not the letter); same length. */
const timesSigns = (text: string) => text.replace(/(?<=\d)[xX](?=\d)/g, "×");

function readDimensions(text: string): Measure[] {
  const times = timesSigns(text);
  return measureWindows(times).flatMap((w) => dimensionsIn(text, times, w));
}

/** The sizes the recognizer reads in one window (`measureWindows`) of the text, those that start in its own part. */
function dimensionsIn(text: string, times: string, [from, to, ownFrom, ownTo]: [number, number, number, number]) {
  const out: Measure[] = [];
  dimensionModel ??= new NumberWithUnitRecognizer(Culture.English).getDimensionModel(Culture.English, false);
  for (const r of dimensionModel.parse(times.slice(from, to))) {
    const rStart = from + r.start;
    const rEnd = from + r.end;
    if (rStart < ownFrom || rStart >= ownTo) continue;
    const res = r.resolution as { value?: string; unit?: string } | undefined;
    const value = Number(res?.value);
    if (!Number.isFinite(value) || !res?.unit) continue;
    // "pump 2 in hall B", "5 in stock": the preposition, not inches (an inch is written 2", 2 inch, 2 in.).
    if (res.unit === "Inch" && /\d\s*in$/i.test(r.text) && text[rEnd + 1] !== ".") continue;
    // "2 Lüftermotoren", "3 Öler": the recognizer ends a word at a letter outside ASCII, so the "L" of "Lüfter" read as
    // litres — a unit that runs on into a word is the start of that word.
    if (/\p{L}$/u.test(r.text) && /^\p{L}/u.test(text.slice(rEnd + 1, rEnd + 2))) continue;
    // "10 T-Stücke", "5 L-Profile": a letter written apart from the number and joined by a hyphen to a word is the
    // start of that word, not a unit ("20-L-Eimer" is a 20 l pail).
    if (/\d\s+\p{L}$/u.test(r.text) && /^-\p{L}/u.test(text.slice(rEnd + 1, rEnd + 3))) continue;
    // "2 GM-R37-055", "3 MM-12-K": letters written apart from the number that go on, through a hyphen, into a part
    // with digits are the start of a product code, not a unit ("6 mm-Bohrung" stays a size).
    if (/\d\s+\p{L}+$/u.test(r.text) && /^[-/][\p{L}\p{N}]*\d/u.test(text.slice(rEnd + 1, rEnd + 80))) continue;
    // "100 x 3 mm", "24x70x20 mm", "7/8 x 5/8 inch": the leading numbers belong to the size, they are no quantity.
    const before = Math.max(0, rStart - MEASURE_MARGIN);
    const lead = /(?:\d+(?:[.,/]\d+)?\s*[x×]\s*)+$/i.exec(text.slice(before, rStart));
    // "2x 100m rings": a count written with its "x" and then a space is how many, not a side of the size.
    const count = lead && /^\d+[x×]\s+$/i.test(lead[0]);
    const start = lead && !count ? before + lead.index : rStart;
    out.push({ start, end: rEnd + 1, text: text.slice(start, rEnd + 1), value, unit: res.unit });
  }
  return out;
}

/**
 * `recogniseDate` over a long text window by window (`measureWindows`), letting the server's other requests run
 * between them: chrono reads a date in every "1/2" of a text dense with them, over the whole text at once for
 * seconds. The first date found, in the order of the text.
 */
export async function recogniseDatePaced(
  text: string,
  lang: Lang,
  now = new Date(),
  measures: Measure[] = recogniseMeasures(text),
): Promise<(Span & { iso: string }) | undefined> {
  if (text.length <= MEASURE_WINDOW) return recogniseDateSpan(text, lang, now, measures);
  if (!DATE_HINT.test(text)) return undefined;
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return { iso: iso[0], start: iso.index, end: iso.index + iso[0].length, text: iso[0] };
  for (const [from, to, ownFrom, ownTo] of measureWindows(text)) {
    await breathe();
    const shifted = measures
      .filter((m) => m.start < to && from < m.end)
      .map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    const found = recogniseDateSpan(text.slice(from, to), lang, now, shifted);
    if (found && from + found.start >= ownFrom && from + found.start < ownTo)
      return { ...found, start: from + found.start, end: from + found.end };
  }
  return undefined;
}

/** A requested delivery date in the text (English or German), as an ISO date; undefined when none. */
export function recogniseDate(
  text: string,
  lang: Lang,
  now = new Date(),
  measures: Measure[] = recogniseMeasures(text),
): string | undefined {
  return recogniseDateSpan(text, lang, now, measures)?.iso;
}

/**
 * A calendar week ("bis KW 50", "Kalenderwoche 3", "in CW 51", "by calendar week 2"): how German and European buyers
 * ask for a delivery date. Read as the Friday of that ISO week, the next such week from now.
 */
const CALENDAR_WEEK = /(?<![\p{L}\d])(?:kw|cw|wk|kalenderwoche|calendar\s+week)\.?\s*(\d{1,2})(?![\d.,]?\d)/iu;

/** The text without the calendar weeks it names ("bis KW 50" → "bis "). */
export const withoutCalendarWeeks = (text: string): string =>
  text.replace(new RegExp(CALENDAR_WEEK.source, "giu"), " ");

/** The Friday of ISO week `week` (as an ISO date): this year's, or next year's when this year's has passed. */
function weekFriday(week: number, now: Date): string | undefined {
  if (week < 1 || week > 53) return undefined;
  const friday = (year: number) => {
    // ISO week 1 holds the 4th of January; its Monday is the first day of the week.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
    return new Date(monday + ((week - 1) * 7 + 4) * 86_400_000);
  };
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  let d = friday(now.getFullYear());
  if (d.getTime() < today) d = friday(now.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Month names in English and German, long and short, to their index (0 = January). */
const MONTH_NAMES: Record<string, number> = Object.fromEntries(
  [
    ["january", "jan", "januar", "jänner"],
    ["february", "feb", "februar"],
    ["march", "mar", "märz", "maerz", "mrz"],
    ["april", "apr"],
    ["may", "mai"],
    ["june", "jun", "juni"],
    ["july", "jul", "juli"],
    ["august", "aug"],
    ["september", "sep", "sept"],
    ["october", "oct", "oktober", "okt"],
    ["november", "nov"],
    ["december", "dec", "dezember", "dez"],
  ].flatMap((names, i) => names.map((n) => [n, i] as const)),
);
const MONTH = Object.keys(MONTH_NAMES).join("|");

/**
 * Words that say a date follows ("bis", "am", "by", "on", "Liefertermin", "deliver"), right before it or one word
 * before ("bis zum", "by the", "Lieferung bitte"): a bare "10/12" or "3." after them is a date, after a product word a
 * size or an ordinal.
 */
const TIME_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:bis|am|zum|ab|vor|spätestens|until|till|by|on|before|latest|termin|liefertermin|wunschtermin|lieferdatum|datum|date|lieferung|liefern|delivery|deliver|ship|shipping|versand)(?:\s+\p{L}+)?[\s:,]*$/iu;
/** "10/12", "15/12", "6 3/8": a day and month without a year, or a size ("hose 10/12", "EVR 6 3/8"). */
const DAY_SLASH_MONTH = /(?<![\d/])\d{1,2}\/\d{1,2}(?![\d/])/;
/** "10.12.", "3.1." — a German day and month without a year (the trailing dot tells it from a decimal). */
const DAY_DOT_MONTH = /(?<![\p{L}\d.,/])(\d{1,2})\.(\d{1,2})\.(?![\d.,])/u;
/** "the 15th", "am 15.", "bis zum 3." — a day of the month alone. */
const DAY_ALONE = /(?<![\p{L}\d.,/])(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|\.(?![\d.,]))(?![\p{L}\d])/iu;
/** "15th of January", "15. Dezember": a month named after the day (chrono's to read). */
const MONTH_AFTER = new RegExp(`^\\s*(?:of\\s+)?(?:${MONTH})(?![\\p{L}])`, "iu");
/** Every day of the month alone in a text (`DAY_ALONE`, global). */
const DAYS_ALONE = new RegExp(DAY_ALONE.source, "giu");
/** After a German "am 15.": a capitalised noun makes it an ordinal ("zum 2. Mal", "die 3. Position"). */
const ORDINAL_NOUN_AFTER = /^\s*(?!(?:danke|bitte|gruß|grüße|vielen|viele|lg|mfg|vg)\b)\p{Lu}\p{Ll}/u;
/** "Ende Januar", "end of next month", "Mitte des Monats", "mid-January": the end (last day) or middle (15th). */
const MONTH_PART = new RegExp(
  `(?<![\\p{L}])(?:(ende|end|mitte|mid|middle)(?:\\s+of|-)?\\s+(?:the\\s+)?)(?:(${MONTH})|(des\\s+monats|dieses\\s+monats|month|this\\s+month|diesen\\s+monat|nächsten\\s+monats|next\\s+month|kommenden\\s+monats))(?![\\p{L}])`,
  "iu",
);

/**
 * A delivery date asked for lies ahead, within about a year: what chrono reads years away or in the past is a size or
 * a range ("MPCB 6.3-10 A" read as 2010-06-03, "600W" as 2038-06-01).
 */
function withinAYear(d: Date, now: Date): boolean {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const day = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return day >= today && day <= today + 400 * 86_400_000;
}

/**
 * Date words whose numbers are a day and month ("14. Dezember", "Dec 14", "12/15", "10.12.", "the 15th", "zum 15."):
 * never a count. Other readings with a number ("Montag 12 Uhr", "in 2 weeks") keep their numbers for the count reader.
 */
const CALENDAR_DATE = new RegExp(
  `\\d{1,2}\\s*[./]\\s*\\d{1,2}|\\d(?:st|nd|rd|th)(?![\\p{L}])|\\d\\.$|(?<![\\p{L}])(?:${MONTH})(?![\\p{L}])`,
  "iu",
);

/**
 * "Ende nächster Woche", "end of this week", "Anfang der übernächsten Woche", "mid next week": the Friday, Monday or
 * Wednesday of that week (this week, the next or the one after).
 */
const WEEK_PART =
  /(?<![\p{L}])(ende|end|anfang|beginning|start|early|mitte|mid|middle)(?:\s+of|-)?\s+(?:(?:the|this|der|dieser|diese)\s+)?(?:(nächste[nr]?|kommende[nr]?|next|coming)\s+|(übernächste[nr]?)\s+|(?:the\s+)?week\s+after\s+next|)(woche|week)(?![\p{L}])/iu;

/** Day `day` of month `month` (0-based, may run past December) of `year`, as an ISO date; undefined when none. */
function dayOf(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCDate() === day ? d.toISOString().slice(0, 10) : undefined;
}

/** The last day of month `month` (0-based, may run past December) of `year`. */
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * Dates as buyers write them that chrono reads not at all or wrongly: a day and month without a year ("Liefertermin
 * 10.12.", "by 18.12."), the end or the middle of a month ("Ende Januar", "bis Ende des Monats", "mid January", "Mitte
 * nächsten Monats"), and a day of the month alone after a word of time ("by the 15th", "bis zum 15."). The next such
 * date from today.
 */
function writtenDate(text: string, now: Date): (Span & { iso: string }) | undefined {
  const today = dayOf(now.getFullYear(), now.getMonth(), now.getDate())!;
  const y = now.getFullYear();
  const m0 = now.getMonth();
  const at = (m: RegExpExecArray | RegExpMatchArray, iso: string | undefined) =>
    iso ? { iso, start: m.index!, end: m.index! + m[0].length, text: m[0] } : undefined;
  const dm = DAY_DOT_MONTH.exec(text);
  if (dm && (TIME_CUE_BEFORE.test(text.slice(0, dm.index)) || (dm[1]!.length === 2 && dm[2]!.length === 2))) {
    const day = Number(dm[1]);
    const month = Number(dm[2]) - 1;
    const iso = [dayOf(y, month, day), dayOf(y + 1, month, day)].find((d) => d && d >= today);
    if (month >= 0 && month < 12 && iso) return at(dm, iso);
  }
  const part = MONTH_PART.exec(text);
  if (part) {
    const end = /^(?:ende|end)$/i.test(part[1]!);
    const named = part[2] ? MONTH_NAMES[part[2].toLowerCase()] : undefined;
    const month = named ?? m0 + (/nächsten|next|kommenden/i.test(part[3] ?? "") ? 1 : 0);
    const candidates = (named === undefined ? [y] : [y, y + 1]).map((year) =>
      dayOf(year, month, end ? lastDayOf(year, month) : 15),
    );
    const iso = candidates.find((d) => d && d >= today);
    if (iso) return at(part, iso);
  }
  const week = WEEK_PART.exec(text);
  if (week) {
    const ahead = week[2] ? 1 : week[3] || /after\s+next/i.test(week[0]) ? 2 : 0;
    const weekday = /^(?:ende|end)$/i.test(week[1]!) ? 4 : /^(?:mitte|mid|middle)$/i.test(week[1]!) ? 2 : 0;
    // This week's Monday (ISO weeks start on Monday), then the week asked for.
    const monday = now.getDate() - ((now.getDay() + 6) % 7);
    const iso =
      dayOf(y, m0, monday + ahead * 7 + weekday) ??
      new Date(Date.UTC(y, m0, monday + ahead * 7 + weekday)).toISOString().slice(0, 10);
    if (iso >= today) return at(week, iso);
  }
  for (const m of text.matchAll(DAYS_ALONE)) {
    if (!TIME_CUE_BEFORE.test(text.slice(0, m.index))) continue;
    const after = text.slice(m.index + m[0].length);
    if (m[0].endsWith(".") && ORDINAL_NOUN_AFTER.test(after)) continue;
    // "the 15th of January", "am 15. Dezember": a month after the day is chrono's to read.
    if (MONTH_AFTER.test(after)) continue;
    // "on the 2nd one", "by the 3rd line": an ordinal of something listed, not a day.
    if (/^\s*(?:one|item|line|option|position|pos\.?|choice)\b/i.test(after)) continue;
    const day = Number(m[1]);
    const iso = [0, 1, 2].map((k) => dayOf(y, m0 + k, day)).find((d) => d && d >= today);
    if (iso) return at(m, iso);
  }
  return undefined;
}

/** A fraction of an inch ("1/4", "7/8", "3/16"): a size, never a day and month. */
const FRACTION = /(?<![\d/])(\d{1,2})\/(2|4|8|16|32|64)(?![\d/])/;

/** The requested date with where the text names it: its numbers are no quantity. */
export function recogniseDateSpan(
  text: string,
  lang: Lang,
  now = new Date(),
  measures: Measure[] = recogniseMeasures(text),
): (Span & { iso: string }) | undefined {
  if (!DATE_HINT.test(text)) return undefined;
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return { iso: iso[0], start: iso.index, end: iso.index + iso[0].length, text: iso[0] };
  const week = CALENDAR_WEEK.exec(text);
  if (week) {
    const iso = weekFriday(Number(week[1]), now);
    if (iso) return { iso, start: week.index, end: week.index + week[0].length, text: week[0] };
  }
  const written = writtenDate(text, now);
  if (written) return written;
  const parser = lang === "de" ? chrono.de : chrono.en;
  const results = parser.parse(text, now, { forwardDate: true });
  // Only a full calendar date or a named day counts: "5 pieces" or "in 2 weeks" alone is not a requested date.
  // "20 m of hose" is no date (chrono reads "20 m" as a day of the month): a recognised size is never a date, and
  // neither is a fraction ("G 1/4").
  const r = results.find((x) => {
    const f = FRACTION.exec(x.text.trim());
    return (
      (x.start.isCertain("day") || x.start.isCertain("weekday")) &&
      !(f && Number(f[1]) < Number(f[2])) &&
      !(DAY_SLASH_MONTH.test(x.text.trim()) && !TIME_CUE_BEFORE.test(text.slice(0, x.index))) &&
      !everydayWeekday(text, x.index, x.text) &&
      !measures.some((m) => m.start < x.index + x.text.length && x.index < m.end) &&
      withinAYear(x.start.date(), now)
    );
  });
  if (!r) return undefined;
  const d = r.start.date();
  // "am Do 3 Stück": the bare number chrono reads as the hour after a weekday is how many, not when.
  const said = (!r.start.isCertain("month") && /^((?:\p{L}+\s+)?\p{L}{2,}\.?)\s+\d{1,2}$/u.exec(r.text)?.[1]) || r.text;
  return {
    iso: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`,
    start: r.index,
    end: r.index + said.length,
    text: said,
  };
}

/**
 * A weekday's two-letter abbreviation alone ("so", "do", "Di", "Fr") is an everyday word far more often than a day:
 * "Können Sie das so bestellen?", "passt so" are no request for Sunday. It is a day when written as one — capitalised
 * and after a preposition of time ("am So", "bis Mo", "ab Fr.") — or when chrono read more than the two letters (a
 * bare number after them is no more: "ok so 4 Stück", "Do 3 Stück" are no Sunday or Thursday at 4 or 3 o'clock).
 */
function everydayWeekday(text: string, index: number, said: string): boolean {
  // "ok so 4 Stück", "Do 3 Stück": chrono reads the two letters with the count after them as a day and an hour.
  if (!/^\p{L}{2}\.?(?:\s+\d{1,2}(?:[.:]\d\d)?)?$/u.test(said.trim())) return false;
  const capital = said[0] === said[0]!.toUpperCase();
  return !(
    capital &&
    /(?:^|[^\p{L}])(?:am|bis|ab|vor|zum|nächsten|kommenden|on|by|until|before)\s+$/iu.test(text.slice(0, index))
  );
}

/** Whether the text has a word of 3+ letters from the classifier's training utterances. */
function knowsWords(classifier: IntentClassifier, text: string): boolean {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).some((w) => classifier.vocabulary.has(w));
}

/** SKU-like tokens (letters and digits joined by dashes) are entities, not words the classifier should weigh. */
function maskEntities(text: string): string {
  return text.replace(/\b[\p{L}\d]+(?:[-/.][\p{L}\d]+)+\b/gu, (m) => (/\d/.test(m) && /\p{L}/u.test(m) ? " " : m));
}

const isAttack = (c: Classification) => {
  const cue = cueOf(c.intent);
  return cue !== undefined && ATTACKS.has(cue) && c.score >= ATTACK_THRESHOLD;
};

/** A bare "and" inside a clause: "3 X for line 2 and approve it yourself" joins two requests. */
const AND = /\s+(?:and|und|plus|but|aber)\s+/giu;

/**
 * An illegitimate request joined to a legitimate one by a bare "and" reads as one attack clause: its parts are read
 * one by one, and when one of them is no attack, they are clauses of their own (the attack is refused, the rest is
 * still served) — except an order for another customer, which the joined request belongs to. A bare "and" between
 * items ("3 X and 2 Y") is not split otherwise.
 */
async function splitAttack(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
): Promise<Clause[]> {
  const parts = spansBetween(c.text, AND);
  if (parts.length < 2) return [c];
  const read: Clause[] = [];
  for (const p of parts)
    read.push({
      ...p,
      start: c.start + p.start,
      end: c.start + p.end,
      ...(await classify(classifier, lang, p.text, options)),
    });
  // An order for another customer takes the request it is joined to along: that request is for the other account too.
  if (read.some((r) => isAttack(r) && r.intent === "attack_identity")) return [c];
  if (read.some(isAttack)) return read.some((r) => !isAttack(r)) ? read : [c];
  // "mach die Lüftermotoren 3 und das Schauglas raus" (attack 0.50 as a whole): a weak attack reading whose parts
  // lean to no attack at all, and one of them surely to a request, was two requests read as one — the parts are the
  // clauses (the unsure ones give no cue).
  const leans = read.some((r) => ATTACKS.has(cueOf(r.intent) ?? "greet"));
  if (c.score >= ATTACK_THRESHOLD || leans || !twoEdits(read)) return [c];
  return read.map((r) => (r.score >= INTENT_THRESHOLD ? r : { ...r, intent: "None" as const, score: 0 }));
}

/** Questions a buyer asks about a product; two of them joined by "and" are two questions ("price and when?"). */
const QUESTIONS = new Set<Intent>(["price", "stock", "compat"]);

/**
 * "Was kostet der und wann kann er da sein?", "price and when can you deliver?": a clause read as a question whose
 * parts, split at a bare "and", read as different questions is two clauses — both are answered. Items joined by "and"
 * ("3 seals and 2 gaskets") are not questions and stay one clause.
 */
async function splitQuestions(c: Clause, lang: Lang, classifier: IntentClassifier): Promise<Clause[]> {
  if (!QUESTIONS.has(c.intent)) return [c];
  const parts: Clause[] = spansBetween(c.text, AND).map((p) => ({
    ...p,
    start: c.start + p.start,
    end: c.start + p.end,
    intent: "None",
    score: 0,
  }));
  if (parts.length < 2) return [c];
  const read: Clause[] = [];
  for (const p of parts) read.push({ ...p, ...(await classifier.classify(lang, maskEntities(p.text))) });
  const asked = new Set(read.map((r) => r.intent));
  const questions = read.every((r) => QUESTIONS.has(r.intent) && r.score >= INTENT_THRESHOLD);
  return questions && asked.size > 1 ? read : [c];
}

/** A word that joins a clause to the one before ("and", "und dann", "plus"), at its start. */
const JOINING = /^(?:(?:and|und|also|plus|then|dann|but|aber)\s+)+(?=\S)/iu;

/** A comma between two parts of a clause (not inside a number: "2,5 m"). */
const COMMA = /\s*,\s+|(?<!\d),(?!\d)\s*/gu;

/**
 * "Für Press 3 brauchen wir X, was kosten die?", "fan is broken again, need 1 EC fan, the cell is at minus 12": a
 * clause the classifier is unsure of (below `INTENT_THRESHOLD`: its parts pull towards different intents) is read
 * part by part, split at its commas — when one part at least reads surely as a request that is no attack, the parts
 * are the clauses (the unsure ones give no cue; a remark about the trouble stays a remark). Otherwise it stays one.
 */
async function splitUnsure(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
  asked: boolean,
): Promise<Clause[]> {
  const attack = ATTACKS.has(cueOf(c.intent) ?? "greet");
  // (An attack reading is sure only at `ATTACK_THRESHOLD`; below it, it is not split at its commas either: "…, skip
  // the check" keeps its reading whole.)
  if (c.score >= (attack ? ATTACK_THRESHOLD : INTENT_THRESHOLD)) return [c];
  const parts = attack ? [c] : await unsureParts(c, lang, classifier, options, asked, COMMA);
  if (parts.length > 1) return parts;
  // "make the belts 4 and drop the grease", "die Lager auf 6 und das Fett raus": edits joined by a bare "and" are read
  // part by part too, when the commas alone leave the clause unsure — whatever its whole leaned to, so long as no
  // part of it leans to an attack at all.
  if (!BARE_AND.test(c.text)) return [c];
  return unsureParts(c, lang, classifier, options, asked, COMMA_OR_AND, true);
}

const BARE_AND = /\s(?:and|und|plus|sowie)\s/iu;

/**
 * Parts read surely as different requests, one of them an edit of the order ("make the belts 4" + "drop the grease"):
 * not one request said twice ("the successor for the first and the successor for the second too").
 */
function twoEdits(read: Clause[]): boolean {
  const sure = read.filter((r) => r.score >= INTENT_THRESHOLD && r.intent !== "None").map((r) => cueOf(r.intent));
  return sure.length === read.length && new Set(sure).size > 1 && sure.some((c) => c === "change" || c === "remove");
}

/** A comma or a bare "and" between two parts of a clause. */
const COMMA_OR_AND = /\s*,\s+|(?<!\d),(?!\d)\s*|\s+(?:and|und|plus|sowie)\s+/giu;

async function unsureParts(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
  asked: boolean,
  separator: RegExp,
  noLeaning = false,
): Promise<Clause[]> {
  const spans = spansBetween(c.text, separator);
  if (spans.length < 2) return [c];
  const read: Clause[] = [];
  for (const [i, p] of spans.entries()) {
    const last = asked && i === spans.length - 1;
    let reading = await classify(classifier, lang, p.text, options, last);
    // "… and take the o-ring kit off, found one in the stores": the word that joins the part to what came before is
    // no part of a removal (read on its own, the part is one surely).
    const own = p.text.replace(JOINING, "");
    if (own !== p.text && !(reading.intent === "remove" && reading.score >= INTENT_THRESHOLD)) {
      const alone = await classify(classifier, lang, own, options, last);
      if (alone.intent === "remove" && alone.score >= INTENT_THRESHOLD) reading = alone;
    }
    read.push({ ...p, start: c.start + p.start, end: c.start + p.end, ...reading });
  }
  const sure = read.filter((r) => r.score >= INTENT_THRESHOLD && r.intent !== "None");
  if (!sure.length || sure.some((r) => ATTACKS.has(cueOf(r.intent) ?? "greet"))) return [c];
  if (noLeaning && read.some((r) => ATTACKS.has(cueOf(r.intent) ?? "greet"))) return [c];
  // (Split at a bare "and" only into different sure requests, one an edit: "3 seals and 2 gaskets for pump 2" and "take
  // the successor for the first and the successor for the second too" stay one.)
  if (noLeaning && !twoEdits(read)) return [c];
  return read.map((r) => (r.score >= INTENT_THRESHOLD ? r : { ...r, intent: "None" as const, score: 0 }));
}

/**
 * "Bestellnummer KV-4500-1187, bitte bestellen", "our PO is X, please order": a clause read as order details whose
 * part after a comma, with no number or code of its own, reads as placing the order is also that request.
 */
async function splitDetails(c: Clause, lang: Lang, classifier: IntentClassifier): Promise<Clause[]> {
  if (c.intent !== "details") return [c];
  const comma = c.text.lastIndexOf(",");
  if (comma < 0) return [c];
  const tail = span(c.text, comma + 1, c.text.length);
  if (!tail.text || HAS_DIGIT.test(tail.text)) return [c];
  const read = await classifier.classify(lang, maskEntities(tail.text));
  if (read.intent !== "checkout" || read.score < INTENT_THRESHOLD) return [c];
  const head = span(c.text, 0, comma);
  return [
    { ...c, ...head, start: c.start + head.start, end: c.start + head.end },
    { ...tail, start: c.start + tail.start, end: c.start + tail.end, ...read },
  ];
}

/** A clause that is no attack: order details with a request after a comma, an unsure clause read part by part, or its questions. */
async function splitOther(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
  asked: boolean,
): Promise<Clause[]> {
  const details = c.intent === "details" ? await splitDetails(c, lang, classifier) : [c];
  if (details.length > 1) return details;
  const parts = await splitUnsure(c, lang, classifier, options, asked);
  return parts.length > 1 ? parts.map((x) => ownTarget(x, options)) : splitQuestions(c, lang, classifier);
}

const MONEY = /(\d+(?:[.,]\d+)?\s?(?:eur|euro|euros|€|usd|\$|chf)(?![a-z])|(?:eur|€|\$)\s?\d+)/i;

export interface UnderstandOptions {
  /** Whether a text names one of the buyer's own machines (label, site, serial, model). */
  namesOwnMachine?: (text: string) => boolean;
  /**
   * The text without the name of the buyer's own company, when it names it ("Meyer von der <own company>"); undefined
   * when it does not.
   */
  withoutOwnCompany?: (text: string) => string | undefined;
  /**
   * What the catalog recognisers identify in a text (catalog words, the buyer's machines, codes, PO references):
   * placeholders for the sub-word reader of the classifier (`masks.ts`, `catalog-masks.ts`).
   */
  masks?: (text: string) => MaskSpan[];
}

/**
 * One clause's reading: SKU-like tokens left out, recognised spans masked for the sub-word reader. A clause that is an
 * order line said as names (a product with a machine or a count, no word asking for anything else: `order-line.ts`)
 * reads as one, whatever the classifier made of its function words. `asked`: the clause ends with a question mark.
 */
/**
 * "make it 3, PO number BR-77-12", "ok order one, PO X": a PO reference said with a request is order details beside
 * it — the request is read without it (the reference itself is read by `recognise.ts`). A clause that is little more
 * than the reference ("unsere Bestellnummer ist X") stays as it is: that is the details.
 */
function withoutPo(text: string, options: UnderstandOptions): string {
  const pos = (options.masks?.(text) ?? []).filter((m) => m.kind === "po").sort((a, b) => b.start - a.start);
  if (!pos.length) return text;
  let rest = text;
  for (const po of pos) rest = `${rest.slice(0, po.start)} ${rest.slice(po.end)}`;
  rest = rest.replace(/\s+/g, " ").replace(/^[\s,.;:]+|[\s,.;:]+$/g, "");
  return (rest.match(/\p{L}{2,}/gu) ?? []).length >= 2 ? rest : text;
}

async function classify(
  classifier: IntentClassifier,
  lang: Lang,
  text: string,
  options: UnderstandOptions,
  asked = false,
): Promise<Classification> {
  const said = withoutPo(text, options);
  const plain = maskEntities(said);
  const masks = options.masks?.(plain) ?? [];
  const c = await classifier.classify(lang, plain, masks);
  return options.masks && isOrderLine({ text: plain, masks, skuLike: plain !== said, asked, read: c })
    ? asOrderLine(c)
    : c;
}

/**
 * An order's other words ask to place it from this reading up (`Clause.beyondCount`): as sure as the decision's
 * clarifying threshold (from 0.6 the best reading is right about 9 times in 10) — "3, ja bitte" reads checkout 0.51
 * and only adds; "1 Stück bestelle" (without the count: "bestelle", checkout 0.83) also places.
 */
export const PLACE_THRESHOLD = 0.6;

/** "guet, 1 Stück bestelle", "ok, order 1 piece": an order with its count whose other words ask to place it. */
export function placesWithCount(u: Pick<Understanding, "clauses">): boolean {
  return u.clauses.some((c) => c.beyondCount?.intent === "checkout" && c.beyondCount.score >= PLACE_THRESHOLD);
}

/**
 * A count standing alone: digits ("1", "2x") or a number word ("eine", "two") — also at the end of a sentence
 * ("bstelled mir eine."); a decimal point or comma ("1.5", "2,5") joins it to a number.
 */
const COUNT_WORD =
  /(?<![\p{L}\p{N}.,/-])(?:\d+\s?[x×]?|[x×]\s?\d+|one|two|three|four|five|six|ten|ein|eine|einen|eins|eis|zwei|zwo|drei|vier|fünf|sechs|zehn)(?![\p{L}\p{N}/-]|[.,]\p{N})/iu;

/**
 * The reading of an order's other words (`Clause.beyondCount`): the clause without its count, and without the count
 * and the word after it ("1 Stück"), the surer of the two readings. Only for a clause read as an order with a count.
 */
async function beyondCount(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
): Promise<Classification | undefined> {
  if (c.intent !== "add") return undefined;
  // A PO reference said with it ("eins bestellen, unsere Bestellnummer ist X") is order details, not what it asks.
  let text = c.text;
  for (const po of (options.masks?.(text) ?? []).filter((x) => x.kind === "po").sort((a, b) => b.start - a.start))
    text = `${text.slice(0, po.start)} ${text.slice(po.end)}`;
  const m = COUNT_WORD.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const after = text.slice(m.index + m[0].length);
  const variants = [`${before} ${after}`, `${before} ${after.replace(/^\s*[\p{L}.]+/u, "")}`]
    .map((t) => t.replace(/\s+/g, " ").replace(/^[\s,.;:]+|[\s,.;:]+$/g, ""))
    .filter((t) => /\p{L}{2,}/u.test(t));
  let best: Classification | undefined;
  for (const v of new Set(variants)) {
    const r = await classify(classifier, lang, v, options);
    if (!best || r.score > best.score) best = r;
  }
  return best;
}

/**
 * Readings that throw away what the buyer asked for — a refusal as an order for another customer, clearing the whole
 * order — need evidence besides the classifier's confidence: a word that marks the intent in the corpus
 * (evidence.ts). The classifier weighs every word, so unknown words alone could tip it ("für die neue Halle" read as
 * cancel and emptied the order; "Motorstarter fürs Palettiergerät: …" as another customer's order).
 */
const NEEDS_EVIDENCE = new Set(["attack_identity", "cancel"]);

/**
 * "1x X für Kühlzelle Huber": a clause read as an order for another customer that names one of the buyer's own
 * machines is an order for that machine. Either reading without its evidence gives way to the clause's best reading
 * that is neither an attack nor a cancel.
 */
function ownTarget(c: Clause, options: UnderstandOptions): Clause {
  if (!NEEDS_EVIDENCE.has(c.intent)) return c;
  const own = c.intent === "attack_identity" && options.namesOwnMachine?.(c.text);
  if (!own && hasMarker(c.intent as Intent, c.text)) return c;
  const next = c.ranked?.find(
    (r) => !ATTACKS.has(cueOf(r.intent) ?? "greet") && !NEEDS_EVIDENCE.has(r.intent) && r.score > 0,
  );
  return next ? { ...c, intent: next.intent, score: next.score } : { ...c, intent: "None", score: 0 };
}

/**
 * "Moin, Meyer von der <own company>": a clause read as an order for another customer that names the buyer's own
 * company is read again without that name — the company is the account the buyer is signed in with. What still reads
 * as another customer's order without it ("<own company> here, book it on Krämer's account") stays one.
 */
async function ownCompany(
  c: Clause,
  lang: Lang,
  classifier: IntentClassifier,
  options: UnderstandOptions,
): Promise<Clause> {
  if (c.intent !== "attack_identity") return c;
  const rest = options.withoutOwnCompany?.(c.text);
  if (rest === undefined) return c;
  const again: Classification = rest.trim()
    ? await classify(classifier, lang, rest, options)
    : { intent: "None", score: 0 };
  if (again.intent === "attack_identity" && again.score >= INTENT_THRESHOLD) return c;
  return ownTarget({ ...c, ...again }, options);
}

/** The cues of these clauses: each clause's intent when the classifier is sure enough of it (and `keep` allows it). */
export function cuesOf(clauses: Clause[], keep: (c: Clause) => boolean = () => true): Set<Cue> {
  const cues = new Set<Cue>();
  for (const c of clauses) {
    const cue = cueOf(c.intent);
    if (cue && c.score >= thresholdOf(cue) && keep(c)) cues.add(cue);
    else if (cue && CHEAP.has(cue) && keep(c)) {
      // "einfach bestellen bitte": checkout 0.40, a weak attack 0.39 ("just place it" without the checks) — the
      // order or placing is read given that the clause is no attack, when the attack readings are too weak to refuse.
      const attacks = (c.ranked ?? []).filter((r) => ATTACKS.has(cueOf(r.intent) ?? "greet"));
      const weak = attacks.reduce((n, r) => n + r.score, 0);
      if (
        attacks.length &&
        attacks.every((r) => r.score < ATTACK_THRESHOLD) &&
        c.score / Math.max(1 - weak, Number.EPSILON) >= thresholdOf(cue)
      )
        cues.add(cue);
    } else if (cue && ATTACKS.has(cue)) {
      // An attack reading too weak to refuse does not swallow the request it may be: "Put through 1 X for line 2"
      // (attack_checks 0.54 from "push it through", add 0.40) is served by its best other reading, if that one is
      // sure enough — the engine still checks the line, and a weak attack stays on the clause for what reads it.
      // An order's score is read given that the clause is no attack — the share of the readings left once the
      // attack's is set aside ("Put through 1 X for line 2": attack 0.58, add 0.35, 0.83 of the rest): adding is
      // checked by the engine and placed only on the buyer's confirmation. Other readings keep their score: "price
      // per piece please, 0.10 EUR" (a weak price attack) is no price question about whatever product "0.10" matches.
      const next = c.ranked?.find((r) => r.intent !== c.intent && !ATTACKS.has(cueOf(r.intent) ?? "greet"));
      const nextCue = next && cueOf(next.intent);
      const given =
        nextCue && CHEAP.has(nextCue) ? Math.min(1, next!.score / Math.max(1 - c.score, Number.EPSILON)) : next?.score;
      if (next && nextCue && given !== undefined && given >= thresholdOf(nextCue)) cues.add(nextCue);
    }
  }
  return cues;
}

/** Courtesy the classifier reads at a clause's edge: a greeting before the request, a sign-off after it. */
const COURTESY = new Set<Intent>(["greet", "thanks"]);
/** Readings of the rest that undo what the buyer ordered: taken only on a sure reading. */
const UNDOING = new Set<Intent>(["remove", "cancel", "change"]);
/** Words an opening greeting ("hallo zusammen", "good morning team") or a sign-off ("thanks in advance") runs to. */
const EDGE_WORDS = 3;

/**
 * "morning place the order", "bestellen vielen dank", "hello team order it thanks in advance": a greeting or sign-off
 * typed into the request without a comma is a clause of its own, as it is with one ("Hello, order it. Thanks!") — the
 * words at the edge read as courtesy, what is left reads as something else (or holds a count). The edges that leave
 * the surest request are taken; a clause that is all courtesy ("hello team", "many thanks", "Grüß Gott aus Salzburg")
 * stays one.
 */
async function courtesyEdges(
  c: Span,
  lang: Lang,
  classifier: IntentClassifier,
  edges: { lead: boolean; tail: boolean },
): Promise<Span[]> {
  const words = [...c.text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (words.length < 2) return [c];
  const courtesy = async (from: number, to: number) => {
    const r = await classifier.classify(lang, maskEntities(c.text.slice(from, to)));
    return COURTESY.has(r.intent) && r.score >= INTENT_THRESHOLD;
  };
  const leads: number[] = [];
  for (let k = edges.lead ? Math.min(EDGE_WORDS, words.length - 1) : 0; k >= 1; k--)
    if (await courtesy(0, words[k - 1]!.end)) leads.push(k);
  const tails: number[] = [];
  for (let k = edges.tail ? Math.min(EDGE_WORDS, words.length - 1) : 0; k >= 1; k--)
    if (await courtesy(words[words.length - k]!.start, c.text.length)) tails.push(k);
  if (!leads.length && !tails.length) return [c];
  // The edges that leave the surest request: "hello team order" may read as a greeting, "order it" is what is asked.
  let cut: { lead: number; tail: number; middle: Span; score: number } | undefined;
  for (const lead of [...leads, 0])
    for (const tail of [...tails, 0]) {
      if ((!lead && !tail) || lead + tail >= words.length) continue;
      const middle = span(c.text, words[lead]!.start, words[words.length - 1 - tail]!.end);
      const read = await classifier.classify(lang, maskEntities(middle.text));
      // An order line's names and counts may read as nothing the corpus knows ("sensorleitung M12 10 m 4 stück").
      if (COURTESY.has(read.intent) || (read.intent === "None" && !HAS_DIGIT.test(middle.text))) continue;
      // The rest must read as a request surely enough to act on; "Grüß Gott aus Salzburg" is no "remove" (0.54): what
      // undoes the order needs the decision's clarifying bar.
      const cue = cueOf(read.intent);
      if (cue && read.score < (UNDOING.has(read.intent) ? PLACE_THRESHOLD : thresholdOf(cue))) continue;
      const score = read.intent === "None" ? 0 : read.score;
      if (!cut || score > cut.score) cut = { lead, tail, middle, score };
    }
  if (!cut) return [c];
  const { lead, tail, middle } = cut;
  const at = (x: Span): Span => ({ ...x, start: c.start + x.start, end: c.start + x.end });
  return [
    ...(lead ? [at(span(c.text, 0, words[lead - 1]!.end))] : []),
    at(middle),
    ...(tail ? [at(span(c.text, words[words.length - tail]!.start, c.text.length))] : []),
  ];
}

export async function understand(
  text: string,
  lang: Lang,
  classifier: IntentClassifier,
  now?: Date,
  options: UnderstandOptions = {},
): Promise<Understanding> {
  // The sizes of a long message are read first, paced (the classification below reads them for its masks).
  await recogniseMeasuresPaced(text);
  // Courtesy opens a message or closes it.
  const spans: Span[] = [];
  const split = splitClauses(text);
  for (const [i, s] of split.entries()) {
    await breathe();
    spans.push(...(await courtesyEdges(s, lang, classifier, { lead: i === 0, tail: i === split.length - 1 })));
  }
  const clauses: Clause[] = [];
  for (const s of spans) {
    await breathe();
    const asked = /^\s*\?/.test(text.slice(s.end));
    const c = ownTarget({ ...s, ...(await classify(classifier, lang, s.text, options, asked)) }, options);
    // A clause read as an attack, even a weak one, may be two requests.
    const attackish = ATTACKS.has(cueOf(c.intent) ?? "greet") && c.score >= INTENT_THRESHOLD;
    clauses.push(
      ...(attackish
        ? (await splitAttack(c, lang, classifier, options)).map((x) => ownTarget(x, options))
        : await splitOther(c, lang, classifier, options, asked)),
    );
  }
  for (const [i, c] of clauses.entries()) {
    await breathe();
    clauses[i] = await ownCompany(c, lang, classifier, options);
  }
  for (const [i, c] of clauses.entries()) {
    await breathe();
    const beyond = await beyondCount(c, lang, classifier, options);
    if (beyond) clauses[i] = { ...c, beyondCount: beyond };
  }
  const cues = cuesOf(clauses, (c) => !ATTACKS.has(cueOf(c.intent) ?? "greet") || knowsWords(classifier, c.text));
  if (MONEY.test(text) && HAS_DIGIT.test(text)) cues.add("price_named");
  // A refusal drops the clause: it needs a reading grounded in words the classifier knows ("60 m Kapillarrohr 1,0 mm"
  // has none — numbers and units alone are no request to change a price).
  const attackClauses = clauses.filter((c) => isAttack(c) && knowsWords(classifier, c.text));
  const attack = attackClauses[0] ? (cueOf(attackClauses[0].intent) as AttackCue) : undefined;
  const rest = attackClauses.length
    ? clauses
        .filter((c) => !attackClauses.includes(c))
        .map((c) => c.text)
        .join(", ")
    : text;
  if (attack) for (const a of ATTACKS) cues.delete(a);
  const measures = await recogniseMeasuresPaced(text);
  const dated = await recogniseDatePaced(text, lang, now, measures);
  const date = dated?.iso;
  return {
    lang,
    clauses,
    cues,
    ...(attack ? { attack } : {}),
    rest,
    measures,
    negated: negatedSpans(text, spans),
    ...(date ? { date } : {}),
    ...(dated && CALENDAR_DATE.test(dated.text) ? { dateText: dated.text } : {}),
  };
}
