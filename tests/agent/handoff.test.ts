import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { auditLog, orderLines, orders, outbox, products, reservations } from "../../catalog/schema.ts";
import { cleanOrderSchema } from "../../tools/clean-order.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { validateDraft } from "../../tools/engine.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { outboxOrders, world } from "./helpers.ts";
import { NOW } from "./world.ts";

const run = promisify(execFile);
const draft: Draft = {
  lines: [
    { lineId: "L1", sku: "SEAL-1", quantity: 10 },
    { lineId: "L2", sku: "PUMP-1", quantity: 1, options: { voltage: ["400V"], seal: ["FKM"] } },
  ],
  poReference: "PO-7",
};
const request = (overrides = {}) => ({
  threadId: "t-1",
  draft,
  confirmedHash: hashDraft(draft),
  customerId: "C-ACME",
  contactId: "P-ANNA",
  channel: "widget",
  now: NOW,
  ...overrides,
});

describe("hand-off", () => {
  test("writes order, lines, reservations, audit and one outbox event whose payload is a valid clean order", () => {
    const db = world();
    const r = handOff(db, request());
    expect(r.status).toBe("placed");
    if (r.status !== "placed") return;
    const payload = cleanOrderSchema.parse(db.select().from(outbox).get()!.payload);
    expect(payload.header).toMatchObject({
      customerId: "C-ACME",
      contactId: "P-ANNA",
      customerPoReference: "PO-7",
      idempotencyKey: `C-ACME:t-1:${hashDraft(draft)}`,
      paymentTerms: "NET30",
    });
    expect(payload.header.parties.shipTo?.id).toBe("ST-ACME");
    expect(payload.lines[1]).toMatchObject({
      sku: "PUMP-1",
      components: [
        { group: "voltage", values: ["400V"] },
        { group: "seal", values: ["FKM"] },
      ],
    });
    expect(payload.summary.totalAmountCents).toBe(payload.lines.reduce((s, l) => s + l.lineAmountCents, 0));
    expect(db.select().from(orderLines).all()).toHaveLength(2);
    expect(
      db
        .select()
        .from(reservations)
        .all()
        .map((x) => [x.sku, x.quantity]),
    ).toEqual([
      ["SEAL-1", 10],
      ["PUMP-1", 1],
    ]);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toEqual(["order.handed_off"]);
  });

  test("idempotent: the same thread + hash returns the existing order and writes nothing new", () => {
    const db = world();
    const a = handOff(db, request());
    const b = handOff(db, request());
    expect(b).toMatchObject({ status: "placed", replayed: true });
    expect(a.status === "placed" && b.status === "placed" && a.orderId === b.orderId).toBe(true);
    expect(db.select().from(orders).all()).toHaveLength(1);
    expect(db.select().from(outbox).all()).toHaveLength(1);
    expect(db.select().from(reservations).all()).toHaveLength(2);
  });

  test("a hash that is not the draft's is refused without writing", () => {
    const db = world();
    expect(handOff(db, request({ confirmedHash: "f".repeat(64) })).status).toBe("stale");
    expect(db.select().from(orders).all()).toHaveLength(0);
  });

  test("a price that moved since the buyer confirmed: nothing written, the change is named", () => {
    const db = world();
    const confirmedReport = validateDraft(draft, { customerId: "C-ACME", now: NOW, data: createCatalogReader(db) });
    db.update(products).set({ listPriceCents: 1500 }).where(eq(products.sku, "SEAL-1")).run();
    const r = handOff(db, request({ confirmedReport }));
    expect(r.status).toBe("changed");
    if (r.status === "changed") expect(r.changes.join(" ")).toMatch(/SEAL-1.*€12\.00 → €15\.00/);
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });

  test("a draft that is not clean never reaches the outbox", () => {
    const db = world();
    const bad: Draft = { lines: [{ lineId: "L1", sku: "NOPE", quantity: 1 }] };
    const r = handOff(db, request({ draft: bad, confirmedHash: hashDraft(bad) }));
    expect(r.status).toBe("blocked");
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });

  test("concurrent checkouts of scarce stock from 4 processes never oversell", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shield-race-")), "race.db");
    const db = world(path); // SCARCE-1: 3 on hand
    const worker = resolve(import.meta.dirname, "fixtures/checkout-worker.ts");
    const results = await Promise.all(
      [1, 2, 3, 4].map((w) =>
        run(process.execPath, ["--import", "tsx", worker, path, String(w), "25"], {
          cwd: resolve(import.meta.dirname, "../.."),
        }),
      ),
    );
    const statuses = results.flatMap((r) => JSON.parse(r.stdout.trim()) as string[]);
    expect(statuses).toHaveLength(100);
    const held = db.select().from(reservations).where(eq(reservations.sku, "SCARCE-1")).all();
    expect(held.reduce((s, r) => s + r.quantity, 0)).toBe(3);
    // Buyers who confirmed "from stock" after it was gone get no order; buyers who confirmed a backorder get one.
    const fromStock = outboxOrders(db)
      .flatMap((o) => o.lines.flatMap((l) => l.deliverySchedule))
      .filter((d) => d.source !== "lead_time");
    expect(fromStock.reduce((s, d) => s + d.quantity, 0)).toBe(3);
    // A hand-off still locked out after the retries (only on a heavily loaded machine) wrote nothing: no order.
    expect(statuses.every((s) => s === "placed" || s === "changed" || s === "busy")).toBe(true);
    expect(statuses.filter((s) => s === "busy").length).toBeLessThan(10);
    expect(outboxOrders(db)).toHaveLength(statuses.filter((s) => s === "placed").length);
  }, 60_000);
});
