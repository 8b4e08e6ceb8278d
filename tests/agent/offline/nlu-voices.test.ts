/**
 * Buyer classes the intent ensemble misread (session 7), each in several wordings, both languages and more than one
 * catalog: what the buyer would notice — the order emptied, a stock question answered with a list, an order with its
 * count that never reaches the confirmation.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, fluidWorld, hvacWorld, powertransWorld } from "./helpers.ts";

const CYLINDER =
  "Zylinder HZ-CFG für Presse 3: Baureihe CD250, Kolben 63, Stange 36, Hub 200, Flansch, NBR, Dämpfung beidseitig";

describe("an answer that says the order or its configuration is complete keeps the order", () => {
  it("'Nein, das ist so komplett.' after a configured cylinder (fluid power, German)", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say(CYLINDER);
    const t = await chat.say("Nein, das ist so komplett.");
    expect(t.tools).not.toContain("clear_draft");
    expect(draftLines(chat)).toEqual([["HZ-CFG", 1, "M-4001-02"]]);
  });

  it("'Nei, das isch so komplett.' (Swiss German), then the order is placed", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say(CYLINDER);
    await chat.say("Nei, das isch so komplett.");
    expect(draftLines(chat)).toEqual([["HZ-CFG", 1, "M-4001-02"]]);
    const t = await chat.say("guet, denn bstelled mir das so");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'na, des is vollständig so' after two sight glasses (hvac, Austrian)", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("2 Schaugläser SGN 12 für den Edeka freezer");
    const t = await chat.say("na, des is vollständig so");
    expect(t.tools).not.toContain("clear_draft");
    expect(draftLines(chat)).toHaveLength(1);
  });
});

describe("a Swiss or Austrian stock question is a stock question", () => {
  it("'habts ihr den EC-Lüfter 450 für den Freezer 3 lagernd?' (hvac, Austrian): stock, nothing added", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    const t = await chat.say("Servus, habts ihr den EC-Lüfter 450 für den Freezer 3 lagernd?");
    expect(t.tools).toContain("check_stock");
    expect(draftLines(chat)).toEqual([]);
  });

  it("'händ ihr s Schauglas SGN 12 für de Edeka freezer no a Lager?' (hvac, Swiss): stock, not a list", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const t = await chat.say("händ ihr s Schauglas SGN 12 für de Edeka freezer no a Lager?");
    expect(t.tools).toContain("check_stock");
    expect(t.tools).not.toContain("search_catalog");
  });
});

describe("at 'shall I add it?', an order with its count and the word to order goes on to the confirmation", () => {
  it("'ok, order 1 piece' (hvac, English)", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("what does the EC fan 450 for Freezer 3 cost?");
    const t = await chat.say("ok, order 1 piece");
    expect(draftLines(chat)).toEqual([["FM-EC450-400", 1, "M-2006-01"]]);
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'passt, 2 Stück bitte bestellen' (fluid power, Austrian)", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    await chat.say("Was kostet der Belüftungsfilter 3 µm mit Peilstab?");
    const t = await chat.say("passt, 2 Stück bitte bestellen");
    expect(draftLines(chat)).toEqual([[expect.any(String), 2, null]]);
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'2 davon, ja bitte' only adds: nothing in it asks to place the order", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    await chat.say("Was kostet der Belüftungsfilter 3 µm mit Peilstab?");
    const t = await chat.say("2 davon, ja bitte");
    expect(draftLines(chat)).toEqual([[expect.any(String), 2, null]]);
    // Read as an add, not as "place it" (no review asked for): the order it leaves is complete and clean, so the
    // confirmation follows the add as after any complete request.
    expect(t.tools).toEqual(["add_line", "place_order"]);
    expect(t.text).toMatch(/oder schreiben Sie, was noch dazukommt/);
  });
});

describe("a price question that names speeds, flows, displacements or pressures asks the price of one", () => {
  it("'Getriebemotor 0,75 kW mit 71 U/min' (power transmission, German): a price of 1, nothing added", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    const t = await chat.say("Was kostet der Getriebemotor 0,75 kW mit 71 U/min für das Band 3, und wann wäre der da?");
    expect(t.tools).toContain("get_price");
    expect(t.text).toMatch(/für 1 × GM-/);
    expect(draftLines(chat)).toEqual([]);
  });

  it("'Flügelzellenpumpe 28 ccm, 160 bar, bei 1500 U/min' (fluid power, Austrian): one pump", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    const t = await chat.say(
      "Servus, was tät uns die Flügelzellenpumpe 28 ccm, 160 bar, bei 1500 U/min für die IMM 7 kosten?",
    );
    expect(t.text).toMatch(/für 1 × PUMP-VP-28/);
    expect(draftLines(chat)).toEqual([]);
  });

  it("'gear pump 16 cc, 250 bar, 1500 rpm' (fluid power, English), then 'ok take one, our PO …' orders it", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    const t = await chat.say("price and delivery for a gear pump 16 cc, 250 bar, 1500 rpm for the bending power pack?");
    expect(t.text).toMatch(/for 1 × PUMP-GP-16/);
    const u = await chat.say("ok take one, our PO RP-5513");
    expect(draftLines(chat)).toEqual([["PUMP-GP-16", 1, "M-4001-05"]]);
    expect(u.thread.draft.poReference).toBe("RP-5513");
  });
});

describe("at 'shall I add it?', an answer with a PO is answered as the answer it is", () => {
  it("'ja, eins bestellen, unsere Bestellnummer ist …' (hvac, German): added with the PO, on to the confirmation", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("Was kostet der EC-Lüfter 450 für den Freezer 3?");
    const t = await chat.say("ja, eins bestellen, unsere Bestellnummer ist HU-3382");
    expect(draftLines(chat)).toEqual([["FM-EC450-400", 1, "M-2006-01"]]);
    expect(t.thread.draft.poReference).toBe("HU-3382");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'ok order one, PO …' (hvac, English): added with the PO and on to the confirmation", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("what does the EC fan 450 for Freezer 3 cost?");
    const t = await chat.say("ok order one, PO HU-3381");
    expect(draftLines(chat)).toEqual([["FM-EC450-400", 1, "M-2006-01"]]);
    expect(t.thread.draft.poReference).toBe("HU-3381");
    expect(t.thread.pending?.type).toBe("confirm");
  });
});
