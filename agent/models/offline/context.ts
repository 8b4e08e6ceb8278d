/**
 * What one decision of the offline consultant works with: the conversation, the catalog knowledge, the buyer's
 * message read once (quantities, machine, product guess), and small lookups shared by the decision's parts.
 */
import type { Conversation, DraftView, MachineView, Memo, Pending } from "./conversation.ts";
import { FILLER, sizeNumber, type Cue, type Lang } from "./language.ts";
import { unitDecimals } from "../../../tools/checks/quantity.ts";
import { unitCodesLike } from "../../../tools/messages/units.ts";
import {
  INTENT_THRESHOLD,
  placesWithCount,
  recogniseMeasures,
  type Measure,
  type Understanding,
  withoutCalendarWeeks,
} from "./nlu/understand.ts";
import { acrossTurnsFor, inTurn } from "./turn-memo.ts";
import { RUNNER_UP } from "./dialogue.ts";

const measureMemo = new Map<string, Measure[]>();
/** Recognised measures of a text, memoised: one buyer message is read by several model calls. */
function measuresOf(text: string): Measure[] {
  let m = measureMemo.get(text);
  if (!m) {
    if (measureMemo.size > 2000) measureMemo.clear();
    measureMemo.set(text, (m = recogniseMeasures(text)));
  }
  return m;
}
import type { Intent } from "./nlu/corpus.ts";
import { evaluateRule } from "../../../tools/checks/compatibility.ts";
import { readShipTo } from "./ship-to.ts";
import { logisticsOnly } from "./logistics.ts";
import { STILL_HELD } from "./still-held.ts";
import { stemOf } from "../../../catalog/queries/search.ts";
import { foldUmlauts } from "./nlu/subwords.ts";

/** Intents that steer the conversation and name no product. */
export const CONVERSATIONAL = new Set<Intent>([
  "greet",
  "thanks",
  "affirm",
  "checkout",
  "cancel",
  "show_order",
  "help",
  "history",
  "list_machines",
  "details",
  "None",
]);
import {
  baseOf,
  foldedForms,
  findLineRef,
  findMachines,
  type MachineMatch,
  findOptions,
  findQuantities,
  numberWordValue,
  guessProduct,
  countsNothingBefore,
  leadsMachine,
  limitedCount,
  LOOSE_UNIT_WORDS,
  ONE_ITEM_WORDS,
  nameWords,
  decimalValue,
  poReferenceSpan,
  readyMade,
  measureWord,
  asksForBuild,
  sizeTokensOf,
  tokenizeText,
  wordsOf,
  type Knowledge,
  type ProductGuess,
  type QuantityMatch,
  type Token,
} from "./recognise.ts";

export interface ToolCallPlan {
  name: string;
  args: Record<string, unknown>;
}

export interface Step {
  text?: string;
  calls?: ToolCallPlan[];
  memo: Memo;
}

export interface Ctx {
  conv: Conversation;
  k: Knowledge;
  lang: Lang;
  u: Understanding;
  cues: Set<Cue>;
  tokens: Token[];
  tools: Set<string>;
  /** When the consultant goes on to place_order (`OfflineModelDeps.checkout`). */
  checkout: CheckoutPolicy;
  analyses: Map<string, Analysis>;
}

/** `when-ready`: as soon as the order is complete and clean (the shield asks the buyer); `on-request`: when asked. */
export type CheckoutPolicy = "when-ready" | "on-request";

export type MemoFn = (pending?: Pending, focusSku?: string) => Memo;

export interface Analysis {
  quantity?: { value: number; unit?: string };
  machine?: MachineView;
  machineCandidates: MachineView[];
  guess?: ProductGuess;
  productWords: string[];
}

/**
 * Whether the message asks to place the order: a checkout reading, or — "bitte bestellen eine Stück", a count with the
 * order verb — an add reading whose runner-up is placing the order, a real alternative (at `RUNNER_UP`).
 * "guet, 1 Stück bestelle": the words of an order beside its count read as placing it (`placesWithCount`).
 */
/**
 * "1 Karton vom H1-Fett" where the product is "…, Karton mit 12 Kartuschen" sold per case: a pack word the product's
 * own name carries (in any language of the catalog) names the pack the product is sold in, its order unit — whatever
 * unit code the word has elsewhere (a box). A count in the unit the pack holds ("12 Kartuschen") stays in that unit.
 */
export function ownPackUnit(ctx: Ctx, sku: string, unit: string | undefined): string | undefined {
  if (!unit) return unit;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || unit === p.orderUnit || unit === p.contentUnit) return unit;
  // "3 Stück" of a 2.5 kg can, "2 pieces" of a 15 kg spool: what the pack holds is measured, not counted, so a piece
  // can only be the pack itself — the count is of the product's order unit (not a unit mismatch to ask about).
  if (unit === "PCE" && countsPacks(p)) return p.orderUnit;
  const names = ctx.k.allNames([sku]).get(sku) ?? p.name;
  return tokenizeText(names).some((t) => ctx.k.unitCodes.get(t.lower) === unit) ? p.orderUnit : unit;
}

/** Whether a piece of the product can only be its pack: a counted order unit holding a measure (kg, l) or nothing. */
function countsPacks(p: { orderUnit: string; contentUnit: string; contentQty: number }): boolean {
  if (p.orderUnit.toUpperCase() === "PCE" || unitDecimals(p.orderUnit) > 0) return false;
  return unitDecimals(p.contentUnit) > 0;
}

export function ordersToo(ctx: Ctx): boolean {
  return (
    ctx.cues.has("checkout") ||
    placesWithCount(ctx.u) ||
    ctx.u.clauses.some(
      (c) => c.intent === "add" && !!c.ranked?.some((r) => r.intent === "checkout" && r.score >= RUNNER_UP),
    )
  );
}

export function analyse(ctx: Ctx, text = ctx.conv.text): Analysis {
  // One reading per text and decision: the same message is consulted by several branches.
  let a = ctx.analyses.get(text);
  if (!a) ctx.analyses.set(text, (a = looseUnit(ctx, text, readText(ctx, text))));
  return a;
}

/** The readings of whole messages under way (`messageMachine` reads the whole message for a part of it). */
const readingWhole = new WeakSet<Map<string, Analysis>>();

/**
 * The machine the message names, for a part of it (an item of a list) that names none of its own — not while the
 * whole message is being read itself, nor for a text from elsewhere (the message before).
 */
function messageMachine(ctx: Ctx, part: string): MachineView | undefined {
  const whole = ctx.conv.text;
  if (part === whole || !whole.includes(part.trim()) || readingWhole.has(ctx.analyses)) return undefined;
  if (ctx.analyses.has(whole)) return ctx.analyses.get(whole)!.machine;
  readingWhole.add(ctx.analyses);
  try {
    return analyse(ctx, whole).machine;
  } finally {
    readingWhole.delete(ctx.analyses);
  }
}

/**
 * "1 carton" of grease sold per carton of 12 is one carton; "2 cartons" of an adhesive sold in bags says nothing of
 * which pack: a unit word buyers use loosely (`LOOSE_UNIT_WORDS`) counts in its unit only where a candidate is sold
 * in it (or holds it); otherwise the text is read as if the word were no unit — never a pack the product is not sold
 * in.
 */
function looseUnit(ctx: Ctx, text: string, a: Analysis): Analysis {
  const unit = a.quantity?.unit;
  if (!unit || !a.guess) return a;
  const loose = tokenizeText(text).filter(
    (t) => LOOSE_UNIT_WORDS.has(t.lower) && ctx.k.unitCodes.get(t.lower) === unit,
  );
  if (loose.length === 0) return a;
  const alike = new Set(unitCodesLike(unit));
  const candidates = a.guess.confident ? a.guess.hits.slice(0, 1) : a.guess.hits.slice(0, 5);
  const products = ctx.k.reader.products(candidates.map((h) => h.sku));
  const soldIn = (sku: string) => {
    const p = products.get(sku);
    return !!p && (alike.has(p.orderUnit.toUpperCase()) || alike.has(p.contentUnit.toUpperCase()));
  };
  if (candidates.some((h) => soldIn(h.sku))) return a;
  const codes = new Map([...ctx.k.unitCodes].filter(([w]) => !LOOSE_UNIT_WORDS.has(w)));
  const k = Object.create(ctx.k, { unitCodes: { value: codes } }) as Ctx["k"];
  return readText({ ...ctx, k, analyses: new Map() }, text);
}

/** "so einen wie …", "genauso wie …", "like the one …", "the same as on …": a comparison, to the end of its sentence. */
const COMPARED =
  /(?<![\p{L}])(?:(?:so\s+)?(?:einen|eine|eins|einer)\s+wie|genauso\s+wie|wie\s+(?:beim|bei|am|im)|like\s+the\s+ones?|(?:the\s+)?same\s+as\s+(?:on|for|at|in))(?![\p{L}])[^.;!?]*/giu;

/**
 * "the 24V one like we have in proofer 2", "so wie wir ihn im Ofen 2 haben": a product compared with the one on
 * another machine of the buyer's, to the end of its clause (what follows a comma is asked for again).
 */
const HAVE_ON =
  /(?<![\p{L}])(?:like\s+(?:the\s+ones?\s+|what\s+|that\s+)?(?:we|i)(?:'ve)?\s+(?:have|had|got|use|used|run)\s+(?:in|on|at|for)|(?:so\s+)?wie\s+(?:wir|ich)\s+(?:ihn|sie|es|einen|eine|eins|den|die|das)?\s*(?:im|in|am|an|bei|beim|auf|für|fürs))(?![\p{L}])[^.;!?,]*/giu;

/**
 * "instead of line 3", "6 Eimer statt 4", "anstelle von Zelle 2": what the buyer moves away from, up to the end of the
 * clause or the next "and"/"but" — neither the machine, the product nor the quantity they ask for.
 */
const REPLACED =
  /\b(?:instead of|rather than|in place of|anstatt|statt|anstelle(?: von)?)\b[^,.;!?]*?(?=\s+(?:and|but|und|aber|sondern)\b|[,.;!?]|$)/giu;

/**
 * "ist das auf Lager?", "habt ihr die am Lager", "is it in stock": the idiom asks whether something is there — its noun
 * names no product, even in a catalog whose names use the word (a "Lager" is also a bearing).
 */
const STOCK_IDIOM = /(?<![\p{L}])(?:auf|am|ab|vom|in|from|ex|on)\s+(?:lager|stock)(?![\p{L}])/giu;

/** "nicht für Zelle 2 sondern für die Entgratpresse", "not X but Y": the negation ends where what is meant begins. */
const negatedPart = (text: string) => text.split(/\s(?:sondern|but|rather|aber)\s/iu)[0]!;

/**
 * The machines a correction moves away from ("for freezer 3, not freezer 1", "nicht für Zelle 2, sondern …",
 * "instead of line 3"): machines named only inside negated or replaced words.
 */
export function retractedMachines(ctx: Ctx): MachineView[] {
  const spans = [...ctx.u.negated.map((n) => negatedPart(n.text)), ...(ctx.conv.text.match(REPLACED) ?? [])];
  const machines = ctx.conv.machines ?? [];
  return spans.flatMap((t) =>
    findMachines(tokenizeText(t), machines, ctx.k.common, ctx.k.phraseGroups, ctx.k.ordinary).map((m) => m.machine),
  );
}

/**
 * Numbers that are no count: a signed one ("the cold store is at -18") and one that with the word before it names a
 * place of the buyer's machines ("freezer 3 hall 2" where a site reads "Hub Ulm, hall 2").
 */
function placeNumbers(ctx: Ctx, text: string, tokens: readonly Token[]): number[] {
  const plain = text.normalize("NFKC");
  const places = (ctx.conv.machines ?? []).flatMap((m) => {
    const t = tokenizeText(`${m.site ?? ""} , ${m.label}`).map((x) => x.lower);
    return t.flatMap((w, i) =>
      i > 0 && /^\d+$/.test(w) && /\p{L}/u.test(t[i - 1]!) ? [{ word: t[i - 1]!, number: w }] : [],
    );
  });
  return tokens.flatMap((t, i) => {
    if (!/^\d/.test(t.lower)) return [];
    const sign = plain[t.start - 1];
    if ((sign === "-" || sign === "−") && (t.start < 2 || /\s/.test(plain[t.start - 2]!))) return [t.index];
    // The place's word goes with its number: neither names the product. "Halle 2" for a site's "hall 2" too.
    const before = i > 0 ? tokens[i - 1]!.lower : "";
    return places.some((p) => p.number === t.lower && samePlaceWord(before, p.word))
      ? [tokens[i - 1]!.index, t.index]
      : [];
  });
}

/**
 * The words of the buyer's machine labels the text names ("line" of "Line 3"), unless the label's number is a line of
 * the order ("change line 2" with an L2 on the order is about that line).
 */
/**
 * The text without the clauses of the message that only say where or when the goods go (`logisticsOnly`), or that the
 * buyer still has something (`withoutHeldRemarks`) — unless nothing else is left of it.
 */
export function withoutLogistics(ctx: Ctx, text: string): string {
  const labels = new Set(
    (ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label).filter((w) => w.length > 2 && !/\d/.test(w))),
  );
  let out = text;
  for (const c of ctx.u.clauses)
    if (out.includes(c.text) && out.replace(c.text, " ").trim() && logisticsOnly(ctx.k, c, labels))
      out = out.replace(c.text, " ");
  return withoutHeldRemarks(ctx, out);
}

/** A word that leaves something off ("ohne die Kette", "not the X"); the spoken "no" of "hamma no" is none. */
const SAYS_NO = /(?<![\p{L}])(?:ohne|without|not|nicht|kein\p{L}*|außer|ausser|except)(?![\p{L}])/iu;

/**
 * "… 8 m of the hose like in October. Armaturen haben wir noch", "…, the fittings we have in store": the text without
 * the clauses that only say the buyer still holds something they name (no count, no question, not themselves a
 * removal — "…, remove them" is read as one): they name nothing asked for. Unless nothing else is left of it.
 */
export function withoutHeldRemarks(ctx: Ctx, text: string): string {
  let out = text;
  for (const c of ctx.u.clauses) {
    if (!out.includes(c.text) || !out.replace(c.text, " ").trim() || !STILL_HELD.test(c.text)) continue;
    // ("aber ohne die Kette, die haben wir noch": a clause that leaves something off is read as it says.)
    if (/\d/.test(c.text) || SAYS_NO.test(c.text) || c.intent === "remove" || c.intent === "cancel") continue;
    if (ctx.conv.text.slice(c.end).trimStart().startsWith("?")) continue;
    // ("…, aber ohne die Kette, die haben wir noch": a remark that names nothing itself gives the reason of another.)
    if (!wordsOf(c.text.replace(STILL_HELD, " ")).some((w) => w.length > 2 && !FILLER.has(w))) continue;
    out = out.replace(c.text, " ");
  }
  return out;
}

function machineLabelWords(ctx: Ctx, raw: string): Set<string> {
  const machines = ctx.conv.machines ?? [];
  if (!machines.length) return new Set();
  const tokens = tokenizeText(raw);
  const lineNumbers = new Set(ctx.conv.draft.lines.map((l) => l.lineId.replace(/^\D+/u, "")));
  return new Set(
    machinesIn(ctx, raw, tokens)
      .map((m) => m.tokens.map((i) => tokens[i]!.lower))
      .filter((words) => !words.some((w) => /^\d+$/.test(w) && lineNumbers.has(w)))
      .flat(),
  );
}

/** Where the last word of the buyer's machines `text` names ends (0 when it names none): "for the old UV| we need …". */
export function machineWordsEnd(ctx: Ctx, text: string): number {
  const tokens = tokenizeText(text);
  const at = machinesIn(ctx, text, tokens).flatMap((m) => m.tokens);
  if (at.length === 0) return 0;
  const last = tokens[Math.max(...at)]!;
  return last.start + last.text.length;
}

/** The buyer's machines `text` names, once per turn and text (the raw message and its reading share the answer). */
export function machinesIn(ctx: Ctx, text: string, tokens: Token[]): MachineMatch[] {
  const machines = ctx.conv.machines ?? NO_MACHINES;
  // Kept from turn to turn (the same machines, written alike, and the catalog's words): what is kept names each
  // machine by its place in the list, and a turn gets its own machine objects back.
  const found = acrossTurnsFor(ctx.k, `machines\u0000${text}\u0000${machinesKey(machines)}`, () =>
    findMachines(tokens, machines, ctx.k.common, ctx.k.phraseGroups, ctx.k.ordinary, ctx.k.catalogWord).map((m) => ({
      at: machines.indexOf(m.machine),
      score: m.score,
      tokens: m.tokens,
    })),
  );
  return found.map((m) => ({ machine: machines[m.at]!, score: m.score, tokens: [...m.tokens] }));
}

const NO_MACHINES: MachineView[] = [];
const machineKeys = new WeakMap<MachineView[], string>();
/** A short name per distinct machine list as written (its JSON), never reused: memo keys stay short. */
const machineListIds = new Map<string, string>();
let machineListCount = 0;
/**
 * The buyer's machines as a memo key, read once per list (a decision asks for the machines of many texts, and the
 * calls of a thread share their list: conversation.ts): lists written alike get the same key.
 */
function machinesKey(machines: MachineView[]): string {
  let key = machineKeys.get(machines);
  if (key === undefined) {
    const json = JSON.stringify(machines);
    key = machineListIds.get(json);
    if (key === undefined) {
      if (machineListIds.size >= 10_000) machineListIds.clear();
      machineListIds.set(json, (key = `#${++machineListCount}`));
    }
    machineKeys.set(machines, key);
  }
  return key;
}

/** A place word as written or in the other language's spelling of it ("Halle" for "hall", "Linie" for "line"). */
function samePlaceWord(said: string, site: string): boolean {
  if (said === site) return true;
  const [short, long] = said.length <= site.length ? [said, site] : [site, said];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short.slice(0, -1));
}

/** "for the same machine", "für die gleiche Anlage", "same truck": sameness and the word after it. */
const SAME_THING =
  /(?<![\p{L}])(?:same|gleiche[nmrs]?|dieselbe[n]?|derselbe[n]?|demselben|selbe[nmr]?)\s+(\p{L}+)(?![\p{L}])/giu;
/** Words for a machine of any trade. */
const MACHINE_WORDS = /^(?:machine|maschine|anlage|unit|equipment|gerät|geraet|system|asset)$/;

/**
 * "Also 2 cylinders for the same machine", "dazu 2 Schaugläser für dieselbe Anlage": the machine of a list of what fits
 * it that is still open, else of the order's lines — the one they share, else the latest line's — when sameness names
 * a machine (a word for a machine, or a word of the buyer's machines' labels and models) and the text names no machine
 * itself.
 */
function sameMachine(ctx: Ctx, text: string): MachineView | undefined {
  const machines = ctx.conv.machines ?? [];
  const lines = ctx.conv.draft.lines.filter((l) => l.machineId);
  // After a list of what fits a machine ("For Baler I found: …"), that machine was named last.
  const pending = ctx.conv.memo.pending;
  const listed = pending?.kind === "choose_product" || pending?.kind === "quantity" ? pending.machineId : undefined;
  if (!machines.length || (!lines.length && !listed)) return undefined;
  const words = new Set(
    machines.flatMap((m) =>
      wordsOf(`${m.label} ${m.modelName ?? ""}`).filter((w) => w.length > 2 && !/\d/.test(w) && !FILLER.has(w)),
    ),
  );
  const named = [...text.matchAll(SAME_THING)].some((m) => {
    const w = m[1]!.toLowerCase();
    return MACHINE_WORDS.test(w) || words.has(w) || words.has(w.replace(/(?:e|en|n|s)$/, ""));
  });
  if (!named) return undefined;
  const ids = new Set(lines.map((l) => l.machineId!));
  const id = listed ?? (ids.size === 1 ? [...ids][0]! : lines.at(-1)!.machineId!);
  return machines.find((m) => m.machineId === id);
}

/**
 * The machines found that are still found in the words as said (`said`, before the words that only steer the
 * conversation left them — "gleiche" among them) without the word after a word of sameness.
 */
function pointsBack(ctx: Ctx, said: string, machines: MachineMatch[]): MachineMatch[] {
  if (machines.length === 0 || said.search(SAME_THING) < 0) return machines;
  const bare = said.replace(SAME_THING, (m, word: string) => m.slice(0, m.length - word.length));
  const still = new Set(machinesIn(ctx, bare, tokenizeText(bare)).map((m) => m.machine));
  return machines.filter((m) => still.has(m.machine));
}

/** Whether every machine the text names is named in a comparison ("the 24V one like we have in proofer 2"). */
export function machineOnlyCompared(ctx: Ctx, text: string): boolean {
  const spans = [...text.matchAll(COMPARED), ...text.matchAll(HAVE_ON)];
  if (spans.length === 0) return false;
  const rest = spans.reduce((t, m) => t.replace(m[0], " "), text);
  return machinesIn(ctx, rest, tokenizeText(rest)).length === 0;
}

/**
 * The buyer's words that name the product found: a word of its name or SKU, or its plural ("coils" of "Solenoid coil",
 * "Magnetspulen" of "Magnetspule").
 */
export function guessWords<T extends { lower: string }>(words: readonly T[], guess: ProductGuess | undefined): T[] {
  if (!guess) return [];
  const names = (guess.confident ? guess.hits.slice(0, 1) : guess.hits.slice(0, 3)).flatMap((h) =>
    wordsOf(`${h.name} ${h.sku}`).filter((w) => w.length >= 3 && !/^\d+$/.test(w)),
  );
  const sameWord = (a: string, b: string) => {
    const n = Math.min(a.length, b.length);
    return a === b || (n >= 4 && a.slice(0, Math.max(4, n - 1)) === b.slice(0, Math.max(4, n - 1)));
  };
  return words.filter((t) => names.some((w) => sameWord(t.lower, w)));
}

/** The product found (the lead, or any candidate of an unsure guess) is already a line of the order. */
export function onTheOrder(ctx: Ctx, guess: ProductGuess): boolean {
  const skus = new Set(ctx.conv.draft.lines.map((l) => l.sku));
  return (guess.confident ? guess.hits.slice(0, 1) : guess.hits).some((h) => skus.has(h.sku));
}

/** A clause boundary between two tokens: a comma or semicolon, or a joining word ("und noch", "and also", "plus"). */
const JOINING = /^(?:und|and|plus|sowie|dazu|außerdem|ausserdem|zusätzlich|additionally)$/u;

/**
 * "ok dann 1 Stück, und noch 2 Magnetspulen", "fine, keep 1 of those, and add 3 coils": of counts in different clauses,
 * the one in the clause of the product's words counts it — the other restates (or changes) a line already on the order.
 * Counts all beside the product's words, or none, are kept as they are.
 */
function besideProduct<Q extends { tokens: number[] }>(
  ctx: Ctx,
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
  guess: ProductGuess | undefined,
  counted: Q[],
): Q[] {
  // Only beside a line already on the order (the other count restates or changes it), for a product the order lacks:
  // "genau, 4 Kugeln, also 2 Paar" says one count twice.
  if (counted.length < 2 || !guess || ctx.conv.draft.lines.length === 0 || onTheOrder(ctx, guess)) return counted;
  const free = tokens.filter((t) => !taken.has(t.index) && /\p{L}{3,}/u.test(t.lower));
  // The words of the product found (a name word or its plural, "coils" of "Solenoid coil"); else the words that are
  // no ordinary language.
  const named = guessWords(free, guess);
  const words = named.length ? named : free.filter((t) => !ctx.k.ordinary(t.lower));
  if (words.length === 0) return counted;
  const apart = (a: number, b: number) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    for (let i = from; i < to; i++) {
      if (/[,;]/.test(tokens[i]!.tail ?? "")) return true;
      if (i > from && JOINING.test(tokens[i]!.lower)) return true;
    }
    return false;
  };
  const beside = counted.filter((q) => words.some((w) => q.tokens.some((i) => !apart(i, w.index))));
  return beside.length > 0 && beside.length < counted.length ? beside : counted;
}

function readText(ctx: Ctx, raw: string): Analysis {
  // What the buyer negated ("not a new X", "no Y needed") is not what they ask for.
  let text = raw;
  for (const n of ctx.u.negated) text = text.replace(negatedPart(n.text), " ");
  text = text.replace(REPLACED, " ").replace(STOCK_IDIOM, " ");
  // "so einen wie wir im April für den Freezer 3 bekommen haben", "like the one we got for freezer 3": a machine named in
  // a comparison is not the one the part is for, when the message names another outside it.
  const compared = [...text.matchAll(COMPARED), ...text.matchAll(HAVE_ON)].filter(
    (m) => machinesIn(ctx, m[0], tokenizeText(m[0])).length > 0,
  );
  if (compared.length) {
    const rest = compared.reduce((t, m) => t.replace(m[0], " "), text);
    if (machinesIn(ctx, rest, tokenizeText(rest)).length > 0) text = rest;
  }
  // "… und das Wartungsset. Kommt alles nach Cloppenburg auf den Hof": a clause that only says where or when the goods
  // go names no product and no machine (the address and the date are read from the whole message).
  text = withoutLogistics(ctx, text);
  // "… and deliver them to the Bremen cross-dock": the words that name a delivery address name no product.
  for (const w of readShipTo(raw, ctx.conv.shipTos ?? []).words)
    text = text.replace(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, "u"), " ");
  // "PO 4711-B: 2 X": the reference is neither a quantity nor a product word.
  const po = poReferenceSpan(text);
  if (po) text = `${text.slice(0, po.start)} ${text.slice(po.end)}`;
  // "bis KW 50", "in CW 2": a calendar week says when (the date is read from the whole message), never how many.
  text = withoutCalendarWeeks(text);
  // "bis zum 14. Dezember", "deliver on 12/15": the date's numbers say when, never how many nor which product.
  if (ctx.u.dateText) text = text.replace(ctx.u.dateText, " ");
  // Clauses that only steer the conversation ("place the order", "yes") name no product, whatever their words — but
  // a machine label among them stays: "Line 3" of a packaging line is the machine where the order has no line 3.
  const labelWords = machineLabelWords(ctx, raw);
  // "plus 2 X for the same machine": the clause may read as a reorder ("the same" as last time) and lose its words
  // below — the sameness of the machine is read before.
  const saying = text;
  for (const c of ctx.u.clauses) {
    if (!CONVERSATIONAL.has(c.intent) || c.score < INTENT_THRESHOLD) continue;
    // "Luftkühler nach Konfiguration, Baugröße UC4, …" heard as order details: a clause that asks for a build to
    // order names the product built.
    if (asksForBuild(c.text)) continue;
    // "The same X as last time for line 3, 6 pcs": unit words and words that lead a number stay in a history
    // request — they tell the quantity from a reference.
    const history = c.intent === "history";
    // "doch nur eins" read as a yes still says how many.
    // ("die 50er Packs": letters glued to a number are part of that word — the "er" of "50er" is no pronoun.)
    const kept = c.text.replace(/(?<![\p{N}])[\p{L}']+/gu, (w, at: number) =>
      ctx.k.corpusWords.has(w.toLowerCase()) &&
      !labelWords.has(w.toLowerCase()) &&
      !limitedCount(c.text.slice(0, at), w) &&
      // "fan motor 500 mm": a measure's unit after its number keeps the number a size, not how many.
      // ("ach mach 120 liter" heard as a yes: the unit after a number says what the count counts.)
      !(
        (ctx.k.measureUnits.has(w.toLowerCase()) || ctx.k.unitCodes.has(w.toLowerCase())) &&
        /\d\s*$/.test(c.text.slice(0, at))
      ) &&
      !(
        history &&
        (ctx.k.unitCodes.has(w.toLowerCase()) ||
          /^\s*\d/.test(c.text.slice(at + w.length)) ||
          // ("for truck 7 the filters same as last time": the words that lead a machine's name and number stay with
          // them — the number is the machine's, not how many.)
          (leadsMachine(w.toLowerCase()) && /^\s+(?:\p{L}+\s+)?\p{L}+\s+\d/u.test(c.text.slice(at + w.length))) ||
          (countsNothingBefore(w.toLowerCase()) && /(?:^|\s)\p{L}{3,}\s+\d+\s+$/u.test(c.text.slice(0, at))))
      )
        ? " "
        : w,
    );
    text = text.replace(c.text, kept);
  }
  const tokens = tokenizeText(text);
  // Both readings below depend only on the words, the catalog and what their keys name: once per turn.
  const machines = machinesIn(ctx, text, tokens);
  const taken = new Set<number>(machines.flatMap((m) => m.tokens));
  const machineTaken = new Set(taken);
  const sizeTokens = sizeTokensOf(tokens, measuresOf(text), ctx.k);
  // "Our pump in the hall is leaking, which seal?": words that name the buyer's machines describe the target, not
  // the product, when other product words remain.
  const machineWords = new Set(
    (ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label).filter((w) => w.length > 2 && !/\d/.test(w))),
  );
  const content = (t: Token) =>
    !taken.has(t.index) && t.lower.length > 2 && !/\d/.test(t.lower) && !FILLER.has(t.lower);
  const aboutMachine = tokens.filter((t) => content(t) && machineWords.has(t.lower));
  if (
    machines.length &&
    aboutMachine.length &&
    tokens.some((t) => content(t) && !machineWords.has(t.lower) && !ctx.k.ordinary(t.lower))
  )
    for (const t of aboutMachine) taken.add(t.index);
  for (const i of placeNumbers(ctx, text, tokens)) taken.add(i);
  for (const i of verbsAfterSubject(ctx, tokens)) taken.add(i);
  for (const i of oldOnesOwn(tokens)) taken.add(i);
  let quantities = findQuantities(tokens, ctx.k, new Set([...taken, ...sizeTokens]));
  const lineNames = orderLineNames(ctx);
  // "+ 2 return filter elements same press", "für dieselbe Presse": a word of the machines' labels after a word of
  // sameness points back at the machine named before — a machine only it names ("Press 3" for "press") is not meant.
  const ownMachines = pointsBack(ctx, saying, machines);
  const machine =
    ownMachines.length === 1 ? ownMachines[0]!.machine : ownMachines.length ? undefined : sameMachine(ctx, saying);
  const contextId = ctx.conv.draft.machineId ?? contextMachine(ctx.conv.memo.pending, ctx.conv.draft);
  const draftMachine = contextId ? ctx.conv.machines?.find((m) => m.machineId === contextId) : undefined;
  // "für die Formatsäge" with an old and a new one of one model: what fits is searched for that model all the same.
  const sameModel =
    machines.length > 1 && machines.every((m) => m.machine.model === machines[0]!.machine.model)
      ? machines[0]!.machine
      : undefined;
  const target = machine ?? sameModel ?? draftMachine;
  const guessWith = (qs: QuantityMatch[]) => {
    const skip = new Set([...taken, ...qs.flatMap((q) => q.tokens)]);
    const on = target ? { model: target.model, serial: target.serial } : undefined;
    const key = `guess\u0000${text}\u0000${[...skip].sort((a, b) => a - b).join()}\u0000${on ? `${on.model}\u0000${on.serial}` : ""}`;
    return inTurn(ctx.k, key, () => namedOverFitting(ctx, tokens, skip, guessProduct(tokens, skip, ctx.k, on), on));
  };
  // "200 m of X in 100 m rings", "4 sensor cables M12 5 m": a second amount in a measure, or a measure next to a
  // count of things, describes the product (a ring's or a cable's length) — unless the product is sold in it.
  const specs = measureSpecs(quantities);
  const each = eachOf(tokens, quantities);
  let guess = guessWith(quantities.filter((q) => !specs.includes(q)));
  // "the 1 kg ones, 4 cans": the words of a measure that describes the product (its unit) name no product alone.
  const specWords = new Set(specs.flatMap((q) => q.tokens.map((i) => tokens[i]!.lower)));
  if (guess && onlyWords(guess.query, specWords)) guess = undefined;
  const inPack = guess && specs.length ? otherPack(ctx, guess, specs) : undefined;
  if (inPack) guess = inPack;
  // "12 Kabel 5 m", "4 sensor cables 5 m" among cables by the metre and ready-made ones: beside a plain count, a
  // measure that a candidate sold by the piece has (its length) names that candidate; the count says how many.
  const pieces =
    !inPack && guess && !guess.confident && quantities.some((q) => !q.unit) ? piecesDescribed(ctx, guess, specs) : [];
  if (pieces.length) guess = { ...guess!, hits: pieces, confident: pieces.length === 1 };
  if (
    !inPack &&
    !pieces.length &&
    specs.length &&
    guess &&
    specs.some((q) => soldIn(ctx, guess!, q.unit!) && !packContent(ctx, guess!, q)) &&
    !quantities.some((q) => q.unit && !specs.includes(q))
  )
    guess = guessWith(quantities);
  else quantities = quantities.filter((q) => !specs.includes(q));
  if (!inPack && guess) {
    // (Not an amount that was read as how much is ordered: "200 m of X" sold by the metre.)
    const counts = new Set(quantities.flatMap((q) => q.tokens));
    const described = [...specs, ...sizeMeasures(ctx, tokens, counts)].filter((q) => !quantities.includes(q));
    guess = byMeasure(ctx, guess, described, target);
  }
  for (const q of each ? [...quantities, each.amount] : quantities) for (const i of q.tokens) taken.add(i);
  guess = measuredOverPack(ctx, guess, quantities, () => guessProduct(tokens, taken, ctx.k));
  const free = tokens.filter((t) => !taken.has(t.index)).map((t) => t.lower);
  // "… for the pump station": what follows "for" names the target, not the product.
  const cut = free.findIndex((w) => FOR_WORD.test(w));
  guess = byAmount(
    ctx,
    guess,
    each
      ? { value: each.count.value * each.amount.value, unit: each.amount.unit, tokens: [] }
      : (quantities.find((q) => q.unit) ?? quantities[0]),
    free,
  );
  // "und für die Kanten-Kathi ein Paar Ziehklingen": the product named after the machine, where nothing before it does.
  const before = cut > 0 ? free.slice(0, cut) : free;
  const productWord = (w: string) => w.length > 1 && !FILLER.has(w) && !ctx.k.ordinary(w);
  // (What follows "for" besides the machine still describes the product: "… for the press 3 cylinder 63/36".)
  guess = before.some(productWord)
    ? partOverSet(ctx, guess, before, free.slice(before.length))
    : partOverSet(ctx, guess, free, []);
  guess = readyMadeOverBuild(ctx, guess, text, cut > 0 ? free.slice(0, cut) : free, target);
  if (raw === ctx.conv.text && guess && !guess.confident) guess = describedBefore(ctx, guess, tokens) ?? guess;
  guess = fittingOfKind(ctx, guess, target, tokens, guess?.confident ? machineTaken : taken);
  // "for line 3 welder: 2 boxes contact tips 1.2 and 10 gas nozzles": a counted item of a list that names no machine of
  // its own (the order has none yet), whose words name one product confidently, is the one product of its kind that
  // fits the machine the message names — where one does.
  if (!target && !machines.length && guess?.confident && quantities.length) {
    const said = messageMachine(ctx, raw);
    const fitted = said ? fittingOfKind(ctx, guess, said, tokens, machineTaken) : undefined;
    if (fitted?.confident) guess = fitted;
  }
  const productWords = tokens
    .filter((t) => !taken.has(t.index))
    .map((t) => t.lower)
    .filter((w) => w.length > 2 && !/^\d/.test(w));
  // "1, two pieces": the number with a unit is the quantity; a bare leading digit is then a pick from a list.
  // A number that is part of the product's name ("ISO 68" of "… ISO VG 68") is not the quantity.
  const nameOrder = guess?.confident ? wordsOf(`${guess.hits[0]!.name}`) : undefined;
  const named = nameOrder ? new Set(nameOrder) : undefined;
  // A word on the same side of the number as in the name: "10 copper tees" is no "… copper tee, bag of 10".
  const sameSide = (w: string, number: string, before: boolean) =>
    !nameOrder ||
    (before
      ? nameOrder.indexOf(w) < nameOrder.lastIndexOf(number)
      : nameOrder.lastIndexOf(w) > nameOrder.indexOf(number));
  const inName = (x: { tokens: number[] }) =>
    !!named &&
    x.tokens.every((i) => named.has(tokens[i]!.lower)) &&
    !countOfLine(ctx, tokens, x.tokens, lineNames) &&
    x.tokens.some((i) =>
      // A neighbour that is, or is hyphenated from, a word of the name ("EC-Lüfter 450" of "EC-… 450 mm"; "HTD 8M 1200"
      // of "… HTD 8M, 1200 mm long": a code of the name too, not another number).
      [tokens[i - 1], tokens[i + 1]].some(
        (n) =>
          n &&
          !/^[\d.,/x×-]+$/.test(n.lower) &&
          // A word with digits counts whole ("8m"), never by its parts: "3 VFD-7.5-400" is no "… 3~ 400 V".
          (/\d/.test(n.lower) ? [n.lower] : n.lower.split("-")).some(
            (w) => w.length > 1 && named.has(w) && sameSide(w, tokens[i]!.lower, n.index < i),
          ),
      ),
    );
  const counted = besideProduct(
    ctx,
    tokens,
    taken,
    guess,
    quantities.filter(
      (x) =>
        !inName(x) &&
        !sizeOfCandidates(ctx, guess, tokens, x) &&
        !measureOfName(ctx, guess, tokens, x) &&
        !optionValueNumber(ctx, guess, tokens, x),
    ),
  );
  const q =
    (each && guess && eachQuantity(ctx, guess, each)) ||
    lengthsOf(ctx, guess, counted) ||
    (counted.find((x) => x.unit) ?? counted[0]);
  const unit =
    q?.unit ??
    (q && guess
      ? piecesOf(
          ctx,
          tokens,
          q.tokens,
          (guess.confident ? guess.hits.slice(0, 1) : guess.hits).map((h) => h.sku),
        )
      : undefined);
  return {
    ...(q ? { quantity: { value: q.value, ...(unit ? { unit } : {}) } } : {}),
    ...(machine ? { machine } : {}),
    machineCandidates: machines.map((m) => m.machine),
    ...(guess ? { guess } : {}),
    // A word that names a group of configuration choices ("extras") and finds no product refers to those choices.
    productWords: guess
      ? []
      : productWords.filter((w) => !ctxFiller(w) && !FILLER.has(w) && !ctx.k.ordinary(w) && !ctx.k.choiceWords.has(w)),
  };
}

/** The names of the order's lines as words (in the catalog's and the buyer's language), for `countOfLine`. */
function orderLineNames(ctx: Ctx): string[][] {
  const lines = ctx.conv.draft.lines;
  if (lines.length === 0) return [];
  const names = namesOf(
    ctx,
    lines.map((l) => l.sku),
  );
  return lines.map((l) => wordsOf(names.get(l.sku) ?? ""));
}

/**
 * "make the grease 2", "the sight glass 3 please": a bare number right after words that name a line of the order is
 * that line's count, not a number of a product's name ("… grease NLGI 2", "sight glass … 3/8\"") — unless it stands
 * beside those words in the line's own name too ("the HLP 46, 3 pails").
 */
function countOfLine(ctx: Ctx, tokens: readonly Token[], at: number[], lineNames: string[][]): boolean {
  if (lineNames.length === 0 || at.length !== 1) return false;
  const i = at[0]!;
  const number = tokens[i]!.lower;
  const before = tokens[i - 1]?.lower;
  if (!/^\d+$/.test(number) || !before || !/^\p{L}{3,}$/u.test(before)) return false;
  // The number ends its phrase: nothing after it, a stop, an order unit or a courtesy ("… 3 please") — not "32 teeth".
  const next = tokens[i + 1]?.lower;
  const ends =
    !next ||
    /[,;.!?]/.test(tokens[i]!.tail ?? "") ||
    ctx.k.unitCodes.has(next) ||
    /^(?:please|pls|bitte|thanks|danke|then|dann|instead|stattdessen|only|nur)$/u.test(next);
  if (!ends) return false;
  // "for band 4", "an Linie 2": a number after a word of the buyer's machines, or after "for", names a machine.
  const labels = (ctx.conv.machines ?? []).flatMap((m) => wordsOf(`${m.label} ${m.site ?? ""}`));
  if (labels.some((w) => w.length > 2 && (w.startsWith(before) || before.startsWith(w)))) return false;
  if (/^(?:for|für|fuer|fürs|on|at|an|auf|bei|beim|im|am|vom|von|from|of)$/u.test(tokens[i - 2]?.lower ?? ""))
    return false;
  const carrying = lineNames.filter((name) => nameNames(name, before));
  return (
    carrying.length > 0 &&
    carrying.every((name) => {
      // ("SPA 1250" beside a line "… SPA 1180": a code word and its number name a variant.)
      const w = name.findIndex((x) => nameNames([x], before));
      return !/^\d/.test(name[w + 1] ?? "");
    })
  );
}

/**
 * "Ich weiss es grad nöd": the word after a pronoun that opens a German sentence or clause is its verb —
 * not the catalog word it is spelt like ("weiss" of a white glue). Verb-first clauses ("brauchen wir Filter") put the
 * pronoun after the verb, so only an opening pronoun counts.
 */
function verbsAfterSubject(ctx: Ctx, tokens: Token[]): number[] {
  return tokens.flatMap((t, i) => {
    const next = tokens[i + 1];
    const opens = i === 0 || /[.,;:!?\n]/u.test(tokens[i - 1]!.tail ?? "");
    return ctx.lang === "de" &&
      opens &&
      next &&
      SUBJECT.has(t.lower) &&
      /^\p{L}+$/u.test(next.lower) &&
      !/[,;:]/u.test(t.tail ?? "")
      ? [next.index]
      : [];
  });
}
/**
 * "on the old ones is stamped M6 0.8", "der alte is scho verbrannt", "die alten sind hin": an age word said as a noun —
 * after an article, with no noun after it — is the buyer's own part that is to be replaced, not a product's "old
 * version" ("alte Rezeptur", "the old version" keep the word).
 */
function oldOnesOwn(tokens: Token[]): number[] {
  return tokens.flatMap((t, i) => {
    if (!OLD_WORD.test(t.lower) || !OLD_ARTICLE.test(tokens[i - 1]?.lower ?? "")) return [];
    const next = tokens[i + 1];
    const ends = !next || /[,;.!?:]/u.test(t.tail ?? "") || OLD_AFTER.test(next.lower);
    return ends ? [i] : [];
  });
}
const OLD_WORD = /^(?:old|alt|alte|alten|alter|altes|altem)$/u;
const OLD_ARTICLE = /^(?:the|those|these|my|our|der|die|das|den|dem|des|da|de|d|unser|unsere|unseren|unserem)$/u;
/** What follows an age word said as a noun: "one(s)", a verb or a pronoun ("… ones is stamped", "der alte is hin"). */
const OLD_AFTER =
  /^(?:one|ones|is|was|are|were|has|had|says|say|said|it|ist|isch|sind|san|war|hat|hod|hot|hatte|sagt|steht|stand|auf|on)$/u;

/**
 * German pronouns that are a clause's subject, with their southern forms: a German main clause puts its verb second.
 * (English is left as it is: "we found two more" says how the count changed, its words are read for that.)
 */
const SUBJECT = new Set(["ich", "i", "wir", "mer", "du", "er", "man"]);
/** The words that say what something is for ("for", "für", "fürs"): what follows names the target, not the product. */
export const FOR_WORD = /^(?:for|für|fuer|fürs|fuers)$/u;

/**
 * "10 gas nozzles for line 3 welder", "10 Gasdüsen für …" where the nozzles of four torch series answer the words
 * alike and one fits the machine: of the candidates of the lead's kind, the only one that fits is what the words name
 * — unless the words name the lead over it (a code, a size, a material only the lead carries: that stays the product
 * named, and the engine says why it does not fit).
 */
function fittingOfKind(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  machine: MachineView | undefined,
  tokens: Token[],
  taken: Set<number>,
): ProductGuess | undefined {
  if (!guess || !machine || guess.hits[0]!.match !== "text") return guess;
  const lead = guess.hits[0]!;
  // "… und 10 gasdüsen konisch": words that several products of one kind answer alike (no lead stands out) — the one
  // of them that fits the machine is the machine's pick (`machinePicked`); every word of the message the equally good
  // ones carry (a size, a material, a shape), the one that fits must carry too.
  const tied = !guess.confident;
  // (Tied: the words name a kind — a word that leads product names, not an everyday word that resembles one: "dann
  // nehm mr den normale" is no "normally closed" valve — and the equally good candidates are of that one kind, by
  // their category and the word their names lead with: a spacer set "for split scorers" is no scorer. Equally good:
  // within the gap that would make the lead stand out, `guessProduct`'s three points.)
  const leadWord = (h: { name: string }) => wordsOf(h.name)[0];
  const even = guess.hits.filter((h) => lead.score - h.score < 3);
  if (
    tied &&
    (guess.hits.length < 2 ||
      guess.hits.slice(0, 3).some((h) => h.category !== lead.category) ||
      even.some((h) => leadWord(h) !== leadWord(lead)) ||
      !tokens.some(
        (t) =>
          !taken.has(t.index) && (ctx.k.headWord(t.lower) || ctx.k.catalogWord(t.lower)) && !ctx.k.ordinary(t.lower),
      ))
  )
    return guess;
  if (!tied && fitsOn(ctx, lead.sku, machine)) return guess;
  // Every current product of its kind, not only the first page the words found ("UV-Lampe" finds the 846 mm lamps
  // before the amalgam lamp of the unit's length).
  const found = guess.hits.filter((h) => h.category === lead.category && h.lifecycle === "active");
  const kind = lead.category
    ? found.concat(
        ctx.k.search
          .search({ query: "", limit: 100, category: lead.category })
          .filter((h) => h.lifecycle === "active" && !found.some((f) => f.sku === h.sku)),
      )
    : found;
  // A product of the kind named by its code anywhere in the message ("4 shares left …, PSH-16-BO-L"): that names it.
  const text = ctx.conv.text.toLowerCase();
  if (kind.some((h) => text.includes(h.sku.toLowerCase()))) return guess;
  // Every word of the message (a code, a size, a material, a series — not the machine's words) that the lead's
  // names carry, the one that fits must carry too: "PT1000", "the 120mm ones", "in Edelstahl", "for BT36" name the
  // lead, and the engine says why it does not fit.
  const words = tokens
    // ("series B": a letter alone is a word that tells variants apart.)
    .filter((t) => !taken.has(t.index) && !FILLER.has(t.lower))
    .flatMap((t) => (t.lower.includes("-") ? [t.lower, ...t.lower.split("-").filter((x) => x.length > 1)] : [t.lower]));
  const names = ctx.k.allNames(kind.map((h) => h.sku));
  // (Each candidate's text built once: it is asked about every word of the message.)
  const named = new Map<string, string>();
  const nameText = (sku: string) => {
    let text = named.get(sku);
    if (text === undefined) named.set(sku, (text = `${names.get(sku) ?? ""} ${sku}`));
    return text;
  };
  const carries = (sku: string, w: string) => carriedWords(nameText(sku), [w]) > 0;
  // "calibrated underlay sheets" where the lead has a name in the buyer's language and the one that fits has only the
  // catalog's own: words of a language the candidate has no name in tell nothing apart — the lead's own name counts.
  const lists = ctx.k.nameList(kind.map((h) => h.sku));
  const leadNames = lists.get(lead.sku) ?? [];
  const leadCarries = (sku: string, w: string) =>
    (lists.get(sku)?.length ?? 0) >= leadNames.length
      ? carries(lead.sku, w)
      : carriedWords(`${leadNames[0] ?? ""} ${lead.sku}`, [w]) > 0;
  // (Tied: a word the equally good candidates carry, or a value any of the kind carries — "1,0" names the 1.0 mm tips
  // where the words found the 0.8 mm ones first; a kind word only a set's name carries tells nothing.)
  // (A value of the candidates' data counts as their names do — "EPDM" of a seal whose name leaves it out; a letter
  // said alone too — "ISO A".)
  // (Read only for a tie: the confident reading, on every message with a machine, compares names alone.)
  const features = tied ? ctx.k.reader.features(kind.map((h) => h.sku)) : undefined;
  const datas = new Map<string, string>();
  const data = (sku: string) => {
    let text = datas.get(sku);
    if (text === undefined)
      datas.set(
        sku,
        (text = `${names.get(sku) ?? ""} ${sku} ${Object.values(features?.get(sku) ?? {})
          .flat()
          .join(" ")}`),
      );
    return text;
  };
  const bears = (sku: string, w: string) => carriedWords(data(sku), [w]) > 0;
  const tieWord = (w: string) =>
    even.some((h) => bears(h.sku, w)) || (/\d/.test(w) && kind.some((o) => bears(o.sku, w)));
  const letters = tied ? tokens.filter((t) => !taken.has(t.index) && /^\p{L}$/u.test(t.lower)).map((t) => t.lower) : [];
  // (Tied, the machine decides only for a product the catalog relates to it — its fitment or a rule on its data.)
  const fit = (tied ? even : kind).filter(
    (h) =>
      fitsOn(ctx, h.sku, machine) &&
      (!tied || concernsMachine(ctx, h.sku, machine)) &&
      (tied
        ? [...words, ...letters].every((w) => !tieWord(w) || bears(h.sku, w))
        : words.every((w) => !leadCarries(h.sku, w) || carries(h.sku, w))),
  );
  // "3 gas nozzles for the blue arcwell", where the words found one of a torch series the machine does not have and
  // two of its own series fit alike: no product stands out — the ones that fit are to choose from.
  // ("Kupplungsstecker ISO A 1/2" names the ISO A coupler: two words said as its name says them — a letter too.)
  const said = new Set(tokens.slice(1).map((t, i) => `${tokens[i]!.lower} ${t.lower}`));
  const pairsNamed = (sku: string) => {
    const w = wordsOf(names.get(sku) ?? "");
    return w.slice(1).filter((x, i) => said.has(`${w[i]} ${x}`)).length;
  };
  if (!tied && kind.length > 2 && fit.length > 1 && fit.every((h) => pairsNamed(h.sku) >= pairsNamed(lead.sku)))
    return {
      ...guess,
      hits: [...fit, ...guess.hits.filter((h) => !fit.some((f) => f.sku === h.sku))],
      confident: false,
    };
  if (tied && fit.length === 1 && even.some((h) => pairsNamed(h.sku) > pairsNamed(fit[0]!.sku))) return guess;
  if (kind.length < 2 || fit.length !== 1) return guess;
  // (Tied, the words still leave a list to choose from; the machine's pick serves an item of a list that would
  // otherwise be left out — `machinePicked`.)
  if (tied) return { ...guess, machinePick: { sku: fit[0]!.sku, machineId: machine.machineId } };
  return { ...guess, hits: [fit[0]!, ...guess.hits.filter((h) => h !== fit[0])], wordsName: lead.sku };
}

/**
 * The product the machine picked among those the words found alike (`fittingOfKind`), for a counted item: the item's
 * product and its machine — read as if the words had named it.
 */
export function machinePicked(ctx: Ctx, a: Analysis): Analysis {
  const pick = a.guess?.machinePick;
  if (!pick || a.guess!.confident || !a.quantity) return a;
  const hit = a.guess!.hits.find((h) => h.sku === pick.sku);
  const machine = ctx.conv.machines?.find((m) => m.machineId === pick.machineId);
  if (!hit) return a;
  return {
    ...a,
    ...(a.machine || !machine ? {} : { machine }),
    guess: { ...a.guess!, confident: true, hits: [hit, ...a.guess!.hits.filter((h) => h !== hit)] },
  };
}

/** Definite words that point back at something said ("the 2 contactors", "die Schütze", "those drives"). */
const DEFINITE = new Set(["the", "those", "these", "die", "den", "diese", "diesen", "jene"]);

/**
 * "ok fine. Then put the 2 contactors on our own account, for our Wrapper 5" after a refused "… 2 contactors 9A with
 * 24V DC coil": a kind said with a definite article (a count between them aside) is the product the buyer's message
 * before described, when those words named it outright, it is among what the kind finds now and it is no line yet.
 */
function describedBefore(ctx: Ctx, guess: ProductGuess, tokens: Token[]): ProductGuess | undefined {
  const before = ctx.conv.before;
  if (!before) return undefined;
  const kinds = tokens.flatMap((t, i) => {
    if (!DEFINITE.has(t.lower)) return [];
    const next = tokens[i + 1] && /^\d+$/.test(tokens[i + 1]!.lower) ? tokens[i + 2] : tokens[i + 1];
    return next && /^\p{L}/u.test(next.lower) && ctx.k.headWord(next.lower) ? [stemOf(next.lower)] : [];
  });
  if (kinds.length === 0) return undefined;
  // The clause of the message before that says the kind ("… for their Line 3: 2 contactors 9A with 24V DC coil").
  const said = before
    .split(/[.:;!?]\s+|,\s+/u)
    .find((part) => tokenizeText(part).some((t) => kinds.includes(stemOf(t.lower))));
  const prev = said ? analyse(ctx, said).guess : undefined;
  const named = prev?.confident ? prev.hits[0]! : undefined;
  if (!named || !guess.hits.some((h) => h.sku === named.sku)) return undefined;
  if (ctx.conv.draft.lines.some((l) => l.sku === named.sku)) return undefined;
  return { ...guess, hits: [named, ...guess.hits.filter((h) => h.sku !== named.sku)], confident: true };
}

/** Words that join a count to the amount each piece has: "2 x 5 m", "2 Stk à 5 m", "3 pieces of 10 m each". */
const EACH_JOINERS = new Set(["x", "×", "à", "a", "je", "zu", "of", "@", "each"]);

/**
 * "2 x 5 m", "3x 10m", "2 Stk à 20 l": a count of pieces (no unit, or pieces) followed, joined by a times sign or
 * "à", by an amount in a measure — how many, each of that amount.
 */
function eachOf(tokens: Token[], qs: QuantityMatch[]): { count: QuantityMatch; amount: QuantityMatch } | undefined {
  for (let i = 0; i + 1 < qs.length; i++) {
    const count = qs[i]!;
    const amount = qs[i + 1]!;
    if (!amount.unit || unitDecimals(amount.unit) === 0 || !Number.isInteger(count.value)) continue;
    if (count.unit && unitDecimals(count.unit) > 0) continue;
    const gap = tokens.slice(Math.max(...count.tokens) + 1, Math.min(...amount.tokens));
    // "3x 10m", "2 x 5 m" (the "x" read as the count's unit): the times sign is the count's own.
    const last = tokens[Math.max(...count.tokens)]?.lower ?? "";
    const joined = gap.length === 1 ? EACH_JOINERS.has(gap[0]!.lower) : gap.length === 0 && /^(\d+)?[x×]$/u.test(last);
    if (joined) return { count, amount };
  }
  return undefined;
}

/**
 * "2 hydraulic hoses 2SN DN12 3 m", "2 Schläuche DN12 je 3 m": a plain count of things before an amount in the measure
 * the product is sold in is how many pieces of that amount — the count times the amount, never the amount alone (a
 * length is not a count, and the count is not dropped).
 */
function lengthsOf(ctx: Ctx, guess: ProductGuess | undefined, qs: QuantityMatch[]): QuantityMatch | undefined {
  const sku = guess?.confident ? guess.hits[0]?.sku : undefined;
  const amount = qs.find((x) => x.unit && unitDecimals(x.unit) > 0);
  if (!sku || !amount || qs.length !== 2) return undefined;
  const count = qs.find((x) => x !== amount);
  if (!count || count.unit || !Number.isInteger(count.value) || count.value < 2) return undefined;
  if (Math.max(...count.tokens) > Math.min(...amount.tokens)) return undefined;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.orderUnit.toUpperCase() !== amount.unit!.toUpperCase()) return undefined;
  return { value: count.value * amount.value, unit: amount.unit!, tokens: [...count.tokens, ...amount.tokens] };
}

/**
 * What "2 x 20 m" orders of the product it names: 40 m of what is sold by the metre, two pails of a 20 l pail, two
 * of a 5 m cable (undefined: the count itself, in pieces).
 */
function eachQuantity(
  ctx: Ctx,
  guess: ProductGuess,
  each: { count: QuantityMatch; amount: QuantityMatch },
): QuantityMatch | undefined {
  const sku = guess.hits[0]?.sku;
  const p = sku ? ctx.k.reader.products([sku]).get(sku) : undefined;
  const unit = each.amount.unit!.toUpperCase();
  if (!p) return undefined;
  const tokens = [...each.count.tokens, ...each.amount.tokens];
  if (p.contentUnit.toUpperCase() === unit && p.contentQty === each.amount.value && p.orderUnit.toUpperCase() !== unit)
    return { value: each.count.value, unit: p.orderUnit, tokens };
  if (p.orderUnit.toUpperCase() === unit || p.contentUnit.toUpperCase() === unit)
    return { value: each.count.value * each.amount.value, unit: each.amount.unit!, tokens };
  return undefined;
}

/**
 * Of the products the words find (`open`), those whose names carry as a word of their own the last word of the buyer's
 * that any of them carries (the word the thing is named by: "rolls" of "wire feed rolls 1.2") — when the machine's own
 * part (`top`) carries it only inside another word ("4-roll drive") or not at all, and none of them is of the part's
 * kind. Undefined otherwise.
 */
function headNamed(
  ctx: Ctx,
  tokens: Token[],
  seen: Set<number>,
  open: ProductGuess,
  top: string,
): ProductGuess | undefined {
  const active = open.hits.filter((h) => h.lifecycle === "active" && h.sku !== top);
  const names = ctx.k.allNames([top, ...active.map((h) => h.sku)]);
  const norm = (w: string) => stemOf(foldUmlauts(w.toLowerCase()));
  // (A name's own words: a hyphenated word carries its last part when all its parts are words — "HSS-Messer" is a
  // "Messer" — but not after a number: "4-roll" is no "roll".)
  const own = (sku: string) =>
    new Set(
      (names.get(sku) ?? "")
        .split(/[^\p{L}\p{N}-]+/u)
        .map((w) => (/^\p{L}+(?:-\p{L}+)+$/u.test(w) ? w.slice(w.lastIndexOf("-") + 1) : w))
        .filter((w) => /^\p{L}{3,}$/u.test(w))
        .map(norm),
    );
  const carries = (sku: string, w: string) => [...own(sku)].some((x) => x === w || (w.length >= 4 && x.endsWith(w)));
  const head = tokens
    .filter((t) => !seen.has(t.index) && /^\p{L}{3,}$/u.test(t.lower) && !FILLER.has(t.lower))
    .map((t) => norm(t.lower))
    .reverse()
    .find((w) => active.some((h) => carries(h.sku, w)));
  if (!head || carries(top, head)) return undefined;
  // (Products of the part's own kind are no other thing: a scoring blade named in another language is still one.)
  const kind = ctx.k.reader.products([top]).get(top)?.category;
  const hits = active.filter((h) => carries(h.sku, head));
  if (hits.some((h) => h.category === kind)) return undefined;
  return hits.length > 0 ? { ...open, hits, confident: hits.length === 1 } : undefined;
}

/** Whether a word of the message is a SKU of the catalog as written ("CTRL-48-TRAC-A"). */
const saysSku = (ctx: Ctx, tokens: Token[]): boolean => {
  const codes = tokens.filter((t) => /\d/.test(t.text) && /\p{L}/u.test(t.text)).map((t) => t.text.toUpperCase());
  return codes.length > 0 && ctx.k.reader.products(codes).size > 0;
};

/**
 * "1 EC-Lüfter 450 mm 400 V für den Freezer 1": the product the words name outright, where the machine's own parts are
 * another product that carries fewer of the buyer's words (an AC fan for 230 V), stays the product named — the engine
 * checks its fit and offers what fits (the shield decides, not a silent swap).
 */
function namedOverFitting(
  ctx: Ctx,
  tokens: Token[],
  skip: Set<number>,
  fitting: ProductGuess | undefined,
  on: { model: string; serial: string } | undefined,
): ProductGuess | undefined {
  if (!on) return fitting;
  let open = guessProduct(tokens, skip, ctx.k);
  // "1 timing belt HTD 8M 1200 for Band 3": a number of three digits or more read as a count may be what the name
  // says (the belt's 1200 mm) — the product it names outright is the one named, not a part of the machine that carries
  // the other words (a pulley "for 30 mm belt").
  const sizes = new Set(tokens.filter((t) => skip.has(t.index) && /^\d{3,}$/.test(t.lower)).map((t) => t.index));
  let seen = skip;
  if (!open?.confident && sizes.size > 0) {
    const wider = new Set([...skip].filter((i) => !sizes.has(i)));
    const sized = guessProduct(tokens, wider, ctx.k);
    // "axial fan 450 for the cold room" where the 450 mm fans are not for this machine: the size names them, not 450
    // of the 350 mm fan that fits — one such candidate is the product named, several are listed (fit checked there).
    const carrying = sized ? sizeCarriers(ctx, sized, tokens, sizes, true) : [];
    if (sized?.confident) [open, seen] = [sized, wider];
    else if (sized && carrying.length === 1) [open, seen] = [{ ...sized, hits: carrying, confident: true }, wider];
    else if (sized && carrying.length > 1 && !(fitting && sizeCarriers(ctx, fitting, tokens, sizes).length))
      return { ...sized, hits: carrying, query: withNumbers(sized.query, tokens, sizes) };
  }
  // "2 filter driers 084 for the cold room": a code number said beside the words (no count) names the products whose
  // names carry it, as a size read as a count does above.
  const codes = new Set(tokens.filter((t) => !skip.has(t.index) && /^\d{3,}$/.test(t.lower)).map((t) => t.index));
  // ("bearings 6205 for Line 2 infeed" where the word ranks other bearings first and the machine's own bearing is a 6004:
  // the type number said is the one named — never silently the machine's part.)
  if (open && !open.confident && codes.size > 0) {
    const carrying = sizeCarriers(ctx, open, tokens, codes, true);
    if (carrying.length === 1) open = { ...open, hits: carrying, confident: true };
    else if (carrying.length > 1 && !(fitting && sizeCarriers(ctx, fitting, tokens, codes).length))
      return { ...open, hits: carrying, query: withNumbers(open.query, tokens, codes) };
  }
  // "2 wire feed rolls 1.2 for the line 3 welder", "which feed rolls fit the line 3 welder?": the machine's own part
  // (the wire feed motor, "… 4-roll drive") carries the word the buyer names the thing by only inside another word —
  // the products whose names carry it as a word of their own are the ones named (listed, their fit checked).
  // (A product the buyer names by its code anywhere in the message is the one named: "… wir brauchen 1 Stück.
  // Habt ihr CTRL-48-TRAC-A auf Lager?")
  if (fitting?.confident && open && !open.confident && !saysSku(ctx, ctx.tokens)) {
    const byHead = headNamed(ctx, tokens, seen, open, fitting.hits[0]!.sku);
    if (byHead) return byHead;
  }
  const named = open?.confident ? open.hits[0] : undefined;
  if (named?.lifecycle !== "active" || fitting?.hits.some((h) => h.sku === named.sku)) return fitting;
  const words = tokens
    .filter((t) => !seen.has(t.index) && !FILLER.has(t.lower) && !ctx.k.ordinary(t.lower))
    // "EC-Lüfter" for "EC-Axialventilator …": the parts of a hyphenated word are the buyer's words too.
    .flatMap((t) => (t.lower.includes("-") ? [t.lower, ...t.lower.split("-").filter((w) => w.length > 1)] : [t.lower]));
  const top = fitting?.confident ? fitting.hits[0]!.sku : undefined;
  const names = ctx.k.allNames(top ? [named.sku, top] : [named.sku], false, true);
  const carried = (sku: string) => carriedWords(names.get(sku) ?? "", words);
  // Without a confident part of the machine, the named product must carry two of the words at least.
  return carried(named.sku) > (top ? carried(top) : 1) ? open : fitting;
}

/**
 * "RO membranen 4040 für die Erste" between BW 4040, XLE 4040 and BW 8040 membranes: a bare number of three digits or
 * more that the names of the candidates found carry (of the one product named, its names) is their size or code, not
 * a count (as `namedOverFitting` reads it).
 */
function sizeOfCandidates(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  tokens: Token[],
  x: { tokens: number[]; unit?: string },
): boolean {
  if (!guess || x.unit || x.tokens.length !== 1) return false;
  const said = tokens[x.tokens[0]!]!.lower;
  // ("200 Kabelbinder 200 x 4,8": said twice, once it is the count.)
  if (!/^\d{3,}$/.test(said) || tokens.filter((t) => t.lower === said).length > 1) return false;
  // ("Antriebsrad 343 für die Ameise 2": the one product named by its 343x114 size — in any of its names.)
  const names = ctx.k.allNames(guess.hits.slice(0, guess.confident ? 1 : 5).map((h) => h.sku));
  return [...names.values()].some((n) => nameWords(n).has(said));
}

/**
 * "does the 1.30 m net wrap fit Big Red?", "die 1,30 m Netzrolle": a measure that the product's name states as it is
 * written ("… 1.30 m x 3600 m, roll"), in a unit the product is not sold in, is that value of its name —
 * not an amount of it (it was ordered as 1.3 rolls). A bisect: without "tells them apart" it cost a held-out fluid-power
 * conversation.
 */
/**
 * "3 fans approx. 5 kW" of a configurable product whose option reads "UC 3 — 3 fans, 5.2 kW", "2 Lüfter": a number
 * with the word beside it as an option label of the named product's configuration model carries them is a value
 * chosen, not how many.
 */
function optionValueNumber(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  tokens: Token[],
  x: { tokens: number[]; unit?: string },
): boolean {
  if (!guess?.confident || x.tokens.length > 2) return false;
  const i = x.tokens[0]!;
  const n = tokens[i]?.lower;
  // ("5 m" of an option "5 m": the unit word the amount was read with is the word beside the number.)
  const next = tokens[x.tokens.length === 2 ? x.tokens[1]! : i + 1]?.lower;
  if (!n || !/^\d+$/.test(n) || !next || !/^\p{L}+$/u.test(next) || (!x.unit && next.length < 2)) return false;
  const sku = guess.hits[0]!.sku;
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
  // (A product sold in that unit is counted in it: "5 m" of one by the metre is how much.)
  if (!model || (x.unit && p!.orderUnit.toUpperCase() === x.unit.toUpperCase())) return false;
  const local = ctx.k.reader.inLanguage?.(ctx.lang).configModel(model.id);
  return [model, ...(local ? [local] : [])].some((m) =>
    m.groups.some((g) =>
      g.options.some((o) => {
        const words = wordsOf(o.label);
        return words.some((w, j) => w === n && words[j + 1] === next);
      }),
    ),
  );
}

function measureOfName(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  tokens: Token[],
  x: { tokens: number[]; unit?: string },
): boolean {
  if (!guess || !x.unit || x.tokens.length > 2) return false;
  const dot = (w: string) => w.replace(",", ".");
  const said = x.tokens.map((i) => tokens[i]!.lower);
  const joined = said.length === 1 ? /^(\d+(?:[.,]\d+)?)(\p{L}+)$/u.exec(said[0]!) : undefined;
  const [n, u] = joined ? [joined[1]!, joined[2]!] : said;
  if (!n || !u || !/^\d/.test(n) || !/^\p{L}/u.test(u)) return false;
  // (The leading candidates, as `sizeOfCandidates` reads them: "the 1.30 m net wrap" before a fit check of several.)
  const skus = guess.hits.slice(0, guess.confident ? 1 : 5).map((h) => h.sku);
  const names = ctx.k.allNames(skus);
  const carries = (sku: string) => {
    const words = wordsOf(names.get(sku) ?? "").map(dot);
    return words.some((w, j) => w === dot(n) && words[j + 1] === u);
  };
  // (Of candidates still open, it tells them apart — "the 1.40 m net wrap" of nets 1.23, 1.30 and 1.40 m wide — or
  // it may be how much: a measure every one of them carries does not pick one.)
  if (!skus.some(carries) || (!guess.confident && skus.every(carries))) return false;
  // (A candidate sold in that unit makes it an amount: "25 m Schlauch" of a hose by the metre and a 25 m roll.)
  const products = ctx.k.reader.products(skus);
  const unit = x.unit.toUpperCase();
  return skus.every((sku) => {
    const p = products.get(sku);
    // (Packed in it is no exception: "das 30 m Kapillarrohr" of "…, 30 m roll" is one roll, not 30.)
    return !!p && p.orderUnit.toUpperCase() !== unit;
  });
}

/** The guess's leading candidates (those scored as its first) whose names carry one of the numbers. */
/** The query with the numbers said that it lacks: the products listed are searched by the type number that names them. */
function withNumbers(query: string, tokens: Token[], at: Set<number>): string {
  const words = new Set(query.split(/\s+/u));
  const more = tokens.filter((t) => at.has(t.index) && !words.has(t.lower)).map((t) => t.lower);
  return more.length ? `${query} ${more.join(" ")}` : query;
}

function sizeCarriers(
  ctx: Ctx,
  guess: ProductGuess,
  tokens: Token[],
  at: Set<number>,
  /** Beyond the best-ranked hits when none of them carries the number ("bearings 6205": the word ranks others first). */
  anyRank = false,
): ProductGuess["hits"] {
  const first = guess.hits[0];
  if (!first) return [];
  const numbers = tokens.filter((t) => at.has(t.index)).map((t) => t.lower);
  const carrying = (hits: ProductGuess["hits"]) => {
    const names = ctx.k.allNames(hits.map((h) => h.sku));
    return hits.filter((h) => numbers.some((n) => nameWords(names.get(h.sku) ?? "").has(n)));
  };
  const lead = carrying(guess.hits.filter((h) => h.score === first.score && h.lifecycle === "active"));
  return lead.length || !anyRank ? lead : carrying(guess.hits.filter((h) => h.lifecycle === "active"));
}

/**
 * Amounts in a measure that describe the product rather than how much of it: every measured amount after the first
 * one with a unit, or a measured amount beside a plain count ("4 … 5 m").
 */
function measureSpecs(qs: QuantityMatch[]): QuantityMatch[] {
  const measured = qs.filter((q) => q.unit && unitDecimals(q.unit) > 0);
  if (measured.length === 0 || qs.length < 2) return [];
  // "M12 10 m, 4 Stück": beside a count of things, every measured amount describes the product.
  if (measured.length < qs.length) return measured;
  return measured.slice(1);
}

/**
 * "door seal for Ofen 2, by the metre, 5 m" where the machine's fitment names only a ready-made gasket set: an amount
 * in a measure (metres, litres, kilograms) that the confident product is not sold in, nor holds in whole packs, is not
 * said of it when products of its kind named by the same words (read without the machine) are sold in that measure —
 * those come first, to choose among (by the amount, below, or by what fits the machine). Not said of a count of
 * things ("2 sets"), nor where nothing of the kind is sold in the measure (the engine then offers the whole packs).
 */
function measuredOverPack(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  quantities: QuantityMatch[],
  open: () => ProductGuess | undefined,
): ProductGuess | undefined {
  const q = quantities.find((x) => x.unit && unitDecimals(x.unit) > 0);
  if (!guess?.confident || !q || quantities.length > 1) return guess;
  const top = guess.hits[0]!;
  if (soldInAmount(ctx, [top.sku], q).length) return guess;
  const wide = open();
  if (!wide) return guess;
  const kind = ctx.k.reader.products([top.sku]).get(top.sku)?.category;
  const pool = wide.hits.slice(0, 12);
  const products = ctx.k.reader.products(pool.map((h) => h.sku));
  const ofKind = pool.filter((h) => products.get(h.sku)?.category === kind && h.lifecycle !== "discontinued");
  const inAmount = new Set(
    soldInAmount(
      ctx,
      ofKind.map((h) => h.sku),
      q,
    ),
  );
  if (inAmount.size === 0) return guess;
  const first = pool.filter((h) => inAmount.has(h.sku));
  return {
    ...wide,
    hits: [...first, ...pool.filter((h) => !inAmount.has(h.sku))],
    confident: first.length === 1,
  };
}

/**
 * "60 litres HLP 46" between a 20 L pail and a 208 L drum, "25m PU tube" between tube by the metre and a 50 m roll: an
 * amount in a measure chooses the one candidate sold in that unit or in whole packs of it; a pack named as the unit
 * ("5 Eimer") the one sold in that pack.
 */
function byAmount(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  q: QuantityMatch | undefined,
  words: string[],
): ProductGuess | undefined {
  if (!guess || guess.confident || !q?.unit) return guess;
  // Among the candidates that carry the most of the buyer's words ("HLP 46": not the HLP 32 pail).
  const names = ctx.k.allNames(guess.hits.slice(0, 8).map((h) => h.sku));
  // ("hlp46" is the name's "HLP 46": a word of letters and digits run together counts in its parts.)
  const parts = (w: string) => (/^\p{L}+\d+$|^\d+\p{L}+$/u.test(w) ? (w.match(/\p{L}+|\d+/gu) ?? [w]) : [w]);
  const carried = (sku: string) => {
    const have = nameWords(names.get(sku) ?? "");
    return words.filter((w) => have.has(w) || parts(w).every((x) => have.has(x))).length;
  };
  const best = Math.max(...guess.hits.slice(0, 8).map((h) => carried(h.sku)));
  const top = guess.hits.slice(0, 8).filter((h) => carried(h.sku) === best);
  const active = new Set(
    soldInAmount(
      ctx,
      top.filter((h) => h.lifecycle === "active").map((h) => h.sku),
      q,
    ),
  );
  const fits = top.filter((h) => active.has(h.sku));
  // Several sold that way ("3m 10B1": the plain chain and the stainless one by the metre): the base product.
  // Only among products sold in that unit itself: "50 m" of hose is 50 m by the metre or one 50 m reel — asked.
  const products = ctx.k.reader.products(fits.map((h) => h.sku));
  const alike = new Set(unitCodesLike(q.unit));
  const inUnit = fits.every((h) => alike.has(products.get(h.sku)?.orderUnit.toUpperCase() ?? ""));
  const fit = fits.length === 1 ? fits[0] : fits.length > 1 && inUnit ? baseOf(fits) : undefined;
  if (!fit) return guess;
  return { ...guess, hits: [fit, ...guess.hits.filter((h) => h !== fit)], confident: true };
}

/**
 * The one count of `text` said in the order unit of `sku` (its catalog code, whichever the buyer's word) that holds the
 * `pieces` said beside it: "2 cartons" of "24 cartridges, so 2 cartons" of grease sold per carton of 12.
 */
export function inOrderUnit(ctx: Ctx, sku: string, text: string, pieces: number): { value: number } | undefined {
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.orderUnit.toUpperCase() === "PCE" || !(p.contentQty > 1)) return undefined;
  const own = p.orderUnit.toUpperCase();
  const tokens = tokenizeText(text);
  const counts = tokens.flatMap((t, i) => {
    const code = ctx.k.unitCodes.get(tokens[i + 1]?.lower ?? "");
    const value = /^\d+$/.test(t.lower) ? Number(t.lower) : numberWordValue(t.lower);
    return value && code && unitCodesLike(code).includes(own) && value * p.contentQty === pieces ? [{ value }] : [];
  });
  return counts.length === 1 ? counts[0] : undefined;
}

/**
 * Of `skus`, those an amount in a unit orders: sold in that unit ("5 Eimer" of a pail, "1 Rolle" whether the catalog
 * writes ROL or RL), or holding that measure in whole packs ("100 litres" of a 20 L pail, not of a 208 L drum).
 */
export function soldInAmount(ctx: Ctx, skus: string[], q: { value: number; unit?: string }): string[] {
  if (!q.unit) return [];
  const alike = new Set(unitCodesLike(q.unit));
  const isUnit = (code: string | undefined) => !!code && alike.has(code.toUpperCase());
  const measured = unitDecimals(q.unit) > 0;
  const products = ctx.k.reader.products(skus);
  return skus.filter((sku) => {
    const p = products.get(sku);
    if (!p) return false;
    if (isUnit(p.orderUnit)) return true;
    const packs = q.value / p.contentQty;
    return measured && isUnit(p.contentUnit) && p.contentQty > 0 && Number.isInteger(packs) && packs >= 1;
  });
}

/**
 * "eine neue Batterie, 24 Volt 375 Ah": a configurable product found by its kind, with values stated that a ready-made
 * product of the kind carries, is that product (recognise.ts `readyMade`) — of several, the one that fits the machine
 * the request is for — unless the buyer wrote the configurable product's own SKU.
 */
function readyMadeOverBuild(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  text: string,
  free: string[],
  machine: MachineView | undefined,
): ProductGuess | undefined {
  const top = guess?.hits[0];
  if (!guess || !top || top.match === "sku_exact" || guess.hits.length === 0) return guess;
  // ("12 volt DC": the unit's word is the value's, not a word for the product.)
  const words = free.filter(
    (w) => /\p{L}{3,}/u.test(w) && !/\d/.test(w) && !FILLER.has(w) && !ctx.k.ordinary(w) && !measureWord(ctx.k, w),
  );
  const all = readyMade(ctx.k, top.sku, text, words);
  // "For pump 2 we need a new motor 0.75 kW 230 V" where a one- and a three-phase motor carry the values: the one that
  // fits the machine the request is for; without one, the configured product stays.
  const fits = all.length > 1 && machine ? all.filter((h) => fitsOn(ctx, h.sku, machine)) : all;
  if (fits.length !== 1) return guess;
  const fit = fits[0]!;
  return { ...guess, hits: [fit, ...guess.hits.filter((h) => h.sku !== fit.sku)], confident: true };
}

/**
 * "1 Belüftungsfilter", "1 Rücklaufelement RF 330 10µm": a set whose name lists its contents ("service kit: 2 return
 * elements …, breather, …") carries the words of each part it consists of. When a part carries every word the buyer
 * used, as the set does, the buyer named the part; the set is named by words of its own ("service kit").
 */
function partOverSet(
  ctx: Ctx,
  guess: ProductGuess | undefined,
  free: string[],
  rest: string[],
): ProductGuess | undefined {
  if (!guess) return guess;
  const lead = guess.hits.slice(0, 8);
  const sets = ctx.k.reader.relations(
    lead.map((h) => h.sku),
    ["consists_of"],
  );
  if (sets.length === 0) return guess;
  const pool = [...new Set([...lead.map((h) => h.sku), ...sets.map((r) => r.targetSku)])];
  const names = ctx.k.namesAndKeywords(pool);
  const setSkus = new Set(sets.map((r) => r.sku));
  // "howya, need 20 pick-up tines …", "… die Ziehklingen rattern und hinterlassen Riefen. Ich brauch neue Ziehklingen":
  // a greeting or the words of a complaint that no name of the catalog writes and neither the set nor its parts
  // carry tell the part from the set by nothing; a word of another product's name still does.
  // Only beside a word for what the product is ("tines", "Ziehklingen"): "Den normalen mit NBR, der Mischer 2 läuft
  // nicht heiss" names no part by "NBR" alone.
  const pooled = (w: string) =>
    pool.some((sku) => (setSkus.has(sku) ? carriedWords : partCarries)(names.get(sku) ?? "", [w]) > 0);
  const said = free.filter((w) => w.length > 1 && !FILLER.has(w) && !ctx.k.ordinary(w));
  const telling = said.filter((w) => ctx.k.nameWord(w) || ctx.k.headWord(w) || /\d/.test(w) || pooled(w));
  const words = telling.some((w) => ctx.k.headWord(w)) ? telling : said;
  if (words.length === 0) return guess;
  // A part's name also carries a word as the head of its compound ("Ziehklingen" of "Profilziehklingen", "Messer" of
  // "Schneidmesser") and in its plural with a vowel change ("Kappsägeblätter" of "Kappsägeblatt"); a set's name,
  // which lists its contents, is read as written.
  const carried = new Map(
    pool.map((sku) => [
      sku,
      setSkus.has(sku) ? carriedWords(names.get(sku) ?? "", words) : partCarries(names.get(sku) ?? "", words),
    ]),
  );
  // Only when a part accounts for every word: "Wartungsset PR 250" names the set, whatever its parts share.
  const best = Math.max(...carried.values());
  if (best < words.length) return guess;
  const top = pool.filter((sku) => carried.get(sku) === best);
  // A set tied with one of its own parts: the part. A part alone carrying them all, where the set leads: the part.
  const tied = top.filter((sku) => !sets.some((r) => r.sku === sku && top.includes(r.targetSku)));
  // "Scrollverdichter SZ 45" beside the swap set that lists it and its discontinued series 1: the current part.
  const info = ctx.k.reader.products(tied);
  const current = tied.filter((sku) => info.get(sku)?.lifecycle === "active");
  // "2 plasma electrodes" where the leading set lists one of the electrodes found: the one it lists, the part of the
  // same kind that belongs to what the set serves.
  const lead0 = guess.hits[0]!.sku;
  // Unless the set's own words, before the contents its name lists, carry them ("annual service kit PR 250").
  const setHead = (names.get(lead0) ?? "").split(/[:(]/)[0] ?? "";
  // Only a guess where the buyer said nothing more: words of the request beyond the machine the part does not carry
  // ("a seal kit for the press 3 cylinder 63/36" beside a set listing the main ram's seal kit) ask for another part.
  const more = rest.filter(
    (w) => /[\p{L}\d]/u.test(w) && !FILLER.has(w) && !ctx.k.ordinary(w) && !/^(for|für|fuer|fürs|fuers)$/.test(w),
  );
  const ownParts =
    setSkus.has(lead0) && carriedWords(setHead, words) < words.length
      ? tied.filter(
          (sku) =>
            sets.some((r) => r.sku === lead0 && r.targetSku === sku) &&
            partCarries(names.get(sku) ?? "", more) === more.length,
        )
      : [];
  const parts =
    tied.length > 1 && current.length === 1 ? current : tied.length > 1 && ownParts.length === 1 ? ownParts : tied;
  const sku = parts.length === 1 ? parts[0]! : undefined;
  const setLeads = sets.some((r) => r.sku === guess.hits[0]!.sku && r.targetSku === sku);
  if (!sku || !sets.some((r) => r.targetSku === sku) || (parts.length === top.length && !setLeads)) return guess;
  if (guess.confident && guess.hits[0]!.sku === sku) return guess;
  // Found by its words, as the set was: not a SKU the buyer wrote.
  const bySku = ctx.k.search.search({ query: sku, limit: 1 }).find((h) => h.sku === sku);
  const hit = guess.hits.find((h) => h.sku === sku) ?? (bySku && { ...bySku, match: guess.hits[0]!.match });
  return hit ? { ...guess, hits: [hit, ...guess.hits.filter((h) => h !== hit)], confident: true } : guess;
}

/** carriedWords, and a word as the head of a compound of the name or as its plural with a vowel change. */
function partCarries(name: string, words: string[]): number {
  const fold = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "");
  const have = [...nameWords(name)].map((x) => stemOf(fold(x)));
  const heads = (w: string) => {
    const f = fold(w);
    const stems = [stemOf(f), ...(f.length >= 7 && f.endsWith("er") ? [f.slice(0, -2)] : [])];
    return stems.some(
      (st) => st.length >= 4 && have.some((x) => x === st || (x.length >= st.length + 3 && x.endsWith(st))),
    );
  };
  const carries = (w: string) => carriedWords(name, [w]) > 0 || (!/\d/.test(w) && heads(w));
  // ("HSS-Messer" of a "Schneidmesser … HSS": a hyphenated word by each of its parts.)
  const byParts = (w: string) => {
    const parts = w.split("-").filter((x) => x.length > 1);
    return parts.length > 1 && parts.every(carries);
  };
  return words.filter((w) => carries(w) || byParts(w)).length;
}

/**
 * The words a name carries, per name text (a pure function of it): `fittingOfKind` asks for every word of a message
 * against each of up to a hundred candidates' names, and read them all again per word.
 */
const carriedMemo = new Map<string, readonly string[]>();
function carriedOf(name: string): readonly string[] {
  let have = carriedMemo.get(name);
  if (!have) {
    if (carriedMemo.size > 5000) carriedMemo.clear();
    // "8x24" (8 inputs of 24 V) also by its sides.
    have = [...nameWords(name)].flatMap((x) => {
      const pair = /^(\d[\d.,]*)[x×](\d[\d.,]*)$/.exec(x);
      return pair ? [x, pair[1]!, pair[2]!] : [x];
    });
    carriedMemo.set(name, have);
  }
  return have;
}

/**
 * How many of the buyer's words a name carries: as written, with a plural ending ("Rücklaufelemente"), as a compound
 * with a middle part left out ("Rücklaufelement" for "Rücklauffilterelement"), an amount with its unit by both.
 */
export function carriedWords(name: string, words: string[]): number {
  const have = carriedOf(name);
  const carries = (w: string): boolean => {
    const amount = /^(\d+(?:[.,]\d+)?)(\p{L}+)$/u.exec(w);
    if (amount) return (have.includes(amount[1]!) && have.includes(amount[2]!)) || spelledApart(name, amount);
    return have.some((x) => {
      if (x === w) return true;
      if (w.length >= 4 && Math.abs(x.length - w.length) <= 2 && (x.startsWith(w) || w.startsWith(x))) return true;
      if (w.length < 8 || x.length <= w.length) return false;
      for (let i = 4; i <= w.length - 4; i++) if (x.startsWith(w.slice(0, i)) && x.endsWith(w.slice(i))) return true;
      return false;
    });
  };
  return words.filter(carries).length;
}

/**
 * "24vdc" of a name that writes "24 V DC", "230vac" of "230 V AC": a value written in one piece is carried by a name
 * that writes its number and letters apart (the letters' parts in a row: not the "24 V" and "AC-3" of another name).
 */
function spelledApart(name: string, [, number, letters]: RegExpExecArray): boolean {
  if (letters!.length < 2) return false;
  const parts = [...letters!].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s-]?");
  const number_ = number!.replace(/[.,]/, "[.,]");
  return new RegExp(`(?<![\\d.,])${number_}\\s?${parts}(?![\\p{L}\\d])`, "iu").test(name);
}

/** Whether every word of a search query is one of `words` (and it has some). */
function onlyWords(query: string, words: Set<string>): boolean {
  const said = wordsOf(query);
  return said.length > 0 && said.every((w) => words.has(w));
}

/** "2x 100m rings" of a 100 m ring: the amount is what one pack holds — it names the pack, the count says how many. */
function packContent(ctx: Ctx, guess: ProductGuess, q: QuantityMatch): boolean {
  const sku = guess.hits[0]?.sku;
  const p = sku ? ctx.k.reader.products([sku]).get(sku) : undefined;
  return (
    !!p &&
    p.contentQty > 1 &&
    p.contentQty === q.value &&
    p.contentUnit.toUpperCase() === q.unit!.toUpperCase() &&
    p.orderUnit.toUpperCase() !== p.contentUnit.toUpperCase()
  );
}

/**
 * "5 Dosen Skalenschwarz 1 kg" among cans of 1 kg and of 2.5 kg, "2 bags of resin 25 l": a measure that describes the
 * product (what one pack holds, or an amount its name writes) leaves only the candidates it describes — and of those,
 * on a machine, the ones that fit it; one left is the product named.
 */
/** "Magenta 1 kg", "Dose 2,5 kg": the amounts in a measure that are not how many is ordered (`counts`). */
function sizeMeasures(ctx: Ctx, tokens: Token[], counts: Set<number>): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  for (const t of tokens) {
    if (counts.has(t.index)) continue;
    const glued = /^(\d+(?:[.,]\d+)?)(\p{L}+)$/u.exec(t.lower);
    const [number, word] = glued ? [glued[1]!, glued[2]!] : [t.lower, tokens[t.index + 1]?.lower ?? ""];
    const unit = ctx.k.unitCodes.get(word);
    if (!/^\d+(?:[.,]\d+)?$/.test(number) || !unit || unitDecimals(unit) === 0) continue;
    out.push({ value: Number(number.replace(",", ".")), unit, tokens: [t.index] });
  }
  return out;
}

function byMeasure(
  ctx: Ctx,
  guess: ProductGuess,
  specs: QuantityMatch[],
  machine: MachineView | undefined,
): ProductGuess {
  // (No measure said: nothing to choose by, and no catalog read on every unsure guess.)
  if (guess.confident || specs.length === 0) return guess;
  const lead = guess.hits.slice(0, 8).filter((h) => h.lifecycle === "active");
  if (lead.length < 2) return guess;
  const products = ctx.k.reader.products(lead.map((h) => h.sku));
  const names = ctx.k.allNames(lead.map((h) => h.sku));
  const unitWords = (unit: string) =>
    [...ctx.k.unitCodes.entries()].filter(([, code]) => code.toUpperCase() === unit).map(([w]) => w);
  const writes = (name: string, q: QuantityMatch) => {
    const number = String(q.value).replace(".", "[.,]");
    return unitWords(q.unit!.toUpperCase()).some((w) =>
      new RegExp(`(?<![\\d.,])${number}\\s*-?\\s*${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "iu").test(
        name,
      ),
    );
  };
  const holds = (sku: string) => {
    const p = products.get(sku);
    return specs.every(
      (q) =>
        (!!p && p.contentQty === q.value && p.contentUnit.toUpperCase() === q.unit!.toUpperCase()) ||
        writes(names.get(sku) ?? "", q),
    );
  };
  const described = lead.filter((h) => holds(h.sku));
  if (described.length === 0 || described.length === lead.length) return guess;
  const fitting = machine && described.length > 1 ? described.filter((h) => fitsOn(ctx, h.sku, machine)) : described;
  const chosen = fitting.length ? fitting : described;
  return { ...guess, hits: chosen, confident: chosen.length === 1 };
}

/**
 * "4 spools of 0.6 wire, the big 10 kg ones" where the leading candidate is the 2.5 kg spool (a name in the buyer's
 * language has only that one): a measure that is what one pack of another candidate holds names that candidate — when
 * it is the same product in another pack (its features differ only where they state what one pack holds); the count
 * says how many of it.
 */
function otherPack(ctx: Ctx, guess: ProductGuess, specs: QuantityMatch[]): ProductGuess | undefined {
  const lead = guess.hits[0];
  if (!lead) return undefined;
  const own = ctx.k.reader.products([lead.sku]).get(lead.sku);
  if (!own || own.contentQty <= 1) return undefined;
  // The other packs are found by the product's own name too (a name in the buyer's language may have only this one).
  const seen = new Set(guess.hits.slice(0, 8).map((h) => h.sku));
  const hits = [
    ...guess.hits.slice(0, 8),
    ...ctx.k.search.search({ query: own.name, limit: 8 }).filter((h) => !seen.has(h.sku) && seen.add(h.sku)),
  ];
  const skus = hits.map((h) => h.sku);
  const products = ctx.k.reader.products(skus);
  const features = ctx.k.reader.features(skus);
  const ownFeatures = features.get(lead.sku) ?? {};
  const holds = (p: { contentQty: number; contentUnit: string }) =>
    specs.some((q) => p.contentQty === q.value && p.contentUnit.toUpperCase() === q.unit!.toUpperCase());
  if (holds(own)) return undefined;
  const samePack = (sku: string) => {
    const p = products.get(sku);
    if (p?.lifecycle !== "active" || p.category !== own.category || p.orderUnit !== own.orderUnit) return false;
    if (p.contentUnit !== own.contentUnit || !holds(p)) return false;
    const f = features.get(sku) ?? {};
    return [...new Set([...Object.keys(ownFeatures), ...Object.keys(f)])].every(
      (key) =>
        String(ownFeatures[key]) === String(f[key]) ||
        (Number(ownFeatures[key]) === own.contentQty && Number(f[key]) === p.contentQty),
    );
  };
  const found = hits.filter((h) => h.sku !== lead.sku && samePack(h.sku));
  if (found.length !== 1) return undefined;
  const fit = found[0]!;
  return { ...guess, hits: [fit, ...guess.hits.filter((h) => h.sku !== fit.sku)], confident: true };
}

/**
 * The leading candidates sold by the piece (neither ordered nor packed in a measure's unit) that every measure
 * describes — a numeric feature in that unit with that value, or their name writing the amount ("…, 5 m").
 */
function piecesDescribed(ctx: Ctx, guess: ProductGuess, specs: QuantityMatch[]): ProductGuess["hits"] {
  if (specs.length === 0) return [];
  const lead = guess.hits.slice(0, 8).filter((h) => h.lifecycle === "active");
  const skus = lead.map((h) => h.sku);
  const products = ctx.k.reader.products(skus);
  const features = ctx.k.reader.features(skus);
  const names = ctx.k.allNames(skus);
  const code = (unit: string) => (ctx.k.unitCodes.get(unit.toLowerCase()) ?? unit).toUpperCase();
  const has = (sku: string, q: QuantityMatch) =>
    Object.entries(features.get(sku) ?? {}).some(
      ([key, value]) =>
        typeof value === "number" &&
        value === q.value &&
        code(ctx.k.featureUnits.get(key) ?? "") === q.unit!.toUpperCase(),
    ) || writesAmount(ctx, names.get(sku) ?? "", q);
  return lead.filter((h) => {
    const p = products.get(h.sku);
    if (!p) return false;
    const measured = specs.some((q) =>
      [p.orderUnit, p.contentUnit].some((u) => u.toUpperCase() === q.unit!.toUpperCase()),
    );
    return !measured && specs.every((q) => has(h.sku, q));
  });
}

/** Whether a name writes the amount in one of its unit's words ("…, PUR, 5 m", "Dose 2,5 kg"). */
function writesAmount(ctx: Ctx, name: string, q: QuantityMatch): boolean {
  return amountPatterns(ctx.k.unitCodes, q).some((pattern) => pattern.test(name));
}

/** Per unit-word table (a reading may swap in its own), per amount and unit: the patterns of its unit's words. */
const amountPatternMemo = new WeakMap<ReadonlyMap<string, string>, Map<string, RegExp[]>>();

function amountPatterns(unitCodes: ReadonlyMap<string, string>, q: QuantityMatch): RegExp[] {
  let memo = amountPatternMemo.get(unitCodes);
  if (!memo) amountPatternMemo.set(unitCodes, (memo = new Map()));
  const key = `${q.value}\u0000${q.unit!.toUpperCase()}`;
  let patterns = memo.get(key);
  if (!patterns) {
    if (memo.size > 500) memo.clear();
    const number = String(q.value).replace(".", "[.,]");
    const words = [...unitCodes.entries()].filter(([, c]) => c.toUpperCase() === q.unit!.toUpperCase());
    // (No global flag: `test` keeps no position between names.)
    patterns = words.map(
      ([w]) => new RegExp(`(?<![\\d.,])${number}\\s*${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}-])`, "iu"),
    );
    memo.set(key, patterns);
  }
  return patterns;
}

/** Whether the guessed product (the leading candidate) is sold in this unit, as its order or content unit. */
function soldIn(ctx: Ctx, guess: ProductGuess, unit: string): boolean {
  const sku = guess.hits[0]?.sku;
  const p = sku ? ctx.k.reader.products([sku]).get(sku) : undefined;
  return !!p && [p.orderUnit, p.contentUnit].some((u) => u.toUpperCase() === unit.toUpperCase());
}

/**
 * "25 copper elbows" of a product sold in bags of 10 pieces: the number counts the things the name names, so the
 * line carries the content unit and the engine converts it to whole packs (never 25 bags). Only when every candidate
 * is such a pack of counted content, and the words after the number name the product rather than a pack.
 */
function piecesOf(ctx: Ctx, tokens: Token[], at: number[], skus: string[]): string | undefined {
  const next = tokens[Math.max(...at) + 1];
  // "o-rings", "T-Stücke": a hyphenated word counts as one.
  if (!next || !/^\p{L}[\p{L}-]{2,}$/u.test(next.lower) || ctx.k.unitCodes.has(next.lower)) return undefined;
  // ("24 cans of leak spray" of a box of 12 sold by no can: the cans are the pieces the box holds.)
  const container = ONE_ITEM_WORDS.has(next.lower);
  const products = ctx.k.reader.products(skus);
  const local = ctx.k.reader.inLanguage?.(ctx.lang).products(skus);
  const units = new Set<string>();
  // "Kupferbögen" for "Kupfer-Bogen": diacritics folded, a compound's parts joined.
  const fold = (w: string) => w.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[-/]/g, "");
  const said = fold(next.lower);
  // Plural endings of either language ("elbows", "Pressfassungen", "Bögen"): the word without each of them.
  const stems = ["en", "es", "s", "e", "n"].map((end) => (said.endsWith(end) ? said.slice(0, -end.length) : said));
  for (const sku of skus) {
    const p = products.get(sku);
    if (!p || p.contentQty <= 1 || p.contentUnit.toUpperCase() === p.orderUnit.toUpperCase()) return undefined;
    if (unitDecimals(p.contentUnit) > 0) return undefined;
    const name = [...nameWords(`${p.name} ${local?.get(sku)?.name ?? ""} ${ctx.k.gloss?.(p.name) ?? ""}`)].map(fold);
    // "T-Stücke" of "Kupfer-T-Stück": the tail of a compound of the name too.
    const carried = (w: string) =>
      w === said ||
      stems.some((stem) => (stem.length >= 3 && w.startsWith(stem)) || (stem.length >= 4 && w.endsWith(stem)));
    if (!container && !name.some(carried)) return undefined;
    // The pack itself named ("2 bags …" is read as a unit before this; "2 bag of …" words of the pack): not pieces.
    if (wordsOf(p.name).some((w, i, all) => w === next.lower && all[i + 1] === "of")) return undefined;
    // ("2 leak spray boxes", "3 grease cartridges boxes": the pack's word after the product's words counts packs.)
    if (packAfter(ctx, tokens, Math.max(...at), p.orderUnit)) return undefined;
    units.add(p.contentUnit);
  }
  return units.size === 1 ? [...units][0] : undefined;
}

/** Whether the words after a count, up to its item's end (a stop, "for"), end with the word of an order unit. */
function packAfter(ctx: Ctx, tokens: Token[], at: number, unit: string): boolean {
  for (let i = at + 1; i < tokens.length && i <= at + 4; i++) {
    const t = tokens[i]!;
    if (FOR_WORD.test(t.lower) || /^\d/.test(t.lower)) return false;
    if (i > at + 1 && ctx.k.unitCodes.get(t.lower)?.toUpperCase() === unit.toUpperCase()) return true;
    if (/[,;.!?]/.test(t.tail ?? "")) return false;
  }
  return false;
}

/**
 * "4 fittings for it", then a bag of 10 picked from the list: the count the request said ("said" on the list's memo)
 * was of the things the picked product's name names — pieces, its content unit — not of bags. Undefined when the
 * request counted the pack or something else.
 */
export function countedUnit(ctx: Ctx, said: string | undefined, sku: string, quantity: number): string | undefined {
  if (!said) return undefined;
  const tokens = tokenizeText(said);
  const at = tokens.findIndex((t) => t.lower === String(quantity));
  return at < 0 ? undefined : piecesOf(ctx, tokens, [at], [sku]);
}

const ctxFiller = (w: string) =>
  /^(the|and|for|with|what|how|can|you|please|bitte|und|für|mit|was|wie|hello|hallo|thanks|danke|order|bestellung|help|hilfe|today|heute|weather|wetter)$/.test(
    w,
  );

/**
 * "Take the FKM one instead": the product of the same category whose name keeps most of the line's words and
 * carries the buyer's new ones (fitting the line's machine when it has one). Only when one candidate stands out.
 */
export function variantOf(ctx: Ctx, line: { sku: string; machineId?: string }): string | undefined {
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!p) return undefined;
  const old = new Set(wordsOf(p.name));
  const fresh = ctx.tokens
    .map((t) => t.lower)
    // Unit words say how many ("3 pails"), not which variant; ordinary language names none.
    .filter(
      (w) =>
        w.length > 1 &&
        !FILLER.has(w) &&
        !old.has(w) &&
        !/^\d+$/.test(w) &&
        !ctx.k.unitCodes.has(w) &&
        !ctx.k.ordinary(w),
    );
  if (fresh.length === 0) return undefined;
  const machineId = line.machineId ?? ctx.conv.draft.machineId;
  const m = machineId ? ctx.conv.machines?.find((x) => x.machineId === machineId) : undefined;
  const scope = { category: p.category, ...(m ? { machineModel: m.model, serial: m.serial } : {}) };
  const found = ctx.k.search.search({ query: fresh.join(" "), limit: 30, ...scope });
  // A word too short for the text search ("the EC one") still names the variant whose name carries it: the category's
  // products are candidates too.
  const seen = new Set(found.map((h) => h.sku));
  const hits = [...found, ...ctx.k.search.search({ query: "", limit: 100, ...scope }).filter((h) => !seen.has(h.sku))];
  const scored = hits
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active")
    .map((h) => {
      const words = wordsOf(h.name);
      return {
        sku: h.sku,
        carried: fresh.filter((w) => words.some((x) => x.startsWith(w))).length,
        n: words.filter((w) => old.has(w)).length - words.filter((w) => !old.has(w)).length * 0.1,
      };
    })
    // A variant carries a new word of the buyer's: "make the fans 3" names none, whatever the search returned.
    .filter((x) => x.carried > 0)
    .map((x) => ({ sku: x.sku, n: x.n + 10 * x.carried }))
    .sort((x, y) => y.n - x.n);
  if (scored.length === 0) return undefined;
  if (scored.length > 1 && scored[0]!.n - scored[1]!.n < 1) return undefined;
  return scored[0]!.sku;
}

/** The machine the conversation was just about (a list for it, or a quantity asked for it). */
export function contextMachine(p: Pending | undefined, draft?: DraftView): string | undefined {
  const asked = p && (p.kind === "choose_product" || p.kind === "quantity") ? p.machineId : undefined;
  return asked ?? draft?.lines.at(-1)?.machineId;
}

/**
 * The words of the message that may name a product ("cylinders", "T-Stücke"): not its numbers, units, courtesy or
 * ordinary language — unless the catalog's names use the word.
 */
export function productishWords(ctx: Ctx): string[] {
  return ctx.tokens
    .map((t) => t.lower)
    .filter(
      (w) =>
        w.length > 2 &&
        !/\d/.test(w) &&
        !FILLER.has(w) &&
        !ctx.k.unitCodes.has(w) &&
        (ctx.k.headWord(w) || ctx.k.nameWord(w) || !ctx.k.ordinary(w)),
    );
}

/**
 * The draft line whose product name carries the buyer's words ("remove the o-rings"). Words that name several lines
 * alike ("the sensors" of an inductive sensor and a sensor cable) name the one of the kind they say — its category
 * carries them too; and the words of a kind name a line of it whose name says it otherwise ("the bearings" of a
 * pillow block unit, "the belts" of a V-belt).
 */
export function lineByWords(ctx: Ctx): string | undefined {
  const scored = lineWordCounts(ctx);
  const best = Math.max(0, ...scored.map((x) => x.n));
  const top = scored.filter((x) => x.n === best);
  return lineByKind(ctx, scored) ?? (best > 0 && top.length === 1 ? top[0]!.id : undefined);
}

/**
 * Of the lines, the one whose name or category carries most of the buyer's words, the category breaking a tie: only
 * when the kind decides (one line left), and never by a word of the buyer's machine labels ("line 3" is no line
 * component). A category raises a line's count only when with it the line carries all the buyer's product words ("the
 * bearings" of a pillow block unit) — a kind word among others ("a chlorine sensor" beside a pH electrode of the kind
 * "sensors and electrodes") names no line of the order.
 */
function lineByKind(ctx: Ctx, byName: { id: string; n: number }[]): string | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length < 2) return undefined;
  const labels = new Set((ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label)));
  const words = productishWords(ctx).filter((w) => !labels.has(w));
  if (words.length === 0) return undefined;
  const products = ctx.k.reader.products(lines.map((l) => l.sku));
  const names = namesOf(
    ctx,
    lines.map((l) => l.sku),
  );
  const scored = lines.map((l, i) => {
    const name = wordsOf(names.get(l.sku) ?? "");
    const kind = ctx.k.kindWords.get(products.get(l.sku)?.category ?? "") ?? [];
    const ofName = (w: string) => nameNames(name, w) || (ctx.lang === "de" && compoundHead(name, w));
    const ofKind = (w: string) => nameNames(kind, w) || compoundHead(kind, w);
    const both = words.filter((w) => ofName(w) || ofKind(w)).length;
    const own = byName[i]?.n ?? 0;
    return { id: l.lineId, n: both < words.length ? own : Math.max(both, own), kind: words.filter(ofKind).length };
  });
  const best = Math.max(0, ...scored.map((x) => x.n));
  const top = scored.filter((x) => x.n === best);
  const kindBest = Math.max(0, ...top.map((x) => x.kind));
  const kinds = top.filter((x) => x.kind === kindBest);
  return best > 0 && kindBest > 0 && kinds.length === 1 ? kinds[0]!.id : undefined;
}

/**
 * For each draft line, how many of the buyer's words its product's names carry (in any language, glossary too); with
 * `keywords`, its search keywords too ("Kabel" of "M12-Kabel" for the "Sensorleitung"); with `parts`, a hyphenated
 * compound of the name in its parts too ("belt" names the "V-belt" line).
 */
export function lineWordCounts(ctx: Ctx, keywords = false, parts = false): { id: string; n: number }[] {
  const lines = ctx.conv.draft.lines;
  const words = ctx.tokens.map((t) => t.lower).filter((w) => w.length > 2 && !FILLER.has(w));
  if (words.length === 0) return [];
  // The name in the catalog's language and in the buyer's ("3 Trockner" names the "Filter drier" line too).
  const skus = lines.map((l) => l.sku);
  const names = keywords ? ctx.k.namesAndKeywords(skus) : namesOf(ctx, skus);
  const scored = lines.map((l) => {
    const name = parts ? [...nameWords(names.get(l.sku) ?? "")] : wordsOf(names.get(l.sku) ?? "");
    return {
      id: l.lineId,
      n: words.filter((w) => nameNames(name, w) || (ctx.lang === "de" && compoundHead(name, w))).length,
    };
  });
  return scored;
}

/**
 * "and 1 tip holder for the same torch" beside a contact tip: the words name a product the order lacks outright (its
 * name carries them, more than a word shared with a line) — a new item, no count of the line.
 */
export function namesAnother(ctx: Ctx, a: Analysis): boolean {
  const lines = ctx.conv.draft.lines;
  const lead = a.guess?.hits[0];
  if (!lead || lines.length === 0 || lines.some((l) => l.sku === lead.sku)) return false;
  const best = Math.max(0, ...lineWordCounts(ctx).map((x) => x.n));
  const asLine = { ...lines[0]!, lineId: "", sku: lead.sku };
  const own = lineWordCounts({ ...ctx, conv: { ...ctx.conv, draft: { ...ctx.conv.draft, lines: [asLine] } } })[0]?.n;
  // (One word alone — "one more bearing" of a pillow block — names the line by its kind as well.)
  return (own ?? 0) > best && (own ?? 0) >= 2;
}

/**
 * Whether a German word is the head of a compound of the name, both without their endings: "Kerzen" of "Filterkerze",
 * "Patronen" of "Heizpatrone", "Fett" of "Lebensmittelfett" — a buyer names the line by the last part of its name.
 * The head keeps four letters at least, the compound three more before it.
 */
export function compoundHead(name: readonly string[], word: string): boolean {
  const stem = (x: string) => x.replace(/(en|n|e|s)$/, "");
  const w = stem(word);
  if (w.length < 4 || !/^\p{L}+$/u.test(w)) return false;
  return name.some((x) => x.length >= w.length + 3 && stem(x).endsWith(w));
}

/**
 * Whether a name's words carry a word of the buyer's, by its stem (plural endings off: "Kabel" of "Kabeln", a German
 * plural in -e, "Schütze" of "Leistungsschütz") — the tail of a compound too ("Trockner" of "Filtertrockner").
 */
export function nameNames(name: readonly string[], word: string): boolean {
  const w = word.replace(/(s|es|en|n)$/, "").replace(/(?<=\p{L}{4})e$/u, "");
  return name.some((x) => x.startsWith(w) || (x.length > 3 && w.startsWith(x)) || (w.length > 4 && x.endsWith(w)));
}

/** The draft line the buyer points at: "line 2", a SKU/name in the order, or the last line. */
export function targetLine(ctx: Ctx, a: Analysis): string | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length === 0) return undefined;
  const ref = findLineRef(ctx.conv.text);
  if (ref && lines.some((l) => l.lineId === ref)) return ref;
  const text = ctx.conv.text.toLowerCase();
  const bySku = [...lines].sort((x, y) => y.sku.length - x.sku.length).find((l) => text.includes(l.sku.toLowerCase()));
  if (bySku) return bySku.lineId;
  const named = lineByWords(ctx);
  if (a.guess) {
    const hit = lines.find((l) => a.guess!.hits.some((h) => h.sku === l.sku));
    // "change the bearings to 3": the words' best matches in the catalog find the bearing grease, the words name the
    // pillow block of the order by its kind — the order's line the words name is the one meant.
    if (hit) return named && !a.guess.hits[0]!.match.startsWith("sku") ? named : hit.lineId;
  }
  if (named) return named;
  if (lines.length === 1 || /\b(it|that|this|them|last|letzte\w*|das|die|es)\b/i.test(text))
    return lines.at(-1)!.lineId;
  return undefined;
}

export function optionsFor(ctx: Ctx, sku: string, groups?: string[]): Record<string, string[]> | undefined {
  const p = ctx.k.reader.products([sku]).get(sku);
  const model = p?.configModelId ? ctx.k.reader.configModel(p.configModelId) : undefined;
  if (!model) return undefined;
  const found = findOptions(ctx.conv.text, model, groups, ctx.k.gloss?.words);
  // The model's labels in the buyer's language ("Hub 200", "Kopfflansch"): the groups the default labels left open.
  const local = ctx.k.reader.inLanguage?.(ctx.lang).configModel(model.id);
  // "mit STO und dem Bremschopper": a group of several choices takes the values found in either language.
  if (local && local !== model)
    for (const [group, values] of Object.entries(findOptions(ctx.conv.text, local, groups))) {
      const max = model.groups.find((g) => g.code === group)?.max ?? 1;
      found[group] =
        found[group] && max > 1 ? [...new Set([...found[group], ...values])].slice(0, max) : (found[group] ?? values);
    }
  return Object.keys(found).length ? found : undefined;
}

/** The buyer's words that can pick among listed items, and the words they negated ("…, kein Set", "not the kit"). */
function buyerWords(ctx: Ctx): { words: string[]; negated: string[] } {
  // Spans are offsets in the whole message; with a refused clause taken out the text is another one.
  // "nimm die 100er statt der 50er", "the 100s instead of the 50s": what the buyer moves away from is no pick either.
  const replaced = [...ctx.conv.text.matchAll(REPLACED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const inNegated = (t: Token) =>
    !ctx.u.attack && [...ctx.u.negated, ...replaced].some((n) => t.start >= n.start && t.start < n.end);
  const usable = (w: string) => w.length > 1 && !FILLER.has(w) && !NEGATORS.has(w);
  return {
    words: ctx.tokens
      .filter((t) => !inNegated(t))
      .flatMap((t) => compoundParts(t.lower))
      .filter(usable),
    negated: ctx.tokens
      .filter(inNegated)
      .flatMap((t) => compoundParts(t.lower))
      .filter(usable),
  };
}

/** Words that name a variant of a product, not the product: "die Bördel-Variante", "the solder version". */
const VARIANT_WORDS = /(variante|variant|version|ausführung|ausfuehrung|modell|model|typ|type)$/u;

/**
 * A buyer's word and the words it is built of: a hyphenated compound of words in its parts ("bördel-variante" → bördel,
 * variante), and a word ending in a variant word also without it ("lötvariante" → löt). Product names are read the
 * same way (`nameWords`), so "the Bördel one" and "die Bördel-Variante" name the same item.
 */
function compoundParts(word: string): string[] {
  const out = [word];
  const heads: string[] = [];
  // "die 2,5-kg-Dose": a value with its unit and the word it sizes, each a word — the value in its plain spelling.
  if (/^\d+(?:[.,]\d+)?(?:-\p{L}+)+$/u.test(word)) out.push(...word.split("-"));
  // "de 120er mit 20er Bohrung", "der 1,2er": a German size said as a number with "-er" is that number.
  const sized = sizeNumber(word);
  if (sized !== word) out.push(sized);
  for (const w of [...out]) {
    const value = decimalValue(w);
    if (value && value !== w) out.push(value);
  }
  // Words only: a code ("sk-cd-63-36-fkm") is matched whole.
  if (/^\p{L}+(?:-\p{L}+)+$/u.test(word)) {
    const parts = word.split("-").filter((p) => p.length > 1);
    out.push(...parts);
    heads.push(...parts.slice(0, -1));
  }
  for (const w of [...out]) {
    const head = w.replace(VARIANT_WORDS, "");
    if (head !== w && head.length >= 3 && /\p{L}$/u.test(head)) out.push(head), heads.push(head);
  }
  // A German compound joins its first word with a linking ending ("Rollen-Variante" of "Rolle"): also without it.
  for (const h of heads)
    for (const end of ["n", "en", "s", "es"])
      if (h.length >= end.length + 3 && h.endsWith(end)) out.push(h.slice(0, -end.length));
  return [...new Set(out)];
}

const NEGATORS = new Set(["not", "no", "without", "nicht", "nix", "ned", "kein", "keine", "keinen", "ohne"]);

/** Items whose name carries a negated word, whole or as the tail of a compound ("Tauschset"), are out — unless all do. */
function withoutNegated(skus: string[], names: Map<string, string>, negated: string[]): string[] {
  if (negated.length === 0) return skus;
  const words = negated.filter((w) => w.length > 2 && !/^\d/.test(w));
  const kept = skus.filter((sku) => {
    const have = [...nameWords(names.get(sku) ?? "")];
    return !words.some((w) => have.some((h) => h === w || (h.length > w.length + 2 && h.endsWith(w))));
  });
  return kept.length ? kept : skus;
}

/** Product names in the catalog's default language and in the buyer's ("DML 083 mit Bördel" picks by either). */
export function namesOf(ctx: Ctx, skus: string[]): Map<string, string> {
  const base = ctx.k.reader.products(skus);
  const local = ctx.k.reader.inLanguage?.(ctx.lang).products(skus);
  // On a catalog without texts in the buyer's language, the glossary's words for the name ("Schauglas").
  const gloss = ctx.k.gloss;
  return new Map(
    skus.map((sku) => {
      const name = base.get(sku)?.name ?? "";
      return [sku, `${name} ${local?.get(sku)?.name ?? ""}${gloss ? ` ${gloss(name)}` : ""}`];
    }),
  );
}

/** The products by their name in the buyer's language where the catalog has one ("Welchen davon meinen Sie?" lists). */
export function productsInLanguage(ctx: Ctx, skus: string[]) {
  return (ctx.k.reader.inLanguage?.(ctx.lang) ?? ctx.k.reader).products(skus);
}

/**
 * How many of the buyer's words a name carries: as written, or inflected ("die konischen" of "konisch", "die
 * konventionellen" of "konventionell") — the same stems the catalog search compares.
 */
function namedWords(words: string[], name: string): number {
  const have = nameWords(name);
  const stems = new Set([...have].map(stemOf));
  // "die Fässer" of a "208-L-Fass", "die Säcke" of a "25-kg-Sack": a German plural by umlaut names the singular.
  const folded = new Set([...have].flatMap((h) => [foldUmlauts(h), stemOf(foldUmlauts(h))]));
  const umlautPlural = (w: string) => /[äöü]/u.test(w) && foldedForms(w).some((f) => f.length >= 3 && folded.has(f));
  return words.filter((w) => have.has(w) || stems.has(stemOf(w)) || umlautPlural(w)).length;
}

/** The candidates that share the best count of the buyer's words (several when the words do not single one out). */
export function tiedByWords(ctx: Ctx, skus: string[]): string[] {
  const { words, negated } = buyerWords(ctx);
  if (words.length === 0) return [];
  const names = namesOf(ctx, skus);
  skus = withoutNegated(skus, names, negated);
  const scored = skus.map((sku) => ({ sku, n: namedWords(words, `${sku} ${names.get(sku) ?? ""}`) }));
  const best = Math.max(...scored.map((s) => s.n));
  return best > 0 ? scored.filter((s) => s.n === best).map((s) => s.sku) : [];
}

/** The one candidate whose name carries the most of the buyer's words ("the EPDM one"), if one stands out. */
export function byWords(ctx: Ctx, skus: string[]): string | undefined {
  const { words, negated } = buyerWords(ctx);
  if (words.length === 0) return undefined;
  const names = namesOf(ctx, skus);
  skus = withoutNegated(skus, names, negated);
  const scored = skus.map((sku) => ({ sku, n: namedWords(words, `${sku} ${names.get(sku) ?? ""}`) }));
  const best = Math.max(...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best);
  if (best > 0 && top.length === 1) return top[0]!.sku;
  // The same words name a current product and its discontinued predecessors: the current one.
  const current = top.filter((s) => ctx.k.reader.products([s.sku]).get(s.sku)?.lifecycle === "active");
  return best > 0 && current.length === 1 ? current[0]!.sku : undefined;
}

/**
 * Whether the product's verdict depends on which of the buyer's machines it is for: it has fitment, or a blocking
 * machine rule compares one of its features with an attribute on which the buyer's machines give different verdicts
 * (a part that passes on every machine, or on none, is ordered without the question). A configurable product asks first only when its own
 * category has machine rules (its features follow the options; the engine checks them once chosen).
 */
export function dependsOnMachine(ctx: Ctx, sku: string): boolean {
  const fit = ctx.k.reader.fitment([sku]).get(sku);
  if (fit && fit.length > 0) return true;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.machineModel) return false;
  const rules = machineRulesOf(ctx, p.category);
  // Its features come from options not chosen yet: only rules written for its own category ask before configuring.
  if (p.configModelId) return rules.some((r) => r.category === p.category);
  const fails = (ctx.conv.machines ?? []).map((m) => failsRuleOn(ctx, sku, m, rules));
  // Passing on every machine, or on none (pipework for the plant rather than a part of one machine): no question.
  return fails.includes(true) && fails.includes(false);
}

/**
 * Of a part without fitment, the buyer's machines no blocking rule of the catalog rules it out on ("HVLP 32" oil: the
 * one machine that runs on HVLP 32), when that leaves some: what the machine question lists.
 */
export function passingMachines(ctx: Ctx, sku: string, machines: MachineView[]): MachineView[] {
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.configModelId || (ctx.k.reader.fitment([sku]).get(sku)?.length ?? 0) > 0) return machines;
  const rules = machineRulesOf(ctx, p.category);
  const passing = machines.filter((m) => !failsRuleOn(ctx, sku, m, rules));
  return passing.length ? passing : machines;
}

/**
 * Whether the part fits this machine as far as the catalog tells before the engine checks: its fitment (if it has
 * any) covers the machine, and no blocking machine rule fails on it (not evaluated for a configurable product).
 */
export function fitsOn(ctx: Ctx, sku: string, m: MachineView): boolean {
  if (fittingMachines(ctx, sku, [m]).length === 0) return false;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.configModelId) return true;
  return !failsRuleOn(ctx, sku, m, machineRulesOf(ctx, p.category));
}

type CompatRule = ReturnType<Ctx["k"]["reader"]["compatRules"]>[number];

/** The catalog's blocking machine rules for a product of this category. */
function machineRulesOf(ctx: Ctx, category: string): CompatRule[] {
  return ctx.k.reader
    .compatRules()
    .filter((r) => r.scope === "machine" && r.severity === "block" && (r.category === null || r.category === category));
}

/**
 * The buyer's only machine, for a part the catalog can check on it and that passes there — its fitment covers the
 * machine, or a blocking machine rule compares a feature the part has with an attribute the machine has: "2 filter
 * driers DML 084" from the one chiller's owner are for that chiller (the engine checks them on it; the reply names
 * it). A part no rule can check on it (salt, cleaner) goes on no machine, as one that fails a rule there.
 */
export function onlyMachineFor(ctx: Ctx, sku: string): MachineView | undefined {
  const machines = ctx.conv.machines ?? [];
  const m = machines.length === 1 ? machines[0]! : undefined;
  const p = ctx.k.reader.products([sku]).get(sku);
  return m && p && !p.machineModel && fitsOn(ctx, sku, m) && concernsMachine(ctx, sku, m) ? m : undefined;
}

/** Whether a blocking machine rule of the catalog fails for this part on this machine (the engine's own evaluation). */
function failsRuleOn(ctx: Ctx, sku: string, m: MachineView, rules: CompatRule[]): boolean {
  const features = ctx.k.reader.features([sku]).get(sku) ?? {};
  // The rule evaluation is the engine's own; it reads only the catalog (material ratings) from the order state.
  const order = { data: ctx.k.reader } as unknown as Parameters<typeof evaluateRule>[0];
  return rules.some((r) => {
    const value = features[r.feature];
    const other = m.attributes?.[r.otherKey];
    return value !== undefined && other !== undefined && evaluateRule(order, r.operator, value, other) === false;
  });
}

/**
 * Whether the catalog speaks of `sku` on machine `m` and lets it pass: its fitment lists the machine, or — a part
 * without fitment — a blocking rule of the catalog compares it with the machine's data ("cartridge length" with the
 * filter housing's) and none rules it out. A part no rule relates to the machine (salt, an oil) is not its part.
 */
export function concernsMachine(ctx: Ctx, sku: string, m: MachineView): boolean {
  if ((ctx.k.reader.fitment([sku]).get(sku)?.length ?? 0) > 0) return fittingMachines(ctx, sku, [m]).length === 1;
  const p = ctx.k.reader.products([sku]).get(sku);
  if (!p || p.configModelId) return false;
  const features = ctx.k.reader.features([sku]).get(sku) ?? {};
  const rules = machineRulesOf(ctx, p.category).filter(
    (r) => features[r.feature] !== undefined && m.attributes?.[r.otherKey] !== undefined,
  );
  return rules.length > 0 && !failsRuleOn(ctx, sku, m, rules);
}

export function fittingMachines(ctx: Ctx, sku: string, machines: MachineView[]): MachineView[] {
  const fit = ctx.k.reader.fitment([sku]).get(sku) ?? [];
  if (fit.length === 0) return machines;
  return machines.filter((m) =>
    fit.some(
      (f) =>
        f.machineModel === m.model &&
        (!f.serialFrom || m.serial >= f.serialFrom) &&
        (!f.serialTo || m.serial <= f.serialTo),
    ),
  );
}
