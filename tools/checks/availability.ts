/**
 * Availability and promise dates. Available-to-promise per warehouse = on hand − reserved in the ERP − the
 * shield's active holds − stock protected for OTHER tiers; then inbound (transfers/POs with ETA) and, for products
 * still sold, the supplier lead time. Sources are taken earliest-delivery first (ship days depend on warehouse vs
 * ship-to region; an inbound later than the lead time loses to it), sharing stock between lines of the same SKU. With partial shipments allowed the line gets a
 * split schedule; otherwise one date, when everything is there. Requested dates are compared with the promise.
 */
import type { StockPosition } from "../../catalog/queries/types.ts";
import type { Fix, ScheduledDelivery } from "../types.ts";
import { msg } from "../messages/index.ts";
import { addDays, lineIssue, QTY_EPS, ref, roundQty, type LineState, type OrderState } from "./context.ts";
import { validQuantityAtMost } from "./quantity.ts";

interface Source {
  key: string;
  warehouse: string;
  date: string;
  free: number;
  source: ScheduledDelivery["source"];
  inboundId?: number;
}

/** ATP now per warehouse for `tier`, before what earlier lines of this draft took. */
export function atpByWarehouse(pos: StockPosition | undefined, tier: string): Map<string, number> {
  const atp = new Map<string, number>();
  if (!pos) return atp;
  for (const w of pos.warehouses) atp.set(w.warehouse, w.onHand - w.reserved - w.held);
  for (const a of pos.allocations) {
    if (a.forTier === tier) continue;
    if (a.warehouse !== null) {
      if (atp.has(a.warehouse)) atp.set(a.warehouse, atp.get(a.warehouse)! - a.protectedQty);
      continue;
    }
    // Protected across the network: taken from the warehouses with the most stock first.
    let left = a.protectedQty;
    for (const [w, q] of [...atp].sort((x, y) => y[1] - x[1])) {
      if (left <= 0) break;
      const take = Math.min(Math.max(q, 0), left);
      atp.set(w, q - take);
      left -= take;
    }
  }
  for (const [w, q] of atp) atp.set(w, Math.max(0, roundQty(q)));
  return atp;
}

function shipDays(order: OrderState, warehouse: string): number {
  const w = order.warehouses.find((x) => x.code === warehouse);
  if (!w) return 3;
  return w.region === order.region ? w.shipDaysLocal : w.shipDaysRemote;
}

function sourcesFor(order: OrderState, l: LineState): { finite: Source[]; leadTime?: Source } {
  const p = l.product!;
  const pos = order.stock.get(p.sku);
  const used = (key: string) => order.consumed.get(key) ?? 0;
  const finite: Source[] = [];
  for (const [w, q] of atpByWarehouse(pos, order.tier)) {
    const key = `${p.sku}|${w}`;
    finite.push({
      key,
      warehouse: w,
      date: addDays(order.today, shipDays(order, w)),
      free: q - used(key),
      source: "on_hand",
    });
  }
  for (const ib of pos?.inbound ?? []) {
    // The shield's holds on this delivery (earlier hand-offs) are not promised twice; on-hand holds don't touch it.
    const key = `${p.sku}|inbound#${ib.id}`;
    const arrives = ib.eta > order.today ? ib.eta : order.today;
    const free = roundQty(ib.quantity - ib.held) - used(key);
    finite.push({
      key,
      warehouse: ib.warehouse,
      date: addDays(arrives, shipDays(order, ib.warehouse)),
      free,
      source: "inbound",
      inboundId: ib.id,
    });
  }
  finite.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.free - a.free));
  if (p.lifecycle !== "active") return { finite };
  const home =
    order.warehouses.find((w) => w.region === order.region)?.code ??
    pos?.warehouses[0]?.warehouse ??
    order.warehouses[0]?.code ??
    "supplier";
  return {
    finite,
    leadTime: {
      key: `${p.sku}|lead`,
      warehouse: home,
      date: addDays(order.today, p.leadTimeDays + shipDays(order, home)),
      free: Infinity,
      source: "lead_time",
    },
  };
}

export function checkAvailability(order: OrderState): void {
  for (const l of order.lines) {
    const p = l.product;
    const qty = l.orderQty;
    if (!p || qty === undefined || qty <= 0 || l.issues.some((i) => i.code === "qty.invalid")) continue;
    const { finite, leadTime } = sourcesFor(order, l);
    let left = qty;
    const taken: ScheduledDelivery[] = [];
    const take = (s: Source, q: number) => {
      taken.push({
        quantity: roundQty(q),
        date: s.date,
        warehouse: s.warehouse,
        source: s.source,
        ...(s.inboundId !== undefined ? { inboundId: s.inboundId } : {}),
      });
      if (s.free !== Infinity) order.consumed.set(s.key, (order.consumed.get(s.key) ?? 0) + q);
      left = roundQty(left - q);
    };
    // A product counted in whole units ships in whole units: a WMS that reports 2.5 pieces on hand (a decimal in a
    // stock push, an import) made split deliveries of 2.5 pieces, and the clean order carried them to the ERP.
    const whole = Number.isInteger(p.orderStep) || !(p.orderStep > 0);
    for (const s of finite) {
      if (left <= QTY_EPS) break;
      // Sources are in date order: once the supplier's lead time delivers sooner, the rest is ordered from it.
      if (leadTime && s.date > leadTime.date) break;
      const usable = whole ? Math.floor(roundQty(s.free) + QTY_EPS) : s.free;
      if (usable <= QTY_EPS) continue;
      take(s, Math.min(usable, left));
    }
    const availableNow = taken.filter((t) => t.source === "on_hand").reduce((n, t) => n + t.quantity, 0);
    const promisable = taken.reduce((n, t) => n + t.quantity, 0);
    if (left > QTY_EPS && leadTime) take(leadTime, left);

    if (left > QTY_EPS) {
      const max = validQuantityAtMost(p, promisable);
      const fixes: Fix[] =
        max !== undefined
          ? [{ kind: "set_quantity", lineId: l.lineId, quantity: max, unit: p.orderUnit }]
          : [{ kind: "remove_line", lineId: l.lineId }];
      lineIssue(
        l,
        "stock.insufficient",
        "block",
        msg("stock.insufficient", { product: ref(p), available: promisable, unit: p.orderUnit }),
        fixes,
        {
          requested: qty,
          available: promisable,
        },
      );
    }
    if (taken.length === 0) continue;

    const last = taken.reduce((d, t) => (t.date > d ? t.date : d), taken[0]!.date);
    const schedule = order.partialAllowed
      ? mergeSchedule(taken)
      : mergeSchedule(taken.map((t) => ({ ...t, date: last })));
    l.schedule = schedule;
    l.promiseDate = last;
    const nowQty = validQuantityAtMost(p, availableNow);
    const shipNow: Fix[] =
      nowQty !== undefined && nowQty < qty
        ? [{ kind: "set_quantity", lineId: l.lineId, quantity: nowQty, unit: p.orderUnit }]
        : [];
    const firstDate = schedule[0]?.date;
    if (left <= QTY_EPS) {
      if (availableNow + QTY_EPS >= qty) {
        // everything from stock on hand
      } else if (order.partialAllowed && availableNow > QTY_EPS) {
        l.fulfilment = "partial";
        lineIssue(
          l,
          "stock.partial",
          "warn",
          msg("stock.partial", {
            product: ref(p),
            availableNow,
            requested: qty,
            unit: p.orderUnit,
            firstDate: firstDate ?? last,
            lastDate: last,
          }),
          [{ kind: "accept_split", lineId: l.lineId }, ...shipNow],
          { availableNow, requested: qty, schedule },
        );
      } else {
        l.fulfilment = "backordered";
        lineIssue(
          l,
          "stock.backorder",
          "warn",
          availableNow > QTY_EPS
            ? msg("stock.backorder_complete", {
                product: ref(p),
                availableNow,
                requested: qty,
                unit: p.orderUnit,
                date: last,
              })
            : msg("stock.backorder", { product: ref(p), requested: qty, unit: p.orderUnit, date: last }),
          shipNow,
          { availableNow, requested: qty, promiseDate: last },
        );
      }
    }
    const requested = l.requestedDate;
    if (requested && last > requested) {
      l.changed = true;
      lineIssue(
        l,
        "stock.late_for_requested_date",
        "warn",
        msg("stock.late_for_requested_date", { product: ref(p), requestedDate: requested, promiseDate: last }),
        [{ kind: "set_requested_date", lineId: l.lineId, date: last }, ...(order.partialAllowed ? [] : shipNow)],
        { requestedDate: requested, promiseDate: last },
      );
    }
  }
}

function mergeSchedule(parts: ScheduledDelivery[]): ScheduledDelivery[] {
  const out: ScheduledDelivery[] = [];
  for (const t of parts) {
    const same = out.find(
      (o) => o.date === t.date && o.warehouse === t.warehouse && o.source === t.source && o.inboundId === t.inboundId,
    );
    if (same) same.quantity = roundQty(same.quantity + t.quantity);
    else out.push({ ...t });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
