/**
 * Session 28 (lead, from the visible printing weekend-maintenance conversation): on a catalog whose English names cover
 * part of its range, "2 filter cartridges for the CTP" ordered an English-named dampening-circulator cartridge (FI-25,
 * for no machine in particular) instead of the plate processor's own listed "Filterpatrone Plattenentwickler CTP 80":
 * that product has no English name, and the offline model read its German name without the glossary — a catalog with
 * no English at all is read with it. A product named in only some of the catalog's languages is now read with the
 * glossary's words for those it lacks (recognise.ts `allNames`/`nameList`, per product).
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, partlyTranslatedWorld, printingWorld } from "./helpers.ts";

const T = 60_000;
const onCtp = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]} ${l[2]}`);

describe("a machine's listed part named in the catalog's language only, asked for in the other", () => {
  for (const text of [
    "2 filter cartridges for the CTP",
    "CTP: 2 filter cartridges",
    "we need 2 new filter cartridges on the CTP please",
  ])
    test(`PR-4101: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(printingWorld, "PR-4101", text);
      expect(onCtp(draftLines(chat))).toEqual(["2 FI-CTP80 M-4101-06"]);
    });
  test("guard: asked in the catalog's language", { timeout: T }, async () => {
    const chat = await chatAfter(printingWorld, "PR-4101", "2 Filterpatronen für den CTP");
    expect(onCtp(draftLines(chat))).toEqual(["2 FI-CTP80 M-4101-06"]);
  });
  test("guard: every filter named in German only, the listed one still leads", { timeout: T }, async () => {
    const world = () => partlyTranslatedWorld("evals/catalogs/printing", "en", ["FI-"]);
    const chat = await chatAfter(world, "PR-4101", "2 filter cartridges for the CTP");
    expect(onCtp(draftLines(chat))).toEqual(["2 FI-CTP80 M-4101-06"]);
  });
  test("guard: the dampening circulator's cartridge, asked for by its own words", { timeout: T }, async () => {
    const chat = await chatAfter(printingWorld, "PR-4101", "2 filter cartridges 25 µm for the dampening circulator");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 FI-25"]);
  });
});
