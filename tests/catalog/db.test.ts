import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { MIGRATIONS_DIR, openDatabase, openDatabaseImage } from "../../catalog/db.ts";
import { products } from "../../catalog/schema.ts";

describe("openDatabase", () => {
  it("migrates a fresh file with WAL, foreign keys and a busy timeout", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-db-"));
    try {
      const db = openDatabase(join(dir, "fresh.db"));
      const raw = db.$client;
      expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(raw.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(raw.pragma("busy_timeout", { simple: true })).toBe(5000);
      const tables = raw
        .prepare("select name from sqlite_master where type = 'table'")
        .all()
        .map((r) => (r as { name: string }).name);
      expect(tables).toEqual(
        expect.arrayContaining(["products", "fitment", "stock", "customers", "orders", "outbox", "audit_log"]),
      );
      expect(tables).not.toContain("checkpoints");
      expect(tables).not.toContain("writes");
      raw.close();
      // Re-opening an already migrated file applies nothing twice.
      const again = openDatabase(join(dir, "fresh.db"));
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      expect(again.$client.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual({
        n: journal.entries.length,
      });
      again.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to change or delete audit entries", () => {
    const raw = openDatabase(":memory:").$client;
    raw.prepare("insert into audit_log (actor, action, subject) values ('rep:1', 'approve', 'order:1')").run();
    expect(() => raw.prepare("update audit_log set reason = 'x'").run()).toThrow(/append-only/);
    expect(() => raw.prepare("delete from audit_log").run()).toThrow(/append-only/);
    // REPLACE deletes the old row without firing DELETE triggers: it must be refused too.
    const rewrite = (verb: string) =>
      `${verb} into audit_log (id, actor, action, subject, reason) values (1, 'nobody', 'approve', 'order:1', 'rewritten')`;
    expect(() => raw.prepare(rewrite("replace")).run()).toThrow(/append-only/);
    expect(() => raw.prepare(rewrite("insert or replace")).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`${rewrite("insert")} on conflict(id) do update set reason = 'x'`).run()).toThrow(
      /append-only/,
    );
    expect(raw.prepare("select id, actor, action, reason from audit_log").all()).toEqual([
      { id: 1, actor: "rep:1", action: "approve", reason: null },
    ]);
    // New entries, with or without an explicit fresh id, still go in.
    raw.prepare("insert into audit_log (actor, action, subject) values ('rep:1', 'reject', 'order:2')").run();
    raw.prepare("insert into audit_log (id, actor, action, subject) values (10, 'rep:1', 'reject', 'order:3')").run();
    expect(raw.prepare("select count(*) as n from audit_log").get()).toEqual({ n: 3 });
  });

  it("enforces foreign keys", () => {
    const raw = openDatabase(":memory:").$client;
    expect(() => raw.prepare("insert into stock (sku, warehouse, on_hand) values ('NOPE', 'NOWH', 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe("openDatabaseImage", () => {
  it("gives each copy its own data, with drizzle's query builder and relational queries on every copy", () => {
    const source = openDatabase(":memory:");
    source.$client
      .prepare(
        "insert into products (sku, name, category, order_unit, list_price_cents, currency) values ('P-1', 'Seal', 'seals', 'PCE', 1000, 'EUR')",
      )
      .run();
    const image = source.$client.serialize();
    source.$client.close();
    const a = openDatabaseImage(image);
    const b = openDatabaseImage(image);
    a.update(products).set({ listPriceCents: 1200 }).where(eq(products.sku, "P-1")).run();
    expect(a.select({ price: products.listPriceCents }).from(products).all()).toEqual([{ price: 1200 }]);
    expect(b.select({ price: products.listPriceCents }).from(products).all()).toEqual([{ price: 1000 }]);
    expect(b.query.products.findFirst({ columns: { sku: true, listPriceCents: true } }).sync()).toEqual({
      sku: "P-1",
      listPriceCents: 1000,
    });
    expect(a.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    a.$client.close();
    b.$client.close();
  });
});

describe("orders by ERP order number", () => {
  it("an acknowledgement's number is looked up through an index, not a scan of every order", () => {
    const db = openDatabase();
    const plan = db.$client
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM orders WHERE erp_order_number = ? AND id <> ? LIMIT 1")
      .all("SO-1", "o-1") as { detail: string }[];
    expect(plan.map((r) => r.detail).join(" ")).toMatch(/USING INDEX orders_erp_number_idx/);
  });
});
