/**
 * Session 28, helper S: every item of a buyer's message is accounted for.
 *
 * Class 1 — an item of a multi-item message that the catalog does not identify (several candidates, or none) was
 * dropped without a word: "2 Superelastik-Reifen … und den Fahrersitz" ordered the tyres and never mentioned the seat.
 * Now the item is listed to choose from, or answered "could not find", after the items that were found (which are
 * still done).
 *
 * Class 2 — a candidate list of one product ("Gefunden: 1) X — Welchen Artikel?") asked a choice of one: the product
 * is offered as it is and the question is the count (or whether to add it).
 */
import { describe, expect, test } from "vitest";
import {
  chatAfter,
  draftLines,
  fluidWorld,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  lastTurn,
  sorted,
  weldingWorld,
} from "./helpers.ts";

const TIMEOUT = 60_000;

describe("an item of a multi-item message that is not identified is not dropped", () => {
  test(
    "German: tyres and the driver's seat (several seats) — tyres added, the seat named",
    async () => {
      const t = await lastTurn(
        intralogisticsWorld,
        "L-8003",
        "Bitte 2 Superelastik-Reifen 18x7-8 schwarz und den Fahrersitz.",
      );
      expect(sorted(t.lines)).toEqual(["2 TYR-SE-18x7-8-BK"]);
      expect(t.text).toContain("Fahrersitz");
    },
    TIMEOUT,
  );

  test(
    "English: tyres and the driver seat — tyres added, the seat named",
    async () => {
      const t = await lastTurn(
        intralogisticsWorld,
        "L-8003",
        "Please send 2 superelastic tyres 18x7-8 black and the driver seat.",
      );
      expect(sorted(t.lines)).toEqual(["2 TYR-SE-18x7-8-BK"]);
      expect(t.text.toLowerCase()).toContain("driver seat");
    },
    TIMEOUT,
  );

  test(
    "German: an item the catalog does not know beside a found one — said, the found one added",
    async () => {
      const t = await lastTurn(
        intralogisticsWorld,
        "L-8003",
        "Bitte 2 Superelastik-Reifen 18x7-8 schwarz und den Flux-Kompensator.",
      );
      expect(sorted(t.lines)).toEqual(["2 TYR-SE-18x7-8-BK"]);
      expect(t.text).toContain("Flux-Kompensator");
    },
    TIMEOUT,
  );

  test(
    "English: door glass and the door seal (several seals) — glass added, the seals listed",
    async () => {
      const t = await lastTurn(foodtechWorld, "C-7105", "For deck oven 2 we need 1 door glass and the door seal.");
      expect(t.lines).toEqual([["TG-EO480", 1, "M-7105-02"]]);
      expect(t.text).toContain('"the door seal"');
      expect(t.text).toContain("TD-EO480-SET");
    },
    TIMEOUT,
  );

  test(
    "English: a dough hook and an unknown thing — hook added, 'could not find' said",
    async () => {
      const t = await lastTurn(foodtechWorld, "C-7105", "for the spiral mixer: 1 dough hook and the wobbulator please");
      expect(t.lines).toEqual([["KH-SPK80-B", 1, "M-7105-03"]]);
      expect(t.text).toMatch(/could not find "wobbulator"/);
    },
    TIMEOUT,
  );

  test(
    "German: baking stones and the door seal for oven 1 — stones added, the seals listed",
    async () => {
      const t = await lastTurn(foodtechWorld, "C-7101", "Für Ofen 1 bitte 2 Backsteine und die Türdichtung.");
      expect(t.lines).toEqual([["SP-EO480", 2, "M-7101-03"]]);
      expect(t.text).toContain("„die Türdichtung“");
    },
    TIMEOUT,
  );

  test(
    "English list by machine: 'deck oven 1: door seal set' and 'spiral mixer: the maintenance set' are not lost",
    async () => {
      const t = await lastTurn(
        foodtechWorld,
        "C-7105",
        "Hello! list for our christmas service in Trondheim:\n* deck oven 1: door seal set + 2 baking stones\n* deck oven 2: 1 door glass\n* proofer: 1 door seal\n* spiral mixer: the maintenance set",
      );
      expect(t.lines).toContainEqual(["TD-EO480-SET", 1, "M-7105-01"]);
      expect(t.lines).toContainEqual(["TG-EO480", 1, "M-7105-02"]);
      expect(t.lines).toContainEqual(["TD-GV12", 1, "M-7105-04"]);
      expect(t.text).toContain("maintenance set");
      expect(t.text).toContain("baking stones");
    },
    TIMEOUT,
  );
});

describe("guards: one item not found, and all items found, answer as before", () => {
  test(
    "one item the catalog does not know: 'not found' as before",
    async () => {
      const t = await lastTurn(intralogisticsWorld, "L-8003", "Bitte den Flux-Kompensator.");
      expect(t.lines).toEqual([]);
      expect(t.text).toContain("nicht gefunden");
    },
    TIMEOUT,
  );

  test(
    "German: every item found — all added, nothing said missing",
    async () => {
      const t = await lastTurn(
        foodtechWorld,
        "C-7101",
        "Für Ofen 1 bitte 2 Backsteine, und für den alten Kemper das Wartungsset.",
      );
      expect(sorted(t.lines)).toEqual(["1 WS-SPK80", "2 SP-EO480"]);
      expect(t.text).not.toContain("Noch nicht hinzugefügt");
    },
    TIMEOUT,
  );

  test(
    "English: every item found — all added, nothing said missing",
    async () => {
      const t = await lastTurn(
        foodtechWorld,
        "C-7105",
        "For deck oven 2 we need 1 door glass, and 1 door seal for the proofer.",
      );
      expect(sorted(t.lines)).toEqual(["1 TD-GV12", "1 TG-EO480"]);
      expect(t.text).not.toContain("Not added yet");
    },
    TIMEOUT,
  );
});

describe("guards: a part that describes the item before, or tells a story, is no item of its own", () => {
  test(
    "'2 Antriebsreifen 18x7-8, die grauen spurlosen': the grey ones, nothing said missing",
    async () => {
      const t = await lastTurn(
        intralogisticsWorld,
        "L-8003",
        "Fürn Rampenstapler bräucht i 2 Antriebsreifen 18x7-8, die grauen spurlosen.",
      );
      expect(t.lines).toEqual([["TYR-SE-18x7-8-NM", 2, "M-8003-02"]]);
      expect(t.text).not.toContain("Noch nicht hinzugefügt");
    },
    TIMEOUT,
  );

  test(
    "'10 Meter Schlauch draus, die Leitung am Rückzug machen wir gleich mit': the hose line recounted, no item",
    async () => {
      const t = await lastTurn(
        fluidWorld,
        "F-4001",
        "Für die Big Bertha wie beim letzten Mal: 8 Meter Hydraulikschlauch 1/2 Zoll 2SN und einen Beutel Pressfassungen M22, dazu 2 Eimer HLP 46.",
        "Korrektur, machen Sie 10 Meter Schlauch draus, die Leitung am Rückzug machen wir gleich mit.",
      );
      expect(t.lines).toContainEqual(["HOSE-2SN-12", 10, "M-4001-01"]);
      expect(t.lines).toHaveLength(3);
      expect(t.text).not.toContain("Noch nicht hinzugefügt");
    },
    TIMEOUT,
  );
});

describe("a candidate list of one product is no choice", () => {
  test(
    "English: the one tip that fits is offered, the question is how many — and a count takes it",
    async () => {
      const chat = await chatAfter(
        weldingWorld,
        "WD-4105",
        "hi, which contact tips fit the blue arcwell? we run 0.8 wire",
      );
      const first = chat.turns[0]!.text;
      expect(first).toContain("CT-24-08");
      expect(first).not.toMatch(/Which one|1\) CT-24-08/);
      expect(first).toContain("How many");
      await chat.say("3 boxes");
      expect(draftLines(chat)).toEqual([["CT-24-08", 3, "M-4105-01"]]);
    },
    TIMEOUT,
  );

  test(
    "German: the one fan motor that fits is offered, 'ja, 1 Stück' takes it",
    async () => {
      const chat = await chatAfter(
        hvacWorld,
        "H-2001",
        "grüß gott, bei dr edeka TK in vaihingen kreischt dr verflüssigerlüfter wie bleed, lager sind hin. welcher motor isch do drin?",
      );
      const first = chat.turns[0]!.text;
      expect(first).toContain("FM-AX450-400");
      expect(first).not.toMatch(/Welchen Artikel|1\) FM-AX450-400/);
      await chat.say("ja, 1 Stück");
      expect(draftLines(chat)).toEqual([["FM-AX450-400", 1, "M-2001-02"]]);
    },
    TIMEOUT,
  );
});
