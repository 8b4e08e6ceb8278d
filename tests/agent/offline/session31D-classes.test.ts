/**
 * Session 31 (helper D), a class of phrasing ordinary buyers share:
 * - "both", "beide bitte", "bei beiden", "alle beide", "take both of them" to an open list of two (or to the two of a
 *   longer list the answer's words tie): every one of them goes on the order, each in the count of the request (or the
 *   count the answer gives "each"). Before, "both" was searched as a product, or asked back "which one".
 * Guards: a question about both ("sind beide lagernd?") adds nothing; "neither" adds nothing; an ordinal still picks
 * one; "both balers" names machines, not the two listed.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, demoWorld, draftLines, sorted } from "./helpers.ts";

const T = 60_000;

describe("'both' to an open list of two takes every listed product", () => {
  test("demo C-1001: 2 Gleitringdichtungen Kohle/Keramik EPDM, then 'beide bitte'", { timeout: T }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1001",
      "ich brauche 2 Gleitringdichtungen Kohle Keramik EPDM",
      "beide bitte",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 SE-MS24-CC-EPDM", "2 SE-MS28-CC-EPDM"]);
  });
  test("demo C-1001: mechanical seals, then 'both please, 2 of each'", { timeout: T }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1001",
      "I need mechanical seals carbon ceramic EPDM",
      "both please, 2 of each",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 SE-MS24-CC-EPDM", "2 SE-MS28-CC-EPDM"]);
  });
  test("agriparts: 2 rolls of net wrap 3600 m, then 'both'", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 rolls of net wrap 3600 m", "both");
    expect(sorted(draftLines(chat))).toEqual(["2 NET-123-3600", "2 NET-130-3600"]);
  });
  test("agriparts: net wrap 3600 m, then 'take both of them, 3 of each'", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9004",
      "2 rolls of net wrap 3600 m",
      "take both of them, 3 of each",
    );
    expect(sorted(draftLines(chat))).toEqual(["3 NET-123-3600", "3 NET-130-3600"]);
  });
  test("agriparts: Netz 3600 m, then 'ja beide, jeweils 4'", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 Rollen Netz 3600 m", "ja beide, jeweils 4");
    expect(sorted(draftLines(chat))).toEqual(["4 NET-123-3600", "4 NET-130-3600"]);
  });
  test("agriparts: Netz 3600 m, then 'nehm ich alle beide'", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 Rollen Netz 3600 m", "nehm ich alle beide");
    expect(sorted(draftLines(chat))).toEqual(["2 NET-123-3600", "2 NET-130-3600"]);
  });
  test("demo C-1001: 'genau die Kohle Keramik mit EPDM bei beiden' (the answer's own search finds the two)", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1001",
      "ich brauche 2 Gleitringdichtungen",
      "genau die Kohle Keramik mit EPDM bei beiden",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 SE-MS24-CC-EPDM", "2 SE-MS28-CC-EPDM"]);
  });
});

describe("guards", () => {
  test("a stock question about both adds nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1001",
      "ich brauche 2 Gleitringdichtungen Kohle Keramik EPDM",
      "sind beide lagernd?",
    );
    expect(draftLines(chat)).toEqual([]);
  });
  test("a price question about both adds nothing", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 Rollen Netz 3600 m", "was kosten beide");
    expect(draftLines(chat)).toEqual([]);
  });
  test("'neither' adds nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9004",
      "2 rolls of net wrap 3600 m",
      "neither, I need the 3000 m one",
    );
    expect(draftLines(chat).map((l) => l[0])).not.toContain("NET-130-3600");
  });
  test("'both pumps' says which machines, not which products", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 rolls of net wrap 3600 m", "both balers need them");
    expect(sorted(draftLines(chat))).not.toEqual(["2 NET-123-3600", "2 NET-130-3600"]);
  });
  test("an ordinal still picks one", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "2 rolls of net wrap 3600 m", "the first one");
    expect(sorted(draftLines(chat))).toEqual(["2 NET-123-3600"]);
  });
});
