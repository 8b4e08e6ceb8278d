/**
 * Session 31 (helper C), two classes of how buyers write:
 *
 * 1. A part for no machine, said with the request: "die gehen ans Lager, keine bestimmte Anlage", "not for a particular
 *    machine", "für keine Maschine". The words that say where the part goes were counted against the product's name
 *    ("does the message name it outright?"), so a request with them never went on without a machine — the consultant
 *    asked which machine, and the buyer's next message (a PO number) dropped the line. Water treatment (where it was
 *    found) and automation, English and German. Guards: without those words a machine-dependent part is still asked
 *    about; a negation of something else ("not the 24 V ones") says nothing of the machine.
 * 2. A range written with a hyphen where names write a dash: "2 pressure gauges 0-40 bar" for "Pressure gauge 0–40 bar"
 *    beside "… 0–25 bar". The ends alone are in both names, so the choice was offered instead of taken; a change to
 *    "the 0-40 bar ones" found nothing to change. Guards: the other ranges of a series, and ranges other catalogs'
 *    SKUs carry ("MS 4–6.3 A", "50–300 °C"), still name their product.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, chatAfter, draftLines, foodtechWorld, watertreatWorld } from "./helpers.ts";

const T = 60_000;

describe("a part for no machine, said with the request, goes on without one", () => {
  for (const [world, customer, text, sku] of [
    [
      watertreatWorld,
      "W-8101",
      "außerdem 20 Sack Regeneriersalz-Tabletten, die gehen ans Lager, keine bestimmte Anlage",
      "CH-SALT-25",
    ],
    [watertreatWorld, "W-8101", "20 Sack Regeneriersalz-Tabletten, für keine Maschine", "CH-SALT-25"],
    [watertreatWorld, "W-8101", "20 bags of salt tablets, not for a particular machine", "CH-SALT-25"],
    [automationWorld, "A-3001", "3 contactors 18 A 230 V AC, not for a particular machine", "CT-18-230AC"],
    [
      automationWorld,
      "A-3001",
      "3 Leistungsschütze 18 A 230 V AC, die gehen ans Lager, keine bestimmte Anlage",
      "CT-18-230AC",
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(chat.turns.at(-1)!.text).not.toMatch(/Which machine|Für welche Maschine/u);
      expect(draftLines(chat).map((l) => [l[0], l[2]])).toEqual([[sku, null]]);
    });
  test("the scenario: the line stays when the PO number follows", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8101",
      "Guten Tag, für den Vorfilter Brunnen 3 brauchen wir 2 Kartons Filterkerzen 20 Zoll, 5 µm",
      "außerdem 20 Sack Regeneriersalz-Tabletten, die gehen ans Lager, keine bestimmte Anlage",
      "unsere Bestellnummer ist TAL-WW-2026-1187",
    );
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 FC-PP5-20", "20 CH-SALT-25"]);
  });
  test("guard: without those words the machine is asked", { timeout: T }, async () => {
    const chat = await chatAfter(automationWorld, "A-3001", "3 contactors 18 A 230 V AC");
    expect(chat.turns.at(-1)!.text).toMatch(/Which machine/u);
    expect(draftLines(chat)).toEqual([]);
  });
  test("guard: a negation of something else says nothing of the machine", { timeout: T }, async () => {
    const chat = await chatAfter(automationWorld, "A-3001", "3 contactors 18 A 230 V AC, not the 24 V ones");
    expect(chat.turns.at(-1)!.text).toMatch(/Which machine/u);
    expect(draftLines(chat)).toEqual([]);
  });
});

describe("a range written with a hyphen is the range a name writes with a dash", () => {
  for (const [text, sku] of [
    ["2 pressure gauges 0-40 bar for RO 1", "HP-PG-40"],
    ["2 Manometer 0-40 bar für RO 1", "HP-PG-40"],
    ["2 pressure gauges 0-25 bar for RO 1", "HP-PG-25"],
  ] as const)
    test(`"${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(watertreatWorld, "W-8105", text);
      expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual([`2 ${sku}`]);
    });
  test("a change to 'the 0-40 bar ones' swaps the line", { timeout: T }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8105",
      "RO 1: 2 pressure gauges 0-25 bar and the HP pump mech seal",
      "change the gauges to the 0-40 bar ones please, still 2",
    );
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toContain("2 HP-PG-40");
    expect(draftLines(chat).map((l) => l[0])).not.toContain("HP-PG-25");
  });
  test("guard: 'the 0–40 bar ones' with a dash as before", { timeout: T }, async () => {
    const chat = await chatAfter(watertreatWorld, "W-8105", "2 pressure gauges 0–40 bar for RO 1");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 HP-PG-40"]);
  });
  test("guard: automation 'MS 4-6.3 A' still the 4–6.3 A breaker", { timeout: T }, async () => {
    const chat = await chatAfter(automationWorld, "A-3001", "2 motor protection circuit breakers 4-6.3 A");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 MP-4-6.3"]);
  });
  test("guard: foodtech '50-300 °C' still the 50–300 °C thermostat", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7101", "2 Kapillarrohr-Thermostate 50-300 °C");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 TH-300"]);
  });
});
