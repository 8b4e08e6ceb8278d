/**
 * Handlers of the dialogue table (`dialogue.ts`) for fresh requests: each does one thing — a tool call or a short
 * answer — and returns undefined when the message does not give it what it needs, so the table tries the next row.
 */
import type { Action, DraftView, Pending } from "./conversation.ts";
import { hasMarker } from "./nlu/evidence.ts";
import { ASKS_WHAT_THERE_IS, INSISTING } from "./language.ts";
import { beyondReach, beyondReachReply, machineName, numbered, qty, redirect, say } from "./replies.ts";
import {
  analyse,
  byWords,
  fitsOn,
  inOrderUnit,
  ownPackUnit,
  type Analysis,
  lineByWords,
  namesAnother,
  optionsFor,
  retractedMachines,
  productsInLanguage,
  variantOf,
  type Ctx,
  type MemoFn,
  type Step,
} from "./context.ts";
import { aboutListed, action, addsToLine, find, fromHistory, itemParts } from "./actions.ts";
import { variantByValue } from "./references.ts";
import { machineList, startCheckout, whichOfList } from "./phrasing.ts";
import { findChoice } from "./recognise.ts";
import { type HistoryRow, linesNamedBy, monthsIn, ofMonths } from "./month-order.ts";
import type { DialogueState, Handler, Reading } from "./dialogue.ts";
import { removal } from "./destructive.ts";

type H = (ctx: Ctx, s: DialogueState, r: Reading, memo: MemoFn) => Step | undefined;

const keep = (s: DialogueState) => s.pending;

export const machines: H = (ctx, _s, _r, memo) => machineList(ctx, memo);

export const cancel: H = (ctx, s, _r, memo) =>
  s.draft.lines.length === 0
    ? {
        text: say(
          ctx.lang,
          "There is nothing in your order to cancel.",
          "Ihre Bestellung ist leer, es gibt nichts zu verwerfen.",
        ),
        memo: memo(),
      }
    : { calls: [{ name: "clear_draft", args: {} }], memo: memo() };

export const place: H = (ctx, _s, _r, memo) => startCheckout(ctx, "place", memo);
export const review: H = (ctx, _s, _r, memo) => startCheckout(ctx, "review", memo);

/** A removal with a clear reading and a target (destructive.ts): that line, or a question which one. */
export const removeLine: H = (ctx, s, r, memo) => {
  if (s.draft.lines.length === 0)
    return { text: say(ctx.lang, "Your order is empty.", "Ihre Bestellung ist leer."), memo: memo() };
  const what = removal(ctx, s, r);
  if (!what) return undefined;
  if ("lineId" in what) return { calls: [{ name: "remove_line", args: { lineId: what.lineId } }], memo: memo() };
  const names = ctx.k.reader.products(s.draft.lines.map((l) => l.sku));
  const list = s.draft.lines.map((l) => `${l.lineId}: ${l.quantity} × ${l.sku} — ${names.get(l.sku)?.name ?? ""}`);
  return {
    text: `${say(ctx.lang, "Which line should I remove?", "Welche Position soll ich entfernen?")}\n${list.join("\n")}`,
    memo: memo(keep(s)),
  };
};

/** "Remove the seal kit" when the order holds none: nothing removed, nothing added — said, with what the order holds. */
export const notInOrder: H = (ctx, s, _r, memo) => {
  const names = ctx.k.reader.products(s.draft.lines.map((l) => l.sku));
  const list = s.draft.lines.map((l) => `${l.lineId}: ${l.quantity} × ${l.sku} — ${names.get(l.sku)?.name ?? ""}`);
  return {
    text: `${say(ctx.lang, "That is not in your order, so I removed nothing. Your order has:", "Das ist nicht in Ihrer Bestellung, ich habe nichts entfernt. Ihre Bestellung enthält:")}\n${list.join("\n")}`,
    memo: memo(keep(s)),
  };
};

/**
 * The product a message pointing at a thing names: the one named outright, or — "die CuCrZr für Stahldraht", "the
 * conical ones" — the one product of the order among the candidates its words lead with (an attribute of a line
 * already on the order, not a new search).
 */
export function pointedSku(ctx: Ctx, s: DialogueState, r: Reading): string | undefined {
  if (r.sku) return r.sku;
  const g = r.a.guess;
  if (!g || g.confident || r.a.quantity || ctx.conv.text.includes("?") || g.hits[0]!.match.startsWith("sku"))
    return undefined;
  const top = g.hits[0]!.score;
  const skus = new Set(s.draft.lines.map((l) => l.sku));
  const onOrder = new Set(g.hits.filter((h) => skus.has(h.sku) && h.score >= top - 1e-6).map((h) => h.sku));
  return onOrder.size === 1 ? [...onOrder][0] : undefined;
}

/** "the 28 mm EPDM one" with it on the order: which line it is, and the question the order stands at. */
export const onOrder: H = (ctx, s, r, memo) => {
  const sku = pointedSku(ctx, s, r);
  const line = s.draft.lines.findLast((l) => l.sku === sku && (!r.a.machine || l.machineId === r.a.machine.machineId));
  if (!line) return undefined;
  const what = `${qty(line.quantity, line.unit, ctx.lang)} × ${line.sku}`;
  return {
    text: say(
      ctx.lang,
      `That is in your order as ${line.lineId} (${what}). Anything else, or shall I place the order?`,
      `Das ist als Position ${line.lineId} in Ihrer Bestellung (${what}). Noch etwas, oder soll ich bestellen?`,
    ),
    memo: memo({ kind: "confirm" }),
  };
};

/**
 * The line a named machine moves to ("put the kit on press 3 instead", "nicht für Presse 3, für Presse 4"): the line
 * in focus when it is for another machine and the message asks nothing else of a product (no quantity, no other
 * product, no question). The engine re-checks the line on its new machine.
 */
export function movedLine(ctx: Ctx, s: DialogueState, r: Reading): { lineId: string; machineId: string } | undefined {
  const other = lineForOtherMachine(ctx, s, r);
  // "another drier for the roof chiller", "noch einen für Zelle 2": more of it for that machine, not a move.
  return other && !r.a.quantity && !addsToLine(ctx.conv.text) ? other : undefined;
}

/** A question (its mark, or opened as one) asking what there is or what fits. */
function asksWhatThereIs(ctx: Ctx): boolean {
  return ctx.conv.text.includes("?") && ASKS_WHAT_THERE_IS.test(ctx.conv.text);
}

/** The line in focus, when the message names another machine for it and nothing but its own product. */
function lineForOtherMachine(
  ctx: Ctx,
  s: DialogueState,
  r: Reading,
): { lineId: string; machineId: string; sku: string } | undefined {
  const m = r.a.machine;
  const lineId = s.focus.lineId;
  if (
    !m ||
    !lineId ||
    (["compat", "price", "stock", "info", "find", "remove", "cancel", "history"] as const).some((c) => ctx.cues.has(c))
  )
    return undefined;
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  if (!line || (line.machineId ?? s.draft.machineId) === m.machineId) return undefined;
  const g = r.a.guess?.confident ? r.a.guess.hits[0]!.sku : undefined;
  if (g && g !== line.sku) return undefined;
  // "what mechanical seals do you have for pump 2?", "welche Filter passen für die Kühlzelle?": a question of what
  // there is for that machine (a kind named) is a look at the catalog, the line stays where it is.
  if (r.a.guess && asksWhatThereIs(ctx)) return undefined;
  return { lineId, machineId: m.machineId, sku: line.sku };
}

/**
 * "Another drier for the roof chiller", "and one more for freezer 3", "noch 2 für Zelle 2": the product of the line in
 * focus once more, on a line of its own for the machine named — the first line stays where it is.
 */
export const moreForMachine: H = (ctx, s, r, memo) => {
  const other = addsToLine(ctx.conv.text) ? lineForOtherMachine(ctx, s, r) : undefined;
  if (!other) return undefined;
  const q = r.a.quantity;
  return action(ctx, "add", other.sku, r.a, memo, {
    machineId: other.machineId,
    ...(q ? { quantity: q.value, ...(q.unit ? { unit: q.unit } : {}) } : {}),
  });
};

/**
 * "I know, order it anyway" after the consultant said the product in focus does not fit and listed alternatives: the
 * buyer insists on that product. It goes on the draft, where the engine raises its block and offers the fixes — the
 * shield decides, never the consultant's own check. Only when the message orders ("order it", "trotzdem bestellen"),
 * picks nothing on the list and names no other product.
 */
export function insisted(ctx: Ctx, s: DialogueState, r: Reading): string | undefined {
  const p = s.pending;
  const sku = s.focus.sku;
  if (p?.kind !== "choose_product" || !sku || p.skus.includes(sku)) return undefined;
  // "Order it (anyway)" acts on the product under discussion; "take the fitting one" is a pick from the list.
  if (!ctx.cues.has("checkout")) return undefined;
  // "yes, order please" to the one alternative offered takes that one; insisting says so ("anyway", "trotzdem").
  if ((ctx.cues.has("yes") || ASSENT.test(ctx.conv.text)) && p.skus.length === 1 && !INSISTING.test(ctx.conv.text))
    return undefined;
  if (s.draft.lines.some((l) => l.sku === sku)) return undefined;
  // A pick from the list (its SKU, an ordinal, its words) is an answer to the list, not insistence.
  const text = ctx.conv.text.toLowerCase();
  if (p.skus.some((x) => text.includes(x.toLowerCase())) || findChoice(ctx.tokens) !== undefined) return undefined;
  if (byWords(ctx, p.skus)) return undefined;
  const g = r.a.guess;
  // Words of its own name ("die EPDM") point at it, whatever else the words might match in the catalog.
  if (g?.confident && g.hits[0]!.sku !== sku && byWords(ctx, [sku]) !== sku) return undefined;
  return sku;
}

/** A message that opens with assent ("yes order please", "ok, bestellen", "ja passt"). */
const ASSENT = /^\s*(?:yes|yep|yeah|yup|ok(?:ay)?|sure|alright|ja|jo|jawohl|genau|passt|gut)(?![\p{L}])/iu;

export const insist: H = (ctx, s, r, memo) => {
  const sku = insisted(ctx, s, r);
  const p = s.pending;
  if (!sku || p?.kind !== "choose_product") return undefined;
  return action(ctx, "add", sku, r.a, memo, {
    ...(p.machineId ? { machineId: p.machineId } : {}),
    ...(r.a.quantity ? {} : p.quantity ? { quantity: p.quantity, ...(p.unit ? { unit: p.unit } : {}) } : {}),
  });
};

/** Another machine for a line ("put it on press 3 instead"): set_machine; the engine re-checks the fit. */
export const moveLine: H = (ctx, s, r, memo) => {
  const moved = movedLine(ctx, s, r);
  if (!moved) return undefined;
  const call = ctx.tools.has("set_machine")
    ? { name: "set_machine", args: { machineId: moved.machineId, lineId: moved.lineId } }
    : { name: "update_line", args: { lineId: moved.lineId, machineId: moved.machineId } };
  return { calls: [call], memo: memo() };
};

/**
 * A machine correction with no line to move: an open list is searched again for the corrected machine (as "what about
 * for pump 4?"); an empty order is said to be empty, never read as a request for that machine's parts.
 */
export const correctMachine: H = (ctx, s, r, memo) => {
  const m = r.a.machine!;
  if (s.pending?.kind === "choose_product") return find(ctx, r.a, memo, s.pending.action);
  if (s.draft.lines.length > 0) return undefined;
  const name = machineName(m, m.machineId, ctx.lang);
  return {
    text: say(
      ctx.lang,
      `Your order is empty, so there is no line to move to ${name}. What do you need for it?`,
      `Ihre Bestellung ist leer, es gibt keine Position, die ich auf ${name} umstellen könnte. Was benötigen Sie dafür?`,
    ),
    memo: memo(),
  };
};

/**
 * "PO 4500-8812" while the consultant waits for a pick, a machine or a count and the order is still empty: noted for
 * the line the answer adds (`carriedPo`), and the open question asked again — never a help text that loses both.
 */
export const detailsWhileOpen: H = (ctx, s, r, memo) => {
  const p = s.pending;
  if (!r.po || (p?.kind !== "choose_product" && p?.kind !== "choose_machine" && p?.kind !== "quantity"))
    return undefined;
  const question = openQuestion(ctx.conv.lastReply);
  const noted = say(
    ctx.lang,
    `Noted: PO reference ${r.po} — it goes on the order with the line.`,
    `Notiert: Bestellreferenz ${r.po} — sie kommt mit der Position auf die Bestellung.`,
  );
  return { text: question ? `${noted}\n${question}` : noted, memo: memo({ ...p, poReference: r.po }) };
};

export const orderDetails: H = (_ctx, _s, r, memo) => ({
  calls: [
    {
      name: "set_order_details",
      args: {
        ...(r.po ? { poReference: r.po } : {}),
        ...(r.date ? { requestedDate: r.date } : {}),
        ...(r.shipTo ? { shipToId: r.shipTo } : {}),
      },
    },
  ],
  memo: memo(),
});

/**
 * A change of mind on a line: another product (named, or a variant by the new words), a quantity, options — and
 * another machine named with it ("make it 3 and put them on the palletiser instead"), moved in the same turn.
 */
export const changeLine: H = (ctx, s, r, memo) => {
  const step = changeLineOnly(ctx, s, r, memo);
  const lineId = s.focus.lineId!;
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  const m = r.a.machine;
  if (!step?.calls?.length || !line || !m || (line.machineId ?? s.draft.machineId) === m.machineId) return step;
  const call = ctx.tools.has("set_machine")
    ? { name: "set_machine", args: { machineId: m.machineId, lineId } }
    : { name: "update_line", args: { lineId, machineId: m.machineId } };
  return { ...step, calls: [...step.calls, call] };
};

const changeLineOnly: H = (ctx, s, r, memo) => {
  const lineId = s.focus.lineId!;
  const line = s.draft.lines.find((l) => l.lineId === lineId);
  if (!line) return undefined;
  const q = r.a.quantity;
  const lineCategory = ctx.k.reader.products([line.sku]).get(line.sku)?.category;
  const g = r.a.guess?.confident ? r.a.guess.hits[0]! : undefined;
  // A named SKU replaces the line; words alone only when they point into the line's own category and not also at the
  // line's own product ("ok 3 pails then" of a line that is a pail already changes the quantity, not the product).
  const wordsFitLine =
    !g?.match.startsWith("sku") && (r.sku === line.sku || !!r.a.guess?.hits.some((h) => h.sku === line.sku));
  if (g && g.sku !== line.sku && !wordsFitLine && (g.match.startsWith("sku") || g.category === lineCategory))
    return {
      calls: [{ name: "update_line", args: { lineId, sku: g.sku, ...(q ? { quantity: q.value } : {}) } }],
      memo: memo(),
    };
  // "make the cylinders 10": a count, the message's one number, states no value of another variant.
  const numbers = ctx.tokens.filter((t) => /\d/.test(t.lower));
  const countOnly = !!q && numbers.length === 1 && !q.unit && numbers[0]!.lower === String(q.value);
  const byValue = countOnly ? undefined : variantByValue(ctx, line);
  const variant = optionsFor(ctx, line.sku) ? undefined : (byValue ?? variantOf(ctx, line));
  if (variant)
    return {
      calls: [{ name: "update_line", args: { lineId, sku: variant, ...(q ? { quantity: q.value } : {}) } }],
      memo: memo(),
    };
  // "24 cartridges, so 2 cartons" of grease sold per carton: the count in the line's own pack stands.
  const packs = q ? inOrderUnit(ctx, line.sku, ctx.conv.text, q.value) : undefined;
  if (packs) return { calls: [{ name: "update_line", args: { lineId, quantity: packs.value } }], memo: memo() };
  if (q)
    return {
      calls: [{ name: "update_line", args: { lineId, quantity: q.value, ...(q.unit ? { unit: q.unit } : {}) } }],
      memo: memo(),
    };
  const opts = optionsFor(ctx, line.sku);
  return opts ? { calls: [{ name: "set_options", args: { lineId, options: opts } }], memo: memo() } : undefined;
};

/**
 * An earlier order named by its reference: its lines again (or those of them the words name), for the machine named
 * (else each line's own); a quantity stated for one line is the new quantity ("but 4 elements this time instead of 2").
 */
export const repeatOrder: H = (ctx, s, r, memo) => {
  // An order named by its month: the lines and counts its reading took (`orderOfMonth`).
  // (A line the draft holds already — "gleiche Menge wie im März" — takes the count, when it has another; else it is
  // left as it is, and the message read for what else it says.)
  if (r.pastLines?.length) {
    const calls = r.pastLines.flatMap((l): { name: string; args: Record<string, unknown> }[] => {
      if (!l.lineId)
        return [
          {
            name: "add_line",
            args: { sku: l.sku, quantity: l.again, ...(l.machineId ? { machineId: l.machineId } : {}) },
          },
        ];
      const line = ctx.conv.draft.lines.find((x) => x.lineId === l.lineId);
      return line && line.quantity !== l.again
        ? [{ name: "update_line", args: { lineId: l.lineId, quantity: l.again } }]
        : [];
    });
    if (calls.length) return { calls, memo: memo() };
    // (Nothing to change: an open question the message answers besides is read as answered — "dann halt die neuen,
    // gleiche Menge wie im März" —; else the order as it stands is shown to confirm.)
    return s.open !== "idle" && s.open !== "confirm" ? undefined : startCheckout(ctx, "place", memo);
  }
  const ref = r.pastOrder!.toLowerCase();
  const rows = (ctx.conv.history ?? []).filter(
    (h) => String(h.reference ?? "").toLowerCase() === ref || String(h.orderId ?? "").toLowerCase() === ref,
  ) as {
    sku: string;
    quantity: number;
    machineId: string | null;
  }[];
  if (rows.length === 0) return undefined;
  // "die roten Zahnkränze … wie in unserer Bestellung 4500-7702, diesmal 4 Stück": the lines of the order the words
  // name, when they name some of its lines and not all — the others stay off this order.
  const lines = namedLines(ctx, rows);
  // A machine named that the order had no line for takes the lines (as of an order named by its month); a machine of
  // the order ("for Slicer A and B") leaves each line on its own.
  const named = r.a.machine?.machineId;
  const machineId = named && !rows.some((l) => l.machineId === named) ? named : undefined;
  const counts = countsPerLine(ctx, lines);
  // "4 filter cartridges for extraction line 2, same type like PO 0915. And 1 pack of prefilter mats.": the earlier
  // order is one item of a list — the count of the part that names it is its line's, the other counted items are
  // added beside it.
  const beside = besideOrder(ctx, r.pastOrder!, rows);
  const own = beside.length ? itemParts(ctx).find((p) => p.toLowerCase().includes(ref)) : undefined;
  const quantity = lines.length === 1 ? (own ? analyse(ctx, own).quantity : r.a.quantity)?.value : undefined;
  return {
    calls: [
      ...lines.map((l) => ({
        name: "add_line",
        args: {
          sku: l.sku,
          quantity: counts.get(l) ?? quantity ?? l.quantity,
          ...((machineId ?? l.machineId) ? { machineId: machineId ?? l.machineId } : {}),
        },
      })),
      ...beside.map((item) => {
        const id = item.a.machine?.machineId ?? named ?? lines[0]?.machineId;
        const machine = ctx.conv.machines?.find((m) => m.machineId === id);
        const unit = ownPackUnit(ctx, item.sku, item.a.quantity!.unit);
        return {
          name: "add_line",
          args: {
            sku: item.sku,
            quantity: item.a.quantity!.value,
            ...(unit ? { unit } : {}),
            ...(machine && fitsOn(ctx, item.sku, machine) ? { machineId: machine.machineId } : {}),
          },
        };
      }),
    ],
    memo: memo(),
  };
};

/**
 * The counted items of the message beside an earlier order it names by reference: parts that do not name that
 * reference, nor any line of the order, and identify a product of their own with a count.
 */
function besideOrder(ctx: Ctx, ref: string, rows: { sku: string }[]): { sku: string; a: Analysis }[] {
  const parts = itemParts(ctx);
  if (parts.length < 2) return [];
  const key = ref.toLowerCase();
  const skus = new Set(rows.map((l) => l.sku));
  return parts.flatMap((part) => {
    if (part.toLowerCase().includes(key) || linesNamedBy(ctx, part, rows).length) return [];
    const a = analyse(ctx, part);
    const sku = a.guess?.confident ? a.guess.hits[0]!.sku : undefined;
    return sku && a.quantity && !skus.has(sku) ? [{ sku, a }] : [];
  });
}

/**
 * "like on our PO KR-45521, 3 lamps plus the 4 o-ring sets": a count said in an item of the message that names one line
 * of the earlier order is that line's count this time.
 */
function countsPerLine<L extends { sku: string }>(ctx: Ctx, lines: L[]): Map<L, number> {
  const out = new Map<L, number>();
  if (lines.length < 2) return out;
  for (const part of itemParts(ctx)) {
    const q = analyse(ctx, part).quantity;
    if (!q) continue;
    const named = linesNamedBy(ctx, part, lines);
    if (named.length === 1 && !out.has(named[0]!)) out.set(named[0]!, q.value);
  }
  return out;
}

/**
 * The lines of an earlier order the request's words name ("die roten Zahnkränze" of an order of spiders and grease;
 * "the 2 filter driers and the HP switch" of both its lines): a line is named when a word of the request (four letters
 * or more, plural ending and umlauts aside) is a word of its product's name in any language, or
 * the head of a compound of it — all lines when the words name none of them or all.
 */
function namedLines<L extends { sku: string }>(ctx: Ctx, rows: L[]): L[] {
  if (rows.length < 2) return rows;
  const named = linesNamedBy(ctx, ctx.conv.text, rows);
  return named.length > 0 && named.length < rows.length ? named : rows;
}

/**
 * "Same as last time": the matching earlier order. A message read as a reorder that names a product no earlier order
 * holds ("1 Filterset für die IMM 7") was a plain request: the history reading has nothing to fill it, so the table
 * goes on to the product named.
 */
export const sameAsBefore: H = (ctx, _s, r, memo) => {
  const step = fromHistory(ctx, r.a, memo);
  return !step.calls?.length && r.a.guess ? undefined : step;
};

export const ask =
  (kind: Action): H =>
  (ctx, s, r, memo) =>
    action(ctx, kind, r.about!, r.a, memo, waitingWith(s, r));

/**
 * "2 FD-DML-084" → "which machine?" → "is it in stock?", "was kostet der?": a question about the item that waits for
 * its machine or count is about what was said with it — its count, unit and options (unless the question says its
 * own) — and, waiting for the machine, the question of which one stays open.
 */
function waitingWith(s: DialogueState, r: Reading): Parameters<typeof action>[5] {
  const p = s.pending;
  if (!p || (p.kind !== "choose_machine" && p.kind !== "quantity") || p.sku !== r.about) return {};
  const counted = p.quantity !== undefined && !r.a.quantity;
  return {
    ...(counted ? { quantity: p.quantity, ...(p.unit ? { unit: p.unit } : {}) } : {}),
    ...(p.options && Object.keys(p.options).length ? { options: p.options } : {}),
    ...(p.kind === "quantity" && p.machineId && !r.a.machine ? { machineId: p.machineId } : {}),
    ...(p.kind === "choose_machine" && !r.a.machine ? { waiting: p } : {}),
  };
}

export const info: H = (ctx, _s, r, memo) => action(ctx, "info", r.sku!, r.a, memo);
export const add: H = (ctx, _s, r, memo) => action(ctx, "add", r.sku!, r.a, memo);
export const list: H = (ctx, _s, r, memo) => find(ctx, r.a, memo, ctx.cues.has("add") || r.a.quantity ? "add" : "info");

/** Options named for a configurable line ("400 V and FKM"): the latest line whose model takes them. */
export const setOptions: H = (ctx, s, _r, memo) => {
  for (const line of [...s.draft.lines].reverse()) {
    const opts = optionsFor(ctx, line.sku);
    if (opts) return { calls: [{ name: "set_options", args: { lineId: line.lineId, options: opts } }], memo: memo() };
  }
  return undefined;
};

/** Words of sameness ("same", "gleichen", "again"): left out when looking for a word of an earlier order. */
const SAME =
  /(?<![\p{L}])(same|again|gleiche[mnrs]?|dasselbe|derselbe|dieselbe|selbe[mnrs]?|nochmal|nochmals|erneut)(?![\p{L}])/giu;
/** "gleich" alone is "right away", "noch" alone "more": sameness needs one of the words above. */
const SAME_WORD = new RegExp(SAME.source, "iu");

/**
 * "10m same hose", "noch 10 m vom gleichen Schlauch für IMM 7": the line of the order a "same" names — by the words of
 * its product, or (no product named) the line in focus — unless a word of an earlier order is said besides sameness
 * ("as last time", "wie letztes Mal", "as before": `nlu/evidence.ts`), which is a reorder.
 */
export function sameLine(ctx: Ctx, s: DialogueState, r: Reading): DraftView["lines"][number] | undefined {
  const lines = s.draft.lines;
  if (lines.length === 0 || !SAME_WORD.test(ctx.conv.text)) return undefined;
  if (
    hasMarker("history", ctx.conv.text.replace(SAME, " ")) ||
    /\blast\s+(time|order|week|month)\b/i.test(ctx.conv.text)
  )
    return undefined;
  // "the same one for pump 1 instead", "nicht für Zelle 2, sondern …": a move, not more of it.
  if (retractedMachines(ctx).length > 0 || /\b(instead|stattdessen)\b/i.test(ctx.conv.text)) return undefined;
  const hits = r.a.guess?.hits.slice(0, 8) ?? [];
  // "and 1 tip holder for the same torch": words that name a product the order lacks are no more of a line — the
  // sameness is of the machine.
  if (namesAnother(ctx, r.a)) return undefined;
  if (hits.length > 0) {
    const skus = [...new Set(lines.filter((l) => hits.some((h) => h.sku === l.sku)).map((l) => l.sku))];
    const byName = skus.length === 1 ? skus[0] : lines.find((l) => l.lineId === lineByWords(ctx))?.sku;
    return byName ? lines.findLast((l) => l.sku === byName) : undefined;
  }
  if (r.a.productWords.length > 0) return undefined;
  return lines.find((l) => l.lineId === s.focus.lineId) ?? lines.at(-1);
}

/**
 * That product again in this order: more on its line (same machine), or a line of its own for the machine named — the
 * quantity said, else the line's.
 */
export const sameAsLine: H = (ctx, s, r, memo) => {
  const line = sameLine(ctx, s, r);
  if (!line) return undefined;
  const q = r.a.quantity;
  const machineId = r.a.machine?.machineId ?? line.machineId;
  if (machineId === line.machineId && (!q?.unit || q.unit === line.unit))
    return {
      calls: [
        { name: "update_line", args: { lineId: line.lineId, quantity: line.quantity + (q?.value ?? line.quantity) } },
      ],
      memo: memo(),
    };
  return action(ctx, "add", line.sku, r.a, memo, {
    ...(machineId ? { machineId } : {}),
    quantity: q?.value ?? line.quantity,
    ...(q?.unit ? { unit: q.unit } : line.unit ? { unit: line.unit } : {}),
  });
};

/** A machine named alone: the order is for it (with a draft), or what fits it (without). */
export const forMachine: H = (ctx, s, r, memo) => {
  if (s.draft.lines.length > 0 && ctx.tools.has("set_machine"))
    return {
      calls: [
        {
          name: "set_machine",
          args: { machineId: r.a.machine!.machineId, ...(s.focus.lineId ? { lineId: s.focus.lineId } : {}) },
        },
      ],
      memo: memo(),
    };
  return find(ctx, r.a, memo, "info");
};

const MORE = /\b(more|another|additional|extra|weitere|zusätzlich|noch)\b/i;
/** "make it 5", "3 more": the quantity of the line the conversation is about. */
export const setFocusQuantity: H = (ctx, s, r, memo) =>
  setLineQuantity(s.draft.lines.find((x) => x.sku === r.about)!.lineId)(ctx, s, r, memo);

/** The count the message states, for this line of the order ("2 more" adds to it). */
export const setLineQuantity =
  (lineId: string): H =>
  (ctx, s, r, memo) => {
    const l = s.draft.lines.find((x) => x.lineId === lineId)!;
    const q = r.a.quantity!;
    return {
      calls: [
        {
          name: "update_line",
          args: {
            lineId: l.lineId,
            quantity: MORE.test(ctx.conv.text) && addsToLine(ctx.conv.text) ? l.quantity + q.value : q.value,
            ...(q.unit ? { unit: q.unit } : {}),
          },
        },
      ],
      memo: memo(),
    };
  };

export const whichProduct: H = (ctx, s, _r, memo) =>
  aboutListed(ctx, s.pending, memo) ?? {
    text: say(
      ctx.lang,
      "Which product do you mean? Give me the SKU or describe the part (and the machine it is for).",
      "Welchen Artikel meinen Sie? Nennen Sie mir die Artikelnummer oder beschreiben Sie das Teil (und die Maschine).",
    ),
    memo: memo(keep(s)),
  };

export const greet: H = (ctx, s, _r, memo) => ({
  text: say(ctx.lang, "Hello! ", "Guten Tag! ") + redirect(ctx.lang),
  memo: memo(keep(s)),
});

export const thanks: H = (ctx, s, _r, memo) => ({
  text: say(ctx.lang, "You're welcome. Anything else for your order?", "Gern geschehen. Darf es noch etwas sein?"),
  memo: memo(keep(s)),
});

/** "No" to the open question: nothing done, the question closed, the draft kept. */
export const declined: H = (ctx, s, _r, memo) => ({
  text:
    s.draft.lines.length > 0
      ? say(
          ctx.lang,
          "OK — I won't place it. Your order stays as it is; anything else you need?",
          "In Ordnung — ich bestelle nicht. Ihre Bestellung bleibt, wie sie ist; darf es noch etwas sein?",
        )
      : say(ctx.lang, "OK. Anything else you need?", "In Ordnung. Darf es noch etwas sein?"),
  memo: memo(),
});

export const notFound: H = (ctx, _s, r, memo) => ({
  text: say(
    ctx.lang,
    `I could not find "${r.a.productWords.join(" ")}" in the catalog. Could you give me a SKU or describe the part differently?`,
    `Ich habe „${r.a.productWords.join(" ")}“ im Katalog nicht gefunden. Haben Sie eine Artikelnummer oder eine andere Beschreibung?`,
  ),
  memo: memo(),
});

/**
 * Nothing in the message moves the conversation on. With a question open ("which machine is it for? 1) … 2) …"), that
 * question again — the buyer still owes its answer, and a generic help text would lose it; else what it can help with.
 */
export const redirected: H = (ctx, s, r, memo) => {
  if (beyondReach(ctx.conv.text)) return answerBeyondReach(ctx, s, r, memo);
  const question = s.pending ? openQuestion(ctx.conv.lastReply) : undefined;
  // The confirmation was shown (the order complete and clean, `readyToOrder`) and the message, not understood,
  // withdrew it: the same order is proposed again, nothing changed. A request for help gets the help.
  if (
    !question &&
    s.pending?.kind === "confirm" &&
    !ctx.cues.has("help") &&
    s.draft.lines.length > 0 &&
    ctx.tools.has("place_order")
  )
    return offeredAgain(
      ctx,
      memo,
      say(ctx.lang, "Sorry, I did not get that.", "Entschuldigung, das habe ich nicht verstanden."),
    );
  // "go ahead" to a list of several: which one, naming them (an assent needs no apology).
  const which = whichOfList(ctx, s.pending);
  if (which && (ctx.cues.has("yes") || ctx.cues.has("checkout"))) return { text: which, memo: memo(keep(s)) };
  return {
    text: question
      ? `${say(ctx.lang, "Sorry, I did not get that.", "Entschuldigung, das habe ich nicht verstanden.")} ${which ?? question}`
      : redirect(ctx.lang),
    memo: memo(keep(s)),
  };
};

/**
 * "what's the total incl. shipping?", "can you send me a quote as pdf?": what the consultant has no data for or
 * cannot do, said plainly with what it can — and the conversation where it was: the order offered for confirmation
 * again, or the open question asked again.
 */
export const answerBeyondReach: H = (ctx, s, _r, memo) => {
  const text = beyondReachReply(beyondReach(ctx.conv.text)!, ctx.lang);
  if (s.pending?.kind === "confirm" && s.draft.lines.length > 0 && ctx.tools.has("place_order"))
    return offeredAgain(ctx, memo, text);
  const question = s.pending ? openQuestion(ctx.conv.lastReply) : undefined;
  return {
    text: question
      ? `${text}\n${question}`
      : `${text} ${say(ctx.lang, "What else do you need?", "Was brauchen Sie noch?")}`,
    memo: memo(keep(s)),
  };
};

/** `lead`, then the unchanged order proposed for confirmation again (the shield asks the buyer once more). */
function offeredAgain(ctx: Ctx, memo: MemoFn, lead: string): Step {
  return {
    text: `${lead} ${say(
      ctx.lang,
      "Your order is unchanged — please confirm it, or tell me what else to add.",
      "Ihre Bestellung ist unverändert — bitte bestätigen Sie sie, oder schreiben Sie, was noch dazukommt.",
    )}`,
    calls: [{ name: "place_order", args: {} }],
    memo: memo({ kind: "confirm" }),
  };
}

/** The question a reply ends with: its last line that asks, with the choices listed after it. */
function openQuestion(reply: string | undefined): string | undefined {
  const lines = (reply ?? "").split("\n");
  const at = lines.findLastIndex((l) => l.trim().endsWith("?"));
  if (at < 0) return undefined;
  // "X depends on the machine. Which machine is it for?": the asking sentence of the line.
  const asking = lines[at]!.trim()
    .split(/(?<=[.!])\s+/u)
    .at(-1)!;
  return [asking, ...lines.slice(at + 1)].join("\n");
}

/** Several listed items match the reference equally: those again, as the open list. */
export function narrow(ctx: Ctx, p: Extract<Pending, { kind: "choose_product" }>, skus: string[], memo: MemoFn): Step {
  const names = productsInLanguage(ctx, skus);
  return {
    text: `${say(ctx.lang, "Which of these do you mean?", "Welchen davon meinen Sie?")}\n${numbered(skus.map((s) => `${s} — ${names.get(s)?.name ?? ""}`))}`,
    memo: memo({ ...p, skus }),
  };
}

export type { Handler };

/** Earlier orders shown for a question about them. */
const SHOWN_ORDERS = 3;

/**
 * "what did we order last time?", "welche Bestellungen hatten wir im Oktober?", "show me our last orders": a question
 * about earlier orders is answered with them — the months named, else the latest — and nothing is added; the buyer says
 * which to order again.
 */
export const showHistory: H = (ctx, s, _r, memo) => {
  const rows = (ctx.conv.history ?? []) as unknown as HistoryRow[];
  const months = monthsIn(ctx.conv.text);
  const inMonths = months.length ? ofMonths(rows, months) : rows;
  const orders = [...new Set([...inMonths].sort((a, b) => (a.orderedAt < b.orderedAt ? 1 : -1)).map((r) => r.orderId))];
  if (orders.length === 0)
    return {
      text: say(
        ctx.lang,
        months.length ? "I find no order of yours in that month." : "I find no earlier order of yours.",
        months.length
          ? "In dem Monat finde ich keine Bestellung von Ihnen."
          : "Ich finde keine frühere Bestellung von Ihnen.",
      ),
      memo: memo(keep(s)),
    };
  const shown = orders.slice(0, SHOWN_ORDERS);
  const names = ctx.k.reader.products([...new Set(rows.filter((r) => shown.includes(r.orderId)).map((r) => r.sku))]);
  const blocks = shown.map((id) => {
    const lines = rows.filter((r) => r.orderId === id);
    const date = String(lines[0]!.orderedAt).slice(0, 10);
    const items = lines.map((l) => {
      const machine = l.machineId ? ctx.conv.machines?.find((m) => m.machineId === l.machineId) : undefined;
      const forMachine = machine ? say(ctx.lang, ` for ${machine.label}`, ` für ${machine.label}`) : "";
      return `  ${l.quantity} × ${l.sku} — ${names.get(l.sku)?.name ?? ""}${forMachine}`;
    });
    return `${date} (${id}):\n${items.join("\n")}`;
  });
  const more =
    orders.length > shown.length
      ? say(ctx.lang, `(and ${orders.length - shown.length} earlier)`, `(und ${orders.length - shown.length} frühere)`)
      : "";
  return {
    text: [
      say(ctx.lang, "Your earlier orders:", "Ihre früheren Bestellungen:"),
      ...blocks,
      ...(more ? [more] : []),
      say(
        ctx.lang,
        "Shall I order one of them again? Say which (e.g. “the order of March again”), or what to change.",
        "Soll ich eine davon noch einmal bestellen? Sagen Sie welche (z. B. „die vom März nochmal“) oder was sich ändert.",
      ),
    ].join("\n"),
    memo: memo(keep(s)),
  };
};
