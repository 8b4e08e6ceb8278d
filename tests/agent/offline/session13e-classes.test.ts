/**
 * Buyer classes closed in session 13 (helper fix13e, from the blind voices13 conversations of batch B), each played in
 * English and German on more than one catalog; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  automationWorld,
  chatAfter,
  draftLines,
  draftAfter,
  foodtechWorld,
  intralogisticsWorld,
  watertreatWorld,
} from "./helpers.ts";

describe("an item named in words, then its article number, is the one item the number names", () => {
  for (const [world, customer, say, lines] of [
    [
      foodtechWorld,
      "C-7101",
      "Für den alten Kemper brauchen wir wieder einen Knethaken, Art.-Nr. KH-SPK80-ALT, hatten wir schon mal bestellt. Dazu bitte einen Teigabstreifer für dieselbe Maschine.",
      [
        ["KH-SPK80-ALT", 1, "M-7101-01"],
        ["AS-SPK80", 1, "M-7101-01"],
      ],
    ],
    [
      intralogisticsWorld,
      "L-8003",
      "for the Rampenstapler we need a seal kit for the lift cylinder, part no. SK-EF316-LIFT-B-FKM, and 2 cans of battery water",
      [
        ["SK-EF316-LIFT-B-FKM", 1, "M-8003-02"],
        ["WATER-DEMIN-25L", 2, "M-8003-02"],
      ],
    ],
    [
      watertreatWorld,
      "W-8101",
      "for die Erste we need a membrane, item MB-BW4040-HR, and an O-ring kit for the pressure vessels",
      [
        ["MB-BW4040-HR", 1, "M-8101-02"],
        ["OR-KIT-RO2400", 1, "M-8101-02"],
      ],
    ],
  ] as const)
    it(`${customer}: '${say.slice(0, 70)}…'`, async () => {
      expect(await draftAfter(world, customer, say)).toEqual(lines);
    });
});

describe("a sentence that ends on an article number ends there: the next sentence asks for an item of its own", () => {
  for (const [world, customer, say, lines] of [
    [
      watertreatWorld,
      "W-8101",
      "Für die Erste brauchen wir 4 Stück MB-BW4040-LE. Dazu einen O-Ring-Satz für die Druckrohre.",
      [
        ["MB-BW4040-LE", 4, "M-8101-02"],
        ["OR-KIT-RO2400", 1, "M-8101-02"],
      ],
    ],
    [
      watertreatWorld,
      "W-8101",
      "For die Erste we need 4 pcs MB-BW4040-LE. Also an O-ring kit for the pressure vessels.",
      [
        ["MB-BW4040-LE", 4, "M-8101-02"],
        ["OR-KIT-RO2400", 1, "M-8101-02"],
      ],
    ],
    [
      intralogisticsWorld,
      "L-8003",
      "Beim Rampenstapler bitte 1 Stück SK-EF316-LIFT-B-FKM. Dazu 2 Kanister Batteriewasser.",
      [
        ["SK-EF316-LIFT-B-FKM", 1, "M-8003-02"],
        ["WATER-DEMIN-25L", 2, "M-8003-02"],
      ],
    ],
  ] as const)
    it(`${customer}: '${say.slice(0, 70)}…'`, async () => {
      expect(await draftAfter(world, customer, say)).toEqual(lines);
    });
});

describe("a month's order beside another item: the item is identified by the machine it is for", () => {
  for (const [world, customer, say, lines] of [
    [
      watertreatWorld,
      "W-8101",
      "Für die Erste brauchen wir wieder 4 Membranen, wie September 2025, Artikel MB-BW4040-HR. Dazu einen O-Ring-Satz für die Druckrohre.",
      [
        ["MB-BW4040-HR", 4, "M-8101-02"],
        ["OR-KIT-RO2400", 1, "M-8101-02"],
      ],
    ],
  ] as const)
    it(`${customer}: '${say.slice(0, 70)}…'`, async () => {
      expect(await draftAfter(world, customer, say)).toEqual(lines);
    });
});

describe("a count said for one product of a month's order takes that line, not a line that shares a word with it", () => {
  for (const [world, customer, say, lines] of [
    [
      foodtechWorld,
      "C-7105",
      "we need 2 heating elements for deck oven 1 again, same as we bought in july",
      [["HE-EO480-B-230", 2, "M-7105-01"]],
    ],
    [automationWorld, "A-3001", "10 Sensoren wie im März bitte", [["SN-IND-M12-PNP", 10, null]]],
    [automationWorld, "A-3001", "10 sensors like in March please", [["SN-IND-M12-PNP", 10, null]]],
  ] as const)
    it(`${customer}: '${say}'`, async () => {
      expect((await draftAfter(world, customer, say)).map(([sku, n]) => [sku, n])).toEqual(
        lines.map(([sku, n]) => [sku, n]),
      );
    });
});

describe("a count said as all there is replaces the line's count, whatever 'noch'/'more' says further on", () => {
  for (const [world, customer, first, correction, lines] of [
    [
      intralogisticsWorld,
      "L-8003",
      "Für den Rampenstapler 3 Kanister Batteriewasser.",
      "Ah, Batteriewasser doch nur 2 Kanister, einer steht eh noch im Lager.",
      [["WATER-DEMIN-25L", 2]],
    ],
    [
      watertreatWorld,
      "W-8101",
      "Für die Erste 3 Stück MB-BW4040-LE.",
      "Doch nur 2 Stück MB-BW4040-LE, eine haben wir noch im Lager.",
      [["MB-BW4040-LE", 2]],
    ],
  ] as const)
    it(`${customer}: '${correction}'`, async () => {
      expect((await draftAfter(world, customer, first, correction)).map(([sku, n]) => [sku, n])).toEqual(lines);
    });
  // Guard: "noch 2" still adds.
  it("L-8003: 'noch 2 Kanister Batteriewasser' adds two (guard)", async () => {
    const lines = await draftAfter(
      intralogisticsWorld,
      "L-8003",
      "Für den Rampenstapler 3 Kanister Batteriewasser.",
      "Und noch 2 Kanister Batteriewasser bitte.",
    );
    expect(lines.map(([sku, n]) => [sku, n])).toEqual([["WATER-DEMIN-25L", 5]]);
  });
});

describe("none of the products the words find fits the machine: the one of their kind with the value it requires is offered", () => {
  for (const [world, customer, say] of [
    [
      foodtechWorld,
      "C-7103",
      "Beim Etagenofen zeigt die Temperatur Blödsinn an. Der Techniker sagt, es ist der Fühler. Bitte um einen neuen.",
    ],
    [
      foodtechWorld,
      "C-7103",
      "the temperature reading on the Etagenofen is wrong, the technician says it is the sensor",
    ],
  ] as const)
    it(`${customer}: '${say}'`, async () => {
      const chat = await chatAfter(world, customer, say);
      const text = chat.turns.at(-1)!.text;
      expect(text).toMatch(/TF-K[^\n]*✓/u);
      expect(draftLines(chat)).toEqual([]);
    });
});
