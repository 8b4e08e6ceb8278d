/**
 * Streams across processes. The event hub lives in one process, but two server processes may share one database
 * (behind a load balancer; the thread lease serialises their runs). A buyer following a thread on process A did not
 * see the turn that process B answered, a rep message posted through B, a takeover, or an order status B received
 * from the ERP: A's stream stayed silent until the client reconnected.
 *
 * Each process therefore announces, per stream, that something settled there: a row per stream key in `hub_versions`
 * counting changes, with the process that made the last one. Every `pollMs` a process asks SQLite whether another
 * connection committed anything since it last looked (`PRAGMA data_version`, no read of any table); only then does it
 * read the versions of the streams it has subscribers for, and a stream another process changed gets a `resync`
 * event — the widget and the copilot re-read the thread (or the queue) on it, as after a reconnect that missed events.
 * Text deltas and tool progress are not announced: the settled events after them (message, run_finished, …) are.
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { SseEventName } from "./schema.ts";
import { type EventHub, type Key, QUEUE } from "./hub.ts";

/** Events that change what re-reading the thread (or the queue) would show. */
const SETTLED = new Set<SseEventName>([
  "message",
  "draft",
  "report",
  "handoff",
  "interrupt",
  "run_finished",
  "takeover",
  "note",
  "order_status",
  "thread",
]);

const QUEUE_KEY = "#queue";
const rowKey = (key: Key) => (key === QUEUE ? QUEUE_KEY : key);

export interface PeerSyncOptions {
  /** The shop database every process shares. */
  db: Database.Database;
  hub: EventHub;
  /** How often to look for other processes' changes; 0 turns the sync off. */
  pollMs: number;
}

export interface PeerSync {
  /** Look now (what the timer does every `pollMs`); returns the streams that got a `resync`. */
  poll(): Key[];
  stop(): void;
}

export function syncPeers({ db, hub, pollMs }: PeerSyncOptions): PeerSync {
  const me = randomUUID();
  db.exec(`CREATE TABLE IF NOT EXISTS hub_versions (
    key TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    origin TEXT NOT NULL
  )`);
  const read = db.prepare<[string], { version: number; origin: string }>(
    "SELECT version, origin FROM hub_versions WHERE key = ?",
  );
  const bump = db.prepare<[string, string], { version: number }>(
    `INSERT INTO hub_versions (key, version, origin) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET version = version + 1, origin = excluded.origin RETURNING version`,
  );
  const dataVersion = () => db.pragma("data_version", { simple: true }) as number;
  /** The version of each followed stream this process last saw or wrote. */
  const known = new Map<Key, number>();
  const dirty = new Set<Key>();
  let lastData = dataVersion();
  let flushing = false;

  const resync = (key: Key) =>
    key === QUEUE
      ? hub.publishQueue("resync", { reason: "the queue changed in another process" })
      : hub.publish(key, "resync", { reason: "the thread changed in another process" });

  // One transaction for everything a tick announced (a turn publishes several settled events at once).
  const announce = db.transaction((keys: Key[]) => {
    const missed: Key[] = [];
    for (const key of keys) {
      const version = bump.get(rowKey(key), me)!.version;
      const before = known.get(key);
      // Someone else changed it since we last looked: our own write does not hide that from our streams.
      if (before !== undefined && version > before + 1) missed.push(key);
      if (before !== undefined) known.set(key, version);
    }
    return missed;
  });
  const flush = () => {
    flushing = false;
    if (!dirty.size || !db.open) return dirty.clear();
    const keys = [...dirty];
    dirty.clear();
    try {
      for (const key of announce(keys)) resync(key);
    } catch {
      // A busy or closing database: the other processes miss this announcement, their clients still see the
      // change on their next reconnect or message. Never an error in the publishing run.
    }
  };

  hub.observe({
    published(key, event) {
      if (!SETTLED.has(event.event)) return;
      dirty.add(key);
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    },
    subscribed(key) {
      if (known.has(key) || !db.open) return;
      try {
        known.set(key, read.get(rowKey(key))?.version ?? 0);
      } catch {
        known.set(key, 0);
      }
    },
  });

  const poll = (): Key[] => {
    if (!db.open) return [];
    const now = dataVersion();
    if (now === lastData) return [];
    lastData = now;
    const changed: Key[] = [];
    const followed = new Set(hub.subscribedKeys());
    for (const key of [...known.keys()]) {
      if (!followed.has(key)) {
        known.delete(key);
        continue;
      }
      const row = read.get(rowKey(key));
      if (!row || row.version === known.get(key)) continue;
      known.set(key, row.version);
      if (row.origin !== me) changed.push(key);
    }
    for (const key of changed) resync(key);
    return changed;
  };

  const timer =
    pollMs > 0
      ? setInterval(() => {
          if (!db.open) return clearInterval(timer);
          try {
            poll();
          } catch {
            // A busy database: look again next time.
          }
        }, pollMs)
      : undefined;
  timer?.unref();

  return {
    poll,
    stop() {
      if (timer) clearInterval(timer);
      hub.observe(undefined);
    },
  };
}
