/**
 * Session 31 (helper B). Two classes of ordinary buyers' phrasing, read wrongly on 41fadba:
 * (1) a leave-off said with "leave": "leave the counter-bar off this time", "leave the coils off", "leave out the X",
 *     also inside a change of mind ("make it 4 bands and 8 tapes, and leave the counter-bar off this time") — the line
 *     it names is removed (it was read as a search and listed the machine's parts, the line stayed);
 * (2) the line's own product said to be fine while other products are offered for it: "black is fine mate just put
 *     them thru", "the black ones are fine", "schwarz passt schon" — the line is kept as it is (it was switched to the
 *     first offered product that shares a word, another size of black tyre).
 * Packaging, hvac, intralogistics and foodtech, English and German; guards: "that's fine, go ahead" still takes the
 * offered fix, a leave-off naming no line removes nothing, German leave-offs keep working.
 */
import { describe, expect, it } from "vitest";
import {
  chatAfter,
  draftLines,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  packagingWorld,
  sorted,
} from "./helpers.ts";

const T = 60_000;
const REORDER = "Hi, the L-sealer stuff from NB-PO-77120 again please";
const DRIERS_COILS = "2 filter driers DML 084 and 2 solenoid coils, the 24 V ones";

describe("a leave-off said with 'leave' drops the line it names", () => {
  for (const [world, customer, first, text, expected] of [
    [packagingWorld, "PK-2104", REORDER, "leave the counter-bar off this time", ["3 HB-600-5", "6 PT-13-25-10"]],
    [packagingWorld, "PK-2104", REORDER, "please leave the counter-bar off", ["3 HB-600-5", "6 PT-13-25-10"]],
    [
      packagingWorld,
      "PK-2104",
      REORDER,
      "Actually make it 4 bands and 8 tapes, and leave the counter-bar off this time",
      ["4 HB-600-5", "8 PT-13-25-10"],
    ],
    [hvacWorld, "H-2005", DRIERS_COILS, "leave the coils off this time", ["2 FD-DML-084"]],
    [hvacWorld, "H-2005", DRIERS_COILS, "ok, leave the solenoid coils off, we have some", ["2 FD-DML-084"]],
    [hvacWorld, "H-2005", DRIERS_COILS, "leave out the filter driers, we have some", ["2 COIL-018F-24"]],
    // Guards (German leave-offs and "leave … out" in a change of mind read right on base).
    [hvacWorld, "H-2005", DRIERS_COILS, "die Magnetspulen bitte weglassen", ["2 FD-DML-084"]],
    [hvacWorld, "H-2005", DRIERS_COILS, "make it 3 filter driers, and leave the coils out", ["3 FD-DML-084"]],
    [packagingWorld, "PK-2104", REORDER, "die Gegenleiste lassen wir diesmal weg", ["3 HB-600-5", "6 PT-13-25-10"]],
  ] as const)
    it(`"${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, text);
      expect(sorted(draftLines(chat))).toEqual([...expected].sort());
    });

  it("guard: a leave-off naming no line of the order removes nothing", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", DRIERS_COILS, "leave the sight glass off");
    expect(sorted(draftLines(chat))).toEqual(["2 COIL-018F-24", "2 FD-DML-084"]);
  });

  it("guard: 'leave it as it is' removes nothing", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", DRIERS_COILS, "leave it as it is");
    expect(sorted(draftLines(chat))).toEqual(["2 COIL-018F-24", "2 FD-DML-084"]);
  });
});

describe("the line's own product said to be fine keeps the line against the products offered", () => {
  const TYRES = "2 tyres 18x7-8 for truck 4, black ones, theyre cheaper";
  for (const text of [
    "black is fine mate just put them thru",
    "the black ones are fine",
    "black ones are ok, thanks",
    "schwarz passt schon",
    "die schwarzen sind schon ok",
  ])
    it(`intralogistics: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(intralogisticsWorld, "L-8004", TYRES, text);
      expect(draftLines(chat).map((l) => l[0])).toEqual(["TYR-SE-18x7-8-BK"]);
    });

  it("intralogistics: then 'ok grey then, 2' takes the grey tyre of the same size", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8004",
      TYRES,
      "black is fine mate just put them thru",
      "ok grey then, 2",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["TYR-SE-18x7-8-NM", 2]]);
  });

  const GREASE = "need grease cartridges for Mixer 2, the EP2 multipurpose, 1 carton";
  for (const text of ["the EP2 is fine", "EP2 passt schon"])
    it(`foodtech: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(foodtechWorld, "C-7106", GREASE, text);
      expect(draftLines(chat).map((l) => l[0])).toEqual(["FETT-EP2-400"]);
    });

  it("guard: 'that's fine, go ahead' takes the fix offered", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7106", GREASE, "that's fine, go ahead");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["SPR-H1-400"]);
  });

  it("guard: another product's words said fine take that product", { timeout: T }, async () => {
    const chat = await chatAfter(foodtechWorld, "C-7106", GREASE, "the H1 spray is fine then");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["SPR-H1-400"]);
  });

  const SZ45 =
    "Compressor at TK-Zelle Kruse (the bakery) is dead, its the SZ 45 series 1 scroll for R404A. Please one piece same type.";
  for (const text of [
    "ok the new SZ 45 is fine if it runs with R404A too. take that one",
    "the SZ 45 is fine",
    "der neue SZ 45 passt schon",
  ])
    it(`guard: words the successor offered carries too, or "new", take the successor: "${text}"`, {
      timeout: T,
    }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2003", SZ45, text);
      expect(draftLines(chat).map((l) => l[0])).toEqual(["CMP-SZ45-400"]);
    });

  it("guard: 'grey is fine' switches to a grey tyre", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8004", TYRES, "ok grey 18x7-8 is fine then");
    expect(draftLines(chat).map((l) => l[0])).toEqual(["TYR-SE-18x7-8-NM"]);
  });
});

describe("a product the order already holds, picked from a list with no count, is not added a second time", () => {
  const COMPARE_TAPES =
    "What's the difference between the 25mm silicone tape and the acrylic one? Acrylic is cheaper, would that do?";
  for (const text of [
    "OK, stick with the silicone one then",
    "ok, the silicone one then",
    "dann bleiben wir beim Silikon-Klebeband",
  ])
    it(`packaging: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(packagingWorld, "PK-2104", REORDER, COMPARE_TAPES, text);
      expect(sorted(draftLines(chat))).toEqual(["1 SR-SW-600", "3 HB-600-5", "6 PT-13-25-10"]);
    });

  it("packaging: a ship-to said with it still goes on the order", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2104",
      REORDER,
      COMPARE_TAPES,
      "OK, stick with the silicone one then. Ship to Hull please, that's where the sealer is.",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 SR-SW-600", "3 HB-600-5", "6 PT-13-25-10"]);
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBe("ST-2104-HUL");
  });

  const COMPARE_DRIERS = "What's the difference between the DML 084 and the DCL 084?";
  for (const text of ["ok stick with the DML then", "gut, dann die DML"])
    it(`hvac: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2005", "2 filter driers DML 084", COMPARE_DRIERS, text);
      expect(sorted(draftLines(chat))).toEqual(["2 FD-DML-084"]);
    });

  it("guard: a count said with the pick sets the line", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", "2 filter driers DML 084", COMPARE_DRIERS, "ok the DML then, 3");
    expect(sorted(draftLines(chat))).toEqual(["3 FD-DML-084"]);
  });

  it("guard: the other product picked goes on the order", { timeout: T }, async () => {
    const chat = await chatAfter(packagingWorld, "PK-2104", REORDER, COMPARE_TAPES, "ok the acrylic one then");
    expect(chat.turns.at(-1)!.text).toContain("PT-13-25-AC");
    expect(draftLines(chat).filter((l) => l[0] === "PT-13-25-10")).toHaveLength(1);
  });
});

describe("a count correction said while a companion is offered changes the line's count", () => {
  const CHUCKS = "Hello, please 3 capping chucks 28 mm for Filler 1.";
  for (const text of [
    "Sorry, correction: only 2 chucks, not 3. The third one we found in the store.",
    "only 2 chucks not 3",
    "Korrektur: nur 2 Spannköpfe statt 3",
  ])
    it(`packaging: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(packagingWorld, "PK-2105", CHUCKS, text);
      expect(sorted(draftLines(chat))).toEqual(["2 CH-28"]);
    });

  it("then 'yes, with the inserts, 2 also' adds two inserts", { timeout: T }, async () => {
    const chat = await chatAfter(
      packagingWorld,
      "PK-2105",
      CHUCKS,
      "Sorry, correction: only 2 chucks, not 3. The third one we found in the store.",
      "yes, with the inserts, 2 also",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 CH-28", "2 CH-INS-28"]);
  });

  it("hvac: '3 driers not 2' while a switch is offered for the drier", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", "2 filter driers DML 083", "3 driers not 2");
    expect(draftLines(chat).map((l) => l[1])).toEqual([3]);
  });

  it("guard: 'yes' to the companion offered still adds it", { timeout: T }, async () => {
    const chat = await chatAfter(packagingWorld, "PK-2105", CHUCKS, "yes, add them");
    expect(sorted(draftLines(chat))).toEqual(["3 CH-28", "3 CH-INS-28"]);
  });
});

describe("clauses that each take the same companion offered add it once", () => {
  for (const [text, expected] of [
    ["yes, with the inserts", ["2 CH-28", "2 CH-INS-28"]],
    ["ja, mit den Einsätzen, 2 auch", ["2 CH-28", "2 CH-INS-28"]],
  ] as const)
    it(`packaging: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(
        packagingWorld,
        "PK-2105",
        "Hello, please 2 capping chucks 28 mm for Filler 1.",
        text,
      );
      expect(sorted(draftLines(chat))).toEqual([...expected].sort());
    });
});
