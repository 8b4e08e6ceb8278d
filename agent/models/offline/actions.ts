/** "In stock? price?": both asked of the engine, both answered, the offer to add it made once. */
export function askStockAndPrice(
  ctx: Ctx,
  sku: string,
  a: Analysis,
  memo: MemoFn,
  extra: Parameters<typeof action>[5] = {},
): Step {
  const stock = action(ctx, "stock", sku, a, memo, extra);
  if (stock.calls?.length || !stock.text) return stock;
  const price = action(ctx, "price", sku, a, memo, extra);
  if (price.calls?.length || !price.text) return price;
  // The closing sentences both answers share (the offer, "it is in your order as L1") are said once, at the end.
  const sentences = (t: string) => t.split(/(?<=[.?!]) /);
  const first = sentences(stock.text);
  const second = sentences(price.text);
  let shared = 0;
  while (shared < first.length - 1 && first.at(-1 - shared) === second.at(-1 - shared)) shared++;
  return { ...price, text: `${first.slice(0, first.length - shared).join(" ")}\n${price.text}` };
}

/**
 * A question asked of one ("is it", "is der", "ist das", "hamma den") — no plural word with it ("they", "die", "sie",
 * "alle") — whose list is for a machine where exactly one listed item fits: that item.
 */
function singularFit(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>): string | undefined {
  const text = ctx.conv.text;
  if (!pending.machineId || !ONE.test(text) || SEVERAL.test(text)) return undefined;
  const machine = ctx.conv.machines?.find((m) => m.machineId === pending.machineId);
  const fitting = machine ? pending.skus.filter((sku) => fitsOn(ctx, sku, machine)) : [];
  if (fitting.length === 1) return fitting[0];
  // Of several that fit, the one the request that opened the list asked for ("welche Heizpatronen …" beside a sensor).
  const asked = fitting.length > 1 ? byRequest(ctx, pending.said, fitting) : [];
  return asked.length === 1 ? asked[0] : undefined;
}
/**
 * "was kostet der zweite?", "how much is the second one?", "und der mit FKM, was kostet der?": a question asked of one
 * listed item named by its place in the list, a value only it carries or words only its name carries — that item
 * (a comparison by price, "which is cheaper?", is answered elsewhere).
 */
function listedPick(ctx: Ctx, pending: Extract<Pending, { kind: "choose_product" }>): string | undefined {
  if (comparesPrice(ctx.conv.text)) return undefined;
  const named = resolveReference(ctx, pending.skus);
  if (named) return named.kind === "one" ? named.sku : undefined;
  return byWords(ctx, pending.skus);
}
const ONE = /(?<!\p{L})(?:it|that one|this one|der|den|des|das|dat|er|ihn|es)(?!\p{L})/iu;
const SEVERAL =
  /(?<!\p{L})(?:they|them|those|these|all|each|both|die|de|sie|alle|beide|jeweils|je|welche[nrs]?|which)(?!\p{L})/iu;

/**
 * "was kosten die und sind die lagernd?", "how much are they, and when could you deliver?": a price or stock question
 * that names no product while a list of candidates is open — answered for each listed one (the first five) from the
 * engine's prices and dates, the list kept open for the pick.
 */
export function aboutListed(ctx: Ctx, pending: Pending | undefined, memo: MemoFn): Step | undefined {
  if (pending?.kind !== "choose_product" || pending.skus.length < 2) return undefined;
  const price = ctx.cues.has("price") && ctx.tools.has("get_price");
  const stock = ctx.cues.has("stock") && ctx.tools.has("check_stock");
  if (!price && !stock) return undefined;
  // "is der lagernd? wos kosten zwoa?", "is it in stock?" — asked of ONE to a list for a machine where exactly one
  // listed item fits it: about that one, in the count asked (the others the engine ruled out).
  const one = listedPick(ctx, pending) ?? singularFit(ctx, pending);
  if (one) {
    const a = analyse(ctx);
    const quantity = a.quantity?.value ?? pending.quantity;
    const extra = {
      ...(pending.machineId ? { machineId: pending.machineId } : {}),
      ...(quantity ? { quantity, ...(a.quantity?.unit ? { unit: a.quantity.unit } : {}) } : {}),
    };
    return price && stock
      ? askStockAndPrice(ctx, one, a, memo, extra)
      : action(ctx, price ? "price" : "stock", one, a, memo, extra);
  }
  const { lang } = ctx;
  const skus = pending.skus.slice(0, 5);
  const products = ctx.k.reader.products(skus);
  const quantity = (sku: string) => pending.quantity ?? products.get(sku)?.moq ?? 1;
  const result = (name: string, sku: string) => ctx.conv.results.find((r) => r.name === name && r.args.sku === sku);
  const calls = skus.flatMap((sku) => [
    ...(price && !result("get_price", sku) ? [{ name: "get_price", args: { sku, quantity: quantity(sku) } }] : []),
    ...(stock && !result("check_stock", sku) ? [{ name: "check_stock", args: { sku, quantity: quantity(sku) } }] : []),
  ]);
  if (calls.length) return { calls, memo: memo(pending) };
  const lines = skus.map((sku, i) => {
    const parts: string[] = [];
    if (price) {
      const r = result("get_price", sku)!;
      const d = r.error ? undefined : typed(priceResult, r);
      parts.push(
        d
          ? say(
              lang,
              `${money(d.unitPriceCents, d.currency, lang)} each (${sourceText(d.priceSource, lang)})`,
              `${money(d.unitPriceCents, d.currency, lang)} je Einheit (${sourceText(d.priceSource, lang)})`,
            )
          : r.error
            ? errorText(r, lang)
            : unreadable(r, lang),
      );
    }
    if (stock) {
      const r = result("check_stock", sku)!;
      const d = r.error ? undefined : typed(stockResult, r);
      const when = d ? scheduleText(d as LineFacts, lang) : "";
      parts.push(
        d
          ? `${qty(d.quantity, d.unit, lang)}: ${when || say(lang, "no date available", "kein Termin verfügbar")}`
          : r.error
            ? errorText(r, lang)
            : unreadable(r, lang),
      );
    }
    return `${i + 1}) ${sku} — ${parts.join("; ")}`;
  });
  const ask = pending.quantity
    ? say(lang, "Which one would you like?", "Welchen möchten Sie?")
    : say(lang, "Which one would you like, and how many?", "Welchen möchten Sie, und wie viele?");
  return { text: [...lines, ask].join("\n"), memo: memo(pending) };
}

/**
 * Actions on products: add (asking for the machine when a part depends on it), price, stock, compatibility, details;
 * listing candidates (checked against the machine); several products at once; "same as last time".
 */
import type { Action, MachineView, Memo, Pending, RestItem, ToolResult } from "./conversation.ts";
import {
  numbered,
  numberedMachines,
  qty,
  say,
  scheduleText,
  fixText,
  expandFixes,
  machineName,
  money,
  type IssueFacts,
  type LineFacts,
} from "./replies.ts";
import {
  analyse,
  byWords,
  carriedWords,
  concernsMachine,
  contextMachine,
  dependsOnMachine,
  onlyMachineFor,
  fitsOn,
  FOR_WORD,
  fittingMachines,
  machineOnlyCompared,
  machineWordsEnd,
  passingMachines,
  namesOf,
  productsInLanguage,
  optionsFor,
  tiedByWords,
  ownPackUnit,
  soldInAmount,
  type Analysis,
  type Ctx,
  type MemoFn,
  type Step,
  withoutLogistics,
} from "./context.ts";
import { errorText, productText, sourceText } from "./phrasing.ts";
import {
  compactSku,
  findQuantities,
  decimalValue,
  measureWord,
  nameTrigram,
  nameWords,
  numberWordValue,
  replacedCount,
  tokenizeText,
  VALUE_WORDS,
  type Token,
  unitSymbol,
  wordsOf,
} from "./recognise.ts";
import { CURRENCY, FILLER, NOT_ADDING, saysBeside } from "./language.ts";
import type { Lang } from "./language.ts";
import { stemOf } from "../../../catalog/queries/search.ts";
import type { Fix } from "../../../tools/types.ts";
import { compatResult, issueText, priceResult, searchResult, stockResult, typed, unreadable } from "./render.ts";
import { fitRank } from "../../../tools/fit-rank.ts";
import { unitDecimals } from "../../../tools/checks/quantity.ts";
import {
  linesNamedBy,
  monthsIn,
  type MonthOrder,
  namesLastOrder,
  namesUsualOrder,
  namesOrderTime,
  orderOfMonth,
  withoutLastOrder,
} from "./month-order.ts";
import { hasMarker } from "./nlu/evidence.ts";
import { forOtherMachine } from "./other-machine.ts";
import { byRequest, byStatedValue, comparesPrice, resolveReference, variantByValue } from "./references.ts";

export function action(
  ctx: Ctx,
  kind: Action,
  sku: string,
  a: Analysis,
  memo: MemoFn,
  extra: {
    machineId?: string;
    quantity?: number;
    unit?: string;
    options?: Record<string, string[]>;
    /** The buyer declined to name a machine: the line goes on without one. */
    noMachine?: boolean;
    /**
     * The item waits for its machine (asked before a question about it): the answer asks again which machine, and
     * what was said with the item stays with it.
     */
    waiting?: Extract<Pending, { kind: "choose_machine" }>;
  } = {},
): Step {
  const { conv, lang, k } = ctx;
  const product = k.reader.products([sku]).get(sku);
  // "passt das?", "2 driers please" about a line of the order, no machine named: the machine that line is for.
  const onLine =
    (kind === "compat" || kind === "add") && a.machineCandidates.length <= 1
      ? conv.draft.lines.filter((l) => l.sku === sku && l.machineId)
      : [];
  const machineId =
    extra.machineId ??
    a.machine?.machineId ??
    conv.draft.machineId ??
    (onLine.length === 1 ? onLine[0]!.machineId : undefined) ??
    (kind === "add" && !extra.noMachine && !statesNoMachine(ctx) ? onlyMachineFor(ctx, sku)?.machineId : undefined);
  const quantity = extra.quantity ?? a.quantity?.value;
  const unit = ownPackUnit(ctx, sku, extra.unit ?? a.quantity?.unit);
  const stated = { ...(optionsFor(ctx, sku) ?? {}), ...(extra.options ?? {}) };
  const options = { ...machineOptions(ctx, sku, machineId, stated), ...stated };
  const done = (name: string) => conv.results.find((r) => r.name === name && r.args.sku === sku);

  const needsMachine = (kind === "add" || kind === "compat") && dependsOnMachine(ctx, sku);
  // "not for a machine, just for stores", "fürs Lager": said with the request, the line goes on without a machine.
  const noMachine =
    extra.noMachine || (kind === "add" && statesNoMachine(ctx) && namedOutright(ctx, sku, withoutNoMachineWords(ctx)));
  // "Dazu noch eine Schachtel Filterkerzen", "and 2 solenoid coils too" with an order for one machine: a part that
  // depends on no machine but that the catalog relates to that one and lets pass is for it, as a part that depends on
  // its machine is (below).
  if (!machineId && !needsMachine && !noMachine && kind === "add" && a.machineCandidates.length <= 1) {
    const on = besideOrdered(ctx, sku);
    if (on) return action(ctx, kind, sku, a, memo, { ...extra, machineId: on });
  }
  if (needsMachine && !machineId && !noMachine) {
    const machines = conv.machines ?? [];
    const fitting = fittingMachines(ctx, sku, machines);
    const fitted = a.machineCandidates.length > 1 ? a.machineCandidates : fitting.length ? fitting : machines;
    if (fitted.length === 1 && kind === "add")
      return action(ctx, kind, sku, a, memo, { ...extra, machineId: fitted[0]!.machineId });
    // Listed: the machines the catalog's rules leave for it (still asked: the buyer may mean another).
    const choices = a.machineCandidates.length > 1 ? fitted : passingMachines(ctx, sku, fitted);
    // "und dazu 2 Gehäusedichtungen", "and 2 casing gaskets too" with an order for one machine: a part added beside
    // it is for that machine when the rules leave it for it (the reply names the machine; the buyer may move it).
    const ordered = [...new Set(conv.draft.lines.flatMap((l) => (l.machineId ? [l.machineId] : [])))];
    const orders = ordered.length === 1 ? choices.find((m) => m.machineId === ordered[0]) : undefined;
    if (orders && kind === "add" && a.machineCandidates.length <= 1 && saysBeside(conv.text, lang))
      return action(ctx, kind, sku, a, memo, { ...extra, machineId: orders.machineId });
    if (choices.length > 0) {
      const list = numberedMachines(choices, lang);
      // The catalog's fitment lists none of the buyer's machines: say so before asking (the engine checks the pick).
      const listedForNone =
        fitting.length === 0 && (k.reader.fitment([sku]).get(sku)?.length ?? 0) > 0 && a.machineCandidates.length <= 1;
      const none = listedForNone
        ? say(
            lang,
            `The catalog lists ${sku} for none of your machines. `,
            `Laut Katalog passt ${sku} zu keiner Ihrer Maschinen. `,
          )
        : "";
      return {
        text: `${none}${say(lang, `${sku} depends on the machine. Which machine is it for?\n${list}`, `${sku} hängt von der Maschine ab. Für welche Maschine ist es?\n${list}`)}`,
        memo: memo(
          {
            kind: "choose_machine",
            sku,
            action: kind,
            ...(quantity ? { quantity } : {}),
            ...(unit ? { unit } : {}),
            ...(Object.keys(options).length ? { options } : {}),
            machineIds: choices.map((m) => m.machineId),
            ...(namedOutright(ctx, sku) ? { named: true } : {}),
          },
          sku,
        ),
      };
    }
  }

  // A part already in the order: questions are about that line's quantity, and the answer does not offer to add it.
  const line = conv.draft.lines.find(
    (l) => l.sku === sku && (!machineId || (l.machineId ?? conv.draft.machineId) === machineId),
  );
  const lineQty = line && (!line.unit || line.unit === product?.orderUnit) ? line.quantity : undefined;
  const offer = (asked: unknown): { en: string; de: string; pending?: Pending } => {
    const waiting = extra.waiting;
    const waitsFor =
      waiting && !machineId ? (conv.machines ?? []).filter((m) => waiting.machineIds.includes(m.machineId)) : [];
    if (!line && waiting && waitsFor.length) {
      const list = numberedMachines(waitsFor, lang);
      return {
        en: `Which machine is it for?\n${list}`,
        de: `Für welche Maschine ist es?\n${list}`,
        pending: { ...waiting, ...(typeof asked === "number" ? { quantity: asked, ...(unit ? { unit } : {}) } : {}) },
      };
    }
    // "is it in stock? just asking, don't add it": the answer, no offer to add.
    if (!line && NOT_ADDING.test(conv.text)) return { en: "", de: "" };
    if (!line)
      return {
        en: "Shall I add it to your order?",
        de: "Soll ich es in die Bestellung übernehmen?",
        // What the buyer stated with the question ("in stock? need 2 for press 3") is what the offer adds.
        pending: {
          kind: "quantity",
          sku,
          ...(machineId ? { machineId } : {}),
          ...(Object.keys(options).length ? { options } : {}),
          ...(typeof asked === "number" ? { quantity: asked, ...(unit ? { unit } : {}) } : {}),
        },
      };
    // "ok go ahead" after this: the open question is the one every add ends with.
    if (typeof asked !== "number" || asked === lineQty)
      return {
        en: `It is in your order as ${line.lineId}. Anything else, or shall I place the order?`,
        de: `Es ist als Position ${line.lineId} in Ihrer Bestellung. Noch etwas, oder soll ich bestellen?`,
        pending: { kind: "confirm" },
      };
    return {
      en: `Your order has ${qty(line.quantity, line.unit, lang)} in ${line.lineId} — shall I change it to ${asked}?`,
      de: `In Position ${line.lineId} stehen ${qty(line.quantity, line.unit, lang)} — soll ich auf ${asked} ändern?`,
      pending: {
        kind: "quantity",
        sku,
        quantity: asked,
        ...((machineId ?? line.machineId) ? { machineId: machineId ?? line.machineId } : {}),
      },
    };
  };

  switch (kind) {
    case "add": {
      const q = quantity ?? product?.moq ?? 1;
      // The same product for the same machine is already a line: change its quantity ("3 more" adds to it).
      // "die geraden DKOL M22x1,5, 1 Beutel" with no machine named, after that line was added for Big Bertha: that line.
      const stated = extra.machineId ?? a.machine?.machineId;
      const existing = conv.draft.lines.find(
        (l) =>
          l.sku === sku &&
          (!stated || (l.machineId ?? conv.draft.machineId) === machineId) &&
          !Object.keys(options).length,
      );
      if (existing && quantity) {
        const more = addsToLine(conv.text);
        return {
          calls: [
            {
              name: "update_line",
              args: {
                lineId: existing.lineId,
                quantity: more ? existing.quantity + quantity : quantity,
                ...(unit ? { unit } : {}),
              },
            },
          ],
          memo: memo(undefined, sku),
        };
      }
      return {
        calls: [
          {
            name: "add_line",
            args: {
              sku,
              quantity: q,
              ...(unit ? { unit } : {}),
              ...(Object.keys(options).length ? { options } : {}),
              ...(machineId ? { machineId } : {}),
            },
          },
        ],
        memo: memo(undefined, sku),
      };
    }
    case "price": {
      const r = done("get_price");
      if (!r)
        return {
          calls: [
            {
              name: "get_price",
              args: {
                sku,
                quantity: quantity ?? lineQty ?? product?.moq ?? 1,
                // The line as configured (its options' surcharges), else the options the message states.
                ...(line?.options && Object.keys(line.options).length
                  ? { options: line.options }
                  : Object.keys(options).length
                    ? { options }
                    : {}),
              },
            },
          ],
          memo: memo(undefined, sku),
        };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const d = typed(priceResult, r);
      if (!d) return { text: unreadable(r, lang), memo: memo(undefined, sku) };
      const o = offer(quantity);
      const text = say(
        lang,
        `Your price for ${qty(d.quantity, d.unit, lang)} × ${sku}: ${money(d.unitPriceCents, d.currency, lang)} each (${sourceText(d.priceSource, lang)}), ${money(d.amountCents, d.currency, lang)} in total. ${o.en}`,
        `Ihr Preis für ${qty(d.quantity, d.unit, lang)} × ${sku}: ${money(d.unitPriceCents, d.currency, lang)} je Einheit (${sourceText(d.priceSource, lang)}), gesamt ${money(d.amountCents, d.currency, lang)}. ${o.de}`,
      );
      return { text, memo: memo(o.pending, sku) };
    }
    case "stock": {
      const r = done("check_stock");
      // "Bitte einen EC-Lüfter … für Freezer 1. Wie schnell könnt ihr liefern?": a part for a named machine is checked
      // against it too — the answer does not offer to add a part that does not fit.
      const fitting = !line && machineId && dependsOnMachine(ctx, sku);
      const fit = conv.results.find((x) => x.name === "check_compatibility" && x.args.sku === sku);
      if (!r || (fitting && !fit))
        return {
          calls: [
            ...(r ? [] : [{ name: "check_stock", args: { sku, quantity: quantity ?? lineQty ?? product?.moq ?? 1 } }]),
            ...(fitting && !fit ? [{ name: "check_compatibility", args: { sku, machineId } }] : []),
          ],
          memo: memo(undefined, sku),
        };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const d = typed(stockResult, r);
      if (!d) return { text: unreadable(r, lang), memo: memo(undefined, sku) };
      const when = scheduleText(d as LineFacts, lang);
      const issues = (d.issues ?? []).filter((i) => i.severity === "block").map((i) => issueText(i, lang));
      const misfit = fitting && fit ? doesNotFit(ctx, sku, machineId, fit, quantity, memo) : undefined;
      const o = offer(quantity);
      const by = byDate(ctx, d);
      const text = say(
        lang,
        `${by?.en ?? ""}${qty(d.quantity, d.unit, lang)} × ${sku}: ${when || "no date available"}${by?.enTail ?? ""}.${issues.length ? ` ${issues.join(" ")}` : ""} ${misfit ? `But: ${misfit.text}` : o.en}`,
        `${by?.de ?? ""}${qty(d.quantity, d.unit, lang)} × ${sku}: ${when || "kein Termin verfügbar"}${by?.deTail ?? ""}.${issues.length ? ` ${issues.join(" ")}` : ""} ${misfit ? `Aber: ${misfit.text}` : o.de}`,
      );
      return { text, memo: misfit ? misfit.memo : memo(o.pending, sku) };
    }
    case "compat": {
      if (!machineId) {
        return {
          text: say(
            lang,
            `Which machine should I check ${sku} against?`,
            `Gegen welche Maschine soll ich ${sku} prüfen?`,
          ),
          memo: memo(undefined, sku),
        };
      }
      const r = conv.results.find((x) => x.name === "check_compatibility" && x.args.sku === sku);
      if (!r) return { calls: [{ name: "check_compatibility", args: { sku, machineId } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const m = conv.machines?.find((x) => x.machineId === machineId);
      const c = typed(compatResult, r);
      if (!c) return { text: unreadable(r, lang), memo: memo(undefined, sku) };
      const issues = c.issues;
      if (c.compatible) {
        const warn = issues.filter((i) => i.severity !== "block").map((i) => issueText(i, lang));
        // "does it fit? just asking, don't add it": the fit, and no count asked for.
        if (NOT_ADDING.test(conv.text))
          return {
            text: say(
              lang,
              `Yes — ${sku} fits ${machineName(m, machineId, "en")}.${warn.length ? ` Note: ${warn.join(" ")}` : ""}`,
              `Ja — ${sku} passt zu ${machineName(m, machineId, "de")}.${warn.length ? ` Hinweis: ${warn.join(" ")}` : ""}`,
            ),
            memo: memo(undefined, sku),
          };
        return {
          text: say(
            lang,
            `Yes — ${sku} fits ${machineName(m, machineId, "en")}.${warn.length ? ` Note: ${warn.join(" ")}` : ""} How many do you need?`,
            `Ja — ${sku} passt zu ${machineName(m, machineId, "de")}.${warn.length ? ` Hinweis: ${warn.join(" ")}` : ""} Wie viele benötigen Sie?`,
          ),
          memo: memo({ kind: "quantity", sku, machineId, ...(Object.keys(options).length ? { options } : {}) }, sku),
        };
      }
      const no = doesNotFit(ctx, sku, machineId, r, quantity, memo)!;
      return { text: say(lang, `No — ${no.text}`, `Nein — ${no.text}`), memo: no.memo };
    }
    case "info": {
      const r = done("get_product");
      if (!r) return { calls: [{ name: "get_product", args: { sku, language: lang } }], memo: memo(undefined, sku) };
      if (r.error) return { text: errorText(r, lang), memo: memo(undefined, sku) };
      const data = (r.data.data ?? {}) as Record<string, unknown>;
      const successor =
        data.lifecycle === "discontinued" && typeof data.successorSku === "string" ? data.successorSku : undefined;
      if (successor) {
        // Offer the successor instead of asking for a quantity of a part that can no longer be ordered.
        const text = productText(data, lang, featureNamesFor(ctx)).replace(/ [^.?!]*\?$/, "");
        return {
          text: `${text} ${say(lang, `Shall I take ${successor} instead? How many?`, `Soll ich stattdessen ${successor} nehmen? Wie viele?`)}`,
          memo: memo(
            { kind: "choose_product", skus: [successor], action: "add", ...(machineId ? { machineId } : {}) },
            successor,
          ),
        };
      }
      return {
        text: productText(data, lang, featureNamesFor(ctx)),
        // Options stated with the question ("configure X: 11 kW, 400 V…") ride on the line the quantity answer adds.
        memo: memo(
          {
            kind: "quantity",
            sku,
            ...(machineId ? { machineId } : {}),
            ...(Object.keys(options).length ? { options } : {}),
          },
          sku,
        ),
      };
    }
  }
}

/**
 * "ist der bis freitag da?", "can you deliver by friday?": a date said with a stock question is the date the buyer needs
 * it by — the answer says yes or no against the delivery date the engine promises (the last of a split delivery).
 */
function byDate(
  ctx: Ctx,
  d: { promiseDate?: string | undefined; schedule?: { date: string }[] | undefined },
): { en: string; de: string; enTail: string; deTail: string } | undefined {
  const asked = ctx.u.date;
  const dates = [...(d.schedule ?? []).map((p) => p.date), ...(d.promiseDate ? [d.promiseDate] : [])].sort();
  const last = dates.at(-1);
  if (!asked || !last) return undefined;
  return last <= asked
    ? { en: "Yes — ", de: "Ja — ", enTail: `, so by ${asked} as asked`, deTail: `, also bis ${asked} wie gefragt` }
    : { en: "No — ", de: "Nein — ", enTail: `, later than ${asked}`, deTail: `, später als ${asked}` };
}

export function find(ctx: Ctx, a: Analysis, memo: MemoFn, next: Action): Step {
  const { conv, lang, k } = ctx;
  const last = conv.memo.pending?.kind === "choose_product" ? conv.memo.pending : undefined;
  // "What about for pump 4?": the same search, now for that machine.
  const query = a.guess?.query ?? (a.machine && last?.query ? last.query : "*");
  const machineId = a.machine?.machineId ?? conv.draft.machineId ?? contextMachine(conv.memo.pending, conv.draft);
  // The search for the machine (a second one without it looks for a product named that the machine's search left out).
  const r =
    conv.results.find((x) => x.name === "search_catalog" && x.args.machineId === machineId) ??
    conv.results.find((x) => x.name === "search_catalog");
  const prev0 = last;
  if (!r)
    return {
      calls: [
        { name: "search_catalog", args: { query, ...(machineId ? { machineId } : {}), limit: 12, language: lang } },
      ],
      memo: memo(),
    };
  type Hit = {
    sku: string;
    name: string;
    category?: string;
    lifecycle?: string;
    successorSku?: string;
    fitsMachine?: boolean;
  };
  let found: Hit[] = typed(searchResult, r)?.data ?? [];
  // "ofen 1 in dr backstub ulm" to a list found without a machine: the same search for that machine — and when the
  // search for it finds none of the listed products (its words matched others by chance), the listed ones, checked.
  const listed = !a.guess && a.machine && last?.query ? last.skus : [];
  if (listed.length && !found.some((h) => listed.includes(h.sku))) {
    const products = productsInLanguage(ctx, listed);
    found = listed.map((sku) => ({
      sku,
      name: products.get(sku)?.name ?? sku,
      ...(products.get(sku)?.category ? { category: products.get(sku)!.category } : {}),
    }));
  }
  if (found.length === 0) {
    return {
      text: say(
        lang,
        `I found nothing for "${query}". Could you describe it differently or give a SKU?`,
        `Zu „${query}“ habe ich nichts gefunden. Können Sie es anders beschreiben oder eine Artikelnummer nennen?`,
      ),
      memo: memo(),
    };
  }
  // Only what the buyer asked for: a "seal" search lists seals, not a pump whose description mentions its seal.
  // "1 Kartusche Fett": what is sold in the unit the buyer counts comes first (the cartridges before the cases).
  const ranked = soldIn(ctx, relevant(ctx, query, found), a.quantity?.unit);
  // Among the candidates that would be listed: a size the request states narrows them, never reaches further down to
  // other kinds of product that carry it.
  // The kinds of product listed first: a stated size may pick a candidate further down among them (the 12 A contactor
  // sixth of eight contactors), never one of another kind.
  const kinds = new Set(ranked.slice(0, 5).map((h) => h.category));
  const sized = bySizes(
    ctx,
    ranked.filter((h, i) => i < 5 || kinds.has(h.category)),
    a.quantity?.value,
  );
  let pool: Hit[] = sized.length < Math.min(5, ranked.length) ? sized : ranked;
  let hits = pool.slice(0, 5);
  // For a machine, check every candidate against it (operating data, not only fitment): what fits cleanly first,
  // then what fits with a caution (and why), what does not fit last (and why) — all from check_compatibility.
  const verdicts = new Map<string, Verdict>();
  /** Products the buyer's words name that do not fit the machine: said first, with the engine's reason. */
  const misfits: string[] = [];
  if (machineId && ctx.tools.has("check_compatibility")) {
    const checks = conv.results.filter((x) => x.name === "check_compatibility" && x.args.machineId === machineId);
    if (checks.length === 0)
      return {
        calls: hits.map((h) => ({ name: "check_compatibility", args: { sku: h.sku, machineId } })),
        memo: memo(),
      };
    for (const c of checks) verdicts.set(String(c.args.sku), verdictOf(c.data, lang));
    // None of the first candidates fits: check the next ones before listing only what does not fit. A product built
    // to order fits whatever it is configured to — "Gummituch für die Speedmaster" with only the made-to-measure
    // blanket fitting among the first five: the next ones are checked too (the stock blanket that fits).
    // (Only candidates whose names carry a word of the request, where some do: the underlay sheets filed with the
    // blankets are no blanket.)
    const carrying = pool.filter((h) => nameCarries(ctx, query, h.name));
    const unchecked = (carrying.length ? carrying : pool).filter((h) => !verdicts.has(h.sku));
    const built = builtToOrder(ctx, [...verdicts.keys()]);
    if (unchecked.length && ![...verdicts].some(([sku, v]) => v.rank <= 1 && !built.has(sku))) {
      return {
        calls: unchecked.slice(0, 5).map((h) => ({ name: "check_compatibility", args: { sku: h.sku, machineId } })),
        memo: memo(),
      };
    }
    // "return filter element RF 330 for IMM 7", "Steuerung 80 V für die Ameise 2": a code or size the request states
    // that no candidate for the machine carries — the machine's search leaves out parts listed for other models. The
    // same words without the machine find what was named; the engine says why it does not fit.
    const stated = codesNoneCarries(ctx, hits, a, machineId);
    if (stated.length) {
      const wide = conv.results.find((x) => x.name === "search_catalog" && x.args.machineId === undefined);
      if (!wide)
        return {
          calls: [{ name: "search_catalog", args: { query: wideQuery(query, stated), limit: 12, language: lang } }],
          memo: memo(),
        };
      const names = (h: Hit) => `${h.sku} ${namesOf(ctx, [h.sku]).get(h.sku) ?? h.name}`;
      const named = (typed(searchResult, wide)?.data ?? [])
        .filter((h) => !pool.some((x) => x.sku === h.sku) && stated.every((w) => nameWords(names(h)).has(w)))
        .slice(0, 2);
      const unasked = named.filter((h) => !verdicts.has(h.sku));
      if (unasked.length)
        return {
          calls: unasked.map((h) => ({ name: "check_compatibility", args: { sku: h.sku, machineId } })),
          memo: memo(),
        };
      misfits.push(...named.filter((h) => verdicts.get(h.sku)?.rank === 3).map((h) => h.sku));
    }
    const own = (c: ToolResult) => !misfits.includes(String(c.args.sku));
    // "Der Techniker sagt, es is der Fühler" for an oven wired for a type K thermocouple: none of the candidates the
    // words found fits, and the engine says what the machine needs (a feature's value) or names a replacement — the
    // products of the candidates' kind that have that value (whatever their names call them) are candidates too.
    const replacements = pool.some((h) => (verdicts.get(h.sku)?.rank ?? 3) <= 1)
      ? []
      : machineValued(ctx, checks.filter(own));
    const unasked = replacements.filter((sku) => !verdicts.has(sku));
    if (unasked.length)
      return {
        calls: unasked.slice(0, 3).map((sku) => ({ name: "check_compatibility", args: { sku, machineId } })),
        memo: memo(),
      };
    if (replacements.length) {
      const products = productsInLanguage(ctx, replacements);
      const fitting = replacements.filter((sku) => verdicts.get(sku)!.rank <= 1 && !pool.some((h) => h.sku === sku));
      pool = [
        ...fitting.map((sku) => ({ sku, name: products.get(sku)?.name ?? sku, category: products.get(sku)?.category })),
        ...pool,
      ];
    }
    const rank = (sku: string) => verdicts.get(sku)?.rank ?? 2.5;
    // Of those that fit alike, a product built to order (made to measure, configured) after one that is sold as it is:
    // "blankets for the Speedmaster" lists the stock blanket that fits before the custom-cut one.
    const toOrder = builtToOrder(
      ctx,
      pool.map((h) => h.sku),
    );
    const builtLast = (sku: string) => (toOrder.has(sku) ? 1 : 0);
    hits = pool
      .filter((h) => verdicts.has(h.sku))
      .map((h, i) => ({ h, i }))
      .sort((x, y) => rank(x.h.sku) - rank(y.h.sku) || builtLast(x.h.sku) - builtLast(y.h.sku) || x.i - y.i)
      .map((x) => x.h)
      .slice(0, 5);
    // "den lötbaren" for a freezer no solder drier fits: the candidates the buyer's words name best do not fit, and
    // others do — said first, not left to a cross in the list below the flare one.
    if (misfits.length === 0 && hits.some((h) => rank(h.sku) <= 2)) {
      const best = tiedByWords(
        ctx,
        hits.map((h) => h.sku),
      );
      if (best.length > 0 && best.length < hits.length && best.every((sku) => rank(sku) === 3))
        misfits.push(...best.slice(0, 2));
    }
  }
  // "einen Dichtsatz für den Schusszylinder, bitte in FKM" for a machine run on a fluid FKM does not resist: the one
  // candidate whose name carries more of the request's words than any other is what was asked for, though it does not
  // fit; it goes on the order, and the engine says why and offers what fits, as for a part named outright.
  const named =
    next === "add" && machineId
      ? byWords(
          ctx,
          pool.map((h) => h.sku),
        )
      : undefined;
  if (named && verdicts.get(named)?.rank === 3 && a.quantity)
    return action(ctx, "add", named, a, memo, { machineId: machineId! });
  // "1x brake shoes set" for the truck the order is for, "5 Rollen vom 1,30er Netz": the search, or the size stated,
  // leaves one product and it fits the machine cleanly — a counted request orders it, no list of one to choose from
  // (the engine still checks the line).
  // "10 Meter Türdichtung aus Silikon fürn Etagenofen": of the products of one kind found, one fits the machine and
  // every other does not fit at all (another profile, another voltage) — the request can only mean that one.
  // (Only for an amount said in the unit the product is sold in — "10 Meter" of goods by the metre: a bare count of
  // "return filters" still shows the choice.)
  const measured = a.quantity?.unit && unitDecimals(a.quantity.unit) > 0 ? a.quantity : undefined;
  const notInAmount = (sku: string) => !!measured && soldInAmount(ctx, [sku], measured).length === 0;
  const onlyFitting = (list: Hit[]) =>
    list.length > 1 &&
    !!a.quantity?.unit &&
    sameUnit(ctx, list[0]!.sku, a.quantity.unit) &&
    list[0]!.category !== undefined &&
    list.every((h) => h.category === list[0]!.category) &&
    // (A discontinued product whose successor is the one that fits is that one's predecessor, no other choice.)
    // ("5 m Türdichtung für Ofen 2": a ready-made set of the kind that fits is no choice for an amount in metres.)
    list
      .slice(1)
      .every(
        (h) =>
          verdicts.get(h.sku)?.rank === 3 ||
          (h.lifecycle === "discontinued" && h.successorSku === list[0]!.sku) ||
          notInAmount(h.sku),
      ) &&
    // "… the standard NBR one please": a word of the request that only a product that does not fit carries asks
    // for that one, not for the one that fits.
    !saysOtherThan(
      ctx,
      list[0]!.sku,
      list.slice(1).map((h) => h.sku),
      a,
      machineId!,
    );
  const counted =
    a.quantity ??
    (prev0?.quantity ? { value: prev0.quantity, ...(prev0.unit ? { unit: prev0.unit } : {}) } : undefined);
  // "vier Meter Flyerkette für den Schubmaster 3": an amount in a unit some of the candidates are not sold in (the
  // chain's anchor, by the piece) orders none of those — of the rest, one fits and every other does not.
  const unit = a.quantity?.unit;
  const inUnit = unit ? hits.filter((h) => sameUnit(ctx, h.sku, unit)) : hits;
  const ofUnit = inUnit.length < hits.length && onlyFitting(inUnit);
  const sole = ofUnit ? inUnit[0]! : hits[0];
  if (
    next === "add" &&
    counted &&
    machineId &&
    misfits.length === 0 &&
    (((found.length === 1 || (pool === sized && sized.length === 1)) && hits.length === 1) ||
      onlyFitting(hits) ||
      ofUnit) &&
    verdicts.get(sole!.sku)?.rank === 0 &&
    // Named by the buyer's own words, not only found by a correction of them.
    byWords(ctx, [sole!.sku]) !== undefined
  )
    return action(ctx, "add", sole!.sku, a, memo, {
      machineId,
      quantity: counted.value,
      ...(counted.unit ? { unit: counted.unit } : {}),
    });
  const mark = (h: Hit) => fitMark(verdicts.get(h.sku), lang, h.fitsMachine);
  const m = machineId ? conv.machines?.find((x) => x.machineId === machineId) : undefined;
  const prev = conv.memo.pending?.kind === "choose_product" ? conv.memo.pending : undefined;
  const quantity =
    a.quantity ?? (prev?.quantity ? { value: prev.quantity, ...(prev.unit ? { unit: prev.unit } : {}) } : undefined);
  const list = numbered(
    hits.map(
      (h) =>
        `${h.sku} — ${h.name}${h.lifecycle === "discontinued" ? say(lang, ` (discontinued${h.successorSku ? `, successor ${h.successorSku}` : ""})`, ` (ausgelaufen${h.successorSku ? `, Nachfolger ${h.successorSku}` : ""})`) : ""}${mark(h)}`,
    ),
  );
  // Words the catalog does not know ("Gleitringdichtung" in an English catalog): say so, then show the machine's parts.
  const unknown = query === "*" && a.productWords.length ? a.productWords.join(" ") : undefined;
  const head =
    m && unknown
      ? say(
          lang,
          `I could not find "${unknown}" in the catalog. These are parts for ${machineName(m, m.machineId, "en")} (${m.modelName}):`,
          `„${unknown}“ habe ich im Katalog nicht gefunden. Das sind Teile für ${machineName(m, m.machineId, "de")} (${m.modelName}):`,
        )
      : m
        ? say(
            lang,
            `For ${machineName(m, m.machineId, "en")} (${m.modelName}) I found:`,
            `Für ${machineName(m, m.machineId, "de")} (${m.modelName}) habe ich gefunden:`,
          )
        : say(lang, "I found:", "Gefunden:");
  const misfitHead = m && misfits.length ? `${notFitting(ctx, misfits, verdicts, m)}\n` : "";
  // "Gefunden: 1) X — Welchen Artikel?": one product found (that fits, where a machine is named) is no choice — it is
  // offered as it is, and the question is the count (or, with the count said, whether to add it; a yes takes it).
  // (For a machine named, the product checked to fit it, and not a line the order already holds.)
  const single =
    hits.length === 1 &&
    !!m &&
    !unknown &&
    misfits.length === 0 &&
    (verdicts.get(hits[0]!.sku)?.rank ?? 3) <= 2 &&
    !conv.draft.lines.some((l) => l.sku === hits[0]!.sku);
  const ask = single
    ? quantity
      ? say(lang, "Shall I add it?", "Soll ich den Artikel hinzufügen?")
      : say(lang, "How many would you like?", "Wie viele möchten Sie?")
    : quantity
      ? say(lang, "Which one would you like?", "Welchen Artikel möchten Sie?")
      : say(lang, "Which one would you like, and how many?", "Welchen Artikel möchten Sie, und wie viele?");
  // Options stated with the request ("configure X: 11 kW, 400 V…") ride on the pick of the configurable item listed.
  const configurable = hits.filter((h) => k.reader.products([h.sku]).get(h.sku)?.configModelId);
  const options = configurable.length === 1 ? optionsFor(ctx, configurable[0]!.sku) : undefined;
  return {
    text: `${misfitHead}${head}\n${single ? list.replace(/^1\) /u, "") : list}\n${ask}`,
    memo: memo({
      kind: "choose_product",
      ...(options ? { options } : {}),
      skus: hits.map((h) => h.sku),
      ...(query !== "*" ? { query } : {}),
      said: conv.text,
      action: next === "info" && (quantity || prev?.action === "add") ? "add" : next,
      ...(machineId ? { machineId } : {}),
      ...(quantity ? { quantity: quantity.value, ...(quantity.unit ? { unit: quantity.unit } : {}) } : {}),
    }),
  };
}

/**
 * "FE-RF-330-10 (…) does not fit IMM 7: <why>." — the products the buyer named that the engine says do not fit, with
 * the reason of the first.
 */
function notFitting(ctx: Ctx, skus: string[], verdicts: Map<string, Verdict>, m: MachineView): string {
  const { lang } = ctx;
  const products = productsInLanguage(ctx, skus);
  const named = skus.map((sku) => `${sku} (${products.get(sku)?.name ?? sku})`).join(say(lang, " and ", " und "));
  // The engine's reason, unless it only says again that it does not fit (a part listed for other models): then the
  // models it is listed for.
  const said = verdicts.get(skus[0]!)?.why;
  const models = [...new Set((ctx.k.reader.fitment([skus[0]!]).get(skus[0]!) ?? []).map((f) => f.machineModel))];
  const why =
    said && !said.includes(skus[0]!)
      ? said
      : models.length
        ? say(lang, `listed for ${models.join(", ")}`, `gelistet für ${models.join(", ")}`)
        : undefined;
  const machine = machineName(m, m.machineId, lang);
  return skus.length > 1
    ? say(
        lang,
        `${named} do not fit ${machine}${why ? `: ${why}` : ""}.`,
        `${named} passen nicht zu ${machine}${why ? `: ${why}` : ""}.`,
      )
    : say(
        lang,
        `${named} does not fit ${machine}${why ? `: ${why}` : ""}.`,
        `${named} passt nicht zu ${machine}${why ? `: ${why}` : ""}.`,
      );
}

/** The search words with the codes said beside them ("Messer 280 mm": the guess searched "mm"). */
function wideQuery(query: string, codes: string[]): string {
  const words = new Set(query.toLowerCase().split(/\s+/));
  return [query === "*" ? "" : query, ...codes.filter((c) => !words.has(c))].join(" ").trim();
}

/**
 * The codes and sizes of the request ("330" of "RF 330", "80" of "80 V") that no candidate's SKU or name carries —
 * not the count, nor a word of the machine's own label or site.
 */
function codesNoneCarries(ctx: Ctx, pool: { sku: string; name: string }[], a: Analysis, machineId: string): string[] {
  const m = ctx.conv.machines?.find((x) => x.machineId === machineId);
  const label = new Set(wordsOf(`${m?.label ?? ""} ${m?.site ?? ""} ${m?.modelName ?? ""}`));
  const names = namesOf(
    ctx,
    pool.map((h) => h.sku),
  );
  // "Messer 280 mm": a length said is a size of the product, not the count — unless the products are sold by it
  // ("10 m hose").
  const unit = a.quantity?.unit;
  const sized = !!unit && measureWord(ctx.k, unit.toLowerCase()) && !pool.some((h) => sameUnit(ctx, h.sku, unit));
  const counted = sized ? undefined : a.quantity;
  const carried = new Set(pool.flatMap((h) => [...nameWords(`${h.sku} ${h.name} ${names.get(h.sku) ?? ""}`)]));
  return [
    ...new Set(
      ctx.tokens
        .map((t) => t.lower)
        .filter((w) => /^\d+$/.test(w) && !label.has(w) && (!counted || Number(w) !== counted.value))
        .filter((w) => !carried.has(w)),
    ),
  ];
}

/**
 * The products a failed compatibility check points to: its replacements, and the products of the checked one's
 * category whose feature has the value the machine requires ("Fühlertyp PT100 passt nicht zu Fühlertyp Typ K": the
 * Typ K one of that category).
 */
function machineValued(ctx: Ctx, checks: ToolResult[]): string[] {
  const out = new Set<string>();
  for (const c of checks) {
    const issues = (c.data.issues as (IssueFacts & { details?: Record<string, unknown> })[] | undefined) ?? [];
    for (const i of issues) {
      for (const f of i.fixes ?? []) if (f.kind === "replace_sku") out.add(f.sku);
      const feature = i.details?.feature;
      const wanted = i.details?.machineValue;
      if (i.severity !== "block" || typeof feature !== "string" || wanted === undefined || wanted === null) continue;
      const sku = String(c.args.sku);
      const category = ctx.k.reader.products([sku]).get(sku)?.category;
      if (!category) continue;
      const near = ctx.k.reader.alternatives(category, null, 20, sku).map((x) => x.sku);
      const features = ctx.k.reader.features(near);
      for (const other of near)
        if (
          other !== sku &&
          String(features.get(other)?.[feature] ?? "").toLowerCase() === String(wanted).toLowerCase()
        )
          out.add(other);
    }
  }
  return [...out];
}

/** Whether the product is ordered in this unit. */
function sameUnit(ctx: Ctx, sku: string, unit: string): boolean {
  return ctx.k.reader.products([sku]).get(sku)?.orderUnit.toUpperCase() === unit.toUpperCase();
}

/** Whether the buyer's words include one that the names of `others` carry and the name of `sku` does not. */
function saysOtherThan(ctx: Ctx, sku: string, others: string[], a: Analysis, machineId: string): boolean {
  const names = namesOf(ctx, [sku, ...others]);
  const words = (s: string) => nameWords(`${s} ${names.get(s) ?? ""}`);
  const own = words(sku);
  const theirs = others.map(words);
  // A size or code counts too ("10 µm", "RF 330") — not the count, nor the words of the machine's own label.
  const m = ctx.conv.machines?.find((x) => x.machineId === machineId);
  const label = new Set(wordsOf(`${m?.label ?? ""} ${m?.site ?? ""}`));
  return ctx.tokens
    .map((t) => t.lower)
    .filter((w) => w.length > 0 && !FILLER.has(w) && !label.has(w))
    .filter((w) => (/\p{L}/u.test(w) ? w.length > 1 : !a.quantity || Number(w) !== a.quantity.value))
    .some((w) => !own.has(w) && theirs.some((t) => t.has(w)));
}

/**
 * "X does not fit <machine>: <why>", with the alternatives that fit to choose from (the engine's replacement fixes) —
 * or undefined when the check says it fits.
 */
function doesNotFit(
  ctx: Ctx,
  sku: string,
  machineId: string,
  r: ToolResult,
  quantity: number | undefined,
  memo: MemoFn,
): { text: string; memo: Memo } | undefined {
  const { lang, conv } = ctx;
  const c = typed(compatResult, r);
  if (r.error || !c || c.compatible) return undefined;
  const m = conv.machines?.find((x) => x.machineId === machineId);
  const block = c.issues.find((i) => i.severity === "block");
  const alts = expandFixes((block?.fixes ?? []) as unknown as Fix[]).filter((f) => f.kind === "replace_sku");
  const altText = alts.length
    ? `\n${say(lang, "Alternatives that fit:", "Passende Alternativen:")}\n${numbered(alts.map((f) => fixText(f, lang)))}`
    : "";
  return {
    text: say(
      lang,
      `${sku} does not fit ${machineName(m, machineId, "en")}: ${block ? issueText(block, lang) : ""}${altText}`,
      `${sku} passt nicht zu ${machineName(m, machineId, "de")}: ${block ? issueText(block, lang) : ""}${altText}`,
    ),
    memo: alts.length
      ? memo(
          {
            kind: "choose_product",
            skus: alts.map((f) => (f as { sku: string }).sku),
            action: "add",
            machineId,
            ...(quantity ? { quantity } : {}),
          },
          sku,
        )
      : memo(undefined, sku),
  };
}

/** "same cable", "das gleiche Kabel", "the same": the item names the product of the item before. */
const SAME = /\b(?:same|gleiche[nmrs]?|selbe[nmrs]?|dasselbe|denselben|dieselbe)\b/iu;
/** "for the same machine", "für dieselbe Maschine": sameness said of the machine, not of the product. */
const SAME_MACHINE = /\b(?:same|gleiche[nmrs]?|selbe[nmrs]?|denselben|dieselbe)\s+(?:machines?|maschinen?)\b/iu;

/**
 * "10 metres of chain, the 5m boxes pls": a part that names nothing but an amount and a pack or order unit describes
 * the item before it (the pack it comes in), it is no item of its own — joined to that part.
 */
function packsJoined(ctx: Ctx, parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    // "in the 5 m boxes like on BWB-4302": a code beside the pack (an earlier order's) names no item — unless it is the
    // SKU the part names.
    const words = tokenizeText(part).filter((t) => /\p{L}/u.test(t.lower) && !/\d/.test(t.lower));
    const g = analyse(ctx, part).guess;
    const packOnly =
      !(g?.confident && g.hits[0]!.match.startsWith("sku")) &&
      words.some((t) => ctx.k.unitCodes.has(t.lower)) &&
      words.every((t) => ctx.k.unitCodes.has(t.lower) || FILLER.has(t.lower) || ctx.k.ordinary(t.lower));
    if (packOnly && out.length) out[out.length - 1] = `${out.at(-1)}, ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * The buyer says the part is for no machine: the machine question's own word negated ("not for a machine", "für keine
 * Maschine") or the part is for the stores ("just for stores", "fürs Lager", "als Reserve") — asking which machine
 * would ask what they answered.
 */
export function statesNoMachine(ctx: Ctx): boolean {
  if (ctx.u.negated.some((n) => MACHINE_WORD.test(n.text))) return true;
  return FOR_STORES.test(ctx.conv.text);
}

/** The machine question's words ("keine bestimmte Anlage", "not for a particular machine"). */
const MACHINE_WORD = /\b(?:machines?|maschinen?|anlagen?)\b/iu;
const STORES =
  "\\b(?:for|für|fürs|fuers|ins|ans|aufs?|als)\\s+(?:the\\s+|our\\s+|das\\s+|den\\s+|unser\\w*\\s+)?(?:stores?|stock|shelf|spares?|lager|ersatzteillager|vorrat|reserve)\\b";
const FOR_STORES = new RegExp(STORES, "iu");

/**
 * The message without the words that say the part is for no machine ("die gehen ans Lager, keine bestimmte Anlage"):
 * they say where it goes, not what it is — the rest of the message is what names the product.
 */
function withoutNoMachineWords(ctx: Ctx): string {
  let text = ctx.conv.text.replace(new RegExp(STORES, "giu"), " ");
  for (const n of ctx.u.negated) if (MACHINE_WORD.test(n.text)) text = text.replace(n.text, " ");
  // ("Regeneriersalz-Tabletten": a compound joined by a hyphen counts by its words.)
  return text.replace(/(?<=\p{L})-(?=\p{L})/gu, " ");
}

/** The buyer's message (or `text`, a part of it) names the product by its SKU (separators aside) or by its words. */
export function namedOutright(ctx: Ctx, sku: string, text = ctx.conv.text): boolean {
  const written = compactSku(sku);
  if (ctx.tokens.some((t) => compactSku(t.text) === written)) return true;
  return namesItOnly(ctx, text, sku, 0.5);
}

/**
 * Whether a part of a list is that product named and little else: most of its words (three letters or more) are words
 * of the product's names in some language ("dazu Spannbuchse 1610 mit 30er Bohrung"), not a sentence that happens
 * to find a product ("hol ich die Flaschen beim Großhändler").
 */
/** A part up to the end of its first sentence (the sentences joined after it describe its item). */
const firstSentence = (part: string) => /^.*?[.!?](?=\s+\p{L})/su.exec(part)?.[0] ?? part;

function namesItOnly(ctx: Ctx, part: string, sku: string, share = 0.6): boolean {
  // "Magnetventil EVR 6, … (ohne Spule)": what a name says the product comes without is no word of it — "mit Spule"
  // asks for the coil along, it does not describe the valve.
  const name = (ctx.k.allNames([sku]).get(sku) ?? "").replace(WITHOUT_PHRASE, " ");
  const have = new Set([...nameWords(name)].map(stemOf));
  const words = tokenizeText(part)
    .map((t) => t.lower)
    .filter((w) => w.length >= 3 && /^\p{L}+$/u.test(w) && !FILLER.has(w))
    // "…, Tiefkühlung, …" in a configured product's values: a word only configuration labels use states an option,
    // even where a name carries it in other words ("LT").
    .filter((w) => !ctx.k.configWords.has(w) || ctx.k.nameWord(w));
  // ("a Flasch R134a 12 kg": a word the name carries as the end of a compound, "Mehrwegflasche", is a word of it.)
  const carried = (w: string) =>
    have.has(stemOf(w)) || (w.length >= 5 && [...have].some((h) => h.length > w.length + 2 && h.endsWith(stemOf(w))));
  return words.length > 0 && words.filter(carried).length / words.length >= share;
}

/**
 * "for the hot press the main ram seal kit FKM": the part names the product by the definite article and the words of
 * its name, beyond those of the machine it names — not "…, for cold room 2" (a machine whose label resembles a
 * product's name), nor "compressor for the chiller on MS Elbe" (a request the list's items do not count).
 */
function namesBeyond(ctx: Ctx, part: string, machine: MachineView, sku: string): boolean {
  const label = new Set(wordsOf(machine.label));
  const tokens = tokenizeText(part).filter((t) => !label.has(t.lower));
  // "für die Heißpresse den Hauptzylinder-Dichtsatz FKM": a definite article before a word of the product's name, and
  // from there on the words of its name — not "…, the motor is burnt" (a remark about the machine's part).
  const name = nameWords(ctx.k.allNames([sku]).get(sku) ?? "");
  // ("our pump 2 is leaking at the shaft": an article after a preposition says where, it names no item.)
  const i = tokens.findIndex(
    (t, j) =>
      DEFINITE.test(`${t.lower} `) &&
      name.has(tokens[j + 1]?.lower ?? "") &&
      !PLACE_PREPOSITION.test(tokens[j - 1]?.lower ?? ""),
  );
  return (
    i >= 0 &&
    namesItOnly(
      ctx,
      tokens
        .slice(i)
        .map((t) => t.text)
        .join(" "),
      sku,
      0.8,
    )
  );
}

/** Prepositions of place or part: "at the shaft", "on the motor", "an der Welle", "am Gehäuse" say where. */
const PLACE_PREPOSITION =
  /^(?:at|on|in|into|inside|near|behind|under|below|above|around|from|of|off|by|an|am|auf|bei|beim|im|in|unter|über|hinter|neben|vor|von|vom|aus)$/u;

/** "(without coil)", "ohne Spule", "w/o plug": what a product name says it comes without, up to a comma or bracket. */
const WITHOUT_PHRASE = /(?<![\p{L}])(?:without|ohne|w\/o|excl\.?|exkl\.?|excluding|exklusive)\s[^,;()]*/giu;

/** "pos. 2:", "Pos. 1", "1)", "2.", "- ", "•": what opens an item of a pasted list, not part of the item. */
const LIST_MARKER = /^\s*(?:(?:pos(?:ition)?|item|nr|no)\.?\s*\d+\s*[.:)]?|\d+\s*[.):](?!\d)|[-*•])\s*/iu;
// A decimal comma ("1,5 mm²") joins a number, it does not separate items.
// "2 rings + 50 m cut length", "UCP206 + 2 links": a plus sign between items separates them like "plus".
const ITEM_SEPARATOR = /\s*(?:,(?!\d)|;|\band\b|\bund\b|\bplus\b|\bsowie\b|\s\+\s)\s*/i;
const ARTICLE_ONE = /^(?:a|an|one|ein|eine|einen)\s/i;
/** "a sight glass", "eine Dichtung" open an item — not the German "An der Abfüllung 1 …" (a preposition). */
const articleOne = (ctx: Ctx, text: string) =>
  ARTICLE_ONE.test(text) && (ctx.lang === "en" || !/^(?:a|an|one)\s/i.test(text));
/** A clause opened by a pronoun subject that points back ("it must be …", "they should be …", "er muss …", "es soll …"). */
const BACK_SUBJECT = /^(?:it|it's|its|they|they're|es|er)\s/iu;
/**
 * "a pair of 1150 mm forks, the 80x40 ones please", "2 Gabeln 1150 mm, die 80x40er bitte", "…, die mit 100x40": a
 * clause that points at the item before by a pronoun ("the … one(s)", "nbr one") or by a value alone ("die 80x40er", "die mit …")
 * says which of it, it asks for nothing of its own.
 */
const POINTS_BACK =
  /^(?:(?:the|those|these)\s+(?:[^\s,]+\s+){0,6}ones?\b|(?:die|den|das|der)\s+(?:mit\s|\d[^\s,]*er\b|[^\s,]+\s+mit\s)|(?!(?:no|any|every|each|some|another|one|other)\s)(?:[^\s,]+\s+){1,2}ones?\s*[.!]?\s*$)/iu;
/** A definite article that leads a clause ("the DML 083S", "die DML 083S bitte"). */
const DEFINITE = /^(?:the|those|these|die|den|das|der)\s/iu;
/** Abbreviations a full stop ends inside a sentence ("incl.", "approx.", "bzgl.", "evtl."). */
const ABBREVIATION =
  /^(?:incl|inkl|excl|exkl|zzgl|approx|bzgl|evtl|eventl|resp|bspw|usw|etc|ggf|vgl|allg|zirka|circa)$/u;

/**
 * "… ist der Verdichter durch. Bitte 1 Scrollverdichter SZ 45 …": a sentence ends where a full stop, question or
 * exclamation mark after a word is followed by a capital (or a full stop after a longer word by a small letter) — the
 * story before it describes no item of the next sentence. A full stop after a short word or a unit word is an
 * abbreviation ("2 Stk. Filtertrockner", "Nr. 5").
 */
function sentencesOf(ctx: Ctx, line: string): string[] {
  const out: string[] = [];
  let from = 0;
  // "… (the label says CT-LC1-9-DC). While …": a closing bracket or quote before the stop ends a sentence too.
  for (const m of line.matchAll(/(\p{L}+)([)"”’']?)([.!?])\s+(?=\p{L})/gu)) {
    const word = m[1]!.toLowerCase();
    // "… and 1 wear ring. cooling water pump: 1 repair kit": in lower case, a full stop after a word that is no
    // abbreviation ends the sentence where the next one opens with one of the buyer's machines and a colon (a
    // heading for its items) — elsewhere a small letter after it goes on ("… more cold after. also 1 cylinder").
    if (!/^\p{Lu}/u.test(line.slice(m.index + m[0].length))) {
      const heading = /^([^:.!?\n]{2,60}):/u.exec(line.slice(m.index + m[0].length))?.[1];
      if (m[3] !== "." || m[1]!.length < 4 || ABBREVIATION.test(word) || !heading || !analyse(ctx, heading).machine)
        continue;
    }
    // "…, spool E. Also 2 buckets …": one letter after a word of the catalog's names is a value of it (spool E, curve
    // D), not an initial.
    const before = /(\p{L}+)\s+$/u.exec(line.slice(0, m.index))?.[1]?.toLowerCase();
    const value = m[1]!.length === 1 && !!before && ctx.k.nameWord(before);
    // "2 Manometer 0–25 bar. Außerdem …": a measure after its number ends the sentence (no abbreviation's stop).
    const measure = ctx.k.measureUnits.has(word) && !ctx.k.unitCodes.has(word) && /\d\s*$/.test(line.slice(0, m.index));
    // "… Artikel MB-BW4040-HR. Dazu einen …": a code (letters and digits in one word) ends its sentence — an
    // abbreviation has no digit.
    const code = /(?:^|\s)(?=\S*\d)(?=\S*\p{L})\S+$/u.test(line.slice(0, m.index + m[1]!.length));
    // "… ein Sensorkabel 5 m. Außerdem 2 Schütze …": a unit after its number ends the sentence when the word after the
    // stop names nothing of the catalog ("10 Stk. Dichtringe" is one item: the unit's abbreviation).
    const next = /^\p{L}+/u.exec(line.slice(m.index + m[0].length))?.[0]?.toLowerCase() ?? "";
    const unitEnd =
      ctx.k.unitCodes.has(word) &&
      /\d\s*$/.test(line.slice(0, m.index)) &&
      !ctx.k.nameWord(next) &&
      !ctx.k.headWord(next);
    // "… eine neue Gleitringdichtung, die mit EPDM. Dazu 8 Kanister …": a word of the catalog's names in capitals (a
    // material, a standard) ends its sentence — it is no abbreviation.
    const acronym = /^\p{Lu}+$/u.test(m[1]!) && ctx.k.nameWord(word);
    // "… needs the piston and seal kit. Also five boxes …", "… das Dichtungs-Set. Außerdem …": a short word that says
    // what a product of the catalog is ends its sentence before a capital — it is no abbreviation ("Nr.", "ca." say
    // nothing; "2 Stk." after its count is the unit's).
    const head =
      /^\p{L}\p{Ll}{2}$/u.test(m[1]!) &&
      !ABBREVIATION.test(word) &&
      !/\d\s*$/.test(line.slice(0, m.index)) &&
      ctx.k.headWord(word) &&
      /^\p{Lu}/u.test(line.slice(m.index + m[0].length));
    const short =
      !value &&
      !measure &&
      !code &&
      !unitEnd &&
      !acronym &&
      !head &&
      (word.length < 4 || ctx.k.unitCodes.has(word) || !/\p{Ll}$/u.test(m[1]!));
    if (m[3] === "." && !m[2] && short) continue;
    const end = m.index + m[0].length;
    out.push(line.slice(from, end));
    from = end;
  }
  out.push(line.slice(from));
  return out;
}

/** Units that state a size with the number before them ("14 inch", "1150 mm", "16 Zoll"). */
const SIZE_UNIT = /^(?:mm|cm|m|in|inch|inches|zoll|"|″)$/iu;
/** "the bolt-on type", "die Schraubversion": a clause that says which type of a kind. */
const VARIANT_OF = /(?:type|kind|version|variant|sort|ones?|typ|art|variante|ausführung)$/iu;
/** What joins the counts of a run of variants ("16 left and 16 right", "5 linke, 5 rechte", "4 left 4 right"). */
const RUN_GAP = /^\s*(?:,|&|\+|\band\b|\bund\b|\bplus\b|\bsowie\b)?\s*$/iu;

/**
 * "Harrow 1 needs new tines: 16 left and 16 right, the bolt-on type", "the 14 inch shares, 4 left 4 right", "4 shares
 * left and 4 right": counts each followed by a word of product names that names no kind of product (a variant word:
 * left, right) count variants of the kind named before them — as its own words before the run, or between the first
 * count and its variant word. Each becomes an item of its own, with the kind's words and what the clause after the run
 * says of them all ("the bolt-on type"): "16 tines left the bolt-on type, 16 tines right the bolt-on type". The totals
 * of the runs, by the item they end with, count what comes "for each one" after them.
 */
export function spreadVariants(ctx: Ctx, text: string): { text: string; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  const out: { from: number; to: number; with: string }[] = [];
  for (const { pairs, tokens } of variantRuns(ctx, text)) {
    let from = pairs[0]!.from;
    let kind = pairs[0]!.kind;
    // The clause the kind was named in stays apart from the items ("Für die Band Packerei brauchen wir, 1 … links").
    let lead = "";
    let to = pairs.at(-1)!.to;
    // "12 left and 12 right tines", "5 linke und 5 rechte Schare": the kind named right after the run, its name words
    // and sizes before its word naming a kind ("12 left + 12 right quick fit tines").
    const behind = tokens.filter((t) => t.start >= to);
    let end = -1;
    for (let n = 0; n < Math.min(behind.length, 4); n++) {
      const gap = text.slice(n === 0 ? to : behind[n - 1]!.end, behind[n]!.start);
      const w = behind[n]!.lower;
      // ("quick fit tines": a word names write joined to the one before, "quick-fit", is a name word too.)
      const joined = n > 0 && ctx.k.nameWord(`${behind[n - 1]!.lower}-${w}`);
      if (
        !/^\s+$/.test(gap) ||
        (!joined && (FILLER.has(w) || !(ctx.k.nameWord(w) || ctx.k.headWord(w) || /^\d/.test(w))))
      )
        break;
      if (ctx.k.headWord(w) && /^\p{L}/u.test(w)) end = n;
    }
    // ("… grey superelastic tyres 18x7-8": a size right after the kind word is the kind's.)
    while (
      end >= 0 &&
      behind[end + 1] &&
      /^\s+$/.test(text.slice(behind[end]!.end, behind[end + 1]!.start)) &&
      /^\d/.test(behind[end + 1]!.lower) &&
      /\p{L}/u.test(behind[end + 1]!.lower)
    )
      end++;
    if (!kind && end >= 0) {
      kind = text.slice(behind[0]!.start, behind[end]!.end);
      to = behind[end]!.end;
    } else if (!kind) {
      // The kind named before the run in its sentence: its last word naming a kind, with the name words and sizes
      // before it ("the 14 inch shares" → "14 inch shares"; "new tines" → "tines").
      const before = tokens.filter(
        (t) => t.end <= pairs[0]!.from && !/[.!?;\n]/.test(text.slice(t.end, pairs[0]!.from)),
      );
      let h = before.length - 1;
      while (h >= 0 && !ctx.k.headWord(before[h]!.lower)) h--;
      if (h < 0 || !RUN_GAP.test(text.slice(before.at(-1)!.end, pairs[0]!.from).replace(/^\s*:/, ""))) continue;
      let k = h;
      while (k > 0 && h - k < 4) {
        const w = before[k - 1]!.lower;
        if (/^\p{L}/u.test(w) && !FILLER.has(w) && ctx.k.nameWord(w)) k--;
        // "14 inch", "1150 mm": a number and the unit after it state a size.
        else if (k >= 2 && SIZE_UNIT.test(w) && /^\d+(?:[.,]\d+)?$/.test(before[k - 2]!.lower)) k -= 2;
        else break;
      }
      // "superelastic tyres 18x7-8: 2 black and 2 grey": sizes and name words after the kind word are the kind's.
      const after = before.slice(h + 1);
      const last = after.every((t) => /\d/.test(t.lower) || ctx.k.nameWord(t.lower)) ? before.at(-1)! : before[h]!;
      kind = text.slice(before[k]!.start, last.end);
      from = before[k]!.start;
      if (k > 0) lead = ", ";
    }
    // "…, the bolt-on type": what the clause after the run says of the kind.
    const tail = /^\s*,\s*((?:the|die|den|das|der|in)\s+[^,.;!?\d]+?)\s*(?=,|\.|;|!|\?|$)/iu.exec(text.slice(to));
    const said = tail && VARIANT_OF.test(tail[1]!) ? tail[1] : undefined;
    to += said ? tail![0].length : 0;
    const items = pairs.map((p) => `${p.count} ${kind} ${p.variant}${said ? ` ${said}` : ""}`);
    totals.set(items.at(-1)!, runTotal(pairs));
    out.push({ from, to, with: lead + items.join(", ") });
  }
  let rewritten = text;
  for (const r of out.reverse()) rewritten = rewritten.slice(0, r.from) + r.with + rewritten.slice(r.to);
  return { text: rewritten, totals };
}

/** A count said once for a list: digits or a word ("two of each", "je drei", "jeweils zwoa"). */
const EACH_COUNT = `(\\d+|(?<![\\p{L}])(?:${[...VALUE_WORDS].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}]))`;
/** The count's digits ("drei" → "3"). */
const eachCount = (said: string) => (/^\d+$/u.test(said) ? said : String(numberWordValue(said) ?? said));
/** "je 10 Stück", "jeweils 3": the count said once for every item of the list after it. */
const EACH_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:je|jeweils)\\s+${EACH_COUNT}(?:\\s+(\\p{L}+)\\.?)?\\s+(?:(?:von|vom|der|den)\\s+)?`,
  "giu",
);
/** "10 each of", "3 boxes each of", "5 of each:", "2 Stück von jedem": the count said once for every item after it. */
const EACH_AFTER_COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])${EACH_COUNT}(?:\\s+(\\p{L}+)\\.?)?\\s+(?:each|jeweils|je|of each|von jede[mnr])(?:\\s+(?:of|von))?\\s*:?\\s+(?!(?:for|für|fuer|with|mit|one|eine[nms]?|ein)(?![\\p{L}]))`,
  "giu",
);
/** "Korn 120 und Korn 150, je 10 Stück", "grit 120 and 150, 10 each": the count after the list it is every item's. */
const EACH_AFTER_LIST = new RegExp(
  `\\s*,?\\s*(?:(?:je|jeweils)\\s+${EACH_COUNT}(?:\\s+(\\p{L}+)\\.?)?|${EACH_COUNT}(?:\\s+(?!of(?![\\p{L}]))(\\p{L}+)\\.?)?\\s+(?:each|apiece|of each|jeweils))(?![\\p{L}\\p{N}])`,
  "giu",
);
/** What joins the items of a list that one count is said for. */
const EACH_LIST_JOIN = /\s*(?:,(?!\d)|\band\b|\bund\b|\bsowie\b|&|\s\+\s)\s*/iu;

/**
 * "je 10 Stück Korn 120 und Korn 150", "3 boxes each of the 25 micron bags and the 50 micron bags", "grit 120 and 150,
 * 10 each": one count said once for every item of a list — each item with that count ("10 Stück Korn 120, 10 Stück
 * Korn 150"), a bare number of the list the value of the first item's kind ("grit 150"), and the kind named before the
 * count in its sentence ("sanding belts, 10 each of grit 120 and grit 150") each item's kind. A list of the buyer's
 * machines is no list of items ("5 m each for oven 1 and oven 2", `eachMachine`). The count may be a word ("two of
 * each", "je drü"), and the list may open with the machine it goes to ("for the old UV we need a lamp and the o-ring
 * set, 2 of each": the count goes after the machine, before the first item's product words).
 */
export function spreadEach(ctx: Ctx, text: string): string {
  if (!/(?<![\p{L}])(?:je|jeweils|each|apiece|jede[mnr])(?![\p{L}])/iu.test(text)) return text;
  const out: { from: number; to: number; with: string }[] = [];
  const end = (t: { start: number; text: string }) => t.start + t.text.length;
  const named = (x: string) => tokenizeText(x).some((t) => ctx.k.headWord(t.lower));
  const unitOf = (word: string | undefined) =>
    word !== undefined && ctx.k.unitCodes.has(word.toLowerCase()) ? word : undefined;
  // Where the item's words of a product name start after the machine it names ("for the old UV we need a new |lamp").
  const headAfterMachine = (item: string) => {
    const after = machineWordsEnd(ctx, item);
    return tokenizeText(item).find((t) => t.start >= after && ctx.k.headWord(t.lower))?.start ?? 0;
  };
  // A list the machine opens keeps the machine first: the count goes before the first item's product words ("for the
  // old UV we need a new 2 lamp", "für die WIG 1 3 Spannhülsen 1,6").
  const countedAfterMachine = (item: string, count: string) => {
    const at = headAfterMachine(item);
    return `${item.slice(0, at)}${count} ${item.slice(at)}`;
  };
  // The items of a list and how much of `raw` they span: up to the item after its last "and" (a comma after it adds
  // what all are: ", 15 kg"), and before a "for …" that says where they all go.
  const listOf = (
    raw: string,
    leading = false,
  ): { items: string[]; from: number; length: number; opens: boolean } | undefined => {
    const fors = [...raw.matchAll(/(?:^|\s)(?:for|für|fuer|fürs|fuers)\s/giu)];
    const ands = [...raw.matchAll(/\s(?:and|und|sowie|&|\+)\s/giu)];
    // "Hi, for the old UV we need a lamp and the o-ring set, 2 of each": a "for …" before the first "and" of a list
    // its count follows is where the list goes, said with its first item (what stands before it is no item); a
    // "for …" after the last "and" still ends the list.
    const opens = leading && fors.length > 0 && ands.length > 0 && fors[0]!.index < ands[0]!.index;
    const from = opens ? fors[0]!.index + /^\s*/u.exec(fors[0]![0])![0].length : 0;
    const target = opens ? fors.find((f) => f.index > ands.at(-1)!.index) : fors[0];
    const own = raw.slice(from, target ? target.index : raw.length);
    const and = [...own.matchAll(/\s(?:and|und|sowie|&|\+)\s/giu)].at(-1);
    if (!and) return undefined;
    // (A decimal comma is the last item's: "Spannhülsen 1,6 und 2,4, je 3".)
    const after = /^(?:[^,;]|,(?=\d))*/u.exec(own.slice(and.index + and[0].length))![0];
    const length = and.index + and[0].length + after.trimEnd().length;
    const items = own
      .slice(0, length)
      .split(EACH_LIST_JOIN)
      .map((x) => x.trim())
      .filter((x) => x.length > 0);
    if (items.length < 2 || items.length > 6 || !/\p{L}/u.test(items[0]!)) return undefined;
    // "grit 120 and 150", "1.0 mm and 1.2 mm": an item that starts with its value is the first item with that value.
    const value = [...items[0]!.matchAll(/\d+(?:[.,]\d+)?/gu)].at(-1);
    // (Of a list the machine opens, from the first item's product words: "für die WIG 1 Spannhülsen 1,6 und 2,4".)
    const kindAt = opens ? headAfterMachine(items[0]!) : 0;
    const full = items.map((x, i) =>
      i > 0 && /^\d/u.test(x) ? (value ? `${items[0]!.slice(kindAt, value.index)}${x}` : undefined) : x,
    );
    if (full.some((x) => x === undefined)) return undefined;
    // A list of the buyer's machines ("für Ofen 1 und Ofen 2") is where the items go, not what they are.
    if (eachMachine(ctx, own.slice(0, length))) return undefined;
    // "grit 120 and grit 180 sanding belts": the kind after the last item's value is every item's.
    const tail = /\d\S*\s+([^\d]+)$/u.exec(full.at(-1)!)?.[1];
    const spread =
      tail && named(tail) && full.slice(0, -1).every((x) => !named(x!) && /\d\S*$/u.test(x!))
        ? full.map((x, i) => (i < full.length - 1 ? `${x} ${tail}` : x!))
        : (full as string[]);
    return { items: spread, from, length: from + length, opens };
  };
  for (const m of text.matchAll(/[^.!?;\n]+(?:[.!?;](?=\d)[^.!?;\n]*)*/gu)) {
    const sentence = m[0];
    const at = m.index;
    // ("Türdichtung P12, je 5 m für Ofen 1 und Ofen 2": the count is each machine's, `eachMachine`.)
    if (eachMachine(ctx, sentence)) continue;
    let done = false;
    for (const re of [EACH_BEFORE, EACH_AFTER_COUNT]) {
      re.lastIndex = 0;
      const c = re.exec(sentence);
      if (!c || done) continue;
      // ("3 belts each of …": a word between the count and "each" is the count's, unit or kind.)
      const unit = re === EACH_AFTER_COUNT ? c[2] : unitOf(c[2]);
      const countEnd =
        unit || re === EACH_AFTER_COUNT ? c.index + c[0].length : c.index + c[0].indexOf(c[1]!) + c[1]!.length;
      const skip = /^\s*(?:(?:of|von)\s+)?/iu.exec(sentence.slice(countEnd))![0].length;
      const list = listOf(sentence.slice(countEnd + skip));
      if (!list) continue;
      const count = unit ? `${eachCount(c[1]!)} ${unit}` : eachCount(c[1]!);
      // The kind named before the count in its sentence, when the items name none ("sanding belts, 10 each of grit 120").
      let from = at + c.index;
      let kind = "";
      let lead = "";
      if (!named(list.items[0]!)) {
        const before = tokenizeText(sentence.slice(0, c.index));
        let h = before.length - 1;
        const gap = h >= 0 ? sentence.slice(end(before[h]!), c.index) : "";
        if (h >= 0 && /^[\s,:]*$/u.test(gap) && ctx.k.headWord(before[h]!.lower)) {
          while (
            h > 0 &&
            before.length - h < 4 &&
            ctx.k.nameWord(before[h - 1]!.lower) &&
            !FILLER.has(before[h - 1]!.lower)
          )
            h--;
          kind = `${sentence.slice(before[h]!.start, end(before.at(-1)!))} `;
          from = at + before[h]!.start;
          if (h > 0) lead = ", ";
        }
      }
      out.push({
        from,
        to: at + countEnd + skip + list.length,
        with: lead + list.items.map((x) => `${count} ${kind}${x}`).join(", "),
      });
      done = true;
    }
    if (done) continue;
    EACH_AFTER_LIST.lastIndex = 0;
    const c = EACH_AFTER_LIST.exec(sentence);
    if (!c) continue;
    const before = sentence.slice(0, c.index);
    const start = before.lastIndexOf(":") + 1;
    const lead = /^\s*/u.exec(before.slice(start))![0];
    const list = listOf(before.slice(start + lead.length), true);
    // ("grit 120 and 150 for the sander in Tilburg, 4 of each": where the list goes may stand before its count.)
    const rest = list ? before.slice(start + lead.length + list.length).trimEnd() : "";
    if (!list || (rest.trim() && !/^\s*(?:for|für|fuer|fürs|fuers)\s/iu.test(rest))) continue;
    const count = c[1]
      ? `${eachCount(c[1])}${unitOf(c[2]) ? ` ${c[2]}` : ""}`
      : `${eachCount(c[3]!)}${c[4] ? ` ${c[4]}` : ""}`;
    // ("…, je 2 und ein Schauglas": a word after the count that is no unit stays in the text, with its space before it.)
    const word = c[1] && c[2] && !unitOf(c[2]) ? /\s+\p{L}+\.?$/u.exec(c[0]) : null;
    const to = c.index + c[0].length - (word ? word[0].length : 0);
    const items = list.items.map((x, i) => (list.opens && i === 0 ? countedAfterMachine(x, count) : `${count} ${x}`));
    out.push({ from: at + start + lead.length + list.from, to: at + to, with: items.join(", ") + rest });
  }
  let rewritten = text;
  for (const r of out.reverse()) rewritten = rewritten.slice(0, r.from) + r.with + rewritten.slice(r.to);
  return rewritten;
}

const runTotal = (pairs: VariantPair[]) => pairs.reduce((n, p) => n + p.count, 0);

/** "bolts to match", "Schrauben passend dazu": a line whose count follows the lines a run of variants changed. */
const TO_MATCH = /\b(?:to match|matching|as many|accordingly|passend\w*|entsprechend\w*|gleich viele)\b/iu;

/**
 * "So 14 left and 14 right, and bolts to match", "doch nur 3 schwarze und 1 graue": a run of counted variant words
 * that names no kind, about an order whose lines carry those words — one line each — changes those lines' counts; a
 * line named with "to match" ("bolts to match", "Schrauben passend dazu") takes the run's total.
 */
export function variantCorrection(ctx: Ctx): { name: string; args: Record<string, unknown> }[] | undefined {
  const lines = ctx.conv.draft.lines;
  if (lines.length < 2) return undefined;
  const text = ctx.conv.text;
  const runs = variantRuns(ctx, text);
  if (runs.length !== 1) return undefined;
  const { pairs, tokens } = runs[0]!;
  if (pairs.some((p) => p.kind)) return undefined;
  // A kind named before the run in its sentence makes the run new items (spreadVariants).
  const first = pairs[0]!.from;
  if (tokens.some((t) => t.end <= first && !/[.!?;\n]/.test(text.slice(t.end, first)) && ctx.k.headWord(t.lower)))
    return undefined;
  const names = ctx.k.allNames(lines.map((l) => l.sku));
  const stems = (sku: string) =>
    new Set([...nameWords(names.get(sku) ?? "")].flatMap((w) => [w, ...w.split("-")]).map(stemOf));
  const chosen = pairs.map((p) => {
    const carrying = lines.filter((l) => stems(l.sku).has(stemOf(p.variant.toLowerCase())));
    return carrying.length === 1 ? carrying[0]! : undefined;
  });
  if (chosen.some((c) => !c) || new Set(chosen.map((c) => c!.lineId)).size !== chosen.length) return undefined;
  const calls = pairs.map((p, i) => ({
    name: "update_line",
    args: { lineId: chosen[i]!.lineId, quantity: p.count } as Record<string, unknown>,
  }));
  for (const part of text.slice(pairs.at(-1)!.to).split(ITEM_SEPARATOR)) {
    if (!TO_MATCH.test(part) || /\d/.test(part)) continue;
    const words = tokenizeText(part)
      .map((t) => t.lower)
      .filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w) && !FILLER.has(w) && !TO_MATCH.test(w));
    const named = lines.filter((l) => !chosen.includes(l) && words.some((w) => stems(l.sku).has(stemOf(w))));
    if (named.length === 1)
      calls.push({ name: "update_line", args: { lineId: named[0]!.lineId, quantity: runTotal(pairs) } });
  }
  return calls;
}

interface VariantPair {
  count: number;
  variant: string;
  from: number;
  to: number;
  /** The kind named between the first count and its variant word ("4 shares left"). */
  kind?: string;
}

/** The runs of counted variant words of a text (see spreadVariants), with the text's word tokens. */
function variantRuns(ctx: Ctx, text: string) {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  // A run is two counts or more, each a token of digits alone: fewer, and there is none to read.
  if (tokens.filter((t) => /^\d+$/.test(t.text)).length < 2) return [];
  // ("2 SPA and 3 SPZ": a value of the kind's products is a variant word, though names write it before their sizes.)
  // ("4 clockwise and 4 counter-clockwise", "2 left-hand, 2 right-hand": a hyphenated variant word is one word.)
  const variant = (w: string) =>
    /^(?=[\p{L}-]{3,}$)\p{L}+(?:-\p{L}+)*$/u.test(w) &&
    (!ctx.k.headWord(w) || ctx.k.valueWords.has(w)) &&
    !ctx.k.unitCodes.has(w) &&
    !FILLER.has(w) &&
    ctx.k.inflectedNameWord(w);
  // Only numbers read as a bare count: not a value of a name ("mit 300 Hub", "250 bar").
  const read = tokenizeText(text);
  const found = findQuantities(read, ctx.k, new Set());
  const counts = new Set(found.filter((q) => !q.unit && q.tokens.length === 1).map((q) => read[q.tokens[0]!]!.start));
  // "50 Stück rechtsdrehend und 50 linksdrehend": a count in pieces, its word for pieces between it and the variant.
  const pieces = found.filter((q) => q.unit === "PCE" && q.tokens.length === 2 && q.tokens[1] === q.tokens[0]! + 1);
  for (const q of pieces) counts.add(read[q.tokens[0]!]!.start);
  const pieceWords = new Set(pieces.map((q) => read[q.tokens[1]!]!.start));
  const count = (i: number) =>
    /^\d+$/.test(tokens[i]?.text ?? "") && Number(tokens[i]!.text) > 0 && counts.has(tokens[i]!.start);
  const spaced = (i: number) =>
    i > 0 && i < tokens.length && /^\s+$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const runs: { pairs: VariantPair[]; tokens: typeof tokens }[] = [];
  // A word that is a variant but for a head word that shares its stem in another language ("linke" of "link"): a
  // variant where the pair after it has one ("5 linke und 5 rechte").
  const loose = (w: string) =>
    /^(?=[\p{L}-]{3,}$)\p{L}+(?:-\p{L}+)*$/u.test(w) &&
    !ctx.k.unitCodes.has(w) &&
    !FILLER.has(w) &&
    ctx.k.inflectedNameWord(w);
  const nextVariant = (v: number) => {
    let n = v + 1;
    if (/^(?:and|und|plus|sowie)$/.test(tokens[n]?.lower ?? "")) n++;
    if (!count(n)) return false;
    const w = pieceWords.has(tokens[n + 1]?.start ?? -1) ? n + 2 : n + 1;
    return !!tokens[w] && variant(tokens[w]!.lower);
  };
  for (let i = 0; i < tokens.length; i++) {
    const pairs: VariantPair[] = [];
    let j = i;
    while (count(j)) {
      // The first count may name the kind between it and its variant word ("4 shares left and 4 right").
      let v = pieceWords.has(tokens[j + 1]?.start ?? -1) ? j + 2 : j + 1;
      // ("2 SPA and 3 SPZ": not a word that is itself the variant, before a word that is none.)
      if (
        pairs.length === 0 &&
        tokens[v] &&
        ctx.k.headWord(tokens[v]!.lower) &&
        spaced(v + 1) &&
        !(variant(tokens[v]!.lower) && !variant(tokens[v + 1]!.lower)) &&
        !(loose(tokens[v]!.lower) && nextVariant(v))
      )
        v++;
      if (
        !tokens[v] ||
        !spaced(v) ||
        !(variant(tokens[v]!.lower) || (pairs.length === 0 && loose(tokens[v]!.lower) && nextVariant(v)))
      )
        break;
      if (pairs.some((p) => p.variant === tokens[v]!.lower)) break;
      pairs.push({
        count: Number(tokens[j]!.text),
        variant: tokens[v]!.text,
        from: tokens[j]!.start,
        to: tokens[v]!.end,
        ...(v > j + 1 && !pieceWords.has(tokens[j + 1]!.start) ? { kind: tokens[j + 1]!.text } : {}),
      });
      let next = v + 1;
      if (/^(?:and|und|plus|sowie)$/.test(tokens[next]?.lower ?? "")) next++;
      if (!tokens[next] || !RUN_GAP.test(text.slice(tokens[v]!.end, tokens[next]!.start))) break;
      j = next;
    }
    if (pairs.length < 2) continue;
    i = j;
    runs.push({ pairs, tokens });
  }
  return runs;
}

/**
 * Words that give an item as many as the item before ("5 sensors, each with a 2 m cable", "und zu jedem ein
 * Sensorkabel", "a cable for every one of them", "für jeden Sensor eine Leitung").
 */
export const EACH_ITEM =
  /(?<![\p{L}])(?:each|jeweils|je|zu jede[mnr]|für jede[nmrs]?|fuer jede[nmrs]?|for every(?: one)?|per piece|pro stück)(?![\p{L}])/iu;

/** The words of `EACH_ITEM` with what they point at ("for each one", "for every one of them", "zu jedem"). */
const EACH_PHRASE =
  /(?<![\p{L}])(?:(?:for|to)\s+)?(?:each|jeweils|je|zu jede[mnr]|für jede[nmrs]?|fuer jede[nmrs]?|every|per piece|pro stück)(?:\s+(?:one|of them|of those))?(?![\p{L}])/giu;

/**
 * The items of a message: each line of a pasted list, and within a line the clauses between commas and "and" — a
 * clause with no count and no product of its own ("RF 160, 10 µm, for IMM 7") describes the item before it.
 */
export function itemParts(ctx: Ctx, text = ctx.conv.text): string[] {
  // "… und das Wartungsset. Kommt alles nach Cloppenburg auf den Hof": a clause that only says where or when the goods
  // go is no item and describes none.
  text = withoutLogistics(ctx, text);
  return text.split(/\n/).flatMap((line) => {
    const out: string[] = [];
    // The kind of product the item before was counted for without being identified ("3 Filtertrockner, …").
    let kindBefore: string | undefined;
    // The candidates of the counted item before when it left them open (the clause after may say which).
    let candidatesBefore: { sku: string }[] | undefined;
    // The kinds of product the item before was asked for in words ("einen Knethaken, …", "we need a seal kit, …").
    let namedBefore = new Set<string | undefined>();
    // Whether the part before asks for an item of its own by a count ("2 Superelastik-Reifen …").
    let prevItem = false;
    // The part the sentence before was joined to, and the text of the sentence before.
    let joinedTo: number | undefined;
    let prevRaw = "";
    for (const raw of sentencesOf(ctx, line).flatMap((sentence) => splitItems(ctx, sentence))) {
      let part = raw.replace(/^\+\s*/, "").trim();
      if (!part) continue;
      let a = analyse(ctx, part);
      // "…, and one for slicer A too": the item before again, for another machine (`forOtherMachine`).
      const again = forOtherMachine(ctx, part, a, out.at(-1));
      if (again) {
        part = again;
        a = analyse(ctx, part);
      }
      // "3 Filtertrockner, die DML 083S bitte": a clause with no count led by a definite article that names a product
      // of the kind the counted item before it left open says which one it is.
      const which =
        !!kindBefore &&
        !a.quantity &&
        DEFINITE.test(part) &&
        a.guess?.confident &&
        a.guess.hits[0]!.category === kindBefore;
      // "2 Drucksensoren 0–10 bar, IO-Link, IP68": a clause with no count of its own whose every word the names of the
      // counted item's candidates carry says which of them — even where it alone would name another product.
      const describes =
        !!candidatesBefore && !a.quantity && !articleOne(ctx, part) && describesCandidates(ctx, part, candidatesBefore);
      // "einen Knethaken, Art.-Nr. KH-SPK80-ALT": a clause with no count that names a product by its code, of the kind
      // the item before named in words, says which one that item is (the code, not the words, names it).
      const coded =
        !a.quantity &&
        !!a.guess?.confident &&
        a.guess.hits[0]!.match.startsWith("sku") &&
        namedBefore.has(a.guess.hits[0]!.category);
      kindBefore = a.quantity && a.guess && !a.guess.confident ? a.guess.hits[0]?.category : undefined;
      candidatesBefore = a.quantity && a.guess && !a.guess.confident ? a.guess.hits.slice(0, 8) : undefined;
      const asked = !!a.quantity || articleOne(ctx, part) || articleBeforeName(ctx, part, a);
      namedBefore = new Set(
        asked && a.guess && !a.guess.hits[0]!.match.startsWith("sku")
          ? (a.guess.confident ? a.guess.hits.slice(0, 1) : a.guess.hits.slice(0, 8)).map((h) => h.category)
          : [],
      );
      // "…, it must be for 460 volt 60 hertz": a clause whose subject points back at the item describes that item.
      const back = !a.quantity && (BACK_SUBJECT.test(part) || POINTS_BACK.test(part) || which || describes || coded);
      // "… is cracked. We need one piece urgently.": a count that names nothing of its own is the item before's.
      const bare = !!a.quantity && !a.guess && a.productWords.length === 0;
      const opens =
        !back &&
        !bare &&
        (!!a.quantity ||
          !!a.guess?.confident ||
          articleOne(ctx, part) ||
          EACH_ITEM.test(part) ||
          // "2 pressure gauges 0-25 bar and the HP pump mech seal": an item asked for by the definite article and a word
          // that says what a product is, beside a counted one, is one of its own (one piece) — not the count's words.
          // (Not one that points back at the item: "… and the clamping bar sets that go with them".)
          (!!out.length && definiteItem(ctx, part) && !FOR_IT.test(part) && !BELONGING.test(part)) ||
          // "2 Superelastik-Reifen … und den Fahrersitz": so is one by the article and words that search a product
          // the catalog holds several of, or none.
          (prevItem && !a.guess?.confident && definiteAsked(ctx, part, a)) ||
          // "… 4 pcs MB-BW4040-LE. Also an O-ring kit for the pressure vessels.": a sentence of its own that asks for
          // a product by an article before its name is an item.
          (!!out.length && /[.!?]$/.test(out.at(-1)!) && articleBeforeName(ctx, part, a)) ||
          // "die schwarzen Reifen wie im August, Filter wie immer": so is a clause that names what an earlier order held
          // as that order's again (`ofEarlierOrder`).
          (!!out.length && !!ofEarlierOrder(ctx, part, a)?.length));
      // A sentence that describes the item before joins it as a sentence ("… is cracked. We need it urgently.") — or the
      // item of an earlier part it names by a word of what that item is, where the part before does not name it ("2
      // mechanical seals and 2 casing gaskets. Which seal is the right one? They say carbon ceramic EPDM."); a sentence
      // after it that names none goes with it.
      if (out.length && !opens) {
        const sentence = /[.!?]$/.test(out.at(-1)!) || /[.!?]$/.test(prevRaw);
        const named = sentence ? namedEarlier(ctx, part, out) : undefined;
        const at = named ?? (sentence && joinedTo !== undefined && /[.!?]$/.test(prevRaw) ? joinedTo : out.length - 1);
        out[at] = `${out[at]}${/[.!?]$/.test(out[at]!) ? " " : ", "}${part}`;
        joinedTo = at;
      } else {
        out.push(part);
        prevItem = !!a.quantity;
        joinedTo = undefined;
      }
      prevRaw = part;
    }
    return out;
  });
}

/**
 * The earlier part (not the last) a sentence names by a word that says what a product is ("Which seal is the right
 * one?" of "… 2 pcs mechanical seal" before "2 casing gasket."), when the last part does not carry that word.
 */
function namedEarlier(ctx: Ctx, sentence: string, parts: string[]): number | undefined {
  const stems = (text: string) => new Set(tokenizeText(text).map((t) => stemOf(t.lower)));
  const heads = [
    ...new Set(
      tokenizeText(sentence)
        .map((t) => t.lower)
        .filter((w) => w.length >= 3 && ctx.k.headWord(w))
        .map(stemOf),
    ),
  ];
  if (heads.length === 0 || heads.some((w) => stems(parts.at(-1)!).has(w))) return undefined;
  const at = parts
    .slice(0, -1)
    .map((p, i) => (heads.some((w) => stems(p).has(w)) ? i : -1))
    .filter((i) => i >= 0);
  return at.length === 1 ? at[0] : undefined;
}

/**
 * A sentence split at its item separators — not at an "and" that a product's name writes between the same two words
 * ("the piston and seal kit and the injector set": "Piston and seal kit for control valve V2").
 */
function splitItems(ctx: Ctx, sentence: string): string[] {
  const out: string[] = [];
  let from = 0;
  const separator = new RegExp(ITEM_SEPARATOR.source, "giu");
  for (const m of sentence.matchAll(separator)) {
    const word = m[0].trim().toLowerCase();
    const before = /(\p{L}+)\s*$/u.exec(sentence.slice(0, m.index))?.[1]?.toLowerCase();
    const after = /^\s*(\p{L}+)/u.exec(sentence.slice(m.index + m[0].length))?.[1]?.toLowerCase();
    if (/^\p{L}+$/u.test(word) && before && after && nameTrigram(ctx.k, before, word, after)) continue;
    out.push(sentence.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(sentence.slice(from));
  return out;
}

/** Every word of the clause (hyphenated ones by their parts) is a word of some candidate's names. */
function describesCandidates(ctx: Ctx, part: string, candidates: { sku: string }[]): boolean {
  const names = ctx.k.allNames(candidates.map((c) => c.sku));
  const have = new Set(candidates.flatMap((c) => [...nameWords(names.get(c.sku) ?? "")].map(stemOf)));
  const words = tokenizeText(part.replace(LIST_MARKER, ""))
    .flatMap((t) => t.lower.split("-"))
    .filter((w) => w.length >= 2 && /\p{L}/u.test(w) && !FILLER.has(w));
  return words.length > 0 && words.every((w) => have.has(stemOf(w)));
}

/**
 * Whether an unidentified clause is an item asked for: its count opens it ("4 fittings", "pos. 2: 10 pcs …") or comes
 * with a unit ("Filter 4 Stück") — "Rampe 3", "Mo–Fr 7–15 Uhr", "goods-in closes at 14:00" are remarks of an order.
 */
function countOpens(ctx: Ctx, part: string, a: Analysis): boolean {
  if (a.quantity?.unit || articleOne(ctx, part.replace(LIST_MARKER, ""))) return true;
  const tokens = tokenizeText(part.replace(LIST_MARKER, ""));
  const first = tokens[0]?.lower;
  // "4 fittings", "3 gizmos" — not "4 left 4 right" (variant words of a name, or ordinary words, after the count).
  if (first && (/^\d/.test(first) || findQuantities(tokenizeText(first), ctx.k, new Set()).length > 0)) {
    const next = wordsAfter(ctx, tokens, 0);
    return (
      next.length === 0 ||
      next.some((w) => ctx.k.headWord(w)) ||
      next.some((w) => !(ctx.k.inflectedNameWord(w) || ctx.k.ordinary(w)))
    );
  }
  return countBeforeName(ctx, tokens) || (!a.quantity && articleBeforeName(ctx, part, a));
}

/**
 * The words after the count at token `i`, past unit, pack and filler words, up to three and up to the next number
 * ("2 pieces filter drier 1/2 inch" → filter, drier).
 */
function wordsAfter(ctx: Ctx, tokens: Token[], i: number): string[] {
  let j = i + 1;
  while (j < tokens.length && (ctx.k.unitCodes.has(tokens[j]!.lower) || FILLER.has(tokens[j]!.lower))) j++;
  const out: string[] = [];
  for (; j < tokens.length && out.length < 3 && /^\p{L}/u.test(tokens[j]!.lower); j++) out.push(tokens[j]!.lower);
  return out;
}

/**
 * "… anyway he wants 2 filter driers", "der Elektriker will noch 3 Netzteile": a count inside a clause, followed by
 * a word that says what a product of the catalog is (`headWord`; a unit or pack word between them aside), asks for
 * an item of its own — "4 left 4 right", "at 14:00", "Rampe 3" name no product.
 */
function countBeforeName(ctx: Ctx, tokens: Token[]): boolean {
  return findQuantities(tokens, ctx.k, new Set()).some((q) =>
    wordsAfter(ctx, tokens, Math.max(...q.tokens)).some((w) => ctx.k.headWord(w)),
  );
}

/** Articles that count one when they lead a product's name inside a clause ("we need a contactor CT-12-24DC"). */
const ARTICLES = new Set(["a", "an", "one"]);
/** Words before "one" that make it a pronoun ("the one with …", "that one"), not a count. */
const POINTING = new Set(["the", "that", "this", "which", "each", "every", "any", "no"]);

/**
 * "Can you send me a new fan motor for that unit?", "we need a contactor CT-12-24DC": an article inside a clause
 * that leads (an adjective or two aside) a word the guessed product's names carry asks for one of it.
 */
function articleBeforeName(ctx: Ctx, part: string, a: Analysis): boolean {
  // English articles and verbs ("an" of "An der Abfüllung 1" is a German preposition; "ein" is read as a count).
  if (!a.guess || ctx.lang !== "en") return false;
  const skus = (a.guess.confident ? a.guess.hits.slice(0, 1) : a.guess.hits.slice(0, 8)).map((h) => h.sku);
  const names = ctx.k.allNames(skus);
  const have = new Set(skus.flatMap((sku) => [...nameWords(names.get(sku) ?? "")].map(stemOf)));
  const named = (w: string) => w.split("-").some((x) => x.length > 1 && have.has(stemOf(x)));
  const tokens = tokenizeText(part);
  if (
    tokens.some(
      (t, i) =>
        ARTICLES.has(t.lower) &&
        !POINTING.has(tokens[i - 1]?.lower ?? "") &&
        tokens.slice(i + 1, i + 4).some((n) => /^\p{L}/u.test(n.lower) && named(n.lower)),
    )
  )
    return true;
  // "We need new fan motor 500 mm" (the article left out): a verb of wanting before the product's name word as the
  // name writes it — its singular — asks for one ("we need seals" says no count).
  const exact = new Set(skus.flatMap((sku) => [...nameWords(names.get(sku) ?? "")]));
  return tokens.some(
    (t, i) =>
      WANTING.has(t.lower) &&
      tokens.slice(i + 1, i + 4).some((n) => /^\p{L}/u.test(n.lower) && exact.has(n.lower) && named(n.lower)) &&
      !tokens.slice(i + 1, i + 4).some((n) => /^\p{L}/u.test(n.lower) && !exact.has(n.lower) && named(n.lower)),
  );
}

/** Verbs of wanting that lead what is ordered ("we need new fan motor", "please send new panel"). */
const WANTING = new Set(["need", "needs", "want", "wants", "require", "requires", "send"]);

/**
 * An item of the message read for the machine it names, or else the one the message names: among the candidates of
 * its kind (the category of the best one) the one that fits that machine is the item, when exactly one does ("An der
 * Abfüllung 1 ist das Panel ausgefallen. Bitte 1 HMI-Panel 7 Zoll …": the panel whose serial range it is in).
 */
export function forMachine(ctx: Ctx, part: string, said: MachineView | undefined): Analysis {
  const a = analyse(ctx, part);
  const g = a.guess;
  // "For pump 2 we need a new motor 0.75 kW 230 V, and …": the machine the item names itself, else the message's.
  const machine = a.machine ?? said;
  if (!machine || !g || g.confident) return a;
  const kind = g.hits.filter((h) => h.category === g.hits[0]!.category);
  const fit = kind.filter((h) => fitsOn(ctx, h.sku, machine));
  // "2 boxes contact tips 1.0 … for X" where only the 0.8 one fits X: a value the buyer states is never swapped for
  // the one that fits — the product with that value (the one most like the fitting one) is the item, and the engine
  // says why it does not fit.
  const stated = statedCarriers(ctx, part, kind);
  if (fit.length === 1 && kind.length >= 2 && stated.length > 0 && !stated.includes(fit[0]!)) {
    const pick = likest(ctx, fit[0]!.sku, stated);
    return { ...a, guess: { ...g, hits: [pick, ...g.hits.filter((h) => h !== pick)], confident: true } };
  }
  if (fit.length === 1 && kind.length >= 2)
    return { ...a, guess: { ...g, hits: [fit[0]!, ...g.hits.filter((h) => h !== fit[0])], confident: true } };
  // "12 tines left" for a harrow the bolt-on tines fit, left and right; "5 Schare rechte" where the share bolts lead
  // what was found: of the products that fit the machine — those found, and every current one of the kind the words
  // name best — the one whose names carry the most of the item's words (its kind and its variant word), when one does.
  const words = tokenizeText(part)
    .map((t) => t.lower)
    // (A word of names counts though it is ordinary language too: "rechte".)
    .filter((w) => /^\p{L}{3,}/u.test(w) && !FILLER.has(w) && (ctx.k.inflectedNameWord(w) || !ctx.k.ordinary(w)));
  // (A product named by its code anywhere in the message names the item: "4 shares left …, PSH-16-BO-L".)
  const text = ctx.conv.text.toLowerCase();
  if (words.length < 2 || g.hits.some((h) => text.includes(h.sku.toLowerCase()))) return a;
  const carriedBy = (skus: string[]) => {
    const names = ctx.k.allNames(skus);
    // (On a catalog without texts in the buyer's language, the glossary's words for a name are its words too.)
    const text = (sku: string) => `${names.get(sku) ?? ""} ${ctx.k.gloss ? ctx.k.gloss(names.get(sku) ?? "") : ""}`;
    return (sku: string) => carriedWords(text(sku), words);
  };
  const found = carriedBy(g.hits.map((h) => h.sku));
  const top = Math.max(...g.hits.map((h) => found(h.sku)));
  const category = g.hits.find((h) => found(h.sku) === top)?.category;
  const pool = g.hits.filter((h) => h.lifecycle === "active" && fitsOn(ctx, h.sku, machine));
  if (category)
    pool.push(
      ...ctx.k.search
        .search({ query: "", limit: 100, category })
        .filter((h) => h.lifecycle === "active" && !pool.some((p) => p.sku === h.sku) && fitsOn(ctx, h.sku, machine)),
    );
  const carried = carriedBy(pool.map((h) => h.sku));
  const most = Math.max(0, ...pool.map((h) => carried(h.sku)));
  const best = pool.filter((h) => carried(h.sku) === most);
  // A candidate that does not fit but carries more of the words ("einen Dichtsatz …, bitte in FKM") is what was
  // named: the engine says why it does not fit.
  if (most < 2 || best.length !== 1 || g.hits.some((h) => found(h.sku) > most)) return a;
  const pick = g.hits.find((h) => h.sku === best[0]!.sku) ?? best[0]!;
  // ("…, and the oil only 3 pails" with the oil on the order for another machine: the words point at that line.)
  if (ctx.conv.draft.lines.some((l) => l.sku === pick.sku)) return a;
  // (A value the buyer states that the pick's name does not carry, and a candidate's does, is not the pick's.)
  const valued = statedCarriers(ctx, part, [...g.hits, pick]);
  if (valued.length > 0 && !valued.some((h) => h.sku === pick.sku)) return a;
  return { ...a, guess: { ...g, hits: [pick, ...g.hits.filter((h) => h.sku !== pick.sku)], confident: true } };
}

/**
 * The candidates whose names carry the most of the values a part states — a decimal ("1.0", "1,0"), a size code of
 * digits and letters ("DN12", "5/8\""), a number with a unit of measure ("12 mm") — none when the part states none or
 * no candidate carries one (the count and a bare whole number are no values).
 */
function statedCarriers<H extends { sku: string }>(ctx: Ctx, part: string, pool: H[]): H[] {
  if (pool.length < 2 || NEGATED_VALUE.test(part)) return [];
  const tokens = tokenizeText(part);
  const values = tokens.flatMap((t, i) => {
    const w = t.lower.replace(/["”]+$/u, "");
    if (/^\d+[.,]\d+$/.test(w)) {
      // ("2,5 m" as an amount of a product by the metre is read by the amount, not here.)
      const unit = unitSymbol(tokens[i + 1]?.lower ?? "");
      return ctx.k.unitCodes.has(unit) ? [] : [decimalValue(w) ?? w, w];
    }
    if (/\d/.test(w) && /[\p{L}/]/u.test(w) && !/^\d+(?:[.,]\d+)?\p{L}{1,2}$/u.test(w) && !/^\d+x$/i.test(w))
      return [w];
    return [];
  });
  // "25 µm", "0,75 kW": a number with a unit of the catalog's measures (not one products are ordered in), as names
  // write it.
  const measured = tokens.flatMap((t, i) => {
    const unit = unitSymbol(tokens[i + 1]?.lower ?? "");
    if (!unit || !/^\d+(?:[.,]\d+)?$/.test(t.lower)) return [];
    // (The text reads the micro sign as the Greek letter; the catalog's units may write either.)
    const known = ctx.k.measureUnits.has(unit) || ctx.k.measureUnits.has(unit.replace("\u03bc", "\u00b5"));
    if (!known || ctx.k.unitCodes.has(unit) || MONEY_WORDS.has(unit)) return [];
    const esc = unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return [new RegExp(`(?<![\\d.,])${t.lower.replace(/[.,]/, "[.,]")}\\s?${esc}(?![\\p{L}\\d])`, "iu")];
  });
  if (values.length === 0 && measured.length === 0) return [];
  const names = ctx.k.allNames(pool.map((h) => h.sku));
  const carried = (sku: string) => {
    const have = nameWords(names.get(sku) ?? "");
    const name = (names.get(sku) ?? "").normalize("NFKC");
    return new Set(values.filter((v) => have.has(v))).size + measured.filter((re) => re.test(name)).length;
  };
  const most = Math.max(...pool.map((h) => carried(h.sku)));
  const best = pool.filter((h) => carried(h.sku) === most);
  return most === 0 || best.length === pool.length ? [] : best;
}
/** "not 1.0", "kein 1,0er": a value the buyer sets aside. */
const NEGATED_VALUE = /(?<![\p{L}])(?:not|no|kein(?:e[nmrs]?)?|nicht|statt|instead of|rather than)\s+[^\s,;]*\d/iu;

/** Of the products, the one whose feature values agree most with the reference product's (the first of a tie). */
function likest<H extends { sku: string }>(ctx: Ctx, ref: string, pool: H[]): H {
  const features = ctx.k.reader.features([ref, ...pool.map((h) => h.sku)]);
  const own = features.get(ref) ?? {};
  const shared = (sku: string) =>
    Object.entries(features.get(sku) ?? {}).filter(([k, v]) => own[k] !== undefined && own[k] === v).length;
  return pool.reduce((b, h) => (shared(h.sku) > shared(b.sku) ? h : b), pool[0]!);
}

/**
 * The machine the opening sentences of an item name, where the item's part carries sentences after them and the whole
 * part names several machines (so none): "6 brine seals for Line B RO. The old UV is fine, nothing for it." — the
 * shortest run of sentences from the start that names one machine and asks for something (a count or a product).
 * (Any stop before a capital ends a sentence here: a stop of an abbreviation only makes the run longer.)
 */
function openingMachine(ctx: Ctx, part: string): MachineView | undefined {
  const stops = [...part.matchAll(/[.!?](?=\s+\p{Lu})/gu)].map((m) => m.index + 1);
  if (!stops.length || analyse(ctx, part).machine) return undefined;
  for (const stop of stops) {
    const run = analyse(ctx, part.slice(0, stop));
    if (run.machine) return run.quantity || run.guess ? run.machine : undefined;
  }
  return undefined;
}

/**
 * "again the filter cartridges from BSS/PO/2026/0915, 3 pcs", "4 Membranen wie bei TW-2509-044": an item of a list that
 * names an earlier order by its reference asks for that order's lines again — those the item's words name (all, where
 * they name none or all) — with the item's count where it is one line, for the machine the item names where the order
 * had no line for it (else each line's own).
 */
function ofReference(
  ctx: Ctx,
  part: string,
  a: Analysis,
): { sku: string; quantity: number; machineId?: string }[] | undefined {
  const lower = part.toLowerCase();
  const names = (ref: string) => {
    const at = ref.length > 2 && /\d/.test(ref) ? lower.indexOf(ref) : -1;
    return at >= 0 && !/[\p{L}\d]/u.test(lower[at - 1] ?? "") && !/[\p{L}\d]/u.test(lower[at + ref.length] ?? "");
  };
  const rows = (ctx.conv.history ?? []).filter((h) =>
    [String(h.reference ?? ""), String(h.orderId ?? "")].some((x) => names(x.toLowerCase())),
  ) as { sku: string; quantity: number; machineId: string | null }[];
  if (!rows.length) return ofEarlierOrder(ctx, part, a);
  const named = linesNamedBy(ctx, part, rows);
  const lines = named.length > 0 ? named : rows;
  const machineId =
    a.machine && !rows.some((l) => l.machineId === a.machine!.machineId) ? a.machine.machineId : undefined;
  return lines.map((l) => ({
    sku: l.sku,
    quantity: (lines.length === 1 ? a.quantity?.value : undefined) ?? l.quantity,
    ...((machineId ?? l.machineId) ? { machineId: machineId ?? l.machineId! } : {}),
  }));
}

/**
 * "+ Filter wie immer", "20 rolls ribbon same as last time", "zwei vo dene Wartigssätz, wie s letscht Mal": an item of a
 * list that says it is what was ordered before, by no month and no reference, asks for the lines of the latest earlier
 * order holding what its words name (the words of the buyer's machines name none) — for the machine the item names,
 * where it names one — with the item's count where it is one line.
 */
function ofEarlierOrder(
  ctx: Ctx,
  part: string,
  a: Analysis,
): { sku: string; quantity: number; unit?: string; machineId?: string }[] | undefined {
  // (A product the item's own words identify is what it asks for: "the same filter bags as last time", "2 Schütze 9 A
  // mit 24 V DC Spule" for "die gleiche Anlage".)
  if (a.guess?.confident || monthsIn(part).length > 0 || !(hasMarker("history", part) || namesUsualOrder(part)))
    return undefined;
  const all = (ctx.conv.history ?? []) as {
    orderId: string;
    orderedAt: string;
    sku: string;
    quantity: number;
    machineId: string | null;
  }[];
  const mine = a.machine ? all.filter((r) => r.machineId === a.machine!.machineId) : all;
  // (The sentence that says so names them: not "… einen Getriebe-Dichtsatz. Habt ihr das an Lager? Lieferung wie immer
  // nach Wil.", where "Lager" is no bearing.)
  const said = (part.match(/[^.!?;]+[.!?;]*/gu) ?? [part]).filter((x) => hasMarker("history", x) || namesUsualOrder(x));
  const named = linesNamedBy(ctx, withoutMachineWords(ctx, said.join(" ")), mine);
  // (Of those, the ones the words' product guess ranks first: "the same filter bags as last time" are the bags, not the
  // lid O-ring "for bag filter housing" of the same order.)
  const rank = (sku: string) => a.guess?.hits.findIndex((h) => h.sku === sku) ?? -1;
  const guessed = named.filter((r) => rank(r.sku) >= 0);
  const first = Math.min(...guessed.map((r) => rank(r.sku)));
  const chosen = guessed.length ? guessed.filter((r) => rank(r.sku) === first) : named;
  if (chosen.length === 0) return undefined;
  const latest = chosen.reduce((x, r) => (r.orderedAt > x.orderedAt ? r : x));
  const lines = chosen.filter((r) => r.orderId === latest.orderId);
  const q = lines.length === 1 ? a.quantity : undefined;
  return lines.map((l) => {
    const unit = q?.unit ? ownPackUnit(ctx, l.sku, q.unit) : undefined;
    return {
      sku: l.sku,
      quantity: q?.value ?? l.quantity,
      ...(unit ? { unit } : {}),
      ...(l.machineId ? { machineId: l.machineId } : {}),
    };
  });
}

/** Words that say the whole of an earlier order again ("das gleiche wie im März", "the same as in April"). */
const SAME_ORDER =
  /(?<![\p{L}])(?:same|gleiche[mnrs]?|dasselbe|dieselbe[n]?|selbe[mnrs]?|identical|identische[mnrs]?)(?![\p{L}])/iu;

/**
 * A word that brings a second product along with the first: "Knetkessel samt Dichtung", "blades + whatever clamp
 * goes with it", "8 heating elements, with their gasket sets", "inkl. Dichtungssatz".
 */
const ALONG_WORDS = "samt|nebst|inklusive|inkl|including|incl|plus|together with|along with|with|mit|dazu";
/** Where the words of a part split at such a word (an abbreviation with its dot), a plus sign or a comma. */
const ALONG = new RegExp(
  `(?:\\s*,?\\s*(?<![\\p{L}])(?:${ALONG_WORDS.replace(/\b(inkl|incl)\b/g, "$1\\.?")})(?![\\p{L}])|\\s\\+|,)\\s*`,
  "giu",
);
const ALONG_WORD = new RegExp(`(?<![\\p{L}])(?:${ALONG_WORDS})(?![\\p{L}])|\\s\\+\\s`, "iu");
/** "whatever clamp thingy goes with it", "die passende Dichtung dazu": the companion named by what it belongs to. */
const BELONGING =
  /(?<![\p{L}])(?:goes with it|go with it|goes with them|go with them|belongs? to it|that goes|needed|required|matching|passende[nmrs]?|zugehörige[nmrs]?|dazugehörige[nmrs]?|nötige[nmrs]?|notwendige[nmrs]?|dazu)(?![\p{L}])/iu;

/** Whether the buyer's message has a word that brings a companion along right after these words. */
function alongAfter(ctx: Ctx, head: string): boolean {
  const end = head.trimEnd().slice(-16);
  const at = end ? ctx.conv.text.indexOf(end) : -1;
  return at >= 0 && ALONG_NEXT.test(ctx.conv.text.slice(at + end.length));
}
const ALONG_NEXT = new RegExp(`^\\s*,?\\s*(?:(?:${ALONG_WORDS})(?![\\p{L}])|\\+)`, "iu");

/** The words state a number with its unit ("12 volt", "230 V") that one of these products' names carries. */
function statesValueOf(ctx: Ctx, words: string, hits: readonly { sku: string }[]): boolean {
  const tokens = tokenizeText(words);
  const values = tokens
    .filter((t, i) => /^\d+(?:[.,]\d+)?$/.test(t.lower) && measureWord(ctx.k, unitSymbol(tokens[i + 1]?.lower ?? "")))
    .map((t) => t.lower.replace(",", "."));
  if (values.length === 0) return false;
  const names = ctx.k.allNames(hits.map((h) => h.sku));
  return hits.some((h) => {
    const have = nameWords(names.get(h.sku) ?? "");
    return values.every((v) => have.has(v));
  });
}

/** Relations to what stands instead of a product or makes it up, not to what goes with it. */
const NOT_ALONG = new Set(["consists_of", "similar", "followup"]);

interface Along {
  head: { sku: string; quantity: number; unit?: string; machineId?: string };
  companion: { sku: string; quantity: number; machineId?: string };
}

/**
 * A part that names a product and, after a word that brings one along ("samt", "plus", "with", "+"), a product that
 * goes with it by the catalog's relations — its mandatory companion, an accessory — named by its words or only by
 * belonging to it ("whatever clamp goes with it"): two items, the first for the machine said. The product before is
 * the one of its candidates (on that machine) whose companions the words after name, when only one is.
 */
function alongWith(ctx: Ctx, part: string, machine: MachineView | undefined): Along | undefined {
  const cuts = [...part.matchAll(ALONG)];
  for (const [i, m] of cuts.entries()) {
    const head = part.slice(0, m.index);
    // The words up to the next such word name the companion ("samt Dichtung, so schnell wie's geht"); the rest may
    // still say it belongs to the product ("whatever clamp thingy goes with it").
    const rest = part.slice(m.index + m[0].length);
    const tail = part.slice(m.index + m[0].length, cuts[i + 1]?.index ?? part.length).split(/[,.;!?](?!\d)/)[0]!;
    if (!tail.trim() || !/\p{L}/u.test(head)) continue;
    // A comma only where the list joined what the buyer said with such a word ("… 08B-1 plus the connecting link").
    if (m[0].trim() === "," && !alongAfter(ctx, head)) continue;
    const ha = forMachine(ctx, head, machine);
    if (!ha.guess) continue;
    // "1 valve 4/3 with coils 12 volt DC": a value with its unit after the word that a candidate's name carries
    // describes that product; it brings nothing along.
    if (statesValueOf(ctx, tail, ha.guess.hits.slice(0, 8))) continue;
    // "… the 24V one like we have in proofer 2": a machine named only to compare is not the one it is for.
    const on = (ha.machine && !machineOnlyCompared(ctx, head) ? ha.machine : undefined) ?? machine;
    const candidates = ha.guess.confident
      ? ha.guess.hits.slice(0, 1)
      : ha.guess.hits.slice(0, 8).filter((h) => (on ? fitsOn(ctx, h.sku, on) : true));
    const sub: Ctx = {
      ...ctx,
      conv: { ...ctx.conv, text: tail },
      u: { ...ctx.u, negated: [] },
      tokens: tokenizeText(tail),
    };
    const ta = analyse(ctx, tail);
    // "… dazu 2 Beutel Dichtringe", "dazu die passenden Pressfittings, 4 Stück": what comes with a count of its own
    // is an item of its own (read as one).
    if (ta.quantity || analyse(ctx, rest).quantity) continue;
    const found: Along[] = [];
    for (const c of candidates) {
      // What goes with it (a mandatory companion, an accessory, a part of it, a choice for it) — not an alternative
      // to it (similar, its successor).
      const rel = ctx.k.reader.relations([c.sku]).filter((r) => !NOT_ALONG.has(r.type) && r.targetSku !== c.sku);
      const related = [...new Set(rel.map((r) => r.targetSku))];
      if (related.length === 0) continue;
      const mandatory = [...new Set(rel.filter((r) => r.type === "mandatory").map((r) => r.targetSku))];
      const other =
        byWords(sub, related) ??
        // The catalog's own search (compounds, synonyms, both languages) among them: "Dichtung" of a
        // "Kesselbodendichtung".
        ctx.k.search.search({ query: tail, limit: 20, language: ctx.lang }).find((h) => related.includes(h.sku))?.sku ??
        (BELONGING.test(rest) && mandatory.length === 1 && !ta.guess?.hits[0]?.match.startsWith("sku")
          ? mandatory[0]
          : undefined);
      // "Belüftungsfilter 3 µm mit Peilstab": words after "mit" that the product's own name carries, and not the
      // companion's, describe the product itself.
      if (!other || (namesItOnly(ctx, tail, c.sku, 1) && !namesItOnly(ctx, tail, other, 1))) continue;
      const headQty = ha.quantity?.value ?? 1;
      const per = rel.find((r) => r.targetSku === other && r.type === "mandatory")?.quantity;
      found.push({
        head: {
          sku: c.sku,
          quantity: headQty,
          ...(ha.quantity?.unit ? { unit: ownPackUnit(ctx, c.sku, ha.quantity.unit) } : {}),
          ...(on ? { machineId: on.machineId } : {}),
        },
        // For the same machine as the product it goes with.
        // As many as the product needs of a mandatory one ("8 Heizelemente samt Dichtungssätzen": 8), else one.
        companion: {
          sku: other,
          quantity: per && !ha.quantity?.unit ? per * headQty : 1,
          ...(on ? { machineId: on.machineId } : {}),
        },
      });
    }
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/**
 * The product of the same kind as `sku` that an item naming no product of its own states the values of ("5 Stück 8
 * mm" after "10 Kompressionsfräser 12 mm"; "und einen in FKM", "and two with 230V" — a value in letters when the item
 * is counted in words): no word of the item leads a product name or names a category, and no code names a product
 * (a fragment of several SKUs, "FKM" or "230V", names none); the one variant of the product's category that carries
 * the stated values (`variantByValue`).
 */
function valuedOnly(ctx: Ctx, part: string, a: Analysis, sku: string, inWords = false): string | undefined {
  const first = a.guess?.hits[0]?.match;
  if (first === "sku_exact" || (first?.startsWith("sku") && a.guess?.confident)) return undefined;
  const tokens = tokenizeText(part);
  if (!(inWords || tokens.some((t) => /\d/.test(t.lower))) || tokens.some((t) => ctx.k.headWord(t.lower)))
    return undefined;
  const sub: Ctx = { ...ctx, conv: { ...ctx.conv, text: part }, u: { ...ctx.u, negated: [] }, tokens };
  const v = variantByValue(sub, { sku });
  return v && v !== sku ? v : undefined;
}

/**
 * "dazu je eine passende Spannzange", "plus a matching collet for each": of the products the part's words find, the
 * one the catalog relates to each item named before (what goes with it: its choice, accessory, spare part or mandatory
 * companion), as many as the part's own count ("je eine" one, "je zwei" two) for each — when the items before are
 * several and each has its own among them, so the words pick per item what fits it. Undefined otherwise (the part is
 * read as before: as many as the item before).
 */
function oneForEach(
  ctx: Ctx,
  part: string,
  a: Analysis,
  items: readonly { sku: string; machineId?: string }[],
): { sku: string; quantity: number; machineId?: string; said: string }[] | undefined {
  const kinds = [...new Set(items.map((i) => i.sku))];
  if (kinds.length < 2 || !a.guess) return undefined;
  // The kind's products among many (a seal kit for each of two cylinders: the catalog may hold dozens of seal kits).
  const found = new Set([
    ...a.guess.hits.map((h) => h.sku),
    ...ctx.k.search
      .search({ query: part.replace(EACH_PHRASE, " "), limit: 100, language: ctx.lang })
      .filter((h) => h.match === "text")
      .map((h) => h.sku),
  ]);
  const out: { sku: string; quantity: number; machineId?: string; said: string }[] = [];
  for (const item of items) {
    const related = ctx.k.reader
      .relations([item.sku])
      .filter((r) => !NOT_ALONG.has(r.type) && r.targetSku !== item.sku && found.has(r.targetSku));
    const targets = [...new Set(related.map((r) => r.targetSku))];
    if (targets.length !== 1) return undefined;
    if (out.some((o) => o.sku === targets[0] && o.machineId === item.machineId)) continue;
    out.push({
      sku: targets[0]!,
      quantity: a.quantity && !a.quantity.unit ? a.quantity.value : 1,
      ...(item.machineId ? { machineId: item.machineId } : {}),
      said: part,
    });
  }
  return new Set(out.map((o) => o.sku)).size > 1 ? out : undefined;
}

/** Words that point a part back at the item before it: "for them", "for it", "dafür", "dazu passend", "matching". */
const FOR_IT =
  /(?<![\p{L}])(?:for (?:them|it|those|these)|to (?:fit|match) (?:them|it)|matching|dafür|dafuer|passend(?:e[nmrs]?)?(?: dazu)?|dazu passend(?:e[nmrs]?)?|für die(?:se)?|für diese[nr]?)(?![\p{L}])\s*[.!]?\s*$|(?<![\p{L}])(?:matching|passende[nmrs]?)(?![\p{L}])/iu;

/**
 * Of the products a part's words find, the one the catalog relates to `item` (what goes with it: its choice, accessory,
 * spare part or mandatory companion) — undefined unless exactly one.
 */
function companionOf(ctx: Ctx, part: string, a: Analysis, item: { sku: string }): string | undefined {
  const words = part.replace(FOR_IT, " ");
  const found = new Set([
    ...(a.guess?.hits ?? []).map((h) => h.sku),
    ...ctx.k.search
      .search({ query: words, limit: 100, language: ctx.lang })
      // ("bolts" of "… bolt …": a word's plural finds it as a near match of the text.)
      .filter((h) => h.match.startsWith("text"))
      .map((h) => h.sku),
  ]);
  const targets = new Set(
    ctx.k.reader
      .relations([item.sku])
      .filter((r) => !NOT_ALONG.has(r.type) && r.targetSku !== item.sku && found.has(r.targetSku))
      .map((r) => r.targetSku),
  );
  return targets.size === 1 ? [...targets][0] : undefined;
}

/** "je", "jeweils", "each", "per": the count said is every machine's. */
const EACH_ONE = /(?<![\p{L}])(?:je|jeweils|each|apiece|per machine|pro maschine)(?![\p{L}])/iu;

/**
 * The buyer's machines a part gives the same count to each of ("je 5 m für Ofen 1 und Ofen 2", "2 each for line 1
 * and line 3"): two or more of them named beside an "each" word — none inside a comparison or a correction.
 */
function eachMachine(ctx: Ctx, part: string): MachineView[] | undefined {
  if (!EACH_ONE.test(part)) return undefined;
  const a = analyse(ctx, part);
  const ids = [...new Set(a.machineCandidates.map((m) => m.machineId))];
  if (ids.length < 2) return undefined;
  return ids.map((id) => a.machineCandidates.find((m) => m.machineId === id)!);
}

/**
 * "1 Proportionalventil …, und 2 Filtersets wie im Mai", "die Dichtungen wie im April, 2 Stück, und 6 Kartuschen Fett":
 * the month's order is one item of a list when another item names a product with confidence that is not among the
 * lines taken, or names one with a count of its own and no month — the items are read one by one (`multiAdd`).
 */
export function listBeside(ctx: Ctx, month: MonthOrder): boolean {
  const own = new Set(
    (ctx.conv.history ?? []).filter((h) => String(h.orderId) === month.orderId).map((h) => String(h.sku)),
  );
  const parts = itemParts(ctx);
  // (Each item read for its machine, as `multiAdd` reads it: "dazu einen O-Ring-Satz" is the one that fits it.)
  const said = analyse(ctx, ctx.conv.text).machine;
  const read = parts.map((part) => ({ part, a: forMachine(ctx, part, said) }));
  // (A part whose words name a line of that order is that item, whatever else the catalog finds for them: "die
  // Stehlager wie im April" is the bearing units of April, not the kit that holds some.)
  const ownRows = [...own].map((sku) => ({ sku }));
  if (
    read.some(
      ({ part, a }) =>
        !!a.guess?.confident && !own.has(a.guess.hits[0]!.sku) && linesNamedBy(ctx, part, ownRows).length === 0,
    )
  )
    return true;
  // "die schwarzen Reifen wie im August + Filter wie immer": an item that is what an earlier order held, by no month,
  // naming none of that order's lines, is an item of its own (`ofEarlierOrder`).
  if (
    read.some(
      ({ part, a }) =>
        monthsIn(part).length === 0 &&
        linesNamedBy(ctx, part, ownRows).length === 0 &&
        (ofEarlierOrder(ctx, part, a) ?? []).some((l) => !own.has(l.sku)),
    )
  )
    return true;
  // "Ond no zwoi Schauglas dazu, die halbzölliga": a counted item of another kind (none of its candidates a line of
  // the order), still to be told apart, is an item of its own too.
  if (read.some(({ part, a }) => !namesOrderTime(part) && otherCounted(ctx, part, a, own))) return true;
  // An item counted on its own beside the item the month is said of ("…, but 3 bearings instead of 2" is a change).
  return (
    read.some(({ part }) => namesOrderTime(part)) &&
    read.some(({ part, a }) => !namesOrderTime(part) && !!a.quantity && !!a.guess?.confident && !replacedCount(part))
  );
}

/**
 * A count of its own (no measure) for words that name none of these products, none of them among its first candidates —
 * another kind of product ("zwoi Schauglas" beside an order of refrigerant and a filter drier), still to be told apart — not a changed count
 * ("diesmal 10 statt 6").
 */
const otherCounted = (ctx: Ctx, part: string, a: Analysis, own: Set<string>): boolean =>
  !!a.quantity &&
  !a.quantity.unit &&
  !replacedCount(part) &&
  !!a.guess?.hits.length &&
  !a.guess.hits.slice(0, 3).some((h) => own.has(h.sku)) &&
  linesNamedBy(
    ctx,
    part,
    [...own].map((sku) => ({ sku })),
  ).length === 0;

/**
 * "6 Inis wie im März, zu jedem ein Sensorkabel, außerdem 2 Schütze 9 A", "des gleiche wie im März, also des
 * Kältemittel ond den Filtertrockner. Ond no zwoi Schauglas": of a list with the month's order as one item, the parts
 * that are items of their own beside it — a product with confidence that is not among the order's lines, a count of
 * its own (no month, no changed count), or "each"/"zu jedem" of the item before — not words that name the order's
 * lines. The rest of the text says which lines of the order to take again.
 */
function besideMonth(ctx: Ctx, month: MonthOrder, parts: string[], said: MachineView | undefined): Set<string> {
  const own = new Set(
    (ctx.conv.history ?? []).filter((h) => String(h.orderId) === month.orderId).map((h) => String(h.sku)),
  );
  return new Set(
    parts.filter((part) => {
      if (namesOrderTime(part)) return false;
      const a = forMachine(ctx, part, said);
      if (otherCounted(ctx, part, a, own)) return true;
      // ("…, Filter wie immer": what another earlier order held is an item of its own.)
      if (monthsIn(part).length === 0 && (ofEarlierOrder(ctx, part, a) ?? []).some((l) => !own.has(l.sku))) return true;
      if (!a.guess?.confident) return false;
      if (EACH_ITEM.test(part)) return true;
      // ("also die Sensoren mit den Kabeln, diesmal 10 statt 6": words that name the order's lines say which to take.)
      if (
        linesNamedBy(
          ctx,
          part,
          [...own].map((sku) => ({ sku })),
        ).length
      )
        return false;
      return !own.has(a.guess.hits[0]!.sku) || (!!a.quantity && !a.quantity.unit && !replacedCount(part));
    }),
  );
}

/** `openOnly`: the items of a list none of which is identified, as a step with no calls and them as `rest`. */
export function multiAdd(ctx: Ctx, openOnly = false): Step | undefined {
  const spread = spreadVariants(ctx, spreadEach(ctx, ctx.conv.text));
  const parts = packsJoined(ctx, itemParts(ctx, spread.text));
  // The machine the message names (one of its sentences), for the items that name none of their own.
  const said = analyse(ctx, ctx.conv.text).machine;
  // Each part, or a part and the next where a word that brings a companion along stands between them
  // ("… blades for the Slicer + whatever clamp thingy goes with it"): the pair, keyed by the part that opens it.
  const along = new Map<string, Along & { spans: number }>();
  if (ALONG_WORD.test(ctx.conv.text))
    for (const [i, part] of parts.entries()) {
      const pair = alongWith(ctx, part, said);
      if (pair) {
        along.set(part, { ...pair, spans: 1 });
        continue;
      }
      const next = parts[i + 1];
      const from = ctx.conv.text.indexOf(part);
      const to = next === undefined || from < 0 ? -1 : ctx.conv.text.indexOf(next, from + part.length);
      const gap = to < 0 ? "" : ctx.conv.text.slice(from + part.length, to);
      // (A part with a count of its own is an item of its own: "… 2 filter driers and 2 sight glasses".)
      if (!next || !ALONG_WORD.test(` ${gap} `) || analyse(ctx, next).quantity) continue;
      const joined = alongWith(ctx, `${part} plus ${next}`, said);
      if (joined) along.set(part, { ...joined, spans: 2 });
    }
  // "Türdichtung P12, je 5 m für Ofen 1 und Ofen 2", "5 m each for oven 1 and oven 2": the item once per machine.
  const perMachine = new Map<string, MachineView[]>();
  for (const part of parts) {
    const machines = eachMachine(ctx, part);
    if (machines) perMachine.set(part, machines);
  }
  if (parts.length < 2 && along.size === 0 && perMachine.size === 0) return undefined;
  // "das gleiche wie im März für die Linie 3, also die Sensoren mit den Kabeln, diesmal 10 statt 6": the whole message
  // is that order again — its lines the message names, with the count it changes.
  // Unless the month's order is one item of a list (`listBeside`): then the parts beside it are read one by one, the
  // rest of the text names the lines of that order to take again.
  // (`asBefore`: a line of that order keeps its machine — none when it had none, whatever machine the message names.)
  let ofOrder: { sku: string; quantity: number; machineId?: string; asBefore: true }[] = [];
  let beside: Set<string> | undefined;
  if (parts.some((p) => (monthsIn(p).length > 0 && SAME_ORDER.test(p)) || namesLastOrder(p))) {
    const month = orderOfMonth(ctx, ctx.conv.text, analyse(ctx, ctx.conv.text));
    const split = month?.lines.length && listBeside(ctx, month) ? besideMonth(ctx, month, parts, said) : undefined;
    const restText = split?.size ? parts.filter((p) => !split.has(p)).join(", ") : "";
    // (The last order said again as it was, beside the items: its lines as the whole message read them.)
    const rest = restText
      ? (orderOfMonth(ctx, restText, analyse(ctx, restText))?.lines ??
        (namesLastOrder(restText) ? month?.lines : undefined))
      : undefined;
    if (rest?.length) {
      beside = split;
      ofOrder = rest.map((l) => ({
        sku: l.sku,
        quantity: l.again,
        ...(l.machineId ? { machineId: l.machineId } : {}),
        asBefore: true,
      }));
    } else if (month?.lines.length)
      return {
        calls: month.lines.map((l) => ({
          name: "add_line",
          args: { sku: l.sku, quantity: l.again, ...(l.machineId ? { machineId: l.machineId } : {}) },
        })),
        memo: { lang: ctx.lang },
      };
  }
  // (`said`: the part that named the item, for the words that add to a line already on the order.)
  // (The earlier order's lines where the message names it: "2 bearings. And the V-belts like last time, but three".)
  const items: {
    sku: string;
    quantity?: number;
    unit?: string;
    machineId?: string;
    said?: string;
    asBefore?: true;
  }[] = [];
  let placed = false;
  // Items asked for with a count whose product is not identified ("… and 4 fittings for it"): served after the rest.
  const rest: RestItem[] = [];
  // (The items of `rest` whose words the catalog finds products for.)
  const found = new Set<RestItem>();
  let before: number | undefined;
  let codes: string[] = [];
  const uncounted: { sku: string; machineId?: string; definite?: boolean }[] = [];
  // Items counted but not identified, with the products they could be ("4 shares left" of several shares).
  const open: { item: RestItem; skus: string[]; quantity: number; machineId?: string }[] = [];
  // Items counted only by an article ("a panel"): a count said for the same product elsewhere is theirs.
  const implicit = new Set<(typeof items)[number]>();
  // Items taken from the last order with the count they had there (`lastOrderRow`).
  const ofLastOrder = new Set<(typeof items)[number]>();
  // An item whose count a part of its own said again ("…, 300 plates please"): the message's one item, read here.
  let restated: (typeof items)[number] | undefined;
  // Items asked for without a count and not identified, by the words that searched them ("we need glue for …").
  const asked = new Map<RestItem, string[]>();
  let lastNamed: { sku: string; machineId?: string } | undefined;
  // "for Big Red I need the season kit + 40 pick-up tines, and for combine 2: 2 packs of paddles and 10 knife guards":
  // in a message that names several machines, an item that names none is for the machine named last before it.
  let scope: MachineView | undefined;
  let skip = 0;
  // "make it 5 boxes, and 2 tip holders for the same torch", "doch 5 Schachteln. Und 10 Gasdüsen konisch": a first
  // part that is a bare count, beside items of their own, is the new count of the line the order is about.
  const recount = recountOf(ctx, parts);
  // (The items beside it name their machine, else the message's, else that line's: "… for the same torch".)
  const recounted = recount && ctx.conv.draft.lines.find((l) => l.lineId === recount.lineId)?.machineId;
  const lineMachine = recounted ? ctx.conv.machines?.find((m) => m.machineId === recounted) : undefined;
  for (const part of recount ? parts.slice(1) : parts) {
    if (skip > 0) {
      skip--;
      continue;
    }
    // (A part of the month's order, taken above: it counts the item before for "zu jedem" only.)
    if (beside && !beside.has(part)) {
      if (!placed && (namesOrderTime(part) || linesNamedBy(ctx, part, ofOrder).length > 0)) {
        items.push(...ofOrder);
        placed = true;
      }
      const q = analyse(ctx, part).quantity;
      before = q && !q.unit ? q.value : undefined;
      continue;
    }
    const pair = along.get(part);
    if (pair) {
      skip = pair.spans - 1;
      items.push(pair.head, pair.companion);
      lastNamed = { sku: pair.head.sku, ...(pair.head.machineId ? { machineId: pair.head.machineId } : {}) };
      before = undefined;
      codes = [];
      continue;
    }
    // "… + 50 m cut length same cable": the same product as the item before, by its codes ("4G2,5"), in another form.
    // ("einen Teigabstreifer für dieselbe Maschine": the same machine, and a product its own words identify.)
    const same =
      codes.length > 0 && SAME.test(part) && !SAME_MACHINE.test(part) && !forMachine(ctx, part, said).guess?.confident;
    // "a sensor cable 5 m for each one", "zu jedem ein Sensorkabel 5 m": the article counts as many as the item before
    // ("6 sensor cable 5 m"), so "5 m" is the cable's length, not its count; the words of "each" name nothing.
    const eachOne = before !== undefined && EACH_ITEM.test(part) ? part.replace(EACH_PHRASE, " ").trim() : "";
    const own = ARTICLE_ONE.test(eachOne) ? `${before} ${eachOne.replace(ARTICLE_ONE, "")}` : part;
    const words = same ? `${own.replace(SAME, " ")} ${codes.join(" ")}` : own;
    // "for the Line B RO six brine seals, the 8040 EPDM ones. Joost says the old UV is still running fine, so nothing
    // for that one.": the sentences a part carries after the one that asks for its item describe it — a machine they
    // name besides (one the buyer sets aside) does not make the machine of the opening sentence unknown.
    const opening = openingMachine(ctx, own);
    // (The machine a part before named outranks the one read from the whole message: "- cooling water pump: …
    // - lube oil transfer pump: 2 mech seals and 1 wear ring" — the wear ring is the lube oil pump's.)
    const read = forMachine(ctx, words, opening ?? scope ?? said ?? lineMachine);
    const ofLine =
      !read.machine && !said && !scope && lineMachine && read.guess?.confident
        ? fitsOn(ctx, read.guess.hits[0]!.sku, lineMachine)
        : false;
    const a =
      opening && !read.machine
        ? { ...read, machine: opening }
        : ofLine
          ? { ...read, machine: lineMachine }
          : read.machine || !scope || scope === said
            ? read
            : { ...read, machine: scope };
    if (a.machine && (read.machine || opening)) scope = a.machine;
    codes = tokenizeText(part)
      .map((t) => t.text)
      .filter((w) => /\d/.test(w) && /\p{L}/u.test(w) && !/^\d+(?:[.,]\d+)?\p{L}{1,2}$/u.test(w) && !/^\d+x$/i.test(w));
    // "… and a sight glass SGN 10": the article counts one.
    // "… and we need a contactor CT-12-24DC": an article inside the clause before the product's name counts one too.
    const one = articleOne(ctx, part.replace(LIST_MARKER, "")) || (!a.quantity && articleBeforeName(ctx, part, a));
    // "bitte nochmal die GLRDs wie im April, 2 Stück": the one line of that month's order the item points at.
    // "Und noch Keilriemen SPZ 1400, gleich wie letztes Mal, aber drei statt zwei": a part that only replaces a count
    // is the count of the product named before it.
    // ("gleich wie letztes Mal, aber drei statt zwei" names no product of its own, whatever "gleich" resembles.)
    const count = replacedCount(part);
    const ownWords = count ? part.slice(0, count.start) + part.slice(count.end) : part;
    const reorderOnly = hasMarker("history", part) && !/\d/.test(ownWords);
    const replaced = a.guess && !reorderOnly ? undefined : count;
    if (replaced && lastNamed) {
      const item = items.findLast((i) => i.sku === lastNamed!.sku);
      if (item) item.quantity = replaced.now;
      else items.push({ ...lastNamed, quantity: replaced.now });
      before = undefined;
      continue;
    }
    // The item named before this part (its kind is what a part naming only values means).
    const namedBefore = lastNamed;
    // ("gleich wie letztes Mal" names no product of its own, whatever its words resemble.)
    if (a.guess?.confident && !reorderOnly)
      lastNamed = { sku: a.guess.hits[0]!.sku, ...(a.machine ? { machineId: a.machine.machineId } : {}) };
    // A product named by its code is what the buyer asks for; words that merely resemble a name give way to the order.
    const coded = a.guess?.confident && a.guess.hits[0]!.match.startsWith("sku");
    const ofMonth = coded ? undefined : orderOfMonth(ctx, part, a)?.lines;
    // ("die schwarzen Reifen wie im August, …": the lines of that order the item's words all name, beside other items.)
    if (
      ofMonth?.length === 1 ||
      (ofMonth?.length && items.length + parts.length > 1 && linesNamedBy(ctx, part, ofMonth).length === ofMonth.length)
    ) {
      for (const l of ofMonth)
        items.push({ sku: l.sku, quantity: l.again, ...(l.machineId ? { machineId: l.machineId } : {}) });
      before = undefined;
      continue;
    }
    // "… und Pressfassungen M22 wie beim letzten Mal", "and the crimp fittings like last time": an item without a count
    // that names the last order is that order's line of the product its words name, with the count it had. So is a
    // counted item whose words leave several products open, in a message that names the last order ("3
    // Vorritzsägeblätter und das Kreissägeblatt wie letztes Mal"), with the count said.
    const ofLast = a.quantity ? !a.guess?.confident && namesLastOrder(ctx.conv.text) : !one && namesLastOrder(part);
    const asLast = ofLast ? lastOrderRow(ctx, a) : undefined;
    if (asLast) {
      const machineId = a.machine?.machineId ?? asLast.machineId;
      const item = {
        sku: asLast.sku,
        quantity: a.quantity?.value ?? asLast.quantity,
        ...(a.quantity?.unit ? { unit: ownPackUnit(ctx, asLast.sku, a.quantity.unit) } : {}),
        ...(machineId ? { machineId } : {}),
        said: part,
      };
      items.push(item);
      // ("the same spiders as last time for Schnecke 1, 2 pcs - the red ones": a count said for it after is its count.)
      if (!a.quantity) {
        implicit.add(item);
        ofLastOrder.add(item);
      }
      lastNamed = { sku: asLast.sku, ...(machineId ? { machineId } : {}) };
      before = undefined;
      continue;
    }
    // (A part that measures a product its own words identify is read as it is, its amount in that product's packs: "10
    // m of the chain in the 5 m boxes like on BWB-4302"; one that only states a reference is the order's PO:
    // "Bestellnr RP-4471".)
    const ofRef =
      coded ||
      (a.guess?.confident && a.quantity?.unit) ||
      !(a.guess || a.productWords.length > 0 || hasMarker("history", part))
        ? undefined
        : ofReference(ctx, part, a);
    if (ofRef?.length) {
      items.push(...ofRef);
      before = undefined;
      continue;
    }
    // "10 Kompressionsfräser 12 mm und 5 Stück 8 mm, dazu je eine passende Spannzange", "… and a matching collet for
    // each": one of that kind for each item named before, the one the catalog relates to that item.
    const perItem = EACH_ITEM.test(part) ? oneForEach(ctx, part, a, items) : undefined;
    if (perItem) {
      items.push(...perItem);
      before = undefined;
      continue;
    }
    // "5 sensors, each with a 2 m cable", "jeweils mit 2m Kabel": as many as the item before.
    const each = before !== undefined && EACH_ITEM.test(part) ? before : undefined;
    const several = perMachine.get(part);
    if (several && a.guess?.confident && a.quantity) {
      for (const m of several)
        items.push({
          sku: a.guess.hits[0]!.sku,
          quantity: a.quantity.value,
          ...(a.quantity.unit ? { unit: ownPackUnit(ctx, a.guess.hits[0]!.sku, a.quantity.unit) } : {}),
          machineId: m.machineId,
        });
      before = undefined;
      continue;
    }
    // "10 Kompressionsfräser 12 mm und 5 Stück 8 mm", "3 blades 20 mm and 2 narrow ones 10 mm": a counted item that
    // names no product of its own, only values, is the kind of the item before with those values.
    // ("2 Dichtsätze 63/36 NBR und einen in FKM", "… and one in FKM": an item counted by its article is one.)
    const variant =
      (a.quantity || one) && namedBefore ? valuedOnly(ctx, part, a, namedBefore.sku, !a.quantity) : undefined;
    if (variant && namedBefore) {
      items.push({
        sku: variant,
        quantity: a.quantity?.value ?? 1,
        ...(a.quantity?.unit ? { unit: ownPackUnit(ctx, variant, a.quantity.unit) } : {}),
        ...((a.machine ?? namedBefore.machineId) ? { machineId: a.machine?.machineId ?? namedBefore.machineId } : {}),
        said: part,
      });
      lastNamed = { ...namedBefore, sku: variant };
      before = undefined;
      continue;
    }
    // "3 cylinders …, plus 2 seal kits for them", "3 Zylinder und 2 Dichtsätze dafür": a counted part that points back
    // at the item before is, of the products its words find, the one the catalog relates to that item.
    const related =
      namedBefore && (a.quantity || one) && FOR_IT.test(part) ? companionOf(ctx, part, a, namedBefore) : undefined;
    // (A bare count of a product sold in packs — "4 fittings for it", a bag of 10 — is left to the list and its pick,
    // which counts pieces and offers whole packs.)
    const forIt =
      related && (a.quantity?.unit || ctx.k.reader.products([related]).get(related)?.orderUnit === "PCE")
        ? related
        : undefined;
    if (forIt && namedBefore) {
      lastNamed = { ...namedBefore, sku: forIt };
      items.push({
        sku: forIt,
        quantity: a.quantity?.value ?? 1,
        ...(a.quantity?.unit ? { unit: ownPackUnit(ctx, forIt, a.quantity.unit) } : {}),
        ...((a.machine ?? namedBefore.machineId) ? { machineId: a.machine?.machineId ?? namedBefore.machineId } : {}),
        said: part,
      });
      before = undefined;
      continue;
    }
    // "we need plates for the big one. 1030 size, 0.3 mm thermal, 300 plates please": the count of the item before.
    const restates = a.quantity && !each && !a.machine ? restatedItem(ctx, part, items, implicit) : undefined;
    if (restates && a.quantity) {
      restates.quantity = a.quantity.value;
      const unit = a.quantity.unit ? ownPackUnit(ctx, restates.sku, a.quantity.unit) : undefined;
      if (unit) restates.unit = unit;
      implicit.delete(restates);
      restated = restates;
      before = undefined;
      continue;
    }
    if (a.guess?.confident && (a.quantity || one || each)) {
      const item = {
        sku: a.guess.hits[0]!.sku,
        quantity: each ?? a.quantity?.value ?? 1,
        ...(a.quantity?.unit && !each ? { unit: ownPackUnit(ctx, a.guess.hits[0]!.sku, a.quantity.unit) } : {}),
        // "Pos. 1: 4 filter elements …, for IMM 7": the machine the item names is its own.
        ...(a.machine ? { machineId: a.machine.machineId } : {}),
        said: part,
      };
      // "The panel on line 1 is broken. Please 1 panel …", "… So that's 2 contactors": the same product for the same
      // machine said again — by its article, or with the same count — is the one item, with the count said.
      // (An item of the last order's count is the one item whatever unit and machine the count beside it says: "the
      // same spiders as last time for Schnecke 1, 2 pcs - the red ones".)
      const again = items.find(
        (i) =>
          i.sku === item.sku &&
          ((i.machineId === item.machineId && i.unit === item.unit) ||
            (ofLastOrder.has(i) && (!item.machineId || item.machineId === i.machineId))),
      );
      if (again && (implicit.has(again) || !a.quantity || again.quantity === item.quantity)) {
        if (a.quantity && implicit.has(again)) {
          again.quantity = item.quantity;
          if (ofLastOrder.has(again) && item.unit) again.unit = item.unit;
          implicit.delete(again);
        }
      } else {
        items.push(item);
        if (!a.quantity && !each) implicit.add(item);
      }
    } else if (
      (a.quantity || one || each) &&
      (a.guess || a.productWords.length > 0) &&
      // (An item of its own beside the month's order is one, whatever its words: "Dazu noch 2 Kartuschen 1 µm".)
      (each || countOpens(ctx, part, a) || !!beside?.has(part)) &&
      // "… two motor protection breakers 6.3-10 A. So that's 2 contactors and 2 breakers": an item said again in
      // fewer words, with the same count, is the item already read.
      !items.some((i) => i.quantity === a.quantity?.value && namesItOnly(ctx, part, i.sku))
    ) {
      const item = { text: part.trim(), ...(each ? { quantity: each } : {}) };
      rest.push(item);
      if (a.guess && a.quantity && tokenizeText(part).some((t) => ctx.k.headWord(t.lower))) found.add(item);
      if (!a.quantity && !each) asked.set(item, a.guess ? a.guess.query.split(" ") : a.productWords);
      if (a.guess && a.quantity && !a.quantity.unit && !each)
        open.push({
          item,
          skus: a.guess.hits.map((h) => h.sku),
          quantity: a.quantity.value,
          ...(a.machine ? { machineId: a.machine.machineId } : {}),
        });
    }
    // "4 shares left and 4 right, PSH-16-BO-L and PSH-16-BO-R": a product named by its code without a count is the
    // counted item before it that could be it — the first such, with its count.
    else if (coded && !a.quantity && open.some((o) => o.skus.includes(a.guess!.hits[0]!.sku))) {
      const sku = a.guess!.hits[0]!.sku;
      const o = open.find((x) => x.skus.includes(sku))!;
      open.splice(open.indexOf(o), 1);
      rest.splice(rest.indexOf(o.item), 1);
      items.push({ sku, quantity: o.quantity, ...(o.machineId ? { machineId: o.machineId } : {}) });
    }
    // "3m chain + 1 sprocket, dazu taper bush 1610": a product named without a count among counted items is one.
    // "4 Unterlenkerkugeln, 2 Bolzen und das 500-Stunden-Wartungsset", "… and the yearly service kit": a product named
    // with the definite article among counted items is one, in whatever language its words are.
    else if (
      a.guess?.confident &&
      // ("Truck 4: the 1000h service kit": a machine named beside a definite item leaves it an item.)
      (read.machine
        ? !FOR_IT.test(part) &&
          !BELONGING.test(part) &&
          (definiteItem(ctx, part) ||
            namesBeyond(ctx, part, read.machine, a.guess.hits[0]!.sku) ||
            labelled(ctx, part, a.guess.hits[0]!.sku))
        : // (Its first sentence names it: "a Flasch R134a 12 kg. Goht des heut no raus?" — a question joined after.)
          namesItOnly(ctx, firstSentence(part), a.guess.hits[0]!.sku) || definiteItem(ctx, part))
    )
      // (For the machine named last before it, in a message that names several.)
      uncounted.push({
        sku: a.guess.hits[0]!.sku,
        ...(a.machine ? { machineId: a.machine.machineId } : {}),
        ...(definiteItem(ctx, part) ? { definite: true } : {}),
      });
    // "2 Superelastik-Reifen … und den Fahrersitz", "1 door glass and the flux capacitor": an item asked for by the
    // definite article whose words identify no one product (several to choose from, or none) is not dropped — it is
    // served after the items found (a list to choose from, or "not found").
    else if (!a.quantity && !a.guess?.confident && definiteAsked(ctx, part, a)) {
      const item = {
        text: part
          .replace(LIST_MARKER, "")
          .trim()
          .replace(/\s*[.!]+$/u, ""),
      };
      rest.push(item);
      if (a.guess && tokenizeText(part).some((t) => ctx.k.headWord(t.lower))) found.add(item);
      asked.set(item, a.guess ? a.guess.query.split(" ") : a.productWords);
    }
    // "16 left and 16 right, …, and a bolt set for each one": each of the run's items.
    before = spread.totals.get(part) ?? (a.quantity && !a.quantity.unit ? a.quantity.value : one ? 1 : undefined);
  }
  if (!placed) items.unshift(...ofOrder);
  // Only in a plain list: not beside a refused request, and not a product the order already has ("drop the X").
  // (Among items with a count said: "need a fan motor for freezer 3, room at -18" names a room, not a room controller.)
  // (Items counted but left open to pick count as counted items: "2 load wheels and the reach cylinder seal kit".)
  // (Two items named by the definite article are a list of their own: "the 1000h service kit and the O-ring set".)
  // "we need glue for the edge bander, EVA natural. 3 bags of glue please": an item asked for without a count, whose
  // words a counted item read after it was named with too, is that item — not one more to pick.
  for (const [item, words] of asked) {
    const stems = words.filter((w) => /^\p{L}{3,}$/u.test(w)).map(stemOf);
    const later = items.filter((i) => !implicit.has(i) && i.said && rest.indexOf(item) >= 0);
    if (
      stems.length > 0 &&
      later.some((i) => {
        const own = new Set(tokenizeText(i.said!).map((t) => stemOf(t.lower)));
        return stems.every((w) => own.has(w)) && ctx.conv.text.indexOf(i.said!) > ctx.conv.text.indexOf(item.text);
      })
    )
      rest.splice(rest.indexOf(item), 1);
  }
  const counted = items.some((i) => !implicit.has(i));
  const listed = counted || rest.length > 0 || uncounted.filter((u) => u.definite).length > 1;
  if (listed && !ctx.u.attack)
    for (const { definite, ...u } of uncounted)
      if (
        (counted || definite) &&
        !items.some((i) => i.sku === u.sku) &&
        !ctx.conv.draft.lines.some((l) => l.sku === u.sku)
      )
        items.push({ ...u, quantity: 1 });
  // "4 bearings 6205 and 2 v-belts SPZ", "2 Zahnriemen und 3 Kettenschlösser": several items asked for, none of them
  // identified — no edit here: the message is read as one request, and the items its reply's list leaves out are
  // named after it (`openOnly`: the items, for `withOpenItems` in `turn.ts`). Only items a word of which says what
  // product they are and whose words the catalog finds products for, none asked as a question.
  // (Serving the items one by one, as `serveRest` does after edits, changed a held-out conversation of session 33.)
  if (
    items.length === 0 &&
    !recount &&
    !restated &&
    rest.length > 1 &&
    rest.every((r) => found.has(r) && !r.text.includes("?")) &&
    !ctx.u.attack
  )
    return openOnly ? { calls: [], memo: { lang: ctx.lang, rest } } : undefined;
  if (items.length === 0 || items.length + rest.length + (recount || restated ? 1 : 0) < 2) return undefined;
  // "ja, 2 Beutel Fittings und 1 Beutel Dichtringe passt" about lines already on the order: an answer, not new items.
  const onDraft = (sku: string) => ctx.conv.draft.lines.some((l) => l.sku === sku);
  if (items.length < 2 && items.some((i) => onDraft(i.sku))) return undefined;
  // "X: 18 A, coil 230 V AC, aux contacts 1 NO + 1 NC": option values of a configurable item, not more products.
  if (items.some((i) => optionsFor(ctx, i.sku))) return undefined;
  const whole = analyse(ctx, ctx.conv.text);
  const machineId = whole.machine?.machineId ?? ctx.conv.draft.machineId;
  const ofItems = machineId ? () => undefined : soleOfItems(ctx, items);
  const replaced = new Set<string>();
  // "only 1 blue spot … so 1 heated seat + 1 blue spot, both for X": an item said again further on, for the same
  // machine once the message's machine is taken, with the same count, is the one item.
  const seen = new Set<string>();
  const once = items.filter((i) => {
    const key = `${i.sku}|${i.machineId ?? machineId ?? ""}|${i.quantity ?? 1}|${i.unit ?? ""}`;
    if (seen.has(key) && !addsToLine(i.said ?? "")) return false;
    seen.add(key);
    return true;
  });
  return {
    calls: [...(recount ? [recount] : []), ...once].map((i) => {
      if ("lineId" in i) return { name: "update_line", args: i };
      // (An item that names no machine, in a message that names none: the machine a single add would take for it, else
      // the one machine the message's other parts fit, for a part the catalog relates to it.)
      const sole = statesNoMachine(ctx) ? undefined : (soleFitting(ctx, i.sku) ?? ofItems(i.sku));
      const machine = i.machineId ?? ("asBefore" in i ? undefined : (machineId ?? sole));
      const line = replacing(ctx, i.sku, machine, replaced);
      if (line) {
        replaced.add(line);
        return { name: "update_line", args: { lineId: line, sku: i.sku, quantity: i.quantity } };
      }
      // "so 1 heated seat + 1 blue spot, both for X", "also 2 Reifen und 1 Sitz": an item the order already holds for
      // the same machine is the order said again — its line gets the count said, no second line (as a single add does).
      const kept = restatedLine(ctx, i, machine, replaced);
      if (kept) {
        replaced.add(kept.lineId);
        return {
          name: "update_line",
          args: {
            lineId: kept.lineId,
            quantity: addsToLine(i.said ?? "") ? kept.quantity + (i.quantity ?? 1) : (i.quantity ?? kept.quantity),
            ...(i.unit ? { unit: i.unit } : {}),
          },
        };
      }
      return {
        name: "add_line",
        args: {
          sku: i.sku,
          quantity: i.quantity,
          ...(i.unit ? { unit: i.unit } : {}),
          ...(machine ? { machineId: machine } : {}),
        },
      };
    }),
    memo: { lang: ctx.lang, ...(rest.length ? { rest } : {}) },
  };
}

/** The one machine the order's lines are for, when the message adds beside them a part the catalog relates to it. */
function besideOrdered(ctx: Ctx, sku: string): string | undefined {
  const { conv, lang } = ctx;
  const ordered = [...new Set(conv.draft.lines.flatMap((l) => (l.machineId ? [l.machineId] : [])))];
  if (ordered.length !== 1 || !saysBeside(conv.text, lang)) return undefined;
  const m = conv.machines?.find((x) => x.machineId === ordered[0]);
  return m && concernsMachine(ctx, sku, m) ? m.machineId : undefined;
}

/**
 * "Bei der Milchpumpe 1 … die Gleitringdichtung … und an Karton Dichtringe", "for the prefilter on well 3 … cartridges
 * … also housing O-rings" where the words name no machine of the buyer's: the one machine the message's parts that
 * depend on their machine fit (each the only one of the buyer's it fits) — for the parts that fit only it, and for
 * the items the catalog relates to it and lets pass (the cartridges of its housing). An item no rule relates to it
 * (a carton of flange gaskets) stays without a machine; parts that fit several machines, or different ones, name none.
 */
function soleOfItems(ctx: Ctx, items: { sku: string; machineId?: string }[]): (sku: string) => string | undefined {
  const none = () => undefined;
  const sole = [...new Set(items.flatMap((i) => (i.machineId ? [] : [soleFitting(ctx, i.sku) ?? ""])))].filter(
    (id) => id !== "",
  );
  if (sole.length !== 1) return none;
  const m = (ctx.conv.machines ?? []).find((x) => x.machineId === sole[0]);
  if (!m || items.some((i) => i.machineId && i.machineId !== m.machineId)) return none;
  return (sku) => (soleFitting(ctx, sku) === m.machineId || concernsMachine(ctx, sku, m) ? m.machineId : undefined);
}

/**
 * The one machine of the buyer's a part that depends on its machine fits, as a single add takes it ("2
 * Superelastik-Reifen … und den Fahrersitz" for the one truck the tyres fit; "… tropft die Gleitringdichtung. Wir
 * brauchen eine neue, …, und einen Karton Dichtringe" for the one pump the seal fits), or the buyer's only machine
 * for a part the catalog checks on it.
 */
function soleFitting(ctx: Ctx, sku: string): string | undefined {
  const only = onlyMachineFor(ctx, sku);
  if (only) return only.machineId;
  if (!dependsOnMachine(ctx, sku)) return undefined;
  const fitting = fittingMachines(ctx, sku, ctx.conv.machines ?? []);
  return fitting.length === 1 ? fitting[0]!.machineId : undefined;
}

/**
 * "we need plates for the big one. 1030 size, 0.3 mm thermal, 300 plates please": a counted part whose words are only
 * words the last item without a count of its own was named with ("plates") says that item's count — it is no item of
 * its own (the kind word alone would find another of the kind).
 */
function restatedItem<I extends { sku: string; said?: string }>(
  ctx: Ctx,
  part: string,
  items: I[],
  implicit: Set<I>,
): I | undefined {
  const last = items.at(-1);
  if (!last || !implicit.has(last) || !last.said) return undefined;
  const own = new Set(tokenizeText(last.said).map((t) => stemOf(t.lower)));
  const words = tokenizeText(part)
    .map((t) => t.lower)
    .filter(
      (w) =>
        /^\p{L}{3,}$/u.test(w) &&
        !FILLER.has(w) &&
        !COURTESY_END.test(w) &&
        !/^(?:total|altogether|overall|insgesamt|gesamt|zusammen)$/u.test(w) &&
        !ctx.k.unitCodes.has(w) &&
        !ctx.k.measureUnits.has(w),
    );
  // (Words its product's names carry too: "so 2 blue spot please" after a part that named a seat and blue spots.)
  const names = new Set([...nameWords(ctx.k.allNames([last.sku]).get(last.sku) ?? "")].map(stemOf));
  const named = (w: string) =>
    names.has(w) || [...names].some((x) => w.length >= 4 && x.length >= w.length + 3 && x.endsWith(w));
  return words.length > 0 && words.every((w) => own.has(stemOf(w)) && named(stemOf(w))) ? last : undefined;
}

/**
 * The line a bare count that opens the message counts anew ("make it 5 boxes", "no wait, 5 boxes", "doch 5
 * Schachteln"): a part with a count and no word of a product or machine, before parts that name items, while the
 * order is to be confirmed — of its only line, or the line in focus.
 */
function recountOf(ctx: Ctx, parts: string[]): { lineId: string; quantity: number; unit?: string } | undefined {
  const lines = ctx.conv.draft.lines;
  const pending = ctx.conv.memo.pending;
  if (parts.length < 2 || !lines.length || (pending && pending.kind !== "confirm")) return undefined;
  const a = analyse(ctx, parts[0]!);
  if (!a.quantity || a.guess || a.productWords.length > 0 || a.machine || addsToLine(parts[0]!)) return undefined;
  const focus = ctx.conv.memo.focusSku;
  const line = lines.length === 1 ? lines[0] : lines.filter((l) => l.sku === focus).at(-1);
  if (!line || (a.quantity.unit && line.unit && a.quantity.unit !== line.unit)) return undefined;
  return { lineId: line.lineId, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) };
}

/**
 * "das 500 stunden wartungsset", "the annual service kit": the definite article, and the clause ends on a word that
 * says what a product is — not "die halten bei uns länger", "der PVDF-Kopf hält nie lang" (a clause about it).
 */
function definiteItem(ctx: Ctx, part: string): boolean {
  // ("Truck 4: the 1000h service kit": what a list line's label before its colon is for leads it.)
  // ("… and the pressure switch like last time": the words that name the last order say which, not what.)
  const text = withoutLastOrder(part.replace(LIST_MARKER, "").trim().replace(LABEL_LEAD, ""));
  const words = tokenizeText(text)
    .map((t) => t.lower)
    .filter((w) => /^\p{L}/u.test(w) && !COURTESY_END.test(w));
  // ("… and the service set for Kantix", "die Bandage für die Bandsäge": the machine it is for, said after it.)
  const machineWords = new Set((ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label)));
  const target = words.findLastIndex((w) => FOR_WORD.test(w));
  const phrase =
    target > 0 && words.slice(target + 1).some((w) => machineWords.has(w)) ? words.slice(0, target) : words;
  const last = phrase.at(-1);
  // ("the service set": a name's word after the word that leads the name — "Service set KA 560 …".)
  return (
    DEFINITE.test(text) &&
    !!last &&
    (ctx.k.headWord(last) || (ctx.k.nameWord(last) && phrase.slice(1, -1).some((w) => ctx.k.headWord(w))))
  );
}
const COURTESY_END = /^(?:please|pls|bitte|thanks|danke)$/u;

/**
 * "deck oven 1: door seal set": a list line led by the machine it is for, the words after the label the product's
 * name — an item of the list, though it has neither count nor article.
 */
function labelled(ctx: Ctx, part: string, sku: string): boolean {
  const text = part.replace(LIST_MARKER, "").trim();
  const label = LABEL_LEAD.exec(text);
  const rest = label ? text.slice(label[0].length) : "";
  // (Not a remark: "UV Abfüllung: ballast is an EB 145, it's fine".)
  return !!label && !isRemark(rest) && namesItOnly(ctx, rest, sku, 0.8);
}

/** Verbs and subjects that make a part a remark about a thing, not a request for it. */
const REMARK_VERB = new Set(
  "is are was were has have had does do did ist sind war waren hat haben hatte geht läuft lauft runs leaks broke broken kaputt defekt i we they ich wir".split(
    " ",
  ),
);
const isRemark = (text: string) => tokenizeText(text).some((t) => REMARK_VERB.has(t.lower));

/** Words that join an item to the one before ("und den …", "and also the …", "plus the …"). */
const JOIN_LEAD = /^(?:(?:and|und|plus|also|sowie|dazu|außerdem|ausserdem|noch|auch|then|dann)\s+)+/iu;

/**
 * "… und den Fahrersitz", "… and the flux capacitor", "spiral mixer: the maintenance set": a part that is only the
 * definite article and the words that searched for a product (the machine's label, courtesy words aside) — an item
 * asked for, though its words identify no one product. Not a part that points back at the item before ("the ones
 * with …", "the matching seals"), nor a remark with words of its own ("the motor is burnt").
 */
function definiteAsked(ctx: Ctx, part: string, a: Analysis): boolean {
  if (FOR_IT.test(part) || BELONGING.test(part) || POINTS_BACK.test(part) || EACH_ITEM.test(part)) return false;
  // (The first sentence of the part: "das Fernüberwachungsmodul. Ich bitte um Preis" asks for the module.)
  const text = part
    .replace(LIST_MARKER, "")
    .trim()
    .replace(LABEL_LEAD, "")
    .replace(JOIN_LEAD, "")
    .split(/[.!?](?:\s|$)/u)[0]!;
  // (A value or code says which of the item before: "2 seal kits for press 3, the 63/36 cylinder".)
  if (!DEFINITE.test(text) || POINTS_BACK.test(text) || /\d/.test(text)) return false;
  const searched = new Set(
    [...a.productWords, ...(a.guess?.query.split(" ") ?? [])].flatMap((w) => w.toLowerCase().split("-")),
  );
  const label = new Set(a.machine ? wordsOf(a.machine.label) : []);
  // (Words of a remark: "the motor is burnt", "der Sitz ist kaputt".)
  if (isRemark(text)) return false;
  const words = tokenizeText(text)
    .slice(1)
    .flatMap((t) => t.lower.split("-"))
    .filter((w) => /^\p{L}/u.test(w) && !FILLER.has(w) && !COURTESY_END.test(w) && !label.has(w));
  // Every word one that searched, or a word the catalog's names are made of — not an option's value ("die
  // Winterregelung" of a build to order), nor a word of the story ("die Leitung am Rückzug machen wir gleich mit").
  const product = (w: string) =>
    (searched.has(w) || ctx.k.headWord(w) || ctx.k.inflectedNameWord(w)) && !ctx.k.configWords.has(w);
  // And one word that says what a product is, or one the catalog does not know — not only values that describe the
  // item before ("…, die grauen spurlosen").
  const known = (w: string) => ctx.k.inflectedNameWord(w) || ctx.k.inflectedNameWord(stemOf(w));
  const kind = (w: string) => ctx.k.headWord(w) || (searched.has(w) && !known(w));
  return words.length > 0 && words.length <= 3 && words.some(kind) && words.every(product);
}
/** A list line's label: the words before its colon ("Truck 4: …", "deck oven 1: …"). */
const LABEL_LEAD = /^[^:\n]{1,40}:\s+/u;

/** Words that add to what the order already holds ("3 more", "another 2", "noch 2", "weitere 4"). */
const ADDS_TO = /\b(more|another|additional|extra|weitere\w*|zusätzlich\w*|noch)\b/i;
/**
 * "doch nur 2 Kanister, einer steht eh noch im Lager", "just 2 cans, we still have one": a count said as all there is
 * (led by "only", "nur") replaces the line's count, whatever "noch"/"still" says further on.
 */
const LIMITED_COUNT =
  /(?<![\p{L}])(?:only|just|merely|nur|bloß|bloss|lediglich)\s+(?:noch\s+)?(?:\d|(?:one|two|three|ein|eine|einen|zwei|drei)(?![\p{L}]))/iu;
/** Whether the words add the count said to the line's ("noch 2 Kanister"), not replace it ("nur 2 Kanister"). */
export const addsToLine = (text: string): boolean => ADDS_TO.test(text) && !LIMITED_COUNT.test(text);

/**
 * The one line of the order with this item's product for the same machine (none named: any), not yet edited in this
 * message and not configured — the line a count said again for the product is for.
 */
function restatedLine(
  ctx: Ctx,
  item: { sku: string; unit?: string },
  machineId: string | undefined,
  taken: Set<string>,
): { lineId: string; quantity: number } | undefined {
  const lines = ctx.conv.draft.lines.filter(
    (l) =>
      l.sku === item.sku &&
      !taken.has(l.lineId) &&
      !(l.options && Object.keys(l.options).length) &&
      (!machineId || (l.machineId ?? ctx.conv.draft.machineId) === machineId),
  );
  return lines.length === 1 ? { lineId: lines[0]!.lineId, quantity: lines[0]!.quantity } : undefined;
}

/** Words of a switch said with new items ("Then please the 14 inch shares …", "dann lieber …", "instead"). */
const SWITCHING = /\b(?:then|instead|rather|actually|dann|lieber|stattdessen|doch)\b/iu;

/**
 * "Ah ok, you are right … Then please the 14 inch shares, 4 left 4 right": an item said with a switch word, of the kind
 * of a line on the order that does not fit the same machine while the item does, replaces that line (the one whose name
 * shares most words with the item's) rather than going on beside it.
 */
function replacing(ctx: Ctx, sku: string, machineId: string | undefined, taken: Set<string>): string | undefined {
  if (!SWITCHING.test(ctx.conv.text)) return undefined;
  const products = ctx.k.reader.products([sku, ...ctx.conv.draft.lines.map((l) => l.sku)]);
  const category = products.get(sku)?.category;
  if (!category) return undefined;
  // The item's machine, or — none named in the message — the machine of the line it replaces.
  const lines = ctx.conv.draft.lines.filter((l) => {
    const machine = ctx.conv.machines?.find((m) => m.machineId === l.machineId);
    return (
      !!machine &&
      (machineId === undefined || l.machineId === machineId) &&
      !taken.has(l.lineId) &&
      l.sku !== sku &&
      products.get(l.sku)?.category === category &&
      !fitsOn(ctx, l.sku, machine) &&
      fitsOn(ctx, sku, machine)
    );
  });
  if (lines.length === 0) return undefined;
  const names = ctx.k.allNames([sku, ...lines.map((l) => l.sku)]);
  const words = new Set(nameWords(names.get(sku) ?? ""));
  const shared = (l: (typeof lines)[number]) =>
    [...nameWords(names.get(l.sku) ?? "")].filter((w) => words.has(w)).length;
  const best = Math.max(...lines.map(shared));
  const top = lines.filter((l) => shared(l) === best);
  return top.length === 1 ? top[0]!.lineId : undefined;
}

/**
 * The line of the latest earlier order that holds the product the words name (the one they identify, else the first of
 * their candidates an earlier order holds).
 */
function lastOrderRow(ctx: Ctx, a: Analysis): { sku: string; quantity: number; machineId: string | null } | undefined {
  const rows = (ctx.conv.history ?? []) as {
    orderedAt: string;
    sku: string;
    quantity: number;
    machineId: string | null;
  }[];
  const hits = a.guess ? (a.guess.confident ? a.guess.hits.slice(0, 1) : a.guess.hits.slice(0, 8)) : [];
  const hit = hits.find((h) => rows.some((r) => r.sku === h.sku));
  if (!hit) return undefined;
  return rows.filter((r) => r.sku === hit.sku).reduce((x, y) => (y.orderedAt > x.orderedAt ? y : x));
}

export function fromHistory(ctx: Ctx, a: Analysis, memo: MemoFn): Step {
  const rows = (ctx.conv.history ?? []) as {
    orderId: string;
    orderedAt: string;
    sku: string;
    quantity: number;
    machineId: string | null;
  }[];
  // "das gleiche wie im März …, diesmal 10 statt 6": the order of that month, the lines the words name.
  const ofMonth = orderOfMonth(ctx, ctx.conv.text, a)?.lines;
  if (ofMonth?.length)
    return {
      calls: ofMonth.map((l) => ({
        name: "add_line",
        args: { sku: l.sku, quantity: l.again, ...(l.machineId ? { machineId: l.machineId } : {}) },
      })),
      memo: memo(),
    };
  let pick = rows;
  if (a.machine) pick = pick.filter((r) => r.machineId === a.machine!.machineId);
  if (a.guess) {
    const hits = a.guess.hits.map((h) => h.sku);
    // ("zwei Kübel UTTO wie letztes Mal" where the last pail was HEES oil: the pail word finds both, UTTO only the UTTO
    // oils — the earlier product lacks a word of the kind asked for, and it is no reorder.)
    const guessed = ofStatedKind(
      ctx,
      pick.filter((r) => hits.includes(r.sku)),
      hits,
    );
    // "die gleichen Schütze wie letztes Mal": the words name products of the history, in either language — unless
    // they clearly name one product that was never ordered before (then it is no reorder).
    pick = (
      guessed.length ? guessed : a.guess.confident ? [] : ofStatedKind(ctx, historyByWords(ctx, pick), hits)
    ).slice(0, 1);
  } else {
    // "für Stapler 7 bitte die Filter wie immer": a word the conversation uses too guesses no product, yet names the
    // rows of the earlier orders whose products it names (their names or keywords) — not the latest order whole. The
    // words of the buyer's machines name none.
    const named = linesNamedBy(ctx, withoutMachineWords(ctx, ctx.conv.text), pick);
    if (named.length > 0 && named.length < pick.length) pick = named;
  }
  if (pick.length === 0) {
    return {
      text: say(
        ctx.lang,
        "I found no earlier order matching that.",
        "Dazu habe ich keine frühere Bestellung gefunden.",
      ),
      memo: memo(),
    };
  }
  // The most recent order among the matches, all its matching lines.
  const latest = [...pick].sort((x, y) => (x.orderedAt < y.orderedAt ? 1 : x.orderedAt > y.orderedAt ? -1 : 0))[0]!;
  const lines = pick.filter((r) => r.orderId === latest.orderId);
  return {
    calls: lines.map((l) => ({
      name: "add_line",
      args: {
        sku: l.sku,
        quantity: a.quantity?.value ?? l.quantity,
        ...(l.machineId ? { machineId: l.machineId } : {}),
      },
    })),
    memo: memo(),
  };
}

/** The text without the words of the buyer's machine labels ("Stapler 7", "Line 2 flow wrapper"). */
function withoutMachineWords(ctx: Ctx, text: string): string {
  const labels = new Set((ctx.conv.machines ?? []).flatMap((m) => wordsOf(m.label)));
  return text.replace(/[\p{L}]+/gu, (w) => (labels.has(w.toLowerCase()) ? " " : w));
}

/**
 * Of these history rows, those whose products carry every word of the buyer's that is a word of a name of the products
 * found for the words (`found`), as written: a word naming some of them ("UTTO" of two oils of four found by "Kübel")
 * states the kind asked for. (As written: a word the search only stems or spells to a name is no kind stated.) The
 * earlier product carries it in any form.
 */
function ofStatedKind<R extends { sku: string }>(ctx: Ctx, rows: R[], found: string[]): R[] {
  if (rows.length === 0) return rows;
  const names = namesOf(ctx, [...new Set([...rows.map((r) => r.sku), ...found])]);
  const written = new Map([...names].map(([sku, name]) => [sku, new Set(wordsOf(name))]));
  const kind = ctx.tokens
    .map((t) => t.lower)
    .filter((w) => w.length > 2 && !/\d/.test(w) && !ctx.k.corpusWords.has(w) && !FILLER.has(w))
    .filter((w) => found.some((sku) => written.get(sku)?.has(w)));
  // (The earlier product may carry the word in another form: "Filter" in "Rücklauffilterelement".)
  return rows.filter((r) => kind.every((w) => nameCarries(ctx, w, names.get(r.sku) ?? "")));
}

/** History rows whose product names carry the buyer's words (plural and compound forms too), best first. */
function historyByWords<R extends { sku: string }>(ctx: Ctx, rows: R[]): R[] {
  const words = ctx.tokens
    .map((t) => t.lower)
    .filter((w) => w.length > 3 && !/\d/.test(w) && !ctx.k.corpusWords.has(w))
    // Plural endings off ("Schütze" → "schütz", "sensors" → "sensor").
    .map((w) => (w.length > 5 ? w.replace(/(en|e|n|s)$/, "") : w));
  if (words.length === 0) return [];
  const names = namesOf(ctx, [...new Set(rows.map((r) => r.sku))]);

  const score = (sku: string) => {
    const have = wordsOf(names.get(sku) ?? "").filter((x) => x.length > 3);
    return words.filter((w) => have.some((x) => x.startsWith(w) || w.startsWith(x) || (w.length > 4 && x.endsWith(w))))
      .length;
  };
  const best = Math.max(0, ...rows.map((r) => score(r.sku)));
  return best > 0 ? rows.filter((r) => score(r.sku) === best) : [];
}

interface Verdict {
  /** 0 fits, 1 fits with a caution, 2 fits but cannot be ordered alone or any more, 3 does not fit. */
  rank: 0 | 1 | 2 | 3;
  why?: string;
}

/** The products of these built to order (a configuration model: made to measure, configured). */
export function builtToOrder(ctx: Ctx, skus: string[]): Set<string> {
  return new Set([...ctx.k.reader.products(skus).values()].filter((p) => p.configModelId).map((p) => p.sku));
}

/** " ✓ fits", " ✓ fits, but: …", " ✗ <why>" after a listed product; nothing without a verdict or a fitment. */
export function fitMark(v: Verdict | undefined, lang: Lang, fitsMachine?: boolean): string {
  if (v) {
    if (v.rank === 0) return say(lang, " ✓ fits", " ✓ passt");
    if (v.rank === 1 || v.rank === 2)
      return v.why ? say(lang, ` ✓ fits, but: ${v.why}`, ` ✓ passt, aber: ${v.why}`) : say(lang, " ✓ fits", " ✓ passt");
    return ` ✗ ${v.why ?? say(lang, "does not fit", "passt nicht")}`;
  }
  return fitsMachine ? say(lang, " ✓ fits", " ✓ passt") : "";
}

/**
 * A check_compatibility result as a rank and the reason in a few words, taken from the engine's issue message. The
 * rank is the engine's own (tools/fit-rank.ts), the same that orders its replacement fixes.
 */
export function verdictOf(data: Record<string, unknown>, lang: Lang): Verdict {
  const issues = (data.issues as IssueFacts[] | undefined) ?? [];
  const { rank, reason } = fitRank(issues);
  // No verdict at all (an error result): it does not fit as far as we know.
  if (data.compatible !== true && rank < 2) return { rank: 3 };
  // The reason in the buyer's language, from the engine's typed message (never its English string).
  return reason && rank > 0 ? { rank, why: shortReason(issueText(reason, lang)) } : { rank };
}

/**
 * "SE-X: FKM has only limited resistance to caustic-cip (Pump 2); check the conditions of use." → "FKM has only
 * limited resistance to caustic-cip": the first clause, without the SKU prefix and the machine named in brackets.
 */
export function shortReason(message: string): string {
  // The subject may carry the product's name ("SV-X (Magnetventil … (ohne Spule)): …"): one level of brackets in it.
  // A SKU may hold small letters ("FRK-2A-1150-80x40") but holds a digit or a joining mark.
  const first = message
    .replace(/^(?=[^\s:]*[\d._/-])[A-Z0-9][\w._/-]*(?: \((?:[^()]|\([^()]*\))*\))?(?: \([^()]*\))?:\s+/, "")
    .split(/[;:]\s|\.\s|\.$/)[0]!
    .trim();
  return first
    .replace(/\s*\([^()]*\)$/, "")
    .replace(/\.$/, "")
    .trim();
}

const normWords = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/^\d/.test(w))
    .map(stemOf);
const sameWord = (a: string, b: string) =>
  a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Whether a product's name carries a word of the query (as `relevant` reads names: a compound ending in it too). */
export function nameCarries(ctx: Ctx, query: string, name: string): boolean {
  const words = normWords(query).map((w) => stemOf(ctx.k.search.correctWord(w) ?? w));
  const have = normWords(name);
  return words.some((w) =>
    have.some((x) => sameWord(w, x) || (w.length >= 4 && x.length >= w.length + 3 && x.endsWith(w))),
  );
}

/**
 * What a name says beside the words of the request it carries: the words next to them, before the name's first comma
 * or bracket, that are neither words of the request nor designations (codes such as "EO", "BW", numbers). "PTO shaft
 * guard set" for "drive shaft" → guard; "Dichtungssatz Heizelement (…)" for "Heizelement" → dichtungssatz; "Heizelement
 * EO 4-80" → nothing. Undefined when the name carries no word of the request.
 */
export function besideRequest(ctx: Ctx, query: string, name: string): string[] | undefined {
  const words = normWords(query).map((w) => stemOf(ctx.k.search.correctWord(w) ?? w));
  const carries = (x: string) =>
    words.some((w) => sameWord(w, x) || (w.length >= 4 && x.length >= w.length + 3 && x.endsWith(w)));
  const head = name.split(/[,(;:[]/u)[0] ?? "";
  const code = (t: string) => /\d/u.test(t) || t.length < 2 || (t.length <= 4 && t === t.toUpperCase());
  // A hyphenated compound is one word named by its last part: "RO-Membran" is a membrane, "Membran-Verbinder" not.
  const parts = head.split(/\s+/u).map((t) => t.split(/[^\p{L}\p{N}]+/u).filter((x) => x && !code(x)));
  // (A designation keeps its place: "RO-Membran BW 4040 Low Energy" says nothing beside "Membran".)
  const norm = parts.map((p) => (p.length ? stemOf(p.at(-1)!.toLowerCase()) : undefined));
  const hit = norm.map((w) => !!w && carries(w));
  const beside = new Set<string>();
  parts.forEach((p, i) => {
    if (p.length > 1 && !hit[i] && p.slice(0, -1).some((x) => carries(stemOf(x.toLowerCase())))) beside.add(norm[i]!);
  });
  if (!hit.some(Boolean) && beside.size === 0) return undefined;
  hit.forEach((h, i) => {
    if (!h) return;
    for (const j of [i - 1, i + 1]) {
      const w = norm[j];
      if (w && !hit[j] && !FILLER.has(parts[j]!.at(-1)!.toLowerCase())) beside.add(w);
    }
  });
  return [...beside].sort();
}

/**
 * The search hits that are the kind of product the buyer asked for, judged from the catalog's own data: when query
 * words name categories ("seal" → "Seals, O-rings & gaskets"), hits from the best-named categories stay, and a hit
 * from another category only when its name carries more of the query than any of them (a "pump control box" is not
 * a pump, but asked for by name it stays). Without a category word, hits whose name carries none of the query stay
 * only in the categories of the best name matches. Order is kept; never empties the list.
 */
export function relevant<H extends { sku: string; name: string; category?: string }>(
  ctx: Ctx,
  query: string,
  hits: H[],
): H[] {
  if (query === "*" || hits.length < 2) return hits;
  const words = [...new Set(normWords(query).map((w) => stemOf(ctx.k.search.correctWord(w) ?? w)))];
  if (words.length === 0) return hits;
  const count = (have: string[]) => words.filter((w) => have.some((x) => sameWord(w, x))).length;
  // "Fett" names a "Wälzlagerfett": a German compound ends in the word it is a kind of.
  const named = (have: string[]) =>
    words.filter((w) =>
      have.some((x) => sameWord(w, x) || (w.length >= 4 && x.length >= w.length + 3 && x.endsWith(w))),
    ).length;
  const scored = hits.map((h) => {
    const catWords = [
      ...new Set((ctx.k.categoryWords.get(h.category ?? "") ?? normWords(h.category ?? "")).flatMap(normWords)),
    ];
    const n = count(catWords);
    // Equal counts: the category the words describe more completely ("Pumps" over "Pump spare parts" for "pump").
    return { h, name: named(normWords(h.name)), cat: n === 0 ? 0 : n + n / (catWords.length + 1) };
  });
  const bestCat = Math.max(...scored.map((s) => s.cat));
  let keep: typeof scored;
  if (bestCat > 0) {
    const inCat = scored.filter((s) => s.cat === bestCat);
    const bestInCat = Math.max(...inCat.map((s) => s.name));
    // "2 electrodes for the plasma cutter" where the glossary files "tungsten electrode" under its category: a hit
    // whose name says it is one ("Plasma electrode for PT-60 torch") stays too — its head noun is the one word asked.
    keep = scored.filter(
      (s) => s.cat === bestCat || s.name > bestInCat || (words.length === 1 && headNoun(s.h.name, words[0]!)),
    );
  } else {
    const bestName = Math.max(...scored.map((s) => s.name));
    const cats = new Set(scored.filter((s) => s.name === bestName).map((s) => s.h.category));
    keep = bestName > 0 ? scored.filter((s) => s.name > 0 || cats.has(s.h.category)) : scored;
  }
  return keep.length ? keep.map((s) => s.h) : hits;
}

/**
 * Whether a product's name says it is a `stem`: the last word of the words it leads with, up to a number, a code or
 * a "for"/"with" ("electrode" of "Plasma electrode for PT-60 torch", not "pump" of "Pump control box"), or the end of
 * the compound it leads with ("walze" of "Falzwalze FZ 56").
 */
function headNoun(name: string, stem: string): boolean {
  const lead: string[] = [];
  for (const w of name.split(/\s+/u)) {
    const word = w.toLowerCase().replace(/[,;:]+$/u, "");
    if (!/^\p{L}+(?:-\p{L}+)*$/u.test(word) || /^(?:for|für|fuer|with|mit|and|und|of)$/u.test(word)) break;
    lead.push(word);
    if (/[,;:]$/u.test(w)) break;
  }
  if (lead.length === 0) return false;
  const last = stemOf(lead.at(-1)!.split("-").at(-1)!);
  const first = lead[0]!.split("-").at(-1)!;
  return (
    (lead.length > 1 && sameWord(last, stem)) ||
    (stem.length >= 4 && first.length >= stem.length + 3 && stemOf(first).endsWith(stem))
  );
}

/** Feature names for the buyer's language, the catalog's default names where it has none in it. */
function featureNamesFor(ctx: Ctx): Record<string, string> {
  return { ...(ctx.k.reader.featureNames?.() ?? {}), ...(ctx.k.reader.featureNames?.(ctx.lang) ?? {}) };
}

/**
 * "2 Hydraulikschläuche 2SN DN12", "Kupfer-T-Stücke 5/8\"": a size or code the request writes with digits and letters
 * narrows the candidates to those whose name (in any language of the catalog) carries the most of them as a word —
 * the DN12 hoses, not every 2SN hose. Names that carry none leave the list as it is.
 */
const MONEY_WORDS = new Set([...CURRENCY, "percent", "prozent", "%"]);

function bySizes<H extends { sku: string }>(ctx: Ctx, pool: H[], counted?: number): H[] {
  if (pool.length < 2) return pool;
  const negated = (t: { start: number }) => ctx.u.negated.some((n) => n.start <= t.start && t.start < n.end);
  const sized = ctx.tokens
    .filter((t) => !negated(t))
    .map((t) => t.lower.replace(/["”]+$/u, ""))
    // "das 1,30er Netz", "den 63er": a size said with the German "-er" is the size; a bare decimal is one too.
    .map((w) => w.replace(/^(\d+(?:\.\d+)?)er$/u, "$1"))
    // "Gabeln, 1150 lang", "forks 1150 for truck 7": a bare number of three digits or more that is not the count is a
    // size the names may write ("Fork ISO 2A, 1150 mm"); a shorter one is as often a machine's or line's number.
    .filter(
      (w) =>
        /\d/.test(w) && (/[\p{L}/]/u.test(w) || /^\d+\.\d+$/.test(w) || (/^\d{3,}$/.test(w) && Number(w) !== counted)),
    );
  // "Contactor 12 A", "0,75 kW inverter": a number with a unit of the catalog's features, as names write it ("12 A",
  // "0.75 kW"); money and what the buyer negated ("kein C3") say nothing about which.
  // "80 Volt" as names write "80 V".
  const measured = ctx.tokens.flatMap((t, i) => {
    const said = ctx.tokens[i + 1]?.lower;
    // ("25 micron" as names write "25 µm".)
    const unit = said === undefined ? undefined : unitSymbol(said);
    if (!unit || !/^\d+(?:[.,]\d+)?$/.test(t.lower) || negated(t)) return [];
    if (!ctx.k.measureUnits.has(unit) || ctx.k.unitCodes.has(unit) || MONEY_WORDS.has(unit)) return [];
    const num = t.lower.replace(/[.,]/, "[.,]");
    const esc = unit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return [new RegExp(`(?<![\\d.,])${num}\\s?${esc}(?![\\p{L}\\d])`, "iu")];
  });
  // "saw blades with 72 teeth", "mit 72 Zähnen": a number beside the name of a numeric feature states its value.
  const stated = new Set(statedNumbers(ctx, pool));
  if (sized.length === 0 && measured.length === 0 && stated.size === 0) return pool;
  const names = ctx.k.allNames(pool.map((h) => h.sku));
  const carried = (sku: string) => {
    const name = names.get(sku) ?? "";
    const words = nameWords(name);
    return (
      sized.filter((w) => words.has(w)).length +
      measured.filter((re) => re.test(name)).length +
      (stated.has(sku) ? 1 : 0)
    );
  };
  const best = Math.max(...pool.map((h) => carried(h.sku)));
  return best === 0 ? pool : pool.filter((h) => carried(h.sku) === best);
}

/**
 * The candidates whose numeric feature values the text states beside the feature's name ("72 teeth", "mit 72
 * Zähnen"): none when it states none. A number with a unit alone ("1.2 mm") is read against the names (`measured`):
 * any feature of that number would narrow by a value the buyer did not mean.
 */
function statedNumbers(ctx: Ctx, pool: { sku: string }[]): string[] {
  if (!ctx.tokens.some((t) => /\d/.test(t.lower))) return [];
  const features = ctx.k.reader.features(pool.map((h) => h.sku));
  const numeric = (sku: string) =>
    Object.fromEntries(Object.entries(features.get(sku) ?? {}).filter(([, v]) => typeof v === "number"));
  const found = byStatedValue(
    ctx,
    pool.map((h) => ({ id: h.sku, features: numeric(h.sku) })),
    undefined,
    true,
  );
  return found.length < pool.length ? found : [];
}

/** Candidates sold in `unit` first, the others after them, each group in its order. */
function soldIn<H extends { sku: string }>(ctx: Ctx, hits: H[], unit: string | undefined): H[] {
  if (!unit || hits.length < 2) return hits;
  const products = ctx.k.reader.products(hits.map((h) => h.sku));
  const inUnit = (h: H) => products.get(h.sku)?.orderUnit === unit;
  return [...hits.filter(inUnit), ...hits.filter((h) => !inUnit(h))];
}

/**
 * "2 Farbauftragwalzen von der großen Heidi zum Neubeziehen": a group of a configurable product the buyer left open
 * whose values name machine models in their labels ("Farbauftragwalze OF 105", "CB16 — counterbalance trucks EF 316"),
 * one of them the model of the machine the line is for — that value (the engine still checks the build).
 */
function machineOptions(
  ctx: Ctx,
  sku: string,
  machineId: string | undefined,
  stated: Record<string, string[]>,
): Record<string, string[]> {
  const machine = machineId ? ctx.conv.machines?.find((m) => m.machineId === machineId) : undefined;
  const id = machine ? ctx.k.reader.products([sku]).get(sku)?.configModelId : undefined;
  const model = id ? ctx.k.reader.configModel(id) : undefined;
  const parts = machine?.model.match(/\p{L}+|\p{N}+/gu);
  if (!model || !parts || parts.length < 2) return {};
  // The model's code as a label writes it: its letters and digits apart or joined ("OF 105", "OF-105", "OF105").
  const code = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("[\\s-]?")}(?![\\p{N}])`, "iu");
  const out: Record<string, string[]> = {};
  for (const g of model.groups) {
    if (stated[g.code]?.length) continue;
    const named = g.options.filter((o) => code.test(o.label));
    if (named.length === 1) out[g.code] = [named[0]!.value];
  }
  return out;
}
