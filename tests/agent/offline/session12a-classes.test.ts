/**
 * Buyer classes closed in session 12 (helper fix12a), each played in English and German on more than one catalog;
 * every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  chatAfter,
  draftAfter,
  draftLines,
  fluidWorld,
  foodtechWorld,
  hvacWorld,
  powertransWorld,
  type World,
  watertreatWorld,
} from "./helpers.ts";

/** The last reply after the buyer's messages, and the draft's lines then. */
async function replyAfter(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { text: chat.turns.at(-1)!.text, tools: chat.turns.at(-1)!.tools, lines: draftLines(chat) };
}

describe("a price stated in a question is an amount, not how many ('Contract price is 315 right?')", () => {
  for (const [world, customer, add, line, price, question] of [
    [powertransWorld, "T-7001", "2 VB-SPA-1250", ["VB-SPA-1250", 2, null], "10.47", "Contract price is 9 right?"],
    [powertransWorld, "T-7001", "2 VB-SPA-1250", ["VB-SPA-1250", 2, null], "10,47", "Der Preis ist doch 9 oder?"],
    [
      hvacWorld,
      "H-2001",
      "2 FD-DML-084 for the roof chiller",
      ["FD-DML-084", 2, "M-2001-03"],
      "19.27",
      "contract price is 40 right?",
    ],
  ] as const)
    it(`${customer}: '${question}' answers the line's price and leaves the order as it is`, async () => {
      const r = await replyAfter(world, customer, add, question);
      expect(r.lines).toEqual([line]);
      expect(r.text).toContain(`${line[1]} × ${line[0]}`);
      expect(r.text).toContain(price);
      expect(r.text).toContain("L1");
      expect(r.tools).not.toContain("update_line");
    });
});

describe("a stock or price question naming the kind of a line in the order is about that line", () => {
  for (const [world, customer, add, line, question] of [
    [powertransWorld, "T-7001", "2 VB-SPA-1250", ["VB-SPA-1250", 2, null], "are the SPA belts in stock?"],
    [powertransWorld, "T-7001", "2 VB-SPA-1250", ["VB-SPA-1250", 2, null], "Was kosten die Keilriemen?"],
    [
      hvacWorld,
      "H-2001",
      "2 FD-DML-084 for the roof chiller",
      ["FD-DML-084", 2, "M-2001-03"],
      "are the filter driers in stock?",
    ],
    [
      hvacWorld,
      "H-2001",
      "2 FD-DML-084 for the roof chiller",
      ["FD-DML-084", 2, "M-2001-03"],
      "was kostet der Filtertrockner?",
    ],
  ] as const)
    it(`${customer}: '${question}' answers for L1, nothing listed or offered`, async () => {
      const r = await replyAfter(world, customer, add, question);
      expect(r.lines).toEqual([line]);
      expect(r.text).toContain(`× ${line[0]}`);
      expect(r.text).toContain("L1");
      expect(r.tools).not.toContain("search_catalog");
    });

  it("guard: a question about another product of the kind is about that one", async () => {
    const r = await replyAfter(powertransWorld, "T-7001", "2 VB-SPA-1250", "what does a SPB belt cost?");
    expect(r.text).not.toContain("VB-SPA-1250");
    expect(r.lines).toEqual([["VB-SPA-1250", 2, null]]);
  });
});

describe("an earlier order named by its reference: the lines the words name, each with the count said for it", () => {
  for (const [world, customer, text, expected] of [
    [
      watertreatWorld,
      "W-8102",
      "Hello, again like on our PO KR-45521: 3 lamps plus 4 o-ring sets for UV 2",
      [
        ["UV-AM145-B", 3, "M-8102-02"],
        ["UV-OR-1554", 4, "M-8102-02"],
      ],
    ],
    // A hyphenated word of a name ("Sleeve O-ring set") is named by its parts.
    [watertreatWorld, "W-8102", "like our PO KR-45521 again, only the o-ring sets", [["UV-OR-1554", 2, "M-8102-02"]]],
    [
      hvacWorld,
      "H-2001",
      "Bitte wie Bestellung PK-25-0917, aber 3 Filtertrockner und 2 Druckschalter",
      [
        ["FD-DML-084", 3, "M-2001-03"],
        ["PS-KP6W", 2, "M-2001-03"],
      ],
    ],
    [
      hvacWorld,
      "H-2001",
      "Same as our PO PK-25-0917 again: 3 filter driers and the HP switch",
      [
        ["FD-DML-084", 3, "M-2001-03"],
        ["PS-KP6W", 1, "M-2001-03"],
      ],
    ],
    // A machine of that order named: each line stays on its own machine.
    [
      powertransWorld,
      "T-7004",
      "repeat our order 4500-7702 for Schnecke 1 please",
      [
        ["SPD-28-98A", 2, "M-7004-01"],
        ["LUB-HT2-400-C12", 1, "M-7004-03"],
      ],
    ],
  ] as const)
    it(`${customer}: '${text}'`, async () => {
      expect(await draftAfter(world, customer, text)).toEqual(expected);
    });
});

describe("counts of several variants of one kind, the variant a code or a hyphenated word ('2 SPA and 3 SPZ')", () => {
  for (const [world, customer, text, expected] of [
    [
      powertransWorld,
      "T-7001",
      "v-belts 1250 mm: 2 SPA and 3 SPZ",
      [
        ["VB-SPA-1250", 2, null],
        ["VB-SPZ-1250", 3, null],
      ],
    ],
    [
      powertransWorld,
      "T-7001",
      "Keilriemen 1250 mm: 2 SPA und 3 SPZ",
      [
        ["VB-SPA-1250", 2, null],
        ["VB-SPZ-1250", 3, null],
      ],
    ],
    [
      powertransWorld,
      "T-7001",
      "we need v-belts 1250mm, 2 SPA + 3 SPZ",
      [
        ["VB-SPA-1250", 2, null],
        ["VB-SPZ-1250", 3, null],
      ],
    ],
    [
      agripartsWorld,
      "A-9001",
      "plough shares 16 inch bolt-on: 2 left-hand and 2 right-hand",
      [
        ["PSH-16-BO-L", 2, null],
        ["PSH-16-BO-R", 2, null],
      ],
    ],
    [
      agripartsWorld,
      "A-9001",
      "Pflugschare 16 Zoll bolt-on: 3 left-hand und 3 right-hand",
      [
        ["PSH-16-BO-L", 3, null],
        ["PSH-16-BO-R", 3, null],
      ],
    ],
  ] as const)
    it(`${customer}: '${text}'`, async () => {
      expect(await draftAfter(world, customer, text)).toEqual(expected);
    });
});

describe("'to spec', 'made to spec', 'nach Maß', 'nach Vorgabe': a request to configure the product built to order", () => {
  for (const [world, customer, says, expected] of [
    [foodtechWorld, "C-7101", ["Heizelement nach Maß, 400 V, 2500 W", "für Ofen 1"], [["HE-KONF", 1, "M-7101-03"]]],
    [
      foodtechWorld,
      "C-7101",
      ["heating element made to spec please, 230 V 1800 W", "for Ofen 2"],
      [["HE-KONF", 1, "M-7101-04"]],
    ],
    [foodtechWorld, "C-7101", ["Heizstab nach Spezifikation: 400 V, 3200 W", "Ofen 1"], [["HE-KONF", 1, "M-7101-03"]]],
    [watertreatWorld, "W-8102", ["Dosierpumpe nach Vorgabe, 10 l/h bei 7 bar"], [["DP-CFG", 1, "M-8102-04"]]],
    [
      watertreatWorld,
      "W-8102",
      ["a dosing pump made to spec: 5 l/h at 10 bar, PVDF head"],
      [["DP-CFG", 1, "M-8102-04"]],
    ],
    // Guard: the product's own name says "to specification".
    [
      watertreatWorld,
      "W-8102",
      ['filter housing to spec, 20 inch, 1" female thread', "for Line B RO"],
      [["FH-CFG", 1, "M-8102-01"]],
    ],
  ] as const)
    it(`${customer}: ${says.map((x) => `'${x}'`).join(" / ")}`, async () => {
      expect(await draftAfter(world, customer, ...says)).toEqual(expected);
    });

  it("guard: 'I want to order' asks for no build", async () => {
    expect(await draftAfter(powertransWorld, "T-7001", "I want to order 2 VB-SPA-1250")).toEqual([
      ["VB-SPA-1250", 2, null],
    ]);
  });
});

describe("fixes offered for two lines, answered in one message ('the successor for the first and … for the second')", () => {
  for (const [world, customer, add, answer, expected] of [
    [
      automationWorld,
      "A-3001",
      "2 IO-300-DI16-V1 and 3 PSU-24-5-V1",
      "take the successor for the first and the successor for the second too",
      [
        ["IO-300-DI16", 2, null],
        ["PSU-24-5", 3, null],
      ],
    ],
    [
      automationWorld,
      "A-3001",
      "2 IO-300-DI16-V1 and 3 PSU-24-5-V1",
      "L1 the successor, L2 also the successor",
      [
        ["IO-300-DI16", 2, null],
        ["PSU-24-5", 3, null],
      ],
    ],
    [
      fluidWorld,
      "F-4001",
      "1 WE6-J-24DC-V1 and 2 FE-RF-160-10-C",
      "für die erste den Nachfolger und für die zweite auch den Nachfolger",
      [
        ["WE6-J-24DC", 1, null],
        // (Session 30B: the element fits only the bending power pack — on it, as a single add puts it.)
        ["FE-RF-160-10", 2, "M-4001-05"],
      ],
    ],
    [
      fluidWorld,
      "F-4001",
      "1 WE6-J-24DC-V1 and 2 FE-RF-160-10-C",
      "the successor for both",
      [
        ["WE6-J-24DC", 1, null],
        // (Session 30B: the element fits only the bending power pack — on it, as a single add puts it.)
        ["FE-RF-160-10", 2, "M-4001-05"],
      ],
    ],
    [
      hvacWorld,
      "H-2003",
      "1 TXV-T2-R404A and 1 REF-R404A-10",
      "successor for the first, and for the second the successor as well",
      [
        ["TXV-TE2-R404A", 1, null],
        ["REF-R404A-RC-10", 1, null],
      ],
    ],
    // Guard: an answer for one line leaves the other as it is.
    [
      automationWorld,
      "A-3001",
      "2 IO-300-DI16-V1 and 3 PSU-24-5-V1",
      "only the first one the successor",
      [
        ["IO-300-DI16", 2, null],
        ["PSU-24-5-V1", 3, null],
      ],
    ],
  ] as const)
    it(`${customer}: '${add}' / '${answer}'`, async () => {
      expect(await draftAfter(world, customer, add, answer)).toEqual(expected);
    });
});

describe("guard: a request for another account beside the buyer's own order: the own part is done, the other refused", () => {
  it("T-7001: '2 VB-SPA-1250, and also order 5 of them for customer T-7002 on their account'", async () => {
    const r = await replyAfter(
      powertransWorld,
      "T-7001",
      "2 VB-SPA-1250, and also order 5 of them for customer T-7002 on their account",
    );
    expect(r.lines).toEqual([["VB-SPA-1250", 2, null]]);
    expect(r.text).toContain("only order for your own company account");
  });
});
