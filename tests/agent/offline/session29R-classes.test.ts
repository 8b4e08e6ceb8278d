/**
 * Session 29R: an earlier order named by its month (or as the last one), taken again with changes.
 *
 * "bitte nochmal das gleiche wie im März …, aber diesmal doppelte Menge" ordered the March counts (6, not 12); "ok …
 * dann halt die neuen. gleiche Menge wie im März" — said while the March lines were on the order — added the March order
 * a second time (the gas nozzles twice, the wire the buyer had left out); "die gleiche wie im April" answering a list of
 * seals for pump 1 added the whole April order (a seal of another pump, grease) instead of the seal of April.
 *
 * 1. A factor said of the counts ("doppelte Menge", "twice as many", "alles doppelt", "die halbe Menge") multiplies the
 *    counts of the earlier order's lines taken.
 * 2. A month said of a count ("gleiche Menge wie im März", "the same quantity as in September") names the count of the
 *    lines the words name, or of those the draft holds: a line the draft holds (itself or its successor) takes that
 *    count, it is not added again.
 * 3. "die gleichen wie im März", "the same one as in September" answering a list of products: of that order, the line
 *    the list holds — not the whole order.
 * 4. "die Bestellung BR-4500-1187 vom Mai nochmal genauso: 2 Zackenmesser, 4 Heizpatronen und 2 Rollen Teflonband": an
 *    order named by its reference with its lines counted item by item is that order again (each line on its machine).
 * 5. "ne mach 6 draus, 2 davon sind für Band 4", "ach mach 8 rollen, 4 für presse 2 und 4 für presse 3": a line of the
 *    order split over machines — its own machine keeps its share, each other machine gets a line with its count (it was
 *    read as a count for the whole line, or a machine for another line, and "Kette diesmal nicht" added the chain).
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  chatAfter,
  demoWorld,
  draftLines,
  foodtechWorld,
  packagingWorld,
  powertransWorld,
  sorted,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 120_000;

type Case = [() => World, string, string[], string[]];

const run = (cases: Case[]) => {
  for (const [world, customer, says, want] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      expect(sorted(draftLines(await chatAfter(world, customer, ...says)))).toEqual([...want].sort());
    });
};

describe("a factor said of the counts multiplies the counts of the earlier order", () => {
  run([
    [
      automationWorld,
      "A-3001",
      ["bitte nochmal das gleiche wie im März für Linie 3, aber diesmal doppelte Menge"],
      ["12 SN-IND-M12-PNP", "12 CBL-M12-4P-5M"],
    ],
    [
      automationWorld,
      "A-3001",
      [
        "Hallo, bitte nochmal das gleiche wie bei unserer Bestellung im März für Linie 3, die Inis und die Kabel dazu – aber diesmal doppelte Menge",
      ],
      ["12 SN-IND-M12-PNP", "12 CBL-M12-4P-5M"],
    ],
    [
      watertreatWorld,
      "W-8101",
      ["same as our March order again, but twice as many this time"],
      ["6 FC-PP5-20", "4 FH-OR-CF20-EPDM"],
    ],
    [
      packagingWorld,
      "PK-2105",
      ["repeat the March order for Filler 1, double the quantities please"],
      ["24 FV-SEAL-FKM", "8 CH-INS-28"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      ["bitte wie im September, alles doppelt"],
      ["10 SBB-1350-2620-K120", "10 SBB-1350-2620-K150"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      ["same as last order, but double the amount"],
      ["10 SBB-1350-2620-K120", "10 SBB-1350-2620-K150"],
    ],
    [
      woodworkWorld,
      "WW-3104",
      ["bitte die Bänder wie im September nochmal, aber die halbe Menge"],
      ["3 SBB-1350-2620-K120", "3 SBB-1350-2620-K150"],
    ],
  ]);
});

describe("a month said of a count sets the count of the lines the order holds, it adds no order again", () => {
  run([
    [
      weldingWorld,
      "WD-4101",
      [
        "Moin, bitte nochmal die Verschleißteile wie im März für Halle 1 Platz 2 – Kontaktrohre und Gasdüsen, den Draht diesmal nicht",
        "ok wenn die alten Kontaktrohre nicht mehr gibt, dann halt die neuen. gleiche Menge wie im März",
      ],
      ["3 CT-36-12", "10 GN-36-CON"],
    ],
    [
      foodtechWorld,
      "C-7101",
      ["fett + keilriemen wie im september für den alten kemper", "gleiche Menge wie im September"],
      ["2 FETT-H1-400", "2 KR-SPZ-1250"],
    ],
    [
      foodtechWorld,
      "C-7101",
      ["10 KR-SPZ-1250 for the old Kemper", "actually the same quantity as in September"],
      ["2 KR-SPZ-1250"],
    ],
    [
      automationWorld,
      "A-3001",
      ["10 SN-IND-M12-PNP für Linie 3", "doch lieber die gleiche Menge wie im März"],
      ["6 SN-IND-M12-PNP"],
    ],
    [
      watertreatWorld,
      "W-8101",
      ["cartridges and o-rings like in March for Vorfilter Brunnen 3", "same quantity as in March please"],
      ["3 FC-PP5-20", "2 FH-OR-CF20-EPDM"],
    ],
    // Guard: with nothing on the order, the lines the words name are added with the count of that month.
    [weldingWorld, "WD-4101", ["Kontaktrohre, gleiche Menge wie im März"], ["3 CT-36-12-OLD"]],
  ]);
});

describe("the month of an earlier order answering a list: the listed product that order held", () => {
  run([
    [
      demoWorld,
      "C-1001",
      [
        "Moin, die Pumpe 1 im Sudhaus tropft unten an der Welle, da wo die Welle ins Gehäuse geht. Ist wohl die Dichtung. Was brauchen wir da?",
        "die gleiche wie im April, da haben wir die schon mal getauscht",
      ],
      ["2 SE-MS24-CC-EPDM"],
    ],
    [
      weldingWorld,
      "WD-4101",
      ["welche Gasdüsen passen für Halle 1 Platz 2?", "die gleichen wie im März"],
      ["10 GN-36-CON"],
    ],
    [foodtechWorld, "C-7101", ["which v-belts fit the old Kemper?", "the same one as in September"], ["2 KR-SPZ-1250"]],
  ]);
});

describe("an earlier order named by its reference, its lines counted item by item: that order again", () => {
  const withMachines = (rows: (string | number | null)[][]) =>
    rows.map((l) => `${l[1]} ${l[0]}${l[2] ? ` @${l[2]}` : ""}`).sort();
  const cases: Case[] = [
    [
      packagingWorld,
      "PK-2101",
      [
        "Guten Morgen,\n\nbitte die Bestellung BR-4500-1187 vom Mai für den Schlauchbeutler 1 nochmal genauso: 2 Zackenmesser, 4 Heizpatronen und 2 Rollen Teflonband 25 mm.\n\nMit freundlichen Grüßen\nStefan Wagner",
      ],
      ["2 KN-FW-180-Z1 @M-2101-01", "4 HC-12-160-400 @M-2101-01", "2 PT-13-25-BR"],
    ],
    [
      weldingWorld,
      "WD-4104",
      ["Bestellung BSS/PO/2026/0412 nochmal genauso: 12 Spulen Fülldraht und 2 Vorschubrollen"],
      ["12 WR-FCW-12-16", "2 FR37-VK12 @M-4104-02"],
    ],
    [
      watertreatWorld,
      "W-8102",
      ["order KR-46102 once more exactly like that: 6 membranes and 6 brine seals"],
      ["6 MB-BW8040-FR @M-8102-01", "6 MB-BS-8040 @M-8102-01"],
    ],
    [
      watertreatWorld,
      "W-8102",
      ["Bestellung KR-46102 bitte nochmal genauso: 6 Membranen und 6 Soledichtungen"],
      ["6 MB-BW8040-FR @M-8102-01", "6 MB-BS-8040 @M-8102-01"],
    ],
    // Guard: the lines counted item by item, the order named with a word of repeating.
    [
      watertreatWorld,
      "W-8102",
      ["Please our order KR-45521 again for UV 2: 2 lamps and 2 o-ring sets"],
      ["2 UV-AM145-B @M-8102-02", "2 UV-OR-1554 @M-8102-02"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      expect(withMachines(draftLines(await chatAfter(world, customer, ...says)))).toEqual([...want].sort());
    });
});

describe("a line of the order split over machines: a line for each machine with its count", () => {
  const withMachines = (rows: (string | number | null)[][]) =>
    rows.map((l) => `${l[1]} ${l[0]}${l[2] ? ` @${l[2]}` : ""}`).sort();
  const cases: Case[] = [
    [
      powertransWorld,
      "T-7001",
      [
        "Moin, brauche die Stehlager wie im April für Band 3, 4 Stück",
        "ne mach 6 draus, 2 davon sind für Band 4. Kette diesmal nicht",
      ],
      ["4 UCP-206 @M-7001-01", "2 UCP-206 @M-7001-02"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["4 UCP-206 for Band 3", "make it 6, 2 of them for Band 4"],
      ["4 UCP-206 @M-7001-01", "2 UCP-206 @M-7001-02"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["4 UCP-206 for Band 3", "3 for Band 3 and 3 for Band 4"],
      ["3 UCP-206 @M-7001-01", "3 UCP-206 @M-7001-02"],
    ],
    [
      agripartsWorld,
      "A-9001",
      [
        "moin,brauch netz wie im mai,6 rollen für presse 2 + 2 pack garn",
        "ach mach 8 rollen,4 für presse 2 und 4 für presse 3 in vechta",
      ],
      ["4 NET-123-3600 @M-9001-02", "4 NET-123-3600 @M-9001-03", "2 TWN-130-P2 @M-9001-02"],
    ],
    [
      agripartsWorld,
      "A-9001",
      ["6 rolls of NET-123-3600 for Presse 2", "make it 8 rolls, 4 for Presse 2 and 4 for Presse 3"],
      ["4 NET-123-3600 @M-9001-02", "4 NET-123-3600 @M-9001-03"],
    ],
    // Guards: a product counted for another machine is a line of its own; the split said again changes nothing.
    [
      powertransWorld,
      "T-7001",
      ["4 UCP-206 für Band 3", "2 UCP-206 für Band 4"],
      ["4 UCP-206 @M-7001-01", "2 UCP-206 @M-7001-02"],
    ],
    [
      powertransWorld,
      "T-7001",
      ["4 UCP-206 for Band 3", "make it 6, 2 of them for Band 4", "genau, 4 für Band 3 und 2 für Band 4"],
      ["4 UCP-206 @M-7001-01", "2 UCP-206 @M-7001-02"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      expect(withMachines(draftLines(await chatAfter(world, customer, ...says)))).toEqual([...want].sort());
    });
});
