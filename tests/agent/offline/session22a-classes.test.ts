/**
 * Session 22a: several items or edits in one message.
 *
 * 1. Edits to two lines joined by a bare "and"/"und" — "make the fan motors 3 and drop the sight glass", "mach die
 *    Lüftermotoren 3 und das Schauglas raus", "die Keilriemen auf 6 und das Fett raus" — were read as one clause: the
 *    classifier, reading two requests at once, leaned to an attack (0.48–0.50, below any threshold) or to nothing, and
 *    the message then only changed one line (or added the dropped product again). An unsure clause, or one with a weak
 *    attack reading whose parts lean to no attack at all, is now read part by part at its bare "and"s too (as it was
 *    already at its commas): each edit is a clause of its own.
 * 2. "2 Lüftermotoren für den Edeka Tiefkühler und 1 Filtertrockner für den Huber Kühlraum" added ONE fan motor for the
 *    wrong machine and dropped the drier: the measure recognizer ends a word at a letter outside ASCII, so "2 L" of
 *    "2 Lüftermotoren" read as two litres — a size, no count. A unit that runs on into a word is that word's start.
 * 3. "3 pneumatic cylinders, bore 50 stroke 200, plus 2 seal kits for them" ordered the press's main ram seal kit (which
 *    does not fit the tray sealer), "… and one bag of the bolts for them" dropped the bolts: a counted item that points
 *    back at the one before ("for them", "dafür", "matching") is, of the products its words find, the one the catalog
 *    relates to that item.
 */
import { describe, expect, test } from "vitest";
import { recogniseMeasures } from "../../../agent/models/offline/nlu/understand.ts";
import { agripartsWorld, draftAfter, fluidWorld, hvacWorld, powertransWorld, type World } from "./helpers.ts";

const T = 120_000;

describe("two edits joined by a bare and/und are both made", () => {
  const hvacOrder = "2 FM-AX450-400, 1 SG-SGN-12 and 2 FD-DML-084 for the edeka freezer";
  const ptOrder = "for band 3: 2 UCP-206, 4 VB-XPZ-1400 and 1 LUB-HT2-400";
  // [world, customer, the order, the edit, the lines after it]
  const cases: [() => World, string, string, string, string[]][] = [
    [
      hvacWorld,
      "H-2001",
      hvacOrder,
      "make the fan motors 3 and drop the sight glass",
      ["3 FM-AX450-400", "2 FD-DML-084"],
    ],
    [
      hvacWorld,
      "H-2001",
      hvacOrder,
      "mach die Lüftermotoren 3 und das Schauglas raus",
      ["3 FM-AX450-400", "2 FD-DML-084"],
    ],
    [powertransWorld, "T-7001", ptOrder, "die Keilriemen auf 6 und das Fett raus", ["2 UCP-206", "6 VB-XPZ-1400"]],
    [
      powertransWorld,
      "T-7001",
      ptOrder,
      "die Riemen bitte 6 und das Fett brauchen wir nicht",
      ["2 UCP-206", "6 VB-XPZ-1400"],
    ],
    [powertransWorld, "T-7001", ptOrder, "make the v-belts 6 and drop the grease", ["2 UCP-206", "6 VB-XPZ-1400"]],
  ];
  for (const [world, customer, order, edit, want] of cases)
    test(
      edit,
      async () => {
        const lines = await draftAfter(world, customer, order, edit);
        expect(lines.map((l) => `${l[1]} ${l[0]}`).sort()).toEqual([...want].sort());
      },
      T,
    );
});

describe("a German count before a word with an umlaut is a count", () => {
  test(
    "2 Lüftermotoren für den Edeka Tiefkühler und 1 Filtertrockner für den Huber Kühlraum",
    async () => {
      const lines = await draftAfter(
        hvacWorld,
        "H-2001",
        "2 Lüftermotoren für den Edeka Tiefkühler und 1 Filtertrockner für den Huber Kühlraum",
      );
      expect(lines.map((l) => `${l[1]} ${l[0]} ${l[2]}`).sort()).toEqual(
        ["2 FM-AX450-400 M-2001-02", "1 FD-DML-083 M-2001-01"].sort(),
      );
    },
    T,
  );
  test(
    "guard: the English one",
    async () => {
      const lines = await draftAfter(
        hvacWorld,
        "H-2001",
        "2 fan motors for the edeka freezer and 1 filter drier for the huber cold room",
      );
      expect(lines.map((l) => `${l[1]} ${l[0]} ${l[2]}`).sort()).toEqual(
        ["2 FM-AX450-400 M-2001-02", "1 FD-DML-083 M-2001-01"].sort(),
      );
    },
    T,
  );
});

describe("the measure recognizer: a unit that runs on into a word is no unit", () => {
  test("2 Lüftermotoren, 3 Türdichtungen, 2 Mähmesser are no measures", () => {
    for (const t of ["2 Lüftermotoren", "3 Türdichtungen bitte", "2 Mähmesser"])
      expect(recogniseMeasures(t)).toEqual([]);
  });
  test("guard: 3 Liter Öl, 20 L Eimer, 10 m Schlauch are", () => {
    for (const t of ["3 Liter Öl", "20 L Eimer", "10 m Schlauch"]) expect(recogniseMeasures(t)).toHaveLength(1);
  });
});

describe("an item said to be for the item before is the one the catalog relates to it", () => {
  // [world, customer, message, the lines]
  const cases: [() => World, string, string, string[]][] = [
    [
      fluidWorld,
      "F-4003",
      "Tray sealer 1 needs 3 pneumatic cylinders, bore 50 stroke 200, plus 2 seal kits for them.",
      ["3 PC-ISO-50-200", "2 SK-PC-50"],
    ],
    [
      fluidWorld,
      "F-4003",
      "Für den Traysealer 1 bitte 3 Pneumatikzylinder Bohrung 50 Hub 200 und 2 Dichtsätze dafür",
      ["3 PC-ISO-50-200", "2 SK-PC-50"],
    ],
    [
      agripartsWorld,
      "A-9005",
      "The Cultivator needs 16 of the 70 mm standard points, CTP-70-STD, and one bag of the bolts for them",
      ["16 CTP-70-STD", "1 CTB-M12-25"],
    ],
    [
      agripartsWorld,
      "A-9005",
      "for the cultivator 16 CTP-70-STD plus a bag of matching bolts",
      ["16 CTP-70-STD", "1 CTB-M12-25"],
    ],
  ];
  for (const [world, customer, message, want] of cases)
    test(
      message,
      async () => {
        const lines = await draftAfter(world, customer, message);
        expect(lines.map((l) => `${l[1]} ${l[0]}`).sort()).toEqual([...want].sort());
      },
      T,
    );
});
