/**
 * Session 25m: messages with several items, each for its own machine.
 *
 * 1. An item whose part carries sentences after it that name another machine the buyer sets aside: "… and for the
 *    Line B RO six brine seals, the 8040 EPDM ones. Joost says the old UV is still running fine, so nothing for that
 *    one." — the last part names two machines, so none was read and the machine of the item before it won (the brine
 *    seals went on UV 2). The sentences from the start of the part that name one machine and ask for the item say its
 *    machine.
 * 2. An item that names an earlier order by its reference beside other items: "again the filter cartridges from
 *    BSS/PO/2026/0915, 3 pcs. Also 2 packs prefilter mats" dropped the order's line (read as a list, the part naming
 *    the order found no product of its own); "4 filter cartridges …, same type like PO BSS/PO/2026/0915. And 1 pack of
 *    prefilter mats" (read as a reorder) dropped the mats and took their count for the cartridges. The part naming the
 *    order's reference takes that order's lines (those its words name) with its own count; the other items stay.
 * 3. A new count for the order's line and a new item in one message: "make it 5 boxes, and 2 tip holders for the same
 *    torch" added the tip holders' count to the contact tips' line (read as more of the same), "no wait, 5 boxes. Also
 *    1 tip holder M8 for Line 3 welder" put 5 tip holders on the order. A first part that is a bare count sets the
 *    count of the line the order is about (its only line, or the one in focus); the items after it are added, for the
 *    machine they name, else that line's where they fit it.
 * 4. "and" inside a product's name: "the piston and seal kit for the Line C softener and the lid o-ring for the bag
 *    filter" split into "the piston" and "seal kit …", and nothing reached the order. An "and" that a product's name
 *    writes between the same two words ("Piston and seal kit …") separates no items.
 *    (German buyers write the compound's hyphen — "Kolben- und Dichtungssatz" — or the name's "und" joins back
 *    already: guards. Not closed: "the pneumatic tyre 7.00-12 with tube and flap and the 500-hour service kit".)
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  draftAfter,
  foodtechWorld,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 120_000;

const sorted = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]} @${l[2]}`).sort();

describe("an item's trailing sentences that name a machine set aside", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      watertreatWorld,
      "W-8102",
      "for UV 2 we need two of the 145 W amalgam lamps, and for the Line B RO six brine seals, the 8040 EPDM ones. Joost says the old UV is still running fine, so nothing for that one.",
      ["2 UV-AM145-B @M-8102-02", "6 MB-BS-8040 @M-8102-01"],
    ],
    [
      watertreatWorld,
      "W-8102",
      "2 amalgam lamps 145 W for UV 2 and 6 brine seals 8040 for Line B RO. The old UV is fine, no parts for it.",
      ["2 UV-AM145-B @M-8102-02", "6 MB-BS-8040 @M-8102-01"],
    ],
    [
      weldingWorld,
      "WD-4105",
      "3 boxes contact tips 0.8 for the Blue Arcwell and 2 electrodes for the plasma cutter. The TIG station runs fine, nothing for that one.",
      ["3 CT-24-08 @M-4105-01", "2 EL-PT60 @M-4105-03"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "Für die Absaugung 6 Filterschläuche 1800 und für die Alte Formatsäge 2 Kreissägeblätter Z96. Die Neue Formatsäge läuft noch gut, da brauchen wir nichts.",
      ["6 FS-300-1800-PE @M-3101-05", "2 KS-300-30-96FT @M-3101-01"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "Für die Kanten-Kathi 5 Sack Leim EVA natur und für die Alte Formatsäge 2 Kreissägeblätter Z96. Die Neue Formatsäge läuft noch gut, da brauchen wir nichts.",
      ["5 LM-EVA-N-25 @M-3101-03", "2 KS-300-30-96FT @M-3101-01"],
    ],
    [
      watertreatWorld,
      "W-8104",
      "2 Membranen BW 4040 Low Energy für die Osmose und 2 Kartons Filterkerzen 5 µm 20 Zoll für den Vorfilter. Die UV Abfüllung läuft noch, da brauchen wir diesmal nichts.",
      ["2 MB-BW4040-LE @M-8104-01", "2 FC-PP5-20 @M-8104-04"],
    ],
    // Guards (passed before): one machine per item and no trailing sentence; a trailing sentence naming no machine.
    [
      watertreatWorld,
      "W-8104",
      "Für die Osmose 2 Membranen BW 4040 Low Energy und für die UV Abfüllung 2 Amalgamlampen 320 W. Danke!",
      ["2 MB-BW4040-LE @M-8104-01", "2 UV-AM320 @M-8104-03"],
    ],
    [
      watertreatWorld,
      "W-8102",
      "2 amalgam lamps 145 W for UV 2 and 6 brine seals 8040 for Line B RO. Thanks, have a good weekend!",
      ["2 UV-AM145-B @M-8102-02", "6 MB-BS-8040 @M-8102-01"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(
      text.slice(0, 80),
      async () => {
        expect(sorted(await draftAfter(world, customer, text))).toEqual([...want].sort());
      },
      T,
    );
});

describe("an earlier order by its reference beside other items", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      weldingWorld,
      "WD-4104",
      "Hello, again the filter cartridges from BSS/PO/2026/0915, 3 pcs. Also 2 packs prefilter mats please.",
      ["3 FC-FX325 @M-4104-03", "2 PF-FX @null"],
    ],
    [
      weldingWorld,
      "WD-4104",
      "please 3 filter cartridges for extraction line 2, same type like PO BSS/PO/2026/0915. And 2 packs of prefilter mats.",
      ["3 FC-FX325 @M-4104-03", "2 PF-FX @M-4104-03"],
    ],
    [
      watertreatWorld,
      "W-8101",
      "Bitte 4 Membranen wie bei TW-2509-044 für die Erste, dazu 2 Kartons Filterkerzen 5 µm 20 Zoll für den Vorfilter Brunnen 3.",
      ["4 MB-BW4040-HR @M-8101-02", "2 FC-PP5-20 @M-8101-05"],
    ],
    [
      watertreatWorld,
      "W-8101",
      "Die Membranen wie in Bestellung TW-2509-044, diesmal 2 Stück. Außerdem 2 Kartons Filterkerzen 5 µm 20 Zoll für den Vorfilter Brunnen 3.",
      ["2 MB-BW4040-HR @M-8101-02", "2 FC-PP5-20 @M-8101-05"],
    ],
    [
      woodworkWorld,
      "WW-3105",
      "Wie Bestellung OBJ-2026-0311 bitte 4 Sägebänder. Dazu 1 Dose Bandagenkleber.",
      ["4 SB-5950-20-6 @M-3105-01", "1 BD-KLEBER @null"],
    ],
    // Guards (passed before): the order alone again, with a count; a list naming no earlier order; counts for the
    // order's lines beside it; one line of the order named beside another item.
    [
      watertreatWorld,
      "W-8102",
      "like on our PO KR-45521, 3 lamps plus the 4 o-ring sets",
      ["3 UV-AM145-B @M-8102-02", "4 UV-OR-1554 @M-8102-02"],
    ],
    [
      watertreatWorld,
      "W-8102",
      "2 amalgam lamps like in KR-45521, and 6 brine seals 8040 for Line B RO",
      ["2 UV-AM145-B @M-8102-02", "6 MB-BS-8040 @M-8102-01"],
    ],
    [woodworkWorld, "WW-3105", "Same blades as order OBJ-2026-0311, 4 pcs.", ["4 SB-5950-20-6 @M-3105-01"]],
    [
      weldingWorld,
      "WD-4104",
      "please 4 filter cartridges for extraction line 2 and 1 pack of prefilter mats.",
      ["4 FC-FX325 @M-4104-03", "1 PF-FX @M-4104-03"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(
      text.slice(0, 80),
      async () => {
        expect(sorted(await draftAfter(world, customer, text))).toEqual([...want].sort());
      },
      T,
    );
});

describe("a new count for the order's line beside new items", () => {
  const tips = "3 box contact tips 1.2 for Line 3 welder pls";
  const cases: [() => World, string, string[], string[]][] = [
    [
      weldingWorld,
      "WD-4104",
      [tips, "make it 5 boxes, and 2 tip holders for the same torch"],
      ["5 CT-501-12 @M-4104-02", "2 TH-501-M8 @M-4104-02"],
    ],
    [
      weldingWorld,
      "WD-4104",
      [tips, "no wait, 5 boxes. Also 1 tip holder M8 for Line 3 welder"],
      ["5 CT-501-12 @M-4104-02", "1 TH-501-M8 @M-4104-02"],
    ],
    [
      watertreatWorld,
      "W-8102",
      ["6 brine seals 8040 for Line B RO", "no wait, 8 pieces. Also 2 conductivity cells for Line A RO"],
      ["8 MB-BS-8040 @M-8102-01", "2 SE-COND-01 @M-8102-06"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      [
        "2 Kreissägeblätter Z96 für die Alte Formatsäge",
        "mach 3 draus und dazu 2 Vorritzsägeblätter Z24 für dieselbe Maschine",
      ],
      ["3 KS-300-30-96FT @M-3101-01", "2 VR-120-20-24K @M-3101-01"],
    ],
    // Guards (passed before): each item naming its machine; the count alone.
    [
      watertreatWorld,
      "W-8102",
      ["6 brine seals 8040 for Line B RO", "make it 8, and 2 conductivity cells for Line A RO"],
      ["8 MB-BS-8040 @M-8102-01", "2 SE-COND-01 @M-8102-06"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      [
        "2 Kreissägeblätter Z96 für die Alte Formatsäge",
        "nein, mach 4 draus. Und 5 Sack Leim EVA natur für die Kanten-Kathi",
      ],
      ["4 KS-300-30-96FT @M-3101-01", "5 LM-EVA-N-25 @M-3101-03"],
    ],
    [
      watertreatWorld,
      "W-8101",
      [
        "2 Kartons Filterkerzen 5 µm 20 Zoll für den Vorfilter Brunnen 3",
        "nein, doch 3 Kartons. Und 2 FH-OR-CF20-EPDM",
      ],
      ["3 FC-PP5-20 @M-8101-05", "2 FH-OR-CF20-EPDM @M-8101-05"],
    ],
    [weldingWorld, "WD-4104", [tips, "make it 5 boxes"], ["5 CT-501-12 @M-4104-02"]],
  ];
  for (const [world, customer, says, want] of cases)
    test(
      says.at(-1)!,
      async () => {
        expect(sorted(await draftAfter(world, customer, ...says))).toEqual([...want].sort());
      },
      T,
    );
});

describe("an and inside a product's name", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      watertreatWorld,
      "W-8105",
      "the piston and seal kit for the Line C softener and the lid o-ring for the bag filter",
      ["1 SV-SK-V2 @M-8105-05", "1 FH-OR-MB2-EPDM @M-8105-03"],
    ],
    [
      watertreatWorld,
      "W-8105",
      "the injector and nozzle set and the piston and seal kit for the Line C softener",
      ["1 SV-INJ-EH60 @M-8105-05", "1 SV-SK-V2 @M-8105-05"],
    ],
    // Guards (passed before): counted items; German names with "und"; a name's "and" on another catalog.
    [
      watertreatWorld,
      "W-8105",
      "1 piston and seal kit and 1 injector and nozzle set for the Line A softener",
      ["1 SV-SK-V1 @M-8105-01", "1 SV-INJ-EH60 @M-8105-01"],
    ],
    [
      agripartsWorld,
      "A-9002",
      "the transmission and hydraulic filter and 2 pails of transmission and hydraulic oil UTTO for Hansi",
      ["1 FLT-HYD-TR6 @M-9002-02", "2 OIL-UTTO-20L @M-9002-02"],
    ],
    [
      woodworkWorld,
      "WW-3101",
      "2 Harzentferner für Sägeblätter und Fräser, dazu 1 Messerwechselset für die Abricht",
      ["2 RG-HARZ-1L @M-3101-04", "1 SET-AD51-WM @M-3101-04"],
    ],
    [
      foodtechWorld,
      "F-5001",
      "2 Kanister Lebensmittelöl H1 für Ketten und Getriebe und 1 Ausrollband-Set AR 600",
      ["2 OEL-H1-5 @null", "1 AB-AR600-SET @null"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(
      text,
      async () => {
        expect(sorted(await draftAfter(world, customer, text))).toEqual([...want].sort());
      },
      T,
    );
});
