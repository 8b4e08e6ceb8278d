/**
 * Buyer behaviour on the trade catalogs and the demo world (issue 9, classes from the fluid-power run): a fix chosen
 * by direction ("round up please", "lieber abrunden"); a number that states an option of a configurable product
 * ("bore 63", "fin spacing 7") is no quantity; what the request that opened a list stated ("16 A", "10 micron", a PO
 * reference) still counts when the buyer picks from the list with words several listed items share. What the buyer
 * would notice: the draft's lines and its PO reference.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, hvacWorld, fluidWorld, automationWorld, draftLines } from "./helpers.ts";

const hvac = hvacWorld;
const fluid = fluidWorld;
const lines = draftLines;

describe("a quantity fix chosen by direction", { timeout: 120_000 }, () => {
  it('"round up please" takes the larger of the offered steps, not the first one listed', async () => {
    const chat = new Chat(demoWorld(), "C-1005");
    await chat.say("12 m PE tube 6/12 for dosing");
    expect(chat.turns[0]!.text).toMatch(/10 m\b[\s\S]*15 m\b/);
    await chat.say("round up please");
    expect(lines(chat)).toEqual([["FI-TUBE-PE-6X12", 15, "M-1005-02"]]);
  });

  it('"bitte aufrunden" (German) on a hose sold in 0.5 m steps: 2.5 m', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("2,3 m Schlauch 2SN DN12 für Presse 3");
    await chat.say("bitte aufrunden");
    expect(lines(chat)).toEqual([["HOSE-2SN-12", 2.5, "M-4001-02"]]);
  });

  it('"round it down": the smaller one', async () => {
    const chat = new Chat(fluid(), "F-4002");
    await chat.say("7.5 m PU tubing 8 mm for IMM 9");
    await chat.say("round it down");
    expect(lines(chat)).toEqual([["PU-TUBE-08", 7, "M-4002-02"]]);
  });
});

describe("a number after an option group's name states the option", { timeout: 120_000 }, () => {
  it('"bore 63, rod 36, stroke 200" configures one cylinder, not 63', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say(
      "need a new cylinder HZ-CFG for press 3: 250 bar series, bore 63, rod 36, stroke 200, head flange, NBR seals",
    );
    const line = chat.turns[0]!.thread.draft.lines[0]!;
    expect([line.sku, line.quantity]).toEqual(["HZ-CFG", 1]);
    expect(line.options).toMatchObject({ bore: ["63"], rod: ["36"], stroke: ["200"] });
  });

  it('"fin spacing 7" on a unit cooler: one unit with fin spacing 7', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("UC-CFG for freezer 3: size UC3, LT, fin spacing 7, electric defrost");
    const line = chat.turns[0]!.thread.draft.lines[0]!;
    expect([line.sku, line.quantity]).toEqual(["UC-CFG", 1]);
    expect(line.options).toMatchObject({ finSpacing: ["7"] });
  });
});

describe("option groups named in the buyer's language", { timeout: 120_000 }, () => {
  it('"Kolben 63, Stange 36, Hub 200, Flansch": the heads and tails of the German labels choose, one cylinder', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("Zylinder HZ-CFG für Presse 3: Baureihe CD250, Kolben 63, Stange 36, Hub 200, Flansch, NBR");
    const line = chat.turns[0]!.thread.draft.lines[0]!;
    expect([line.sku, line.quantity]).toEqual(["HZ-CFG", 1]);
    expect(line.options).toMatchObject({ bore: ["63"], rod: ["36"], stroke: ["200"], mounting: ["flange"] });
  });

  it('"Lamellen 7" (of Lamellenabstand) on a unit cooler: one unit, fin spacing 7', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("Verdampfer UC-CFG für Freezer 3: Baugröße UC3, Tiefkühlung, Lamellen 7, elektrische Abtauung");
    const line = chat.turns[0]!.thread.draft.lines[0]!;
    expect([line.sku, line.quantity]).toEqual(["UC-CFG", 1]);
    expect(line.options).toMatchObject({ finSpacing: ["7"], application: ["LT"], defrost: ["electric"] });
  });
});

describe("the request that opened a list still chooses", { timeout: 120_000 }, () => {
  it('"the 230 V one" among several 230 V contactors: the 16 A one the request named', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("need 2 contactors 16 A for freezer 3");
    await chat.say("the 230 V one");
    expect(lines(chat)).toEqual([["CT-CI16-230", 2, "M-2006-01"]]);
  });

  it('"RF 160, glass fibre" after "10 micron … our PO is …": the 10 µm element, with the PO on the order', async () => {
    const chat = new Chat(fluid(), "F-4002");
    await chat.say("3 return filter elements 10 micron for IMM 9, our PO is KA-26-4471");
    await chat.say("RF 160, glass fibre");
    expect(lines(chat)).toEqual([["FE-RF-160-10", 3, "M-4002-02"]]);
    expect(chat.turns.at(-1)!.thread.draft.poReference).toBe("KA-26-4471");
  });
});

const automation = automationWorld;

describe("a part, not the set whose name lists it", { timeout: 120_000 }, () => {
  it('"1 Rücklaufelement RF 330 10µm und 1 Belüftungsfilter": the element and the breather, not the service kit', async () => {
    const chat = new Chat(fluid(), "F-4004");
    await chat.say("Für Zelle 2: 2 Eimer HFC 46, 1 Rücklaufelement RF 330 10µm und 1 Belüftungsfilter");
    expect(lines(chat)).toEqual([
      ["OIL-HFC46-20", 2, "M-4004-01"],
      ["FE-RF-330-10", 1, "M-4004-01"],
      ["BF-AIR-3", 1, "M-4004-01"],
    ]);
  });

  it('"2 DI 8 modules", then "add the base units": two modules and the fix that adds two base units', async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say("need 2 DI 8 modules for Pumpwerk Nord");
    expect(lines(chat)).toEqual([["IO-200SP-DI8", 2, "M-3002-01"]]);
    await chat.say("add the base units");
    expect(lines(chat)).toEqual([
      ["IO-200SP-DI8", 2, "M-3002-01"],
      ["ACC-BU-15", 2, "M-3002-01"],
    ]);
  });

  it('"2 Eingangsmodule DI 8" (the module\'s German keyword), "die Basiseinheiten dazu"', async () => {
    const chat = new Chat(automation(), "A-3002");
    await chat.say("Ich brauche 2 Eingangsmodule DI 8 für Pumpwerk Süd");
    await chat.say("die Basiseinheiten dazu");
    expect(lines(chat)).toEqual([
      ["IO-200SP-DI8", 2, "M-3002-02"],
      ["ACC-BU-15", 2, "M-3002-02"],
    ]);
  });

  it('"Wartungsset PR 250" still names the set', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("1 Wartungsset PR 250 für Presse 3");
    expect(lines(chat).map((l) => l[0])).toEqual(["KIT-PR250-SVC"]);
  });
});

describe("a pick whose values no single listed item carries", { timeout: 120_000 }, () => {
  it('"the 63/36 one in FKM": the 63/36 FKM kit of the catalog, not the listed FKM press kit', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("what seal kits do you have for press 3?");
    expect(chat.turns[0]!.text).toMatch(/SK-PR250-MAIN-FKM/);
    await chat.say("the 63/36 one in FKM, 2 of them");
    expect(lines(chat)).toEqual([["SK-CD-63-36-FKM", 2, "M-4001-02"]]);
  });

  it('"den 80/45 in FKM bitte, 1 Stück" (German, the 80/45 kit not listed)', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("welche Dichtsätze gibt es für Presse 3?");
    await chat.say("den 80/45 in FKM bitte, 1 Stück");
    expect(lines(chat)).toEqual([["SK-CD-80-45-FKM", 1, "M-4001-02"]]);
  });

  it('"the FKM one" where one listed item is FKM: that one', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("what seal kits do you have for press 3?");
    await chat.say("the FKM one");
    expect(lines(chat)).toEqual([["SK-PR250-MAIN-FKM", 1, "M-4001-02"]]);
  });
});

describe("follow-ups about a line already in the order", { timeout: 120_000 }, () => {
  it('"passt das?" checks the line against the machine it is for, without asking which', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("brauche 2 Schütze 16A 230V für Freezer 3");
    const fit = await chat.say("passt das?");
    expect(fit.tools).toEqual(["check_compatibility"]);
    expect(fit.text).toMatch(/CT-CI16-230 passt zu Freezer 3/);
  });

  it('"what does that cost?" then "ok go ahead": on to the confirmation', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("3 sensors M12 PNP for line 3");
    const price = await chat.say("what does that cost?");
    expect(price.text).toMatch(/It is in your order as L1\. Anything else, or shall I place the order\?$/);
    const go = await chat.say("ok go ahead");
    expect(go.tools).toEqual(["review_order", "place_order"]);
  });

  it('"in stock? price?" about the line: "it is in your order" said once', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("3 sensors M12 PNP for line 3");
    const both = await chat.say("in stock? price?");
    expect(both.text.match(/It is in your order as L1/g)).toHaveLength(1);
  });
});

describe("a quantity fix named by its amount", { timeout: 120_000 }, () => {
  it('"auf 10 abrunden" takes 10 even though "auf" also points up', async () => {
    const chat = new Chat(demoWorld(), "C-1005");
    await chat.say("12 m PE tube 6/12 for dosing");
    await chat.say("bitte auf 10 abrunden");
    expect(lines(chat)).toEqual([["FI-TUBE-PE-6X12", 10, "M-1005-02"]]);
  });
});
