/**
 * Buyer behaviours found by the voices6 conversations, each checked in other wordings, the other language and other
 * catalogs than the scenario that showed it: what the buyer would notice on the draft (its lines, PO reference) and
 * whether the order goes to the confirmation.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

describe("a PO reference said with the go-ahead or with an edit goes on the order", () => {
  it("'ok, please make the order, our reference …' (hvac): the PO is set before the confirmation", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("2 sight glasses SGN 12 for the Edeka freezer");
    const t = await chat.say("ok, please place the order, our reference HB-0412");
    expect(t.thread.draft.poReference).toBe("HB-0412");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'Ja, bitte bestellen, Bestellnummer ist …' (fluid power, German)", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    await chat.say("2 Belüftungsfilter 3 µm mit Peilstab");
    const t = await chat.say("Ja, bitte bestellen. Unsere Bestellnummer ist KA-55-101.");
    expect(t.thread.draft.poReference).toBe("KA-55-101");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'make it 3, PO number …' (automation): the quantity and the PO", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("2 MCB C16 1-pole for Line 3");
    const t = await chat.say("make it 3, PO number BR-77-12");
    expect(draftLines(chat)).toEqual([["CB-C16-1P", 3, "M-3001-01"]]);
    expect(t.thread.draft.poReference).toBe("BR-77-12");
  });
});

describe("a counted property with its count word written apart chooses among candidates", () => {
  it.each([
    ["10 pcs MCB C16 single pole for Line 3", "CB-C16-1P", 10],
    ["4 MCB C16 three pole for Line 3", "CB-C16-3P", 4],
    ["4 Leitungsschutzschalter C16 drei Pole für Linie 3", "CB-C16-3P", 4],
  ])("%s", async (text, sku, quantity) => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say(text);
    expect(draftLines(chat)).toEqual([[sku, quantity, "M-3001-01"]]);
  });
});
