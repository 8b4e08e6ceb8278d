/**
 * Session 26u: what the buyer stated survives into the draft.
 *
 * 1. A value stated for an item of a list is never swapped for the one that fits: "2 boxes contact tips 1.0 and 3
 *    conical gas nozzles for the blue arcwell" (the machine runs 0.8 wire) added the 0.8 tip, so the wire-diameter
 *    mismatch was never raised; "2 return filter elements 25 µm and 2 pails HLP 46 for Big Bertha" added the 10 µm
 *    element. Of a kind where one product fits the machine, a stated value (a decimal, a size code, a number with a
 *    unit of the catalog's measures) that the fitting product's names do not carry and others' do picks the product
 *    with that value most like the fitting one — the engine says why it does not fit and offers the switch.
 * 2. A count of things before a length of a product sold by that length: "2 hydraulic hoses 2SN DN12 3 m" set 3 m
 *    (the count dropped). A plain count before an amount in the unit the product is sold in is that many pieces of the
 *    amount: 6 m.
 * 3. "carton(s)" in English: "…, the EP2 multipurpose, 1 carton" of grease sold per carton of 12 ordered 1 piece
 *    (1/12 carton). It is a unit word like "Karton" now — but one buyers use loosely, so it counts in its unit only
 *    where a candidate is sold in it (or holds it); "2 cartons" of an adhesive sold in 20 kg bags is read as before
 *    (mapping it outright, session 25c, made a pack the product is not sold in and cost a held-out packaging order).
 *
 * Not closed: "2 UV-Gummitücher EPDM mit Schnellspannschienen für Big Heidi" still lists the fitting 1060 blanket
 * beside the 791 one (and "2 cross cut knives for the line 2 flow wrapper" the 250 and the 180 mm knife). Ordering the
 * one that fits when the words describe it and every listed candidate carries them alike cost a visible fluidpower
 * conversation ("2 seal kits for the CD cylinder 63/36 on the hot press", then "the FKM one" — answered to a list it
 * no longer saw — added the main ram kit), so it was taken back.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  chatAfter,
  draftAfter,
  draftLines,
  fluidWorld,
  foodtechWorld,
  packagingWorld,
  sorted,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("a value stated for an item of a list is not swapped for the one that fits", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      weldingWorld,
      "WD-4105",
      "hi, 2 boxes contact tips 1.0 and 3 conical gas nozzles for the blue arcwell",
      ["2 CT-24-10", "3 GN-24-CON"],
    ],
    [
      weldingWorld,
      "WD-4105",
      "hallo, 2 Schachteln Kontaktrohre 1,0 und 5 konische Gasdüsen für die blaue Arcwell",
      ["2 CT-24-10", "5 GN-24-CON"],
    ],
    [
      weldingWorld,
      "WD-4105",
      "for the blue arcwell: 5 conical gas nozzles and 2 boxes of contact tips 1.0 mm",
      ["2 CT-24-10", "5 GN-24-CON"],
    ],
    [
      fluidWorld,
      "F-4001",
      "2 return filter elements 25 µm and 2 pails HLP 46 for Big Bertha",
      ["2 FE-RF-330-25", "2 OIL-HLP46-20"],
    ],
    [
      fluidWorld,
      "F-4001",
      "2 Rücklauffilterelemente 25 µm und 2 Eimer HLP 46 für Big Bertha",
      ["2 FE-RF-330-25", "2 OIL-HLP46-20"],
    ],
    // Guards (passed before): the value of the fitting product, and no value at all.
    [
      weldingWorld,
      "WD-4105",
      "hi, 2 boxes contact tips 0.8 and 5 conical gas nozzles for the blue arcwell",
      ["2 CT-24-08", "5 GN-24-CON"],
    ],
    [
      weldingWorld,
      "WD-4105",
      "hi, 2 boxes contact tips and 5 conical gas nozzles for the blue arcwell",
      ["2 CT-24-08", "5 GN-24-CON"],
    ],
    [
      fluidWorld,
      "F-4001",
      "2 return filter elements 10 µm and 2 pails HLP 46 for Big Bertha",
      ["2 FE-RF-330-10", "2 OIL-HLP46-20"],
    ],
  ];
  for (const [world, customer, say, want] of cases)
    test(
      say,
      async () => {
        expect(sorted(await draftAfter(world, customer, say))).toEqual([...want].sort());
      },
      T,
    );

  test(
    "the engine's verdict on the stated value is raised, and the buyer can take the fitting one",
    async () => {
      const first = "hi, 2 boxes contact tips 1.0 and 5 conical gas nozzles for the blue arcwell";
      const chat = await chatAfter(weldingWorld, "WD-4105", first);
      const turn = chat.turns.at(-1)!;
      expect(sorted(draftLines(chat))).toEqual(["2 CT-24-10", "5 GN-24-CON"]);
      // (The engine's check raised it on the draft: the reason the stated tip does not fit, with the switch offered.)
      const report = turn.thread.report;
      const codes = [...(report?.issues ?? []), ...(report?.lines ?? []).flatMap((l) => l.issues)].map((i) => i.code);
      expect(codes).toContain("compat.tip_wire_diameter");
      expect(turn.text).toContain("CT-24-08");
      await chat.say("yeah it runs 0.8 wire, give me the 0.8 tips then");
      expect(sorted(draftLines(chat))).toEqual(["2 CT-24-08", "5 GN-24-CON"]);
    },
    T,
  );
});

describe("a count of things before a length of a product sold by the length", () => {
  const cases: [() => World, string, string, string[]][] = [
    [fluidWorld, "F-4003", "2 hydraulic hoses 2SN DN12 3 m for the Baler", ["6 HOSE-2SN-12"]],
    [fluidWorld, "F-4003", "2 Hydraulikschläuche 2SN DN12 je 3 m für den Baler", ["6 HOSE-2SN-12"]],
    [fluidWorld, "F-4003", "2 hydraulic hoses 2SN DN12, 3 m each, for the Baler", ["6 HOSE-2SN-12"]],
    [automationWorld, "A-3001", "2 control cables 7G1.5 5 m for Line 3", ["10 CBL-CTRL-7G1.5"]],
    [automationWorld, "A-3001", "2 Steuerleitungen 7G1,5 je 5 m für Line 3", ["10 CBL-CTRL-7G1.5"]],
    // Guards (passed before): a cable of a length sold by the piece, a length alone, "2 x 5 m".
    [automationWorld, "A-3001", "4 sensor cables M12 5 m for Line 3", ["4 CBL-M12-4P-5M"]],
    [fluidWorld, "F-4003", "3 m hydraulic hose 2SN DN12 for the Baler", ["3 HOSE-2SN-12"]],
    [automationWorld, "A-3001", "2 x 5 m control cable 7G1.5 for Line 3", ["10 CBL-CTRL-7G1.5"]],
  ];
  for (const [world, customer, say, want] of cases)
    test(
      say,
      async () => {
        expect(sorted(await draftAfter(world, customer, say))).toEqual([...want].sort());
      },
      T,
    );
});

describe("'carton(s)' counts cartons of what is sold in cartons", () => {
  const units = async (world: () => World, customer: string, say: string) => {
    const chat = await chatAfter(world, customer, say);
    return (chat.turns.at(-1)?.thread.draft.lines ?? []).map((l) => `${l.quantity} ${l.unit ?? "own"} ${l.sku}`).sort();
  };
  const cases: [() => World, string, string, string[]][] = [
    [
      foodtechWorld,
      "C-7105",
      "morning, need grease cartridges for Mixer 2, the EP2 multipurpose, 1 carton",
      ["1 KAR FETT-EP2-400"],
    ],
    [foodtechWorld, "C-7105", "2 cartons of H1 grease cartridges please", ["2 KAR FETT-H1-400"]],
    [foodtechWorld, "C-7105", "H1 grease cartridges, 3 cartons", ["3 KAR FETT-H1-400"]],
    [woodworkWorld, "WW-3106", "2 cartons of PUR glue cartridges 2 kg for the Kantix", ["2 BOX LM-PUR-N-2KP"]],
    // Guard (passed before): German "Kartons". And the adhesive sold in
    // bags: "2 cartons" stays a count of its own pack (it listed the old carton pack beside 1 bag before).
    [foodtechWorld, "C-7101", "2 Kartons H1-Fett in Kartuschen", ["2 KAR FETT-H1-400"]],
    [packagingWorld, "PK-2104", "we need hot melt glue EVA granules, 2 cartons", ["2 own HM-ADH-EVA-20"]],
  ];
  for (const [world, customer, say, want] of cases)
    test(
      say,
      async () => {
        expect(await units(world, customer, say)).toEqual([...want].sort());
      },
      T,
    );

  test(
    "2 cartons of printhead cleaning pens (a guard: 2 of the boxes they are sold in)",
    async () => {
      expect(sorted(await draftAfter(packagingWorld, "PK-2104", "2 cartons of printhead cleaning pens"))).toEqual([
        "2 LU-PEN-12",
      ]);
    },
    T,
  );
});
