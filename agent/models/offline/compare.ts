/**
 * "What's the difference between the DML 083 and the DCL 083?", "Unterschied zwischen X und Y?", "X vs Y": two
 * products named to be compared. The answer sets them side by side from tool results — the customer's price
 * (get_price) and the catalog's features (get_product), the features where they differ named — and takes nothing; the
 * two are then offered as a list ("the DML then, 2 pcs" picks one). The comparison words are ordinary language.
 */
import { z } from "zod";
import { featureWords } from "../../../tools/messages/format.ts";
import { fitMark, itemParts, verdictOf } from "./actions.ts";
import { type ChooseProduct, listOf } from "./conversation.ts";
import { analyse, type Ctx, type MemoFn, type Step, type ToolCallPlan } from "./context.ts";
import { findChoice } from "./recognise.ts";
import { money, numbered, say } from "./replies.ts";
import { fetchedPrices } from "./references.ts";

/** Words that ask for two things to be compared. */
const COMPARE =
  /\b(?:difference|differences|differ|compare[ds]?|comparison|versus|vs\.?|unterschied\w*|unterscheide\w*|vergleich\w*|gegenüber)\b/iu;
/** The words that join the two compared things, and the question around them. */
const JOIN =
  /\s*(?:\bbetween\b|\bzwischen\b|\band\b|\bund\b|\bversus\b|\bvs\.?|\bor\b|\boder\b|\bgegenüber\b|[,;/])\s*/iu;

const productResult = z.looseObject({
  data: z.looseObject({ sku: z.string(), name: z.string(), features: z.record(z.string(), z.unknown()).optional() }),
});

/** The two products the message names for a comparison, if it asks for one and names exactly two. */
export function comparedProducts(ctx: Ctx): string[] | undefined {
  const text = ctx.conv.text;
  if (!COMPARE.test(text)) return undefined;
  const parts = text
    .split(JOIN)
    .concat(itemParts(ctx, text))
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
  const listed = listedCompared(ctx);
  if (listed) return listed;
  const skus: string[] = [];
  for (const part of parts) {
    const g = analyse(ctx, part).guess;
    const sku = g?.confident ? g.hits[0]!.sku : undefined;
    if (sku && !skus.includes(sku)) skus.push(sku);
  }
  return skus.length === 2 ? skus : undefined;
}

/** "the first two", "die ersten beiden": the first two items of the list. */
const FIRST_TWO = /\b(?:first two|first 2|top two|ersten (?:beiden|zwei|2))\b/iu;
/** "both", "the two", "beide": the two items of a list of two. */
const BOTH = /\b(?:both|the two|beide\w*|die zwei)\b/iu;

/**
 * "what's the difference between the first two?", "the 1st and the 3rd?", "Unterschied zwischen 1 und 2?", "what's the
 * difference between the two?" while a list is open: the two listed items the ordinals, digits or words name.
 */
function listedCompared(ctx: Ctx): string[] | undefined {
  const list = openList(ctx)?.skus;
  if (!list || list.length < 2) return undefined;
  const text = ctx.conv.text;
  if (FIRST_TWO.test(text)) return list.slice(0, 2);
  const picks = [
    ...new Set(
      ctx.tokens
        .map((t) => findChoice([t]))
        .filter((n): n is number => n !== undefined && n !== 0 && n <= list.length)
        .map((n) => (n === -1 ? list.length : n)),
    ),
  ];
  if (picks.length === 2) return picks.map((n) => list[n - 1]!);
  if (picks.length === 0 && list.length === 2 && BOTH.test(text)) return [...list];
  return undefined;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v === undefined ? "—" : String(v));

/**
 * The list the compared items were listed from ("which filter driers for the edeka freezer?" → "the difference between
 * the first two?"): what it was for — its machine, count and options — stays with the two.
 */
function listedFrom(ctx: Ctx, skus: string[]): ChooseProduct | undefined {
  const list = openList(ctx);
  return list && skus.every((sku) => list.skus.includes(sku)) ? list : undefined;
}

/** The list still open to choose from (also behind a quantity asked of its pick). */
const openList = (ctx: Ctx) => listOf(ctx.conv.memo.pending);

/** The comparison: prices and product data fetched first, then the two side by side. */
export function compareNamed(ctx: Ctx, skus: string[], memo: MemoFn, named?: string): Step {
  const { lang, conv } = ctx;
  const from = listedFrom(ctx, skus);
  // A list for a machine is open: the two are compared for it also when one was not on the list ("the DCL 084 or the
  // DML 084?" after the driers for the freezer) — the machine was the conversation's, the count and options the list's.
  const machineId = named ?? from?.machineId ?? openList(ctx)?.machineId;
  const done = (name: string, sku: string) => conv.results.find((r) => r.name === name && r.args.sku === sku);
  const checked = (sku: string) =>
    conv.results.find((r) => r.name === "check_compatibility" && r.args.sku === sku && r.args.machineId === machineId);
  const calls: ToolCallPlan[] = [];
  const moq = ctx.k.reader.products(skus);
  for (const sku of skus) {
    if (!done("get_product", sku) && ctx.tools.has("get_product"))
      calls.push({ name: "get_product", args: { sku, language: lang } });
    if (!done("get_price", sku) && ctx.tools.has("get_price"))
      calls.push({ name: "get_price", args: { sku, quantity: moq.get(sku)?.moq ?? 1 } });
    // For a machine: whether each fits it, as the list said.
    if (machineId && !checked(sku) && ctx.tools.has("check_compatibility"))
      calls.push({ name: "check_compatibility", args: { sku, machineId } });
  }
  if (calls.length) return { calls, memo: memo(undefined) };
  const prices = fetchedPrices(ctx, skus);
  const data = skus.map((sku) => {
    const r = done("get_product", sku);
    const p = r && !r.error ? productResult.safeParse(r.data) : undefined;
    return p?.success ? p.data.data : { sku, name: "", features: {} };
  });
  const currency = (sku: string) => {
    const r = done("get_price", sku);
    return r && !r.error ? (r.data as { currency?: unknown }).currency : undefined;
  };
  const names = { ...(ctx.k.reader.featureNames?.() ?? {}), ...(ctx.k.reader.featureNames?.(lang) ?? {}) };
  const [a, b] = data as [(typeof data)[number], (typeof data)[number]];
  const keys = [...new Set([...Object.keys(a.features ?? {}), ...Object.keys(b.features ?? {})])];
  const differ = keys
    .filter((k) => show(a.features?.[k]) !== show(b.features?.[k]))
    .map((k) => `${names[k] ?? featureWords(k)}: ${show(a.features?.[k])} / ${show(b.features?.[k])}`);
  const priced = (sku: string) =>
    prices.has(sku)
      ? say(
          lang,
          `${money(prices.get(sku), currency(sku), lang)} each (your price)`,
          `${money(prices.get(sku), currency(sku), lang)} je Einheit (Ihr Preis)`,
        )
      : say(lang, "no price for you", "kein Preis für Sie");
  const fitOf = (sku: string) => {
    const r = machineId ? checked(sku) : undefined;
    return r && !r.error ? fitMark(verdictOf(r.data, lang), lang) : "";
  };
  const list = numbered(data.map((p) => `${p.sku} — ${p.name}: ${priced(p.sku)}${fitOf(p.sku)}`));
  const diff = differ.length
    ? say(lang, `They differ in — ${differ.join("; ")}.`, `Sie unterscheiden sich in — ${differ.join("; ")}.`)
    : say(lang, "Their catalog data show no difference.", "In den Katalogdaten unterscheiden sie sich nicht.");
  return {
    text: `${list}\n${diff}\n${say(lang, "Which one would you like, and how many?", "Welchen Artikel möchten Sie, und wie viele?")}`,
    memo: memo({
      kind: "choose_product",
      skus,
      action: "add",
      said: conv.text,
      ...(machineId ? { machineId } : {}),
      ...(from?.quantity ? { quantity: from.quantity, ...(from.unit ? { unit: from.unit } : {}) } : {}),
      ...(from?.options ? { options: from.options } : {}),
    }),
  };
}

/**
 * "what's the difference between 1 and 2?", "was ist der Unterschied zwischen den beiden?" with no list to take two
 * items from and no two products named: a comparison is asked, which two is not said — asked back, nothing changed
 * (the numbers are no count of a line).
 */
export function comparisonUnnamed(ctx: Ctx): boolean {
  const text = ctx.conv.text;
  return COMPARE.test(text) && text.includes("?") && !comparedProducts(ctx);
}

export function whichTwo(ctx: Ctx, keep: MemoFn): Step {
  return {
    text: say(
      ctx.lang,
      "Which two products shall I compare? Name them (SKU or name), or name two of a list I showed by their numbers.",
      "Welche zwei Artikel soll ich vergleichen? Nennen Sie sie (Artikelnummer oder Name) oder zwei Nummern einer Liste, die ich gezeigt habe.",
    ),
    memo: keep(),
  };
}
