/**
 * Session 21 (b), from the visible failures of the weakest catalogs (woodwork, printing, welding, agriparts,
 * watertreat, foodtech) — each class checked on a catalog it was not built from.
 *
 * 1. A part named beside a greeting or a complaint ordered the set that lists it: "howya, need 20 pick-up tines for
 *    big red" added 20 season kits (20 tines, shear bolts, grease — EUR 3,148), "… die Ziehklingen rattern und
 *    hinterlassen Riefen. Ich brauch neue Ziehklingen" the service set, "moin, der Huber Kühlraum vereist dauernd, ich
 *    brauch 1 Filtertrockner" the service kit. The part wins over the set only when it carries every word of the
 *    request, and "howya", "rattern", "vereist" were such words. Words that no name of the catalog writes and neither
 *    the set nor its parts carry now tell the part from the set by nothing: the part is ordered.
 * 2. A measure that is what another pack of the product holds was read as the amount: "4 spools of 0.6 wire, the big
 *    10 kg ones" ordered 4 of the 2.5 kg spools (10 kg = 4 spools) where only the 2.5 kg spool has an English name.
 *    A measure beside a count that one pack of the same product in another pack holds (its features differ only
 *    where they state the pack's content; found by the product's own name too) names that pack; the count says how
 *    many.
 * 3. A count said with the switch to the successor was dropped: "ok the new ones then, but only 2" to "MB-BW4040-HR is
 *    discontinued … switch to MB-BW4040-LE?" kept 4 membranes, "ok, dann halt die neuen, 5 Schachteln" 3 boxes. A
 *    count (not a measure, not the number that picks a fix) said with the switch is the line's new quantity; "ok, the
 *    successor" keeps the line's.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  draftAfter,
  hvacWorld,
  partlyTranslatedWorld,
  powertransWorld,
  printingWorld,
  watertreatWorld,
  weldingWorld,
  type World,
  woodworkWorld,
} from "./helpers.ts";

const T = 90_000;

describe("a part named beside a greeting or a complaint is the part, not the set that lists it", () => {
  const cases: [() => World, string, string, string][] = [
    [agripartsWorld, "A-9004", "howya, need 20 pick-up tines for big red", "20×PUT-RB155-B"],
    [
      woodworkWorld,
      "WW-3101",
      "An der Kanten-Kathi wird der Radius an den Kanten nicht mehr sauber, die Ziehklingen rattern und hinterlassen Riefen. Ich brauch neue Ziehklingen.",
      "1×ZK-KA560-R2",
    ],
    [hvacWorld, "H-2001", "howya, need 1 filter drier for the Huber cold room", "1×FD-DML-083"],
    [hvacWorld, "H-2001", "moin, der Huber Kühlraum vereist dauernd, ich brauch 1 Filtertrockner", "1×FD-DML-083"],
  ];
  for (const [world, customer, say, line] of cases)
    test(say, { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, say);
      expect(lines.map(([sku, quantity]) => `${quantity}×${sku}`)).toEqual([line]);
    });

  // A value alone names no part: the set the request named stays ("einen Getriebe-Dichtsatz" → "den normalen mit NBR").
  test("Getriebe-Dichtsatz / Den normalen mit NBR", { timeout: T }, async () => {
    const lines = await draftAfter(
      powertransWorld,
      "T-7002",
      "Grüezi, für den Mischer 2 bräuchten wir 2 Pendelrollenlager 22210 E und einen Getriebe-Dichtsatz. Habt ihr das an Lager?",
      "Den normalen mit NBR, der Mischer 2 läuft nicht heiss.",
    );
    expect(lines.map(([sku]) => sku)).toContain("KIT-MX2-SEAL");
  });
});

describe("a measure that another pack of the product holds names that pack; the count says how many", () => {
  const weldingHalfGerman = () => partlyTranslatedWorld("evals/catalogs/welding", "de", ["WR-SG2-10-5"]);
  const cases: [() => World, string, string, string][] = [
    [printingWorld, "PR-4105", "For Stitcher 1 we need 4 spools of 0.6 wire, the big 10 kg ones.", "4×HD-060-10"],
    [printingWorld, "PR-4105", "for stitcher 1 two spools of stitching wire 0.60 mm 10 kg", "2×HD-060-10"],
    [weldingHalfGerman, "WD-4104", "3 Spulen SG2-Draht 1,0 mm à 5 kg für den Line 2 welder", "3×WR-SG2-10-5"],
    [
      weldingHalfGerman,
      "WD-4104",
      "Für den Line 2 welder bitte 2 Spulen Schweißdraht SG2 1,0 mm 5 kg",
      "2×WR-SG2-10-5",
    ],
  ];
  for (const [world, customer, say, line] of cases)
    test(say, { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, say);
      expect(lines.map(([sku, quantity]) => `${quantity}×${sku}`)).toEqual([line]);
    });
});

describe("a count said with the switch to the successor is the line's new quantity", () => {
  const cases: [() => World, string, string[], string][] = [
    [
      watertreatWorld,
      "W-8101",
      ["4 membranes mb-bw4040hr for die erste", "ok the new ones then, but only 2"],
      "2×MB-BW4040-LE",
    ],
    [
      watertreatWorld,
      "W-8101",
      ["4 membranen mb-bw4040hr für die erste", "dann den Nachfolger, aber nur 2"],
      "2×MB-BW4040-LE",
    ],
    [
      weldingWorld,
      "WD-4101",
      ["3 Schachteln CT-36-12-OLD für Halle 1 Platz 2", "ok, dann halt die neuen, 5 Schachteln"],
      "5×CT-36-12",
    ],
    [
      weldingWorld,
      "WD-4101",
      ["3 boxes CT-36-12-OLD for Halle 1 Platz 2", "fine, the new ones then, 5 boxes"],
      "5×CT-36-12",
    ],
    // Without a count, the line keeps its quantity.
    [weldingWorld, "WD-4101", ["3 boxes CT-36-12-OLD for Halle 1 Platz 2", "ok, the successor"], "3×CT-36-12"],
    // Values stated beside the count are no count.
    [
      watertreatWorld,
      "W-8105",
      [
        "For the bag filter in Hull plant please I need filter bags size 2, the 50 micron, 4 boxes.",
        "Ah ok, if the filter must be 25 or finer then the 25 micron bags, also 4 boxes.",
      ],
      "4×FB-PP25-S2",
    ],
  ];
  for (const [world, customer, says, line] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const lines = await draftAfter(world, customer, ...says);
      expect(lines.map(([sku, quantity]) => `${quantity}×${sku}`)).toEqual([line]);
    });
});
