/**
 * Session 33 (lead): readings of buyers the evals had not shown.
 * - A count corrected in the same message by the words of the item it corrects ("2 sight glasses and 4 filter driers,
 *   sorry 3 driers", "…, äh, 3 Trockner", "no wait, 3 of the driers") is that item's corrected count: the words after
 *   the correction were read as one more item, listed and not added, and the first count was ordered.
 * - The number after a word a machine's preposition leads, with nothing counted after it ("for pump 7 we need 2 seals",
 *   "for truck 7 the hydraulic filters same as last time") is the number the machine is called by, not how many: it
 *   ordered 7 seals, 7 filters.
 * - A calendar week ("bis KW 50", "in CW 2", "Kalenderwoche 51") is the date asked for (the Friday of that ISO week),
 *   never a count: "können Sie bis KW 50 liefern?" changed the line to 50 seals.
 * - A count written with its times sign after a SKU ("SE-MS28-CC-EPDM x2", "… x 2") is how many: it was read as a code
 *   class or a dimension's side, and one was ordered.
 * - One product shared over the buyer's machines ("filter driers DML 084: 3 for the Roof chiller and 2 for the Edeka
 *   freezer", "3 … for the Roof chiller and the same for …", "5 …, 2 of them for …, the rest for …") is one item per
 *   machine: it asked which machine, or put all on one.
 * - Counts of a product sold in packs of pieces: "24 cans of leak spray" (sold in boxes of 12, by no can) ordered 24
 *   boxes (288 cans) — a container of one item (can, bottle, cartridge) the catalog sells in no product counts pieces;
 *   "2 leak spray boxes" ordered 2 pieces — the pack's word after the product's words counts packs; a fraction of a
 *   pack read "0.16666666666666666 boxes" — six significant digits, as the engine writes it.
 * Guards: a correction naming words of no item said ("sorry, 2 sight glasses too", "sorry, 2 seals for pump 1") adds or
 *   asks as before; the first counts stay. A label the buyer has keeps its reading ("for truck 4 we need 2 …").
 */
import { describe, expect, test } from "vitest";
import { recogniseDate } from "../../../agent/models/offline/nlu/understand.ts";
import { qty } from "../../../agent/models/offline/replies.ts";
import { chatAfter, demoWorld, draftLines, hvacWorld, intralogisticsWorld, weldingWorld } from "./helpers.ts";

const T = 60_000;

describe("a count corrected by the words of its item is that item's count", () => {
  for (const [text, lines] of [
    [
      "2 sight glasses SGN 12 and 4 filter driers DML 084, sorry 3 driers",
      [
        ["SG-SGN-12", 2, "M-2005-01"],
        ["FD-DML-084", 3, "M-2005-01"],
      ],
    ],
    [
      "2 Schaugläser SGN 12 und 4 Filtertrockner DML 084, äh, 3 Trockner",
      [
        ["SG-SGN-12", 2, "M-2005-01"],
        ["FD-DML-084", 3, "M-2005-01"],
      ],
    ],
    [
      "4 filter driers DML 084 and 2 sight glasses SGN 12 - no wait, 3 of the driers",
      [
        ["FD-DML-084", 3, "M-2005-01"],
        ["SG-SGN-12", 2, "M-2005-01"],
      ],
    ],
    [
      "4 Filtertrockner DML 084 und 2 Schaugläser SGN 12, nein, 3 Schaugläser bitte",
      [
        ["FD-DML-084", 4, "M-2005-01"],
        ["SG-SGN-12", 3, "M-2005-01"],
      ],
    ],
  ] as const)
    test(`H-2005: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2005", text);
      expect(draftLines(chat)).toEqual(lines);
    });

  test("WD-4101: '10 gas nozzles … for Halle 1 Platz 2, sorry, 20 nozzles'", { timeout: T }, async () => {
    const chat = await chatAfter(
      weldingWorld,
      "WD-4101",
      "10 gas nozzles conical 15 mm for Halle 1 Platz 2, sorry, 20 nozzles",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["GN-36-CON", 20]]);
  });

  // Guards: words that name no item said before are no correction.
  test("H-2005: 'sorry, 2 sight glasses too' keeps the first counts", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2005",
      "4 filter driers DML 084 and 2 sight glasses SGN 12, sorry, 2 sight glasses too",
    );
    expect(draftLines(chat).slice(0, 2)).toEqual([
      ["FD-DML-084", 4, "M-2005-01"],
      ["SG-SGN-12", 2, "M-2005-01"],
    ]);
  });
  test("C-1001: 'sorry, 2 seals for pump 1' keeps pump 2's three seals", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => demoWorld(),
      "C-1001",
      "3 mech seals SE-MS28-CC-EPDM for pump 2, sorry, 2 seals for pump 1",
    );
    expect(draftLines(chat)[0]).toEqual(["SE-MS28-CC-EPDM", 3, "M-1001-02"]);
  });
});

describe("a number after a word a machine's preposition leads names the machine, not how many", () => {
  for (const [text, count] of [
    ["for pump 7 we need 2 mech seals SE-MS28-CC-EPDM", 2],
    ["for pump 7 we need the mech seal SE-MS28-CC-EPDM", 1],
    ["an Pumpe 7 brauchen wir 3 Gleitringdichtungen SE-MS28-CC-EPDM", 3],
  ] as const)
    test(`C-1001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["SE-MS28-CC-EPDM", count]]);
    });
  for (const text of [
    "for truck 7 the hydraulic filters same as last time",
    "the hydraulic filters for truck 7 same as last time",
    "für Stapler 7 die Hydraulikfilter wie letztes Mal",
  ])
    test(`L-8001: ${text} (the last order's count)`, { timeout: T }, async () => {
      const chat = await chatAfter(intralogisticsWorld, "L-8001", text);
      expect(draftLines(chat)).toEqual([["FLT-HYD-EF", 4, "M-8001-01"]]);
    });
  test("L-8004 (guard): 'for truck 4 we need 2 hydraulic return filters' — the label the buyer has", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8004", "for truck 4 we need 2 hydraulic return filters");
    expect(draftLines(chat)).toEqual([["FLT-HYD-EF", 2, "M-8004-01"]]);
  });
});

describe("a calendar week is the date asked for, never a count", () => {
  const now = new Date("2026-11-30T09:00:00Z");
  test.each([
    ["können Sie bis KW 50 liefern?", "de", "2026-12-11"],
    ["Lieferung bis Kalenderwoche 51 reicht", "de", "2026-12-18"],
    ["delivery in CW 2 is fine", "en", "2027-01-15"],
    ["by calendar week 49 please", "en", "2026-12-04"],
    ["bis KW50", "de", "2026-12-11"],
  ] as const)("%s → %s", (text, lang, iso) => {
    expect(recogniseDate(text, lang, now)).toBe(iso);
  });

  for (const [says, count] of [
    [["2 mech seals SE-MS28-CC-EPDM for pump 2", "können Sie bis KW 50 liefern?"], 2],
    [["2 mech seals SE-MS28-CC-EPDM for pump 2", "by when can you deliver? we need them by KW 49"], 2],
    [["Wir brauchen 3 Gleitringdichtungen SE-MS28-CC-EPDM für Pumpe 2 bis Kalenderwoche 51"], 3],
  ] as const)
    test(`C-1001: ${says.join(" / ")}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", ...says);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", count, "M-1001-02"]]);
    });
});

describe("a count with its times sign after a SKU is how many", () => {
  for (const text of [
    "Gleitringdichtung SE-MS28-CC-EPDM x2 für Pumpe 2",
    "mech seal SE-MS28-CC-EPDM x 2 for pump 2",
    "for pump 2: SE-MS28-CC-EPDM 2x",
  ])
    test(`C-1001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(() => demoWorld(), "C-1001", text);
      expect(draftLines(chat)).toEqual([["SE-MS28-CC-EPDM", 2, "M-1001-02"]]);
    });
  test("H-2005 (guard): 'filter drier DML 084 x3, sight glass SGN 12 x2'", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", "filter drier DML 084 x3, sight glass SGN 12 x2");
    expect(draftLines(chat)).toEqual([
      ["FD-DML-084", 3, "M-2005-01"],
      ["SG-SGN-12", 2, "M-2005-01"],
    ]);
  });
});

describe("one product shared over machines is one item per machine", () => {
  const roof = "M-2001-03";
  const edeka = "M-2001-02";
  for (const [text, lines] of [
    [
      "filter driers DML 084: 3 for the Roof chiller and 2 for Edeka freezer",
      [
        ["FD-DML-084", 3, roof],
        ["FD-DML-084", 2, edeka],
      ],
    ],
    [
      "Filtertrockner DML 084, 3 Stück für den Roof chiller und 2 für den Edeka freezer",
      [
        ["FD-DML-084", 3, roof],
        ["FD-DML-084", 2, edeka],
      ],
    ],
    [
      "3 filter driers DML 084 for the Roof chiller and the same for Edeka freezer",
      [
        ["FD-DML-084", 3, roof],
        ["FD-DML-084", 3, edeka],
      ],
    ],
    [
      "3 Filtertrockner DML 084 für den Roof chiller und nochmal das gleiche für den Edeka freezer",
      [
        ["FD-DML-084", 3, roof],
        ["FD-DML-084", 3, edeka],
      ],
    ],
    [
      "5 filter driers DML 084 but 2 of them for the Roof chiller, the rest for Edeka freezer",
      [
        ["FD-DML-084", 2, roof],
        ["FD-DML-084", 3, edeka],
      ],
    ],
    [
      "6 Filtertrockner DML 084, davon 2 für den Roof chiller und der Rest für den Edeka freezer",
      [
        ["FD-DML-084", 2, roof],
        ["FD-DML-084", 4, edeka],
      ],
    ],
    // Guard: two products for one machine stay two items.
    [
      "4 filter driers DML 084 and 2 sight glasses SGN 12 for the Roof chiller",
      [
        ["FD-DML-084", 4, roof],
        ["SG-SGN-12", 2, roof],
      ],
    ],
  ] as const)
    test(`H-2001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2001", text);
      expect(draftLines(chat)).toEqual(lines);
    });
  test("C-1001: 'mech seals SE-MS28-CC-EPDM: 2 for pump 1, 3 for pump 2'", { timeout: T }, async () => {
    const chat = await chatAfter(() => demoWorld(), "C-1001", "mech seals SE-MS28-CC-EPDM: 2 for pump 1, 3 for pump 2");
    expect(draftLines(chat)).toEqual([
      ["SE-MS28-CC-EPDM", 2, "M-1001-01"],
      ["SE-MS28-CC-EPDM", 3, "M-1001-02"],
    ]);
  });
  test("H-2001 (guard): shares that do not add up leave the message as it was", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "5 filter driers DML 084, 3 for the Roof chiller and 3 for Edeka freezer",
    );
    expect(draftLines(chat).filter((l) => l[1] === 3)).toHaveLength(0);
  });
});

describe("counts of a product sold in packs of pieces", () => {
  for (const [text, count] of [
    ["24 cans of leak spray", 2],
    ["24 Dosen Lecksuchspray bitte", 2],
    ["2 leak spray boxes for freezer 3", 2],
    // Guard: the pack said before the product.
    ["2 boxes of leak spray", 2],
  ] as const)
    test(`H-2001: ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2001", text);
      expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["SRV-LEAK-B12", count]]);
    });
  test.each([
    [1 / 6, "BOX", "en", "0.166667 boxes"],
    [2.5, "BOX", "de", "2,5 Kartons"],
    [3, "PCE", "en", "3"],
  ] as const)("qty(%s, %s, %s) is %s", (n, unit, lang, text) => {
    expect(qty(n, unit, lang)).toBe(text);
  });
});

describe("the Swiss article 'es' is read only where it joins an item, never the pronoun of standard German", () => {
  test("H-2005 (guard): 'Gibt es Filtertrockner DML 084 noch auf Lager? Wir bräuchten 3' adds no single drier", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2005", "Gibt es Filtertrockner DML 084 noch auf Lager? Wir bräuchten 3");
    expect(draftLines(chat).filter((l) => l[1] === 1)).toEqual([]);
  });
});
