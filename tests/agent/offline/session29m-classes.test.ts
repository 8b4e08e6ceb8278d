/**
 * Session 29 (lead): "Kontaktrohre für Halle 1 Platz 2, M6 1,2 CuCrZr, 2 Schachteln", "gas nozzles for Halle 1
 * Platz 2, the cylindrical ones, 10 pcs", "Türdichtung für Ofen 1, Meterware, 5 m": the words that describe the
 * product after the machine's name were read as the target's ("what follows 'for' names the target"), so only the kind
 * word searched and the buyer got a list of every nozzle, tip or gasket. Words after the machine's name, past the words
 * that name the target, describe the product with the words before the "for". And "we need glue for the edge bander,
 * EVA natural. 3 bags of glue please" (session 26m) keeps its glue now that the edge bander is found (session 28m).
 * Guards: the words right after "for" that name a target the buyer has no machine for still only rank; a size after
 * the machine ranks, it does not search.
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  draftLines,
  fluidWorld,
  foodtechWorld,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
} from "./helpers.ts";

const T = 60_000;

describe("product words after the machine's name describe the product", () => {
  for (const [world, customer, text, sku, qty, machine] of [
    [
      weldingWorld,
      "WD-4101",
      "Kontaktrohre für Halle 1 Platz 2, M6 1,2 CuCrZr, 2 Schachteln",
      "CT-36-12",
      2,
      "M-4101-01",
    ],
    [weldingWorld, "WD-4101", "Gasdüsen für Halle 1 Platz 2, zylindrisch, 10 Stück", "GN-36-CYL", 10, "M-4101-01"],
    [
      weldingWorld,
      "WD-4101",
      "gas nozzles for Halle 1 Platz 2, the cylindrical ones, 10 pcs",
      "GN-36-CYL",
      10,
      "M-4101-01",
    ],
    [foodtechWorld, "C-7101", "Türdichtung für Ofen 1, Meterware, 5 m", "TD-P12-SIL", 5, "M-7101-03"],
    [
      woodworkWorld,
      "WW-3104",
      "we need glue for the edge bander, EVA natural. 3 bags of glue please",
      "LM-EVA-N-25",
      3,
      "M-3104-02",
    ],
    [woodworkWorld, "WW-3104", "glue for the edge bander, EVA white, 2 bags", "LM-EVA-W-25", 2, "M-3104-02"],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat)).toEqual([[sku, qty, machine]]);
    });
  test("guard: a size after the machine ranks the candidates, the kind still searches", { timeout: T }, async () => {
    const chat = await chatAfter(fluidWorld, "F-4001", "Filterelemente für die Presse 3, 10 µm, 2 Stück");
    expect(draftLines(chat)).toEqual([["FE-RF-330-10", 2, "M-4001-02"]]);
  });
});

describe("a sack is a bag: the count's unit, not a product word", () => {
  for (const [world, customer, text, sku, qty] of [
    [woodworkWorld, "WW-3104", "Leim für die Edge bander, EVA weiß, 2 Sack", "LM-EVA-W-25", 2],
    [watertreatWorld, "W-8102", "3 Sack Regeneriersalz bitte", "CH-SALT-25", 3],
    [watertreatWorld, "W-8102", "Salz für den Enthärter, Tabletten, 10 Sack", "CH-SALT-25", 10],
    [watertreatWorld, "W-8103", "10 sacks of softener salt", "CH-SALT-25", 10],
  ] as const)
    test(`${customer}: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([[sku, qty]]);
    });
  test("guard: a product named with the word in its compound stays that product", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3104", "1 Pack Spänesäcke 500");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["SA-SACK-500", 1]]);
  });
});
