/** The category tree of the synthetic catalog: top-level groups with the leaf categories products sit in. */
import type { ImportDocument } from "../import/format.ts";

export const CATEGORY_TREE: [code: string, name: string, leaves: [string, string][]][] = [
  [
    "PUMPS",
    "Pumps",
    [
      ["PUMPS-CENT", "Centrifugal pumps"],
      ["PUMPS-SUB", "Submersible pumps"],
      ["PUMPS-DIA", "Diaphragm pumps"],
      ["PUMPS-DOS", "Dosing pumps"],
    ],
  ],
  [
    "MOTORS",
    "Electric motors",
    [
      ["MOTORS-AC", "Three-phase motors"],
      ["MOTORS-EX", "Explosion-proof motors"],
    ],
  ],
  [
    "COMPR",
    "Compressors",
    [
      ["COMPR-SCREW", "Screw compressors"],
      ["COMPR-PISTON", "Piston compressors"],
    ],
  ],
  ["FANS", "Fans and blowers", [["FANS-RAD", "Radial fans"]]],
  ["GEAR", "Gearboxes", [["GEAR-HEL", "Helical gearboxes"]]],
  [
    "PARTS",
    "Pump spare parts",
    [
      ["PARTS-SEAL", "Mechanical seals"],
      ["PARTS-IMP", "Impellers"],
      ["PARTS-ORING", "O-rings and gaskets"],
      ["PARTS-WEAR", "Wear rings and sleeves"],
      ["PARTS-DIAPH", "Pump diaphragms"],
    ],
  ],
  [
    "BEARINGS",
    "Bearings",
    [
      ["BEAR-BALL", "Ball bearings"],
      ["BEAR-ROLL", "Roller bearings"],
    ],
  ],
  [
    "MOTP",
    "Motor spare parts",
    [
      ["MOTP-FAN", "Fans and fan covers"],
      ["MOTP-TB", "Terminal boxes"],
    ],
  ],
  [
    "FILT",
    "Filtration",
    [
      ["FILT-AIR", "Air filter elements"],
      ["FILT-OIL", "Oil filters and separators"],
      ["FILT-STR", "Strainers"],
    ],
  ],
  [
    "VALV",
    "Valves",
    [
      ["VALV-BALL", "Ball valves"],
      ["VALV-CHECK", "Check valves"],
      ["VALV-SAFE", "Safety valves"],
      ["VALV-SOL", "Solenoid valves"],
    ],
  ],
  [
    "FITT",
    "Fittings and couplings",
    [
      ["FITT-FLANGE", "Flanges"],
      ["FITT-THREAD", "Threaded fittings"],
      ["FITT-COUP", "Shaft couplings"],
    ],
  ],
  [
    "HOSE",
    "Hoses and clamps",
    [
      ["HOSE-IND", "Industrial hoses"],
      ["HOSE-CLAMP", "Hose clamps"],
    ],
  ],
  [
    "INST",
    "Instrumentation",
    [
      ["INST-PRESS", "Pressure transmitters"],
      ["INST-TEMP", "Temperature sensors"],
      ["INST-FLOW", "Flow meters"],
      ["INST-GAUGE", "Pressure gauges"],
    ],
  ],
  [
    "DRV",
    "Drives and controls",
    [
      ["DRV-VFD", "Frequency inverters"],
      ["DRV-SOFT", "Soft starters"],
      ["DRV-CABLE", "Cables"],
      ["DRV-CTRL", "Pump controllers"],
    ],
  ],
  [
    "FAST",
    "Fasteners",
    [
      ["FAST-BOLT", "Bolts and screws"],
      ["FAST-NUT", "Nuts and washers"],
    ],
  ],
  [
    "CHEM",
    "Lubricants and chemicals",
    [
      ["CHEM-LUB", "Lubricants"],
      ["CHEM-CLEAN", "Cleaners and additives"],
    ],
  ],
  ["KIT", "Service kits", [["KIT-SERV", "Service kits"]]],
];

export function buildCategories(): NonNullable<ImportDocument["categories"]> {
  const rows: NonNullable<ImportDocument["categories"]> = [];
  for (const [code, name, leaves] of CATEGORY_TREE) {
    rows.push({ code, name });
    for (const [leaf, leafName] of leaves) rows.push({ code: leaf, name: leafName, parent: code });
  }
  return rows;
}
