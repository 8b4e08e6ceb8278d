/**
 * Session 29, helper U: pack units and quantity units, read from the catalog's units.
 *
 * Class 1 — a pack named as the unit ("1 Rolle", "2 Rollen") chooses the product sold in that pack, whatever code the
 * catalog writes for it (RL, ROL): the buyer's word and the catalog's code are one unit.
 *
 * Class 2 — an amount in a unit answers a list of pack variants: "120 litres" to a list of a 20 L pail and a 208 L
 * drum takes the pail, six of them (whole packs), of the oil the request named — also when the amount comes with a
 * remark ("ach mach 120 liter, die presse säuft grad").
 *
 * Class 3 — a pack switch that states the rejected amount first ("50 m is far too much, rather by the metre, 12 m")
 * takes the last amount, and what the message adds after it is added too.
 *
 * Class 4 — a count in the line's own pack stands over the pieces it holds: "24 cartridges, so 2 cartons" of grease
 * sold per carton of 12 is 2 cartons, not 24.
 *
 * Class 5 — "then by the metre, 30 m" to an offered 50 m roll, with tube by the metre on the order: the roll is not
 * added at 0.6 rolls; the line by the metre keeps its 30 m.
 *
 * Class 6 — a product of the order asked for again in a correction ("nee dann 3 Kartons, so wie im März") is its
 * line's count, not a second line of it.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  chatAfter,
  draftLines,
  fluidWorld,
  foodtechWorld,
  intralogisticsWorld,
  sorted,
  watertreatWorld,
} from "./helpers.ts";

const TIMEOUT = 90_000;

const linesAfter = async (world: Parameters<typeof chatAfter>[0], customer: string, ...says: string[]) =>
  sorted(draftLines(await chatAfter(world, customer, ...says)));

describe("a pack named as the unit chooses the product sold in it, whatever the catalog's code", () => {
  test(
    "German: '1 Rolle Hydraulikschlauch' is the 50 m reel (code RL), one of it",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4001",
          "Hallo, für die Big Bertha bräucht ich 1 Rolle Hydraulikschlauch 2SN DN12",
        ),
      ).toEqual(["1 HOSE-2SN-12-R50"]);
    },
    TIMEOUT,
  );

  test(
    "German: '2 Rollen … Schlauch' for another machine — two reels",
    async () => {
      expect(await linesAfter(fluidWorld, "F-4001", "Für Press 3 bitte 2 Rollen 2SN DN12 Schlauch")).toEqual([
        "2 HOSE-2SN-12-R50",
      ]);
    },
    TIMEOUT,
  );
});

describe("an amount in a unit answers a list of pack variants", () => {
  test(
    "English: '120 litres' to HLP 46 in a pail and a drum — six 20 L pails",
    async () => {
      expect(await linesAfter(fluidWorld, "F-4001", "I need HLP 46 oil for big bertha", "120 litres")).toEqual([
        "6 OIL-HLP46-20",
      ]);
    },
    TIMEOUT,
  );

  test(
    "German: 'ach mach 120 liter, die presse säuft grad' — six pails, the remark no product",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4001",
          "brauch hlp 46 öl für big bertha",
          "ach mach 120 liter, die presse säuft grad",
        ),
      ).toEqual(["6 OIL-HLP46-20"]);
    },
    TIMEOUT,
  );

  test(
    "German, another catalog (litres coded L): '60 Liter bitte' to a list of oils — three pails of the HLP 46 asked",
    async () => {
      expect(
        await linesAfter(
          intralogisticsWorld,
          "L-8001",
          "Ich brauche Hydrauliköl HLP 46 für Stapler 7",
          "60 Liter bitte",
        ),
      ).toEqual(["3 OIL-HLP46-20L"]);
    },
    TIMEOUT,
  );

  test(
    "English, another catalog: '40 litres please' — two pails for truck 4",
    async () => {
      expect(
        await linesAfter(intralogisticsWorld, "L-8004", "we need HLP 46 hydraulic oil for truck 4", "40 litres please"),
      ).toEqual(["2 OIL-HLP46-20L"]);
    },
    TIMEOUT,
  );

  test(
    "English, a third catalog: '60 litres' of UTTO oil — the pail is taken, the machine asked",
    async () => {
      const chat = await chatAfter(agripartsWorld, "A-9001", "need UTTO oil", "60 litres");
      const text = chat.turns.at(-1)!.text;
      expect(text).toContain("OIL-UTTO-20L");
      expect(text).not.toContain("OIL-UTTO-200L");
    },
    TIMEOUT,
  );
});

describe("a pack switch takes the last amount said and keeps what is added after it", () => {
  test(
    "English: '50 m is too much, rather by the metre, 12 m. and 1 bag of M22 crimp fittings'",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4001",
          "for big bertha 1 roll of 2SN DN12 hose",
          "no, 50 m is too much, rather the hose by the metre, 12 m please. and 1 bag of M22 crimp fittings",
        ),
      ).toEqual(["1 FIT-P-12-M22", "12 HOSE-2SN-12"]);
    },
    TIMEOUT,
  );

  test(
    "German: 'nee, 25 m sind zu viel, lieber Meterware, 8 m bitte' of a food hose roll",
    async () => {
      expect(
        await linesAfter(
          foodtechWorld,
          "C-7106",
          "1 Rolle Lebensmittelschlauch EPDM 13 mm für Mixer 2",
          "nee, 25 m sind zu viel, lieber Meterware, 8 m bitte",
        ),
      ).toEqual(["8 LS-EPDM-13"]);
    },
    TIMEOUT,
  );

  test(
    "German: '50 Meter is viel zu viel. dann doch von der Meterware, 12 m bitte'",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4001",
          "Hallo, für die Big Bertha bräucht ich 1 Rolle Hydraulikschlauch 2SN DN12",
          "oh ne, 50 Meter is viel zu viel. dann doch von der Meterware, 12 m bitte",
        ),
      ).toEqual(["12 HOSE-2SN-12"]);
    },
    TIMEOUT,
  );
});

describe("a count in the line's own pack stands over the pieces it holds", () => {
  test(
    "English: 'actually we need 24 cartridges, so 2 cartons'",
    async () => {
      expect(
        await linesAfter(
          foodtechWorld,
          "C-7106",
          "morning, need grease cartridges for Mixer 2, the EP2 multipurpose, 1 carton",
          "fair enough, the food grade H1 one then",
          "actually we need 24 cartridges, so 2 cartons",
        ),
      ).toEqual(["2 SPR-H1-400"]);
    },
    TIMEOUT,
  );

  test(
    "German: 'doch 24 Kartuschen, also 2 Kartons'",
    async () => {
      expect(
        await linesAfter(
          foodtechWorld,
          "C-7106",
          "Fett H1 für Mixer 2, 1 Karton",
          "doch 24 Kartuschen, also 2 Kartons",
        ),
      ).toEqual(["2 FETT-H1-400"]);
    },
    TIMEOUT,
  );

  test(
    "German, another catalog: 'ach nee, doch 30 Stück, also 3 Kartons' of cartridges in boxes of 10",
    async () => {
      expect(
        await linesAfter(
          watertreatWorld,
          "W-8101",
          "FC-PP5-20 für Brunnen 3, 1 Karton",
          "ach nee, doch 30 Stück, also 3 Kartons",
        ),
      ).toEqual(["3 FC-PP5-20"]);
    },
    TIMEOUT,
  );
});

describe("an amount by the metre to an offered roll keeps the line by the metre", () => {
  test(
    "English: 'kk then by the meter 30m' after asking the roll's price — no roll added",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4003",
          "hey need 35 straight push ins 8mm to 1/4 for tray sealer 2 and 30m of the blue 8mm tube",
          "whats cheaper,the 50m roll or 30m by the meter?",
          "kk then by the meter 30m",
        ),
      ).toEqual(["30 PU-TUBE-08", "35 PI-ST-08-G14"]);
    },
    TIMEOUT,
  );

  test(
    "English: 'ok then by the metre, 30 m' after 'how much is the 50 m roll?'",
    async () => {
      expect(
        await linesAfter(
          fluidWorld,
          "F-4003",
          "30 m of the blue 8mm tube for tray sealer 2",
          "how much is the 50 m roll?",
          "ok then by the metre, 30 m",
        ),
      ).toEqual(["30 PU-TUBE-08"]);
    },
    TIMEOUT,
  );
});

describe("a product of the order asked for again in a correction is its line's count", () => {
  test(
    "German: 'nee dann 3 Kartons, so wie im März auch. Und die O-Ringe …' — one line of cartridges",
    async () => {
      expect(
        await linesAfter(
          watertreatWorld,
          "W-8101",
          "Hallo, für den Vorfilter Brunnen 3 bräuchten wir wieder Filterkerzen, 3 Stück, die gleichen wie im März",
          "ah, Karton à 10 – nee dann 3 Kartons, so wie im März auch. Und die O-Ringe für die Filtertassen wieder dazu, auch wie im März",
        ),
      ).toEqual(["2 FH-OR-CF20-EPDM", "3 FC-PP5-20"]);
    },
    TIMEOUT,
  );

  test(
    "guard: 'noch 2 Kartons' of a product on the order still asks for more",
    async () => {
      const lines = await linesAfter(
        watertreatWorld,
        "W-8101",
        "FC-PP5-20 für Brunnen 3, 1 Karton",
        "nein, noch 2 Kartons FC-PP5-20 dazu",
      );
      expect(lines.join()).not.toEqual("2 FC-PP5-20");
    },
    TIMEOUT,
  );
});
