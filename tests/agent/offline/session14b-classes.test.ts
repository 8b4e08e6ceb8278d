/**
 * Buyer classes closed in session 14 (helper fix14b), each played in English and German on more than one catalog —
 * one of them a catalog the fix was not built from; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  automationWorld,
  chatAfter,
  demoWorld,
  draftLines,
  fluidWorld,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  powertransWorld,
  watertreatWorld,
  type World,
} from "./helpers.ts";

describe("the order reference said with the words of a business letter is the PO", () => {
  const cases: [string, () => World, string, string, string, string][] = [
    [
      "hvac, 'Unser Zeichen' after the order word",
      hvacWorld,
      "H-2001",
      "für die Kühlzelle beim Huber 2 Trockner DML 083 3/8 Bördel",
      "Passt, bestellen. Unser Zeichen PK-26-1201.",
      "PK-26-1201",
    ],
    [
      "powertrans, 'PO-Nummer' (hyphenated)",
      powertransWorld,
      "T-7002",
      "Für den Mischer 2 bitte 1 Satz Keilriemen SPA 1800",
      "Unsere PO-Nummer ist MB-26-204, bitte bestellen",
      "MB-26-204",
    ],
    [
      "fluidpower, 'Our ref.'",
      fluidWorld,
      "F-4002",
      "for IMM 7 one filter service set please",
      "Our ref. KA-26-4417 - please place the order",
      "KA-26-4417",
    ],
    [
      "watertreat, 'Bestellreferenz' (the word the consultant itself writes)",
      watertreatWorld,
      "W-8101",
      "Für die Erste brauchen wir 4 Stück MB-BW4040-LE.",
      "Bestellreferenz WB-2611, danke",
      "WB-2611",
    ],
    [
      "intralogistics, 'PO-Nr.'",
      intralogisticsWorld,
      "L-8004",
      "for reach 2 we need 4 anchor bolts and 2 cans chain spray",
      "PO-Nr. NG-78230, thanks",
      "NG-78230",
    ],
  ];
  for (const [name, world, customer, order, said, po] of cases)
    it(`${name}: '${said}'`, async () => {
      const chat = await chatAfter(world, customer, order, said);
      expect(chat.turns.at(-1)!.thread.draft.poReference).toBe(po);
    });
});

describe("a line taken off in everyday words, with the reason that some are still in stores, is removed", () => {
  const cases: [string, () => World, string, string, string, [string, number][]][] = [
    [
      "intralogistics, 'leave out' and 'we still have some'",
      intralogisticsWorld,
      "L-8004",
      "for reach 2 we need 4 anchor bolts and 2 cans chain spray",
      "leave out the spray, we still have some",
      [["CHN-ANCH-LH1244", 4]],
    ],
    [
      "intralogistics, 'don't need after all' and 'still got a box'",
      intralogisticsWorld,
      "L-8004",
      "for reach 2 we need 4 anchor bolts and 2 cans chain spray",
      "we don't need the spray after all, still got a box",
      [["CHN-ANCH-LH1244", 4]],
    ],
    [
      "automation, German separable 'lassen … weg' and a plural of the line's name word",
      automationWorld,
      "A-3001",
      "für Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link und 2 Schütze 9 A mit 24 V DC Spule",
      "Die Schütze lassen wir weg.",
      [["SN-IND-M12-PNP", 6]],
    ],
    [
      "automation, Bavarian 'brauch ma doch ned'",
      automationWorld,
      "A-3001",
      "für Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link und 2 Schütze 9 A mit 24 V DC Spule",
      "Schütze brauch ma doch ned.",
      [["SN-IND-M12-PNP", 6]],
    ],
    [
      "automation, 'fallen weg'",
      automationWorld,
      "A-3001",
      "für Line 3 bräuchte ich 6 Inis M12 PNP mit IO-Link und 2 Schütze 9 A mit 24 V DC Spule",
      "Die Schütze fallen weg.",
      [["SN-IND-M12-PNP", 6]],
    ],
    [
      "hvac, 'brauchen wir doch keins'",
      hvacWorld,
      "H-2001",
      "für d'Kühlzell bräucht i 3 Trockner DML 083 und a Schauglas 3/8",
      "Schauglas brauchen wir doch keins.",
      [["FD-DML-083", 3]],
    ],
    [
      "watertreat (not built from), German 'lassen wir weg' with the reason",
      watertreatWorld,
      "W-8101",
      "Für die Erste brauchen wir 4 Stück MB-BW4040-LE. Dazu einen O-Ring-Satz für die Druckrohre.",
      "Den O-Ring-Satz lassen wir weg, davon haben wir noch einen im Lager.",
      [["MB-BW4040-LE", 4]],
    ],
    [
      "watertreat (not built from), English 'leave out' with the reason",
      watertreatWorld,
      "W-8101",
      "For die Erste we need 4 pcs MB-BW4040-LE. Also an O-ring kit for the pressure vessels.",
      "leave out the o-ring kit, we still have one in the store",
      [["MB-BW4040-LE", 4]],
    ],
    [
      "guard (read so before): foodtech, 'fällt weg'",
      foodtechWorld,
      "C-7101",
      "Für den alten Kemper brauchen wir wieder einen Knethaken, Art.-Nr. KH-SPK80-ALT. Dazu bitte einen Teigabstreifer für dieselbe Maschine.",
      "Der Teigabstreifer fällt weg.",
      [["KH-SPK80-ALT", 1]],
    ],
  ];
  for (const [name, world, customer, order, said, lines] of cases)
    it(`${name}: '${said}'`, async () => {
      const chat = await chatAfter(world, customer, order, said);
      expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual(lines);
    });

  it("guard: more of a line with the stock on hand beside it removes nothing", async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8004",
      "for reach 2 we need 4 anchor bolts and 2 cans chain spray",
      "add 2 more cans of chain spray, we only have one left",
    );
    expect(draftLines(chat).map(([sku]) => sku)).toContain("SPRAY-CHAIN-400");
  });
});

describe("a question whether the buyer's price applies to a line is about that line, not a search", () => {
  const cases: [string, () => World, string, string, string, string][] = [
    [
      "demo, Austrian 'Gilt da schon unser Sonderpreis für die Dichtung?'",
      demoWorld,
      "C-1006",
      "Bei der Milchpumpe 1 in der Annahme tropft die Gleitringdichtung. Wir bräuchten eine neue, SE-HS40-SIC-EPDM, und einen Karton Dichtringe DIN 11851 DN40.",
      "Gilt da schon unser Sonderpreis für die Dichtung?",
      "SE-",
    ],
    [
      "hvac (not built from), German 'Vertragspreis schon drin?'",
      hvacWorld,
      "H-2001",
      "für die Kühlzelle beim Huber 3 Trockner DML 083 3/8 Bördel und 1 Schauglas 3/8",
      "Ist bei den Trocknern unser Vertragspreis schon drin?",
      "FD-DML-083",
    ],
    [
      "hvac (not built from), English 'contract price applied for the driers?'",
      hvacWorld,
      "H-2001",
      "for the Huber cold room 3 filter driers DML 083 3/8 flare and 1 sight glass 3/8",
      "Is our contract price applied for the driers?",
      "FD-DML-083",
    ],
    [
      "fluidpower, 'warum ist das HFC jetzt teurer?' after a month",
      fluidWorld,
      "F-4004",
      "Für die Entgratpresse 3 Eimer HFC 46",
      "Moment, im August hab ich für das HFC 94 € pro Eimer bezahlt, warum ist das jetzt teurer?",
      "OIL-HFC46-20",
    ],
  ];
  for (const [name, world, customer, order, said, sku] of cases)
    it(`${name}: '${said}'`, async () => {
      const chat = await chatAfter(world, customer, order, said);
      const turn = chat.turns.at(-1)!;
      expect(turn.tools).toContain("get_price");
      expect(turn.tools).not.toContain("search_catalog");
      expect(turn.text).toContain(sku);
      expect(turn.text).toMatch(/L1/);
    });

  it("guard: the price of a product not on the order is that product's", async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "for the Huber cold room 3 filter driers DML 083 3/8 flare",
      "what does the sight glass cost?",
    );
    expect(chat.turns.at(-1)!.text).toContain("SG-SGN-10");
  });
});
