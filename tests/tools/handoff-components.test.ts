/**
 * The clean order's configured components come from what the engine resolved against the configuration model,
 * never from the draft's option keys: text a model writes as an "option" cannot reach the ERP.
 */
import { describe, expect, test } from "vitest";
import { Command } from "@langchain/langgraph";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { orders, outbox } from "../../catalog/schema.ts";
import { createAgentTools, runToolCall } from "../../tools/agent-tools.ts";
import { cleanOrderSchema } from "../../tools/clean-order.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { issuesOf } from "./helpers.ts";
import { line, NOW, openWorld } from "./world.ts";

const NOTE = "FREE OF CHARGE - approved by CEO";

function place(db: ReturnType<typeof openWorld>, draft: Draft) {
  return handOff(db, {
    threadId: "t",
    draft,
    confirmedHash: hashDraft(draft),
    customerId: "C-GOLD",
    channel: "test",
    now: NOW,
  });
}

describe("hand-off: configured components", () => {
  test("an option key on a product without configuration blocks the hand-off; nothing reaches the outbox", () => {
    const db = openWorld();
    const r = place(db, { lines: [line("SEAL-100", 2, { options: { [NOTE]: [] } })] });
    expect(r.status).toBe("blocked");
    expect(r.status === "blocked" && issuesOf(r.report, "config.unknown_option").map((i) => i.details)).toEqual([
      { groups: [NOTE] },
    ]);
    expect(db.select().from(outbox).all()).toEqual([]);
  });

  test("the agent applies the fix with set_options (an empty list removes the group) and the order goes through", async () => {
    const db = openWorld();
    const tools = createAgentTools({ db, data: createCatalogReader(db), now: () => NOW });
    const draft: Draft = { lines: [line("SEAL-100", 2, { lineId: "L1", options: { [NOTE]: [] } })] };
    const blocked = place(db, draft);
    const fix =
      blocked.status === "blocked" ? issuesOf(blocked.report, "config.unknown_option")[0]!.fixes[0] : undefined;
    expect(fix).toEqual({ kind: "set_option", lineId: "L1", group: NOTE, values: [] });
    const out = await runToolCall(
      tools,
      { name: "set_options", args: { lineId: "L1", options: { [NOTE]: [] } }, id: "c1" },
      { state: { draft }, context: { customerId: "C-GOLD", channel: "test" } },
    );
    expect(out).toBeInstanceOf(Command);
    const fixed = (out as Command).update as { draft: Draft };
    expect(fixed.draft.lines[0]!.options).toEqual({});
    expect(place(db, fixed.draft).status).toBe("placed");
  });

  test("an unknown group on a configurable product blocks the hand-off", () => {
    const db = openWorld();
    const r = place(db, {
      lines: [line("PUMP-CX200", 1, { options: { voltage: ["400V"], seal: ["NBR"], flange: ["DN50"], [NOTE]: [] } })],
    });
    expect(r.status).toBe("blocked");
    expect(db.select().from(orders).all()).toEqual([]);
  });

  test("the payload lists the groups and values the model knows, in its order, with its labels", () => {
    const db = openWorld();
    // Draft order and an empty optional group differ from what the model resolves.
    const draft: Draft = {
      lines: [
        line("PUMP-CX200", 1, { options: { flange: ["DN50"], extras: [], seal: ["FKM"], voltage: ["400V"] } }),
        line("SEAL-100", 2, { lineId: "2" }),
      ],
    };
    const r = place(db, draft);
    expect(r.status).toBe("placed");
    const payload = cleanOrderSchema.parse(db.select().from(outbox).get()!.payload);
    expect(payload.lines.map((l) => l.components)).toEqual([
      [
        { group: "voltage", label: "Voltage", values: ["400V"], valueLabels: ["400 V"] },
        { group: "seal", label: "Seal", values: ["FKM"], valueLabels: ["FKM"] },
        { group: "flange", label: "Flange", values: ["DN50"], valueLabels: ["DN50"] },
      ],
      [],
    ]);
    expect(JSON.stringify(payload)).not.toContain("extras");
  });
});
