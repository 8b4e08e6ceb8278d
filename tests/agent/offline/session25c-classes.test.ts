/**
 * Session 25c: the buyer changes course on an order already started.
 *
 * 1. A count for a line said with a reason beside it: "correction: only 1 motor, the other one was rewound already"
 *    after a swap to the 460 V motor searched the catalog (the best guess for "motor" was the motor swapped away);
 *    "actually make that 4 rolls, silage season coming and all" swapped the net for silage film (a word of the reason
 *    names another product). A correcting count whose counted words name the line (no other product named
 *    confidently), or whose counted part names nothing, sets that line's count; the reason beside it orders nothing.
 * 2. A line left off with "forget the X" / "vergiss die X": "and forget the gaskets, we still have some" added
 *    another gasket line. Words that leave off followed by words that all name one line of the order drop that line.
 * 3. "plus 2 filter driers DML 084 for the same chiller" read as a reorder lost the machine: the steering words
 *    blanked before the reading ("same") still say which machine.
 * 4. The same product in another pack: "actually give me 2 boxes of 5 m instead, …, so drop the loose links" about
 *    chain by the metre asked the machine anew for the boxed chain; "make that 1 drum instead" of oil in pails set 1
 *    pail. The line whose product has one sibling sold in the unit said (holding the measure said after it), the same
 *    product otherwise, is switched to it with the count — also while a fix is offered; a line dropped beside goes.
 * 5. A count edited while a switch of the line is offered: "make that 2 packs of underlay" to "does not fit — switch
 *    to UL-105-PAK?" took the switch and dropped the count (1 pack). The switch taken with words that edit the count
 *    carries the count, as the switch to a successor did.
 *
 * Not closed: "1 carton" in English is no unit word (read as 1 piece = 1/12 carton on foodtech); mapping it to the
 * catalog's box-like unit cost a held-out packaging conversation a false block, so it was reverted.
 * Also not closed: "und vergesst die Kettenschlösser" (the compound split into "kette schlösser" names no one line);
 * "forget the X, …. what does it come to now?" (the leave-off clause is not among the clauses read).
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  demoWorld,
  draftAfter,
  fluidWorld,
  hvacWorld,
  powertransWorld,
  printingWorld,
  weldingWorld,
  woodworkWorld,
  sorted,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("a count for a line, said with a reason", () => {
  const motors400 = "Hello, 2 axial fan motors 500 mm 400 V for the MS Elbe chiller please";
  const to460 = "ah yes of course, ship power is 460 V 60 Hz. the 460 V one then";
  const net = "hiya, 2 rolls of the 1.30 m net wrap for Big Red please";
  const seals = "2 mechanical seals 28 mm carbon/ceramic EPDM for pump 2 in hall B";
  const cases: [() => World, string, string[], string, string[]][] = [
    [
      hvacWorld,
      "H-2005",
      [motors400, to460],
      "correction: only 1 motor, the other one was rewound already",
      ["1 FM-AX500-460"],
    ],
    [hvacWorld, "H-2005", [motors400, to460], "just 1 motor, we rewound the other one", ["1 FM-AX500-460"]],
    [
      hvacWorld,
      "H-2005",
      [motors400, to460],
      "Korrektur: nur 1 Motor, der andere wurde schon neu gewickelt",
      ["1 FM-AX500-460"],
    ],
    [agripartsWorld, "A-9004", [net], "actually make that 4 rolls, silage season coming and all", ["4 NET-130-3600"]],
    [agripartsWorld, "A-9004", [net], "make it 4 rolls, the silage season is coming", ["4 NET-130-3600"]],
    // Guards (passed before): a German count with a reason, a count whose reason names nothing, a product added.
    [agripartsWorld, "A-9004", [net], "doch 4 Rollen bitte, die Silage-Saison kommt", ["4 NET-130-3600"]],
    [
      demoWorld,
      "C-1001",
      [seals],
      "hm actually make that 3 seals, the fitter wants one on the shelf",
      ["3 SE-MS28-CC-EPDM"],
    ],
    [
      hvacWorld,
      "H-2005",
      [motors400, to460],
      "actually 2 filter driers DML 084 as well",
      ["2 FM-AX500-460", "2 FD-DML-084"],
    ],
  ];
  for (const [world, customer, before, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, ...before, edit))).toEqual([...want].sort());
      },
      T,
    );
});

describe("a line left off with 'forget the X'", () => {
  const demoOrder =
    "hi, need 2 mechanical seals for pump 2 in hall B, the carbon/ceramic EPDM ones, and 2 casing gaskets for the same pump";
  const chain = "hi, 10 metres of 1/2 inch simplex roller chain 08B-1 for the Case conveyor, plus 2 connecting links";
  const hvOrder = "2 FD-DML-084 and 1 SG-SGN-12 for the MS Elbe chiller";
  const seals = ["2 SE-MS28-CC-EPDM"];
  const cases: [() => World, string, string, string, string[]][] = [
    [demoWorld, "C-1001", demoOrder, "and forget the gaskets, we still have some. whats the total now?", seals],
    [demoWorld, "C-1001", demoOrder, "and forget the gaskets, we still have some", seals],
    [demoWorld, "C-1001", demoOrder, "und vergiss die Gehäusedichtungen, wir haben noch welche", seals],
    [powertransWorld, "T-7005", chain, "and forget the connecting links, we still have some", ["10 CH-08B1-M"]],
    [hvacWorld, "H-2005", hvOrder, "and forget the sight glass, we still have one", ["2 FD-DML-084"]],
    [hvacWorld, "H-2005", hvOrder, "und vergiss das Schauglas, wir haben noch eins", ["2 FD-DML-084"]],
    // Guards (passed before)
    [demoWorld, "C-1001", demoOrder, "forget the gaskets, we still have some", seals],
    [demoWorld, "C-1001", demoOrder, "vergiss die Gehäusedichtungen, wir haben noch welche", seals],
    [
      demoWorld,
      "C-1001",
      demoOrder,
      "lass die Gehäusedichtungen weg, wir haben noch welche. Was kostet das jetzt?",
      seals,
    ],
    [powertransWorld, "T-7005", chain, "and forget the loose links, we still have plenty", ["10 CH-08B1-M"]],
    [
      powertransWorld,
      "T-7005",
      chain,
      "and forget the connecting links please. what's the total now?",
      ["10 CH-08B1-M"],
    ],
    [powertransWorld, "T-7005", chain, "forget about the connecting links", ["10 CH-08B1-M"]],
    [powertransWorld, "T-7005", chain, "die Kettenschlösser vergessen wir, die haben wir noch", ["10 CH-08B1-M"]],
    [powertransWorld, "T-7005", chain, "drop the connecting links", ["10 CH-08B1-M"]],
    [
      hvacWorld,
      "H-2005",
      hvOrder,
      "forget the sight glass, we have one in the van. what's the total?",
      ["2 FD-DML-084"],
    ],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, order, edit))).toEqual([...want].sort());
      },
      T,
    );
});

describe("an item added 'for the same <machine>' said as a reorder", () => {
  const motors = "2 axial fan motors 500 mm 460 V for the MS Elbe chiller";
  const seals = "2 mechanical seals 28 mm carbon/ceramic EPDM for pump 2 in hall B";
  const tips = "2 boxes CT-24-08 for the blue arcwell";
  const cases: [() => World, string, string, string, string[]][] = [
    [hvacWorld, "H-2005", motors, "plus 2 filter driers DML 084 for the same chiller", ["2 FD-DML-084 M-2005-01"]],
    [hvacWorld, "H-2005", motors, "2 filter driers DML 084 for the same chiller", ["2 FD-DML-084 M-2005-01"]],
    [hvacWorld, "H-2005", motors, "plus 1 sight glass SGN 12 for the same chiller", ["1 SG-SGN-12 M-2005-01"]],
    // Guards (passed before)
    [hvacWorld, "H-2005", motors, "dazu 2 Filtertrockner DML 084 für den gleichen Chiller", ["2 FD-DML-084 M-2005-01"]],
    [demoWorld, "C-1001", seals, "plus 2 casing gaskets NCP 32 for the same pump", ["2 SE-CG-NCP32 M-1001-02"]],
    [weldingWorld, "WD-4105", tips, "plus 5 gas nozzles GN-24-CON for the same arcwell", ["5 GN-24-CON M-4105-01"]],
  ];
  for (const [world, customer, order, added, want] of cases)
    test(
      added,
      async () => {
        const lines = await draftAfter(world, customer, order, added);
        expect(lines.slice(1).map((l) => `${l[1]} ${l[0]} ${l[2]}`)).toEqual(want);
      },
      T,
    );
});

describe("the same product in another pack", () => {
  const chain = "hi, 10 metres of 1/2 inch simplex roller chain 08B-1 for the Case conveyor, plus 2 connecting links";
  const band = "10 metres of 1/2 inch simplex roller chain 08B-1 for Band 3";
  const cases: [() => World, string, string, string, string[]][] = [
    [
      powertransWorld,
      "T-7005",
      chain,
      "actually give me 2 boxes of 5 m instead, they come with a link each, so drop the loose links",
      ["2 CH-08B1-B5 M-7005-02"],
    ],
    [powertransWorld, "T-7001", band, "actually 2 boxes of 5 m instead", ["2 CH-08B1-B5 M-7001-01"]],
    [powertransWorld, "T-7001", band, "lieber 2 Kartons à 5 m stattdessen", ["2 CH-08B1-B5 M-7001-01"]],
    [
      powertransWorld,
      "T-7001",
      "12 LUB-EP2-400 for Band 3",
      "actually 1 case of 12 instead",
      ["1 LUB-EP2-400-C12 M-7001-01"],
    ],
    [
      fluidWorld,
      "F-4001",
      "10 m HOSE-2SN-12 for Press 3",
      "actually 1 reel of 50 m instead",
      ["1 HOSE-2SN-12-R50 M-4001-02"],
    ],
    [
      fluidWorld,
      "F-4001",
      "2 pails OIL-HLP46-20 for Press 3",
      "make that 1 drum instead",
      ["1 OIL-HLP46-208 M-4001-02"],
    ],
    [
      fluidWorld,
      "F-4001",
      "2 pails OIL-HLP46-20 for Press 3",
      "doch lieber 1 Fass stattdessen",
      ["1 OIL-HLP46-208 M-4001-02"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "12 m AS-120-PU für die Absaugung",
      "lieber 1 Rolle mit 10 m stattdessen",
      ["1 AS-120-PU-10 M-3101-05"],
    ],
    // Guards: a pack word the line's product is sold in already, a count in the line's own unit, and an existing
    // pack word (passed before).
    [woodworkWorld, "WW-3101", "10 SS-120 für die Absaugung", "doch lieber 1 Vorteilspack", ["1 SS-120-10 M-3101-05"]],
    [fluidWorld, "F-4001", "10 m HOSE-2SN-12 for Press 3", "actually 12 m instead", ["12 HOSE-2SN-12 M-4001-02"]],
    [
      fluidWorld,
      "F-4001",
      "2 pails OIL-HLP46-20 for Press 3",
      "actually 3 pails instead",
      ["3 OIL-HLP46-20 M-4001-02"],
    ],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        const lines = await draftAfter(world, customer, order, edit);
        expect(lines.map((l) => `${l[1]} ${l[0]} ${l[2]}`)).toEqual(want);
      },
      T,
    );
});

describe("a count edited while a switch is offered", () => {
  const underlay = "1 pack of calibrated underlay sheets UL-74-PAK for Big Heidi";
  const motors = "Hello, 2 axial fan motors 500 mm 400 V for the MS Elbe chiller please";
  const cases: [() => World, string, string, string, string[]][] = [
    [printingWorld, "PR-4105", underlay, "make that 2 packs of underlay", ["2 UL-105-PAK"]],
    [printingWorld, "PR-4105", underlay, "make it 2 packs", ["2 UL-105-PAK"]],
    [hvacWorld, "H-2005", motors, "actually 1 motor will do", ["1 FM-AX500-460"]],
    [hvacWorld, "H-2005", motors, "make that 3 motors", ["3 FM-AX500-460"]],
    [hvacWorld, "H-2005", motors, "Korrektur: 3 Motoren", ["3 FM-AX500-460"]],
    // Guard (passed before): a German count for the line that is not read as the switch.
    [printingWorld, "PR-4105", underlay, "Korrektur: 2 Packungen", ["2 UL-74-PAK"]],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, order, edit))).toEqual(want);
      },
      T,
    );
});
