/**
 * Buyer classes closed in session 12 (helper fix12c, voices12 batch A): questions and details about the order the
 * buyer is building, played on more than one catalog; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  automationWorld,
  chatAfter,
  demoWorld,
  draftLines as draftLinesOf,
  fluidWorld,
  hvacWorld,
  type World,
} from "./helpers.ts";

describe("a question naming a line of the order by its kind is about that line, not a search of the catalog", () => {
  const cases: [string, () => World, string, string, string, string, RegExp][] = [
    [
      "demo, German delivery",
      demoWorld,
      "C-1001",
      "bitte ein servicekit fuer die nmv 10 und zwei faesser glykol 30 % a 200 liter",
      "wann kommt das kit?",
      "check_stock",
      /SP-KIT-NMV10: Lieferung bis 2027/,
    ],
    [
      "demo, English price",
      demoWorld,
      "C-1001",
      "one service kit for the NMV 10 and 2 drums of glycol 30 % 200 l",
      "what does the kit cost?",
      "get_price",
      /SP-KIT-NMV10: EUR 256\.70 each/,
    ],
    [
      "hvac, German price",
      hvacWorld,
      "H-2001",
      "fürs kühlhaus beim huber: en kühlstellenregler ekc 202 und a magnetventil evr 6 3/8 bördel",
      "was kostet der regler?",
      "get_price",
      /CTR-EKC202: 131,12 EUR je Einheit/,
    ],
    [
      "hvac, English delivery of the first line after a second was added",
      hvacWorld,
      "H-2001",
      "for the Huber cold room: 1 cold room controller EKC 202 and 1 solenoid valve EVR 6 3/8 flare",
      "when will the controller arrive?",
      "check_stock",
      /CTR-EKC202: delivery by/,
    ],
    [
      "automation, German price of an earlier line",
      automationWorld,
      "A-3001",
      "2 Netzteile 24V DC 5A und 10 LS-Schalter C6 1-polig",
      "Was kostet das Netzteil?",
      "get_price",
      /PSU-24-5: 75,65 EUR je Einheit/,
    ],
  ];
  for (const [name, world, customer, order, question, tool, answer] of cases)
    it(name, async () => {
      const chat = await chatAfter(world, customer, order, question);
      const last = chat.turns.at(-1)!;
      expect(last.tools).toContain(tool);
      expect(last.tools).not.toContain("search_catalog");
      expect(last.text).toMatch(answer);
    });
});

describe("a delivery address (or PO) beside a question: the detail is set and the question answered", () => {
  const cases: [string, () => World, string, string | string[], string, string, RegExp][] = [
    [
      "demo, German: address, then when",
      demoWorld,
      "C-1004",
      "1 Drucktransmitter 0-16 bar 4-20 mA für Booster B und 1 Anschlusskabel M12 5 m",
      "Lieferung bitte direkt ans Pumpwerk Nord, nicht ins Wasserwerk. Wann kommt das?",
      "ST-1004-PS",
      /Lieferung bis 2026/,
    ],
    [
      "hvac, Swabian: address, then when",
      hvacWorld,
      "H-2001",
      "fürs kühlhaus beim huber: en kühlstellenregler ekc 202",
      "des zeug bitte ned in d werkstatt schicka, sondern zum abhola für de service-bus 3. wann kommt des?",
      "ST-2001-VAN3",
      /Lieferung bis 2026/,
    ],
    [
      "demo, English: when first, then the address",
      demoWorld,
      "C-1004",
      "1 pressure transmitter 0-16 bar 4-20 mA for Booster B and 1 connection cable M12 5 m",
      "When will it arrive? Please deliver it to the pumping station Nord, not the waterworks.",
      "ST-1004-PS",
      /delivery by 2026/,
    ],
  ];
  for (const [name, world, customer, order, said, shipTo, answer] of cases)
    it(name, async () => {
      const chat = await chatAfter(world, customer, ...[order].flat(), said);
      const last = chat.turns.at(-1)!;
      expect(last.thread.draft.shipToId).toBe(shipTo);
      expect(last.tools).toContain("check_stock");
      expect(last.text).toMatch(answer);
    });

  it("fluidpower, German: PO beside a price question", async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4004",
      "3 Eimer HFC 46 für die Entgratpresse",
      "Bestellnummer HG-26-447. Was kostet der Eimer?",
    );
    const last = chat.turns.at(-1)!;
    expect(last.thread.draft.poReference).toBe("HG-26-447");
    expect(last.tools).toContain("get_price");
  });
});

describe("a range written with a dash ('0–16 bar, 4–20 mA') is a span of values, never a count or an item", () => {
  for (const [name, world, customer, text, expected] of [
    [
      "demo, German, from the scenario's words",
      demoWorld,
      "C-1004",
      "Für den Booster B einen Druckmessumformer 0–16 bar, 4–20 mA.",
      [["AC-PT-0-16-420", 1, "M-1004-02"]],
    ],
    [
      "demo, English, spaced dash",
      demoWorld,
      "C-1004",
      "For Booster B a pressure transmitter 0 – 16 bar, 4 – 20 mA please",
      [["AC-PT-0-16-420", 1, "M-1004-02"]],
    ],
    [
      "automation, German, two items with ranges",
      automationWorld,
      "A-3001",
      "2 Drucksensoren 0–10 bar, IO-Link, IP68 und 1 Pegelsonde 0–4 m, 4–20 mA",
      [
        ["SN-PRS-10-IOL-68", 2, null],
        ["SN-LVL-4M-420", 1, null],
      ],
    ],
  ] as [string, () => World, string, string, unknown][])
    it(name, async () => {
      expect(draftLinesOf(await chatAfter(world, customer, text))).toEqual(expected);
    });
});

describe("'one more X' counts one X (not 'one more thing', not the earlier order's count)", () => {
  for (const [name, world, customer, text, expected] of [
    [
      "automation: one more like the April order is one, not April's two",
      automationWorld,
      "A-3002",
      "For Pumpwerk Süd 2 pressure sensors 0-10 bar IO-Link IP68. And one more level sensor like the ones you sent us in April, also for Pumpwerk Süd.",
      [
        ["SN-PRS-10-IOL-68", 2, "M-3002-02"],
        ["SN-LVL-4M-420", 1, "M-3002-02"],
      ],
    ],
    [
      "automation: one more like in April, alone",
      automationWorld,
      "A-3002",
      "one more level sensor like in April",
      [["SN-LVL-4M-420", 1, "M-3002-01"]],
    ],
    ["guard: hvac, one more NTC sensor", hvacWorld, "H-2001", "one more NTC sensor please", [["CTR-NTC-15", 1, null]]],
    [
      "guard: German, noch eine wie im April",
      automationWorld,
      "A-3002",
      "noch eine Pegelsonde wie im April",
      [["SN-LVL-4M-420", 1, "M-3002-01"]],
    ],
  ] as [string, () => World, string, string, unknown][])
    it(name, async () => {
      expect(draftLinesOf(await chatAfter(world, customer, text))).toEqual(expected);
    });

  it("guard: 'one more thing: do you have X in stock?' asks, adds nothing", async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "one more thing: do you have the EKC 202 in stock?");
    expect(draftLinesOf(chat)).toEqual([]);
    expect(chat.turns.at(-1)!.tools).toContain("check_stock");
  });
});
