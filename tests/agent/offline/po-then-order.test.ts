/**
 * "Bestellnummer KV-4500-1187, bitte bestellen", "our PO is KV-4500-1187, please order": the reference goes on the
 * order and the order is placed — the whole message was read as order details, the PO noted and "bitte bestellen"
 * lost. "our PO is X, thanks" only notes it. automation (German and English), the demo world (English).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, demoWorld } from "./helpers.ts";

describe("a PO and the order in one message", { timeout: 120_000 }, () => {
  it("automation (German and English): the PO is set and the confirmation asked", async () => {
    const w = automationWorld();
    const de = new Chat(w, "A-3001");
    await de.say("1 Schütz CT-12-24DC für Line 3");
    const t = await de.say("Bestellnummer KV-4500-1187, bitte bestellen.");
    expect(t.tools).toEqual(expect.arrayContaining(["set_order_details", "place_order"]));
    expect(t.thread.draft.poReference).toBe("KV-4500-1187");
    const en = new Chat(w, "A-3001");
    await en.say("1 contactor CT-12-24DC for Line 3");
    const e = await en.say("our PO is KV-4500-1187, please order");
    expect(e.tools).toContain("place_order");
  });

  it("demo world: 'our PO is X, thanks' notes the PO and asks nothing more; the order with it is shown for confirmation", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("2 SE-MS28-SIC-FKM for pump 2");
    const t = await chat.say("our PO is 4711-B, thanks");
    expect(t.tools.filter((n) => n !== "get_order_history")).toEqual(["set_order_details", "place_order"]);
    expect(t.text).not.toMatch(/\?/);
    expect(t.thread.draft.poReference).toBe("4711-B");
    expect(t.thread.pending?.type).toBe("confirm");
  });
});
