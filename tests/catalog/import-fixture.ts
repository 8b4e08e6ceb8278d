/** A small but complete import document (every section) shared by the importer tests. */
import type { ImportDocument } from "../../catalog/import/format.ts";

export function goodDocument(): ImportDocument {
  return {
    categories: [
      { code: "pumps", name: "Pumps" },
      { code: "seals", name: "Seals", parent: "pumps" },
      { code: "motors", name: "Motors" },
    ],
    machineModels: [
      { code: "CP-100", name: "Centrifugal pump CP 100", manufacturer: "Acme", category: "pumps", features: { voltage: 400 } },
      { code: "CP-200", name: "Centrifugal pump CP 200" },
    ],
    configModels: [
      {
        id: "cfg-cp",
        name: "CP pump configuration",
        groups: [
          { code: "voltage", label: "Voltage", default: "230", options: [{ value: "230", label: "230 V" }, { value: "400", label: "400 V" }] },
          {
            code: "seal",
            label: "Seal material",
            default: "epdm",
            options: [{ value: "epdm", label: "EPDM" }, { value: "fkm", label: "FKM", priceDeltaCents: 2500 }],
          },
          { code: "atex", label: "ATEX", min: 0, max: 1, options: [{ value: "yes", label: "ATEX zone 2" }] },
        ],
        constraints: [{ kind: "requires", if: { group: "atex", value: "yes" }, then: { group: "seal", value: "fkm" } }],
      },
    ],
    products: [
      {
        sku: "CP-100-CFG",
        name: "CP 100 pump, configurable",
        category: "pumps",
        listPriceCents: 120000,
        configModel: "cfg-cp",
        machineModel: "CP-100",
        features: { voltage: 400, power: { value: 1.5, unit: "kW" }, atex: false, connections: ["DN50", "G1"], material: "cast iron" },
      },
      { sku: "SEAL-EPDM-32", name: "Mechanical seal EPDM 32 mm", category: "seals", listPriceCents: 4500, features: { material: "EPDM", temperatureRating: 120 } },
      { sku: "SEAL-FKM-32", name: "Mechanical seal FKM 32 mm", category: "seals", listPriceCents: 6900, hazardous: false },
      {
        sku: "ORING-BOX",
        name: "O-ring set, box of 50",
        category: "seals",
        listPriceCents: 1900,
        orderUnit: "BOX",
        contentUnit: "PCE",
        contentQty: 50,
        moq: 2,
        orderStep: 2,
        maxQty: 100,
        blockedRegions: ["us"],
      },
      { sku: "SEAL-OLD-32", name: "Seal (old)", category: "seals", listPriceCents: 3000, lifecycle: "discontinued", successor: "SEAL-EPDM-32" },
      { sku: "MOTOR-1K5", name: "Motor 1.5 kW", category: "motors", listPriceCents: 35000, requiresCertification: "atex" },
    ],
    relations: [
      { sku: "CP-100-CFG", type: "sparepart", target: "SEAL-EPDM-32" },
      { sku: "SEAL-EPDM-32", type: "mandatory", target: "ORING-BOX", quantity: 1 },
      { sku: "SEAL-OLD-32", type: "followup", target: "SEAL-EPDM-32" },
    ],
    fitment: [
      { part: "SEAL-EPDM-32", machineModel: "CP-100" },
      { part: "SEAL-FKM-32", machineModel: "CP-100", serialFrom: "A1000", serialTo: "A4999", note: "from 2019" },
    ],
    rules: [
      { code: "compat.voltage_mismatch", scope: "machine", feature: "voltage", operator: "eq", otherKey: "voltage", message: "Voltage must match" },
      {
        code: "compat.temperature_rating",
        scope: "machine",
        category: "seals",
        feature: "temperatureRating",
        operator: "gte",
        otherKey: "mediumTemperature",
        message: "Seal not rated for the medium temperature",
      },
    ],
    mediaCompat: [{ material: "EPDM", medium: "mineral oil", rating: "no" }],
    warehouses: [
      { code: "HAM", name: "Hamburg", region: "north" },
      { code: "MUC", name: "Munich", region: "south", shipDaysLocal: 1, shipDaysRemote: 2 },
    ],
    stock: [
      { sku: "SEAL-EPDM-32", warehouse: "HAM", onHand: 40, reserved: 5 },
      { sku: "SEAL-EPDM-32", warehouse: "MUC", onHand: 3 },
      { sku: "ORING-BOX", warehouse: "HAM", onHand: 100 },
    ],
    inbound: [{ sku: "SEAL-FKM-32", warehouse: "HAM", quantity: 20, eta: "2026-12-15", reference: "PO-1" }],
    allocations: [{ sku: "SEAL-EPDM-32", protectedQty: 10, forTier: "platinum" }],
    priceLists: [{ id: "PL-STD", name: "Standard" }],
    prices: [
      { priceList: "PL-STD", sku: "SEAL-EPDM-32", priceCents: 4300 },
      { priceList: "PL-STD", sku: "SEAL-EPDM-32", minQty: 10, priceCents: 3900 },
    ],
    customers: [
      {
        id: "C-ACME",
        name: "Acme Water",
        tier: "gold",
        priceList: "PL-STD",
        creditLimitCents: 5_000_000,
        openBalanceCents: 1_000_000,
        region: "north",
        certifications: ["atex"],
        shipTos: [
          { id: "ST-ACME-1", label: "Plant 1", street: "Kai 1", postalCode: "20457", city: "Hamburg", country: "DE", region: "north", isDefault: true },
          { id: "ST-ACME-2", label: "Plant 2", street: "Weg 2", postalCode: "80331", city: "Munich", country: "DE", region: "south" },
        ],
        contacts: [{ id: "K-ACME-1", name: "Jo Buyer", email: "jo@acme.example", role: "maintenance" }],
      },
      { id: "C-BLOCK", name: "Blocked GmbH", tier: "bronze", creditLimitCents: 0, blocked: true, blockedReason: "overdue", region: "south" },
    ],
    contractPrices: [
      { customer: "C-ACME", sku: "SEAL-EPDM-32", priceCents: 3500, validFrom: "2025-01-01", validTo: "2027-12-31" },
      { customer: "C-ACME", sku: "SEAL-FKM-32", priceCents: 5000, validFrom: "2023-01-01", validTo: "2024-12-31" },
    ],
    machines: [
      {
        id: "M-ACME-1",
        customer: "C-ACME",
        model: "CP-100",
        serial: "A2001",
        label: "Pump 2",
        site: "Plant 1",
        installedAt: "2020-05-01",
        operatingData: { medium: "water", mediumTemperature: 80, systemPressure: 10 },
        components: ["SEAL-EPDM-32"],
      },
    ],
    orderHistory: [
      {
        id: "H-1",
        customer: "C-ACME",
        orderedAt: "2025-06-01",
        reference: "PO-4711",
        lines: [
          { sku: "SEAL-EPDM-32", quantity: 2, unitPriceCents: 3500, machine: "M-ACME-1" },
          { sku: "ORING-BOX", quantity: 2 },
        ],
      },
    ],
    policy: [{ maxOrderValueCents: 2_000_000, maxDiscountPct: 10, maxCreditOverrunCents: 500_000, minOrderValueCents: 5000 }],
  };
}

/** Every catalog table the importer writes, with its row count: "nothing changed" means these are equal. */
export const IMPORTED_TABLES = [
  "categories", "machine_models", "config_models", "config_groups", "config_options", "config_constraints", "products",
  "product_features", "product_relations", "fitment", "compat_rules", "media_compat", "warehouses", "stock",
  "stock_inbound", "allocation_rules", "price_lists", "price_list_items", "customers", "ship_tos", "contacts",
  "contract_prices", "machines", "order_history", "order_history_lines", "approval_policies",
] as const;
