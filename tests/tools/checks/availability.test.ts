import { describe, expect, it } from "vitest";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, NOW, openWorld, validate } from "../world.ts";

// SCARCE-1: WH-N on hand 5 (1 reserved), WH-S on hand 2, inbound 10 at WH-N on 2026-03-12, lead time 30 days.
// C-GOLD ships to north (WH-N local: 1 day, WH-S remote: 4 days) and accepts partial shipments; C-WHOLE does not.
describe("availability check", () => {
  it("promises stock on hand from the local warehouse first", () => {
    const r = validate({ lines: [line("SCARCE-1", 4)] });
    expect(r.lines[0]).toMatchObject({
      verdict: "accepted",
      promiseDate: "2026-03-03",
      schedule: [{ quantity: 4, warehouse: "WH-N", source: "on_hand", date: "2026-03-03" }],
    });
  });

  it("splits the delivery when partial shipments are allowed (on hand, remote, inbound)", () => {
    const { before } = expectFixResolves({ lines: [line("SCARCE-1", 12)] }, "stock.partial", {
      pick: (fixes) => fixes.find((f) => f.kind === "set_quantity"),
    });
    expect(before.lines[0]!.verdict).toBe("partial");
    expect(before.lines[0]!.schedule).toEqual([
      { quantity: 4, date: "2026-03-03", warehouse: "WH-N", source: "on_hand" },
      { quantity: 2, date: "2026-03-06", warehouse: "WH-S", source: "on_hand" },
      { quantity: 6, date: "2026-03-13", warehouse: "WH-N", source: "inbound", inboundId: expect.any(Number) },
    ]);
    expect(before.promiseDate).toBe("2026-03-13");
    expect(before.clean).toBe(true);
  });

  it("ships everything on one date when the customer does not accept partial shipments", () => {
    const { before } = expectFixResolves({ lines: [line("SCARCE-1", 12)] }, "stock.backorder", {
      customerId: "C-WHOLE",
    });
    expect(before.lines[0]!.verdict).toBe("backordered");
    expect(new Set(before.lines[0]!.schedule.map((s) => s.date))).toEqual(new Set(["2026-03-13"]));
  });

  it("uses the supplier lead time beyond stock and inbound", () => {
    const r = validate({ lines: [line("SCARCE-1", 30)] });
    expect(r.lines[0]!.schedule.at(-1)).toMatchObject({ source: "lead_time", quantity: 14, date: "2026-04-02" });
  });

  it("orders from the supplier when its lead time beats a late inbound delivery", () => {
    const r = validate({ lines: [line("SLOW-PO-1", 5)] });
    expect(r.lines[0]!.schedule).toEqual([{ quantity: 5, date: "2026-03-13", warehouse: "WH-N", source: "lead_time" }]);
    expect(r.lines[0]!.promiseDate).toBe("2026-03-13");
  });

  it("protects stock for another tier: gold sees 2 of 10, platinum all 10", () => {
    const gold = validate({ lines: [line("PROTECTED-1", 10)] });
    expect(issuesOf(gold, "stock.partial")[0]!.details).toMatchObject({ availableNow: 2 });
    expect(validate({ lines: [line("PROTECTED-1", 10)] }, "C-PLAT").lines[0]!.verdict).toBe("accepted");
  });

  it("backorders a product with no stock at all", () => {
    const r = validate({ lines: [line("PROTECTED-1", 5)] }, "C-WHOLE");
    expect(issuesOf(r, "stock.backorder")).toHaveLength(1);
    expect(r.lines[0]!.verdict).toBe("backordered");
  });

  it("blocks quantities a product that is no longer replenished cannot cover", () => {
    const { fix } = expectFixResolves({ lines: [line("DISC-LAST", 5)] }, "stock.insufficient");
    expect(fix).toMatchObject({ kind: "set_quantity", quantity: 3 });
  });

  it("flags a requested date before the promise date; accepting the date resolves it", () => {
    const { before, fix } = expectFixResolves(
      { requestedDate: "2026-03-05", lines: [line("SCARCE-1", 12)] },
      "stock.late_for_requested_date",
    );
    expect(fix).toEqual({ kind: "set_requested_date", lineId: "1", date: "2026-03-13" });
    expect(validate({ requestedDate: "2026-03-05", lines: [line("SCARCE-1", 4)] }).lines[0]!.verdict).toBe("accepted");
    expect(before.clean).toBe(true);
  });

  it("shares stock between lines of the same SKU", () => {
    const r = validate({ lines: [line("SCARCE-1", 4), line("SCARCE-1", 4, { lineId: "2" })] });
    expect(r.lines[0]!.verdict).toBe("accepted");
    expect(r.lines[1]!.schedule.reduce((n, s) => n + (s.source === "on_hand" ? s.quantity : 0), 0)).toBe(2);
  });

  it("counts the shield's active reservations, not expired ones, and ships from the ship-to's region", () => {
    const db = openWorld();
    db.$client
      .prepare("INSERT INTO reservations (sku, warehouse, quantity, expires_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
      .run("SCARCE-1", "WH-N", 4, "2026-03-02T10:00:00Z", "SCARCE-1", "WH-S", 2, "2026-03-01T00:00:00Z");
    const r = validate({ lines: [line("SCARCE-1", 2)] }, "C-GOLD", db, NOW);
    expect(r.lines[0]!.schedule).toEqual([{ quantity: 2, date: "2026-03-06", warehouse: "WH-S", source: "on_hand" }]);
    const south = validate({ shipToId: "ST-S", lines: [line("SCARCE-1", 2)] }, "C-GOLD", db, NOW);
    expect(south.lines[0]!.schedule[0]).toMatchObject({ warehouse: "WH-S", date: "2026-03-03" });
    const later = validate({ lines: [line("SCARCE-1", 2)] }, "C-GOLD", db, new Date("2026-03-02T11:00:00Z"));
    expect(later.lines[0]!.schedule[0]).toMatchObject({ warehouse: "WH-N" });
  });
});
