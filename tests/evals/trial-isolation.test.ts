/**
 * Trials on one thread never see each other: each plays on its own copy of the catalog image. A guard for any
 * speed-up that shares a connection, statements or caches between trials (a version sharing the catalog reader's
 * caches between unchanged copies failed the first test when it ignored the copy's own writes).
 */
import { describe, expect, test } from "vitest";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { createCatalogCache, gradeTrial, loadScenarios, playTrial } from "../../evals/index.ts";
import { applyEvent } from "../../evals/play.ts";
import { validateDraft } from "../../tools/engine.ts";

const scenario = loadScenarios("evals/scenarios").find((s) => s.id === "happy-seal-for-pump-2")!;
const SKU = "SE-MS28-CC-EPDM";

const onHand = (db: Parameters<typeof createCatalogReader>[0], now: Date) =>
  (createCatalogReader(db).stock([SKU], now.toISOString()).get(SKU)?.warehouses ?? []).reduce(
    (n, w) => n + w.onHand,
    0,
  );
const outboxCount = (db: { $client: { prepare(sql: string): { get(): unknown } } }) =>
  (db.$client.prepare("select count(*) as n from outbox").get() as { n: number }).n;

describe("eval trial isolation", () => {
  test("a price change and a stock sale on one trial's copy are seen there and nowhere else", () => {
    const catalogs = createCatalogCache();
    const a = catalogs.open(scenario);
    const b = catalogs.open(scenario);
    const readerA = createCatalogReader(a.db);
    const readerB = createCatalogReader(b.db);
    // Both copies read the product while unchanged.
    const listPrice = readerA.products([SKU]).get(SKU)!.listPriceCents;
    expect(readerB.products([SKU]).get(SKU)!.listPriceCents).toBe(listPrice);
    const stockBefore = onHand(b.db, b.now);
    expect(stockBefore).toBeGreaterThan(0);

    // Trial A: the price moves and the part sells out mid-conversation.
    applyEvent(a.db, { listPrice: { sku: SKU, cents: listPrice + 12_345 } });
    applyEvent(a.db, { stock: { sku: SKU, onHand: 0 } });
    expect(readerA.products([SKU]).get(SKU)!.listPriceCents).toBe(listPrice + 12_345);
    expect(onHand(a.db, a.now)).toBe(0);
    const draft = { lines: [{ lineId: "L1", sku: SKU, quantity: 2 }] };
    const reportA = validateDraft(draft, { customerId: scenario.customer, now: a.now, data: readerA });

    // Trial B, already open, and trial C, opened after A changed: the image's price and stock.
    const c = catalogs.open(scenario);
    for (const copy of [b, c]) {
      const reader = createCatalogReader(copy.db);
      expect(reader.products([SKU]).get(SKU)!.listPriceCents).toBe(listPrice);
      expect(onHand(copy.db, copy.now)).toBe(stockBefore);
      const report = validateDraft(draft, { customerId: scenario.customer, now: copy.now, data: reader });
      expect(report).not.toEqual(reportA);
    }
    // And A still reads its own changes after the others read the image's rows.
    expect(readerA.products([SKU]).get(SKU)!.listPriceCents).toBe(listPrice + 12_345);
    for (const copy of [a, b, c]) copy.db.$client.close();
  });

  test("an order placed in one trial is not in the next trial's catalog, which plays the same", async () => {
    const catalogs = createCatalogCache();
    const model = (db: Parameters<typeof createOfflineModel>[0]["db"]) => createOfflineModel({ db });
    const first = await playTrial(scenario, 0, catalogs, model);
    expect(gradeTrial(first).passed).toBe(true);
    expect(first.outbox).toHaveLength(1);
    expect(outboxCount(first.db)).toBe(1);

    const next = catalogs.open(scenario);
    expect(outboxCount(next.db)).toBe(0);
    expect((next.db.$client.prepare("select count(*) as n from orders").get() as { n: number }).n).toBe(0);
    next.db.$client.close();

    const second = await playTrial(scenario, 0, catalogs, model);
    expect(second.outbox.map((o) => o.lines)).toEqual(first.outbox.map((o) => o.lines));
    expect(second.transcript).toEqual(first.transcript);
    expect(outboxCount(second.db)).toBe(1);
    first.db.$client.close();
    second.db.$client.close();
  });
});
