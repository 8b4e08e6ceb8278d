/**
 * An English buyer on a catalog whose texts are German only (the trade catalogs made German-only, as a German shop
 * that never translated its catalog has them): the consultant reads the buyer's English words through the built-in
 * glossary (catalog/queries/glossary.ts) read in the en→de direction — the catalog's German compounds split at the
 * glossary's words ("Aufsteckverstärker" is an amplifier, "Winkelverschraubung" an elbow fitting), option labels in
 * German chosen by English words ("low temp" is "Tiefkühlung", "no brake" is "Ohne Bremse", "60 rpm" is "60 1/min").
 */
import { describe, expect, it } from "vitest";
import { createNameGloss } from "../../../catalog/queries/glossary.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { Chat, draftLines, germanOnlyWorld } from "./helpers.ts";

/** The draft's lines with their configuration, as [sku, quantity, options]. */
const configured = (chat: Chat): [string, number, Record<string, string[]>][] =>
  (chat.turns.at(-1)?.thread.draft.lines ?? []).map((l) => [l.sku, l.quantity, l.options ?? {}]);

describe("the glossary reads a German catalog's compounds by their parts", () => {
  it("a compound no entry lists is glossed by its glossary parts, the head included", () => {
    const gloss = createNameGloss(["de"])!;
    expect(gloss("Türdichtung 600 x 400 mm").split(" ")).toEqual(expect.arrayContaining(["door", "seal"]));
    expect(gloss.words("Aufsteckverstärker für Proportionalventil")).toContain("amplifier");
    // A catalog with English texts is glossed as before: nothing to add.
    expect(createNameGloss(["en", "de"])).toBeUndefined();
  });

  it("the English word finds the German compound in the search (fluid power)", () => {
    const w = germanOnlyWorld("evals/catalogs/fluidpower");
    const names = createCatalogSearch(w.db)
      .search({ query: "amplifier for proportional valve", language: "en", limit: 1 })
      .map((h) => h.name);
    expect(names[0]).toMatch(/^Aufsteckverstärker/);
  });
});

describe("an English buyer on a German-only catalog", () => {
  it("finds the part by the English word for its compound's head (fluid power)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/fluidpower"), "F-4002");
    const turn = await chat.say("do you have an amplifier for the proportional valve, 24 V DC?");
    expect(turn.text).toMatch(/AMP-PV-24/);
  });

  it("finds the elbow fittings the catalog calls Winkelverschraubung (fluid power)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/fluidpower"), "F-4001");
    await chat.say("2 bags of 90 degree elbows 15L please");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["FIT-EL-15L", 2]]);
  });

  it("chooses German option labels from English words: speed in rpm, no brake (power transmission)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/powertrans"), "T-7005");
    await chat.say(
      "a gear motor GM-CFG for the Line 2 infeed: 0.75 kW, 99 rpm output, 400 V 50 Hz, foot mounted, IP55, no brake",
    );
    const [line] = configured(chat);
    expect(line?.[0]).toBe("GM-CFG");
    expect(line?.[2]).toMatchObject({ ratio: ["14"], brake: ["none"] });
  });

  it("reads 'medium temp' as the German label Normalkühlung (hvac)", async () => {
    const chat = new Chat(germanOnlyWorld("evals/catalogs/hvac"), "H-2006");
    await chat.say("condensing unit CU-CFG for freezer 3, R449A, medium temp, 400V 3ph, indoor housing");
    const [line] = configured(chat);
    expect(line?.[0]).toBe("CU-CFG");
    expect(line?.[2]).toMatchObject({ application: ["MT"], housing: ["indoor"] });
  });
});
