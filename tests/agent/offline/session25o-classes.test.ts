/**
 * Session 25o: the machine of "the same X", and a ready-made product described with its option values.
 *
 * (Not closed: a word of three letters the catalog holds only as the start of longer words — "ran" of "range", "mag"
 * of "Magnetspule" — is searched as that start. Taking it for no catalog word fixed "we always ran the 1.40 on her"
 * and "der Chef mag es so", but cost three eval conversations: such a word in a long remark ("sort it out") had kept
 * the remark from finding anything, and without it an ordinary word the catalog holds whole ("in the end" → the end
 * stop) was read as a product.)
 *
 * 1. "The same X" is the machine named last: "plus 2 filter driers DML 084 for the same chiller" got no machine (the
 *    clause read as a reorder, "the same" as last time, and its words were dropped before the sameness was read);
 *    after a list of what fits the Baler, "plus 1 bag of bonded seals for the same machine" got none either (only the
 *    order's lines were asked). And the product of the kind that fits that machine is chosen: "add 1 pack of
 *    calibrated underlay sheets for the same press" took the sheets for another press, the only ones with an English
 *    name — words of a language the fitting product has no name in tell nothing apart.
 * 2. A ready-made product the buyer described lost to the build to order: "2 UV blankets EPDM with quick clamping bars
 *    for Big Heidi" took the blanket made to measure, because the "with" of an extra's label ("with calibrated
 *    underlay") was read as that extra stated — and an extra no ready-made product carries keeps the build. A label's
 *    first word names its value alone only when it is no function word (a negation still is: "Ohne Bremse").
 */
import { describe, expect, test } from "vitest";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { importedDatabase } from "../../support/db-images.ts";
import { draftAfter, fluidWorld, hvacWorld, printingWorld } from "./helpers.ts";

const T = 120_000;

describe("the same machine", () => {
  const motors = "Hello, 2 axial fan motors 500 mm 400 V for the MS Elbe chiller please";
  test(
    "EN, hvac: 'for the same chiller', 'for the same machine' — the machine of the order's line",
    async () => {
      expect(
        await draftAfter(hvacWorld, "H-2005", motors, "plus 2 filter driers DML 084 for the same chiller"),
      ).toEqual([
        ["FM-AX500-400", 2, "M-2005-01"],
        ["FD-DML-084", 2, "M-2005-01"],
      ]);
      const lines = await draftAfter(hvacWorld, "H-2005", motors, "plus 2 filter driers DML 084 for the same machine");
      expect(lines.at(-1)).toEqual(["FD-DML-084", 2, "M-2005-01"]);
    },
    T,
  );

  test(
    "EN and DE, fluidpower: after a list of what fits the Baler, 'for the same machine' is the Baler",
    async () => {
      const hoses = "2 hydraulic hoses 2SN DN12 for the Baler";
      expect(
        await draftAfter(fluidWorld, "F-4003", hoses, 'plus 1 bag of bonded seals 1/2" BSP for the same machine'),
      ).toEqual([["FIT-BS-BSP12", 1, "M-4003-04"]]);
      expect(await draftAfter(fluidWorld, "F-4003", hoses, 'and 1 bag of bonded seals 1/2" BSP, same machine')).toEqual(
        [["FIT-BS-BSP12", 1, "M-4003-04"]],
      );
      expect(
        await draftAfter(
          fluidWorld,
          "F-4003",
          "2 Hydraulikschläuche 2SN DN12 für den Baler",
          'dazu 1 Beutel Dichtringe 1/2" BSP für dieselbe Maschine',
        ),
      ).toEqual([["FIT-BS-BSP12", 1, "M-4003-04"]]);
    },
    T,
  );

  test(
    "EN, printing: the underlay sheets that fit the press of the blanket",
    async () => {
      const blanket = "1 blanket made to measure for Big Heidi";
      for (const said of [
        "add 1 pack of calibrated underlay sheets for the same press",
        "add 1 pack of calibrated underlay sheets",
      ]) {
        const lines = await draftAfter(printingWorld, "PR-4105", blanket, said);
        expect(lines.at(-1)).toEqual(["UL-105-PAK", 1, "M-4105-02"]);
      }
    },
    T,
  );

  test(
    "guard, DE: 'dazu noch 1 Pack kalibrierte Unterlagebogen', 'für dieselbe Anlage'",
    async () => {
      const lines = await draftAfter(
        printingWorld,
        "PR-4105",
        "1 blanket made to measure for Big Heidi",
        "dazu noch 1 Pack kalibrierte Unterlagebogen",
      );
      expect(lines.at(-1)).toEqual(["UL-105-PAK", 1, "M-4105-02"]);
      const hvac = await draftAfter(hvacWorld, "H-2005", motors, "dazu 2 Filtertrockner DML 084 für dieselbe Anlage");
      expect(hvac.at(-1)).toEqual(["FD-DML-084", 2, "M-2005-01"]);
    },
    T,
  );
});

describe("a ready-made product described with its option values", () => {
  test("'with' says no extra whose label starts with it; the extra's own words still do", () => {
    const reader = createCatalogReader(importedDatabase("evals/catalogs/printing").$client);
    const model = reader.inLanguage!("en").configModel("cfg-gummituch")!;
    expect(findOptions("2 UV blankets EPDM with quick clamping bars", model).extras).toBeUndefined();
    expect(findOptions("blankets with bars", model)).toEqual({});
    expect(findOptions("with calibrated underlay", model).extras).toEqual(["unterlage"]);
    const german = reader.configModel("cfg-gummituch")!;
    expect(findOptions("mit kalibrierter Unterlage", german).extras).toEqual(["unterlage"]);
    // A value of one letter ("J (A and B to tank)") is still named by it.
    const fluid = createCatalogReader(importedDatabase("evals/catalogs/fluidpower").$client);
    expect(findOptions("spool J please", fluid.configModel("CM-VLV")!).spool).toEqual(["J"]);
  });

  test(
    "EN, printing: UV EPDM blankets with quick clamping bars for the press are the ready-made ones that fit it",
    async () => {
      for (const said of [
        "2 UV blankets EPDM with quick clamping bars for Big Heidi please",
        "Big Heidi needs 2 blankets, UV EPDM with quick-lock bars",
      ])
        expect(await draftAfter(printingWorld, "PR-4105", said)).toEqual([["GT-105-EPDM-SS", 2, "M-4105-02"]]);
    },
    T,
  );

  test(
    "guard: made to measure, or with the underlay, is the build",
    async () => {
      expect(
        await draftAfter(
          printingWorld,
          "PR-4105",
          "2 blankets made to measure for Big Heidi, UV EPDM with quick-lock bars",
        ),
      ).toEqual([["GT-CFG", 2, "M-4105-02"]]);
      expect(
        await draftAfter(
          printingWorld,
          "PR-4105",
          "2 Gummitücher mit kalibrierter Unterlage für Big Heidi, UV EPDM mit Schnellspannschienen",
        ),
      ).toEqual([["GT-CFG", 2, "M-4105-02"]]);
    },
    T,
  );
});
