/** The checkout tools only ask: the graph's validate, confirm and hand-off nodes decide. */
import { ToolMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { Command } from "@langchain/langgraph";
import { z } from "zod";
import { msg, renderMessage } from "../messages/index.ts";
import { json, session, shieldTool, type ShieldToolRuntime, type ToolDeps } from "./shared.ts";

/** Argument schemas, built once per process (zod compiles a schema on its first parse; one per agent paid it again). */
const REVIEW_ORDER_ARGS = z.object({});
const PLACE_ORDER_ARGS = z.object({});

export function createCheckoutTools({ noSession }: Pick<ToolDeps, "noSession">): StructuredToolInterface[] {
  const checkout = (kind: "review" | "place") => (_args: unknown, runtime: unknown) => {
    const s = session(runtime);
    if (!s) return noSession;
    const id = (runtime as ShieldToolRuntime).toolCallId ?? "";
    const text = msg("tool.validating", { place: kind === "place" });
    const content = json({ status: renderMessage(text, s.locale), text });
    return new Command({
      update: {
        checkout: { kind, toolCallId: id },
        messages: [new ToolMessage({ id: `checkout-${id}`, content, tool_call_id: id, name: `${kind}_order` })],
      },
    });
  };

  const review_order = shieldTool(checkout("review"), {
    name: "review_order",
    description:
      "Validate the whole draft now: every line's verdict, prices, totals, promise dates, blocking issues with fixes.",
    schema: REVIEW_ORDER_ARGS,
  });
  const place_order = shieldTool(checkout("place"), {
    name: "place_order",
    description:
      "The buyer wants to order: validates the draft and, when clean, asks the buyer to confirm this exact version. It never places an order by itself.",
    schema: PLACE_ORDER_ARGS,
  });

  return [review_order, place_order] as StructuredToolInterface[];
}
