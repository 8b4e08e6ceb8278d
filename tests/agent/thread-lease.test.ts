/**
 * The cross-process run lease of a thread, on one SQLite file through two connections (two processes' view of it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { RunConflictError } from "../../agent/errors.ts";
import { createThreadLeases } from "../../agent/thread-lease.ts";

const dir = mkdtempSync(join(tmpdir(), "os-lease-"));
const open: Database.Database[] = [];
afterAll(() => {
  for (const db of open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function twoProcesses(name: string, clock: { t: number }, options: { ttlMs?: number; waitMs?: number } = {}) {
  const path = join(dir, `${name}.db`);
  const connect = () => {
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 2000");
    open.push(db);
    return createThreadLeases(db, { ttlMs: 1_000, waitMs: 5_000, ...options, now: () => clock.t });
  };
  return [connect(), connect()] as const;
}

describe("thread leases across processes", () => {
  it("lets the other process run the thread only after the holder released it", async () => {
    const clock = { t: 1_000_000 };
    const [a, b] = twoProcesses("release", clock);
    const held = await a.acquire("t-1");
    let bRan = false;
    const waiting = b.acquire("t-1").then((lease) => ((bRan = true), lease));
    await new Promise((r) => setTimeout(r, 50));
    expect(bRan).toBe(false);
    held.release();
    const bLease = await waiting;
    expect(bRan).toBe(true);
    // B never ran this thread but A did: whatever B had cached about it is stale.
    expect(bLease.othersRan).toBe(true);
    bLease.release();
    // A ran it, then B: A's cache is stale too; then A again: not stale.
    const again = await a.acquire("t-1");
    expect(again.othersRan).toBe(true);
    again.release();
    const third = await a.acquire("t-1");
    expect(third.othersRan).toBe(false);
    third.release();
  });

  it("never blocks other threads", async () => {
    const clock = { t: 1_000_000 };
    const [a, b] = twoProcesses("others", clock);
    const one = await a.acquire("t-1");
    const two = await b.acquire("t-2");
    one.release();
    two.release();
  });

  it("frees the lease of a process that died holding it once its time is up", async () => {
    const clock = { t: 1_000_000 };
    const [dead, alive] = twoProcesses("dead", clock, { ttlMs: 1_000 });
    await dead.acquire("t-1"); // never released: the process was killed
    const waiting = alive.acquire("t-1");
    clock.t += 1_001;
    const lease = await waiting;
    expect(lease.othersRan).toBe(true);
    lease.release();
  });

  it("gives up with conflict:run when the other run takes longer than the wait, writing nothing", async () => {
    const clock = { t: 1_000_000 };
    const [a, b] = twoProcesses("timeout", clock, { ttlMs: 60_000, waitMs: 2_000 });
    const held = await a.acquire("t-1");
    const waiting = b.acquire("t-1");
    clock.t += 2_001;
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunConflictError);
    expect(error).toMatchObject({ code: "conflict:run" });
    held.release();
    // The refused run left no trace: the next run of the holder's process sees no other process's run.
    const next = await a.acquire("t-1");
    expect(next.othersRan).toBe(false);
    next.release();
  });

  it("stops renewing, without an error, when the database closes under a running turn (shutdown)", async () => {
    const db = new Database(join(dir, "closed.db"));
    const leases = createThreadLeases(db, { ttlMs: 30 });
    const held = await leases.acquire("t-1");
    db.close();
    // Renewals fall due every 10 ms; one throwing out of its timer would be an uncaught exception failing this run.
    await new Promise((r) => setTimeout(r, 60));
    expect(() => held.release()).not.toThrow();
  });
});
