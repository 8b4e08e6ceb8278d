import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { line, NOW, openWorld, validate, WORLD } from "./world.ts";

describe("catalog reader", () => {
  it("reads a whole draft's rows in batches, and unknown SKUs are simply absent", () => {
    const data = createCatalogReader(openWorld());
    const products = data.products(["SEAL-100", "NOPE", "FILTER-BOX"]);
    expect([...products.keys()].sort()).toEqual(["FILTER-BOX", "SEAL-100"]);
    expect(products.get("FILTER-BOX")).toMatchObject({
      orderUnit: "BOX",
      contentQty: 10,
      moq: 2,
      orderStep: 2,
      maxQty: 20,
    });
    expect(data.features(["SEAL-100"]).get("SEAL-100")).toEqual({ material: "NBR", tempRating: 80 });
    expect(data.fitment(["SEAL-100", "MOTOR-230"]).get("SEAL-100")).toEqual([
      { partSku: "SEAL-100", machineModel: "CX200", serialFrom: "1000", serialTo: "1999", note: null },
    ]);
    expect(data.relations(["COUPLING-A"], ["mandatory"])).toMatchObject([{ targetSku: "COUPLING-BOLTS", quantity: 2 }]);
    const c = data.customer("C-GOLD")!;
    expect(c.shipTos.map((s) => s.id)).toEqual(["ST-N", "ST-S"]);
    expect(c.machines.find((m) => m.id === "M1")!.attributes).toMatchObject({
      voltage: 400,
      medium: "water",
      mediumTemperature: 70,
    });
    expect(data.policy("gold")).toMatchObject({ id: "default", maxDiscountPct: 10 });
    expect(data.stock(["SCARCE-1"], NOW.toISOString()).get("SCARCE-1")!.inbound).toMatchObject([
      { warehouse: "WH-N", quantity: 10 },
    ]);
    expect(data.suggestSkus("seal100")).toContain("SEAL-100");
  });

  it("never serves stale catalog rows after this connection changes them", () => {
    const db = openWorld();
    expect(validate({ lines: [line("SEAL-100", 2)] }, "C-GOLD", db).clean).toBe(true);
    db.$client.prepare("UPDATE products SET lifecycle = 'inactive' WHERE sku = 'SEAL-100'").run();
    expect(validate({ lines: [line("SEAL-100", 2)] }, "C-GOLD", db).lines[0]!.issues.map((i) => i.code)).toContain(
      "product.inactive",
    );
  });

  it("never serves stale rows after another connection changes them", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-reader-"));
    try {
      const path = join(dir, "c.db");
      importCatalog(openDatabase(path), WORLD);
      const reader = openDatabase(path);
      const writer = openDatabase(path);
      expect(validate({ lines: [line("SEAL-100", 2)] }, "C-GOLD", reader).clean).toBe(true);
      writer.$client.prepare("UPDATE customers SET blocked = 1 WHERE id = 'C-GOLD'").run();
      expect(validate({ lines: [line("SEAL-100", 2)] }, "C-GOLD", reader).issues.map((i) => i.code)).toContain(
        "credit.blocked",
      );
      reader.$client.close();
      writer.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("steady: checks the version once for a synchronous reader's reads, and sees changes made before and after it", () => {
    const dir = mkdtempSync(join(tmpdir(), "os-reader-"));
    try {
      const path = join(dir, "c.db");
      importCatalog(openDatabase(path), WORLD);
      const reader = openDatabase(path);
      const writer = openDatabase(path);
      const data = createCatalogReader(reader);
      const lifecycle = () => data.products(["SEAL-100"]).get("SEAL-100")!.lifecycle;
      const before = lifecycle();
      writer.$client.prepare("UPDATE products SET lifecycle = 'inactive' WHERE sku = 'SEAL-100'").run();
      // A change committed before it is read by it; one committed while it runs is not (one version, as a snapshot).
      const [inside, stillInside] = data.steady!(() => {
        const first = lifecycle();
        writer.$client.prepare("UPDATE products SET lifecycle = 'discontinued' WHERE sku = 'SEAL-100'").run();
        return [first, lifecycle()];
      });
      expect([before, inside, stillInside]).toEqual(["active", "inactive", "inactive"]);
      expect(lifecycle()).toBe("discontinued");
      // No transaction is left open, and a snapshot inside it just runs.
      expect(data.steady!(() => data.snapshot(() => reader.$client.inTransaction))).toBe(false);
      expect(reader.$client.inTransaction).toBe(false);
      reader.$client.close();
      writer.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("validates inside a caller's transaction without nesting one", () => {
    const db = openWorld();
    const data = createCatalogReader(db);
    const report = db.$client.transaction(() => {
      db.$client.prepare("UPDATE stock SET on_hand = 0 WHERE sku = 'SEAL-100'").run();
      return data.snapshot(() => validate({ lines: [line("SEAL-100", 2)] }, "C-GOLD", db));
    })();
    expect(report.lines[0]!.verdict).toBe("backordered");
  });

  it("forgets what it read inside a transaction that was rolled back", () => {
    const db = openWorld();
    const data = createCatalogReader(db);
    const s = db.$client;
    const draft = {
      lines: [
        line("SEAL-100", 2),
        line("PUMP-CX200", 1, { lineId: "2", options: { voltage: ["400V"], seal: ["NBR"], flange: ["DN50"] } }),
      ],
    };
    const committed = validate(draft, "C-GOLD", db);
    expect(committed.clean).toBe(true);
    // A tentative change (a what-if, an import that fails half-way) read inside its transaction, then rolled back.
    const whatIf = () => {
      s.prepare(
        "UPDATE customers SET blocked = 1, blocked_reason = 'dunning', credit_limit_cents = 1 WHERE id = 'C-GOLD'",
      ).run();
      s.prepare("UPDATE products SET lifecycle = 'inactive' WHERE sku = 'SEAL-100'").run();
      s.prepare("UPDATE config_options SET label = 'changed' WHERE value = '400V'").run();
      s.prepare("DELETE FROM compat_rules").run();
      expect(data.customer("C-GOLD")).toMatchObject({ blocked: true, creditLimitCents: 1 });
      expect(data.products(["SEAL-100"]).get("SEAL-100")?.lifecycle).toBe("inactive");
      expect(data.compatRules()).toEqual([]);
      expect(validate(draft, "C-GOLD", db).clean).toBe(false);
    };
    s.exec("BEGIN");
    whatIf();
    s.exec("ROLLBACK");
    expect(data.customer("C-GOLD")).toMatchObject({ blocked: false, creditLimitCents: 2_000_000 });
    expect(data.products(["SEAL-100"]).get("SEAL-100")?.lifecycle).toBe("active");
    expect(data.compatRules().length).toBeGreaterThan(0);
    expect(
      data
        .configModel("PUMP-CFG")!
        .groups.find((g) => g.code === "voltage")!
        .options.map((o) => o.label),
    ).toEqual(["230 V", "400 V"]);
    expect(validate(draft, "C-GOLD", db)).toEqual(committed);

    // Rolled back, then read again inside the next (e.g. the hand-off's) transaction: still the committed rows.
    s.exec("BEGIN");
    whatIf();
    s.exec("ROLLBACK");
    const inNext = s
      .transaction(() =>
        data.snapshot(() => ({ customer: data.customer("C-GOLD"), report: validate(draft, "C-GOLD", db) })),
      )
      .immediate();
    expect(inNext.customer).toMatchObject({ blocked: false, creditLimitCents: 2_000_000 });
    expect(inNext.report).toEqual(committed);
    // A transaction that failed and was rolled back by better-sqlite3 leaves nothing behind either.
    expect(() =>
      s.transaction(() => {
        whatIf();
        throw new Error("import failed");
      })(),
    ).toThrow(/import failed/);
    expect(validate(draft, "C-GOLD", db)).toEqual(committed);
  });
});
