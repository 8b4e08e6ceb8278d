/**
 * Faults survived: a process is killed (SIGKILL) in the middle of its hand-offs, several times; each time it is
 * restarted and the buyers retry their confirmations (same thread, same confirmed draft). Afterwards every confirmed
 * draft is exactly one order, each order is whole (its lines, its reservations, its one outbox event), and nothing
 * is left of a transaction that was cut off. (The kill during ERP delivery: tests/server/erp-crash.test.ts.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { demoWorld } from "../server/erp-helpers.ts";
import { recordCounts, reliabilityScale } from "./counts.ts";
import { crashDraft } from "./fixtures/handoff-drafts.ts";

const CHILD = resolve(import.meta.dirname, "fixtures/handoff-child.ts");
const dir = mkdtempSync(join(tmpdir(), "os-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the hand-off child; with `killAfter`, SIGKILLs it as soon as it reported that many hand-offs. */
function runChild(dbPath: string, count: number, killAfter?: number) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbPath, String(count)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let buffer = "";
  let killed = false;
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    buffer += d;
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    for (const l of parts) if (l !== "started") lines.push(l);
    if (killAfter !== undefined && !killed && lines.length >= killAfter) {
      killed = true;
      child.kill("SIGKILL");
    }
  });
  return new Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null }>((done) =>
    child.once("exit", (code, signal) => done({ lines, code, signal })),
  );
}

describe("SIGKILL during hand-offs", () => {
  test("after restarts and retries: no lost, no duplicate, no half-written order", { timeout: 600_000 }, async ({
    task,
  }) => {
    const total = reliabilityScale(24, 150);
    const kills = reliabilityScale(2, 8);
    const dbPath = join(dir, "shop.db");
    const db = demoWorld(dbPath);
    let faults = 0;
    for (let k = 0; k < kills; k++) {
      // Each run starts from thread 0 again (buyers retry), and dies a little further along.
      const r = await runChild(dbPath, total, Math.round(((k + 1) * total) / (kills + 1)));
      if (r.signal === "SIGKILL") faults++;
    }
    const last = await runChild(dbPath, total);
    expect(last.code).toBe(0);
    expect(
      last.lines.filter((l) => !l.includes(" placed ")),
      "every retry ends placed",
    ).toEqual([]);

    const q = <T>(sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as T[];
    const orders = q<{ id: string; thread_id: string }>("SELECT id, thread_id FROM orders WHERE channel = 'test'");
    const byThread = new Map<string, string[]>();
    for (const o of orders) byThread.set(o.thread_id, [...(byThread.get(o.thread_id) ?? []), o.id]);
    const missing = Array.from({ length: total }, (_, i) => `crash-${i}`).filter((t) => !byThread.has(t));
    const duplicated = [...byThread].filter(([, ids]) => ids.length > 1).map(([t]) => t);
    const halfWritten: string[] = [];
    for (const [thread, [orderId]] of byThread) {
      const draft = crashDraft(Number(thread.slice("crash-".length)));
      const lines = q<{ n: number }>("SELECT count(*) AS n FROM order_lines WHERE order_id = ?", orderId)[0]!.n;
      const events = q<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE order_id = ?", orderId)[0]!.n;
      const held = q<{ q: number }>(
        "SELECT COALESCE(SUM(quantity), 0) AS q FROM reservations WHERE order_id = ?",
        orderId,
      )[0]!.q;
      const want = draft.lines.reduce((a, l) => a + l.quantity, 0);
      if (lines !== draft.lines.length || events !== 1 || held !== want)
        halfWritten.push(`${thread}: ${lines} lines, ${events} outbox events, ${held}/${want} units held`);
    }
    // Nothing of a cut-off transaction survives: no lines, events or holds without their order.
    const orphans = q<{ what: string }>(
      `SELECT 'line' AS what FROM order_lines WHERE order_id NOT IN (SELECT id FROM orders)
       UNION ALL SELECT 'outbox' FROM outbox WHERE order_id NOT IN (SELECT id FROM orders)
       UNION ALL SELECT 'hold' FROM reservations WHERE order_id IS NOT NULL AND order_id NOT IN (SELECT id FROM orders)`,
    );
    db.$client.close();
    recordCounts(task, {
      check: "faults.kill_during_handoff",
      requests: 0,
      faults,
      inputs: 0,
      orders: orders.length,
      lost: missing.length + duplicated.length + halfWritten.length + orphans.length,
    });
    expect(faults).toBe(kills);
    expect({ missing, duplicated, halfWritten, orphans }).toEqual({
      missing: [],
      duplicated: [],
      halfWritten: [],
      orphans: [],
    });
  });
});
