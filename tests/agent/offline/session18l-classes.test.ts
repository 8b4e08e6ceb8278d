/**
 * Session 18 (lead), found by chatting with the product as a buyer who builds an order over several turns on the HVAC
 * and fluid-power catalogs. None of these was in a scenario.
 *
 * 1. "make the fans 3" with an axial fan motor on the order replaced it with the 230 V one that does not fit the
 *    freezer; "make the cylinders 10" replaced the ISO 50/200 cylinders with ISO 32/100 ones: the buyer's plural of the
 *    line's own word was read as a new word asking for a variant, and the count as a value of another variant.
 * 2. "10 cylinders please" with cylinders on the order asked which machine the catalog's first cylinder was for; "3
 *    fans please" added one fan motor more; "2 driers please" asked for the machine again: a count whose words name a
 *    line of the order is about that line's product (and its machine), not a new search of the catalog.
 * 3. "3 fans for the edeka freezer" ordered one: "3 fans" is written in the condensing units' option labels ("UC 3 — 3
 *    fans"), so the count was read as a size — a word that is what products are counts them ("a unit with 3 fans"
 *    still states a size).
 * 4. "another drier for the roof chiller", "and one more for the roof chiller" moved the freezer's drier to the chiller:
 *    more of the line's product for another machine is a line of its own, the first stays.
 * 5. "dann ohne Trockner" was not understood, "drier not needed after all" and "Trockner diesmal nicht" listed driers:
 *    one short statement that says no beside words that all name one line of the order drops that line.
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, hvacWorld, type World } from "./helpers.ts";

const T = 90_000;

async function lines(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return draftLines(chat).map((l) => `${l[1]}×${l[0]}@${l[2] ?? "-"}`);
}

describe("a count for a line named by its own word keeps the line's product", () => {
  const cases: [() => World, string, string[], string[]][] = [
    [
      hvacWorld,
      "H-2001",
      ["need a new fan motor for the edeka freezer", "make the fans 3"],
      ["3×FM-AX450-400@M-2001-02"],
    ],
    [
      hvacWorld,
      "H-2001",
      ["need a new fan motor for the edeka freezer", "3 fans please"],
      ["3×FM-AX450-400@M-2001-02"],
    ],
    [hvacWorld, "H-2001", ["need a filter drier for the edeka freezer", "2 driers please"], ["2×FD-DML-084@M-2001-02"]],
    [
      fluidWorld,
      "F-4003",
      ["8 pneumatic cylinders ISO 50/200 for tray sealer 1", "make the cylinders 10"],
      ["10×PC-ISO-50-200@M-4003-01"],
    ],
    [
      fluidWorld,
      "F-4003",
      ["8 pneumatic cylinders ISO 50/200 for tray sealer 1", "10 cylinders please"],
      ["10×PC-ISO-50-200@M-4003-01"],
    ],
  ];
  for (const [world, customer, says, expected] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      expect(await lines(world, customer, ...says)).toEqual(expected);
    });

  test("guard: a variant named by its own words still switches the line", { timeout: T }, async () => {
    expect(
      await lines(
        fluidWorld,
        "F-4003",
        "8 pneumatic cylinders ISO 50/200 for tray sealer 1",
        "make it the 32/100 ones instead",
      ),
    ).toEqual(["8×PC-ISO-32-100@M-4003-01"]);
  });
});

describe("a count before a word that is what products are counts them", () => {
  test("3 fans for the edeka freezer", { timeout: T }, async () => {
    expect(await lines(hvacWorld, "H-2001", "3 fans for the edeka freezer")).toEqual(["3×FM-AX450-400@M-2001-02"]);
  });

  test("guard: a unit with 3 fans states a size", { timeout: T }, async () => {
    const got = await lines(hvacWorld, "H-2001", "I need a condensing unit with 3 fans");
    expect(got.map((l) => l.split("@")[0])).not.toContain("3×CU-CFG");
  });
});

describe("more of the line's product for another machine is a line of its own", () => {
  const cases: [() => World, string, string[], string[]][] = [
    [
      hvacWorld,
      "H-2001",
      ["need a filter drier for the edeka freezer", "another drier for the roof chiller"],
      ["1×FD-DML-084@M-2001-02", "1×FD-DML-084@M-2001-03"],
    ],
    [
      hvacWorld,
      "H-2001",
      ["need a filter drier for the edeka freezer", "and one more for the roof chiller"],
      ["1×FD-DML-084@M-2001-02", "1×FD-DML-084@M-2001-03"],
    ],
    [
      fluidWorld,
      "F-4003",
      ["8 pneumatic cylinders ISO 50/200 for tray sealer 1", "noch zwei für Tray sealer 2"],
      ["8×PC-ISO-50-200@M-4003-01", "2×PC-ISO-50-200@M-4003-02"],
    ],
    [
      fluidWorld,
      "F-4003",
      ["3 bags push-in elbows 8mm G1/4 for tray sealer 1", "another bag for tray sealer 2"],
      ["3×PI-EL-08-G14@M-4003-01", "1×PI-EL-08-G14@M-4003-02"],
    ],
  ];
  for (const [world, customer, says, expected] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      expect(await lines(world, customer, ...says)).toEqual(expected);
    });

  test("guard: a move is still a move", { timeout: T }, async () => {
    expect(
      await lines(
        hvacWorld,
        "H-2001",
        "need a filter drier for the edeka freezer",
        "put it on the roof chiller instead",
      ),
    ).toEqual(["1×FD-DML-084@M-2001-03"]);
  });
});

describe("a short no beside a line's own words drops that line", () => {
  const fan = "need a fan motor for the edeka freezer";
  const drier = "also need a filter drier for the same unit";
  const cyl = "8 pneumatic cylinders ISO 50/200 for tray sealer 1";
  const elbows = "and 3 bags push-in elbows 8mm G1/4";
  const cases: [() => World, string, string[], string[]][] = [
    [hvacWorld, "H-2001", [fan, drier, "dann ohne Trockner"], ["1×FM-AX450-400@M-2001-02"]],
    [hvacWorld, "H-2001", [fan, drier, "Trockner diesmal nicht"], ["1×FM-AX450-400@M-2001-02"]],
    [hvacWorld, "H-2001", [fan, drier, "drier not needed after all"], ["1×FM-AX450-400@M-2001-02"]],
    [fluidWorld, "F-4003", [cyl, elbows, "elbows not needed after all"], ["8×PC-ISO-50-200@M-4003-01"]],
    [fluidWorld, "F-4003", [cyl, elbows, "dann ohne Winkel"], ["8×PC-ISO-50-200@M-4003-01"]],
  ];
  for (const [world, customer, says, expected] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      expect(await lines(world, customer, ...says)).toEqual(expected);
    });

  test("guard: a no that goes on to ask for something else keeps the line", { timeout: T }, async () => {
    const got = await lines(hvacWorld, "H-2001", fan, drier, "not the drier, I need another fan motor");
    expect(got).toContain("1×FD-DML-084@M-2001-02");
  });
});
