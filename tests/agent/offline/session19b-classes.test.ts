/**
 * Buyer classes closed in session 19 (helper fix19b), found by chatting as a buyer on the watertreat and foodtech
 * catalogs and played on packaging (not built from). Each case failed on main (c32eadf) unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { agripartsWorld, draftAfter, foodtechWorld, packagingWorld, watertreatWorld } from "./helpers.ts";

const skus = (lines: unknown[][]) => lines.map(([sku, quantity]) => [sku, quantity]);

describe("a German count for a line named by the head of its compound changes that line", () => {
  // "Kerzen" of "Filterkerze", "Fett" of "Lebensmittelfett", "Patronen" of "Heizpatrone": the buyer names the line by
  // the last part of its compound name (with another ending) — the count is for that line, not a search.
  const cartridges = [
    "für den Vorfilter Brunnen 3 brauchen wir 2 Kartons Filterkerzen 20 Zoll, 5 µm",
    "und 2 Beutel O-Ringe fürs Gehäuse",
  ];

  it("watertreat (de): 'kerzen diesmal 3 karton'", async () => {
    expect(skus(await draftAfter(watertreatWorld, "W-8101", ...cartridges, "kerzen diesmal 3 karton"))).toEqual([
      ["FC-PP5-20", 3],
      ["FH-OR-CF20-EPDM", 2],
    ]);
  });

  it("watertreat (de): 'mach die kerzen 4'", async () => {
    expect(skus(await draftAfter(watertreatWorld, "W-8101", ...cartridges, "mach die kerzen 4"))).toEqual([
      ["FC-PP5-20", 4],
      ["FH-OR-CF20-EPDM", 2],
    ]);
  });

  it("watertreat (de): 'dann reicht 1 karton kerzen' (not the cartridge housing, 'Kerzenfiltergehäuse')", async () => {
    expect(skus(await draftAfter(watertreatWorld, "W-8101", ...cartridges, "dann reicht 1 karton kerzen"))).toEqual([
      ["FC-PP5-20", 1],
      ["FH-OR-CF20-EPDM", 2],
    ]);
  });

  const grease = "bitte fett + keilriemen wie im september für den alten kemper";

  it("foodtech (de): 'fett diesmal 4 karton' (the word is also the start of SKUs)", async () => {
    expect(skus(await draftAfter(foodtechWorld, "C-7101", grease, "fett diesmal 4 karton"))).toEqual([
      ["FETT-H1-400", 4],
      ["KR-SPZ-1250", 2],
    ]);
  });

  it("foodtech (de): 'dann 5 karton fett'", async () => {
    expect(skus(await draftAfter(foodtechWorld, "C-7101", grease, "dann 5 karton fett"))).toEqual([
      ["FETT-H1-400", 5],
      ["KR-SPZ-1250", 2],
    ]);
  });

  const heaters = "6 Heizpatronen Ø12,5 x 160 für den Schlauchbeutler 1";

  it("packaging (de, not built from): 'patronen diesmal 8'", async () => {
    expect(skus(await draftAfter(packagingWorld, "PK-2101", heaters, "patronen diesmal 8"))).toEqual([
      ["HC-12-160-400", 8],
    ]);
  });

  it("guard (passed on main): packaging (de): 'mach die patronen 4'", async () => {
    expect(skus(await draftAfter(packagingWorld, "PK-2101", heaters, "mach die patronen 4"))).toEqual([
      ["HC-12-160-400", 4],
    ]);
  });

  it("guard: a line named by its whole word still changes ('mach die riemen 3', 'make the shaft seals 6')", async () => {
    expect(skus(await draftAfter(foodtechWorld, "C-7101", grease, "mach die riemen 3"))).toEqual([
      ["FETT-H1-400", 2],
      ["KR-SPZ-1250", 3],
    ]);
    expect(
      skus(
        await draftAfter(
          foodtechWorld,
          "C-7106",
          "plus 4 shaft seals 35x52x7 for mixer 2",
          "and the complete door seal for proofer 1 too",
          "make the shaft seals 6",
        ),
      ),
    ).toEqual([
      ["WDR-35-52", 6],
      ["TD-GV12", 1],
    ]);
  });
});

describe("a count for one line and a removal of another in one message both happen", () => {
  // The removal clause carries a remark after a comma ("found one in the stores") and begins with "and": read whole it
  // leaned to "add", and the message added a product of the machine; a removal said beside the line last spoken of
  // removed that line when the search ranked it first. Not closed: a removal clause whose remark makes it read as an
  // add surely ("and take the tape off, found some in the stores" on packaging).
  it("watertreat (en): 'make the salt 20 bags. and take the o-ring kit off, found one in the stores'", async () => {
    expect(
      skus(
        await draftAfter(
          watertreatWorld,
          "W-8105",
          "4 RO membranes BW 4040 fouling resistant for RO 1",
          "and 1 o-ring kit for the pressure vessels, RO 1",
          "for line a softener 10 bags salt tablets 25kg",
          "make the salt 20 bags. and take the o-ring kit off, found one in the stores",
        ),
      ),
    ).toEqual([
      ["MB-BW4040-FR", 4],
      ["CH-SALT-25", 20],
    ]);
  });

  it("foodtech (en): 'make those shaft seals 6. and remove the door seal, maintenance found one'", async () => {
    expect(
      skus(
        await draftAfter(
          foodtechWorld,
          "C-7106",
          "and the complete door seal for proofer 1 too",
          "and 2 heating elements 1000w for proofer 1",
          "plus 4 shaft seals 35x52x7 for mixer 2",
          "make those shaft seals 6. and remove the door seal, maintenance found one",
        ),
      ),
    ).toEqual([
      ["HE-GV12", 2],
      ["WDR-35-52", 6],
    ]);
  });

  it("guard (passed on main): agriparts (en): 'make the tines 40. and take the net wrap off, got it at the coop'", async () => {
    expect(
      skus(
        await draftAfter(
          agripartsWorld,
          "A-9004",
          "need 30 pick-up tines for big red",
          "and 1 roll of net wrap 1.40 for big red",
          "make the tines 40. and take the net wrap off, got it at the coop",
        ),
      ),
    ).toEqual([["PUT-RB155-B", 40]]);
  });

  it("watertreat (de): 'mach die kerzen 3 karton. und die O-Ringe raus, haben wir noch'", async () => {
    expect(
      skus(
        await draftAfter(
          watertreatWorld,
          "W-8101",
          "für den Vorfilter Brunnen 3 brauchen wir 2 Kartons Filterkerzen 20 Zoll, 5 µm",
          "und 2 Beutel O-Ringe fürs Gehäuse",
          "mach die kerzen 3 karton. und die O-Ringe raus, haben wir noch",
        ),
      ),
    ).toEqual([["FC-PP5-20", 3]]);
  });

  it("guard: a removal said first, then the count ('drop the net wrap, the neighbour gave us one. and make the tines 40')", async () => {
    expect(
      skus(
        await draftAfter(
          agripartsWorld,
          "A-9004",
          "need 30 pick-up tines for big red",
          "and 1 roll of net wrap 1.40 for big red",
          "drop the net wrap, the neighbour gave us one. and make the tines 40",
        ),
      ),
    ).toEqual([["PUT-RB155-B", 40]]);
  });
});
