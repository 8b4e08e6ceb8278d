/**
 * Session 24 (fix24n): numbers the buyer writes that are not the count.
 *
 * 1. A type code written apart from its digits ("AX 500" of FM-AX500-…, "AM 145" of UV-AM145-…) beside another item
 *    is a name, never that item's count (it ordered 500 filter driers).
 * 2. "the 24 one", "the 72 tooth one", "die 50er Packs" point at an item by a value of it: no count ("die 50er" was read
 *    as 50 packs, "the 24 one" switched the line to the other impeller offered).
 * 3. The numbers of a pasted numbered list ("1) …", "3) Folder 3: …", "1. Presse 2 – 2x …") are no counts.
 * 4. A dimension "N x M" that the catalog's names write joined ("for 70x12 shank", "100x40 mm") is a size, not N pieces
 *    ("the shank is 70 x 12. Then the 70 mm standard points, 16 pieces" ordered 70).
 * 5. A count written against a word with a comma and no space ("nur 2,zwei liegen noch", "only 2,two are on the
 *    shelf") is a count: the comma joins digits only ("2,5 m").
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  demoWorld,
  hvacWorld,
  intralogisticsWorld,
  lastTurn,
  printingWorld,
  type World,
  watertreatWorld,
  woodworkWorld,
} from "./helpers.ts";

const T = 120_000;

describe("a code written apart from its digits beside another item is no count", () => {
  const cases: [() => World, string, string, string, number][] = [
    [
      hvacWorld,
      "H-2005",
      "plate on old motor: AX 500, 400V 3~ 50Hz. also need 2 filter driers DML 084",
      "FD-DML-084",
      2,
    ],
    [
      hvacWorld,
      "H-2005",
      "Typenschild alter Motor: AX 500, 400V 3~ 50Hz. Dazu 2 Filtertrockner DML 084",
      "FD-DML-084",
      2,
    ],
    [hvacWorld, "H-2005", "motor type ax 500 is fine. need 3 filter driers DML 084 too", "FD-DML-084", 3],
  ];
  for (const [world, customer, say, sku, quantity] of cases)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, say);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
  const picked: [() => World, string, string[], string, number][] = [
    [
      watertreatWorld,
      "W-8104",
      ["UV Abfüllung: ballast is an EB 145, it's fine. also need 2 sleeve o-ring sets"],
      "UV-OR-1554",
      2,
    ],
    [
      watertreatWorld,
      "W-8104",
      ["UV Abfüllung: das Vorschaltgerät EB 145 ist ok. Wir brauchen 2 O-Ring-Sätze fürs Hüllrohr", "den O-Ring-Satz"],
      "UV-OR-1554",
      2,
    ],
  ];
  for (const [world, customer, says, sku, quantity] of picked)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("'the 24 one', 'the 72 tooth one', 'die 50er' point at an item by a value, they count nothing", () => {
  test("impeller with 24 bore on the line, 'just put the 24 one in please' keeps it", { timeout: T }, async () => {
    const r = await lastTurn(
      demoWorld,
      "C-1001",
      "need 1x new impeller NCP 32-160 for pump 2, the one with 24 bore",
      "he wrote 24 bore, just put the 24 one in please",
    );
    expect(r.lines).toEqual([["SP-IMP-NCP32-160-G1", 1, "M-1001-02"]]);
  });
  test("... and then 'give me the one that fits' switches", { timeout: T }, async () => {
    const r = await lastTurn(
      demoWorld,
      "C-1001",
      "need 1x new impeller NCP 32-160 for pump 2, the one with 24 bore",
      "he wrote 24 bore, just put the 24 one in please",
      "ok so the 24 one is really out for pump 2? then give me the one that fits that pump",
    );
    expect(r.lines).toEqual([["SP-IMP-NCP32-160-G2", 1, "M-1001-02"]]);
  });
  test("die 50er Packs, 4 Stück", { timeout: T }, async () => {
    const r = await lastTurn(
      printingWorld,
      "PR-4101",
      "Hallo, wir brauchen wieder Platten für die Speedmaster, 200 Stück wie Anfang November. Was ist günstiger: 4 Pack à 50 oder 2 Pack à 100?",
      "ok dann bleiben wir bei den 50er Packs wie immer, 4 Stück.",
    );
    expect(r.lines.map((l) => l.slice(0, 2))).toEqual([["PL-745-030-T50", 4]]);
  });
  test("saw blades / the 72 tooth one", { timeout: T }, async () => {
    const r = await lastTurn(woodworkWorld, "WW-3104", "saw blades please", "the 72 tooth one");
    expect(r.text).not.toMatch(/\b72 ×/);
    expect(r.lines.every((l) => l[1] !== 72)).toBe(true);
    expect(r.text).toContain("KS-300-30-72W");
  });
});

describe("the numbers of a pasted numbered list are no counts", () => {
  test("printing: 1) the big one: 2 … / 3) Folder 3: the roller bearing set / 4) CTP: 2 …", {
    timeout: T,
  }, async () => {
    const r = await lastTurn(
      printingWorld,
      "PR-4105",
      "for the weekend maintenance:\n1) the big one: 2 ink form rollers + 1 air filter\n2) Big Heidi: 2 UV blankets and 2 packs packing sheets\n3) Folder 3: the roller bearing set\n4) CTP: 2 filter cartridges",
    );
    const q = Object.fromEntries(r.lines.map((l) => [l[0], l[1]]));
    expect(q["WZ-105-AUF-NBR"]).toBe(2);
    expect(q["LG-SATZ-FZ56"]).toBe(1);
    expect(r.lines.every((l) => l[1] !== 3 && l[1] !== 4)).toBe(true);
  });
  test("agriparts: 1. Presse 2 – 2x Netz 1,23 m / 2. Presse 3 – 20 Zinken", { timeout: T }, async () => {
    const r = await lastTurn(agripartsWorld, "A-9001", "1. Presse 2 – 2x Netz 1,23 m\n2. Presse 3 – 20 Zinken");
    expect(r.lines.filter((l) => l[0] !== "KIT-TR6-500H")).toEqual([
      ["NET-123-3600", 2, "M-9001-02"],
      ["PUT-RB155-B", 20, "M-9001-03"],
    ]);
  });
  test("agriparts: 1) Presse 3: 20 pick-up tines / 2) Presse 2: 2 rolls net wrap 1.23", { timeout: T }, async () => {
    const r = await lastTurn(
      agripartsWorld,
      "A-9001",
      "1) Presse 3: 20 pick-up tines\n2) Presse 2: 2 rolls net wrap 1.23 m",
    );
    expect(r.lines).toEqual([
      ["PUT-RB155-B", 20, "M-9001-03"],
      ["NET-123-3600", 2, "M-9001-02"],
    ]);
  });
});

describe("a dimension the names write joined ('70x12') is a size, not a count", () => {
  const cases: [() => World, string, string[], string, number, string][] = [
    [
      agripartsWorld,
      "A-9005",
      [
        "The Cultivator need new points, I think it is the 80 mm ones, 16 pieces.",
        "Ah you are right, I measured again, the shank is 70 x 12. Then the 70 mm standard points, 16 pieces, not the carbide ones.",
      ],
      "CTP-70-STD",
      16,
      "M-9005-03",
    ],
    [
      intralogisticsWorld,
      "L-8004",
      ["fork section is 100 x 40, we need 2 forks 1150 long for truck 4"],
      "FRK-2A-1150-100x40",
      2,
      "M-8004-01",
    ],
    [
      intralogisticsWorld,
      "L-8004",
      ["Gabelquerschnitt ist 100 x 40, wir brauchen 2 Gabeln 1150 lang für Truck 4"],
      "FRK-2A-1150-100x40",
      2,
      "M-8004-01",
    ],
  ];
  for (const [world, customer, says, sku, quantity, machine] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines).toEqual([[sku, quantity, machine]]);
    });
});

describe("a count written against a word with a comma is a count", () => {
  const cases: [() => World, string, string[], string, number][] = [
    [hvacWorld, "H-2005", ["DML 084 filter driers, 4 pcs", "sorry only 2,two are still on the shelf"], "FD-DML-084", 2],
    [
      watertreatWorld,
      "W-8101",
      [
        "servus,4 membranen mb-bw4040hr für die erste bitte wie letztes jahr",
        "wenns die nicht mehr gibt dann halt die neuen. ah ne doch nur 2,zwei liegen noch im lager",
      ],
      "MB-BW4040-LE",
      2,
    ],
  ];
  for (const [world, customer, says, sku, quantity] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});

describe("guard: the German correction to the 70 mm points read right before", () => {
  test("Stimmt, der Schaft ist 70 x 12. Dann die 70 mm Standardspitzen, 16 Stück.", { timeout: T }, async () => {
    const r = await lastTurn(
      agripartsWorld,
      "A-9005",
      "Neue Spitzen für den Grubber, die 80 mm, 16 Stück",
      "Stimmt, der Schaft ist 70 x 12. Dann die 70 mm Standardspitzen, 16 Stück.",
    );
    expect(r.lines).toEqual([["CTP-70-STD", 16, "M-9005-03"]]);
  });
});

describe("guard: counts that read right before still do", () => {
  const listed: [() => World, string, string][] = [
    [watertreatWorld, "W-8104", "UV Abfüllung: lamp label says AM 145. also need 2 quartz sleeves for it"],
    [watertreatWorld, "W-8104", "UV Abfüllung: auf der Lampe steht AM 145. Dazu 2 Quarzhüllrohre"],
  ];
  for (const [world, customer, say] of listed)
    test(say, { timeout: T }, async () => {
      const r = await lastTurn(world, customer, say);
      expect(r.text).not.toMatch(/\b145 (?:×|x|pieces|Stück)/);
      expect(r.lines.every((l) => l[1] !== 145)).toBe(true);
      expect(`${r.text}\n${r.lines.map((l) => l.join(" ")).join("\n")}`).toMatch(/UV-QS-1554/);
    });
  const cases: [() => World, string, string[], string, number][] = [
    [hvacWorld, "H-2005", ["2 filter driers DML 084"], "FD-DML-084", 2],
    [woodworkWorld, "WW-3104", ["saw blades please", "the 72 one, 2 pieces"], "KS-300-30-72W", 2],
    [woodworkWorld, "WW-3104", ["saw blades please", "the one with 72 teeth, 2 pieces"], "KS-300-30-72W", 2],
    [agripartsWorld, "A-9001", ["2 rolls net wrap 1.23 m for Presse 2"], "NET-123-3600", 2],
  ];
  for (const [world, customer, says, sku, quantity] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      const r = await lastTurn(world, customer, ...says);
      expect(r.lines.map((l) => l.slice(0, 2))).toEqual([[sku, quantity]]);
    });
});
