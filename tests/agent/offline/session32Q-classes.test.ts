/**
 * Session 32 (helper Q): an item of a list that says it is what was ordered before — "+ Filter wie immer", "2 boxes
 * ribbon same as last time", "den Druckschalter wie immer" — by no month and no reference, was dropped or read as the
 * latest order whole (the tyres of August for "die Filter wie letztes Mal": "Filter" is a word of the conversation
 * corpus too, so it guessed no product). Such an item is the lines of the latest earlier order holding what its words
 * name (`ofEarlierOrder` in actions.ts), beside the other items of the list; an item naming a month takes the lines of
 * that month's order its words all name. Guards: a single item as before keeps its count and pack, and "same as last
 * time" / "wie im März" with no other item still order that order again.
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  demoWorld,
  draftLines,
  hvacWorld,
  intralogisticsWorld,
  packagingWorld,
  powertransWorld,
  sorted,
  watertreatWorld,
  weldingWorld,
} from "./helpers.ts";

const T = 60_000;

describe("an item that is what an earlier order held is that order's line, beside the other items", () => {
  for (const [name, world, customer, text, want] of [
    [
      "a month's lines and an item 'wie immer' (German)",
      intralogisticsWorld,
      "L-8001",
      "hi,für stapler 7 bitte die schwarzen reifen wie im august + filter wie immer",
      ["2 TYR-SE-15x45-8-BK", "2 TYR-SE-18x7-8-BK", "4 FLT-HYD-EF"],
    ],
    [
      "a product item and an item 'same as last time' (English)",
      packagingWorld,
      "PK-2101",
      "for the Etikettierer Ausgang need the drive roller and 2 boxes ribbon same as last time",
      ["1 LB-DRV-50", "2 RB-WR-110-OUT"],
    ],
    [
      "a counted item and an item 'wie immer' (another catalog)",
      hvacWorld,
      "H-2001",
      "Roof chiller: 2 Filtertrockner DML 084 und den Druckschalter wie immer",
      ["1 PS-KP6W", "2 FD-DML-084"],
    ],
  ] as const)
    test(`${name}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(sorted(draftLines(chat))).toEqual([...want].sort());
    });

  test("'die Filter wie letztes Mal' is the filter ordered before, not the latest order whole", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8001", "für stapler 7 bitte die filter wie letztes mal");
    expect(sorted(draftLines(chat))).toEqual(["4 FLT-HYD-EF"]);
  });

  test("guard: one item 'same as last time' keeps its count and pack", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2101",
      "need 2 boxes ribbon same as last time for the Etikettierer Ausgang",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 RB-WR-110-OUT"]);
  });
  test("guard: 'same as last time please' orders the last order again", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "same as last time please");
    expect(draftLines(chat).length).toBeGreaterThan(0);
  });
  test("guard: 'bitte nochmal die Verschleißteile wie im März' orders that order again", { timeout: T }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4101", "bitte nochmal die Verschleißteile wie im März");
    expect(draftLines(chat).length).toBeGreaterThan(0);
  });
  test("guard: 'the same filter bags as last time' is the bags, not the lid O-ring of that order", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      watertreatWorld,
      "W-8105",
      "Morning, can you send the same filter bags as last time for the Bag filter, 5 boxes. PO HF-7902.",
    );
    expect(sorted(draftLines(chat))).toEqual(["5 FB-PP25-S2"]);
  });
  test("guard: 'Lieferung wie immer nach Wil' names no earlier line ('Lager' is no bearing)", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7002",
      "Grüezi, für den Mischer 2 bräuchten wir 2 Pendelrollenlager 22210 E und einen Getriebe-Dichtsatz. Habt ihr das an Lager? Lieferung wie immer nach Wil.",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 BRG-22210-E"]);
  });
  test("guard: 'the tyres like in August' alone is that order's tyres", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8001", "für stapler 7 die reifen wie im august");
    expect(sorted(draftLines(chat))).toEqual(["2 TYR-SE-15x45-8-BK", "2 TYR-SE-18x7-8-BK"]);
  });
});
