/**
 * Buyer classes closed in session 18 (helper fix18b), found on the foodtech, agriparts and watertreat catalogs and
 * played on others. Each case failed on main (7ddeaf0) unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  chatAfter,
  draftAfter,
  draftLines,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  packagingWorld,
} from "./helpers.ts";

/** The first turn of a file trains the classifier; runs beside an evals run take long. */
const T = 90_000;

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a product that must be ordered with a companion: a yes adds the companion, never a switch to a look-alike", () => {
  it("foodtech (de): 'passt, bitte bestellen' keeps the 24 V humidifier asked for and adds its cartridge", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      foodtechWorld,
      "C-7104",
      "den Ultraschall-Befeuchter 24 V für den Gärraum",
      "passt, bitte bestellen",
    );
    expect(skus(draftLines(chat))).toEqual([
      ["BF-US-24", 1],
      ["WF-KART", 1],
    ]);
    expect(chat.turns.at(-1)!.thread.pending?.type).toBe("confirm");
  });

  it("foodtech (en): 'yes please'", { timeout: T }, async () => {
    expect(
      skus(
        await draftAfter(
          foodtechWorld,
          "C-7104",
          "the ultrasonic humidifier for 24 volt for the proofing room",
          "yes please",
        ),
      ),
    ).toEqual([
      ["BF-US-24", 1],
      ["WF-KART", 1],
    ]);
  });

  it("packaging (de, not built from): 'ja' to the sealing tool that needs its pad set", { timeout: T }, async () => {
    expect(skus(await draftAfter(packagingWorld, "PK-2101", "1 ST-TS40-187 für den Schalensiegler", "ja"))).toEqual([
      ["ST-TS40-187", 1],
      ["ST-TS40-187-SP", 1],
    ]);
  });

  it("packaging (de, not built from): the offer names no look-alike that would switch the tool", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(packagingWorld, "PK-2101", "1 ST-TS40-187 für den Schalensiegler");
    expect(chat.turns.at(-1)!.text).not.toContain("ST-TS40-227");
  });

  it("intralogistics (en, not built from): 'yes please' to the seal kit that needs its o-ring set", {
    timeout: T,
  }, async () => {
    expect(skus(await draftAfter(intralogisticsWorld, "L-8001", "1 SK-TILT-EF for Stapler 7", "yes please"))).toEqual([
      ["SK-TILT-EF", 1],
      ["OR-TILT-EF", 1],
    ]);
  });
});

describe("'the other one' to an offer of one other product for the line: that product, whatever 'no' came first", () => {
  it("foodtech (en): 'no? ok the other' after the 230 V humidifier that does not fit", { timeout: T }, async () => {
    expect(
      skus(await draftAfter(foodtechWorld, "C-7105", "humidifier for proofer", "the 230v one", "no? ok the other")),
    ).toEqual([["BF-US-24", 1]]);
  });

  it("foodtech (en): 'then the other one'", { timeout: T }, async () => {
    expect(
      skus(await draftAfter(foodtechWorld, "C-7105", "humidifier for proofer", "the 230v one", "then the other one")),
    ).toEqual([["BF-US-24", 1]]);
  });

  it("foodtech (de): 'nein, dann den anderen'", { timeout: T }, async () => {
    expect(
      skus(
        await draftAfter(
          foodtechWorld,
          "C-7105",
          "Befeuchter für den Gärvollautomaten",
          "den 230 V",
          "nein, dann den anderen",
        ),
      ),
    ).toEqual([["BF-US-24", 1]]);
  });

  it("packaging (de, not built from): 'nein, dann den anderen' to the one sealing tool offered", {
    timeout: T,
  }, async () => {
    expect(
      skus(
        await draftAfter(packagingWorld, "PK-2101", "1 ST-TS40-227 für den Schalensiegler", "nein, dann den anderen"),
      ),
    ).toEqual([["ST-TS40-187", 1]]);
  });

  it("packaging (en, not built from): 'no, the other one'", { timeout: T }, async () => {
    expect(
      skus(await draftAfter(packagingWorld, "PK-2101", "1 ST-TS40-227 for the tray sealer", "no, the other one")),
    ).toEqual([["ST-TS40-187", 1]]);
  });

  // Guards (pass on main: the words of the offer itself — "other Liquid line connection" — carried it there).
  it("hvac (en, not built from): 'no, the other one then' after a drier that does not fit", {
    timeout: T,
  }, async () => {
    expect(
      skus(
        await draftAfter(
          hvacWorld,
          "H-2001",
          "we need 2 filter driers for the roof chiller",
          "the second",
          "no, the other one then",
        ),
      ),
    ).toEqual([["FD-DML-084", 2]]);
  });

  it("hvac (de, not built from): 'ok, dann halt die andere'", { timeout: T }, async () => {
    expect(
      skus(
        await draftAfter(
          hvacWorld,
          "H-2001",
          "we need 2 filter driers for the roof chiller",
          "the second",
          "ok, dann halt die andere",
        ),
      ),
    ).toEqual([["FD-DML-084", 2]]);
  });
});
