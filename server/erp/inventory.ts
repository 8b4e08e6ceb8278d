/**
 * Stock and price pushes from the WMS/ERP, applied in one transaction each and recorded under their
 * `Idempotency-Key` (a repeat answers what the first request answered and applies nothing).
 *
 * Nothing else has to be told: the catalog reader (catalog/queries/reader.ts) keys its caches on the connection's
 * change counters, so the next check of any open thread — and the hand-off's re-validation — reads these rows.
 *
 * Stock positions are absolute (what the WMS counts now), so a batch is safe to apply in any order: a position older
 * than the one stored (`asOf` before the row's `updated_at`) is skipped and reported. `inbound` is the complete list
 * of open deliveries of that SKU into that warehouse: a delivery no longer listed has arrived (or was cancelled), and
 * the shield's holds on it then count against stock on hand, as the reader already treats them.
 *
 * The shield's own holds of an order end once the ERP has the order in its books: a stock position taken after the
 * ERP acknowledged the order (accepted, changed, shipped) already counts it in `reserved` or in a lower `onHand`, so
 * those holds are released for that SKU and warehouse; before that they are kept, so nothing is promised twice.
 */
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { Db } from "../../catalog/db.ts";
import { ErpError, type FieldError, futureStamp } from "./problem.ts";

const sku = z.string().trim().min(1).max(100);
const quantity = z.number().finite().nonnegative().max(1e12);
const cents = z.int().nonnegative().max(1e13);

export const inboundSchema = z.object({
  quantity: z.number().finite().positive().max(1e12),
  eta: z.iso.date(),
  reference: z.string().max(100).optional(),
});

export const stockChangeSchema = z
  .object({
    sku,
    warehouse: z.string().trim().min(1).max(50),
    onHand: quantity.optional(),
    reserved: quantity.optional(),
    /** Every open inbound delivery of this SKU into this warehouse; [] = none. */
    inbound: z.array(inboundSchema).max(100).optional(),
  })
  .refine((c) => c.onHand !== undefined || c.reserved !== undefined || c.inbound !== undefined, {
    message: "give onHand, reserved or inbound",
    path: ["onHand"],
  });

export const stockEventSchema = z
  .object({
    /** When the WMS took these positions (default: when received). */
    asOf: z.iso.datetime({ offset: true }).optional(),
    changes: z.array(stockChangeSchema).min(1).max(1000),
  })
  .meta({ id: "StockEvent" });

export const priceChangeSchema = z
  .object({
    sku,
    listPriceCents: cents.optional(),
    /** Replaces the quantity breaks of this SKU in each named price list; [] removes the SKU from the list. */
    priceLists: z
      .array(
        z.object({
          priceListId: z.string().trim().min(1).max(50),
          breaks: z.array(z.object({ minQty: z.number().finite().positive().max(1e12), priceCents: cents })).max(50),
        }),
      )
      .max(20)
      .optional(),
  })
  .refine((c) => c.listPriceCents !== undefined || c.priceLists !== undefined, {
    message: "give listPriceCents or priceLists",
    path: ["listPriceCents"],
  });

export const priceEventSchema = z
  .object({ changes: z.array(priceChangeSchema).min(1).max(1000) })
  .meta({ id: "PriceEvent" });

export type StockEvent = z.infer<typeof stockEventSchema>;
export type PriceEvent = z.infer<typeof priceEventSchema>;

export const stockResultSchema = z
  .object({
    applied: z.int(),
    skipped: z.array(z.object({ index: z.int(), sku: z.string(), warehouse: z.string(), reason: z.string() })),
    releasedHolds: z.int(),
  })
  .meta({ id: "StockEventResult" });

export const priceResultSchema = z.object({ applied: z.int() }).meta({ id: "PriceEventResult" });

export type StockResult = z.infer<typeof stockResultSchema>;
export type PriceResult = z.infer<typeof priceResultSchema>;

const invalid = (errors: FieldError[]) =>
  new ErpError("bad_request:input", `${errors[0]?.field}: ${errors[0]?.message}`, errors);

/** Runs `apply` at most once per (kind, key): a repeat with the same body returns the stored result. */
export function idempotent<T>(
  db: Db,
  kind: string,
  key: string,
  body: unknown,
  now: Date,
  apply: () => T,
): { result: T; replayed: boolean } {
  const hash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  return db.$client
    .transaction(() => {
      const prior = db.$client
        .prepare(
          "SELECT request_hash AS hash, response FROM integration_requests WHERE kind = ? AND idempotency_key = ?",
        )
        .get(kind, key) as { hash: string; response: string } | undefined;
      if (prior) {
        if (prior.hash !== hash)
          throw new ErpError("conflict:idempotency_key", "This Idempotency-Key was used with another body.", [
            { field: "header.idempotency-key", message: "already used with another body" },
          ]);
        return { result: JSON.parse(prior.response) as T, replayed: true };
      }
      const result = apply();
      db.$client
        .prepare(
          "INSERT INTO integration_requests (kind, idempotency_key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)",
        )
        .run(kind, key, hash, JSON.stringify(result), now.toISOString());
      return { result, replayed: false };
    })
    .immediate();
}

function checkReferences(
  db: Db,
  table: string,
  column: string,
  values: { field: string; value: string }[],
): FieldError[] {
  const known = new Set(
    (
      db.$client
        .prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify([...new Set(values.map((v) => v.value))])) as { v: string }[]
    ).map((r) => r.v),
  );
  return values.filter((v) => !known.has(v.value)).map((v) => ({ field: v.field, message: `unknown ${v.value}` }));
}

/** Apply a stock event; call inside `idempotent`. Throws a 400 naming every unknown SKU/warehouse or duplicate. */
export function applyStockEvent(db: Db, event: StockEvent, now: Date): StockResult {
  const asOf = event.asOf ? new Date(event.asOf).toISOString() : now.toISOString();
  const ahead = futureStamp("body.asOf", event.asOf, now);
  if (ahead) throw invalid([ahead]);
  const errors: FieldError[] = [
    ...checkReferences(
      db,
      "products",
      "sku",
      event.changes.map((c, i) => ({ field: `body.changes.${i}.sku`, value: c.sku })),
    ),
    ...checkReferences(
      db,
      "warehouses",
      "code",
      event.changes.map((c, i) => ({ field: `body.changes.${i}.warehouse`, value: c.warehouse })),
    ),
  ];
  const seen = new Set<string>();
  event.changes.forEach((c, i) => {
    const key = `${c.sku}\u0000${c.warehouse}`;
    if (seen.has(key))
      errors.push({ field: `body.changes.${i}`, message: `${c.sku} in ${c.warehouse} is listed twice` });
    seen.add(key);
    const etas = new Set<string>();
    c.inbound?.forEach((d, j) => {
      if (etas.has(d.eta))
        errors.push({ field: `body.changes.${i}.inbound.${j}.eta`, message: "two deliveries with the same ETA" });
      etas.add(d.eta);
    });
  });
  if (errors.length > 0) throw invalid(errors);

  const s = db.$client;
  const current = s.prepare("SELECT updated_at AS at FROM stock WHERE sku = ? AND warehouse = ?");
  const upsert = s.prepare(
    `INSERT INTO stock (sku, warehouse, on_hand, reserved, updated_at) VALUES (@sku, @warehouse, coalesce(@onHand, 0), coalesce(@reserved, 0), @asOf)
     ON CONFLICT (sku, warehouse) DO UPDATE SET on_hand = coalesce(@onHand, on_hand), reserved = coalesce(@reserved, reserved), updated_at = @asOf`,
  );
  const inboundRows = s.prepare("SELECT id, eta FROM stock_inbound WHERE sku = ? AND warehouse = ?");
  const deleteInbound = s.prepare("DELETE FROM stock_inbound WHERE id = ?");
  const updateInbound = s.prepare("UPDATE stock_inbound SET quantity = ?, reference = ? WHERE id = ?");
  const insertInbound = s.prepare(
    "INSERT INTO stock_inbound (sku, warehouse, quantity, eta, reference) VALUES (?, ?, ?, ?, ?)",
  );
  const release = s.prepare(
    `DELETE FROM reservations WHERE sku = @sku AND warehouse = @warehouse AND order_id IN (
       SELECT order_id FROM order_status_events WHERE source = 'erp' AND status IN ('accepted', 'changed', 'shipped') AND at <= @asOf)`,
  );
  const result: StockResult = { applied: 0, skipped: [], releasedHolds: 0 };
  event.changes.forEach((c, index) => {
    const stored = current.get(c.sku, c.warehouse) as { at: string | null } | undefined;
    if (stored?.at && stored.at > asOf) {
      result.skipped.push({
        index,
        sku: c.sku,
        warehouse: c.warehouse,
        reason: `older than the stored position (${stored.at})`,
      });
      return;
    }
    upsert.run({ sku: c.sku, warehouse: c.warehouse, onHand: c.onHand ?? null, reserved: c.reserved ?? null, asOf });
    if (c.inbound) {
      const existing = new Map(
        (inboundRows.all(c.sku, c.warehouse) as { id: number; eta: string }[]).map((r) => [r.eta, r.id]),
      );
      for (const d of c.inbound) {
        const id = existing.get(d.eta);
        if (id === undefined) insertInbound.run(c.sku, c.warehouse, d.quantity, d.eta, d.reference ?? null);
        else {
          updateInbound.run(d.quantity, d.reference ?? null, id);
          existing.delete(d.eta);
        }
      }
      for (const id of existing.values()) deleteInbound.run(id);
    }
    result.releasedHolds += release.run({ sku: c.sku, warehouse: c.warehouse, asOf }).changes;
    result.applied++;
  });
  return result;
}

/** Apply a price event; call inside `idempotent`. */
export function applyPriceEvent(db: Db, event: PriceEvent): PriceResult {
  const errors: FieldError[] = [
    ...checkReferences(
      db,
      "products",
      "sku",
      event.changes.map((c, i) => ({ field: `body.changes.${i}.sku`, value: c.sku })),
    ),
    ...checkReferences(
      db,
      "price_lists",
      "id",
      event.changes.flatMap((c, i) =>
        (c.priceLists ?? []).map((p, j) => ({
          field: `body.changes.${i}.priceLists.${j}.priceListId`,
          value: p.priceListId,
        })),
      ),
    ),
  ];
  event.changes.forEach((c, i) =>
    c.priceLists?.forEach((p, j) => {
      const mins = p.breaks.map((b) => b.minQty);
      if (new Set(mins).size !== mins.length)
        errors.push({ field: `body.changes.${i}.priceLists.${j}.breaks`, message: "two breaks with the same minQty" });
    }),
  );
  if (errors.length > 0) throw invalid(errors);
  const s = db.$client;
  const setList = s.prepare("UPDATE products SET list_price_cents = ? WHERE sku = ?");
  const clear = s.prepare("DELETE FROM price_list_items WHERE price_list_id = ? AND sku = ?");
  const insert = s.prepare(
    "INSERT INTO price_list_items (price_list_id, sku, min_qty, price_cents) VALUES (?, ?, ?, ?)",
  );
  for (const c of event.changes) {
    if (c.listPriceCents !== undefined) setList.run(c.listPriceCents, c.sku);
    for (const p of c.priceLists ?? []) {
      clear.run(p.priceListId, c.sku);
      for (const b of p.breaks) insert.run(p.priceListId, c.sku, b.minQty, b.priceCents);
    }
  }
  return { applied: event.changes.length };
}
