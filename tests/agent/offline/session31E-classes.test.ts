/**
 * Session 31 (helper E): "dichtsatz und o-ringe, je 2 stück", "filter driers and sensors, 3 each" about an order that
 * holds those products: one count said once for a list of the order's lines is each of those lines' new count — not a
 * search for "je stück" (the German read found forks "je Paar") nor a new product for one of the words. Said with the
 * counts the lines already have, it changes nothing and what rides with it (a PO reference) is still taken.
 * Guards: "grease 3, belt 2" still counts each line; a list of products not on the order still adds them.
 *
 * Also: "Bestellung Nummer RRL-7781", "auftrag nummer HB-2291": the word "nummer" of a reference was read as a slip of
 * "nimmer" (no longer), so the PO was lost and the message asked what it meant. The words that lead a reference are
 * known words to the slip reader.
 *
 * And: "ab 5 karton wirds billiger oder? dann 5 karton fett", "is there a discount from 5 pieces? then 5 NTC sensors":
 * the clauses after a question, led by "dann"/"then", are the instruction, decided alone — the count of the line the
 * order has, not a second line of the product (nor a price quote that leaves the order as it was).
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, foodtechWorld, hvacWorld, intralogisticsWorld, sorted } from "./helpers.ts";

const T = 60_000;

const SEALS = "für stapler 7 bitte 1 SK-EF316-LIFT-A und 1 OR-EF316-LIFT";
const DRIERS = "2 Filtertrockner DML 083 für den Huber Kühlraum und 2 NTC Fühler";
const GREASE = "bitte fett + keilriemen wie im september für den alten kemper";

describe("one count for a list of the order's lines sets each of them", () => {
  for (const [name, world, customer, first, text, expected] of [
    [
      "de, je N stück after the list",
      intralogisticsWorld,
      "L-8001",
      SEALS,
      "dichtsatz und o-ringe, je 2 stück",
      ["2 OR-EF316-LIFT", "2 SK-EF316-LIFT-A"],
    ],
    [
      "de, jeweils N before the list",
      intralogisticsWorld,
      "L-8001",
      SEALS,
      "dann jeweils 3 dichtsatz und o-ringe",
      ["3 OR-EF316-LIFT", "3 SK-EF316-LIFT-A"],
    ],
    [
      "en, N each after the list",
      hvacWorld,
      "H-2001",
      DRIERS,
      "filter driers and sensors, 3 each",
      ["3 CTR-NTC-15", "3 FD-DML-083"],
    ],
    ["en, foodtech", foodtechWorld, "C-7101", GREASE, "grease and belts, 4 each", ["4 FETT-H1-400", "4 KR-SPZ-1250"]],
  ] as const)
    test(`${name}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, text);
      expect(sorted(draftLines(chat))).toEqual(expected);
    });

  test("the same counts said again change nothing and the PO beside them is taken", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8001",
      SEALS,
      "gut dann dichtsatz und o-ringe, je 1 stück. bestellung nummer RRL-7781",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 OR-EF316-LIFT", "1 SK-EF316-LIFT-A"]);
    expect(chat.turns.at(-1)!.text).toMatch(/RRL-7781/u);
    expect(chat.turns.at(-1)!.text).not.toMatch(/FRK-/u);
  });

  test("guard: 'fett 3 karton, riemen 2' still counts each line", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7101", GREASE, "fett 3 karton,riemen 2");
    expect(sorted(draftLines(chat))).toEqual(["2 KR-SPZ-1250", "3 FETT-H1-400"]);
  });

  test("guard: a list with a shared count on an empty order adds each", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8001",
      "für stapler 7: SK-EF316-LIFT-A und OR-EF316-LIFT, je 2",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 OR-EF316-LIFT", "2 SK-EF316-LIFT-A"]);
  });
});

describe("a reference led by 'Nummer' as a word of its own is the order's PO", () => {
  for (const [world, customer, first, text, po] of [
    [intralogisticsWorld, "L-8001", SEALS, "Bestellung Nummer RRL-7781", "RRL-7781"],
    [hvacWorld, "H-2001", "2 NTC Fühler", "auftrag nummer HB-2291", "HB-2291"],
    [foodtechWorld, "C-7101", GREASE, "unsere Bestellung Nummer ist BK-2612-01", "BK-2612-01"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, text);
      expect(chat.turns.at(-1)!.thread.draft.poReference).toBe(po);
    });
  test("guard: 'brauchen wir nimmer' still drops the line", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 NTC Fühler und 2 DIN-Stecker",
      "die Stecker brauchen wir nimmer",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(["CTR-NTC-15"]);
  });
});

describe("a question the buyer answers with 'dann …'/'then …' is the instruction after it", () => {
  test("de: 'ab 5 karton wirds billiger oder? dann 5 karton fett' counts the grease line", { timeout: T }, async () => {
    const chat = await chatAfter(
      foodtechWorld,
      "C-7101",
      GREASE,
      "fett 3 karton,riemen 2",
      "ab 5 karton wirds billiger oder? dann 5 karton fett",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 KR-SPZ-1250", "5 FETT-H1-400"]);
  });
  test("en: 'is there a discount from 5 pieces? then 5 NTC sensors' counts the sensor line", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 NTC sensors for the Huber cold room",
      "is there a discount from 5 pieces? then 5 NTC sensors",
    );
    expect(sorted(draftLines(chat))).toEqual(["5 CTR-NTC-15"]);
  });
  test("guard: a question with no instruction after it adds nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 NTC sensors for the Huber cold room",
      "is there a discount from 5 pieces?",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 CTR-NTC-15"]);
  });
});
