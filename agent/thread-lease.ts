/**
 * One run at a time per thread across processes. Two server processes behind a load balancer share the thread file;
 * each serialises a thread's runs only in itself, and a run writes its checkpoint from the state it started with —
 * so two turns of one thread running at once in two processes lose one of them (the later checkpoint drops the
 * other turn's buyer message and draft edits). A run therefore holds the thread's lease, a row in the threads
 * database, from before it reads the checkpoint until after it wrote the last one.
 *
 * - Taking the lease is one short write transaction (`BEGIN IMMEDIATE`): free, expired, or already ours → ours.
 * - Held by another process: wait and try again (the buyer's message is answered after the other turn), up to
 *   `waitMs`; then `RunConflictError` (409 `conflict:run`), nothing written.
 * - A process that dies holding a lease never releases it: the lease expires `ttlMs` after its last renewal, and a
 *   running turn renews it every `ttlMs / 3`. Sooner: the lease records its holder's pid, start time, boot id and
 *   process namespace (process-identity.ts), and a waiter on the same machine and namespace that finds the holder's
 *   process gone takes the lease at once — a buyer's retry after a crash is answered, not held up to `ttlMs`. A
 *   holder on another machine, or one whose liveness cannot be read, is waited out: a live holder never loses it.
 * - `runs` counts the runs of the thread in every process; a holder that sees a count other than the one it left
 *   knows another process ran the thread meanwhile and drops what it cached about it.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type Database from "better-sqlite3";
import { isDatabaseBusy, RunConflictError } from "./errors.ts";
import { isGone, ownIdentity, type ProcessIdentity } from "./process-identity.ts";

export interface LeaseOptions {
  /** A lease not renewed for this long is free (its holder died). */
  ttlMs?: number;
  /** How long a run waits for another process's run of the same thread before giving up. */
  waitMs?: number;
  now?: () => number;
  /** Called once when a run starts waiting for a lease another process holds (for logs and tests). */
  onWait?: (threadId: string) => void;
  /** This process as lease holder (tests); by default read from /proc, null where it cannot be. */
  identity?: ProcessIdentity | null;
  /** Whether a holder is provably gone (tests); by default process-identity.ts `isGone`. */
  isGone?: (holder: ProcessIdentity, own: ProcessIdentity | null) => boolean;
}

export interface HeldLease {
  /** Another process ran the thread since this one last did: what this process cached about it is stale. */
  othersRan: boolean;
  release(): void;
}

export interface ThreadLeases {
  acquire(threadId: string, signal?: AbortSignal): Promise<HeldLease>;
}

const DEFAULTS = { ttlMs: 30_000, waitMs: 60_000 };

export function createThreadLeases(db: Database.Database, options: LeaseOptions = {}): ThreadLeases {
  const ttlMs = options.ttlMs ?? DEFAULTS.ttlMs;
  const waitMs = options.waitMs ?? DEFAULTS.waitMs;
  const now = options.now ?? Date.now;
  const holder = randomUUID();
  const identity = options.identity === undefined ? ownIdentity() : options.identity;
  const gone = options.isGone ?? isGone;
  db.exec(`CREATE TABLE IF NOT EXISTS thread_leases (
    thread_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    runs INTEGER NOT NULL DEFAULT 0
  )`);
  // The holder's identity came later (session 20): a file of an older version gets the columns, its rows none (they
  // are waited out as before).
  const columns = new Set((db.pragma("table_info(thread_leases)") as { name: string }[]).map((c) => c.name));
  for (const [name, type] of [
    ["holder_machine", "TEXT"],
    ["holder_pid", "INTEGER"],
    ["holder_started", "TEXT"],
  ] as const)
    if (!columns.has(name)) db.exec(`ALTER TABLE thread_leases ADD COLUMN ${name} ${type}`);
  type Row = {
    holder: string;
    expires_at: number;
    runs: number;
    holder_machine: string | null;
    holder_pid: number | null;
    holder_started: string | null;
  };
  const read = db.prepare<[string], Row>(
    "SELECT holder, expires_at, runs, holder_machine, holder_pid, holder_started FROM thread_leases WHERE thread_id = ?",
  );
  const take = db.prepare(
    `INSERT INTO thread_leases (thread_id, holder, expires_at, runs, holder_machine, holder_pid, holder_started)
     VALUES (@threadId, @holder, @expiresAt, 1, @machine, @pid, @started)
     ON CONFLICT (thread_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, runs = runs + 1,
       holder_machine = excluded.holder_machine, holder_pid = excluded.holder_pid,
       holder_started = excluded.holder_started`,
  );
  const renew = db.prepare<[number, string, string]>(
    "UPDATE thread_leases SET expires_at = ? WHERE thread_id = ? AND holder = ?",
  );
  const free = db.prepare<[string, string]>(
    "UPDATE thread_leases SET expires_at = 0 WHERE thread_id = ? AND holder = ?",
  );
  /** Held by a process on this machine that is no longer running: its lease is free now, not when it runs out. */
  const holderGone = (row: Row) =>
    row.holder_machine !== null &&
    row.holder_pid !== null &&
    row.holder_started !== null &&
    gone({ machine: row.holder_machine, pid: row.holder_pid, started: row.holder_started }, identity);
  const tryTake = db.transaction((threadId: string): number | null => {
    const row = read.get(threadId);
    if (row && row.holder !== holder && row.expires_at > now() && !holderGone(row)) return null;
    take.run({
      threadId,
      holder,
      expiresAt: now() + ttlMs,
      machine: identity?.machine ?? null,
      pid: identity?.pid ?? null,
      started: identity?.started ?? null,
    });
    return row?.runs ?? 0;
  });
  const seen = new Map<string, number>();

  return {
    async acquire(threadId, signal) {
      const deadline = now() + waitMs;
      let pause = 10;
      for (;;) {
        let previous: number | null = null;
        try {
          previous = tryTake.immediate(threadId);
        } catch (error) {
          // Locked past the busy timeout by another writer: the same as a lease held elsewhere, wait and retry.
          if (!isDatabaseBusy(error)) throw error;
        }
        if (previous !== null) {
          const last = seen.get(threadId);
          const othersRan = last === undefined ? previous > 0 : last !== previous;
          seen.delete(threadId);
          seen.set(threadId, previous + 1);
          if (seen.size > 10_000) seen.delete(seen.keys().next().value!);
          const timer = setInterval(() => {
            // A renewal never throws out of a timer: a closed database (shutdown) ends it, a busy one waits for the
            // next (a third of the lease's time is left).
            if (!db.open) return clearInterval(timer);
            try {
              renew.run(now() + ttlMs, threadId, holder);
            } catch (error) {
              if (!isDatabaseBusy(error)) clearInterval(timer);
            }
          }, ttlMs / 3);
          timer.unref();
          let released = false;
          return {
            othersRan,
            release() {
              if (released) return;
              released = true;
              clearInterval(timer);
              // Closed under a run (shutdown): nothing to free, the lease expires on its own.
              if (!db.open) return;
              try {
                free.run(threadId, holder);
              } catch (error) {
                // Locked past the busy timeout: the lease stays until it expires; the other process waits that out.
                if (!isDatabaseBusy(error)) throw error;
              }
            },
          };
        }
        if (now() >= deadline) throw new RunConflictError();
        if (pause === 10) options.onWait?.(threadId);
        await sleep(pause, undefined, signal ? { signal } : undefined);
        pause = Math.min(pause * 2, 250);
      }
    },
  };
}
