/**
 * Buyer classes closed in session 13 (helper fix13a), each played in English and German on more than one catalog;
 * every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  agripartsWorld,
  chatAfter,
  demoWorld,
  draftLines,
  foodtechWorld,
  importedWorld,
  intralogisticsWorld,
  powertransWorld,
  watertreatWorld,
} from "./helpers.ts";

/** The packaging catalog (no shared helper yet). */
const packagingWorld = () => importedWorld("evals/catalogs/packaging");

describe("a PO reference said with a spoken or Swiss verb ('Üsi Bstellnummer isch GH-4518')", () => {
  for (const [world, customer, add, said, po] of [
    [intralogisticsWorld, "L-8002", "1 BRK-SHOE-EF220 für den Zweier", "Üsi Bstellnummer isch GH-4518.", "GH-4518"],
    [
      intralogisticsWorld,
      "L-8002",
      "1 BRK-SHOE-EF220 für den Zweier",
      "Üsi Bstellnummer isch 4500-118, merci",
      "4500-118",
    ],
    [powertransWorld, "T-7001", "2 VB-SPA-1250", "unsere Bestellnummer wäre HB-2611-7", "HB-2611-7"],
    [demoWorld, "C-1001", "2 SE-MS28-CC-EPDM for pump 2", "our PO number would be 4711-B", "4711-B"],
    [powertransWorld, "T-7001", "2 VB-SPA-1250", "the PO number will be KR-77-19, thanks", "KR-77-19"],
  ] as const)
    it(`${customer}: '${said}' notes ${po}`, async () => {
      const chat = await chatAfter(world, customer, add, said);
      expect(chat.turns.at(-1)!.thread.draft.poReference).toBe(po);
    });
});

describe("'so', 'do', 'Fr' in a German sentence are everyday words, not a weekday ('Können Sie das so bestellen?')", () => {
  for (const [world, customer, add, said] of [
    [
      intralogisticsWorld,
      "L-8002",
      "1 BRK-SHOE-EF220 für den Zweier",
      "Üsi Bstellnummer isch GH-4518. Chönd Sie das so bstelle?",
    ],
    [powertransWorld, "T-7001", "2 VB-SPA-1250", "PO 4711-A. Können Sie das so bestellen?"],
    [demoWorld, "C-1001", "2 SE-MS28-CC-EPDM für Pumpe 2", "Bestellnummer KB-2611, können Sie das so liefern?"],
    [demoWorld, "C-1001", "2 SE-MS28-CC-EPDM für Pumpe 2", "Kommission 4471, geht das so raus?"],
  ] as const)
    it(`${customer}: '${said}' sets no requested date`, async () => {
      const chat = await chatAfter(world, customer, add, said);
      expect(chat.turns.at(-1)!.thread.draft.requestedDate).toBeUndefined();
    });

  it("guard: 'am Mo' is still a day", async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7001",
      "2 VB-SPA-1250",
      "Bestellnummer 4711-A, Lieferung am Mo bitte",
    );
    expect(chat.turns.at(-1)!.thread.draft.requestedDate).toBe("2026-12-07");
  });
});

describe("'we need X too' to an offer that swaps to X or adds X keeps the line and adds X", () => {
  const tilt = "Am Zweier tropft Öl am Neigezylinder. Bitte einen Dichtsatz für den Neigezylinder schicken.";
  for (const said of [
    "Jo, de O-Ring-Satz bruuched mir au, tüend en dezue.",
    "Ja, den O-Ring-Satz brauchen wir auch dazu.",
    "yes, we need the o-ring set too",
    "ok, add the o-ring kit as well",
  ])
    it(`intralogistics: '${said}' adds the o-ring set beside the seal kit`, async () => {
      const chat = await chatAfter(intralogisticsWorld, "L-8002", tilt, said);
      expect(draftLines(chat)).toEqual([
        ["SK-TILT-EF", 1, "M-8002-01"],
        ["OR-TILT-EF", 1, "M-8002-01"],
      ]);
    });

  for (const said of ["yes, the clamping strips too please", "ja, die Klemmleisten brauchen wir auch"])
    it(`foodtech: '${said}' to swaps of the blade set and the addition of its clamping strips adds them`, async () => {
      const chat = await chatAfter(foodtechWorld, "C-7102", "1 GM-BS450-10 for Slicer A", "the 11 mm one", said);
      expect(draftLines(chat)).toEqual([
        ["GM-BS450-11", 1, "M-7102-03"],
        ["MK-BS450", 1, "M-7102-03"],
      ]);
    });

  it("guard: watertreat, 'yes, the o-rings too' to the one addition offered adds them", async () => {
    const chat = await chatAfter(watertreatWorld, "W-8102", "1 MB-BW8040-LE for Line B RO", "yes, the brine seal too");
    expect(draftLines(chat)).toEqual([
      ["MB-BW8040-LE", 1, "M-8102-01"],
      ["MB-BS-8040", 1, "M-8102-01"],
    ]);
  });
});

describe("a replacement offered is accepted by a word of its joined name ('the carbide one' of 'carbide-tipped')", () => {
  const plough = "For Plough 2 we need again the share points, the standard ones PPT-BO-STD, 10 pieces.";
  for (const said of [
    "Ah ok, the old one is not there anymore. Then the carbide one is fine, also 10 pieces.",
    "dann nehmen wir die Hartmetall-Spitzen, auch 10 Stück",
  ])
    it(`agriparts: '${said}' switches to the carbide-tipped successor`, async () => {
      const chat = await chatAfter(agripartsWorld, "A-9003", plough, said);
      expect(draftLines(chat).map(([sku, n]) => [sku, n])).toEqual([["PPT-BO", 10]]);
    });

  it("guard: agriparts, 'ok the carbide ones then' switches to it", async () => {
    const chat = await chatAfter(agripartsWorld, "A-9003", plough, "ok the carbide ones then");
    expect(draftLines(chat).map(([sku, n]) => [sku, n])).toEqual([["PPT-BO", 10]]);
  });

  it("packaging: 'ok, then the glass fabric one' switches to the glass-fabric tape offered", async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2101",
      "3 PT-13-25-BR für Schlauchbeutler 1",
      "ok, then the glass fabric one",
    );
    expect(draftLines(chat)).toEqual([["PT-13-25-10", 3, "M-2101-01"]]);
  });
});
