/**
 * One decision of the offline consultant: given the conversation (derived from the messages) and the catalog,
 * either call tools or answer. A buyer turn is a short script — e.g. "add": resolve product and machine, call
 * add_line, then phrase the engine's verdict — and each model call advances it by looking at which tool results
 * of this turn are already there. Deterministic: same messages, same step.
 */
import type { Conversation, Memo, Pending } from "./conversation.ts";
import type { Understanding } from "./nlu/understand.ts";
import { tokenizeText, type Knowledge } from "./recognise.ts";
import type { Ctx, Step, ToolCallPlan } from "./context.ts";
import { poolAnswers, transition } from "./dialogue.ts";
import { afterCheckout, afterEdits, refusal } from "./phrasing.ts";

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
    // With an illegitimate request in the message, its "ok"/"yes" goes with that request: it accepts nothing else.
    cues: u.attack && u.cues.has("yes") ? new Set([...u.cues].filter((c) => c !== "yes")) : u.cues,
    tokens: tokenizeText(conv.text),
    tools,
    analyses: new Map(),
  };
  const step = decideClauses(ctx);
  // The refusal is said once, before what was served of the rest (or of a request inside the refused clause).
  const refused = u.attack ? refusal(u.attack, lang) : "";
  if (u.attack && step.text && !step.calls?.length && !step.text.startsWith(refused))
    return { ...step, text: `${refused}\n${step.text}` };
  return step;
}

function decideClauses(read: Ctx): Step {
  const ctx = poolAnswers(read);
  const { conv, lang, tools } = ctx;
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

  // Where the conversation stands and what the message says: one transition of the dialogue table.
  return transition(ctx, memo);
}
