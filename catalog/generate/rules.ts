/** Compatibility rules and the material × medium matrix: the same vocabulary the machine models and parts use. */
import type { ImportDocument } from "../import/format.ts";
import { MATERIALS, MEDIA, mediumRating } from "./vocabulary.ts";

export const COMPAT_RULES: NonNullable<ImportDocument["rules"]> = [
  {
    code: "compat.voltage_mismatch",
    scope: "machine",
    feature: "voltage",
    operator: "eq",
    otherKey: "voltage",
    severity: "block",
    message: "The product's voltage does not match the machine's supply voltage.",
  },
  {
    code: "compat.phase_mismatch",
    scope: "machine",
    feature: "phase",
    operator: "eq",
    otherKey: "phase",
    severity: "block",
    message: "Single-phase and three-phase equipment cannot be mixed.",
  },
  {
    code: "compat.frequency_mismatch",
    scope: "machine",
    feature: "frequency",
    operator: "eq",
    otherKey: "frequency",
    severity: "warn",
    message: "The product is rated for a different mains frequency than the machine.",
  },
  {
    code: "compat.pressure_rating_too_low",
    scope: "machine",
    feature: "pressureRating",
    operator: "gte",
    otherKey: "systemPressure",
    severity: "block",
    message: "The product's pressure rating is below the machine's system pressure.",
  },
  {
    code: "compat.temperature_rating_too_low",
    scope: "machine",
    feature: "tempRating",
    operator: "gte",
    otherKey: "mediumTemperature",
    severity: "block",
    message: "The product's temperature rating is below the medium temperature.",
  },
  {
    code: "compat.material_medium",
    scope: "machine",
    feature: "material",
    operator: "medium_compatible",
    otherKey: "medium",
    severity: "block",
    message: "The material is not resistant to the pumped medium.",
  },
  {
    code: "compat.shaft_diameter_mismatch",
    scope: "machine",
    category: "PARTS-SEAL",
    feature: "shaftDiameter",
    operator: "eq",
    otherKey: "shaftDiameter",
    severity: "block",
    message: "The seal does not fit the machine's shaft diameter.",
  },
  {
    code: "compat.coupling_bore_mismatch",
    scope: "machine",
    category: "FITT-COUP",
    feature: "shaftDiameter",
    operator: "eq",
    otherKey: "shaftDiameter",
    severity: "block",
    message: "The coupling bore does not match the machine's shaft.",
  },
  {
    code: "compat.connection_mismatch",
    scope: "machine",
    category: "VALV-CHECK",
    feature: "connection",
    operator: "eq",
    otherKey: "connection",
    severity: "block",
    message: "The valve's connection size differs from the machine's.",
  },
  {
    code: "compat.strainer_connection_mismatch",
    scope: "machine",
    category: "FILT-STR",
    feature: "connection",
    operator: "eq",
    otherKey: "connection",
    severity: "warn",
    message: "The strainer's connection size differs from the machine's.",
  },
  {
    code: "compat.drive_power_too_low",
    scope: "line",
    category: "DRV-VFD",
    feature: "power",
    operator: "gte",
    otherKey: "power",
    otherCategory: "MOTORS-AC",
    severity: "block",
    message: "The inverter is smaller than the motor in the same order.",
  },
  {
    code: "compat.drive_voltage_mismatch",
    scope: "line",
    category: "DRV-VFD",
    feature: "voltage",
    operator: "eq",
    otherKey: "voltage",
    otherCategory: "MOTORS-AC",
    severity: "block",
    message: "The inverter's voltage differs from the motor in the same order.",
  },
  {
    code: "compat.flange_pressure_class",
    scope: "line",
    category: "FITT-FLANGE",
    feature: "pressureRating",
    operator: "gte",
    otherKey: "pressureRating",
    otherCategory: "VALV-CHECK",
    severity: "warn",
    message: "The flange's pressure class is below the valve's in the same order.",
  },
];

/** The matrix over every material the catalog uses (`used`) plus the standard ones. */
export function buildMediaCompat(used: Iterable<string> = []): NonNullable<ImportDocument["mediaCompat"]> {
  const rows: NonNullable<ImportDocument["mediaCompat"]> = [];
  const materials = [...new Set<string>([...MATERIALS, ...used])];
  for (const material of materials)
    for (const medium of MEDIA) rows.push({ material, medium, rating: mediumRating(material, medium) });
  return rows;
}
