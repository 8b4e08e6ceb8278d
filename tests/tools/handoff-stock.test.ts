/**
 * Stock holds written by the hand-off: on-hand holds reduce the warehouse's stock, inbound holds reduce the
 * delivery they come with — so neither is promised twice, over any sequence of checkouts.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { NOW, openWorld } from "./world.ts";

const SKUS = ["VALVE-A", "VALVE-B", "VALVE-LAST"] as const;
const CUSTOMERS = ["C-SPLIT", "C-WHOLE", "C-GOLD"] as const;

const STOCK_WORLD: ImportDocument = {
  categories: [{ code: "valves", name: "Valves" }],
  products: [
    { sku: "VALVE-A", name: "Valve A", category: "valves", listPriceCents: 1000, leadTimeDays: 60 },
    { sku: "VALVE-B", name: "Valve B", category: "valves", listPriceCents: 1500, leadTimeDays: 90 },
    // Far-off supplier lead time: on hand and inbound come first.
    { sku: "VALVE-LAST", name: "Valve last", category: "valves", listPriceCents: 900, leadTimeDays: 200 },
  ],
  warehouses: [
    { code: "WH-N", name: "North", region: "north", shipDaysLocal: 1, shipDaysRemote: 3 },
    { code: "WH-S", name: "South", region: "south", shipDaysLocal: 1, shipDaysRemote: 4 },
  ],
  stock: [
    { sku: "VALVE-A", warehouse: "WH-N", onHand: 6, reserved: 2 },
    { sku: "VALVE-A", warehouse: "WH-S", onHand: 3 },
    { sku: "VALVE-B", warehouse: "WH-S", onHand: 2, reserved: 2 },
    { sku: "VALVE-LAST", warehouse: "WH-N", onHand: 4, reserved: 1 },
  ],
  inbound: [
    { sku: "VALVE-A", warehouse: "WH-N", quantity: 5, eta: "2026-03-10", reference: "PO-1" },
    { sku: "VALVE-A", warehouse: "WH-S", quantity: 4, eta: "2026-03-20", reference: "PO-2" },
    { sku: "VALVE-B", warehouse: "WH-N", quantity: 7, eta: "2026-03-15", reference: "PO-3" },
    { sku: "VALVE-LAST", warehouse: "WH-N", quantity: 3, eta: "2026-03-09", reference: "PO-4" },
    { sku: "VALVE-LAST", warehouse: "WH-S", quantity: 2, eta: "2026-03-25", reference: "PO-5" },
  ],
  allocations: [{ sku: "VALVE-A", warehouse: "WH-S", protectedQty: 2, forTier: "gold" }],
  customers: [
    {
      id: "C-SPLIT",
      name: "Split",
      tier: "silver",
      creditLimitCents: 100_000_000,
      region: "north",
      partialShipment: true,
    },
    {
      id: "C-WHOLE",
      name: "Whole",
      tier: "silver",
      creditLimitCents: 100_000_000,
      region: "south",
      partialShipment: false,
    },
    { id: "C-GOLD", name: "Gold", tier: "gold", creditLimitCents: 100_000_000, region: "north", partialShipment: true },
  ],
  policy: [
    {
      id: "default",
      maxOrderValueCents: 100_000_000,
      maxDiscountPct: 10,
      maxCreditOverrunCents: 0,
      minOrderValueCents: 0,
    },
  ],
};

type Db = ReturnType<typeof openWorld>;

/** The invariant, read straight from the tables: no stock and no inbound delivery is held beyond what exists. */
function overHeld(db: Db): unknown[] {
  const s = db.$client;
  const onHand = s
    .prepare(
      `SELECT st.sku, st.warehouse, st.on_hand - st.reserved AS free, COALESCE(SUM(r.quantity), 0) AS held
       FROM stock st LEFT JOIN reservations r ON r.sku = st.sku AND r.warehouse = st.warehouse AND r.source = 'on_hand'
       GROUP BY st.sku, st.warehouse HAVING held > free + 1e-9`,
    )
    .all();
  const inbound = s
    .prepare(
      `SELECT i.id, i.sku, i.quantity, COALESCE(SUM(r.quantity), 0) AS held
       FROM stock_inbound i LEFT JOIN reservations r ON r.inbound_id = i.id
       GROUP BY i.id HAVING held > i.quantity + 1e-9`,
    )
    .all();
  // Every hold names a source that exists: on-hand stock in a warehouse holding the SKU, or an inbound row of the same SKU and warehouse.
  const orphans = s
    .prepare(
      `SELECT r.* FROM reservations r WHERE
         (r.source = 'on_hand' AND (r.inbound_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM stock st WHERE st.sku = r.sku AND st.warehouse = r.warehouse)))
         OR (r.source = 'inbound' AND NOT EXISTS (SELECT 1 FROM stock_inbound i WHERE i.id = r.inbound_id AND i.sku = r.sku AND i.warehouse = r.warehouse))`,
    )
    .all();
  return [...onHand, ...inbound, ...orphans];
}

function place(db: Db, threadId: string, customerId: string, draft: Draft) {
  return handOff(db, { threadId, draft, confirmedHash: hashDraft(draft), customerId, channel: "test", now: NOW });
}

describe("hand-off stock holds", () => {
  test("an inbound delivery promised to one order is not promised again", () => {
    const db = openWorld(STOCK_WORLD);
    const draft: Draft = { lines: [{ lineId: "L1", sku: "VALVE-LAST", quantity: 3 }] };
    // 3 free on hand in WH-N, then PO-4 (3, WH-N), then PO-5 (2, WH-S), then only the supplier's lead time.
    const placed = ["t1", "t2", "t3", "t4"].map((t) => place(db, t, "C-SPLIT", draft));
    const schedules = placed.map((r) =>
      r.status === "placed"
        ? r.order.lines[0]!.deliverySchedule.map((d) => `${d.quantity} ${d.source} ${d.warehouse}`)
        : r.status,
    );
    expect(schedules).toEqual([
      ["3 on_hand WH-N"],
      ["3 inbound WH-N"],
      ["2 inbound WH-S", "1 lead_time WH-N"],
      ["3 lead_time WH-N"],
    ]);
    const rows = db.$client
      .prepare(
        "SELECT r.warehouse, r.source, r.quantity, i.reference FROM reservations r LEFT JOIN stock_inbound i ON i.id = r.inbound_id ORDER BY r.id",
      )
      .all();
    expect(rows).toEqual([
      { warehouse: "WH-N", source: "on_hand", quantity: 3, reference: null },
      { warehouse: "WH-N", source: "inbound", quantity: 3, reference: "PO-4" },
      { warehouse: "WH-S", source: "inbound", quantity: 2, reference: "PO-5" },
    ]);
    expect(overHeld(db)).toEqual([]);
  });

  test("an inbound hold does not eat the warehouse's stock on hand", () => {
    const db = openWorld(STOCK_WORLD);
    // The first order takes PO-4 only when asked for more than is on hand; stock on hand stays for the next buyer.
    expect(place(db, "a", "C-SPLIT", { lines: [{ lineId: "L1", sku: "VALVE-LAST", quantity: 5 }] }).status).toBe(
      "placed",
    );
    const r = place(db, "b", "C-SPLIT", { lines: [{ lineId: "L1", sku: "VALVE-LAST", quantity: 1 }] });
    expect(r.status === "placed" && r.order.lines[0]!.deliverySchedule).toMatchObject([
      { quantity: 1, source: "inbound", warehouse: "WH-N" },
    ]);
    expect(overHeld(db)).toEqual([]);
  });

  test("an inbound hold whose delivery has arrived holds the warehouse's stock", () => {
    const db = openWorld(STOCK_WORLD);
    expect(place(db, "a", "C-SPLIT", { lines: [{ lineId: "L1", sku: "VALVE-LAST", quantity: 6 }] }).status).toBe(
      "placed",
    );
    // PO-4 arrives: booked into on hand (4 + 3) and its inbound row goes. 7 − 1 ERP − 3 − 3 held = 0 free in WH-N.
    db.$client.exec(
      "UPDATE stock SET on_hand = on_hand + 3 WHERE sku = 'VALVE-LAST' AND warehouse = 'WH-N'; DELETE FROM stock_inbound WHERE reference = 'PO-4'",
    );
    const r = place(db, "b", "C-SPLIT", { lines: [{ lineId: "L1", sku: "VALVE-LAST", quantity: 1 }] });
    expect(r.status === "placed" && r.order.lines[0]!.deliverySchedule).toMatchObject([
      { quantity: 1, source: "inbound", warehouse: "WH-S" },
    ]);
  });

  test("property: over random sequences of checkouts, holds never exceed stock on hand or an inbound delivery", () => {
    const lineArb = fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 9 }) });
    const checkoutArb = fc.record({
      customerId: fc.constantFrom(...CUSTOMERS),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    });
    let placedTotal = 0;
    fc.assert(
      fc.property(fc.array(checkoutArb, { minLength: 1, maxLength: 12 }), (checkouts) => {
        const db = openWorld(STOCK_WORLD);
        checkouts.forEach((c, i) => {
          const draft: Draft = { lines: c.lines.map((l, n) => ({ lineId: `L${n + 1}`, ...l })) };
          if (place(db, `t${i}`, c.customerId, draft).status === "placed") placedTotal++;
          expect(overHeld(db)).toEqual([]);
        });
      }),
      { numRuns: 60, seed: 20260302 },
    );
    // The property is only worth something if checkouts actually went through.
    expect(placedTotal).toBeGreaterThan(60);
  });
});
