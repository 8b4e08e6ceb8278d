/**
 * Session 27 (helper w): a list of items in a follow-up message that names no machine — found in visible welding,
 * printing and woodwork transcripts ("dann einzeln. 2 kartons stromdüsen 1,2 und 10 gasdüsen konisch" after the tips
 * were on the order for one welder: the gas nozzles were lost; "… und 2 Päckli Unterlagsböge derzue").
 *
 * A message of several items was read part by part for the machine the message names, else for none: a part that was
 * one product only on the machine the order is about ("10 gasdüsen konisch" of four, one fitting the welder) stayed
 * open, and with every part open the whole message was read as one item. Now the parts of a list that names no machine
 * are read for the machine the order is about (an open list's, else the order's, else the one all lines are for), and
 * a part whose products include one a line of the order holds — its names carrying the part's words as much as any,
 * no value said naming another — is that line said again with the count said (as the part alone is read).
 *
 * 2. Swiss "üe" for a standard "ü" ("Gummitüecher", "Saugfüess", "Rüehrbese", "Temperaturfüehler"): the blankets of
 *    "mir bruuched 4 Gummitüecher für d'Heidi, die konventionelle, und 2 Päckli Unterlagsböge derzue" were no item of
 *    the list, so the message was read as one item and the underlay sheets were lost. The dialect reading
 *    (`dialect.ts`) now has the correspondence üe → ü (a German-only class: English has no such spelling).
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  draftLines,
  foodtechWorld,
  lastTurn,
  printingWorld,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 90_000;
const withMachine = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]} @${l[2]}`).sort();

describe("a list that names no machine, on an order about one machine", () => {
  const cases: [() => World, string, string[], string[]][] = [
    [
      weldingWorld,
      "WD-4101",
      ["für halle 1 platz 2: 1 karton kontaktrohre 1,2 cucrzr", "2 kartons kontaktrohre 1,2 und 10 gasdüsen konisch"],
      ["10 GN-36-CON @M-4101-01", "2 CT-36-12 @M-4101-01"],
    ],
    [
      weldingWorld,
      "WD-4101",
      [
        "für halle 1 platz 2: 1 karton kontaktrohre 1,2 cucrzr",
        "make it 2 boxes of contact tips and add 10 conical gas nozzles",
      ],
      ["10 GN-36-CON @M-4101-01", "2 CT-36-12 @M-4101-01"],
    ],
    [
      printingWorld,
      "PR-4103",
      ["für Heidi 4 Gummitücher konventionell", "1", "6 Gummitücher und 2 Pack Unterlagebogen"],
      ["2 UL-74-PAK @M-4103-01", "6 GT-74-NBR-SS @M-4103-01"],
    ],
    [
      printingWorld,
      "PR-4103",
      ["for Heidi 4 conventional blankets", "the first one", "6 blankets and 2 packs of underlay sheets"],
      ["2 UL-74-PAK @M-4103-01", "6 GT-74-NBR-SS @M-4103-01"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      ["für die Kanten-Kathi 3 Sack EVA Leim natur", "4 Sack Leim natur und 2 Flaschen Kantenreiniger"],
      ["2 RG-KANT-1L @M-3101-03", "4 LM-EVA-N-25 @M-3101-03"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(`${customer}: "${says.at(-1)}"`, { timeout: T }, async () => {
      expect(withMachine(draftLines(await chatAfter(world, customer, ...says)))).toEqual(want);
    });

  test("guard: a value said names another product than the order's line", { timeout: T }, async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4101",
      "für halle 1 platz 2: 1 karton kontaktrohre 1,2 cucrzr",
      "2 kartons kontaktrohre 1,0 und 10 gasdüsen konisch",
    );
    const lines = withMachine(draftLines(chat));
    expect(lines).toContain("1 CT-36-12 @M-4101-01");
    expect(lines).toContain("10 GN-36-CON @M-4101-01");
  });
  test("guard: a word said names another product than the order's line", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3101",
      "für die Kanten-Kathi 3 Sack EVA Leim natur",
      "4 Sack Leim weiß und 2 Flaschen Kantenreiniger",
    );
    expect(withMachine(draftLines(chat))).toContain("3 LM-EVA-N-25 @M-3101-03");
  });
  test("guard: a list that names its machine keeps working", { timeout: T }, async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4101",
      "für halle 1 platz 2: 2 kartons kontaktrohre 1,2 und 10 gasdüsen konisch",
    );
    expect(withMachine(draftLines(chat))).toEqual(["10 GN-36-CON @M-4101-01", "2 CT-36-12 @M-4101-01"]);
  });
});

describe("Swiss üe for a standard ü", () => {
  const found: [() => World, string, string, string][] = [
    [printingWorld, "PR-4103", "2 Beutel Saugfüess M6 für d'Heidi", "SF-M6-10"],
    [foodtechWorld, "C-7101", "mir bruuched 2 Rüehrbese PR 40", "RB-PR40"],
    [foodtechWorld, "C-7101", "2 Temperaturfüehler PT100 bitte", "TF-PT100"],
  ];
  for (const [world, customer, text, sku] of found)
    test(`guard: ${customer}: "${text}" alone keeps working`, { timeout: T }, async () => {
      expect((await lastTurn(world, customer, text)).text).toContain(sku);
    });
  test("PR-4103: the blankets of a list said in Swiss German are an item of the list", { timeout: T }, async () => {
    const chat = await chatAfter(
      printingWorld,
      "PR-4103",
      "Grüezi, mir bruuched 4 Gummitüecher für d'Heidi, die konventionelle, und 2 Pack Unterlagebogen derzue.",
    );
    expect(withMachine(draftLines(chat))).toEqual(["2 UL-74-PAK @M-4103-01", "4 GT-74-NBR-SS @M-4103-01"]);
  });
  test("PR-4103: the blankets said in Swiss German beside another item", { timeout: T }, async () => {
    const chat = await chatAfter(
      printingWorld,
      "PR-4103",
      "für d'Heidi 3 Gummitüecher konventionell und 1 Pack Unterlagebogen",
    );
    expect(withMachine(draftLines(chat))).toEqual(["1 UL-74-PAK @M-4103-01", "3 GT-74-NBR-SS @M-4103-01"]);
  });
  test("C-7101: a list of two items said in Swiss German reads both", { timeout: T }, async () => {
    const turn = await lastTurn(foodtechWorld, "C-7101", "2 Rüehrbese PR 40 und 2 Temperaturfüehler PT100");
    expect(turn.lines.map((l) => `${l[1]} ${l[0]}`)).toContain("2 RB-PR40");
    expect(turn.text).toContain("TF-PT100");
  });
});
