/**
 * Buyer classes closed in session 17 (helper fix17a), found on the printing, woodwork and welding catalogs and played
 * on others. Each case failed on main (1c92ffa) unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  chatAfter,
  draftAfter,
  draftLines,
  hvacWorld,
  powertransWorld,
  printingWorld,
  weldingWorld,
  woodworkWorld,
} from "./helpers.ts";

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a reference to a list that matches several listed items: the ones that fit, then what the request said", () => {
  it("printing (de): 'ja die mit schnellspannschienen, 1,95' after 'die normalen konventionellen, nix UV'", async () => {
    expect(
      skus(
        await draftAfter(
          printingWorld,
          "PR-4101",
          "Servus, brauch 2 gummitücher für die speedmaster, die normalen konventionellen, nix UV",
          "ja die mit schnellspannschienen, 1,95",
        ),
      ),
    ).toEqual([["GT-74-NBR-SS", 2]]);
  });

  it("hvac (en, not built from): 'the flare one' of three flare driers, one of which fits", async () => {
    expect(
      skus(await draftAfter(hvacWorld, "H-2001", "we need 2 filter driers for the roof chiller", "the flare one")),
    ).toEqual([["FD-DML-084", 2]]);
  });

  it("hvac (de, not built from): 'die zum Bördeln'", async () => {
    expect(
      skus(
        await draftAfter(hvacWorld, "H-2001", "Wir brauchen 2 Filtertrockner für den Roof chiller", "die zum Bördeln"),
      ),
    ).toEqual([["FD-DML-084", 2]]);
  });
});

describe("sizes said the German way ('de 120er mit 20er Bohrung') and inflected words pick a listed item", () => {
  it("woodwork (de, Bavarian): 'Dann hoit de konischen 120er, aa zwoa Stück' is the conical 120 x 20 scorer", async () => {
    const lines = await draftAfter(
      woodworkWorld,
      "WW-3101",
      "Servus. I bräucht zwoa Vorritzer für die alte Formatsäge",
      "Dann hoit de konischen 120er mit 20er Bohrung, aa zwoa Stück.",
    );
    expect(skus(lines)).toEqual([["VR-120-20-24K", 2]]);
  });

  it("powertrans (de, not built from): 'die 2012er mit 35er Bohrung'", async () => {
    expect(
      skus(
        await draftAfter(
          powertransWorld,
          "T-7002",
          "Wir brauchen 2 Spannbuchsen für den Mischer 2",
          "die 2012er mit 35er Bohrung",
        ),
      ),
    ).toEqual([["TBU-2012-35", 2]]);
  });
});

describe("a new count for the line in focus and a new item in one message: each is served, neither takes the other's count", () => {
  it("welding (en): 'no wait, make it 4 boxes. and 1 tip holder for the same torch'", async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4104",
      "3 box contact tips 1.2 for Line 3 welder pls",
      "no wait, make it 4 boxes. and 1 tip holder for the same torch",
    );
    expect(skus(draftLines(chat))).toEqual([["CT-501-12", 4]]);
    expect(chat.turns.at(-1)!.text).toContain("TH-501-M8");
  });

  it("woodwork (en): 'ok so 10 pieces. and also the PUR cartridges for Kantix like in VDB-PO-20611, 3 boxes'", async () => {
    expect(
      skus(
        await draftAfter(
          woodworkWorld,
          "WW-3106",
          "Hello, I need 6 compression cutters 12mm for CNC 1, with our contract price please",
          "ok so 10 pieces. and also the PUR cartridges for Kantix like in VDB-PO-20611, 3 boxes",
        ),
      ),
    ).toEqual([
      ["FR-VHM-12-S12", 10],
      ["LM-PUR-N-2KP", 3],
    ]);
  });

  it("hvac (en, not built from): 'ok make it 3. and also 2 sight glasses for the same unit'", async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 filter driers DML 084 for the roof chiller",
      "ok make it 3. and also 2 sight glasses for the same unit",
    );
    expect(skus(draftLines(chat))).toEqual([["FD-DML-084", 3]]);
    expect(chat.turns.at(-1)!.text).toContain("SG-SGN-12");
  });

  it("hvac (de, not built from): 'ok dann 3 Stück. Und noch 2 Schaugläser für die gleiche Anlage'", async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 Filtertrockner DML 084 für den Roof chiller",
      "ok dann 3 Stück. Und noch 2 Schaugläser für die gleiche Anlage",
    );
    expect(skus(draftLines(chat))).toEqual([["FD-DML-084", 3]]);
    expect(chat.turns.at(-1)!.text).toContain("SG-SGN-12");
  });
});
