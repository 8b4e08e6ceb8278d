/**
 * The entity set to tune the recognizers on (`npx tsx scripts/nlu-validation.ts`): buyer phrasings over the demo world
 * and the generated catalog, English and German, annotated like the bench's set (`EntityCase`). The bench's own set
 * (`entity-cases.ts`) is the held-out one: never read, printed or tuned on; this one was written separately, from what
 * buyers write (numbers inside names, pack units, dimensions, fractions, dates, PO references), not from what the
 * recognizers find.
 */
import type { EntityCase } from "../../agent/models/offline/nlu/evaluate.ts";
import { demo, gen } from "./entity-case.ts";

export const ENTITY_VALIDATION_CASES: EntityCase[] = [
  // Demo world, English (C-1001: Pump 1 Brewhouse, Pump 2 Hall B, Wort pump, Glycol pump; C-1003: Pump 4 NCP 40-200,
  // Booster 1 NMV 15-4, Pit pump VSD 15). "Now" is 2026-12-01, a Tuesday.
  demo("en", "need 4 SE-MS28-CC-NBR for pump 2", [
    ["sku", "SE-MS28-CC-NBR", "SE-MS28-CC-NBR"],
    ["quantity", "4", "4"],
    ["machine", "M-1001-02", "pump 2"],
  ]),
  demo("en", "2 boxes of SE-OR-100X3-FKM-B10 please", [
    ["quantity", "2 BOX", "2"],
    ["sku", "SE-OR-100X3-FKM-B10", "SE-OR-100X3-FKM-B10"],
  ]),
  demo("en", "o-rings 75 x 3 mm, 3 boxes", [
    ["size", "3 Millimeter", "75 x 3 mm"],
    ["quantity", "3 BOX", "3"],
  ]),
  demo("en", "the glycol pump needs a new seal, just 1 piece", [
    ["machine", "M-1001-04", "glycol pump"],
    ["quantity", "1 PCE", "1"],
  ]),
  demo("en", "please deliver by 15 December, our PO 4500123", [
    ["date", "2026-12-15"],
    ["po", "4500123", "4500123"],
  ]),
  demo(
    "en",
    "for Pump 4 I need 3 wear rings",
    [
      ["machine", "M-1003-01", "Pump 4"],
      ["quantity", "3", "3"],
    ],
    "C-1003",
  ),
  demo(
    "en",
    "booster 1 in the boiler house: 2 cartridge seals 22 mm",
    [
      ["machine", "M-1003-02", "booster 1 in the boiler house"],
      ["quantity", "2", "2"],
      ["size", "22 Millimeter", "22 mm"],
    ],
    "C-1003",
  ),
  demo("en", "one SP-BRG-6204-2Z and two SE-CG-NCP32", [
    ["quantity", "1", "one"],
    ["sku", "SP-BRG-6204-2Z", "SP-BRG-6204-2Z"],
    ["quantity", "2", "two"],
    ["sku", "SE-CG-NCP32", "SE-CG-NCP32"],
  ]),
  demo("en", "5 pressure gauges 63 mm 0-16 bar for the wort pump", [
    ["quantity", "5", "5"],
    ["size", "63 Millimeter", "63 mm"],
    ["machine", "M-1001-03", "wort pump"],
  ]),
  demo("en", "a dozen M16 x 70 bolts, need them by friday", [
    ["quantity", "12", "a dozen"],
    ["date", "2026-12-04"],
  ]),
  demo("en", "can I get 6 of the 5 l oil cans by monday? ref: WO-2231", [
    ["quantity", "6", "6"],
    ["size", "5 Liter", "5 l"],
    ["date", "2026-12-07"],
    ["po", "WO-2231", "WO-2231"],
  ]),
  demo("en", "serial 21877 is leaking, send 2 mechanical seals 28 mm", [
    ["machine", "M-1001-02", "21877"],
    ["quantity", "2", "2"],
    ["size", "28 Millimeter", "28 mm"],
  ]),
  demo("en", '3 filter cartridges 10" please', [
    ["quantity", "3", "3"],
    ["size", "10 Inch", '10"'],
  ]),
  demo("en", "we need 20 m of hose for pump 1 in the brewhouse", [
    ["quantity", "20 M", "20"],
    ["machine", "M-1001-01", "pump 1 in the brewhouse"],
  ]),
  // Demo world, German.
  demo("de", "Wir brauchen 3 SE-MS28-CC-NBR für Pumpe 2", [
    ["quantity", "3", "3"],
    ["sku", "SE-MS28-CC-NBR", "SE-MS28-CC-NBR"],
    ["machine", "M-1001-02", "Pumpe 2"],
  ]),
  demo("de", "drei Kartons O-Ringe 100 x 3 mm", [
    ["quantity", "3 BOX", "drei"],
    ["size", "3 Millimeter", "100 x 3 mm"],
  ]),
  demo("de", "für die Glykolpumpe bitte 2 Stück, Liefertermin 10.12.2026", [
    ["machine", "M-1001-04", "Glykolpumpe"],
    ["quantity", "2 PCE", "2"],
    ["date", "2026-12-10"],
  ]),
  demo("de", "Bestellnummer 88-1207, bitte bis Freitag liefern", [
    ["po", "88-1207", "88-1207"],
    ["date", "2026-12-04"],
  ]),
  demo(
    "de",
    "für die Pumpe 4 brauche ich zwei Verschleißringe",
    [
      ["machine", "M-1003-01", "Pumpe 4"],
      ["quantity", "2", "zwei"],
    ],
    "C-1003",
  ),
  demo("de", "5 Manometer 63 mm 0-10 bar", [
    ["quantity", "5", "5"],
    ["size", "63 Millimeter", "63 mm"],
  ]),
  demo("de", "ein Dutzend Schrauben M16 x 70", [["quantity", "12", "ein Dutzend"]]),
  demo("de", "zwei SP-BRG-6204-2Z und eine SE-CG-NCP32", [
    ["quantity", "2", "zwei"],
    ["sku", "SP-BRG-6204-2Z", "SP-BRG-6204-2Z"],
    ["quantity", "1", "eine"],
    ["sku", "SE-CG-NCP32", "SE-CG-NCP32"],
  ]),
  demo(
    "de",
    "Booster 1 im Kesselhaus braucht eine Gleitringdichtung",
    [
      ["machine", "M-1003-02", "Booster 1 im Kesselhaus"],
      ["quantity", "1", "eine"],
    ],
    "C-1003",
  ),
  // Generated catalog, English (CUST-00001: Diaphragm pump 1 PDI-LK50, Centrifugal pump 2 PCN-QF50-160, Submersible
  // pump 3 PSB-GZ40-200, Boiler feed pump 4 PDS-EK250, Transfer compressor 5 CPI-HH51; sites in Liege). "Now" is
  // 2026-06-01, a Monday.
  gen("en", "for the centrifugal pump 2 I need 2 wear rings 125 mm", [
    ["machine", "CUST-00001-M02", "centrifugal pump 2"],
    ["quantity", "2", "2"],
    ["size", "125 Millimeter", "125 mm"],
  ]),
  gen("en", "3 boxes of ORI-100070", [
    ["quantity", "3 BOX", "3"],
    ["sku", "ORI-100070", "ORI-100070"],
  ]),
  gen("en", "15 metres of water hose 13 mm", [
    ["quantity", "15 MTR", "15"],
    ["size", "13 Millimeter", "13 mm"],
  ]),
  gen("en", "2 cans of bearing grease for the transfer compressor 5", [
    ["quantity", "2 CAN", "2"],
    ["machine", "CUST-00001-M05", "transfer compressor 5"],
  ]),
  gen("en", "a pack of air filters for the CPI-HH51, po number 7781-B", [
    ["quantity", "1 PAK", "a"],
    ["machine", "CUST-00001-M05", "CPI-HH51"],
    ["po", "7781-B", "7781-B"],
  ]),
  gen("en", "4 o-rings 40 x 5.3 mm for the diaphragm pump 1", [
    ["quantity", "4", "4"],
    ["size", "5.3 Millimeter", "40 x 5.3 mm"],
    ["machine", "CUST-00001-M01", "diaphragm pump 1"],
  ]),
  gen("en", "need 2 ball valves G 1/4 by June 12", [
    ["quantity", "2", "2"],
    ["date", "2026-06-12"],
  ]),
  gen("en", "the submersible pump 3 in the tank farm needs one mechanical seal 24 mm", [
    ["machine", "CUST-00001-M03", "submersible pump 3 in the tank farm"],
    ["quantity", "1", "one"],
    ["size", "24 Millimeter", "24 mm"],
  ]),
  gen("en", "10 pcs FBT-100359 and 2 boxes FNW-100371", [
    ["quantity", "10 PCE", "10"],
    ["sku", "FBT-100359", "FBT-100359"],
    ["quantity", "2 BOX", "2"],
    ["sku", "FNW-100371", "FNW-100371"],
  ]),
  gen("en", "bearing 24x70x20 mm, 2 of them, for serial 1033229", [
    ["size", "20 Millimeter", "24x70x20 mm"],
    ["quantity", "2", "2"],
    ["machine", "CUST-00001-M03", "1033229"],
  ]),
  // Generated catalog, German.
  gen("de", "für die Kreiselpumpe PCN-QF50-160 brauche ich 2 Laufräder", [
    ["machine", "CUST-00001-M02", "PCN-QF50-160"],
    ["quantity", "2", "2"],
  ]),
  gen("de", "zwei Kartons ORI-100066", [
    ["quantity", "2 BOX", "zwei"],
    ["sku", "ORI-100066", "ORI-100066"],
  ]),
  gen("de", "25 Meter Schlauch 13 mm bitte", [
    ["quantity", "25 MTR", "25"],
    ["size", "13 Millimeter", "13 mm"],
  ]),
  gen("de", "3 Dosen Fett, Lieferung bis 15.06.2026, Referenz LG-4410", [
    ["quantity", "3 CAN", "3"],
    ["date", "2026-06-15"],
    ["po", "LG-4410", "LG-4410"],
  ]),
  gen("de", "4 O-Ringe 20 x 3,5 mm für die Dosierpumpe PDS-EK250", [
    ["quantity", "4", "4"],
    ["size", "3.5 Millimeter", "20 x 3,5 mm"],
    ["machine", "CUST-00001-M04", "PDS-EK250"],
  ]),
  gen("de", "eine Packung Luftfilter für den Kompressor 5", [
    ["quantity", "1 PAK", "eine"],
    ["machine", "CUST-00001-M05", "Kompressor 5"],
  ]),
  gen("de", "5 Stück IPT-100293 bis Freitag", [
    ["quantity", "5 PCE", "5"],
    ["sku", "IPT-100293", "IPT-100293"],
    ["date", "2026-06-05"],
  ]),
];
