/**
 * Classes of buyer behaviour found failing in session 7 on the visible hvac and automation scenarios, each closed in
 * the shared mechanism and proven in several wordings, both languages and more than one catalog.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

const hvac = hvacWorld();
const fluid = fluidWorld();
const automation = automationWorld();

describe("an open configuration choice the other choices leave one value for is taken, not asked", () => {
  for (const [w, customer, text, sku, taken] of [
    [
      hvac,
      "H-2001",
      "1 CU-CFG: R449A, low temp, 400V 3 phase, with the winter kit",
      "CU-CFG",
      { housing: ["outdoor"] },
    ],
    [
      hvac,
      "H-2001",
      "1 UC-CFG, UC 3, Tiefkühlung",
      "UC-CFG",
      { size: ["UC3"], finSpacing: ["7"], defrost: ["electric"] },
    ],
    [
      fluid,
      "F-4001",
      "1 HZ-CFG: series CD160, rod 45, stroke 200, flange mounting, NBR seals",
      "HZ-CFG",
      { bore: ["80"] },
    ],
  ] as const)
    it(`"${text}" completes ${sku} and says what was taken`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      const line = turn.thread.draft.lines[0]!;
      expect(line.sku).toBe(sku);
      expect(line.options).toMatchObject(taken);
      expect(turn.text).toMatch(/only choice|einzige/);
      expect(turn.text).not.toMatch(/please choose|wählen Sie bitte/i);
    });

  it("a choice with two values left is still asked", async () => {
    const chat = new Chat(hvac, "H-2001");
    const turn = await chat.say("1 CU-CFG: R449A, low temp, 400V 3 phase");
    expect(turn.text).toMatch(/please choose/i);
    expect(turn.thread.draft.lines[0]!.options?.housing).toBeUndefined();
    expect(draftLines(chat)).toHaveLength(1);
  });
});

describe("a question about another product beside an order: the order is made and the question answered", () => {
  for (const [w, customer, text, ordered, asked, tool] of [
    [
      automation,
      "A-3006",
      "For Wrapper 5 at the Dortmund site: 1 output card DQ 32. And a quick one: have you got a CPU 1513 in stock?",
      ["IO-1500-DQ32", 1, "M-3006-02"],
      "PLC-1513-CPU",
      "check_stock",
    ],
    [
      automation,
      "A-3006",
      "Für Wrapper 5: 1 Ausgabekarte DQ 32. Und habt ihr eine CPU 1513 auf Lager?",
      ["IO-1500-DQ32", 1, "M-3006-02"],
      "PLC-1513-CPU",
      "check_stock",
    ],
    [
      hvac,
      "H-2001",
      '3 Beutel Kupfer-T-Stücke 5/8" bitte. Und habt ihr den Filtertrockner DML 165S auf Lager?',
      ["CU-TE-58", 3, null],
      "FD-DML-165S",
      "check_stock",
    ],
    [
      fluid,
      "F-4001",
      "2 m HOSE-4SH-19 for press 3. What does the return filter element RF 330 25 µm cost?",
      ["HOSE-4SH-19", 2, "M-4001-02"],
      "FE-RF-330-25",
      "get_price",
    ],
  ] as const)
    it(`"${text}"`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(draftLines(chat)).toEqual([ordered]);
      expect(turn.tools).toContain(tool);
      expect(turn.text).toContain(asked);
      // The open question is the order's: a yes places the order of the one line.
      const yes = await chat.say(/[äöü]|habt/.test(text) ? "ja, bitte bestellen" : "ok, place the order");
      expect(yes.thread.pending?.type).toBe("confirm");
      expect(draftLines(chat)).toEqual([ordered]);
    });
});

describe("a configured product described in the buyer's words: group words, ranges, abbreviations", () => {
  for (const [text, options] of [
    [
      "ich bräuchte e Motorstarter-Kombi fürs Palettiergerät: Schütz 18A, Spule 230 Volt AC, Motorschutz 13 bis 18 A, mit Hilfskontakt 1 Schliesser 1 Öffner",
      { size: ["S18"], coil: ["230VAC"], overload: ["13-18"], aux: ["aux11"] },
    ],
    [
      "Motorstarter für die Palettiermaschine: Schütz 9 A, Spule 24 V DC, Motorschutz 6,3 bis 10 A",
      { size: ["S9"], coil: ["24VDC"], overload: ["6.3-10"] },
    ],
    [
      "a motor starter combination for the palletizer: contactor 25 A, coil 230 V AC, overload 17 to 23 A",
      { size: ["S25"], coil: ["230VAC"], overload: ["17-23"] },
    ],
  ] as const)
    it(`"${text}" is one configured starter for the palletiser, the range no quantity`, async () => {
      const chat = new Chat(automation, "A-3001");
      const turn = await chat.say(text);
      expect(draftLines(chat)).toEqual([["MSC-CFG", 1, "M-3001-02"]]);
      expect(turn.thread.draft.lines[0]!.options).toEqual(options);
    });
});

describe("a configurable product described with its values and no verb or question is ordered, once", () => {
  for (const [w, customer, text, sku, machine, options] of [
    [
      hvac,
      "H-2003",
      "Verflüssigungssatz für die TK-Zelle Kruse: Kältemittel R449A, Tiefkühlung, 400 V 3~, Außenaufstellung",
      "CU-CFG",
      "M-2003-01",
      { refrigerant: ["R449A"], application: ["LT"], supply: ["400-3"], housing: ["outdoor"] },
    ],
    [
      fluid,
      "F-4001",
      "Hydraulikzylinder für die Hot press: Baureihe CD250, Kolben 63, Stange 36, Hub 200, Flansch, FKM Dichtungen",
      "HZ-CFG",
      "M-4001-03",
      { series: ["CD250"], bore: ["63"], rod: ["36"], stroke: ["200"], mounting: ["flange"], seals: ["FKM"] },
    ],
  ] as const)
    it(`"${text}"`, async () => {
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(draftLines(chat)).toEqual([[sku, 1, machine]]);
      expect(turn.thread.draft.lines[0]!.options).toEqual(options);
    });
});
