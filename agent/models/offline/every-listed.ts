/**
 * "both", "beide bitte", "bei beiden", "nehm ich alle beide" to an open list: every product it names goes on the order
 * — the two of a list of two, or the two the answer's words tie among a longer list ("die Kohle/Keramik mit EPDM bei
 * beiden"), or the two the answer's own search finds when it names none listed. Each is counted as the request was
 * ("2 Gleitringdichtungen … beide": 2 of each), or as the answer counts "each" ("both, 2 of each").
 */
import type { ChooseProduct } from "./conversation.ts";
import { action } from "./actions.ts";
import { analyse, type Ctx, type MemoFn, type Step, tiedByWords } from "./context.ts";
import { EVERY_LISTED, NONE_LISTED } from "./language.ts";
import { hasMarker } from "./nlu/evidence.ts";
import { findChoice } from "./recognise.ts";

/** The cues of a question or of a look-up: "sind beide lagernd?", "what do both cost" take nothing. */
const ASKING = ["stock", "compat", "info", "find"] as const;
/** "beide, jeweils 4", "both, 3 each": the count of each, no price asked ("je Stück" would be). */
const EACH = /(?<![\p{L}])(?:je|jeweils|each)(?![\p{L}])/giu;

/** The products "both" points at, when the answer takes every one of them; undefined otherwise. */
export function everyListed(ctx: Ctx, pending: ChooseProduct): string[] | undefined {
  const text = ctx.conv.text;
  if (!EVERY_LISTED.test(text) || NONE_LISTED.test(text) || text.includes("?")) return undefined;
  if (ASKING.some((c) => ctx.cues.has(c)) || findChoice(ctx.tokens) !== undefined) return undefined;
  if (ctx.cues.has("price") && hasMarker("price", text.replace(EACH, " "))) return undefined;
  // "both, and 2 gaskets DN40": a product the answer names outside the list is a request of its own beside it.
  const g = analyse(ctx).guess;
  if (g?.confident && !pending.skus.includes(g.hits[0]!.sku)) return undefined;
  if (pending.skus.length === 2) return pending.skus;
  const ties = tiedByWords(ctx, pending.skus);
  if (ties.length === 2 && ties.length < pending.skus.length) return ties;
  const hits = g?.hits ?? [];
  const found = hits.map((h) => h.sku).filter((s) => !pending.skus.includes(s));
  return ties.length === 0 && hits.length === 2 && found.length === 2 ? found : undefined;
}

/** Every product `everyListed` names, added for the list's machine in the count of the request (or of the answer). */
export function addEveryListed(ctx: Ctx, pending: ChooseProduct, memo: MemoFn): Step | undefined {
  const skus = everyListed(ctx, pending);
  if (!skus) return undefined;
  const a = analyse(ctx);
  // "both, 2 of each": a digit of the answer counts each; "beide" alone is no count of its own.
  const said = ctx.tokens.some((t) => /^\d/.test(t.lower)) ? a.quantity : undefined;
  const quantity = said?.value ?? pending.quantity;
  if (!quantity) return undefined;
  const unit = said ? said.unit : pending.unit;
  const steps = skus.map((sku) =>
    action(ctx, "add", sku, { ...a, quantity: undefined }, memo, {
      ...(pending.machineId ? { machineId: pending.machineId } : {}),
      quantity,
      ...(unit ? { unit } : {}),
    }),
  );
  if (!steps.every((s) => s.calls?.length && s.calls.every((c) => c.name === "add_line"))) return undefined;
  return { calls: steps.flatMap((s) => s.calls!), memo: steps.at(-1)!.memo };
}
