/**
 * Session 22 (fix22c), German buyers, found in the visible German scenarios of base22 and by chatting in German on
 * the printing, fluid-power and hvac catalogs.
 *
 * 1. A pick from an open list that names the item replaced too — "nimm die 100er statt der 50er", "lieber die Fässer
 *    statt der Eimer", "the drums rather than the pails" — counted the replaced item's words as a pick: two items tied
 *    and the buyer was told "Ich habe „reichen“ im Katalog nicht gefunden" or asked again. The words a "statt",
 *    "anstatt", "instead of", "rather than" clause moves away from (`REPLACED`) now count as negated words for the pick.
 * 2. A German buyer's name for a machine the account labels in English — "für die Heißpresse" (Hot press), "am
 *    Formwechsler" (Mould changer), "für die Tiefkühlzelle 3", "für die TK-Zelle 1" (Freezer 3, Freezer 1) — named no machine
 *    on a catalog that has German texts: the glossary's words were only read for the languages a catalog lacks. A
 *    machine's label is the buyer's own text, never translated by the catalog, so labels are now also read in every
 *    glossary wording (the glossary gained the machine words: Tiefkühlzelle, Heißpresse, Formwechsler, Eismaschine …).
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, hvacWorld, printingWorld, type World } from "./helpers.ts";

const T = 90_000;

async function lastTurn(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, lines: draftLines(chat) };
}

describe("a pick from an open list that names the item it replaces picks the other", () => {
  const plates = "Servus, für die Speedmaster brauch ich Druckplatten 745 x 605, 3 Pack von den 50ern";
  const oil = "für Big Bertha brauchen wir Hydrauliköl HLP 46, 3 Stück";
  const oilEn = "for Big Bertha we need hydraulic oil HLP 46, 3 of them";
  const cases: [() => World, string, string[], string, number][] = [
    [
      printingWorld,
      "PR-4101",
      [plates, "ach, nimm die 100er statt der 50er, dann reichen 2 Pack"],
      "PL-745-030-T100",
      2,
    ],
    [printingWorld, "PR-4101", [plates, "nimm die 100er statt der 50er"], "PL-745-030-T100", 3],
    [printingWorld, "PR-4101", [plates, "doch lieber die 100er anstatt der 50er, 2 Pack"], "PL-745-030-T100", 2],
    [fluidWorld, "F-4001", [oil, "lieber die Fässer statt der Eimer"], "OIL-HLP46-208", 3],
    [fluidWorld, "F-4001", [oil, "die Eimer statt der Fässer bitte"], "OIL-HLP46-20", 3],
    [fluidWorld, "F-4001", [oilEn, "the drums rather than the pails"], "OIL-HLP46-208", 3],
    [fluidWorld, "F-4001", [oilEn, "the pails instead of the drums please"], "OIL-HLP46-20", 3],
  ];
  for (const [world, customer, says, sku, qty] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, qty]]);
    });

  // Guards: a plain pick by the same words keeps working.
  const guards: [() => World, string, string[], string, number][] = [
    [printingWorld, "PR-4101", [plates, "die 100er, 2 Pack"], "PL-745-030-T100", 2],
    [fluidWorld, "F-4001", [oil, "die Fässer"], "OIL-HLP46-208", 3],
  ];
  for (const [world, customer, says, sku, qty] of guards)
    test(`guard: ${says.at(-1)!}`, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => [l[0], l[1]])).toEqual([[sku, qty]]);
    });
});

describe("a German buyer names an English-labelled machine in German", () => {
  const cases: [() => World, string, string, string, string][] = [
    [hvacWorld, "H-2006", "2 Filtertrockner DML 083 für die Tiefkühlzelle 3", "FD-DML-083", "M-2006-01"],
    [hvacWorld, "H-2006", "2 Filtertrockner DML 083 für die TK-Zelle 1", "FD-DML-083", "M-2006-02"],
    [hvacWorld, "H-2006", "für den Tiefkühler 1 bitte 2 Filtertrockner DML 083", "FD-DML-083", "M-2006-02"],
    [
      fluidWorld,
      "F-4001",
      "für die Heißpresse brauch ich den Hauptzylinder-Dichtsatz FKM",
      "SK-PR250-MAIN-FKM",
      "M-4001-03",
    ],
    [fluidWorld, "F-4001", "anne heißpresse bitte 1 Hauptzylinder-Dichtsatz FKM", "SK-PR250-MAIN-FKM", "M-4001-03"],
  ];
  for (const [world, customer, says, sku, machine] of cases)
    test(says, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, says);
      expect(r.lines).toEqual([[sku, expect.any(Number), machine]]);
    });

  test("the machine said in German narrows a list to what fits it", { timeout: T }, async () => {
    const r = await lastTurn(
      fluidWorld,
      "F-4001",
      "tach, anne heißpresse in halle 2 schwitzt der hauptzylinder öl wie bekloppt. wat für nen dichtsatz brauch ich da?",
    );
    expect(r.text).toMatch(/Für Hot press/u);
  });

  // Guards: the English label and a German label keep naming their machine.
  const guards: [() => World, string, string, string, string][] = [
    [hvacWorld, "H-2006", "2 filter driers DML 083 for freezer 3", "FD-DML-083", "M-2006-01"],
    [hvacWorld, "H-2006", "2 Filtertrockner DML 083 für den Kühlraum 2", "FD-DML-083", "M-2006-03"],
    [fluidWorld, "F-4001", "for the hot press 1 main cylinder seal kit FKM", "SK-PR250-MAIN-FKM", "M-4001-03"],
  ];
  for (const [world, customer, says, sku, machine] of guards)
    test(`guard: ${says}`, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, says);
      expect(r.lines).toEqual([[sku, expect.any(Number), machine]]);
    });
});
