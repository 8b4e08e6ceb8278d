/**
 * Session 31 (helper A), two classes of phrasing ordinary buyers share:
 * - Sameness said of a machine ("+ 2 return filter elements same press", "für die gleiche Presse") points back at the
 *   machine named before — in the same message or on the order. The word after "same" was read as a machine name of
 *   its own, and a machine whose label carries it ("Press 3") took the item.
 * - "Armaturen haben wir noch", "die Hilfsschalter doch nicht, haben wir noch im Lager", "the o-rings we still have in
 *   store": the buyer still holds the product — a line of the order it names is dropped, and beside a request (an
 *   earlier order said again) it names nothing that is asked for. Before, the remark was searched or its product
 *   ordered.
 * - "pro Schar einen Schraubensatz", "one cable per sensor", "zu jedem Sensor ein Kabel" said to an order that holds both:
 *   the line of the one is counted as the pieces of the lines the other word names (5 left + 5 right shares: 10 bolt
 *   sets). Before, it was read as a yes and the count stayed.
 * Guards: a machine named outright keeps the item ("für Press 3"); sameness where several labels share the word still
 * works ("deck oven 2 … the same oven", "Presse 3 … the same baler"); "noch nicht bekommen" drops nothing.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  chatAfter,
  demoWorld,
  draftLines,
  fluidWorld,
  foodtechWorld,
  hvacWorld,
} from "./helpers.ts";

const T = 60_000;

/** The machine of the draft line holding `sku`. */
const machineOf = (lines: (string | number | null)[][], sku: string) => lines.find((l) => l[0] === sku)?.[2];

describe("sameness said of a machine points back at the machine named before", () => {
  test("F-4001: '… for the hot press, nbr one, + 2 return filter elements same press'", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "main ram seal kit for the hot press, nbr one, + 2 return filter elements same press",
    );
    expect(machineOf(draftLines(chat), "FE-RF-330-10")).toBe("M-4001-03");
  });
  test("F-4001: Big Bertha, then '… für die gleiche Presse'", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "Tach, für Big Bertha brauchen wir 2 Rücklauffilterelemente RF 330 10 µm",
      "und noch einen Belüftungsfilter für die gleiche Presse",
    );
    expect(machineOf(draftLines(chat), "BF-AIR-3")).toBe("M-4001-01");
  });
  test("F-4001: the hot press, then 'and a filler breather for the same press'", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "2 return filter elements RF 330 10 µm for the hot press",
      "and a filler breather filter for the same press",
    );
    // (Counted by its article or asked how many: either way for the hot press.)
    expect(chat.turns.at(-1)!.text).toMatch(/(?:for|For) Hot press/u);
    expect(chat.turns.at(-1)!.text).not.toMatch(/Press 3/u);
  });
  test("guard: a machine named outright keeps the item ('für Press 3')", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "Tach, für Big Bertha brauchen wir 2 Rücklauffilterelemente RF 330 10 µm",
      "und noch einen Belüftungsfilter für Press 3",
    );
    expect(machineOf(draftLines(chat), "BF-AIR-3")).toBe("M-4001-02");
  });
  test("guard: 'Presse 3 …, and 20 pick-up tines for the same baler'", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9001",
      "2 rolls of net 1.23 x 3600 m for Presse 3, and 20 pick-up tines for the same baler",
    );
    expect(draftLines(chat).map((l) => l[2])).toEqual(["M-9001-03", "M-9001-03"]);
  });
  test("guard: 'for deck oven 2, and a door seal for the same oven'", { timeout: T }, async () => {
    const chat = await chatAfter(
      foodtechWorld,
      "C-7105",
      "1 heating element for deck oven 2, and a door seal for the same oven",
    );
    expect(draftLines(chat).map((l) => l[2])).toEqual(["M-7105-02", "M-7105-02"]);
  });
});

describe("what the buyer still has is not ordered", () => {
  for (const [world, customer, first, remark, kept] of [
    [
      automationWorld,
      "A-3001",
      "3 Schütze CT-9-24DC und 2 Hilfsschalter ACC-AUX-11",
      "ne die hilfsschalter doch nicht, haben wir noch im lager",
      "CT-9-24DC",
    ],
    [
      automationWorld,
      "A-3001",
      "3 Schütze CT-9-24DC und 2 Hilfsschalter ACC-AUX-11",
      "die Hilfsschalter haben wir noch im Lager",
      "CT-9-24DC",
    ],
    [
      () => demoWorld(),
      "C-1008",
      "2 mech seals SE-MS24-CC-EPDM and 2 boxes SE-OR-100X3-EPDM-B10 for the cooling water pump SB",
      "the o-rings we still have in store",
      "SE-MS24-CC-EPDM",
    ],
    [
      hvacWorld,
      "H-2001",
      "2 filter driers FD-DML-084 and 1 sight glass SGN-10",
      "die Schaugläser haben wir noch",
      "FD-DML-084",
    ],
  ] as const)
    test(`${customer}: "${remark}" drops that line`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, remark);
      expect(draftLines(chat).map((l) => l[0])).toEqual([kept]);
    });
  test("F-4001: 'Schlauch wie im Oktober … Armaturen haben wir noch' orders the hose only", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "8 Meter Schlauch wie im Oktober für Big Bertha. Armaturen haben wir noch",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["HOSE-2SN-12", 8]]);
  });
  test("F-4001: the scenario's '… gleiche presse. armaturen haben wir noch' after the oil", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "moin brauch 100 liter hlp46 für big bertha",
      "ach mach 120 liter,die presse säuft grad",
      "und nochmal 8 meter von dem schlauch wie im oktober,gleiche presse. armaturen haben wir noch",
    );
    const hose = draftLines(chat).find((l) => l[0] === "HOSE-2SN-12");
    expect(hose).toEqual(["HOSE-2SN-12", 8, "M-4001-01"]);
    expect(draftLines(chat).map((l) => l[0])).not.toContain("FIT-P-12-M22");
  });
  test("guard: 'We still have the fittings.' beside the hose orders the hose", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "8 m of the hose like in October for Big Bertha. We still have the fittings.",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(["HOSE-2SN-12"]);
  });
  test("guard: 'die Hilfsschalter haben wir noch nicht bekommen' drops nothing", { timeout: T }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "3 Schütze CT-9-24DC und 2 Hilfsschalter ACC-AUX-11",
      "die Hilfsschalter haben wir noch nicht bekommen",
    );
    expect(draftLines(chat).map((l) => l[0])).toEqual(["CT-9-24DC", "ACC-AUX-11"]);
  });
  test("guard: 'remove the o-rings' still removes them", { timeout: T }, async () => {
    const chat = await chatAfter(
      () => demoWorld(),
      "C-1008",
      "2 mech seals SE-MS24-CC-EPDM and 2 boxes SE-OR-100X3-EPDM-B10 for the cooling water pump SB",
      "wait, make the mech seals 3. remove the o-rings",
    );
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["SE-MS24-CC-EPDM", 3]]);
  });
});

describe("one of a line per piece of the lines named", () => {
  const shares = "Für Pflug 5 brauchen wir neue Schare, 5 linke und 5 rechte, dazu die Scharschrauben";
  for (const [world, customer, first, said, sku, count] of [
    [agripartsWorld, "A-9001", shares, "Ja, pro Schar einen Schraubensatz.", "BLT-SHARE-M12", 10],
    [agripartsWorld, "A-9001", shares, "one bolt set for each share", "BLT-SHARE-M12", 10],
    [
      automationWorld,
      "A-3001",
      "10 Sensoren SN-IND-M12-PNP für Line 3 und 4 Kabel CBL-M12-4P-5M",
      "zu jedem Sensor ein Kabel bitte",
      "CBL-M12-4P-5M",
      10,
    ],
    [
      automationWorld,
      "A-3001",
      "10 sensors SN-IND-M12-PNP for line 3 and 4 cables CBL-M12-4P-5M",
      "one cable per sensor please",
      "CBL-M12-4P-5M",
      10,
    ],
  ] as const)
    test(`${customer}: "${said}" makes ${count} × ${sku}`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first, said);
      expect(draftLines(chat).find((l) => l[0] === sku)?.[1]).toBe(count);
    });
  test("guard: 'ein Kabel pro Meter bitte' leaves the cable line's count", { timeout: T }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "10 Sensoren SN-IND-M12-PNP für Line 3 und 4 Kabel CBL-M12-4P-5M",
      "ein Kabel pro Meter bitte",
    );
    expect(draftLines(chat).find((l) => l[0] === "CBL-M12-4P-5M")?.[1]).toBe(4);
  });
  test("guard: a plain yes ('ok, passt so') leaves the counts", { timeout: T }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3001",
      "10 Sensoren SN-IND-M12-PNP für Line 3 und 4 Kabel CBL-M12-4P-5M",
      "ok, passt so",
    );
    expect(draftLines(chat).find((l) => l[0] === "CBL-M12-4P-5M")?.[1]).toBe(4);
  });
});
