/**
 * Buyer classes closed in session 15 (helper fix15f): a buyer writing in the language a catalog has no texts in
 * (an English buyer on a German-only catalog, a German buyer on an English-only one), and a part the buyer names by
 * all its words beside a part the machine's fitment lists that carries only one of them. Every case failed on the
 * code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  agripartsWorld,
  chatAfter,
  draftAfter,
  englishOnlyWorld,
  foodtechWorld,
  germanOnlyWorld,
  watertreatWorld,
} from "./helpers.ts";

const watertreatGerman = () => germanOnlyWorld("evals/catalogs/watertreat");
const watertreatEnglish = () => englishOnlyWorld("evals/catalogs/watertreat");
const skus = (lines: unknown[][]) => lines.map(([sku]) => sku);

describe("trade words nobody translated are read through the glossary, both ways", () => {
  it("foodtech (German-only), English buyer: 'one ultrasonic humidifier 24 V' is the Ultraschall-Befeuchter", async () => {
    expect(
      skus(await draftAfter(foodtechWorld, "C-7106", "For Proofer 2 I need one ultrasonic humidifier 24 V")),
    ).toEqual(["BF-US-24"]);
  });

  it("foodtech, English buyer: '1 dividing knife' beside another item is the Teilmesser", async () => {
    expect(
      skus(
        await draftAfter(
          foodtechWorld,
          "C-7102",
          "For the Divider in Venlo we need 2 piston seals and 1 dividing knife.",
        ),
      ),
    ).toContain("TM-TT30");
  });

  it("watertreat made German-only, English buyer: 'a new foot valve' is the Fußventil", async () => {
    expect(
      skus(
        await draftAfter(
          watertreatGerman,
          "W-8105",
          "The dosing pump on the Chlorinator needs a new foot valve, PVDF.",
        ),
      ),
    ).toEqual(["DP-FV-PVDF"]);
  });

  it("guard: watertreat made English-only, German buyer: '5 Sack Kationenharz' is the cation exchange resin", async () => {
    expect(await draftAfter(watertreatEnglish, "W-8103", "Für die Enthärtung 5 Sack Kationenharz")).toEqual([
      ["IX-SAC-25", 5, "M-8103-04"],
    ]);
  });

  it("agriparts (English-only), German buyer: '2 Oberlenkerbolzen Kat 3' are the top link pins", async () => {
    expect(await draftAfter(agripartsWorld, "A-9001", "für den Blauen 2 Oberlenkerbolzen Kat 3")).toEqual([
      ["LPN-CAT3", 2, "M-9001-06"],
    ]);
  });

  it("guard: agriparts, '6 Haltefedern für die Schnellwechselklingen' stays the blade holder spring", async () => {
    expect(
      skus(await draftAfter(agripartsWorld, "A-9001", "6 Haltefedern für die Schnellwechselklingen am Frontmähwerk")),
    ).toEqual(["MBH-QC-DM310"]);
  });
  it("agriparts (English-only), German buyer: '5 linke Schare' are left-hand shares, not connecting links", async () => {
    const chat = await chatAfter(agripartsWorld, "A-9001", "Für Pflug 5 brauchen wir 5 linke Schare");
    const text = chat.turns.at(-1)!.text;
    expect(text).toContain("PSH-16-BO-L");
    expect(text).not.toContain("CHN-16B-CL");
  });
});

describe("an everyday word beside the word the glossary pairs it with for a name names the product with it", () => {
  for (const text of [
    "3 cans of release oil for the Divider",
    "For the Divider we need 3 cans of the release oil (10 l).",
    "For the Divider in Venlo we need 1 dividing knife and 3 cans of the release oil.",
  ])
    it(`foodtech (German-only): "${text}" orders the Trennöl`, async () => {
      expect(await draftAfter(foodtechWorld, "C-7102", text)).toContainEqual(["TRENN-10", 3, "M-7102-05"]);
    });
});

describe("a part named by all its words leads the machine's listed part that carries one of them", () => {
  it("watertreat: '2 quartz sleeves' for a UV unit are sleeves, not the listed sleeve O-ring set", async () => {
    const chat = await chatAfter(watertreatWorld, "W-8101", "For UV Hochbehälter I need 2 quartz sleeves");
    const reply = chat.turns.at(-1)!.replies.join("\n");
    expect(chat.turns.at(-1)!.thread.draft.lines.map((l) => l.sku)).not.toContain("UV-OR-1554");
    expect(reply).toContain("UV-QS-1554");
  });

  it("watertreat made German-only, English buyer: the same through the glossary", async () => {
    const chat = await chatAfter(watertreatGerman, "W-8101", "For UV Hochbehälter I need 2 quartz sleeves");
    const reply = chat.turns.at(-1)!.replies.join("\n");
    expect(chat.turns.at(-1)!.thread.draft.lines.map((l) => l.sku)).not.toContain("UV-OR-1554");
    expect(reply).toContain("UV-QS-1554");
  });
});
