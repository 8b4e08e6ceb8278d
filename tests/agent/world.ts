/**
 * A small, explicit world for the graph tests: two customers (so leaks are visible), a plain part, a scarce part,
 * a discontinued part with a successor, a configurable pump, and a policy with an approval threshold.
 */
import type { Db } from "../../catalog/db.ts";
import * as t from "../../catalog/schema.ts";

export const NOW = new Date("2026-03-02T09:00:00Z");
export const BUYER = { customerId: "C-ACME", contactId: "P-ANNA", channel: "widget" } as const;
export const OTHER = { customerId: "C-RIVAL", contactId: "P-ROB", channel: "widget" } as const;
export const REP = { customerId: "C-ACME", contactId: "REP-SAM", channel: "rep" } as const;
/** Anna's colleague at the same customer. */
export const COLLEAGUE = { customerId: "C-ACME", contactId: "P-OTTO", channel: "widget" } as const;

/** Strings that belong to the other customer only: none may ever appear in BUYER's tool output. */
export const RIVAL_SECRETS = [
  "C-RIVAL",
  "Rival Industries",
  "M-RIVAL-1",
  "SN-RIVAL-77",
  "Rival press line",
  "ST-RIVAL",
  "Rivalstrasse",
  "H-RIVAL-1",
  "PO-RIVAL",
  "98765",
];

export function seedAgentWorld(db: Db): void {
  db.insert(t.categories)
    .values([
      { code: "seals", name: "Seals" },
      { code: "pumps", name: "Pumps" },
    ])
    .run();
  db.insert(t.warehouses).values({ code: "W1", name: "Main", region: "DE" }).run();
  db.insert(t.machineModels)
    .values({ code: "MM-1", name: "Press 1", features: { voltage: 400 } })
    .run();
  db.insert(t.configModels).values({ id: "CFG-PUMP", name: "Pump config" }).run();
  db.insert(t.products)
    .values([
      { sku: "SEAL-1", name: "Shaft seal 32", category: "seals", listPriceCents: 1200 },
      { sku: "SCARCE-1", name: "Rare bearing", category: "seals", listPriceCents: 5000, leadTimeDays: 60 },
      {
        sku: "OLD-1",
        name: "Old seal",
        category: "seals",
        listPriceCents: 900,
        lifecycle: "discontinued",
        successorSku: "SEAL-1",
      },
      { sku: "PUMP-1", name: "Process pump", category: "pumps", listPriceCents: 250_000, configModelId: "CFG-PUMP" },
      { sku: "BIG-1", name: "Big gearbox", category: "pumps", listPriceCents: 900_000 },
    ])
    .run();
  db.insert(t.configGroups)
    .values([
      { modelId: "CFG-PUMP", code: "voltage", label: "Voltage", position: 0 },
      { modelId: "CFG-PUMP", code: "seal", label: "Seal material", position: 1 },
    ])
    .run();
  db.insert(t.configOptions)
    .values([
      { modelId: "CFG-PUMP", groupCode: "voltage", value: "230V", label: "230 V" },
      { modelId: "CFG-PUMP", groupCode: "voltage", value: "400V", label: "400 V" },
      { modelId: "CFG-PUMP", groupCode: "seal", value: "FKM", label: "FKM" },
      { modelId: "CFG-PUMP", groupCode: "seal", value: "EPDM", label: "EPDM" },
    ])
    .run();
  db.insert(t.configConstraints)
    .values({
      modelId: "CFG-PUMP",
      kind: "excludes",
      ifGroup: "voltage",
      ifValue: "230V",
      thenGroup: "seal",
      thenValue: "FKM",
    })
    .run();
  db.insert(t.stock)
    .values([
      { sku: "SEAL-1", warehouse: "W1", onHand: 500 },
      { sku: "SCARCE-1", warehouse: "W1", onHand: 3 },
      { sku: "PUMP-1", warehouse: "W1", onHand: 5 },
      { sku: "BIG-1", warehouse: "W1", onHand: 5 },
    ])
    .run();
  db.insert(t.customers)
    .values([
      {
        id: "C-ACME",
        name: "Acme Pumps GmbH",
        tier: "gold",
        region: "DE",
        creditLimitCents: 5_000_000,
        partialShipment: false,
      },
      { id: "C-RIVAL", name: "Rival Industries", tier: "gold", region: "DE", creditLimitCents: 5_000_000 },
    ])
    .run();
  db.insert(t.contacts)
    .values([
      { id: "P-ANNA", customerId: "C-ACME", name: "Anna", email: "anna@acme.test" },
      { id: "P-OTTO", customerId: "C-ACME", name: "Otto", email: "otto@acme.test" },
      { id: "P-ROB", customerId: "C-RIVAL", name: "Rob", email: "rob@rival.test" },
    ])
    .run();
  db.insert(t.shipTos)
    .values([
      {
        id: "ST-ACME",
        customerId: "C-ACME",
        label: "Plant",
        street: "Werkstr. 1",
        postalCode: "10115",
        city: "Berlin",
        country: "DE",
        region: "DE",
        isDefault: true,
      },
      {
        id: "ST-RIVAL",
        customerId: "C-RIVAL",
        label: "Rival plant",
        street: "Rivalstrasse 9",
        postalCode: "20095",
        city: "Hamburg",
        country: "DE",
        region: "DE",
        isDefault: true,
      },
    ])
    .run();
  db.insert(t.machines)
    .values([
      {
        id: "M-ACME-1",
        customerId: "C-ACME",
        model: "MM-1",
        serial: "SN-100",
        label: "Press 2 hall B",
        operatingData: { voltage: 400 },
      },
      {
        id: "M-RIVAL-1",
        customerId: "C-RIVAL",
        model: "MM-1",
        serial: "SN-RIVAL-77",
        label: "Rival press line",
        operatingData: { voltage: 400 },
      },
    ])
    .run();
  db.insert(t.contractPrices)
    .values({ customerId: "C-RIVAL", sku: "SEAL-1", priceCents: 98765, validFrom: "2020-01-01" })
    .run();
  db.insert(t.orderHistory)
    .values([
      { id: "H-ACME-1", customerId: "C-ACME", orderedAt: "2025-10-01", reference: "PO-ACME" },
      { id: "H-RIVAL-1", customerId: "C-RIVAL", orderedAt: "2025-10-02", reference: "PO-RIVAL" },
    ])
    .run();
  db.insert(t.orderHistoryLines)
    .values([
      { orderId: "H-ACME-1", lineNo: 1, sku: "SEAL-1", quantity: 4, unitPriceCents: 1200, machineId: "M-ACME-1" },
      { orderId: "H-RIVAL-1", lineNo: 1, sku: "SEAL-1", quantity: 9, unitPriceCents: 98765, machineId: "M-RIVAL-1" },
    ])
    .run();
  db.insert(t.approvalPolicies)
    .values({
      id: "default",
      maxOrderValueCents: 1_000_000,
      maxDiscountPct: 5,
      maxCreditOverrunCents: 100_000,
      minOrderValueCents: 0,
    })
    .run();
}
