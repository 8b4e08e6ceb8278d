/**
 * Buyer classes closed in session 14 (helper fix14w, from the woodwork failures): a number beside a word that names a
 * feature of the catalog is that feature's value, not how many ("Bohrung 30", "96 Zähne", "grit 180", "Durchmesser
 * 500"), and a product described by such values is found among the catalog's products by them. The feature words come
 * from the catalog's feature names and keys in every language. Played on the woodwork catalog (German base texts,
 * English names for a third of its products) and on the hvac catalog, which the fix was not built from. Every case
 * failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { draftAfter, hvacWorld, importedWorld } from "./helpers.ts";

const woodworkWorld = () => importedWorld("evals/catalogs/woodwork");

describe("a number beside a feature word is that feature's value, and the product is found by the values", () => {
  it("woodwork (German): 'zwei Sägeblätter 300 mm, Bohrung 30, 96 Zähne' — two 96-tooth blades, not 30 spacer sets", async () => {
    expect(
      await draftAfter(
        woodworkWorld,
        "WW-3101",
        "Für die Alte Formatsäge brauch ich zwei Sägeblätter 300 mm, Bohrung 30, 96 Zähne, die für beschichtete Platten.",
      ),
    ).toEqual([["KS-300-30-96FT", 2, "M-3101-01"]]);
  });

  it("woodwork (German): 'Kreissägeblatt 300 mm mit 72 Zähnen' — the inflected word of the feature 'Zähnezahl'", async () => {
    expect(
      await draftAfter(woodworkWorld, "WW-3101", "2 Stück Kreissägeblatt 300 mm mit 72 Zähnen für die Alte Formatsäge"),
    ).toEqual([["KS-300-30-72W", 2, "M-3101-01"]]);
  });

  it("woodwork (German): '3 Hauptsägeblätter 380 mm, Bohrung 60, Z=72' — no second line of 60", async () => {
    expect(
      await draftAfter(woodworkWorld, "WW-3102", "Für die Aufteilsäge 3 Hauptsägeblätter 380 mm, Bohrung 60, Z=72"),
    ).toEqual([["KS-380-60-72FT", 3, "M-3102-01"]]);
  });

  it("woodwork (English on a German-only product): '10 belts grit 180' — the belt of grit 180", async () => {
    expect(await draftAfter(woodworkWorld, "WW-3104", "For the Sander we need 10 belts grit 180")).toEqual([
      ["SBB-1350-2620-K180", 10, "M-3104-03"],
    ]);
  });

  it("woodwork (English), guard: 'two saw blades 300 mm, bore 30, 96 teeth' where the English name writes '96 teeth'", async () => {
    expect(
      await draftAfter(
        woodworkWorld,
        "WW-3101",
        "For the Alte Formatsäge I need two saw blades 300 mm, bore 30, 96 teeth",
      ),
    ).toEqual([["KS-300-30-96FT", 2, "M-3101-01"]]);
  });

  it("hvac (German, not built from): '2 Axialventilatoren 400 V, Durchmesser 500' — two fans of 500 mm", async () => {
    expect(await draftAfter(hvacWorld, "H-2001", "Bitte 2 Axialventilatoren 400 V, Durchmesser 500")).toEqual([
      ["FM-AX500-400", 2, "M-2001-03"],
    ]);
  });

  it("hvac (English, not built from): '2 axial fan motors 400 V, diameter 500 please'", async () => {
    expect(await draftAfter(hvacWorld, "H-2001", "2 axial fan motors 400 V, diameter 500 please")).toEqual([
      ["FM-AX500-400", 2, "M-2001-03"],
    ]);
  });
});

describe("a counted item that names no product, only values, is the kind of the item before with those values", () => {
  it("woodwork (Austrian): '10 Kompressionsfräser 12 mm und 5 Stück 8 mm' — five 8 mm cutters, not 8 mm collets", async () => {
    expect(
      await draftAfter(
        woodworkWorld,
        "WW-3102",
        "Für die Nesting bräucht ma 10 Kompressionsfräser 12 mm und 5 Stück 8 mm.",
      ),
    ).toEqual([
      ["FR-VHM-12-S12", 10, "M-3102-04"],
      ["FR-VHM-8-S8", 5, "M-3102-04"],
    ]);
  });

  it("woodwork (English on German-only variants): '3 blades 20 mm and 2 narrow ones 10 mm' — 10 mm wide, not 10 mm pitch", async () => {
    expect(
      await draftAfter(
        woodworkWorld,
        "WW-3105",
        "For the band saw we need 3 blades 20 mm and 2 narrow ones 10 mm for curves.",
      ),
    ).toEqual([
      ["SB-5950-20-6", 3, "M-3105-01"],
      ["SB-5950-10-6", 2, "M-3105-01"],
    ]);
  });
});
