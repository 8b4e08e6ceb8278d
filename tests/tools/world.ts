/**
 * A small, hand-written catalog in the import format where every check has an exact case, so each issue code
 * can be triggered on purpose (the demo world is tested too, in demo.test.ts). Loaded through the real importer.
 */
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, DraftLine, Fix, ValidationReport } from "../../tools/types.ts";

export const NOW = new Date("2026-03-02T09:00:00Z");

const product = (sku: string, category: string, listPriceCents: number, extra: Record<string, unknown> = {}) => ({
  sku,
  name: `${sku} ${category}`,
  category,
  listPriceCents,
  ...extra,
});

export const WORLD: ImportDocument = {
  categories: ["pumps", "seals", "motors", "filters", "couplings", "chemicals"].map((code) => ({ code, name: code })),
  machineModels: [
    { code: "CX200", name: "CX 200 pump", features: { voltage: 400, phase: 3 } },
    { code: "CX300", name: "CX 300 pump", features: { voltage: 230, phase: 1 } },
  ],
  configModels: [
    {
      id: "PUMP-CFG",
      name: "CX pump",
      groups: [
        {
          code: "voltage",
          label: "Voltage",
          options: [
            { value: "230V", label: "230 V" },
            { value: "400V", label: "400 V" },
          ],
        },
        {
          code: "seal",
          label: "Seal",
          default: "NBR",
          options: [
            { value: "NBR", label: "NBR" },
            { value: "FKM", label: "FKM", priceDeltaCents: 4000 },
            { value: "EPDM", label: "EPDM" },
          ],
        },
        {
          code: "flange",
          label: "Flange",
          options: [
            { value: "DN50", label: "DN50" },
            { value: "DN65", label: "DN65" },
          ],
        },
        {
          code: "atex",
          label: "ATEX",
          min: 0,
          max: 1,
          options: [{ value: "ATEX", label: "ATEX zone 1", priceDeltaCents: 25000 }],
        },
        {
          code: "extras",
          label: "Extras",
          min: 0,
          max: 2,
          options: [
            { value: "heater", label: "Heater" },
            { value: "sensor", label: "Sensor" },
            { value: "display", label: "Display" },
          ],
        },
      ],
      constraints: [
        { kind: "requires", if: { group: "atex", value: "ATEX" }, then: { group: "seal", value: "FKM" } },
        { kind: "excludes", if: { group: "voltage", value: "230V" }, then: { group: "flange", value: "DN65" } },
        { kind: "excludes", if: { group: "atex", value: "ATEX" }, then: { group: "extras", value: "display" } },
        { kind: "requires", if: { group: "extras", value: "heater" }, then: { group: "atex", value: "ATEX" } },
      ],
    },
  ],
  products: [
    product("PUMP-CX200", "pumps", 150000, { configModel: "PUMP-CFG", machineModel: "CX200", leadTimeDays: 20 }),
    product("SEAL-100", "seals", 2500, { features: { material: "NBR", tempRating: 80 } }),
    product("SEAL-200", "seals", 3500, { features: { material: "FKM", tempRating: 150 } }),
    product("SEAL-300", "seals", 3900, { features: { material: "FKM", tempRating: 150 } }),
    product("SEAL-110", "seals", 2600, { features: { material: "NBR", tempRating: 80 } }),
    product("SEAL-120", "seals", 2700, { features: { material: "NBR", tempRating: 200 } }),
    product("SEAL-OLD", "seals", 2000, { lifecycle: "discontinued", successor: "SEAL-100" }),
    product("SEAL-INACT", "seals", 2000, { lifecycle: "inactive" }),
    product("MOTOR-230", "motors", 40000, { features: { voltage: 230, shaft: "24mm" } }),
    product("MOTOR-400", "motors", 42000, { features: { voltage: 400, shaft: "28mm" } }),
    product("COUPLING-24", "couplings", 5000, { features: { shaft: "24mm" } }),
    product("COUPLING-A", "couplings", 5000),
    product("COUPLING-BOLTS", "couplings", 300, { orderUnit: "SET" }),
    product("FILTER-BOX", "filters", 1200, {
      orderUnit: "BOX",
      contentUnit: "PCE",
      contentQty: 10,
      moq: 2,
      orderStep: 2,
      maxQty: 20,
    }),
    product("ATEX-KIT", "seals", 9000, { requiresCertification: "atex" }),
    product("ACID-X", "chemicals", 800, { hazardous: true, blockedRegions: ["north"] }),
    product("SCARCE-1", "filters", 1000, { leadTimeDays: 30 }),
    product("PROTECTED-1", "filters", 1000, { leadTimeDays: 40 }),
    product("SLOW-PO-1", "filters", 1000, { leadTimeDays: 10 }),
    product("DISC-LAST", "filters", 700, { lifecycle: "discontinued" }),
    product("USD-1", "filters", 700, { currency: "USD" }),
    product("BIG-1", "pumps", 400000),
  ],
  relations: [{ sku: "COUPLING-A", type: "mandatory", target: "COUPLING-BOLTS", quantity: 2 }],
  fitment: [
    { part: "SEAL-100", machineModel: "CX200", serialFrom: "1000", serialTo: "1999" },
    { part: "SEAL-200", machineModel: "CX200", serialFrom: "2000", serialTo: "2999" },
    { part: "SEAL-200", machineModel: "CX300" },
    { part: "SEAL-300", machineModel: "CX200" },
    { part: "SEAL-110", machineModel: "CX200" },
    { part: "SEAL-120", machineModel: "CX300" },
    { part: "SEAL-300", machineModel: "CX300" },
  ],
  rules: [
    {
      code: "compat.voltage_mismatch",
      scope: "machine",
      category: "motors",
      feature: "voltage",
      operator: "eq",
      otherKey: "voltage",
      message: "Motor voltage must match the machine supply",
    },
    {
      code: "compat.temperature_rating",
      scope: "machine",
      category: "seals",
      feature: "tempRating",
      operator: "gte",
      otherKey: "mediumTemperature",
      message: "Seal temperature rating must cover the medium temperature",
    },
    {
      code: "compat.material_medium",
      scope: "machine",
      category: "seals",
      feature: "material",
      operator: "medium_compatible",
      otherKey: "medium",
      message: "Seal material is not resistant to the medium",
    },
    {
      code: "compat.shaft_mismatch",
      scope: "line",
      category: "couplings",
      feature: "shaft",
      operator: "eq",
      otherKey: "shaft",
      otherCategory: "motors",
      message: "Coupling bore must match the motor shaft",
    },
  ],
  mediaCompat: [
    { material: "NBR", medium: "water", rating: "ok" },
    { material: "FKM", medium: "water", rating: "ok" },
    { material: "NBR", medium: "acid", rating: "no" },
    { material: "FKM", medium: "acid", rating: "ok" },
  ],
  warehouses: [
    { code: "WH-N", name: "North", region: "north", shipDaysLocal: 1, shipDaysRemote: 3 },
    { code: "WH-S", name: "South", region: "south", shipDaysLocal: 1, shipDaysRemote: 4 },
  ],
  stock: [
    ...[
      "PUMP-CX200",
      "SEAL-100",
      "SEAL-110",
      "SEAL-120",
      "SEAL-200",
      "SEAL-300",
      "MOTOR-230",
      "MOTOR-400",
      "COUPLING-24",
      "COUPLING-A",
      "COUPLING-BOLTS",
      "FILTER-BOX",
      "ATEX-KIT",
      "ACID-X",
      "USD-1",
      "SEAL-INACT",
    ].map((sku) => ({ sku, warehouse: "WH-N", onHand: 100, reserved: 0 })),
    { sku: "BIG-1", warehouse: "WH-N", onHand: 5 },
    { sku: "SCARCE-1", warehouse: "WH-N", onHand: 5, reserved: 1 },
    { sku: "SCARCE-1", warehouse: "WH-S", onHand: 2 },
    { sku: "PROTECTED-1", warehouse: "WH-N", onHand: 10 },
    { sku: "DISC-LAST", warehouse: "WH-S", onHand: 3 },
  ],
  inbound: [
    { sku: "SCARCE-1", warehouse: "WH-N", quantity: 10, eta: "2026-03-12" },
    // A late purchase order: the supplier's lead time (10 days) beats it.
    { sku: "SLOW-PO-1", warehouse: "WH-N", quantity: 50, eta: "2026-06-30" },
  ],
  allocations: [{ sku: "PROTECTED-1", protectedQty: 8, forTier: "platinum" }],
  priceLists: [{ id: "PL-STD", name: "Standard" }],
  prices: [
    { priceList: "PL-STD", sku: "SEAL-100", minQty: 1, priceCents: 2300 },
    { priceList: "PL-STD", sku: "SEAL-100", minQty: 10, priceCents: 2000 },
    { priceList: "PL-STD", sku: "SEAL-200", minQty: 1, priceCents: 3300 },
  ],
  customers: [
    {
      id: "C-GOLD",
      name: "Gold Works",
      tier: "gold",
      priceList: "PL-STD",
      creditLimitCents: 2_000_000,
      openBalanceCents: 100_000,
      region: "north",
      partialShipment: true,
      shipTos: [
        {
          id: "ST-N",
          label: "Plant North",
          street: "1 Main",
          postalCode: "1000",
          city: "Northtown",
          country: "DE",
          region: "north",
          isDefault: true,
        },
        {
          id: "ST-S",
          label: "Plant South",
          street: "2 Main",
          postalCode: "2000",
          city: "Southtown",
          country: "DE",
          region: "south",
        },
      ],
    },
    {
      id: "C-PLAT",
      name: "Platinum AG",
      tier: "platinum",
      creditLimitCents: 5_000_000,
      region: "north",
      certifications: ["atex"],
    },
    {
      id: "C-WHOLE",
      name: "Whole Only",
      tier: "silver",
      creditLimitCents: 1_000_000,
      region: "north",
      partialShipment: false,
    },
    {
      id: "C-NEAR",
      name: "Near Limit",
      tier: "silver",
      creditLimitCents: 100_000,
      openBalanceCents: 95_000,
      region: "north",
    },
    {
      id: "C-BLOCKED",
      name: "Blocked Ltd",
      tier: "bronze",
      creditLimitCents: 100_000,
      region: "north",
      blocked: true,
      blockedReason: "overdue invoices",
    },
    { id: "C-PRE", name: "Prepay Co", tier: "bronze", creditLimitCents: 0, region: "north", paymentTerms: "PREPAID" },
  ],
  contractPrices: [
    {
      customer: "C-GOLD",
      sku: "SEAL-100",
      minQty: 1,
      priceCents: 1900,
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
    },
    { customer: "C-GOLD", sku: "SEAL-100", minQty: 50, priceCents: 1700, validFrom: "2026-01-01" },
    {
      customer: "C-GOLD",
      sku: "SEAL-200",
      minQty: 1,
      priceCents: 2900,
      validFrom: "2025-01-01",
      validTo: "2025-12-31",
    },
  ],
  machines: [
    {
      id: "M1",
      customer: "C-GOLD",
      model: "CX200",
      serial: "1500",
      label: "Pump 1",
      operatingData: { medium: "water", mediumTemperature: 70 },
    },
    {
      id: "M2",
      customer: "C-GOLD",
      model: "CX300",
      serial: "5000",
      label: "Pump 2",
      operatingData: { medium: "acid", mediumTemperature: 60 },
    },
    {
      id: "M3",
      customer: "C-GOLD",
      model: "CX200",
      serial: "2500",
      label: "Pump 3",
      operatingData: { medium: "water", mediumTemperature: 120 },
      components: ["COUPLING-BOLTS"],
    },
  ],
  policy: [
    {
      id: "default",
      maxOrderValueCents: 500_000,
      maxDiscountPct: 10,
      maxCreditOverrunCents: 20_000,
      minOrderValueCents: 1_000,
    },
  ],
};

export function openWorld(doc: ImportDocument = WORLD): Db {
  const db = openDatabase(":memory:");
  importCatalog(db, doc);
  return db;
}

let shared: Db | undefined;
/** One read-only world per test worker, shared by its files (tests that write open their own: `openWorld()`). */
export function world(): Db {
  return (shared ??= openWorld());
}

export function validate(draft: Draft, customerId = "C-GOLD", db: Db = world(), now = NOW): ValidationReport {
  return validateDraft(draft, { customerId, now, data: createCatalogReader(db) });
}

export function line(sku: string, quantity: number, extra: Partial<DraftLine> = {}): DraftLine {
  return { lineId: extra.lineId ?? "1", sku, quantity, ...extra };
}

/** What the agent does with a fix: the draft after applying it. */
export function applyFix(draft: Draft, fix: Fix): Draft {
  const lines = draft.lines.map((l) => ({ ...l, options: l.options ? { ...l.options } : undefined }));
  const at = (id: string) => lines.find((l) => l.lineId === id);
  switch (fix.kind) {
    case "replace_sku": {
      // As update_line does: another product drops the old one's options, or takes the ones the fix carries (a
      // configurable product configured like the line's stock product).
      const l = at(fix.lineId);
      if (l) {
        l.sku = fix.sku;
        l.options = fix.options ? { ...fix.options } : undefined;
      }
      break;
    }
    case "set_quantity": {
      const l = at(fix.lineId);
      if (l) {
        l.quantity = fix.quantity;
        if (fix.unit) l.unit = fix.unit;
      }
      break;
    }
    case "set_option": {
      const l = at(fix.lineId);
      if (l) {
        const options = { ...(l.options ?? {}) };
        if (fix.values.length === 0) delete options[fix.group];
        else options[fix.group] = fix.values;
        l.options = options;
      }
      break;
    }
    case "add_line": {
      let n = lines.length + 1;
      while (lines.some((l) => l.lineId === `L${n}`)) n++;
      lines.push({
        lineId: `L${n}`,
        sku: fix.sku,
        quantity: fix.quantity,
        ...(fix.machineId ? { machineId: fix.machineId } : {}),
        options: undefined,
      });
      break;
    }
    case "remove_line":
      return { ...draft, lines: lines.filter((l) => l.lineId !== fix.lineId).map(clean) };
    case "set_machine": {
      const l = at(fix.lineId);
      if (l) l.machineId = fix.machineId;
      break;
    }
    case "set_requested_date": {
      if (fix.lineId) {
        const l = at(fix.lineId);
        if (l) l.requestedDate = fix.date;
      } else return { ...draft, lines: lines.map(clean), requestedDate: fix.date };
      break;
    }
    case "set_ship_to":
      return { ...draft, lines: lines.map(clean), shipToId: fix.shipToId };
    case "accept_split":
      break;
  }
  return { ...draft, lines: lines.map(clean) };
}

function clean(l: DraftLine & { options?: Record<string, string[]> | undefined }): DraftLine {
  const out = { ...l };
  if (out.options === undefined) delete out.options;
  return out;
}

export const codes = (r: ValidationReport, lineId?: string): string[] =>
  lineId === undefined
    ? [...r.issues, ...r.lines.flatMap((l) => l.issues)].map((i) => i.code)
    : (r.lines.find((l) => l.lineId === lineId)?.issues ?? []).map((i) => i.code);

export const find = (r: ValidationReport, code: string) =>
  [...r.issues, ...r.lines.flatMap((l) => l.issues)].find((i) => i.code === code);
