/**
 * One decision of the offline consultant: given the conversation (derived from the messages) and the catalog,
 * either call tools or answer. A buyer turn is a short script — e.g. "add": resolve product and machine, call
 * add_line, then phrase the engine's verdict — and each model call advances it by looking at which tool results
 * of this turn are already there. Deterministic: same messages, same step.
 */
import type { Conversation, Memo, Pending } from "./conversation.ts";
import type { Cue } from "./language.ts";
import { INTENT_THRESHOLD, type Understanding } from "./nlu/understand.ts";
import { findLineRef, findPoReference, tokenizeText, type Knowledge } from "./recognise.ts";
import { redirect, say } from "./replies.ts";
import {
  analyse,
  optionsFor,
  targetLine,
  variantOf,
  type Ctx,
  type MemoFn,
  type Step,
  type ToolCallPlan,
} from "./context.ts";
import { action, find, fromHistory, multiAdd } from "./actions.ts";
import { answerPending, isQuestionAboutOther } from "./answers.ts";
import { afterCheckout, afterEdits, machineList, refusal, startCheckout } from "./phrasing.ts";

export type { Step, ToolCallPlan } from "./context.ts";

const DRAFT_TOOLS = new Set([
  "add_line",
  "update_line",
  "remove_line",
  "set_options",
  "set_machine",
  "set_order_details",
  "clear_draft",
]);

export function decide(whole: Conversation, k: Knowledge, tools: Set<string>, u: Understanding): Step {
  const lang = u.lang;
  // A compound message with an illegitimate clause: that clause is refused, the rest is served as the message.
  const conv = u.attack && u.rest ? { ...whole, text: u.rest } : whole;
  const ctx: Ctx = {
    conv,
    k,
    lang,
    u,
    cues: u.cues,
    tokens: tokenizeText(conv.text),
    tools,
    analyses: new Map(),
  };
  const step = decideClauses(ctx);
  if (u.attack && u.rest && step.text && !step.calls?.length)
    return { ...step, text: `${refusal(u.attack, lang)}\n${step.text}` };
  return step;
}

function decideClauses(ctx: Ctx): Step {
  const { conv, k, lang, tools, u } = ctx;
  void k;
  const memo = (pending?: Pending, focusSku?: string): Memo => ({
    lang,
    ...(pending ? { pending } : {}),
    ...((focusSku ?? conv.memo.focusSku) ? { focusSku: focusSku ?? conv.memo.focusSku } : {}),
  });

  // Know the buyer's machines (and, when asked for, their history) before reading references to them.
  const prelude: ToolCallPlan[] = [];
  if (!conv.machines && !conv.results.some((r) => r.name === "get_installed_base") && tools.has("get_installed_base"))
    prelude.push({ name: "get_installed_base", args: {} });
  if (
    ctx.cues.has("history") &&
    !conv.history &&
    !conv.results.some((r) => r.name === "get_order_history") &&
    tools.has("get_order_history")
  )
    prelude.push({ name: "get_order_history", args: {} });
  if (prelude.length) return { calls: prelude, memo: memo(conv.memo.pending) };

  // After draft edits or a checkout request, phrase what the tools said.
  const edits = conv.results.filter((r) => DRAFT_TOOLS.has(r.name));
  const checkout = conv.results.find((r) => r.name === "review_order" || r.name === "place_order");
  if (checkout && (checkout.data.report || checkout.error)) return afterCheckout(ctx, checkout, memo);
  if (edits.length) return afterEdits(ctx, edits, memo);

  if (u.attack && !u.rest) return { text: refusal(u.attack, lang), memo: memo(conv.memo.pending) };

  // A complete new request (several products with quantities) wins over an open question.
  const multi = multiAdd(ctx);
  if (multi) return multi;

  const pending = conv.memo.pending;
  if (pending && !isQuestionAboutOther(ctx, pending)) {
    const step = answerPending(ctx, pending, memo);
    if (step) return step;
  }
  return fresh(ctx, memo);
}

function fresh(ctx: Ctx, memo: MemoFn): Step {
  const { conv, cues, lang } = ctx;
  const draft = conv.draft;
  if (cues.has("list_machines")) return machineList(ctx, memo);
  if (cues.has("cancel")) {
    if (draft.lines.length === 0)
      return {
        text: say(
          lang,
          "There is nothing in your order to cancel.",
          "Ihre Bestellung ist leer, es gibt nichts zu verwerfen.",
        ),
        memo: memo(),
      };
    return { calls: [{ name: "clear_draft", args: {} }], memo: memo() };
  }
  const a = analyse(ctx);
  // Misspelt words alone may be small talk; said about one of the buyer's machines they are a product request.
  const productCue =
    ["add", "find", "price", "stock", "compat", "info", "change", "remove", "history"].some((c) =>
      cues.has(c as Cue),
    ) ||
    !!a.quantity ||
    !!a.machine;
  if (a.guess?.hits.every((h) => h.match === "text_fuzzy") && !productCue) {
    return { text: redirect(lang), memo: memo(conv.memo.pending) };
  }
  if (cues.has("checkout") && !a.guess) return startCheckout(ctx, "place", memo);
  if (cues.has("show") && !a.guess) return startCheckout(ctx, "review", memo);

  const lineId = targetLine(ctx, a);
  if (cues.has("remove") && lineId) return { calls: [{ name: "remove_line", args: { lineId } }], memo: memo() };
  if (cues.has("remove") && draft.lines.length === 0)
    return { text: say(lang, "Your order is empty.", "Ihre Bestellung ist leer."), memo: memo() };

  // Order details: PO reference, requested date.
  const po = findPoReference(conv.text);
  const date = ctx.u.date;
  if ((po || (date && !a.guess)) && draft.lines.length > 0) {
    return {
      calls: [
        {
          name: "set_order_details",
          args: { ...(po ? { poReference: po } : {}), ...(date ? { requestedDate: date } : {}) },
        },
      ],
      memo: memo(),
    };
  }

  // Change of mind on an existing line: quantity, product or options.
  if (lineId && (cues.has("change") || findLineRef(conv.text)) && draft.lines.length > 0) {
    const line = draft.lines.find((l) => l.lineId === lineId)!;
    const lineCategory = ctx.k.reader.products([line.sku]).get(line.sku)?.category;
    const g = a.guess?.confident ? a.guess.hits[0]! : undefined;
    // A named SKU replaces the line; words alone only when they point into the line's own category.
    if (g && g.sku !== line.sku && (g.match.startsWith("sku") || g.category === lineCategory)) {
      return {
        calls: [
          { name: "update_line", args: { lineId, sku: g.sku, ...(a.quantity ? { quantity: a.quantity.value } : {}) } },
        ],
        memo: memo(),
      };
    }
    const variant = optionsFor(ctx, line.sku) ? undefined : variantOf(ctx, line);
    if (variant)
      return {
        calls: [
          {
            name: "update_line",
            args: { lineId, sku: variant, ...(a.quantity ? { quantity: a.quantity.value } : {}) },
          },
        ],
        memo: memo(),
      };
    if (a.quantity)
      return {
        calls: [
          {
            name: "update_line",
            args: { lineId, quantity: a.quantity.value, ...(a.quantity.unit ? { unit: a.quantity.unit } : {}) },
          },
        ],
        memo: memo(),
      };
    const opts = optionsFor(ctx, line.sku);
    if (opts) return { calls: [{ name: "set_options", args: { lineId, options: opts } }], memo: memo() };
  }

  // "Same as last time"
  if (cues.has("history") && conv.history) return fromHistory(ctx, a, memo);

  const sku = a.guess?.confident ? a.guess.hits[0]!.sku : undefined;
  const focus =
    sku ?? (a.guess ? undefined : (conv.memo.focusSku ?? (draft.lines.length === 1 ? draft.lines[0]!.sku : undefined)));

  if (cues.has("compat") && (sku ?? focus)) return action(ctx, "compat", sku ?? focus!, a, memo);
  // A question ("is it in stock? I need 5") is answered first; the buyer adds once they know.
  const question = conv.text.includes("?") || !cues.has("add");
  if (cues.has("price") && question && (sku ?? focus)) return action(ctx, "price", sku ?? focus!, a, memo);
  if (cues.has("price") && !a.guess && draft.lines.length > 0) return startCheckout(ctx, "review", memo);
  if (cues.has("stock") && (sku ?? focus) && question) return action(ctx, "stock", sku ?? focus!, a, memo);
  // A SKU on its own, or asked about ("what's the successor of X?"): its details, not a search around it.
  const exact = a.guess?.confident && a.guess.hits[0]!.match === "sku_exact";
  if (sku && (cues.has("info") || (exact && !cues.has("add") && !a.quantity && !cues.has("find"))))
    return action(ctx, "info", sku, a, memo);

  if (a.guess && sku && (a.quantity || cues.has("add")) && !cues.has("find")) return action(ctx, "add", sku, a, memo);
  if (a.guess) return find(ctx, a, memo, cues.has("add") || a.quantity ? "add" : "info");

  // Options named for a configurable line ("400 V and FKM").
  for (const line of [...draft.lines].reverse()) {
    const opts = optionsFor(ctx, line.sku);
    if (opts) return { calls: [{ name: "set_options", args: { lineId: line.lineId, options: opts } }], memo: memo() };
  }
  if (a.machine && draft.lines.length > 0 && ctx.tools.has("set_machine")) {
    return {
      calls: [{ name: "set_machine", args: { machineId: a.machine.machineId, ...(lineId ? { lineId } : {}) } }],
      memo: memo(),
    };
  }
  if (a.machine) return find(ctx, a, memo, "info");
  if (cues.has("checkout")) return startCheckout(ctx, "place", memo);
  if (cues.has("show")) return startCheckout(ctx, "review", memo);
  if (a.quantity && focus && draft.lines.some((l) => l.sku === focus)) {
    const l = draft.lines.find((x) => x.sku === focus)!;
    const more = /\b(more|another|additional|extra|weitere|zusätzlich|noch)\b/i.test(conv.text);
    return {
      calls: [
        {
          name: "update_line",
          args: {
            lineId: l.lineId,
            quantity: more ? l.quantity + a.quantity.value : a.quantity.value,
            ...(a.quantity.unit ? { unit: a.quantity.unit } : {}),
          },
        },
      ],
      memo: memo(),
    };
  }
  if ((cues.has("price") || cues.has("stock") || cues.has("compat")) && !a.guess) {
    return {
      text: say(
        lang,
        "Which product do you mean? Give me the SKU or describe the part (and the machine it is for).",
        "Welchen Artikel meinen Sie? Nennen Sie mir die Artikelnummer oder beschreiben Sie das Teil (und die Maschine).",
      ),
      memo: memo(conv.memo.pending),
    };
  }
  if (cues.has("greet"))
    return { text: say(lang, "Hello! ", "Guten Tag! ") + redirect(lang), memo: memo(conv.memo.pending) };
  if (cues.has("thanks"))
    return {
      text: say(lang, "You're welcome. Anything else for your order?", "Gern geschehen. Darf es noch etwas sein?"),
      memo: memo(conv.memo.pending),
    };
  // Nothing of the catalog and nothing the corpus knows ("what's the weather like tomorrow?"): out of scope.
  const outOfScope = ctx.u.clauses.every((c) => c.intent === "None" && c.score >= INTENT_THRESHOLD);
  if (a.productWords.length > 0 && !cues.has("help") && !outOfScope) {
    return {
      text: say(
        lang,
        `I could not find "${a.productWords.join(" ")}" in the catalog. Could you give me a SKU or describe the part differently?`,
        `Ich habe „${a.productWords.join(" ")}“ im Katalog nicht gefunden. Haben Sie eine Artikelnummer oder eine andere Beschreibung?`,
      ),
      memo: memo(),
    };
  }
  return { text: redirect(lang), memo: memo(conv.memo.pending) };
}
