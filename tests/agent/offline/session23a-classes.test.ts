/**
 * Session 23a: the multi-line buyer.
 *
 * 1. A line of the order named by a word of its kind: "make the sensors 6" with an inductive sensor and a sensor cable
 *    on the order changed the cable (both names carry "sensor"); "change the bearings to 3" beside a bearing grease
 *    changed the grease (the pillow block's name says "unit", its category "Bearing units"); "make the belts 6" beside
 *    a "V-belt" searched the catalog for belts. Of the lines whose names carry the buyer's words, the one whose
 *    category carries them too is the one named; a line whose category alone carries them is named as well.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  draftAfter,
  fluidWorld,
  intralogisticsWorld,
  powertransWorld,
  watertreatWorld,
  weldingWorld,
  sorted,
  type World,
} from "./helpers.ts";

const T = 120_000;

describe("a line named by a word of its kind", () => {
  const aOrder = "for line 3: 4 SN-IND-M12-PNP and 4 CBL-M12-4P-5M";
  const ptOrder = "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400";
  // [world, customer, the order, the edit, the lines after it]
  const cases: [() => World, string, string, string, string[]][] = [
    [automationWorld, "A-3001", aOrder, "make the sensors 6", ["6 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "die Sensoren bitte auf 6", ["6 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "sensors 8 please", ["8 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [automationWorld, "A-3001", aOrder, "die Sensoren 8 Stück bitte", ["8 SN-IND-M12-PNP", "4 CBL-M12-4P-5M"]],
    [powertransWorld, "T-7001", ptOrder, "change the bearings to 3", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "make the belts 6", ["2 UCP-206", "6 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "die Lager bitte auf 3", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
    [powertransWorld, "T-7001", ptOrder, "3 bearings please, not 2", ["3 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"]],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        expect(sorted(await draftAfter(world, customer, order, edit))).toEqual([...want].sort());
      },
      T,
    );
  test(
    "the shutdown list: make the sensors 6 and the cables 6 too",
    async () => {
      const lines = await draftAfter(
        automationWorld,
        "A-3006",
        "for the shutdown in Dortmund: Pal 2 needs 2 x contactor 18A with 230VAC coil and 2 x motor protection breaker 13-18A. Wrapper 5 needs 4 x inductive sensor M12 PNP and 4 x sensor cable M12 5m",
        "make the sensors 6 and the cables 6 too",
      );
      expect(sorted(lines)).toEqual(["2 CT-18-230AC", "2 MP-13-18", "6 SN-IND-M12-PNP", "6 CBL-M12-4P-5M"].sort());
    },
    T,
  );
  // Guards of the narrowing: a kind word among others ("timing", "flange") names another product, not the line of the
  // kind (both changed or removed the line before it).
  test(
    "guard: 'make the timing belts 2' beside a V-belt changes no line",
    async () => {
      expect(sorted(await draftAfter(powertransWorld, "T-7001", ptOrder, "make the timing belts 2"))).toEqual(
        ["2 UCP-206", "4 VB-XPZ-1400", "1 LUB-HT2-400"].sort(),
      );
    },
    T,
  );
  test(
    "guard: 'remove the flange bearings' beside a pillow block removes nothing",
    async () => {
      const order = "for band 3: 2 UCP-206 and 4 VB-XPZ-1400";
      expect(sorted(await draftAfter(powertransWorld, "T-7001", order, "remove the flange bearings"))).toEqual(
        ["2 UCP-206", "4 VB-XPZ-1400"].sort(),
      );
    },
    T,
  );
  test(
    "guard: the cables named by their own word",
    async () => {
      expect(sorted(await draftAfter(automationWorld, "A-3001", aOrder, "make the cables 6"))).toEqual(
        ["4 SN-IND-M12-PNP", "6 CBL-M12-4P-5M"].sort(),
      );
    },
    T,
  );
});

describe("an item asked for by the definite article in a list is one of its own", () => {
  const at = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]} ${l[2]}`).sort();
  // [world, customer, the message, the lines with their machines]
  const cases: [() => World, string, string, string[]][] = [
    [
      intralogisticsWorld,
      "L-8004",
      "Truck 4: the 1000h service kit and the lift cylinder O-ring set",
      ["1 KIT-EF316-1000H M-8004-01", "1 OR-EF316-LIFT M-8004-01"],
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "Reach 2: 2 load wheels and the reach cylinder seal kit",
      ["2 WHL-PU-150x100 M-8004-02", "1 SK-ET216-REACH M-8004-02"],
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "Leeds DC list:\n- Truck 4: the 1000h service kit and the lift cylinder O-ring set\n- Reach 2: 2 load wheels and the reach cylinder seal kit\n- Pallet jack 9: 4 load rollers and the pump seal kit",
      [
        "1 KIT-EF316-1000H M-8004-01",
        "1 OR-EF316-LIFT M-8004-01",
        "2 WHL-PU-150x100 M-8004-02",
        "1 SK-ET216-REACH M-8004-02",
        "4 WHL-PU-85x95 M-8004-03",
        "1 SK-EP20-PUMP M-8004-03",
      ],
    ],
    [
      fluidWorld,
      "F-4001",
      "For the press maintenance weekend I need: Big Bertha 2 return filter elements 10 µm and 1 pressure filter element, for the hot press the main ram seal kit FKM, and 4 pails HLP 46",
      [
        "2 FE-RF-330-10 M-4001-01",
        "1 FE-PF-110-05 M-4001-01",
        "1 SK-PR250-MAIN-FKM M-4001-03",
        "4 OIL-HLP46-20 M-4001-03",
      ],
    ],
    [
      fluidWorld,
      "F-4001",
      "Für Big Bertha 2 Rücklauffilterelemente 10 µm, für die Heißpresse den Hauptzylinder-Dichtsatz FKM",
      ["2 FE-RF-330-10 M-4001-01", "1 SK-PR250-MAIN-FKM M-4001-03"],
    ],
    [
      watertreatWorld,
      "W-8105",
      "RO 1: 2 pressure gauges 0-25 bar and the HP pump mech seal",
      ["1 HP-MS-RO2400 M-8105-02", "2 HP-PG-25 M-8105-02"],
    ],
    [
      watertreatWorld,
      "W-8105",
      "RO 1: 2 Manometer 0-25 bar und die Gleitringdichtung der Hochdruckpumpe",
      ["1 HP-MS-RO2400 M-8105-02", "2 HP-PG-25 M-8105-02"],
    ],
  ];
  for (const [world, customer, message, want] of cases)
    test(
      message.split("\n")[0]!,
      async () => {
        expect(at(await draftAfter(world, customer, message))).toEqual([...want].sort());
      },
      T,
    );
});

describe("a reorder of a month's order without some of its lines", () => {
  // [world, customer, the message, the lines]
  const cases: [() => World, string, string, string[]][] = [
    [
      powertransWorld,
      "T-7001",
      "Moin! Bitte dasselbe wie unsere Bestellung im April für Band 3, aber ohne die Kette, die haben wir noch.",
      ["4 UCP-206"],
    ],
    [powertransWorld, "T-7001", "same as our April order for band 3, no chain this time", ["4 UCP-206"]],
    [powertransWorld, "T-7001", "same as our April order for band 3, but the chain not this time", ["4 UCP-206"]],
    [
      weldingWorld,
      "WD-4101",
      "Moin, bitte nochmal die Verschleißteile wie im März für Halle 1 Platz 2 – Kontaktrohre und Gasdüsen, den Draht diesmal nicht",
      ["3 CT-36-12-OLD", "10 GN-36-CON"],
    ],
    [
      weldingWorld,
      "WD-4101",
      "same as in March for Halle 1 Platz 2 - contact tips and gas nozzles, but no wire this time",
      ["3 CT-36-12-OLD", "10 GN-36-CON"],
    ],
  ];
  for (const [world, customer, message, want] of cases)
    test(
      message,
      async () => {
        expect(sorted(await draftAfter(world, customer, message))).toEqual([...want].sort());
      },
      T,
    );
  test(
    "guard: the whole order of the month again",
    async () => {
      expect(sorted(await draftAfter(powertransWorld, "T-7001", "same as our April order for band 3 please"))).toEqual(
        ["4 UCP-206", "1 CH-10B1-B5"].sort(),
      );
    },
    T,
  );
});
