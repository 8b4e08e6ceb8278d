/**
 * Stock and price events from the WMS/ERP over real HTTP: integration key, Idempotency-Key replays, bad bodies as
 * problem+json naming the field, all-or-nothing batches; open threads see the new data at their next check (the
 * catalog reader's caches, on this connection and on another one), and a pending hand-off re-validates against it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterEach, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { createErpRoutes } from "../../server/erp/index.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { validateDraft } from "../../tools/engine.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { ACK_KEY, INTEGRATION_KEY, demoWorld, listen, manualClock, placeOrder } from "./erp-helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const SKU = "FL-CART-10-5UM";

async function integration(db: Db, now?: () => Date) {
  const app = new OpenAPIHono();
  app.route("/", createErpRoutes({ db, integrationKey: INTEGRATION_KEY, ackKey: ACK_KEY, ...(now ? { now } : {}) }));
  const served = await listen(app);
  cleanups.push(() => served.close());
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${served.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${INTEGRATION_KEY}`, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return {
    stock: (body: unknown, key: string = crypto.randomUUID(), headers: Record<string, string> = {}) =>
      post("/v1/integration/stock", body, { "idempotency-key": key, ...headers }),
    prices: (body: unknown, key: string = crypto.randomUUID()) =>
      post("/v1/integration/prices", body, { "idempotency-key": key }),
    ack: (orderId: string, body: unknown) =>
      post(`/v1/erp/orders/${orderId}/ack`, body, { authorization: `Bearer ${ACK_KEY}` }),
    post,
  };
}

const onHand = (db: Db, warehouse = "WH-NORTH") =>
  (
    db.$client.prepare("SELECT on_hand AS n FROM stock WHERE sku = ? AND warehouse = ?").get(SKU, warehouse) as {
      n: number;
    }
  ).n;

async function fields(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  const body = (await res.json()) as { errors?: { field: string }[] };
  return body.errors?.map((e) => e.field);
}

describe("inventory and price events", () => {
  test("an Idempotency-Key is applied once: its replay answers the first result and changes nothing", async () => {
    const db = demoWorld();
    const api = await integration(db);
    const first = await api.stock({ changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 5 }] }, "k-1");
    expect(first.status).toBe(200);
    const result = await first.json();
    expect(result).toEqual({ applied: 1, skipped: [], releasedHolds: 0 });
    expect((await api.stock({ changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 7 }] }, "k-2")).status).toBe(200);

    const replay = await api.stock({ changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 5 }] }, "k-1");
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(result);
    expect(onHand(db)).toBe(7);

    const reused = await api.stock({ changes: [{ sku: SKU, warehouse: "WH-NORTH", onHand: 9 }] }, "k-1");
    expect(reused.status).toBe(409);
    expect(await fields(reused)).toEqual(["header.idempotency-key"]);
    expect(onHand(db)).toBe(7);
  });

  test("bad requests answer 4xx problem+json naming the field, and a batch with one bad change applies nothing", async () => {
    const db = demoWorld();
    const api = await integration(db);
    const good = { sku: SKU, warehouse: "WH-NORTH", onHand: 1 };
    const cases: [unknown, number, string[]][] = [
      [{ changes: [{ ...good, onHand: -1 }] }, 400, ["body.changes.0.onHand"]],
      [{ changes: [good, { ...good, sku: "NOPE-1" }] }, 400, ["body.changes.1.sku"]],
      [{ changes: [good, { ...good, warehouse: "WH-MOON" }] }, 400, ["body.changes.1.warehouse"]],
      [{ changes: [good, good] }, 400, ["body.changes.1"]],
      [{ changes: [] }, 400, ["body.changes"]],
      [{ changes: [{ sku: SKU, warehouse: "WH-NORTH" }] }, 400, ["body.changes.0.onHand"]],
      [{ changes: [{ ...good, inbound: [{ quantity: 3, eta: "soon" }] }] }, 400, ["body.changes.0.inbound.0.eta"]],
      [{ asOf: "yesterday", changes: [good] }, 400, ["body.asOf"]],
    ];
    for (const [body, status, expected] of cases) {
      const res = await api.stock(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await fields(res), JSON.stringify(body)).toEqual(expected);
    }
    expect(onHand(db)).toBe(120);
    const malformed = await api.stock("{");
    expect(malformed.status).toBe(400);
    await fields(malformed);
    const noKey = await api.post("/v1/integration/stock", { changes: [good] });
    expect(noKey.status).toBe(400);
    expect(await fields(noKey)).toEqual(["header.idempotency-key"]);
    const wrongKey = await api.stock({ changes: [good] }, "k", { authorization: "Bearer nope" });
    expect(wrongKey.status).toBe(401);
    const price = await api.prices({ changes: [{ sku: SKU, priceLists: [{ priceListId: "PL-NONE", breaks: [] }] }] });
    expect(price.status).toBe(400);
    expect(await fields(price)).toEqual(["body.changes.0.priceLists.0.priceListId"]);
    expect(onHand(db)).toBe(120);
  });

  test("inbound is the complete list per SKU and warehouse; an older position than the stored one is skipped", async () => {
    const db = demoWorld();
    const api = await integration(db);
    const inbound = () =>
      db.$client
        .prepare(
          "SELECT quantity, eta, reference FROM stock_inbound WHERE sku = ? AND warehouse = 'WH-SOUTH' ORDER BY eta",
        )
        .all(SKU);
    const later = new Date(Date.now() + 60_000).toISOString();
    await api.stock({
      asOf: later,
      changes: [
        {
          sku: SKU,
          warehouse: "WH-SOUTH",
          inbound: [
            { quantity: 10, eta: "2026-12-10", reference: "PO-1" },
            { quantity: 5, eta: "2026-12-20", reference: "PO-2" },
          ],
        },
      ],
    });
    // PO-1 arrived: it is no longer listed, and 10 more are on hand.
    const res = await api.stock({
      asOf: new Date(Date.now() + 120_000).toISOString(),
      changes: [
        {
          sku: SKU,
          warehouse: "WH-SOUTH",
          onHand: 90,
          inbound: [{ quantity: 6, eta: "2026-12-20", reference: "PO-2" }],
        },
      ],
    });
    expect((await res.json()).applied).toBe(1);
    expect(inbound()).toEqual([{ quantity: 6, eta: "2026-12-20", reference: "PO-2" }]);
    const stale = await api.stock({ asOf: later, changes: [{ sku: SKU, warehouse: "WH-SOUTH", onHand: 1 }] });
    expect(await stale.json()).toMatchObject({ applied: 0, skipped: [{ index: 0, sku: SKU, warehouse: "WH-SOUTH" }] });
    expect(onHand(db, "WH-SOUTH")).toBe(90);
  });

  test("open threads see new stock and prices at their next check, on this connection and on another", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "erp-inv-")), "shop.db");
    const db = demoWorld(path);
    const other = openDatabase(path);
    cleanups.push(async () => {
      other.$client.close();
    });
    const api = await integration(db);
    const draft: Draft = { lines: [{ lineId: "L1", sku: SKU, quantity: 4 }] };
    const check = (handle: Db) =>
      validateDraft(draft, { customerId: "C-1007", now: DEMO_NOW, data: createCatalogReader(handle) });
    // Warm both readers' caches first.
    for (const handle of [db, other]) {
      const r = check(handle);
      expect(r.lines[0]?.unitPriceCents).not.toBe(4321);
      expect(r.lines[0]?.schedule[0]?.source).toBe("on_hand");
    }
    const changes = ["WH-NORTH", "WH-SOUTH", "WH-WEST"].map((warehouse) => ({ sku: SKU, warehouse, onHand: 0 }));
    expect((await api.stock({ changes })).status).toBe(200);
    expect((await api.prices({ changes: [{ sku: SKU, listPriceCents: 4321 }] })).status).toBe(200);
    for (const handle of [db, other]) {
      const line = check(handle).lines[0];
      expect(line?.schedule.map((s) => s.source)).toEqual(["lead_time"]);
      expect(line?.unitPriceCents).toBe(4321);
    }
  });

  test("a pending hand-off re-validates against the pushed stock: nothing is written, the change is named", async () => {
    const db = demoWorld();
    const api = await integration(db);
    const draft: Draft = { lines: [{ lineId: "L1", sku: SKU, quantity: 4 }] };
    const confirmedReport = validateDraft(draft, {
      customerId: "C-1001",
      now: DEMO_NOW,
      data: createCatalogReader(db),
    });
    expect(confirmedReport.clean).toBe(true);
    const changes = ["WH-NORTH", "WH-SOUTH", "WH-WEST"].map((warehouse) => ({ sku: SKU, warehouse, onHand: 0 }));
    expect((await api.stock({ changes })).status).toBe(200);

    const r = handOff(db, {
      threadId: "t-pending",
      draft,
      confirmedHash: hashDraft(draft),
      customerId: "C-1001",
      channel: "test",
      confirmedReport,
      now: DEMO_NOW,
    });
    expect(r.status).toBe("changed");
    if (r.status === "changed")
      expect(r.changes.join(" ")).toMatch(/promise date 2026-12-02 → 2026-12-16.*accepted → backordered/);
    expect(db.$client.prepare("SELECT count(*) AS n FROM outbox").get()).toEqual({ n: 0 });
  });

  test("the shield's holds end once a stock position taken after the ERP acknowledged the order counts it", async () => {
    const db = demoWorld();
    const clock = manualClock(new Date(Date.now() + 3600_000));
    const api = await integration(db, clock.now);
    const orderId = placeOrder(db, "t-holds", { quantity: 3 });
    const holds = () =>
      (db.$client.prepare("SELECT count(*) AS n FROM reservations WHERE order_id = ?").get(orderId) as { n: number }).n;
    expect((await api.ack(orderId, { status: "accepted", erpOrderNumber: "SO-1" })).status).toBe(200);
    const position = (asOf: Date) => ({
      asOf: asOf.toISOString(),
      changes: [{ sku: SKU, warehouse: "WH-NORTH", reserved: 13 }],
    });

    const before = await api.stock(position(new Date(clock.now().getTime() - 60_000)));
    expect(await before.json()).toMatchObject({ applied: 1, releasedHolds: 0 });
    expect(holds()).toBe(1);
    const after = await api.stock(position(new Date(clock.now().getTime() + 60_000)));
    expect(await after.json()).toMatchObject({ applied: 1, releasedHolds: 1 });
    expect(holds()).toBe(0);
  });
});
