/**
 * Credit exposure counts the customer's orders the shield handed off that the ERP has not booked yet: a buyer
 * cannot split one order over the credit limit into several that each fit it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { issuesOf } from "./helpers.ts";
import { NOW, openWorld, validate, WORLD } from "./world.ts";

// C-GOLD: credit limit 20,000.00, open balance 1,000.00, overrun allowed 200.00. Ten MOTOR-400 = 4,200.00 (no approval needed).
const motors: Draft = { lines: [{ lineId: "L1", sku: "MOTOR-400", quantity: 10 }] };

function place(db: Db, threadId: string) {
  return handOff(db, {
    threadId,
    draft: motors,
    confirmedHash: hashDraft(motors),
    customerId: "C-GOLD",
    channel: "test",
    now: NOW,
  });
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("credit exposure of handed-off orders", () => {
  test("orders handed off but not booked count against the credit limit; booked ones are the ERP's open balance", () => {
    const db = openWorld();
    // 1,000 + 4 × 4,200 = 17,800 fits; a fifth order would make 22,000.
    expect(["a", "b", "c", "d"].map((t) => place(db, t).status)).toEqual(["placed", "placed", "placed", "placed"]);
    const fifth = place(db, "e");
    expect(fifth.status).toBe("blocked");
    const issue = fifth.status === "blocked" ? issuesOf(fifth.report, "credit.limit_exceeded")[0] : undefined;
    expect(issue?.details).toMatchObject({ unbookedOrders: 4, unbookedOrdersCents: 1_680_000, overrunCents: 200_000 });
    expect(issue?.message).toMatch(/4 orders not yet booked \(€16,800\.00/);
    // The agent's validation (outside the hand-off) tells the buyer the same.
    expect(issuesOf(validate(motors, "C-GOLD", db), "credit.limit_exceeded")).toHaveLength(1);
    // Other customers' orders are not this customer's exposure.
    expect(issuesOf(validate(motors, "C-PLAT", db), "credit.limit_exceeded")).toEqual([]);

    // The ERP acknowledges two orders and the customer has paid them: they no longer count here.
    db.$client.prepare("UPDATE orders SET status = 'booked' WHERE thread_id IN ('a', 'b')").run();
    expect(place(db, "e").status).toBe("placed");
  });

  test("the hand-off's re-validation sees an order placed a moment earlier by another connection", () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-"));
    dirs.push(dir);
    const a = openDatabase(join(dir, "shop.db"));
    importCatalog(a, WORLD);
    const b = openDatabase(join(dir, "shop.db"));
    // Both connections have validated (and cached what they may cache) before any order exists.
    expect(issuesOf(validate(motors, "C-GOLD", a), "credit.limit_exceeded")).toEqual([]);
    expect(issuesOf(validate(motors, "C-GOLD", b), "credit.limit_exceeded")).toEqual([]);
    expect(["a1", "a2", "a3", "a4"].map((t) => place(a, t).status)).toEqual(["placed", "placed", "placed", "placed"]);
    const r = place(b, "b1");
    expect(r.status).toBe("blocked");
    expect(r.status === "blocked" && issuesOf(r.report, "credit.limit_exceeded")).toHaveLength(1);
    expect((b.$client.prepare("SELECT COUNT(*) AS n FROM orders").get() as { n: number }).n).toBe(4);
    a.$client.close();
    b.$client.close();
  });
});
