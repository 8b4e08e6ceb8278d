/**
 * Crash safety: an outbox worker process is killed (SIGKILL) while the ERP is processing its deliveries; a new
 * process on the same database file picks the events up once their leases run out. Delivery is at-least-once: after
 * the receiver dedupes by webhook-id, the ERP holds exactly one order per webhook-id, and every order placed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { recordCounts } from "../reliability/counts.ts";
import { demoWorld, listen, outboxRow, placeOrder, SECRET, testReceiver } from "./erp-helpers.ts";

const CHILD = resolve(import.meta.dirname, "fixtures/outbox-worker-child.ts");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

function startWorker(dbPath: string, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbPath, url, SECRET], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((ready, fail) => {
    child.stdout?.once("data", () => ready(child));
    child.once("exit", (code) => fail(new Error(`worker exited early (${code})`)));
  });
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("outbox crash safety", () => {
  // Two worker processes start (tsx) one after the other: on a loaded machine that alone can take 30 s.
  test("SIGKILL during delivery, then a restart: exactly one order per webhook-id at the receiver", {
    timeout: 120_000,
  }, async ({ task }) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "erp-crash-")), "shop.db");
    const db = demoWorld(dbPath);
    const orderIds = Array.from({ length: 6 }, (_, i) => placeOrder(db, `t-crash-${i}`));
    const receiver = testReceiver();
    // The ERP books the first two orders it gets but answers only after the sender is gone: their 2xx is lost.
    receiver.script.push({ delayMs: 3_000, status: 200 }, { delayMs: 3_000, status: 200 });
    const served = await listen(receiver.app);
    try {
      const url = `${served.url}/hook`;
      const first = await startWorker(dbPath, url);
      await waitFor(() => receiver.requests.length >= 2, "two deliveries in flight");
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      expect(orderIds.some((id) => outboxRow(db, id).status === "delivered")).toBe(false);

      const second = await startWorker(dbPath, url);
      await waitFor(() => orderIds.every((id) => outboxRow(db, id).status === "delivered"), "every order delivered");
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));

      // At least once: the two whose answer was lost came again, with the same webhook-id.
      expect(receiver.requests.length).toBeGreaterThan(orderIds.length);
      const byId = new Map<string, Set<string>>();
      for (const r of receiver.requests) {
        expect(r.verified).toBe(true);
        byId.set(r.webhookId, (byId.get(r.webhookId) ?? new Set()).add(r.orderId ?? "?"));
      }
      expect([...byId.values()].every((orders) => orders.size === 1)).toBe(true);
      // After dedupe: one order per webhook-id, and the ERP has every order placed, once.
      expect([...receiver.orders.values()].sort()).toEqual([...orderIds].sort());
      expect(new Set(orderIds.map((id) => outboxRow(db, id).id))).toEqual(new Set(receiver.orders.keys()));
      recordCounts(task, {
        check: "faults.kill_during_delivery",
        requests: receiver.requests.length,
        faults: 1,
        inputs: 0,
        orders: orderIds.length,
        lost: 0,
      });
    } finally {
      await served.close();
    }
  });
});
