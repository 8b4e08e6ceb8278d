/**
 * Session 34 (helper A): three classes found failing in the hvac and automation catalogs.
 * 1. A clipped word said in the plural ("2 Motorstarter-Kombis", "motor starter combos"): the plural of a word the
 *    catalog knows only as the start of a longer one ("Kombi…nation") found nothing, so the long option list named
 *    a contactor and an auxiliary block instead of the configured starter.
 * 2. A machine's label said in the other language as one compound of its translated words ("Dachkühler" for "Roof
 *    chiller"): each word of the label has its own glossary wording, and all of them together make the compound.
 * 3. A value with its unit the buyer corrects in the same message ("Lüftermotor 10 Watt, ach nee, den mit 34 Watt",
 *    "contactor 18 A, sorry, 25 A"): the corrected value replaces the one said before, not a second item.
 * 4. (fresh buyer) A value written in one piece ("24VDC", "24VAC") beside a machine the named product does not fit:
 *    the name that writes it apart ("coil 24 V DC") carries it, so the product named stays (the engine warns), not
 *    the machine's fitting part silently in its place (a 230 V AC contactor).
 * Guards: the singular starter, counts corrected as before, two values of different units left as they are.
 */
import { describe, expect, test } from "vitest";
import { automationWorld, chatAfter, draftLines, hvacWorld } from "./helpers.ts";

const T = 60_000;

describe("a clipped word in the plural names the product it starts", () => {
  for (const [customer, text, count] of [
    [
      "A-3001",
      "2 Motorstarter-Kombis für Linie 3: Schütz 18A, Spule 24V DC, Motorschutz 13-18A, Hilfskontakt 1 Schliesser 1 Öffner",
      2,
    ],
    ["A-3001", "2 Motorstarter-Kombis fürs Palettiergerät: Schütz 18A, Spule 230 Volt AC, Motorschutz 13 bis 18 A", 2],
    ["A-3001", "drei Motorstarter Kombis für Linie 3, Schütz 9 A, Spule 24 V DC, Motorschutz 4-6,3 A", 3],
    ["A-3006", "need 2 motor starter combos for Pal 2: size 18 A, coil 230 V AC, overload 13-18 A, aux 1 NO + 1 NC", 2],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(automationWorld, customer, text);
      expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual([`${count} MSC-CFG`]);
    });
  test("guard: the singular starter stays one configured starter", { timeout: T }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "Grüezi, ich bräuchte e Motorstarter-Kombi fürs Palettiergerät: Schütz 18A, Spule 230 Volt AC, Motorschutz 13 bis 18 A, mit Hilfskontakt 1 Schliesser 1 Öffner",
    );
    expect(draftLines(chat)).toEqual([["MSC-CFG", 1, "M-3001-02"]]);
  });
});

describe("a machine label said as one compound of its translated words", () => {
  for (const text of [
    "Filtertrockner DML 084 für den Dachkühler",
    "2 Filtertrockner DML 084 für unseren Dach-Kühler",
    "filter drier DML 084 for the rooftop chiller",
  ])
    test(`H-2001: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2001", text);
      const lines = draftLines(chat);
      expect(lines.length).toBe(1);
      expect(lines[0]![2]).toBe("M-2001-03");
    });
  test("the label's glossary wording written without umlauts: 'Huber Kuehlzelle'", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "Bitte 2 Schauglaeser 1/2 fuer die Huber Kuehlzelle");
    expect(draftLines(chat).map((l) => l[2])).toEqual(["M-2001-01"]);
  });
  test("guard: 'für die Huber Kühlzelle' is still the cold room", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "Filtertrockner DML 084 für die Huber Kühlzelle");
    expect(draftLines(chat).map((l) => l[2])).toEqual(["M-2001-01"]);
  });
});

describe("a value with its unit corrected in the same message takes the corrected value", () => {
  for (const [world, customer, text, sku, not] of [
    [
      hvacWorld,
      "H-2001",
      "Lüftermotor 10 Watt, ach nee, den mit 34 Watt, für die Huber Kühlzelle",
      "FM-SP34-230",
      "FM-SP10-230",
    ],
    [
      hvacWorld,
      "H-2001",
      "2 Spaltpolmotoren 10 W, nein sorry, 34 W, für die Huber Kühlzelle",
      "FM-SP34-230",
      "FM-SP10-230",
    ],
    [
      hvacWorld,
      "H-2001",
      "shaded pole fan motor 34 W, no wait, the 10 W one, for the Huber cold room",
      "FM-SP10-230",
      "FM-SP34-230",
    ],
    [
      automationWorld,
      "A-3001",
      "3 Leistungsschütze 18 A 24 V DC für Linie 3, äh nee, 25 A",
      "CT-25-24DC",
      "CT-18-24DC",
    ],
    [
      automationWorld,
      "A-3006",
      "2 contactors 9 A coil 24 V DC for Pal 2, sorry I meant 25 A",
      "CT-25-24DC",
      "CT-9-24DC",
    ],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const skus = draftLines(chat).map((l) => l[0]);
      expect(skus).toContain(sku);
      expect(skus).not.toContain(not);
    });
  test("guard: a count corrected is still a count", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "4 Filtertrockner DML 084 für Edeka, nein, 5");
    expect(draftLines(chat).map((l) => l[1])).toEqual([5]);
  });
});

describe("a value written in one piece names the product that writes it apart, also beside a machine", () => {
  for (const [world, customer, text, sku] of [
    [automationWorld, "A-3006", "two contactors 18A 24VDC for Pal 2", "CT-18-24DC"],
    [automationWorld, "A-3001", "2 Schütze 18A 24VDC für den Palettierer", "CT-18-24DC"],
    [hvacWorld, "H-2001", "2 Schütze CI 9 24VAC für die Huber Kühlzelle", "CT-CI9-24"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat).map((l) => l[0])).toEqual([sku]);
    });
  test("guard: the value that fits stays what it is", { timeout: T }, async () => {
    const chat = await chatAfter(automationWorld, "A-3001", "2 Schütze 18A 230VAC für den Palettierer");
    expect(draftLines(chat)).toEqual([["CT-18-230AC", 2, "M-3001-02"]]);
  });
});
