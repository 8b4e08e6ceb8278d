/**
 * Session 25o: ordinary words and the machine of "the same X".
 *
 * 1. A word of three letters that the catalog holds only as the start of longer words was searched as a prefix of them
 *    and read as a confident product: "we always ran the 1.40 on her" asked for a PTO shaft ("ran" of "range"), "it ran
 *    out, 2 please" listed expansion valves, "ask them to send 2 more" added push-in elbows, "der Chef mag es so"
 *    listed solenoid coils ("mag" of "Magnetspule") and magenta inks. Such a word is too short to be completed as much
 *    as to be corrected: the search takes it for no catalog word (`correctWord` neither), so what is ordinary
 *    language is not turned into a product. Whole words of three letters the catalog holds still search.
 * 2. "The same X" is the machine named last: "plus 2 filter driers DML 084 for the same chiller" got no machine (the
 *    clause read as a reorder, "the same" as last time, and its words were dropped before the sameness was read);
 *    after a list of what fits the Baler, "plus 1 bag of bonded seals for the same machine" got none either (only the
 *    order's lines were asked). And the product of the kind that fits that machine is chosen: "add 1 pack of
 *    calibrated underlay sheets for the same press" took the sheets for another press, the only ones with an English
 *    name — words of a language the fitting product has no name in tell nothing apart.
 * 3. A ready-made product the buyer described lost to the build to order: "2 UV blankets EPDM with quick clamping bars
 *    for Big Heidi" took the blanket made to measure, because the "with" of an extra's label ("with calibrated
 *    underlay") was read as that extra stated — and an extra no ready-made product carries keeps the build. A label's
 *    first word names its value alone only when it is no function word (a negation still is: "Ohne Bremse").
 */
import { describe, expect, test } from "vitest";
import { findOptions } from "../../../agent/models/offline/recognise.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { importedDatabase } from "../../support/db-images.ts";
import { agripartsWorld, draftAfter, fluidWorld, hvacWorld, lastTurn, printingWorld } from "./helpers.ts";

const T = 120_000;

describe("a word of three letters is no start of a catalog word", () => {
  test("the search neither completes nor corrects it; a whole catalog word of three letters is found", () => {
    const agri = createCatalogSearch(importedDatabase("evals/catalogs/agriparts").$client);
    expect(agri.search({ query: "ran", limit: 5 })).toEqual([]);
    expect(agri.correctWord("ran")).toBeUndefined();
    expect(agri.search({ query: "ran net", limit: 5 }).map((h) => h.sku)).toContain("NET-130-3600");
    const hvac = createCatalogSearch(importedDatabase("evals/catalogs/hvac").$client);
    expect(hvac.correctWord("mag")).toBeUndefined();
    // Longer starts still complete ("magnet" of "Magnetventil").
    expect(hvac.correctWord("magnet")).toBe("magnet");
  });

  test(
    "EN, agriparts: 'ran' names no PTO shaft",
    async () => {
      const first = await lastTurn(agripartsWorld, "A-9004", "we always ran the 1.40 on her");
      expect(first.text).not.toContain("PTO-CFG");
      expect(first.lines).toEqual([]);
      const second = await lastTurn(agripartsWorld, "A-9004", "we ran the 1.40 net on Big Red last year, 2 rolls");
      expect(second.text).not.toContain("PTO-CFG");
      expect(second.lines.map((l) => l[0])).not.toContain("PTO-CFG");
    },
    T,
  );

  test(
    "EN, hvac and fluidpower: 'ran out', 'ask them' name no product",
    async () => {
      const hvac = await lastTurn(hvacWorld, "H-2005", "it ran out, 2 please");
      expect(hvac.text).not.toContain("TXV-");
      expect(hvac.lines).toEqual([]);
      expect(await draftAfter(fluidWorld, "F-4003", "ask them to send 2 more")).toEqual([]);
    },
    T,
  );

  test(
    "DE, hvac and printing: 'mag' (likes) names no solenoid coil and no magenta ink",
    async () => {
      const hvac = await lastTurn(hvacWorld, "H-2001", "der Chef mag es so, 2 Stück bitte");
      expect(hvac.text).not.toMatch(/Magnetspule|Magnetventil/);
      expect(hvac.lines).toEqual([]);
      const printing = await lastTurn(printingWorld, "PR-4101", "der Chef mag das so, bitte 3 Stück");
      expect(printing.text).not.toContain("Magenta");
      expect(printing.lines).toEqual([]);
    },
    T,
  );

  test(
    "guard: beside the product's words the ordinary word is left out, the product is added",
    async () => {
      expect(
        await draftAfter(agripartsWorld, "A-9004", "2 rolls of the 1.30 net wrap for Big Red, we ran out"),
      ).toEqual([["NET-130-3600", 2, "M-9004-01"]]);
      const coil = await lastTurn(hvacWorld, "H-2001", "2 Magnetspulen 018F 24 V bitte");
      expect(coil.text).toContain("COIL-018F-24");
    },
    T,
  );
});

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
