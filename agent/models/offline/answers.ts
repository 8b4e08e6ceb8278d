/**
 * Answers to the consultant's own questions: a pick from a list, the machine, a fix, configuration values, a
 * quantity, the confirmation. A message that is really a new request falls through to the turn's fresh reading.
 */
import type { Fix } from "../../../tools/types.ts";
import type { Action, ChooseProduct, DraftView, MachineView, Pending } from "./conversation.ts";
import { unitDecimals } from "../../../tools/checks/quantity.ts";
import { ALSO, FILLER, KEEP_AS_IS, saysBeside, type Cue } from "./language.ts";
import { stemOf } from "../../../catalog/queries/search.ts";
import {
  carryingAmounts,
  findChoice,
  findMachines,
  findOptions,
  nameWords,
  tokenizeText,
  wordsOf,
} from "./recognise.ts";
import { fixText, numbered, type OptionLabels, say } from "./replies.ts";
import {
  analyse,
  byWords,
  countedUnit,
  fitsOn,
  productsInLanguage,
  optionsFor,
  tiedByWords,
  type Ctx,
  type MemoFn,
  type Step,
  type ToolCallPlan,
} from "./context.ts";
import { action, addsToLine, askStockAndPrice, besideRequest, nameCarries, namedOutright } from "./actions.ts";
import { ordersToo, soldInAmount } from "./context.ts";
import { optionLabeller, optionLines, startCheckout } from "./phrasing.ts";
import {
  byRequest,
  byStatedValue,
  statedOf,
  comparesPrice,
  resolveReference,
  statedFix,
  statesOtherValue,
  valuedFeatures,
  variantByValue,
} from "./references.ts";

/** Cues of a new request: a message with one of them is not an answer to the open configuration question. */
const OTHER_REQUEST: Cue[] = [
  "add",
  "find",
  "price",
  "stock",
  "compat",
  "info",
  "remove",
  "cancel",
  "checkout",
  "show",
  "history",
  "change",
  "greet",
  "thanks",
  "attack_price",
  "attack_checks",
  "attack_identity",
  "attack_injection",
];

/** "Does X fit pump 1?" while a list is open: a new question, not a pick from the list. */
export function isQuestionAboutOther(ctx: Ctx, pending: Pending): boolean {
  if (pending.kind === "confirm" || pending.kind === "options") return false;
  // "what does the cheaper one cost us?" to a list: a question about the listed items compared by price.
  if (pending.kind === "choose_product" && pending.skus.length > 1 && comparesPrice(ctx.conv.text)) return false;
  const asks = ["compat", "price", "stock", "info"].some((c) => ctx.cues.has(c as Cue));
  return asks && ctx.conv.text.includes("?") && pending.kind !== "quantity" && !answersThenAsks(ctx, pending);
}

/**
 * "OK, then the one that fits our serial. Is that one in stock?", "dann den passenden, ist der lagernd?": an answer to
 * the open question (a clause that asks nothing) before a question about what it chose — the question names no product
 * of its own, or one the open question offers. The answer is read; the question does not set the offer aside.
 */
function answersThenAsks(ctx: Ctx, pending: Pending): boolean {
  if (pending.kind !== "fixes" && pending.kind !== "choose_product") return false;
  const [first, ...rest] = ctx.u.clauses;
  if (!first || rest.length === 0) return false;
  if (["compat", "price", "stock", "info"].includes(first.intent) || /^\s*\?/.test(ctx.conv.text.slice(first.end)))
    return false;
  const offered = new Set(
    pending.kind === "fixes" ? pending.fixes.flatMap((f) => ("sku" in f ? [f.sku] : [])) : pending.skus,
  );
  return rest.every((c) => {
    const g = analyse(ctx, c.text).guess;
    return !g || (g.confident && offered.has(g.hits[0]!.sku));
  });
}

/** What every answer reads: the pick from a list ("the second", "2"), and a plain yes. */
function picking(ctx: Ctx) {
  const choice = findChoice(ctx.tokens);
  const yes = ctx.cues.has("yes") && !ctx.cues.has("no");
  const pick = <T>(list: T[]): T | undefined =>
    choice === undefined
      ? yes && list.length === 1
        ? list[0]
        : undefined
      : choice === -1
        ? list.at(-1)
        : list[choice - 1];
  return { choice, yes, pick };
}

type Answer<K extends Pending["kind"]> = (
  ctx: Ctx,
  pending: Extract<Pending, { kind: K }>,
  memo: MemoFn,
) => Step | undefined;

export const answerConfirm: Answer<"confirm"> = (ctx, _pending, memo) => {
  const { cues } = ctx;
  const { yes } = picking(ctx);
  if (yes || cues.has("checkout")) return startCheckout(ctx, "place", memo);
  return undefined;
};

export const answerChooseProduct: Answer<"choose_product"> = (ctx, pending, memo) => {
  const { cues, conv } = ctx;
  const { choice, pick } = picking(ctx);

  const a = analyse(ctx);
  // The longest SKU the text contains ("…-230-3" is not "…-230").
  const mentioned =
    successorListed(ctx, pending.skus) ??
    [...pending.skus]
      .sort((x, y) => y.length - x.length)
      .find((s) => conv.text.toLowerCase().includes(s.toLowerCase())) ??
    byWords(ctx, pending.skus) ??
    (choice === undefined ? fittingTie(ctx, pending) : undefined);
  const other =
    !mentioned && a.guess?.confident && a.guess.hits[0]!.match === "sku_exact" ? a.guess.hits[0]!.sku : undefined;
  // "80 A" to a list of ready-made chargers beside a configurable one: the one listed product built with the amounts
  // stated (the ones that fit the machine, when several are) is the choice — not the configurable with that option.
  const builtSo = mentioned || other || choice !== undefined ? undefined : carrying(ctx, pending);
  // Option values for a list that holds configurable products ("400 V, 2,2 kW"): the one whose model takes them.
  const configurable =
    mentioned || other || builtSo || choice !== undefined ? [] : pending.skus.filter((s) => optionsFor(ctx, s));
  // "Dann mit der 24V Bremse" to a list of a ready-made gear motor without one: the configurable product of its kind,
  // with the values of the request and the answer's in their place.
  // "then the new one, but the 80 A version" to the one product offered: the ready-made variant that carries the values
  // comes before building one to order.
  const readyMade =
    !mentioned && !other && !builtSo && choice === undefined && pending.skus.length === 1
      ? offeredVariant(ctx, pending.skus[0]!, true)
      : undefined;
  const instead =
    mentioned || other || builtSo || choice !== undefined || configurable.length || readyMade !== pending.skus[0]
      ? undefined
      : configuredInstead(ctx, pending);
  // A yes said with it ("ach stimmt, dann mit …") grants the point, it does not take the listed product.
  if (instead)
    return orderIfAsked(
      ctx,
      action(ctx, "add", instead.sku, a, memo, {
        ...(pending.machineId ? { machineId: pending.machineId } : {}),
        ...(pending.quantity ? { quantity: pending.quantity } : {}),
        options: instead.options,
      }),
    );
  // One candidate listed and a bare quantity back ("1 Stück", "just 2"): that one, in that quantity.
  const only = pending.skus.length === 1 && a.quantity && !a.guess ? pending.skus[0] : undefined;
  const chosen =
    mentioned ??
    other ??
    (readyMade !== pending.skus[0] ? readyMade : undefined) ??
    pick(pending.skus) ??
    builtSo ??
    (configurable.length === 1 ? configurable[0] : undefined) ??
    only ??
    amountListed(ctx, pending, a, choice) ??
    fittingListed(ctx, pending);
  // "Then the ultrasonic one for 24 V" to a list (or an offer) of the 230 V one: the variant described, unless the
  // answer names the listed product by its SKU.
  const sku =
    chosen && !other && !conv.text.toLowerCase().includes(chosen.toLowerCase()) && !optionsModel(ctx, chosen)
      ? offeredVariant(ctx, chosen)
      : chosen;
  // "ok add the bolt set too", "den Endsatz nehm ma mit" to a list where a listed product must be ordered with the
  // product named: the buyer takes that one with its companion — both go on the order, not the companion alone.
  const withIt = takenWithCompanion(ctx, pending, sku, other, memo);
  if (withIt) return withIt;
  if (!sku) {
    // "die NCP" when three listed names carry "NCP": those three again, not a new search.
    const ties = cues.has("find") ? [] : tiedByWords(ctx, pending.skus);
    // "the NBR/PTFE one" of three kits when the request said "63/36": the request's values choose among the ties.
    const asked = ties.length > 1 ? byRequest(ctx, pending.said, ties) : [];
    if (asked.length === 1) return answerChooseProduct({ ...ctx, conv: { ...conv, text: asked[0]! } }, pending, memo);
    // "the red 4 m one" of three red liners: the value the answer states chooses among the ties.
    const stated = ties.length > 1 ? statedOf(ctx, ties) : [];
    if (stated.length === 1) return answerChooseProduct({ ...ctx, conv: { ...conv, text: stated[0]! } }, pending, memo);
    // "1 pail HLP 46" then "HLP 46": the pack asked for with the list picks among the ties.
    const inUnit = pending.unit ? ties.filter((t) => sameUnit(ctx, t, pending.unit!)) : [];
    if (inUnit.length === 1 && ties.length > 1)
      return answerChooseProduct({ ...ctx, conv: { ...conv, text: inUnit[0]! } }, pending, memo);
    if (ties.length > 1 && ties.length < pending.skus.length) {
      const names = productsInLanguage(ctx, ties);
      const list = numbered(ties.map((s) => `${s} — ${names.get(s)?.name ?? ""}`));
      return {
        text: `${say(ctx.lang, "Which of these do you mean?", "Welchen davon meinen Sie?")}\n${list}`,
        memo: memo({ ...withQuantity(ctx, pending), skus: ties }),
      };
    }
    return undefined;
  }
  if (configurable.length === 1 && sku === configurable[0]) {
    return action(ctx, "add", sku, a, memo, {
      ...(pending.machineId ? { machineId: pending.machineId } : {}),
      ...(pending.quantity ? { quantity: pending.quantity } : {}),
    });
  }
  // A bare "2" picked the second entry; it is not also a quantity.
  // "die zweite, 2 Stück": the pick is the ordinal word, the digit is the quantity.
  const byWord = findChoice(ctx.tokens.filter((t) => !/^\d/.test(t.lower))) !== undefined;
  // ("ok 4" to a list of one: a number past the list's end picks nothing — it is the count.)
  const digitPick =
    choice !== undefined &&
    choice <= pending.skus.length &&
    !byWord &&
    !mentioned &&
    !other &&
    a.quantity?.value === choice &&
    ctx.tokens.filter((t) => /^\d/.test(t.lower)).length === 1;
  const qty = digitPick ? undefined : a.quantity;
  const act: Action =
    qty || cues.has("add") || (cues.has("checkout") && pending.action === "add") ? "add" : pending.action;
  // "OK, stick with the silicone one then" after comparing the order's tape with another: the product the order
  // already holds, picked with no count, stays as it is — not a second line of it.
  const held =
    !qty && !pending.quantity && act === "add" && !addsToLine(conv.text)
      ? conv.draft.lines.find(
          (l) => l.sku === sku && (!pending.machineId || (l.machineId ?? conv.draft.machineId) === pending.machineId),
        )
      : undefined;
  // (Kept as the fixes' keep does: its line checked again as it is, so what the message adds — a ship-to — goes on.)
  if (held)
    return orderIfAsked(ctx, {
      calls: [{ name: "update_line", args: { lineId: held.lineId, quantity: held.quantity } }],
      memo: memo(),
    });
  // "ja genau, bestellen": the pick is added and the order goes on to the confirmation in the same turn.
  return orderIfAsked(
    ctx,
    action(ctx, act, sku, { ...a, ...(qty ? {} : { quantity: undefined }) }, memo, {
      ...(pending.machineId ? { machineId: pending.machineId } : {}),
      ...(qty
        ? { quantity: qty.value, ...(qty.unit ? { unit: qty.unit } : {}) }
        : pending.quantity
          ? {
              quantity: pending.quantity,
              ...unitOf(pending.unit ?? countedUnit(ctx, pending.said, sku, pending.quantity)),
            }
          : {}),
      // Options stated with the request belong to the configurable item of the list — a value this answer states
      // for a group replaces the request's ("ohne Bremse", then "dann mit der 24V Bremse").
      ...(pending.options && optionsModel(ctx, sku) ? { options: restated(ctx, sku, pending.options) } : {}),
    }),
  );
};

const unitOf = (unit: string | undefined) => (unit ? { unit } : {});

/** "… nehm ma mit", "… take it along": a verb's separable "mit" closing its clause takes something along. */
const ALONG = /(?<![\p{L}])mit(?=\s*(?:[,.;!]|$))/iu;

/**
 * The companion a listed product must be ordered with, named "too" while the list is open ("ok add the bolt set too"
 * to carbide knives that need their bolt set; "Ja, den Endsatz nehm ma mit, 2 Stück" to liners that need their end
 * kit): the listed product that needs it (of several, the ones the request described; still several, asked again
 * among those), added with the companion. Undefined when nothing listed needs the product named, or no word adds.
 */
function takenWithCompanion(
  ctx: Ctx,
  pending: ChooseProduct,
  picked: string | undefined,
  other: string | undefined,
  memo: MemoFn,
): Step | undefined {
  const { conv } = ctx;
  if (!ALSO.test(conv.text) && !ALONG.test(conv.text)) return undefined;
  const g = analyse(ctx).guess;
  const named = picked ?? other ?? (g?.confident ? g.hits[0]!.sku : undefined);
  if (!named) return undefined;
  const needs = ctx.k.reader
    .relations(pending.skus.filter((s) => s !== named))
    .filter((r) => r.type === "mandatory" && r.targetSku === named)
    .map((r) => r.sku);
  const machine = conv.machines?.find((m) => m.machineId === pending.machineId);
  const fitting = [...new Set(needs)].filter((sku) => !machine || fitsOn(ctx, sku, machine));
  if (fitting.length === 0) return undefined;
  const asked = byRequest(ctx, pending.said, fitting);
  if (asked.length !== 1) return undefined;
  const main = asked[0]!;
  const q = analyse(ctx).quantity;
  const machineId = pending.machineId;
  const step = action(ctx, "add", main, { ...analyse(ctx), quantity: undefined }, memo, {
    ...(machineId ? { machineId } : {}),
    ...(pending.quantity ? { quantity: pending.quantity, ...unitOf(pending.unit) } : {}),
  });
  if (!step.calls?.length || !step.calls.every((c) => c.name === "add_line")) return undefined;
  return orderIfAsked(ctx, {
    ...step,
    calls: [
      ...step.calls,
      {
        name: "add_line",
        args: {
          sku: named,
          quantity: q?.value ?? pending.quantity ?? 1,
          ...(q?.unit ? { unit: q.unit } : {}),
          ...(machineId ? { machineId } : {}),
        },
      },
    ],
  });
}

const optionsModel = (ctx: Ctx, sku: string) => ctx.k.reader.products([sku]).get(sku)?.configModelId;

/** The options stated with the request, with the groups the buyer's message now states taken from it. */
const restated = (ctx: Ctx, sku: string, before: Record<string, string[]>): Record<string, string[]> => ({
  ...before,
  ...(optionsFor(ctx, sku) ?? {}),
});

export const answerChooseMachine: Answer<"choose_machine"> = (ctx, pending, memo) => {
  const { conv } = ctx;
  const { choice, yes, pick } = picking(ctx);

  const a = analyse(ctx);
  const machines = (conv.machines ?? []).filter((m) => pending.machineIds.includes(m.machineId));
  // The question asked for one of these machines: its label in the answer names it, even where the words also read
  // as something else ("Line 3" of a packaging line is not line L3 of the order).
  const named =
    (a.machine && pending.machineIds.includes(a.machine.machineId) ? a.machine : undefined) ??
    onlyOne(findMachines(tokenizeText(conv.text), machines, ctx.k.common, ctx.k.phraseGroups, ctx.k.ordinary))?.machine;
  // Another machine of the buyer's than those offered ("edeka" to a question listing only the roof chiller): the part is
  // for that one — the engine says whether it fits there and what would, the item is not dropped.
  const elsewhere =
    !named && a.machine && !a.guess && pending.action === "add" && !pending.machineIds.includes(a.machine.machineId)
      ? a.machine
      : undefined;
  const machine = named ?? elsewhere ?? pick(machines);
  // "yes, place it" to "which machine is it for?" (a retrofit, parts for stores): the buyer names none and wants the
  // order — the line goes on without a machine (the engine checks what it can) and on to the confirmation.
  if (!machine && pending.named && pending.action === "add" && ctx.cues.has("checkout") && !a.guess && !a.machine)
    return orderIfAsked(
      ctx,
      action(ctx, "add", pending.sku, a, memo, {
        noMachine: true,
        ...(a.quantity ? { quantity: a.quantity.value } : pending.quantity ? { quantity: pending.quantity } : {}),
        ...(pending.unit ? { unit: pending.unit } : {}),
        ...(pending.options ? { options: pending.options } : {}),
      }),
    );
  if (!machine && yes && !a.guess && !a.machine) return assentToMachines(ctx, pending, machines, memo);
  // "no make it 2 rolls" to "which machine is it for?": the count of the item asked about changes, the question stays.
  if (!machine && a.quantity && !a.guess && !a.machine && choice === undefined && ctx.cues.has("change"))
    return askMachine(
      ctx,
      { ...pending, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) },
      machines,
      memo,
    );
  if (!machine) return undefined;
  // A bare "1" picked the first machine; it is not also a quantity (the one asked before stays).
  const digitPick =
    !named &&
    choice !== undefined &&
    a.quantity?.value === choice &&
    ctx.tokens.filter((t) => /^\d/.test(t.lower)).length === 1;
  const qty = digitPick ? undefined : a.quantity;
  // "Ja, 3 Eimer": a count said with the machine in a unit of its own is in that unit, not the request's litres.
  const unit = qty?.unit ?? pending.unit;
  return action(ctx, pending.action, pending.sku, { ...a, ...(qty ? {} : { quantity: undefined }) }, memo, {
    machineId: machine.machineId,
    ...(qty ? { quantity: qty.value } : pending.quantity ? { quantity: pending.quantity } : {}),
    ...(unit ? { unit } : {}),
    ...(pending.options ? { options: pending.options } : {}),
  });
};

/**
 * "ok", "passt", "ja" to "which machine is it for?" with several listed: the one the part fits, when exactly one of them
 * does (its fitment, the catalog's blocking rules); else the question again, short, naming the machines.
 */
function assentToMachines(
  ctx: Ctx,
  pending: Extract<Pending, { kind: "choose_machine" }>,
  machines: MachineView[],
  memo: MemoFn,
): Step {
  const fits = machines.filter((m) => fitsOn(ctx, pending.sku, m));
  if (fits.length === 1)
    return action(ctx, pending.action, pending.sku, analyse(ctx), memo, {
      machineId: fits[0]!.machineId,
      ...(pending.quantity ? { quantity: pending.quantity } : {}),
      ...(pending.unit ? { unit: pending.unit } : {}),
      ...(pending.options ? { options: pending.options } : {}),
    });
  return askMachine(ctx, pending, machines, memo);
}

/** "Which machine is it for: A, B or C?", short, the question kept open. */
function askMachine(
  ctx: Ctx,
  pending: Extract<Pending, { kind: "choose_machine" }>,
  machines: MachineView[],
  memo: MemoFn,
): Step {
  const names = machines.map((m) => m.label);
  const or = say(ctx.lang, "or", "oder");
  const choices = names.length > 1 ? `${names.slice(0, -1).join(", ")} ${or} ${names.at(-1)}` : (names[0] ?? "");
  return {
    text: say(ctx.lang, `Which machine is it for: ${choices}?`, `Für welche Maschine ist es: ${choices}?`),
    memo: memo(pending, pending.sku),
  };
}

export const answerFixes: Answer<"fixes"> = (ctx, pending, memo) => {
  const each = answerEachLine(ctx, pending, memo);
  if (each) return each;
  if (addsAnotherPart(ctx, pending)) return undefined;
  const { conv } = ctx;
  const { choice, yes, pick } = picking(ctx);

  const text = conv.text.toLowerCase();
  const bySku = [...pending.fixes]
    .sort((x, y) => ("sku" in y ? y.sku.length : 0) - ("sku" in x ? x.sku.length : 0))
    .find((f) => (f.kind === "replace_sku" || f.kind === "add_line") && text.includes(f.sku.toLowerCase()));
  const byValue = pending.fixes.find(
    (f) =>
      f.kind === "set_option" &&
      f.values.some((v) => new RegExp(`\\b${v.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text)),
  );
  // "ok the D curve one then", "dann die 230-V-Spule": the fix whose product or option carries the value stated.
  const line = conv.draft.lines.find((l) => l.lineId === pending.lineId);
  const base = line ? ctx.k.reader.features([line.sku]).get(line.sku) : undefined;
  const labels = line?.sku ? optionLabeller(ctx, line.sku) : undefined;
  const fix =
    alsoAdded(ctx, pending.fixes, bySku) ??
    bySku ??
    byValue ??
    statedFix(ctx, pending.fixes, base) ??
    (choice !== undefined ? pick(pending.fixes) : undefined) ??
    theOther(ctx, pending.fixes) ??
    byDirection(ctx, pending.fixes) ??
    byFit(ctx, pending.fixes, line) ??
    bySuccessor(ctx, pending.fixes, line) ??
    namedVariant(ctx, pending.fixes, line) ??
    // "Ja, das Polster-Set kommt mit drauf": a yes that names one of the fixes in words takes that one, not the first.
    (yes && !POINTS_AT_ONE.test(conv.text)
      ? (fixByWords(ctx, pending.fixes, labels, line?.sku) ?? pending.fixes[0])
      : undefined);
  const keep = () => ({
    calls: [{ name: "update_line", args: { lineId: line!.lineId, quantity: line!.quantity } }],
    memo: memo(),
  });
  // "black is fine mate, just put them thru", "schwarz passt schon": the line's own product said to be fine keeps it.
  if (ownSaidFine(ctx, pending.fixes, line)) return keep();
  // The fix the buyer's words name, read once.
  const wordsFix = fix ? undefined : fixByWords(ctx, pending.fixes, labels, line?.sku);
  // "black is cheaper and we always had black, just put them in": kept as it is, whatever else the words compare.
  if (!fix && keptLine(ctx, pending.fixes, line) && !wordsFix) return keep();
  // "The cheaper one", "the low-temperature one": a replacement chosen by price (fetched first) or a compared feature.
  if (!fix) {
    const replacing = pending.fixes.flatMap((f) => (f.kind === "replace_sku" ? [f.sku] : []));
    const res =
      replacing.length > 1
        ? resolveReference(ctx, replacing, line?.quantity, { ordinals: false, values: false })
        : undefined;
    if (res?.kind === "fetch") return { calls: res.calls, memo: memo(pending) };
    const chosen =
      res?.kind === "one" ? pending.fixes.find((f) => f.kind === "replace_sku" && f.sku === res.sku) : undefined;
    if (chosen) return orderIfAsked(ctx, fixStep(ctx, chosen, memo));
  }
  // "he wrote 24 bore, put the 24 one in": values only the line's own product carries keep the line as it is.
  if (!fix && ownValuesStated(ctx, pending.fixes, line)) return keep();
  // "ja, bestellen", "yes, order it" to "what would you like to do?": the fix, then on to the confirmation.
  const chosen = fix ?? wordsFix;
  // The switch to the successor asked for by its words carries a count said with it; so does a switch taken with words
  // that edit the count ("make that 2 packs of underlay" to the offered switch of the pack that does not fit).
  const count =
    chosen && (chosen === bySuccessor(ctx, pending.fixes, line) || COUNT_EDIT.test(conv.text))
      ? countWith(ctx, chosen, line, choice)
      : undefined;
  return chosen ? orderIfAsked(ctx, fixStep(ctx, chosen, memo, count)) : undefined;
};

/** Words that edit a count ("make that 2 packs", "mach 3 draus", "correction: 4"). */
const COUNT_EDIT =
  /(?<![\p{L}])(?:make (?:that|it)|mach (?:das|es|mal)|korrektur|correction|actually|eigentlich)(?![\p{L}])/iu;

/**
 * "ok the new ones then, but only 2", "the successor then, 2 pieces", "dann halt die neuen, aber nur 2": a count said
 * with the switch to another product is the line's new quantity — not when the number picked the fix ("2").
 */
function countWith(
  ctx: Ctx,
  fix: Fix,
  line: DraftView["lines"][number] | undefined,
  choice: number | undefined,
): { quantity: number; unit?: string } | undefined {
  if (fix.kind !== "replace_sku" || !line || fix.lineId !== line.lineId || choice !== undefined) return undefined;
  const q = analyse(ctx).quantity;
  if (!q || q.value <= 0 || q.value === line.quantity) return undefined;
  // Only a count said alone: "if it must be 25 or finer then the 25 micron bags, also 4 boxes" states values too.
  const numbers = new Set(ctx.tokens.filter((t) => /^\d+(?:[.,]\d+)?$/u.test(t.lower)).map((t) => t.lower));
  if (numbers.size > 1) return undefined;
  // A measure ("the 25 A one", "the 5 kg ones") states a value of the product, not how many.
  if (q.unit && unitDecimals(q.unit) > 0) return undefined;
  return { quantity: q.value, ...(q.unit ? { unit: q.unit } : {}) };
}

/**
 * "no? ok the other", "dann halt den anderen": to an offer of one other product for the line, "the other one" is that
 * product — whatever "no" came before it (the buyer turns down the line's product, not the offer).
 */
function theOther(ctx: Ctx, fixes: Fix[]): Fix | undefined {
  if (!THE_OTHER.test(ctx.conv.text)) return undefined;
  const replacing = fixes.filter((f) => f.kind === "replace_sku");
  return replacing.length === 1 ? replacing[0] : undefined;
}

/** "the other (one)", "den/die/das andere(n)" said alone — not "the other machine", "die anderen Schrauben". */
const THE_OTHER =
  /\b(?:the\s+other(?:\s+one)?|(?:den|die|das|dem|der)\s+ander(?:e|en|n))\b(?=\s*(?:$|[,.;!?]|\b(?:then|please|pls|instead|dann|bitte|halt|eben|nehmen?|nehm|take|it)\b))/iu;

/**
 * "take the successor for the first and the FKM one for the second", "für beide den Nachfolger": a reply that offered
 * fixes for several lines is answered line by line — each piece of the answer that points at a line (by its position
 * in the order, "L2", or "both") is read as the answer to that line's fixes alone; a line no piece points at keeps its
 * problem. Undefined when the answer points at fewer than two lines (the single reading answers it).
 */
function answerEachLine(ctx: Ctx, pending: Extract<Pending, { kind: "fixes" }>, memo: MemoFn): Step | undefined {
  const offered = [{ lineId: pending.lineId, fixes: pending.fixes }, ...(pending.others ?? [])];
  if (offered.length < 2) return undefined;
  const lines = ctx.conv.draft.lines;
  const pieces = ctx.conv.text.split(LINE_PIECES).filter((p) => p.trim());
  const answers: { lineId: string; fixes: Fix[]; text: string }[] = [];
  for (const piece of pieces) {
    const ref = LINE_POINTER.exec(piece);
    if (!ref) continue;
    const word = (ref[1] ?? ref[2]!).toLowerCase();
    const text = piece.replace(LINE_POINTER, " ");
    const targets = EVERY_LINE.test(word)
      ? offered
      : offered.filter((o) => {
          const at = lines.findIndex((l) => l.lineId === o.lineId);
          const n = /^l?(\d+)$/.exec(word)?.[1] ?? ORDINALS[word.replace(/(?:e[nrms]?|s)$/u, "")];
          return n !== undefined && (o.lineId === `L${n}` || at === Number(n) - 1);
        });
    for (const t of targets) if (!answers.some((a) => a.lineId === t.lineId)) answers.push({ ...t, text });
  }
  if (answers.length < 2) return undefined;
  const calls: NonNullable<Step["calls"]> = [];
  for (const a of answers) {
    const piece = { ...ctx, conv: { ...ctx.conv, text: a.text }, tokens: tokenizeText(a.text), analyses: new Map() };
    const step = answerFixes(piece, { kind: "fixes", lineId: a.lineId, fixes: a.fixes }, memo);
    if (!step?.calls?.length) return undefined;
    calls.push(...step.calls.filter((c) => c.name !== "review_order" && c.name !== "place_order"));
  }
  return orderIfAsked(ctx, { calls, memo: memo() });
}

/** Where an answer for several lines divides: commas, semicolons, "and", "und", "then". */
const LINE_PIECES = /\s*(?:[,;]|\band\b|\bund\b|\bthen\b|\bdann\b)\s*/iu;
/** "for the first", "bei der zweiten", "for L2", "for line 2", "für beide": the line a piece of the answer is for. */
const LINE_POINTER =
  /(?:\b(?:for|on|with|für|bei|beim|zur?)\s+)?(?:\b(?:the|die|den|der|das|dem)\s+)?\b(first|second|third|fourth|1st|2nd|3rd|4th|erste[nrms]?|zweite[nrms]?|dritte[nrms]?|vierte[nrms]?|l\d+|both|all|each|beide[nrms]?|alle|jeweils)\b(?:\s+(?:one|line|item|position|pos|zeile|positionen|lines|ones))?|\b(?:line|position|pos\.?|zeile)\s*(\d+)\b/iu;
const EVERY_LINE = /^(?:both|all|each|beide[nrms]?|alle|jeweils)$/iu;
const ORDINALS: Record<string, string> = {
  first: "1",
  "1st": "1",
  second: "2",
  "2nd": "2",
  third: "3",
  "3rd": "3",
  fourth: "4",
  "4th": "4",
  erst: "1",
  zweit: "2",
  dritt: "3",
  viert: "4",
};

/**
 * "ok the D one then", "the one with …", "dann die …-Variante", "den mit …": words that point at one of several items.
 * A yes said with them is the reference's, not a yes to the first fix: when the reference resolves to nothing, nothing
 * is chosen (the classifier may read "ok the X one" as a yes, but the buyer named something).
 */
const POINTS_AT_ONE =
  /\b(?:the|that|this)\s+(?:[^\s,.;!?]+\s+){1,3}one\b|\bthe one\s+(?:with|that|for)\b|\b(?:die|den|der|das)\s+(?:[^\s,.;!?]+\s+){0,2}[^\s,.;!?]*(?:variante|version|ausführung)\b|\b(?:die|den|der|das)\s+mit\b/iu;

/** Words that ask for the item, beside a count: "please", "bitte", "I'll take", "wir nehmen", "order". */
const TAKING =
  /(?<![\p{L}])(?:please|pls|plz|take|i'?ll have|we'?ll have|order|need|want|bitte|nehm\p{L}*|bestell\p{L}*|brauch\p{L}*|hätte\p{L}*|möchte\p{L}*)(?![\p{L}])/iu;

/**
 * "the PNP one, 2 pcs", "die grauen, 4 Stück": the pick is the reference, the quantity (and machine) stated with it
 * is kept — also when the pick leaves several listed items to choose from.
 */
export function withQuantity(ctx: Ctx, p: ChooseProduct): ChooseProduct {
  const a = analyse(ctx);
  const q = a.quantity;
  // "the FKM one, 1 for the hot press": the machine said with the pick is the line's.
  const on = a.machine ? { machineId: a.machine.machineId } : {};
  if (!q) return { ...p, ...on };
  // A count said with the pick ("die grauen bitte, 4 Stück") takes the item once it is chosen; a question with a count
  // ("what do 4 of the grey ones cost?") still only asks.
  const takes =
    p.action === "info" && TAKING.test(ctx.conv.text) && !ctx.conv.text.includes("?") ? { action: "add" as const } : {};
  return { ...p, quantity: q.value, ...(q.unit ? { unit: q.unit } : {}), ...on, ...takes };
}

/**
 * "ja die mit Schnellspannschienen, 1,95" when two listed names carry those words, one that fits the machine and one
 * the engine ruled out: the one that fits; of several that fit, the one the request that opened the list described
 * ("die normalen konventionellen, nix UV"). Undefined when the words and the fit leave more than one.
 */
function fittingTie(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>): string | undefined {
  if (!pending.machineId || ctx.cues.has("find")) return undefined;
  const ties = tiedByWords(ctx, pending.skus);
  if (ties.length < 2 || ties.length >= pending.skus.length) return undefined;
  const fitting = fittingOf(ctx, pending, ties);
  if (fitting.length === 1) return fitting[0];
  const asked = fitting.length > 1 ? byRequest(ctx, pending.said, fitting) : [];
  return asked.length === 1 ? asked[0] : undefined;
}

/** Of listed items a reference matched, those that fit the machine the list is for (all of them when none does). */
export function fittingOf(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>, skus: string[]): string[] {
  const machine = ctx.conv.machines?.find((m) => m.machineId === pending.machineId);
  const fitting = machine ? skus.filter((sku) => fitsOn(ctx, sku, machine)) : [];
  return fitting.length ? fitting : skus;
}

/**
 * "the cheaper one" of a list found for "net wrap" that also shows film and twine: the listed items of the kind asked
 * for — whose names carry a word of the list's request — where some are (all, when none is).
 */
export function askedKindOf(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>, skus: string[]): string[] {
  if (!pending.query || skus.length < 2) return skus;
  const names = productsInLanguage(ctx, skus);
  const kind = skus.filter((sku) => nameCarries(ctx, pending.query!, names.get(sku)?.name ?? ""));
  return kind.length ? sharedKind(ctx, pending.query, kind, names) : skus;
}

/**
 * "the cheaper one" of drive shafts listed with a "shaft guard set", of membranes with a "Membran-Verbinder", of
 * heating elements with a "Dichtungssatz Heizelement": the name carries the word asked for, but beside another noun
 * that makes it a different kind (a kit, a part of it). Of the items carrying the request, those whose names say
 * what most of them say beside it (more than half, two at least); without such a majority, those whose names say
 * nothing beside it; all of them when none is.
 */
function sharedKind(ctx: Ctx, query: string, skus: string[], names: Map<string, { name: string }>): string[] {
  if (skus.length < 2) return skus;
  const said = new Map(
    skus.map((sku) => [sku, besideRequest(ctx, query, names.get(sku)?.name ?? "")?.join(" ") ?? `(${sku})`]),
  );
  const counts = new Map<string, number>();
  for (const v of said.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (n === skus.length) return skus;
  if (n >= 2 && n * 2 > skus.length) return skus.filter((sku) => said.get(sku) === top);
  // (No such majority: those whose names say nothing beside it — "Heizelement EO 3-60" — are the kind itself.)
  const bare = skus.filter((sku) => said.get(sku) === "");
  return bare.length ? bare : skus;
}

/**
 * "Dann nehmen wir natürlich den passenden AC-Lüfter" to a list of what fits the machine (after "X does not fit"): the
 * one listed product that fits it.
 */
/**
 * "120 litres" to a list of a 20 L pail and a 208 L drum, "2 Rollen" to hose by the metre and a reel: an amount in a
 * unit, naming no other product, chooses the one listed product sold in that unit or in whole packs of it — of several,
 * the one that fits the machine the list is for.
 */
function amountListed(
  ctx: Ctx,
  pending: Extract<Pending, { kind: "choose_product" }>,
  a: ReturnType<typeof analyse>,
  choice: number | undefined,
): string | undefined {
  if (!a.quantity?.unit || choice !== undefined || a.machine || ctx.cues.has("no")) return undefined;
  if (a.guess?.confident && !pending.skus.includes(a.guess.hits[0]!.sku)) return undefined;
  let found = soldInAmount(ctx, pending.skus, a.quantity);
  const machine = ctx.conv.machines?.find((m) => m.machineId === pending.machineId);
  if (found.length > 1 && machine) found = found.filter((sku) => fitsOn(ctx, sku, machine));
  // ("Hydrauliköl HLP 46" asked, a list of oils in 20 L pails: those that carry most of the request's words.)
  if (found.length > 1) {
    const names = ctx.k.allNames(found);
    const said = wordsOf(pending.said ?? "").filter((w) => !FILLER.has(w));
    const carried = (sku: string) => {
      const have = nameWords(names.get(sku) ?? "");
      return said.filter((w) => have.has(w)).length;
    };
    const best = Math.max(...found.map(carried));
    found = found.filter((sku) => carried(sku) === best);
  }
  return found.length === 1 ? found[0] : undefined;
}

function fittingListed(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>): string | undefined {
  // "ja bitte so bestellen", "yes, order that" to a list for a machine of which one product fits and the others do
  // not (✗): the yes takes the one that fits — when the answer names nothing of its own.
  const a = analyse(ctx);
  const assent = (ctx.cues.has("yes") || ctx.cues.has("checkout")) && !a.guess;
  // "ok 2 of those", "dann 2 davon", "take 2": a count for the list, naming nothing, takes the one that fits too.
  const counted = !!a.quantity && !a.guess && !a.machine;
  if ((!FITTING.test(ctx.conv.text) && !assent && !counted) || ctx.cues.has("no") || !pending.machineId)
    return undefined;
  const machine = ctx.conv.machines?.find((m) => m.machineId === pending.machineId);
  const fitting = machine ? pending.skus.filter((sku) => fitsOn(ctx, sku, machine)) : [];
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * "80 A" to a list of ready-made products (a configurable one beside them or not): the one listed ready-made product
 * whose name or features carry every amount the answer states — of several, the one that fits the machine asked for.
 */
function carrying(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>): string | undefined {
  const products = ctx.k.reader.products(pending.skus);
  const ready = pending.skus
    .map((sku) => products.get(sku))
    .filter((p): p is NonNullable<typeof p> => !!p && !p.configModelId);
  let found = carryingAmounts(ctx.k, ctx.conv.text, ready) ?? [];
  const machine = ctx.conv.machines?.find((m) => m.machineId === pending.machineId);
  if (found.length > 1 && machine) found = found.filter((sku) => fitsOn(ctx, sku, machine));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "Getriebemotor: 1,1 kW, i=20, …, ohne Bremse" listed a ready-made motor; "dann mit der 24V Bremse" states an option
 * value of the one configurable product of the listed products' kind that no listed product carries: that product,
 * configured with the values the request stated and the answer's in their place (the engine checks the build).
 */
function configuredInstead(
  ctx: Ctx,
  pending: Extract<Pending, { kind: "choose_product" }>,
): { sku: string; options: Record<string, string[]> } | undefined {
  const { reader } = ctx.k;
  const listed = [...reader.products(pending.skus).values()];
  if (listed.length === 0 || listed.some((p) => p.configModelId)) return undefined;
  const categories = new Set(listed.map((p) => p.category));
  if (categories.size !== 1) return undefined;
  const built = reader
    .alternatives([...categories][0]!, null, 200)
    .filter((x) => x.lifecycle === "active" && reader.products([x.sku]).get(x.sku)?.configModelId);
  if (built.length !== 1) return undefined;
  const sku = built[0]!.sku;
  const id = reader.products([sku]).get(sku)!.configModelId!;
  const models = [
    reader.configModel(id),
    ...(["en", "de"] as const).map((l) => reader.inLanguage?.(l).configModel(id)),
  ];
  const read = (text: string) => {
    const out: Record<string, string[]> = {};
    for (const m of models) if (m) Object.assign(out, findOptions(text, m, undefined, ctx.k.gloss?.words));
    return out;
  };
  const now = read(ctx.conv.text);
  if (Object.keys(now).length === 0) return undefined;
  // A listed product that has the values stated now is the choice (by its words), not a build.
  const model = models[0]!;
  const wanted = Object.entries(now).flatMap(([g, vs]) =>
    vs.flatMap((v) =>
      Object.entries(model.groups.find((x) => x.code === g)?.options.find((o) => o.value === v)?.features ?? {}),
    ),
  );
  if (wanted.length === 0) return undefined;
  const features = reader.features(pending.skus);
  const has = (sku: string) =>
    wanted.every(([key, value]) => JSON.stringify(features.get(sku)?.[key]) === JSON.stringify(value));
  if (pending.skus.some(has)) return undefined;
  return { sku, options: { ...(pending.said ? read(pending.said) : {}), ...now } };
}

/** "the one that fits our serial", "den passenden AC-Lüfter", "the matching one": the replacement that fits. */
const FITTING =
  /(?<![\p{L}])(?:fits?|fitting|matching|suitable|compatible|passt|passend\w*|geeignet\w*|kompatib\w*)(?![\p{L}])/iu;

/**
 * "OK, then the one that fits our serial", "dann nehmen wir den passenden AC-Lüfter": of the replacements offered for a
 * line that does not fit its machine, the one product that fits it (the catalog's fitment and blocking rules, as the
 * engine reads them) — or the only replacement offered.
 */
function byFit(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): Fix | undefined {
  if (!FITTING.test(ctx.conv.text) || ctx.cues.has("no")) return undefined;
  const replacing = fixes.filter((f): f is Extract<Fix, { kind: "replace_sku" }> => f.kind === "replace_sku");
  if (replacing.length <= 1) return replacing[0];
  const machine = ctx.conv.machines?.find((m) => m.machineId === line?.machineId);
  const fitting = machine ? replacing.filter((f) => fitsOn(ctx, f.sku, machine)) : [];
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Words that ask for the larger or the smaller of several amounts offered ("round up", "abrunden", "the bigger one"). */
const UP =
  /\b(?:up|upwards|more|higher|bigger|larger|next|auf|aufrunden|aufgerundet|nach oben|mehr|höher\w*|größer\w*|nächst\w*)\b/iu;
const DOWN =
  /\b(?:down|downwards|less|fewer|lower|smaller|previous|ab|abrunden|abgerundet|nach unten|weniger|niedriger\w*|kleiner\w*)\b/iu;

/**
 * "Round up please", "lieber abrunden", "the bigger one": among fixes that offer other quantities of the same line
 * (an order step, a pack size), the one whose amount is stated, else the largest or the smallest — only when the words
 * point one way.
 */
function byDirection(ctx: Ctx, fixes: Fix[]): Fix | undefined {
  const amounts = fixes.filter((f): f is QuantityFix => f.kind === "set_quantity");
  if (amounts.length === 0 || new Set(amounts.map((f) => f.lineId)).size > 1) return undefined;
  // "auf 10 ändern", "make it 15": the amount stated, whatever the direction words.
  const said = new Set(ctx.tokens.flatMap((t) => (/^\d+(\.\d+)?$/.test(t.lower) ? [Number(t.lower)] : [])));
  const stated = amounts.filter((f) => said.has(f.quantity));
  if (stated.length === 1) return stated[0];
  const text = ctx.conv.text;
  const up = UP.test(text);
  if (up === DOWN.test(text)) return undefined;
  if (amounts.length === 1) return otherWay(ctx, amounts[0]!, up);
  const sorted = [...amounts].sort((a, b) => a.quantity - b.quantity);
  return up ? sorted.at(-1) : sorted[0];
}

type QuantityFix = Extract<Fix, { kind: "set_quantity" }>;

/**
 * One amount offered ("3 bags" for 25 pieces of bags of 10) and the buyer asks for the other way ("lieber abrunden"):
 * the neighbouring amount on the product's own order step in that direction (2 bags), if the product's minimum and
 * maximum allow it; the offer itself when it already lies that way. The engine checks the line again either way.
 */
function otherWay(ctx: Ctx, f: QuantityFix, up: boolean): Fix | undefined {
  const line = ctx.conv.draft.lines.find((l) => l.lineId === f.lineId);
  const p = line ? ctx.k.reader.products([line.sku]).get(line.sku) : undefined;
  if (!line || !p || (f.unit && f.unit.toUpperCase() !== p.orderUnit.toUpperCase())) return undefined;
  const inContent = !!line.unit && line.unit.toUpperCase() === p.contentUnit.toUpperCase() && p.contentQty > 0;
  const now = inContent ? line.quantity / p.contentQty : line.quantity;
  if (f.quantity > now === up) return f;
  const step = p.orderStep > 0 ? p.orderStep : 1;
  const q = Number((up ? f.quantity + step : f.quantity - step).toFixed(6));
  if (up ? q <= now || (p.maxQty !== null && q > p.maxQty) : q >= now || q < p.moq || q <= 0) return undefined;
  return { ...f, quantity: q, unit: f.unit ?? p.orderUnit };
}

function fixStep(ctx: Ctx, fix: Fix, memo: MemoFn, count?: { quantity: number; unit?: string }): Step {
  const call = fixCall(fix, ctx.conv.draft);
  const withCount = call && count ? { ...call, args: { ...call.args, ...count } } : call;
  return withCount
    ? { calls: [withCount], memo: memo() }
    : { text: say(ctx.lang, "OK, noted.", "In Ordnung."), memo: memo() };
}

/** Words that add to the order ("dazu", "also", "plus", "noch"). */
const MORE_WORD = /(?<![\p{L}])(?:dazu|also|plus|additionally|as well|too|noch|außerdem|zusätzlich)(?![\p{L}])/iu;

export const answerOptions: Answer<"options"> = (ctx, pending, memo) => {
  const { cues, conv } = ctx;

  // The groups asked for are read first; a group not asked for that the answer names too ("… with STO and the LCD
  // keypad" beside the power and supply asked for, "make that 4 pole") is taken with them.
  const asked = optionsFor(ctx, pending.sku, pending.groups);
  const all = optionsFor(ctx, pending.sku);
  const besides =
    asked && all ? Object.fromEntries(Object.entries(all).filter(([g]) => !pending.groups.includes(g))) : {};
  const named = asked ? { ...besides, ...asked } : all;
  // "32 und EPDM": the seal is named by its word, the flange by the bare number the question offered.
  const opts = named ? { ...offeredValues(ctx, pending, true), ...named } : undefined;
  // "add 1 pack of calibrated underlay sheets" to the sizes asked of a blanket that has an underlay among its extras:
  // a product of its own, named with its own count, is no value of a group not asked for — nor, said as more ("Dazu
  // noch eine Schachtel Filterkerzen 5 µm, 20 Zoll" to the cartridge length asked), of one asked for.
  const g = analyse(ctx);
  if (
    (!asked || MORE_WORD.test(conv.text)) &&
    g.quantity &&
    g.guess?.confident &&
    g.guess.hits[0]!.sku !== pending.sku &&
    namedOutright(ctx, g.guess.wordsName ?? g.guess.hits[0]!.sku)
  )
    return undefined;
  if (opts) return { calls: [{ name: "set_options", args: { lineId: pending.lineId, options: opts } }], memo: memo() };
  // "What options are there?", "3 kW" (not offered): the open choices again, instead of a search for the words.
  // "What options are there?" asks about this question; a product named or another request leaves it.
  const guess = analyse(ctx).guess;
  // Without a product named, "add", "find" or "change" words ("3 kW", "what options are there?") answer this.
  const other =
    OTHER_REQUEST.some((c) => cues.has(c) && (guess?.confident || !["find", "add", "change"].includes(c))) ||
    (guess?.hits[0]?.match ?? "").startsWith("sku");
  const onLine = conv.draft.lines.some((l) => l.lineId === pending.lineId && l.sku === pending.sku);
  const bare = !other && onLine ? offeredValues(ctx, pending) : undefined;
  if (bare) return { calls: [{ name: "set_options", args: { lineId: pending.lineId, options: bare } }], memo: memo() };
  if (!other && pending.values && onLine) {
    const groups = pending.groups
      .map((group) => ({ group, values: pending.values?.[group] ?? [] }))
      .filter((g) => g.values.length);
    const lead = /\d/.test(conv.text)
      ? say(
          ctx.lang,
          `That is not one of the values still possible for ${pending.sku}. Please choose:`,
          `Das ist keiner der Werte, die für ${pending.sku} noch möglich sind. Bitte wählen Sie:`,
        )
      : say(ctx.lang, `Still to choose for ${pending.sku}:`, `Für ${pending.sku} noch zu wählen:`);
    if (groups.length) return { text: `${lead}\n${optionLines(ctx, pending.sku, groups)}`, memo: memo(pending) };
  }
  return undefined;
};

export const answerQuantity: Answer<"quantity"> = (ctx, pending, memo) => {
  const { cues, conv } = ctx;
  const { yes } = picking(ctx);

  const companion = withCompanion(ctx, pending, memo);
  if (companion) return companion;
  const a = analyse(ctx);
  // "Then the ultrasonic one for 24 V" to "shall I take the 230 V one instead?": the offer, in the variant described.
  const offered = offeredVariant(ctx, pending.sku);
  // Another product named; words of the offered product's own name ("the price per kit" of a seal kit) are not one.
  const other = a.guess?.confident ? a.guess.hits[0]! : undefined;
  if (
    other &&
    other.sku !== pending.sku &&
    other.sku !== offered &&
    (other.match === "sku_exact" || byWords(ctx, [pending.sku]) !== pending.sku)
  )
    return undefined;
  // "and 2 boxes of the clockwise quick change blades for mower 1", "and 1 door seal for the proofer" to "how many?"
  // of another product: words that name products of which the offered one is none, for another machine of the buyer's
  // than the offer's — a request of its own, not the count. ("dann nehm mr den normale, 1 stück" names no machine: a
  // variant word, the offer's count.)
  // (A question — "was koscht dr EC gegenüber dem normale?" — is about the offer, whatever else it names.)
  const hits = a.guess?.hits.slice(0, 8) ?? [];
  if (
    hits.length &&
    !conv.text.includes("?") &&
    !["price", "stock", "compat", "info"].some((c) => cues.has(c as Cue)) &&
    !hits.some((h) => h.sku === pending.sku || h.sku === offered) &&
    a.machine &&
    pending.machineId &&
    a.machine.machineId !== pending.machineId
  )
    return undefined;
  // A follow-up question ("and the price per kit?") is about what the offer stands for: its machine and quantity.
  const extra = {
    ...(pending.machineId ? { machineId: pending.machineId } : {}),
    ...(a.quantity
      ? { quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) }
      : pending.quantity
        ? { quantity: pending.quantity, ...(pending.unit ? { unit: pending.unit } : {}) }
        : {}),
  };
  const question = conv.text.includes("?") || !cues.has("add");
  if (cues.has("stock") && cues.has("price") && question) return askStockAndPrice(ctx, pending.sku, a, memo, extra);
  if (cues.has("stock") && question) return action(ctx, "stock", pending.sku, a, memo, extra);
  if (cues.has("price") && question) return action(ctx, "price", pending.sku, a, memo, extra);
  // "passt der auch an die hot press?": the fit on the machine the question names, not the one offered for.
  if (cues.has("compat"))
    return action(ctx, "compat", pending.sku, a, memo, {
      ...extra,
      ...(a.machine ? { machineId: a.machine.machineId } : {}),
    });
  // "Order it" / "bestellen" to "shall I add it to your order?": the offer is accepted (the product is not on it yet).
  const onDraft = conv.draft.lines.some((l) => l.sku === pending.sku);
  // "ok, order it" when it is already on the order: on to the confirmation, not a second line.
  if (cues.has("checkout") && onDraft && !a.quantity) return startCheckout(ctx, "place", memo);
  // "Add them" / "hinzufügen" to "shall I add it?" accepts it as well.
  const accepted =
    yes ||
    ((cues.has("checkout") || (cues.has("add") && !question)) && !onDraft) ||
    (offered !== pending.sku && !conv.text.includes("?"));
  const kept = a.quantity ? lineSoldInAmount(ctx, offered, a.quantity) : undefined;
  if (kept && a.quantity)
    return orderIfAsked(ctx, {
      calls: [{ name: "update_line", args: { lineId: kept, quantity: a.quantity.value, ...unitOf(a.quantity.unit) } }],
      memo: memo(),
    });
  if (a.quantity || accepted) {
    return orderIfAsked(
      ctx,
      action(ctx, "add", offered, a, memo, {
        ...(pending.machineId ? { machineId: pending.machineId } : {}),
        ...(a.quantity
          ? { quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) }
          : pending.quantity
            ? { quantity: pending.quantity, ...(pending.unit ? { unit: pending.unit } : {}) }
            : {}),
        ...(pending.options && offered === pending.sku ? { options: pending.options } : {}),
      }),
    );
  }
  return undefined;
};

/**
 * "then by the metre, 30 m" to "shall I add the 50 m roll?" with tube by the metre on the order: an amount the offered
 * product is not sold in (nor in whole packs of) is the amount of the one line of its kind (its category) that is —
 * the offer is declined, not added at 0.6 rolls.
 */
function lineSoldInAmount(ctx: Ctx, offered: string, q: { value: number; unit?: string }): string | undefined {
  if (!q.unit || soldInAmount(ctx, [offered], q).length > 0) return undefined;
  const lines = ctx.conv.draft.lines;
  const products = ctx.k.reader.products([offered, ...lines.map((l) => l.sku)]);
  const kind = products.get(offered)?.category;
  const sold = new Set(
    soldInAmount(
      ctx,
      lines.map((l) => l.sku),
      q,
    ),
  );
  const same = lines.filter((l) => sold.has(l.sku) && !!kind && products.get(l.sku)?.category === kind);
  return same.length === 1 ? same[0]!.lineId : undefined;
}

/**
 * The product offered ("shall I take BF-230 instead?"), or — when the answer states values it does not carry and
 * another variant of its kind does ("then the one for 24 V") — that variant: accepting an offer by describing it
 * takes what was described, never the offered part with the buyer's values ignored.
 */
function offeredVariant(ctx: Ctx, sku: string, strict = false): string {
  const variant = variantByValue(ctx, { sku });
  if (!variant) return sku;
  const features = valuedFeatures(ctx, [sku, variant]);
  const own = features.get(sku) ?? {};
  const other = features.get(variant) ?? {};
  if (!statesOtherValue(ctx, own, [{ id: variant, features: other }])) return sku;
  if (!strict) return variant;
  // A listed product the buyer asks to change ("dann mit Bremse 230 V" to a 1.1 kW gear motor): a ready-made variant
  // that also differs in a value both carry and the buyer did not state (0.37 kW, with a brake) is another product —
  // the configurable one with the request's values comes instead (`configuredInstead`).
  const unsaid = Object.keys(own).filter(
    (k) =>
      k in other &&
      JSON.stringify(own[k]) !== JSON.stringify(other[k]) &&
      !statesOtherValue(ctx, { [k]: own[k]! }, [{ id: variant, features: { [k]: other[k]! } }]),
  );
  return unsaid.length === 0 ? variant : sku;
}

/**
 * "ok, bestellen" / "ok order it" to "shall I add it?": added, then on to the confirmation in the same turn (the
 * review after the add), not "anything else?". A step that asks first (the machine) is left as it is.
 */
function orderIfAsked(ctx: Ctx, step: Step): Step {
  if (!ordersToo(ctx) || !ctx.tools.has("review_order")) return step;
  if (!step.calls?.some((c) => c.name === "add_line" || c.name === "update_line" || c.name === "set_options"))
    return step;
  return {
    ...step,
    calls: [...step.calls, { name: "review_order", args: {} }],
    memo: { ...step.memo, pending: { kind: "confirm" } },
  };
}

/**
 * "Ja, dann den Nachfolger bitte" to a list that shows a discontinued product and its successor: the successor —
 * the one listed product that a listed discontinued one names as its successor.
 */
function successorListed(ctx: Ctx, skus: string[]): string | undefined {
  if (ctx.cues.has("no") || !ctx.tokens.some((t) => SUCCESSOR_WORDS.has(t.lower))) return undefined;
  const products = ctx.k.reader.products(skus);
  const next = [
    ...new Set(
      skus
        .map((s) => products.get(s))
        .filter((p) => p?.lifecycle === "discontinued" && p.successorSku && skus.includes(p.successorSku))
        .map((p) => p!.successorSku!),
    ),
  ];
  return next.length === 1 ? next[0] : undefined;
}

/** Whether the product is sold in the unit the buyer asked for (its order unit). */
function sameUnit(ctx: Ctx, sku: string, unit: string): boolean {
  return ctx.k.reader.products([sku]).get(sku)?.orderUnit.toUpperCase() === unit.toUpperCase();
}

/**
 * What a buyer calls the part that takes over from a discontinued one, in both languages ("the new one", "the
 * replacement part", "das Nachfolgemodell", "den neuen").
 */
const SUCCESSOR_WORDS = new Set([
  ...["successor", "replacement", "new", "newer", "newest", "latest", "current", "updated", "followup"],
  ...["nachfolger", "nachfolgemodell", "nachfolgeartikel", "nachfolgetyp", "nachfolgeprodukt", "folgeprodukt"],
  ...["neu", "neue", "neuen", "neuer", "neues", "neuere", "neueren", "neueres", "neueste", "neuesten", "neuste"],
  ...["aktuelle", "aktuellen", "ersatz", "ersatzartikel", "ersatztyp", "ersatzprodukt", "ersatzmodell"],
]);

/**
 * "Fine, go with the new one", "ok, dann den Nachfolger", "yes please, the replacement part": of the fixes offered,
 * the one replacement the engine offers as the successor or follow-up product of the line's part — or, when the
 * engine could not offer the catalog's successor as it stands (2 pieces of a part sold in boxes of 25), the switch to
 * it the buyer asked for, for the engine to check again; never another fix read as a plain yes.
 */
function bySuccessor(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): Fix | undefined {
  if (ctx.cues.has("no") || !ctx.tokens.some((t) => SUCCESSOR_WORDS.has(t.lower))) return undefined;
  const offered = fixes.filter((f) => {
    if (f.kind !== "replace_sku") return false;
    const why = (f.reasonText?.params as { why?: unknown } | undefined)?.why;
    return why === "successor" || why === "followup";
  });
  if (offered.length > 0) return offered.length === 1 ? offered[0] : undefined;
  const product = line ? ctx.k.reader.products([line.sku]).get(line.sku) : undefined;
  if (!line || product?.lifecycle !== "discontinued" || !product.successorSku) return undefined;
  return { kind: "replace_sku", lineId: line.lineId, sku: product.successorSku, reason: "" };
}

/** Words that designate a variant by a code after them ("type A", "Typ B", "version 2"). */
const DESIGNATOR = /^(?:type|typ|version|variant|variante|ausführung|ausfuehrung|execution)$/u;

/**
 * "Then violet, 2 packs", "ok then type A, 1 pc", "dann die violetten" to "what would you like to do?" about a line:
 * the buyer names the variant of the line's product they want instead — a product of the same category whose names
 * (in any language) or designated code carry words the line's product does not, the closest to it (fewest other
 * feature values apart; then the one that fits the line's machine). The offered switch to it when there is one; else a
 * switch for the engine to check. Never when a fix's own words are named, a no is said, or the words point nowhere.
 */
function namedVariant(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): Fix | undefined {
  if (!line || ctx.cues.has("no")) return undefined;
  if (fixByWords(ctx, fixes, optionLabeller(ctx, line.sku))) return undefined;
  const p = ctx.k.reader.products([line.sku]).get(line.sku);
  if (!p || p.configModelId) return undefined;
  const codes = ctx.tokens.flatMap((t, i) =>
    i > 0 && DESIGNATOR.test(ctx.tokens[i - 1]!.lower) && /^[\p{L}\d]{1,3}$/u.test(t.lower) ? [t.lower] : [],
  );
  const machineWords = new Set((ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label)));
  const words = ctx.tokens
    .map((t) => t.lower)
    .filter(
      (w) =>
        /^\p{L}{4,}$/u.test(w) &&
        !FILLER.has(w) &&
        !ctx.k.ordinary(w) &&
        !DESIGNATOR.test(w) &&
        !machineWords.has(w) &&
        !ctx.k.unitCodes.has(w),
    );
  if (words.length === 0 && codes.length === 0) return undefined;
  const hits = ctx.k.search
    .search({ query: "", category: p.category, limit: 100 })
    .filter((h) => h.sku !== line.sku && h.lifecycle === "active");
  if (hits.length === 0) return undefined;
  const names = ctx.k.namesAndKeywords([line.sku, ...hits.map((h) => h.sku)]);
  const features = ctx.k.reader.features([line.sku, ...hits.map((h) => h.sku)]);
  const carries = (sku: string, w: string) => {
    const stem = stemOf(w);
    return wordsOf(names.get(sku) ?? "").some(
      (x) => x === w || x.startsWith(stem) || (x.length >= stem.length + 3 && x.endsWith(stem)),
    );
  };
  const hasCode = (sku: string, c: string) =>
    Object.values(features.get(sku) ?? {}).some((v) => String(v).toLowerCase() === c);
  // What the line's product carries already names nothing new ("packs", "plates").
  const told = codes.filter((c) => !hasCode(line.sku, c));
  // A code designated ("type A") names the variant on its own; the rest of the message may talk about other things.
  const telling = told.length ? [] : words.filter((w) => !carries(line.sku, w));
  if (telling.length === 0 && told.length === 0) return undefined;
  const own = features.get(line.sku) ?? {};
  const scored = hits.map((h) => {
    const f = features.get(h.sku) ?? {};
    const keys = new Set([...Object.keys(own), ...Object.keys(f)]);
    const differs = [...keys].filter((k) => String(own[k]) !== String(f[k])).length;
    return {
      sku: h.sku,
      n: telling.filter((w) => carries(h.sku, w)).length + told.filter((c) => hasCode(h.sku, c)).length,
      differs,
    };
  });
  const best = Math.max(...scored.map((x) => x.n));
  if (best < telling.length + told.length) return undefined;
  let top = scored.filter((x) => x.n === best);
  const least = Math.min(...top.map((x) => x.differs));
  top = top.filter((x) => x.differs === least);
  const machine = ctx.conv.machines?.find((m) => m.machineId === line.machineId);
  if (top.length > 1 && machine) {
    const fitting = top.filter((x) => fitsOn(ctx, x.sku, machine));
    if (fitting.length) top = fitting;
  }
  if (top.length !== 1) return undefined;
  const sku = top[0]!.sku;
  return (
    fixes.find((f) => f.kind === "replace_sku" && f.sku === sku) ?? {
      kind: "replace_sku",
      lineId: line.lineId,
      sku,
      reason: "",
    }
  );
}

/** Words of a swap ("instead", "statt", "switch to"): the buyer replaces, whatever else the message says. */
const SWAP =
  /(?<![\p{L}])(?:instead|rather|replace|switch|swap|statt|anstatt|stattdessen|wechseln|tauschen|ersetzen)(?![\p{L}])/iu;

/**
 * "Yes, we need the o-ring set too", "Jo, de O-Ring-Satz bruuched mir au, tüend en dezue", "yes, the clamping strips
 * too please": when the offer adds a product beside the line (a mandatory companion) among swaps of the line, words of
 * addition choose the addition — the line the buyer asked for stays, where a plain yes would take the first swap. The
 * addition of the product named, else the one addition offered (or the one whose words the buyer used); never when
 * the buyer asks for a swap in words.
 */
function alsoAdded(ctx: Ctx, fixes: Fix[], named: Fix | undefined): Fix | undefined {
  // German "also" is "so", "well" ("also 2 Paar"): no word of addition there.
  const text = ctx.lang === "de" ? ctx.conv.text.replace(/(?<![\p{L}])also(?![\p{L}])/giu, " ") : ctx.conv.text;
  if (ctx.cues.has("no") || !ALSO.test(text) || SWAP.test(text)) return undefined;
  const adds = fixes.filter((f): f is Extract<Fix, { kind: "add_line" }> => f.kind === "add_line");
  if (named && "sku" in named) return adds.find((f) => f.sku === named.sku);
  return adds.length === 1 ? adds[0] : adds.length > 1 ? fixByWords(ctx, adds) : undefined;
}

/**
 * "also 1 contour cutting knife", "and 1 sealing tool 227 x 178", "und dazu 2 Gehäusedichtungen" to "what would you
 * like to do?" about a line: words of addition beside a part the message names with confidence that is neither the
 * line's part nor one the offer carries — a new request, not a pick of the offer (shared words such as "227 x 178"
 * or a category shared with the line's part chose a fix and dropped the part). Never with words of a swap or a no.
 */
function addsAnotherPart(ctx: Ctx, pending: Extract<Pending, { kind: "fixes" }>): boolean {
  const { cues, conv } = ctx;
  if (cues.has("no") || cues.has("yes") || SWAP.test(conv.text) || !saysBeside(conv.text, ctx.lang)) return false;
  const g = analyse(ctx).guess;
  if (!g?.confident) return false;
  const sku = g.hits[0]!.sku;
  // The part named and little else ("und dazu 2 Gehäusedichtungen"), not a sentence that happens to find one ("dann
  // das Kühlhausöl, auch 2 Eimer" answers the offer).
  if (!namedOutright(ctx, sku)) return false;
  const line = ctx.conv.draft.lines.find((l) => l.lineId === pending.lineId);
  const offered = [pending, ...(pending.others ?? [])].flatMap((o) =>
    o.fixes.flatMap((f) => ("sku" in f ? [f.sku] : [])),
  );
  return sku !== line?.sku && !offered.includes(sku) && !ctx.conv.draft.lines.some((l) => l.sku === sku);
}

/** "The successor", "the 28 mm one", "use it on pump 1": the one choice whose words the buyer used. */
/**
 * Words that keep what is there: "that's what is fitted", "like the ones on it", "like on the old plate", "wie sie drauf
 * sind", "wie die jetzigen", "wie auf dem Typenschild", "as it is". Only with them do the line's own words keep it.
 */
const KEEPING =
  /(?<![\p{L}])(?:(?:that'?s|thats|that is|what'?s|what is|which is|was) (?:what(?:'s| is)? )?(?:fitted|installed|on it|in there|on there)|like (?:the (?:ones?|old ones?) )?(?:on|in) (?:it|there|the (?:old )?(?:\p{L}+ )?(?:plate|nameplate|label|machine))|like (?:the )?(?:current|existing|old) ones?|same as (?:now|before|fitted|the old)|as (?:it is|they are)|wie (?:sie |er |es )?(?:drauf|drin|verbaut|eingebaut)|wie (?:die |der |das )?(?:jetzigen?|alten?|bisherigen?|vorhandenen?)|wie gehabt|wie auf dem (?:alten )?(?:typenschild|schild|etikett))(?![\p{L}])/iu;

/** "… is fine", "… are ok", "… passt schon", "… sind schon ok": what the words before it name is fine as it is. */
const SAID_FINE =
  /(?<![\p{L}])(?:(?:is|are|'s)\s+(?:(?:just|totally|perfectly|really)\s+)?(?:fine|ok|okay|good|alright)|(?:passt|passen)\s+(?:schon|doch|so)|(?:ist|sind)\s+(?:(?:schon|doch|auch)\s+)?(?:ok|okay|gut|in\s+ordnung|recht))(?![\p{L}])/iu;

/**
 * "black is fine mate", "the black ones are ok", "die schwarzen sind schon ok": to the products offered for a line, a
 * statement that words naming only the line's own product are fine keeps the line as it is — not a switch to the first
 * offered product that shares one of the words (another size of black tyre). "That's fine" names nothing: no keep.
 */
function ownSaidFine(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): boolean {
  const m = line ? SAID_FINE.exec(ctx.conv.text) : null;
  if (!m || !line) return false;
  const before =
    ctx.conv.text
      .slice(0, m.index)
      .split(/[,.;:!?]/u)
      .at(-1) ?? "";
  // "ok the new SZ 45 is fine": words that point away from what is there.
  if (ANOTHER_ONE.test(before)) return false;
  const words = wordsOf(before).filter((w) => w.length > 1 && !FILLER.has(w) && !/^(?:mate|then|dann|so)$/u.test(w));
  const own = ownWords(ctx, line.sku);
  if (words.length === 0 || !words.every(own)) return false;
  // Words every offered product carries too ("the SZ 45" of a compressor and its successor) single nothing out.
  const offered = fixes.flatMap((f) => (f.kind === "replace_sku" ? [f.sku] : []));
  return !offered.every((sku) => words.every(ownWords(ctx, sku)));
}

/** Words that point at another product than the one there: "the new one", "den Nachfolger", "die andere". */
const ANOTHER_ONE =
  /(?<![\p{L}])(?:new|newer|other|successor|replacement|alternative|neu\p{L}*|ander\p{L}*|nachfolger\p{L}*|ersatz\p{L}*)(?![\p{L}])/iu;

/** Words that keep what is there or insist on it ("that's what is fitted", "just put them in", "trotzdem"). */
const keeping = (text: string) => KEEPING.test(text) || KEEP_AS_IS.test(text);

/** Whether a word of the buyer's is one of the product's names (also inflected: "die schwarzen" of "schwarz"). */
function ownWords(ctx: Ctx, sku: string | undefined, names?: Map<string, string>): (w: string) => boolean {
  if (!sku) return () => false;
  const have = new Set(wordsOf((names ?? ctx.k.namesAndKeywords([sku])).get(sku) ?? ""));
  return (w) => have.has(w) || [...have].some((x) => x.length >= 4 && w.length - x.length <= 2 && w.startsWith(x));
}

/**
 * "no, the 400 V 50 Hz one, like on the old plate", "die schwarzen, wie sie drauf sind": to the fixes offered for a
 * line, words that name the line's own product and no fix keep the line — it is checked again as it is (the engine
 * says again what stands against it), never added a second time.
 */
function keptLine(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): boolean {
  if (!line || !keeping(ctx.conv.text)) return false;
  // The line's product named, or none ("just put them in", "keep them, we always had black").
  const g = analyse(ctx).guess;
  if (g?.confident && g.hits[0]!.sku !== line.sku) return false;
  return !fixes.some((f) => "sku" in f && f.sku === g?.hits[0]?.sku);
}

/**
 * "the 24 one", "he wrote 24 bore": to an offer of other products for a line, the numbers the buyer states are values
 * of the line's own product (its name carries each) and of none of the products offered — they point at what is there.
 */
function ownValuesStated(ctx: Ctx, fixes: Fix[], line: DraftView["lines"][number] | undefined): boolean {
  const replacing = fixes.flatMap((f) => (f.kind === "replace_sku" ? [f.sku] : []));
  if (!line || !replacing.length) return false;
  const numbers = new Set(ctx.tokens.flatMap((t) => (/^\d+(?:[.,]\d+)?$/.test(t.lower) ? [t.lower] : [])));
  if (!numbers.size) return false;
  const names = ctx.k.namesAndKeywords([line.sku, ...replacing]);
  const own = new Set(wordsOf(names.get(line.sku) ?? ""));
  const offered = new Set(replacing.flatMap((sku) => wordsOf(names.get(sku) ?? "")));
  return [...numbers].every((n) => own.has(n) && !offered.has(n));
}

function fixByWords(ctx: Ctx, fixes: Fix[], options?: OptionLabels, lineSku?: string): Fix | undefined {
  // The product's names and keywords in every language: "die Basiseinheiten dazu" names the "base unit".
  const names = ctx.k.namesAndKeywords([
    ...fixes.flatMap((f) => ("sku" in f ? [f.sku] : [])),
    ...(lineSku ? [lineSku] : []),
  ]);
  // "put 2 black in, that's what is fitted": words the line's own product carries describe what is there — they
  // choose no change of it.
  const own = ownWords(ctx, lineSku, names);
  const all = ctx.tokens
    .flatMap((t) => (t.lower.includes("-") ? [t.lower, ...t.lower.split("-")] : [t.lower]))
    .filter((w) => w.length > 1 && !FILLER.has(w));
  if (all.length === 0) return undefined;
  // Only a switch to another product is chosen against the line's own words, and only when the buyer says to keep what
  // is there ("that's what is fitted"); a change of the line itself ("1 Beutel" for its pack) is named by them.
  const distinct = keeping(ctx.conv.text) ? all.filter((w) => !own(w)) : all;
  const scored = fixes.map((f) => {
    const words = f.kind === "replace_sku" ? distinct : all;
    const text = `${fixText(f, ctx.lang, ctx.conv.machines, options)} ${"sku" in f ? (names.get(f.sku) ?? "") : ""}`;
    // "carbide-tipped", "O-Ring-Satz": the parts of a joined word name it too ("the carbide one", "den O-Ring").
    const have = new Set(wordsOf(text).flatMap((w) => (w.includes("-") ? [w, ...w.split("-").filter(Boolean)] : [w])));
    // A plural ending on a word of the name ("units", "Basiseinheiten") names it too.
    const plural = (w: string) => [...have].some((x) => x.length >= 4 && w.length - x.length <= 2 && w.startsWith(x));
    return { f, n: words.filter((w) => have.has(w) || plural(w)).length };
  });
  const best = Math.max(...scored.map((x) => x.n));
  if (best <= 0) return undefined;
  let top = scored.filter((x) => x.n === best).map((x) => x.f);
  // "add the base units" when one fix adds them and another swaps to a set that lists them among its contents: the
  // fix whose product is the thing named, not the set that consists of it.
  if (top.length > 1) {
    const skus = top.flatMap((f) => ("sku" in f ? [f.sku] : []));
    const sets = ctx.k.reader.relations(skus, ["consists_of"]);
    top = top.filter((f) => !("sku" in f && sets.some((r) => r.sku === f.sku && skus.includes(r.targetSku))));
  }
  return top.length === 1 ? top[0] : undefined;
}

function fixCall(f: Fix, draft: DraftView): ToolCallPlan | undefined {
  switch (f.kind) {
    case "replace_sku":
      return {
        name: "update_line",
        args: {
          lineId: f.lineId,
          sku: f.sku,
          ...(f.options ? { options: f.options } : {}),
        },
      };
    case "set_quantity":
      return {
        name: "update_line",
        args: { lineId: f.lineId, quantity: f.quantity, ...(f.unit ? { unit: f.unit } : {}) },
      };
    case "set_option":
      return { name: "set_options", args: { lineId: f.lineId, options: { [f.group]: f.values } } };
    case "add_line": {
      const machineId = f.machineId ?? draft.machineId;
      return { name: "add_line", args: { sku: f.sku, quantity: f.quantity, ...(machineId ? { machineId } : {}) } };
    }
    case "remove_line":
      return { name: "remove_line", args: { lineId: f.lineId } };
    case "set_machine":
      return { name: "update_line", args: { lineId: f.lineId, machineId: f.machineId } };
    case "set_requested_date":
      return { name: "set_order_details", args: { requestedDate: f.date } };
    case "set_ship_to":
      return { name: "set_order_details", args: { shipToId: f.shipToId } };
    case "accept_split":
      return undefined;
  }
}

const WITH = /\s*,?\s*\b(?:with|along with|together with|plus|including|and also|mit|samt|inklusive|dazu|sowie)\b\s*/iu;

/**
 * "ok one for Pumpwerk Süd, with a base unit", "2 Stück, mit Sockel": the product offered, in the quantity and for
 * the machine the first part says, and the product the part after "with" names — one the offered product is related
 * to (its mandatory or optional companions) when the words name one of those, else a product named on its own.
 */
function withCompanion(ctx: Ctx, pending: Extract<Pending, { kind: "quantity" }>, memo: MemoFn): Step | undefined {
  const text = ctx.conv.text;
  const m = WITH.exec(text);
  if (!m) return undefined;
  const head = text.slice(0, m.index);
  const tail = text.slice(m.index + m[0].length);
  // "2, with FKM": option values of the product itself, no second product.
  if (!tail.trim() || optionsFor({ ...ctx, conv: { ...ctx.conv, text: tail } }, pending.sku)) return undefined;
  // "then the ultrasonic one for 24 V, with the cartridge": the offer taken in the variant the first part describes.
  const offered = offeredVariant(
    { ...ctx, conv: { ...ctx.conv, text: head }, tokens: tokenizeText(head), analyses: new Map() },
    pending.sku,
  );
  const sub: Ctx = {
    ...ctx,
    conv: { ...ctx.conv, text: tail },
    u: { ...ctx.u, negated: [] },
    tokens: tokenizeText(tail),
  };
  const related = [
    ...new Set(
      ctx.k.reader
        .relations([offered])
        .filter((r) => r.type !== "consists_of")
        .map((r) => r.targetSku),
    ),
  ];
  const ta = analyse(ctx, tail);
  const features = ctx.k.reader.features(related);
  const byValue = byStatedValue(
    sub,
    related.map((sku) => ({ id: sku, features: features.get(sku) ?? {} })),
  );
  // The catalog's own search (keywords, synonyms, both languages) among the related products: "mit Sockel".
  const searched = () =>
    ctx.k.search.search({ query: tail, limit: 20, language: ctx.lang }).find((h) => related.includes(h.sku))?.sku;
  const other =
    (byValue.length === 1 ? byValue[0] : undefined) ??
    (related.length ? (byWords(sub, related) ?? searched()) : undefined) ??
    // Not related: only a product named by its SKU.
    (ta.guess?.confident && ta.guess.hits[0]!.match === "sku_exact" ? ta.guess.hits[0]!.sku : undefined);
  if (!other || other === pending.sku || other === offered) return undefined;
  const ha = analyse(ctx, head);
  if (ha.guess?.confident && ![pending.sku, offered].includes(ha.guess.hits[0]!.sku)) return undefined;
  const machineId = ha.machine?.machineId ?? pending.machineId;
  const main = action(ctx, "add", offered, ha, memo, {
    ...(machineId ? { machineId } : {}),
    ...(ha.quantity
      ? { quantity: ha.quantity.value, ...(ha.quantity.unit ? { unit: ha.quantity.unit } : {}) }
      : pending.quantity
        ? { quantity: pending.quantity }
        : {}),
    ...(pending.options && offered === pending.sku ? { options: pending.options } : {}),
  });
  if (!main.calls?.length || !main.calls.every((c) => c.name === "add_line" || c.name === "update_line")) return main;
  const q = ta.quantity;
  return {
    ...main,
    calls: [
      ...main.calls,
      {
        name: "add_line",
        args: {
          sku: other,
          quantity: q?.value ?? 1,
          ...(q?.unit ? { unit: q.unit } : {}),
          ...(machineId ? { machineId } : {}),
        },
      },
    ],
  };
}

/** The one best match, when no other scores as high. */
function onlyOne<T extends { score: number }>(matches: T[]): T | undefined {
  const best = Math.max(...matches.map((m) => m.score));
  const top = matches.filter((m) => m.score === best);
  return top.length === 1 ? top[0] : undefined;
}

/**
 * "32" (or "32 and EPDM") to "Discharge flange: 25 / 32 / 40 …": a message of nothing but values the open question
 * offers, each in one open group only, chooses them — a bare number is a quantity elsewhere, but here it was asked for.
 */
function offeredValues(
  ctx: Ctx,
  pending: Extract<Pending, { kind: "options" }>,
  /** Only the bare numbers among other words (the words named values of their own). */
  numbersOnly = false,
): Record<string, string[]> | undefined {
  const values = pending.values;
  if (!values) return undefined;
  const same = (a: string, b: string) =>
    a.toLowerCase() === b.toLowerCase() || (/^\d/.test(a) && Number(a.replace(",", ".")) === Number(b));
  const out: Record<string, string[]> = {};
  for (const t of ctx.tokens) {
    if (FILLER.has(t.lower) || /^(and|und|,)$/.test(t.lower)) continue;
    if (numbersOnly && !/^\d+([.,]\d+)?$/.test(t.lower)) continue;
    const groups = pending.groups.filter((g) => (values[g] ?? []).some((v) => same(t.text, v)));
    if (groups.length !== 1) {
      if (numbersOnly) continue;
      return undefined;
    }
    const g = groups[0]!;
    out[g] = [values[g]!.find((v) => same(t.text, v))!];
  }
  return Object.keys(out).length ? out : undefined;
}
