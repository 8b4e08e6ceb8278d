/**
 * The annotated entity set for `offline.nlu.entity_f1` (kept out of `agent/`, whose code names no catalog): buyer
 * phrasings, English and German, over the demo world and a generated catalog, each with the entities in it — type,
 * value and exact span (conventions on `EntityCase`). Written from what buyers write, not from what the recognizers
 * find; a case the recognizers get wrong stays as it is.
 */
import type { EntityCase } from "../../agent/models/offline/nlu/evaluate.ts";
import { demo, gen } from "./entity-case.ts";

export const ENTITY_CASES: EntityCase[] = [
  // Demo world, English (customer C-1001: Pump 1 Brewhouse, Pump 2 Hall B, Wort pump, Glycol pump; C-1003: Pump 4).
  demo("en", "I need 2 mechanical seals for pump 2 in hall B", [
    ["quantity", "2", "2"],
    ["machine", "M-1001-02", "pump 2 in hall B"],
  ]),
  demo("en", "3 boxes of SE-OR-100X3-EPDM-B10 please", [
    ["quantity", "3 BOX", "3"],
    ["sku", "SE-OR-100X3-EPDM-B10", "SE-OR-100X3-EPDM-B10"],
  ]),
  demo(
    "en",
    "for the NCP 40-200 I need 2 seals",
    [
      ["machine", "M-1003-01", "NCP 40-200"],
      ["quantity", "2", "2"],
    ],
    "C-1003",
  ),
  demo("en", "the wort pump is leaking, which seal do I need?", [["machine", "M-1001-03", "wort pump"]]),
  demo("en", "5 pcs SE-MS28-CC-EPDM", [
    ["quantity", "5 PCE", "5"],
    ["sku", "SE-MS28-CC-EPDM", "SE-MS28-CC-EPDM"],
  ]),
  demo("en", "do you have a 28 mm seal for the glycol pump?", [
    ["size", "28 Millimeter", "28 mm"],
    ["machine", "M-1001-04", "glycol pump"],
  ]),
  demo("en", "one 18 kg pail of bearing grease", [
    ["quantity", "1", "one"],
    ["size", "18 Kilogram", "18 kg"],
  ]),
  demo("en", "a dozen O-rings 100 x 3 mm", [
    ["quantity", "12", "a dozen"],
    ["size", "3 Millimeter", "100 x 3 mm"],
  ]),
  demo("en", "two ball valves G1 stainless", [["quantity", "2", "two"]]),
  demo("en", "our PO is 4711-A, deliver by 2026-12-14", [
    ["po", "4711-A", "4711-A"],
    ["date", "2026-12-14"],
  ]),
  demo("en", "is SP-KIT-NCP32-G1 in stock for pump 1?", [
    ["sku", "SP-KIT-NCP32-G1", "SP-KIT-NCP32-G1"],
    ["machine", "M-1001-01", "pump 1"],
  ]),
  demo("en", "we need 10 filter cartridges, 25 µm", [
    ["quantity", "10", "10"],
    ["size", "25 Micrometer", "25 µm"],
  ]),
  demo("en", "make it 4", [["quantity", "4", "4"]]),
  demo("en", "pressure gauge 0-16 bar, 100 mm, 2 pieces", [
    ["size", "100 Millimeter", "100 mm"],
    ["quantity", "2 PCE", "2"],
  ]),
  demo("en", "serial 21877 needs a new shaft", [["machine", "M-1001-02", "21877"]]),
  demo("en", "6 x leak spray 400 ml", [
    ["quantity", "6", "6"],
    ["size", "400 Milliliter", "400 ml"],
  ]),
  demo("en", "repair kit for pump 1 in the brewhouse, just one", [
    ["machine", "M-1001-01", "pump 1 in the brewhouse"],
    ["quantity", "1", "one"],
  ]),
  demo("en", "I'd like 7 flange gaskets DN40", [["quantity", "7", "7"]]),
  demo("en", "we need it on 15 December 2026, reference 88-1200", [
    ["date", "2026-12-15"],
    ["po", "88-1200", "88-1200"],
  ]),
  demo(
    "en",
    "booster 1 in the boiler house needs a coupling",
    [["machine", "M-1003-02", "booster 1 in the boiler house"]],
    "C-1003",
  ),
  // Demo world, German.
  demo("de", "Ich brauche 2 Gleitringdichtungen für Pumpe 2 in Halle B", [
    ["quantity", "2", "2"],
    ["machine", "M-1001-02", "Pumpe 2 in Halle B"],
  ]),
  demo("de", "3 Kartons SE-GK-DN40-EPDM-B10 bitte", [
    ["quantity", "3 BOX", "3"],
    ["sku", "SE-GK-DN40-EPDM-B10", "SE-GK-DN40-EPDM-B10"],
  ]),
  demo("de", "zwei Stück SE-HS40-SIC-FKM für die Würzepumpe", [
    ["quantity", "2 PCE", "zwei"],
    ["sku", "SE-HS40-SIC-FKM", "SE-HS40-SIC-FKM"],
    ["machine", "M-1001-03", "Würzepumpe"],
  ]),
  demo("de", "Für Pumpe 1 bräuchte ich 4 Stück", [
    ["machine", "M-1001-01", "Pumpe 1"],
    ["quantity", "4 PCE", "4"],
  ]),
  demo("de", "haben Sie eine Dichtung 28 mm für die Glykolpumpe?", [
    ["size", "28 Millimeter", "28 mm"],
    ["machine", "M-1001-04", "Glykolpumpe"],
  ]),
  demo("de", "ein Eimer Fett, 18 kg", [
    ["quantity", "1", "ein"],
    ["size", "18 Kilogram", "18 kg"],
  ]),
  demo("de", "unsere Bestellnummer lautet PO-2291", [["po", "PO-2291", "PO-2291"]]),
  demo("de", "bitte liefern bis 14.12.2026", [["date", "2026-12-14"]]),
  demo("de", "mach 5 daraus", [["quantity", "5", "5"]]),
  demo("de", "ist VA-BV-G1-SS lieferbar? Wir brauchen 3", [
    ["sku", "VA-BV-G1-SS", "VA-BV-G1-SS"],
    ["quantity", "3", "3"],
  ]),
  demo("de", "Seriennummer 14211, welche Welle passt?", [["machine", "M-1001-01", "14211"]]),
  demo("de", "ein Dutzend Muttern M16", [["quantity", "12", "ein Dutzend"]]),
  demo("de", "10 Stück Y-Schmutzfänger DN40", [["quantity", "10 PCE", "10"]]),
  demo(
    "de",
    "für die NCP 40-200 brauche ich 2 Dichtungen",
    [
      ["machine", "M-1003-01", "NCP 40-200"],
      ["quantity", "2", "2"],
    ],
    "C-1003",
  ),
  // Generated catalog, English (customer CUST-00001: Diaphragm pump 1, Centrifugal pump 2, Submersible pump 3,
  // Boiler feed pump 4, Transfer compressor 5, sites in Liege).
  gen("en", "need 2 seals for centrifugal pump 2", [
    ["quantity", "2", "2"],
    ["machine", "CUST-00001-M02", "centrifugal pump 2"],
  ]),
  gen("en", "3 boxes of ORI-100062 for the diaphragm pump 1", [
    ["quantity", "3 BOX", "3"],
    ["sku", "ORI-100062", "ORI-100062"],
    ["machine", "CUST-00001-M01", "diaphragm pump 1"],
  ]),
  gen("en", "is IPT-100287 available? we need 4", [
    ["sku", "IPT-100287", "IPT-100287"],
    ["quantity", "4", "4"],
  ]),
  gen("en", "O-ring 63 x 3 mm, 5 boxes", [
    ["size", "3 Millimeter", "63 x 3 mm"],
    ["quantity", "5 BOX", "5"],
  ]),
  gen("en", "20 metres of water hose 13 mm", [
    ["quantity", "20 MTR", "20"],
    ["size", "13 Millimeter", "13 mm"],
  ]),
  gen("en", "the transfer compressor 5 needs an air filter", [["machine", "CUST-00001-M05", "transfer compressor 5"]]),
  gen("en", "for serial 9654009 I need one mechanical seal", [
    ["machine", "CUST-00001-M02", "9654009"],
    ["quantity", "1", "one"],
  ]),
  gen("en", "2 x FBT-100350", [
    ["quantity", "2", "2"],
    ["sku", "FBT-100350", "FBT-100350"],
  ]),
  gen("en", "a 4 kW frequency inverter, 400 V, just one please", [
    ["size", "4 Kilowatt", "4 kW"],
    ["size", "400 Volt", "400 V"],
    ["quantity", "1", "one"],
  ]),
  gen("en", "PO number 55-778, please deliver on 2026-06-20", [
    ["po", "55-778", "55-778"],
    ["date", "2026-06-20"],
  ]),
  gen("en", "ball valve DN32, six of them", [["quantity", "6", "six"]]),
  gen("en", "what does STR-100188 cost for 12 pieces?", [
    ["sku", "STR-100188", "STR-100188"],
    ["quantity", "12 PCE", "12"],
  ]),
  gen("en", "the boiler feed pump 4 in the tank farm is leaking", [
    ["machine", "CUST-00001-M04", "boiler feed pump 4 in the tank farm"],
  ]),
  gen("en", "temperature sensor with a 50 mm probe, 3 pcs", [
    ["size", "50 Millimeter", "50 mm"],
    ["quantity", "3 PCE", "3"],
  ]),
  gen("en", "make that 8", [["quantity", "8", "8"]]),
  gen("en", "15 m of motor cable", [["quantity", "15 MTR", "15"]]),
  // Generated catalog, German.
  gen("de", "ich brauche 2 Dichtungen für Kreiselpumpe 2", [
    ["quantity", "2", "2"],
    ["machine", "CUST-00001-M02", "Kreiselpumpe 2"],
  ]),
  gen("de", "3 Kartons ORI-100071 bitte", [
    ["quantity", "3 BOX", "3"],
    ["sku", "ORI-100071", "ORI-100071"],
  ]),
  gen("de", "ist DVF-100323 lieferbar? wir bräuchten 2 Stück", [
    ["sku", "DVF-100323", "DVF-100323"],
    ["quantity", "2 PCE", "2"],
  ]),
  gen("de", "20 Meter Schlauch 13 mm", [
    ["quantity", "20 MTR", "20"],
    ["size", "13 Millimeter", "13 mm"],
  ]),
  gen("de", "für die Seriennummer 5414201 eine Membran", [
    ["machine", "CUST-00001-M01", "5414201"],
    ["quantity", "1", "eine"],
  ]),
  gen("de", "Bestellnummer 2026-4411, Liefertermin 20.06.2026", [
    ["po", "2026-4411", "2026-4411"],
    ["date", "2026-06-20"],
  ]),
  gen("de", "zehn Stück FTH-100260", [
    ["quantity", "10 PCE", "zehn"],
    ["sku", "FTH-100260", "FTH-100260"],
  ]),
  gen("de", "Schrauben M20 x 60, 2 Kartons", [["quantity", "2 BOX", "2"]]),
  gen("de", "der Transfer compressor 5 braucht einen Luftfilter", [
    ["machine", "CUST-00001-M05", "Transfer compressor 5"],
  ]),
  gen("de", "doch lieber 6", [["quantity", "6", "6"]]),
  gen("de", "Manometer 0-2,5 bar, 40 mm, 4 Stück", [
    ["size", "40 Millimeter", "40 mm"],
    ["quantity", "4 PCE", "4"],
  ]),
  gen("de", "was kostet CPL-100179 bei 5 Stück?", [
    ["sku", "CPL-100179", "CPL-100179"],
    ["quantity", "5 PCE", "5"],
  ]),
  gen("de", "drei Kugelhähne DN80", [["quantity", "3", "drei"]]),
  gen("de", "Kolbenkompressor HH 51 in Line A braucht einen Druckschalter", [
    ["machine", "CUST-00001-M05", "HH 51 in Line A"],
  ]),
];
