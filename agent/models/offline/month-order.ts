/**
 * "Das gleiche wie im März", "the seals like in April", "our March order", "like our last order, but without …": an
 * earlier order named by the month it was placed in, or as the last one with changes (`orderOfMonth`, the one reading
 * of it for the whole message and for an item of a list).
 */
import { analyse, type Analysis, type Ctx, withoutHeldRemarks } from "./context.ts";
import { foldUmlauts } from "./nlu/subwords.ts";
import { stemOf } from "../../../catalog/queries/search.ts";
import { editDistance } from "../../../catalog/queries/search-text.ts";
import { FILLER } from "./language.ts";
import { findQuantities, nameWords, replacedCount, tokenizeText } from "./recognise.ts";

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  feber: 2,
  february: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};

/** Words that put a month in the past of an order ("wie im Mai", "like in May", "vom April", "since March"). */
const BEFORE_MONTH = new Set([
  "in",
  "im",
  "from",
  "vom",
  "von",
  "since",
  "seit",
  "last",
  "letzten",
  "letzte",
  "of",
  "wie",
  "like",
  "as",
]);
/** Words between those and the month ("of the March order", "von dem März"). */
const ARTICLES = new Set(["the", "dem"]);
/** Words for an order after a month ("our March order", "die Mai-Bestellung"). */
const AFTER_MONTH = new Set(["order", "orders", "bestellung", "lieferung", "delivery"]);

/**
 * Months the text names as the time of an earlier order ("wie im Mai", "same as in March", "like April", "our May
 * order") — a month word after a word of time or comparison (an article between), or before a word for an order;
 * "may" as a verb ("may I …") is no month.
 */
export function monthsIn(text: string): number[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const out: number[] = [];
  words.forEach((w, i) => {
    const month = MONTHS[w];
    if (!month) return;
    const before = ARTICLES.has(words[i - 1] ?? "") ? words[i - 2] : words[i - 1];
    if (BEFORE_MONTH.has(before ?? "") || AFTER_MONTH.has(words[i + 1] ?? "")) out.push(month);
  });
  return [...new Set(out)];
}

/**
 * "like our last order", "same as last time", "wie letztes Mal", "wie bei der letzten Bestellung", "our previous order":
 * the text names the latest earlier order as the one to take again (its time said as "last", not as a month).
 */
export function namesLastOrder(text: string): boolean {
  return LAST_ORDER.test(text);
}
const LAST_ORDER =
  /(?<![\p{L}])(?:(?:last|previous|prior|latest|most\s+recent)\s+(?:\p{L}+\s+)?(?:time|order|delivery|shipment|one)|(?:letzte[nsm]?|vorige[nsm]?|vorherige[nsm]?)\s+(?:Mal|Bestellung|Lieferung|Auftrag)|zuletzt)(?![\p{L}])/iu;

/**
 * The text without the words that name the last order ("… and the pressure switch like last time", "… und den
 * Schmelzkleber wie letztes Mal", "…, same as our last order"): what is left says what is asked for.
 */
export function withoutLastOrder(text: string): string {
  return text.replace(LAST_ORDER_PHRASE, " ");
}
const LAST_ORDER_PHRASE = new RegExp(
  `(?<![\\p{L}])(?:(?:just\\s+|the\\s+)?(?:same\\s+as|like|as)\\s+|(?:genauso\\s+|gleich\\s+|so\\s+)?wie\\s+)?(?:(?:beim|bei\\s+der|bei|our|the|das|s)\\s+)?(?:${LAST_ORDER.source})`,
  "giu",
);

/**
 * "… and the pressure switch as usual", "the filter as always", "like before", "plus the usual pressure switch": the
 * text says an item is what the buyer orders each time — by no time of its own, so the latest earlier order holding it
 * (`namesLastOrder` names that order by "last"). Beside a counted item of a list the classifier may read no reorder in
 * the English words. (The German "wie immer", "wie gehabt" are left to the classifier and the corpus's markers: said
 * of a material — "Kohle/Keramik mit EPDM wie immer" — they describe the product asked for.)
 */
export function namesUsualOrder(text: string): boolean {
  return namesLastOrder(text) || USUAL_ORDER.test(text);
}
const USUAL_ORDER =
  /(?<![\p{L}])(?:(?:same\s+)?(?:as|like)\s+(?:per\s+)?(?:usual|always|before|ever)|(?:the|our)\s+usual)(?![\p{L}])/iu;

/** The text names an earlier order by its time: a month ("wie im März") or as the last one ("like last time"). */
export function namesOrderTime(text: string): boolean {
  return monthsIn(text).length > 0 || namesLastOrder(text);
}

export interface HistoryRow {
  orderId: string;
  orderedAt: string;
  sku: string;
  quantity: number;
  machineId: string | null;
}

/** The rows of earlier orders placed in one of `months` (1–12). */
export function ofMonths<R extends { orderedAt: string }>(rows: R[], months: number[]): R[] {
  return rows.filter((r) => months.includes(Number(String(r.orderedAt).slice(5, 7))));
}

/** An earlier order named by its month, and its lines to order again with their counts. */
export interface MonthOrder {
  orderId: string;
  /** (`lineId`: the line of the draft that holds it already — its count is set, no line added.) */
  lines: (HistoryRow & { again: number; lineId?: string })[];
}

/**
 * "gleiche Menge wie im März", "the same quantity as in April", "so viele wie im Mai", "as many as last time": the time
 * of an earlier order said of a count — the count of its lines, not the order to take again.
 */
const SAME_COUNT =
  /(?<![\p{L}])(?:(?:gleiche[nm]?|selbe[nm]?|dieselbe|same)\s+(?:Menge|Anzahl|Stückzahl|Stueckzahl|amount|quantity|quantities|number|count)|(?:so\s+viele?|genauso\s+viele?|as\s+(?:many|much))\s+(?:\p{L}+\s+)?(?:wie|as))(?![\p{L}])/iu;

/** Words of a factor of the counts ("doppelte Menge", "twice as many", "alles doppelt", "the triple amount"). */
const FACTORS: [RegExp, number][] = [
  [/^(?:doppelte?[nmrs]?|double[ds]?|twice|zweifache?[nmrs]?|verdoppel\p{L}*)$/iu, 2],
  [/^(?:dreifache?[nmrs]?|triple[ds]?|thrice|verdreifach\p{L}*)$/iu, 3],
  [/^(?:halbe?[nmrs]?|half|halbier\p{L}*)$/iu, 0.5],
];
const FACTOR =
  /(?<![\p{L}])(?:(doppelte?[nmrs]?|double|twice|zweifache?[nmrs]?|dreifache?[nmrs]?|triple|thrice|halbe?[nmrs]?|half)\s+(?:so\s+viel\p{L}*|as\s+(?:much|many)|(?:die\s+|the\s+|der\s+)?(?:Menge|Mengen|Anzahl|Stückzahl|Stueckzahl|amounts?|quantit(?:y|ies)|numbers?|counts?)(?![\p{L}]))|(?:alles|everything|all|Menge|Mengen|amounts?|quantit(?:y|ies))\s+(?:mal\s+|jeweils\s+)?(doppelt|double[d]?|verdoppel\p{L}*|dreifach|triple[d]?|halbiert?|halved)(?![\p{L}])|(verdoppel\p{L}*|verdreifach\p{L}*|halbier\p{L}*)|(?:double|triple|halve)\s+(?:it|them|that|everything|all|the\s+(?:order|counts?|amounts?|quantit(?:y|ies)))(?![\p{L}]))/iu;

/**
 * The factor the message says the counts of an earlier order are taken with ("aber diesmal doppelte Menge", "twice as
 * many as in March", "alles verdoppeln", "half the amount") — undefined when it says none.
 */
export function countFactor(text: string): number | undefined {
  const m = FACTOR.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? m[3] ?? m[0].split(/\s+/u)[0] ?? "").toLowerCase();
  const norm = /^halve/u.test(word) ? "half" : word;
  return FACTORS.find(([re]) => re.test(norm))?.[1];
}

/**
 * The order of a month as `readOrderOfMonth` reads it, then: counts of the earlier order taken with the factor the
 * message says ("doppelte Menge"); of a list of products open, the one that order held ("die gleiche wie im April"
 * answering a list of seals: the seal of April, not the whole April order); a count said by the time of an order
 * ("gleiche Menge wie im März") the count of the lines the words name — or of those the draft holds —, a line the draft
 * holds already (itself or its successor) keeping its place.
 */
export function orderOfMonth(ctx: Ctx, said: string, a: Analysis): MonthOrder | undefined {
  // ("… wie im Oktober. Armaturen haben wir noch": what the buyer still has is not ordered again.)
  const text = withoutHeldRemarks(ctx, said);
  const read = readOrderOfMonth(ctx, text, a);
  if (!read) return undefined;
  const rows = (ctx.conv.history as unknown as HistoryRow[]).filter((r) => r.orderId === read.orderId);
  const products = ctx.k.reader.products(rows.map((r) => r.sku));
  const successor = (sku: string) => {
    const p = products.get(sku);
    return p?.lifecycle === "discontinued" && p.successorSku ? p.successorSku : undefined;
  };
  const same = (sku: string, r: HistoryRow) => sku === r.sku || sku === successor(r.sku);
  const factor = countFactor(text);
  const times = (r: HistoryRow & { again: number }) =>
    factor && r.again === r.quantity ? { ...r, again: Math.max(1, Math.round(r.quantity * factor)) } : r;
  let lines = read.lines;
  const pending = ctx.conv.memo.pending;
  const listed =
    pending?.kind === "choose_product" && linesNamedBy(ctx, leftOut(text).rest, rows).length === 0
      ? rows.filter((r) => pending.skus.some((sku) => same(sku, r)))
      : [];
  if (listed.length > 0)
    lines = listed.map((r) => ({
      ...r,
      again: lines.find((l) => l.sku === r.sku)?.again ?? r.quantity,
      machineId: pending?.kind === "choose_product" && pending.machineId ? pending.machineId : r.machineId,
    }));
  else if (SAME_COUNT.test(text)) {
    const draft = ctx.conv.draft.lines;
    const held = (r: HistoryRow) => draft.find((l) => same(l.sku, r));
    const named = linesNamedBy(ctx, text, rows);
    const counted = named.length > 0 ? named : rows.filter(held);
    if (counted.length > 0)
      lines = counted.map((r) => {
        const line = held(r);
        return {
          ...r,
          again: lines.find((l) => l.sku === r.sku)?.again ?? r.quantity,
          ...(line ? { lineId: line.lineId } : {}),
        };
      });
  }
  return { orderId: read.orderId, lines: lines.map(times) };
}

/**
 * The one reading of "the order of a month" (the whole message's and a list item's alike): the earlier order placed in
 * the month the text names — of that month's orders those with a line for the machine named (when one has), of them the
 * one whose products the words name (when one is), else the latest —, and of its lines those the words name (all when
 * they name none; those of the machine named, when it has some), with the counts to order again: a count said beside
 * the count it replaces ("10 statt 6") for the lines that had that count (or the line its words name), else a count
 * said for the one line taken, else the count of the earlier order. Undefined when the text names no month or the
 * history has no order of it. The last order ("like our last order", "wie letztes Mal") is read the same way — the
 * latest of all orders in place of the month's — when the message changes it (a line left out, a count changed or said
 * item by item); said again as it was, it is left to `fromHistory`.
 */
function readOrderOfMonth(ctx: Ctx, text: string, a: Analysis): MonthOrder | undefined {
  // (`text` and `a` lose a piece of "only" once read.)
  if (!ctx.conv.history?.length) return undefined;
  const rows = ctx.conv.history as unknown as HistoryRow[];
  const months = monthsIn(text);
  // ("like our last order": of all earlier orders, the latest — for the machine named, of those the words name.)
  const last = months.length === 0 && namesLastOrder(text);
  if (months.length === 0 && !last) return undefined;
  // ("same as our last order, plus 2 UV lamps for UV 2": the machine of an item beside the order does not choose it.)
  const ofOrder = text.replace(BESIDE, " ");
  const machine = ofOrder === text ? a.machine?.machineId : analyse(ctx, ofOrder).machine?.machineId;
  const inMonth = last ? rows : ofMonths(rows, months);
  if (inMonth.length === 0) return undefined;
  const withMachine = machine
    ? inMonth.filter((r) => rows.some((x) => x.orderId === r.orderId && x.machineId === machine))
    : [];
  const ofMonth = withMachine.length > 0 ? withMachine : inMonth;
  // "2 von den Filterservice-Sets wie im Mai", "the same pressure switch as last time": of several orders, the latest of
  // those whose products the words name (a piece that leaves a product out names none).
  const orders = [...new Set(ofMonth.map((r) => r.orderId))];
  const kept = leftOut(ofOrder).rest;
  const namedOrders =
    orders.length > 1
      ? orders.filter(
          (id) =>
            linesNamedBy(
              ctx,
              kept,
              rows.filter((r) => r.orderId === id),
            ).length,
        )
      : [];
  const pool = namedOrders.length ? ofMonth.filter((r) => namedOrders.includes(r.orderId)) : ofMonth;
  const latest = pool.reduce((x, y) => (y.orderedAt > x.orderedAt ? y : x)).orderId;
  const order = rows.filter((r) => r.orderId === latest);
  // "but only the 150 grit", "aber nur Korn 150": the lines the piece names are the only ones taken; its number names a
  // line, it counts none.
  const only = onlyPiece(text);
  const onlyLines = only ? linesNamedOnly(ctx, only, order) : [];
  if (only && onlyLines.length > 0) {
    text = text.replace(only, " ");
    a = analyse(ctx, text);
  }
  // "10 of each", "je 8 Stück": the one count said is every line's.
  const eachCount = EACH.exec(text);
  const each = !!a.quantity && String(a.quantity.value) === (eachCount?.[1] ?? eachCount?.[2]);
  // "…, but 3 bearings instead of 2": the words of the change name the line it changes, not the lines to take.
  const replaced = replacedCount(text);
  const change = replaced ? pieceAround(text, replaced.start, replaced.end) : undefined;
  // "like our last order (the chain and 2 bags of pins) but 30 m of chain this time", "wie letztes Mal, aber diesmal 6
  // Sack Leim": a counted piece of a change names the line whose count it changes, not the lines to take.
  const changes = change || each ? { counts: new Map<HistoryRow, number>(), text } : countsSaid(ctx, text, order);
  const said = change ? text.slice(0, change.start) + text.slice(change.end) : changes.text;
  // "…, aber ohne die Kette", "den Draht diesmal nicht", "but no wire this time": the lines a negated piece names are
  // left out; the other pieces name the lines to take.
  const { rest, left } = leftOut(said);
  const excluded = new Set(left ? linesNamedBy(ctx, left, order) : []);
  const byWords = linesNamedBy(ctx, rest, order).filter((r) => !excluded.has(r));
  // The last order said again as it was, or of it what the words name with the count said ("the same filter drier as
  // last time", "same lamps as last time, 3 pcs") is read as before (`fromHistory`: the latest order holding what the
  // words name); read here is the last order with changes — lines left out, a count changed, counts said item by item.
  // Read here too: the last order with one count for each line, with only some of its lines, for a machine whose order
  // held lines for no machine (the fittings of its hose) when no other words name its lines, or as a whole with items
  // beside it (the words of the rest naming none of its lines).
  const machineLines = order.filter((r) => r.machineId);
  // (Every line of the order that has a machine is this one's — none without a line for a machine.)
  const allOfMachine = !!machine && machineLines.length > 0 && machineLines.every((r) => r.machineId === machine);
  const wholeOfMachine =
    allOfMachine &&
    machineLines.length < order.length &&
    linesNamedBy(ctx, withoutMachineWords(ctx, rest), order).length === 0;
  if (
    last &&
    excluded.size === 0 &&
    changes.counts.size === 0 &&
    !replaced &&
    onlyLines.length === 0 &&
    !each &&
    !wholeOfMachine &&
    !countFactor(text) &&
    (ofOrder === text || linesNamedBy(ctx, kept, order).length > 0)
  )
    return undefined;
  // "the same seals as last time, but 3 this time" when no seal was on it: words of the piece that names the last order
  // name a product of their own — that is the product asked for, not the order.
  if (last && byWords.length === 0 && changes.counts.size === 0) {
    const own = kept.split(PIECE).find((p) => p && namesLastOrder(p)) ?? kept;
    if (analyse(ctx, own).guess?.hits.length) return undefined;
  }
  // "2 heating elements, same as we bought in July" (July: the elements and their gasket sets): a count said for the
  // kind of product the words find first is the line of that kind — a line whose name merely shares a word is not taken.
  const kind = a.guess?.hits[0]?.category;
  const kinds = ctx.k.reader.products(byWords.map((r) => r.sku));
  const ofKind = kind ? byWords.filter((r) => kinds.get(r.sku)?.category === kind) : [];
  // (Several lines of that kind: the one among the products the words find, else the one whose name leads with a
  // word said — "Heizelemente" is the "Heizelement EO 4-80", not the "Dichtungssatz Heizelement".)
  const found = ofKind.filter((r) => a.guess!.hits.some((h) => h.sku === r.sku));
  const guessed =
    ofKind.length < 2 ? ofKind : found.length === 1 ? found : linesLedBy(ctx, rest, found.length ? found : ofKind);
  // (Only one count said: "2 lamps and 2 o-ring sets like in July" counts both lines.)
  // (A number of the machines' names — "deck oven 1" — counts nothing.)
  const counted = (ctx.conv.machines ?? []).reduce(
    (t, m) => (m.label ? t.split(new RegExp(m.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu")).join(" ") : t),
    rest,
  );
  const oneCount = findQuantities(tokenizeText(counted), ctx.k, new Set()).filter((q) => !q.unit).length <= 1;
  const named = onlyLines.length
    ? onlyLines
    : a.quantity &&
        !each &&
        oneCount &&
        !replaced &&
        changes.counts.size === 0 &&
        byWords.length > 1 &&
        guessed.length === 1
      ? guessed
      : byWords;
  // The machine's lines — with the lines for no machine, when every other line of the order is that machine's.
  const ofMachine = machine ? order.filter((r) => r.machineId === machine || (!r.machineId && allOfMachine)) : [];
  // The lines named — not those of another machine than the one named —; else the machine's lines; else the order.
  const namedOfMachine = named.filter((r) => !machine || !r.machineId || r.machineId === machine);
  const pick = (
    named.length > 0 ? (namedOfMachine.length > 0 ? namedOfMachine : named) : ofMachine.length > 0 ? ofMachine : order
  ).filter((r) => !excluded.has(r));
  // A machine named that the order had no line for: the lines go to it.
  const onMachine = (r: HistoryRow): HistoryRow =>
    machine && ofMachine.length === 0 ? { ...r, machineId: machine } : r;

  // (A line whose count the change says is taken, whatever the other words name.)
  if (changes.counts.size > 0)
    return {
      orderId: latest,
      lines: order
        .filter((r) => pick.includes(r) || (changes.counts.has(r) && !excluded.has(r)))
        .map((r) => ({ ...onMachine(r), again: changes.counts.get(r) ?? r.quantity })),
    };
  if (!replaced || !change) {
    const said = a.quantity?.value;
    return {
      orderId: latest,
      lines: pick.map((r) => ({
        ...onMachine(r),
        again: said !== undefined && (pick.length === 1 || each) ? said : r.quantity,
      })),
    };
  }
  const { now, was } = replaced;
  // The lines the change names, else those that had the replaced count, else all.
  const changedText = text.slice(change.start, change.end);
  const changedUnit = findQuantities(tokenizeText(changedText), ctx.k, new Set()).find((q) => q.value === now)?.unit;
  const changedCount = { value: now, ...(changedUnit ? { unit: changedUnit } : {}) };
  // (A line of that order the change names is taken, though the other words left it out: "same as in April for the
  // line 3 welder, but 16 spools of wire this time instead of 12" — the wire was for no machine.)
  const changedByName = linesCounted(
    ctx,
    changedText,
    order.filter((r) => !excluded.has(r)),
    changedCount,
  );
  const changedByCount = pick.filter((r) => r.quantity === was);
  const changed = changedByName.length ? changedByName : changedByCount.length ? changedByCount : pick;
  return {
    orderId: latest,
    lines: order
      .filter((r) => pick.includes(r) || changedByName.includes(r))
      .map((r) => ({ ...onMachine(r), again: changed.includes(r) ? now : r.quantity })),
  };
}

/**
 * What separates the pieces of a reorder ("…, but without the chain", "… – tips and nozzles, the wire not") — not the
 * mark of a decimal ("tips 1.0", "Kontaktrohre 1,2").
 */
const PIECE =
  /(?<!\p{N})[,.]|[,.](?!\p{N})|[;!?()]|\s[-–—]\s|(?<![\p{L}])(?:but|aber|jedoch|however|instead|stattdessen)(?![\p{L}])/giu;
/** A word that leaves out what its piece names — not one before a count ("not 12" replaces a count). */
const LEAVES_OUT =
  /(?<![\p{L}])(?:without|not|no|nicht|nix|ned|kein\w*|ohne|minus|except|excluding|außer|ausser)(?![\p{L}])(?!\s*\d)/iu;

/** Words that leave out what follows them, where they start a piece inside a longer one. */
const LEAVE_OUT_START = /(?<![\p{L}])(without|except|excluding|ohne|außer|ausser)(?![\p{L}])/giu;

/** Words that set a piece apart as this time's change ("but …", "aber …", "… this time", "diesmal …"). */
const CHANGE_LEAD = /^(?:but|aber|jedoch|however|instead|stattdessen)$/iu;
const THIS_TIME = /(?<![\p{L}])(?:this\s+time|diesmal|dieses\s+mal|this\s+round)(?![\p{L}])/iu;

/** What separates the items of a piece ("8 m of the hose and a bag of fittings", "1 Messer + 2 Pack Leisten"). */
const ITEM = /[:+]|(?<![\p{L}])(?:and|und|plus|sowie|dazu)(?![\p{L}])/giu;

/**
 * The counts the message says for lines of the order. A change ("but 30 m of chain this time", "aber diesmal 6 Sack
 * Leim": a piece led by a word of contrast or saying "this time") with a count naming one line of the order is that
 * line's count now, and its words name no line to take; an item of another piece with a count naming one line ("wie
 * beim letzten Mal: 8 Meter Schlauch und einen Beutel Pressfassungen", "1 Messer wie letztes Mal + 2 Pack Leisten") is
 * that line's count, and names it — when the message counts two lines or more so. The text returned is the text without the changes (a change names no line to take).
 */
function countsSaid(ctx: Ctx, text: string, order: HistoryRow[]): { counts: Map<HistoryRow, number>; text: string } {
  const counts = new Map<HistoryRow, number>();
  const listed = new Map<HistoryRow, number>();
  let rest = text;
  let lead = "";
  let at = 0;
  const pieces: { piece: string; lead: string }[] = [];
  for (const m of text.matchAll(PIECE)) {
    pieces.push({ piece: text.slice(at, m.index), lead });
    lead = m[0].trim();
    at = m.index + m[0].length;
  }
  pieces.push({ piece: text.slice(at), lead });
  const countOf = (piece: string) => {
    const q = analyse(ctx, piece).quantity;
    const named = q && Number.isInteger(q.value) ? linesCounted(ctx, piece, order, q) : [];
    return q && named.length === 1 && !counts.has(named[0]!) ? { line: named[0]!, value: q.value } : undefined;
  };
  for (const { piece, lead } of pieces) {
    if (LEAVES_OUT.test(piece)) continue;
    if (CHANGE_LEAD.test(lead) || THIS_TIME.test(piece)) {
      if (namesOrderTime(piece)) continue;
      // ("but tips 1.0 this time": a change of a line with no count names no line to take either.)
      const c = countOf(piece);
      if (c) counts.set(c.line, c.value);
      if (c || linesNamedBy(ctx, piece, order).length > 0) rest = rest.replace(piece, " ");
      continue;
    }
    for (const item of piece.split(ITEM)) {
      const c = countOf(item);
      if (c) listed.set(c.line, c.value);
    }
  }
  // (The items of a list, each with its count; one count alone is read with the lines the words take.)
  if (listed.size > 1) for (const [line, value] of listed) if (!counts.has(line)) counts.set(line, value);
  return { counts, text: rest };
}

/**
 * The lines a counted piece names: those whose products its words name — of several, the one sold in the unit the count
 * is said in ("30 m of chain" of the chain by the metre, not the pins for that chain in bags; "wire 16 spools" of the
 * wire on spools, not the wire feed rolls).
 */
function linesCounted<L extends { sku: string }>(
  ctx: Ctx,
  piece: string,
  rows: L[],
  q: { value: number; unit?: string },
): L[] {
  const all = linesNamedBy(ctx, piece, rows);
  if (all.length < 2) return all;
  const products = ctx.k.reader.products(all.map((r) => r.sku));
  const inUnit = q.unit ? all.filter((r) => products.get(r.sku)?.orderUnit === q.unit) : [];
  if (inUnit.length === 1) return inUnit;
  // (The word counted — "16 spools" — is a word of one line's name: the wire "…, 16 kg spool", not the feed roll.)
  const counted = new RegExp(`(?<![\\p{N}.,])${q.value}\\s*(\\p{L}{3,})`, "u").exec(piece)?.[1];
  if (!counted) return all;
  const norm = (w: string) => stemOf(foldUmlauts(w.toLowerCase()));
  const names = ctx.k.allNames(all.map((r) => r.sku));
  const ofWord = all.filter((r) => [...nameWords(names.get(r.sku) ?? "")].some((w) => norm(w) === norm(counted)));
  return ofWord.length === 1 ? ofWord : all;
}

/**
 * "10 of each", "4 boxes each", "je 8 Stück", "jeweils 3 Schachteln": a count said once for every line taken — "each"
 * right after the count and ending its piece (not "one for each unit"), "je" right before it.
 */
const EACH =
  /(?<![\p{L}\p{N}.,])(\d+)\s*(?:\p{L}+\.?\s+)?(?:of\s+)?(?:each|apiece)(?:\s+(?:please|pls|bitte))?\s*(?:$|[,.;!?)])|(?<![\p{L}])(?:je|jeweils)\s+(\d+)(?![\p{N}.,])/iu;
/** "only", "nur", "just" before what it keeps — not before a count ("nur 2 Kanister" says how many). */
const ONLY = /(?<![\p{L}])(?:only|just|nur|lediglich|bloß|bloss)(?![\p{L}])(?!\s*\d)/iu;

/**
 * A counted item beside the earlier order, up to the end of its piece: led by "plus", "dazu", "außerdem", "as well as",
 * "und noch" ("…, dazu 2 Keilriemen für den alten Kemper") — not by a bare "and"/"und", which joins the order's own
 * lines as often ("6 membranes and 6 brine seals").
 */
const BESIDE =
  /(?<![\p{L}])(?:plus|dazu|außerdem|ausserdem|zusätzlich|additionally|as\s+well\s+as|and\s+also|sowie|(?:and|und)\s+(?:noch|also|dazu|außerdem))(?![\p{L}])(?=(?:\s+\p{L}+){0,2}\s+(?:\d|an?\s|ein\w*\s|one\s|two\s|zwei\s))(?:[^,;.!?]|[.,](?=\p{N}))*/giu;
/** The text without the words of the buyer's machines' names ("the harrow" of "Harrow 1", "deck oven 1"). */
function withoutMachineWords(ctx: Ctx, text: string): string {
  const words = new Set(
    (ctx.conv.machines ?? []).flatMap((m) =>
      m.label
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length > 2),
    ),
  );
  return text
    .split(/([^\p{L}]+)/u)
    .map((w) => (words.has(w.toLowerCase()) ? " " : w))
    .join("");
}

/** The piece of the text that keeps only what it names ("but only the 150 grit", "aber nur Korn 150"). */
function onlyPiece(text: string): string | undefined {
  return text
    .split(PIECE)
    .find((p) => p && ONLY.test(p) && !namesOrderTime(p) && !LEAVES_OUT.test(p))
    ?.trim();
}

/**
 * The lines of an order a piece of "only" names: those its words name, told apart by a number of the product's name the
 * piece says ("150 grit" of the belts grit 120 and grit 150, "pH 4" of the buffers pH 4.01 and pH 7.00) and by a word
 * the name holds whole, not only as part of another ("clockwise" of the clockwise blades, not the counter-clockwise).
 */
function linesNamedOnly(ctx: Ctx, piece: string, order: HistoryRow[]): HistoryRow[] {
  const byWords = linesNamedBy(ctx, piece, order);
  const names = ctx.k.allNames(order.map((r) => r.sku));
  const tokens = (sku: string) => (names.get(sku) ?? "").toLowerCase().split(/[^\p{L}\p{N}.,-]+|[.,](?!\p{N})/u);
  const numbers = piece.match(/(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{N}])/gu) ?? [];
  const numbered = (rows: HistoryRow[]) =>
    numbers.length === 0
      ? rows
      : rows.filter((r) =>
          numbers.every((n) => tokens(r.sku).some((t) => t === n || t.startsWith(`${n}.`) || t.startsWith(`${n},`))),
        );
  if (byWords.length === 0 && numbers.length === 0) return [];
  const pool = byWords.length ? byWords : order;
  const byNumber = numbered(pool);
  if (byNumber.length === 0) return byWords;
  if (byNumber.length === 1) return byNumber;
  const said = new Set(
    piece
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 3),
  );
  const whole = byNumber.filter((r) => tokens(r.sku).some((t) => said.has(t)));
  return whole.length > 0 && whole.length < byNumber.length ? whole : byNumber;
}

/** The text without its negated pieces (`rest`), and those pieces (`left`) — a piece naming an order's time never is one. */
function leftOut(text: string): { rest: string; left: string } {
  // ("same as last time except the refrigerant": a word that leaves out starts a piece of its own.)
  const pieces = text
    .replace(LEAVE_OUT_START, ", $1")
    .split(PIECE)
    .filter((p) => p !== undefined);
  const left = pieces.filter((p) => LEAVES_OUT.test(p) && !namesOrderTime(p));
  if (left.length === 0) return { rest: text, left: "" };
  return { rest: pieces.filter((p) => !left.includes(p)).join(", "), left: left.join(", ") };
}

/** The piece of the text around a span, between separators (",", ";", ".", "but", "aber"). */
function pieceAround(text: string, from: number, to: number): { start: number; end: number } {
  const SEP = /[,;.!?]|(?<![\p{L}])(?:but|aber|jedoch|however)(?![\p{L}])/giu;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SEP)) {
    if (m.index + m[0].length <= from) start = m.index;
    else if (m.index >= to) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/** The rows whose product's name (in some language) leads with a word of `text` ("Heizelemente": "Heizelement …"). */
function linesLedBy<L extends { sku: string }>(ctx: Ctx, text: string, rows: L[]): L[] {
  const norm = (w: string) => stemOf(foldUmlauts(w));
  const said = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3 && !/\d/.test(w))
      .map(norm),
  );
  const names = ctx.k.allNames(rows.map((l) => l.sku));
  return rows.filter((l) => {
    const lead = (names.get(l.sku) ?? "").toLowerCase().match(/\p{L}+/u)?.[0];
    return !!lead && said.has(norm(lead));
  });
}

/**
 * The rows of an earlier order whose products the words of `text` name (see `namedLines`); none when they name none.
 * A product is named by a word of its names or search keywords in any language, or of its successor's ("Kontaktrohre"
 * of an old contact tip the catalog names in English only) — a short word (three letters, "Gas") only as a whole word of
 * those and when it is no word of ordinary language; a long word also with one slip of the keys ("Keilrieben"): the
 * words are read against the few products of one order, not the catalog.
 */
export function linesNamedBy<L extends { sku: string }>(ctx: Ctx, text: string, rows: L[]): L[] {
  const norm = (w: string) => stemOf(foldUmlauts(w));
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !/\d/.test(w));
  // (Each word stemmed and only folded: "Düsen" stems to "duse", "Gasdüse" to "gasdus".)
  const said = words
    .filter((w) => w.length > 3)
    .flatMap((w) =>
      // ("Inis" of "Ini": a plural -s the stem keeps.)
      [norm(w), foldUmlauts(w), ...(w.endsWith("s") ? [foldUmlauts(w.slice(0, -1))] : [])].map((x) => ({
        w: x,
        long: w.length > 4,
      })),
    );
  const short = words
    .filter((w) => w.length === 3 && !FILLER.has(w) && !ctx.k.corpusWords.has(w))
    .map((w) => foldUmlauts(w));
  const products = ctx.k.reader.products(rows.map((l) => l.sku));
  const successor = (sku: string) => {
    const p = products.get(sku);
    return p?.lifecycle === "discontinued" && p.successorSku ? p.successorSku : undefined;
  };
  const skus = rows.flatMap((l) => [l.sku, successor(l.sku) ?? []].flat());
  const names = ctx.k.namesAndKeywords(skus);
  const named = rows.filter((l) => {
    const text = `${names.get(l.sku) ?? ""} ${names.get(successor(l.sku) ?? "") ?? ""}`;
    // "o-ring sets" names the "Sleeve O-ring set": a hyphenated word of a name counts in its parts too, as the
    // buyer's words do.
    const all = [...nameWords(text)].filter((x) => !/\d/.test(x));
    if (short.some((w) => all.some((x) => foldUmlauts(x) === w))) return true;
    const have = all.filter((x) => x.length > 2).flatMap((x) => [norm(x), foldUmlauts(x)]);
    // ("Düsen" names the "Gasdüse": a word of five letters or more is the head of a compound even when its stem is short.)
    return said.some(({ w, long }) =>
      have.some(
        (x) =>
          x === w ||
          ((w.length >= 4 || (long && w.length >= 3)) && x.length > w.length + 2 && x.endsWith(w)) ||
          (w.length >= 7 && x.length >= 7 && x[0] === w[0] && editDistance(w, x, 1) <= 1),
      ),
    );
  });
  return named;
}
