/**
 * The thread registry: who owns a conversation, and where it stands for the rep queue. Ownership is bound once,
 * in one statement that only inserts when no row exists, then re-read — two processes (or two agents with separate
 * checkpoint stores) on one database that start the same thread id for two customers get one owner, and the loser
 * sees the row the winner wrote. Status writes happen only when the status changes. The rows written here are
 * counted (version.ts): they do not move the catalog's version, which the reader's and the search's caches key on.
 */
import type { Db } from "../db.ts";
import { noteRegistryRows } from "./version.ts";

export const THREAD_STATUSES = ["active", "needs_approval", "blocked", "ordered"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export interface ThreadRecord {
  id: string;
  customerId: string;
  /** The customer's name from the catalog (null when the catalog does not know the customer). */
  customerName: string | null;
  contactId: string | null;
  channel: string;
  status: ThreadStatus;
  heldBy: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ThreadRow {
  id: string;
  customer_id: string;
  customer_name: string | null;
  contact_id: string | null;
  channel: string;
  status: string;
  held_by: string | null;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: ThreadRow): ThreadRecord => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  contactId: r.contact_id,
  channel: r.channel,
  status: (THREAD_STATUSES as readonly string[]).includes(r.status) ? (r.status as ThreadStatus) : "active",
  heldBy: r.held_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ThreadOwnerClaim {
  customerId: string;
  contactId?: string | null;
  channel?: string;
}

const SELECT = "select t.*, c.name as customer_name from threads t left join customers c on c.id = t.customer_id";

/** The registry's statements, prepared once per database handle. */
export function createThreadRegistry(db: Db) {
  const sqlite = db.$client;
  const insertIfAbsent = sqlite.prepare(
    "insert into threads (id, customer_id, contact_id, channel) values (?, ?, ?, ?) on conflict(id) do nothing",
  );
  const byId = sqlite.prepare(`${SELECT} where t.id = ?`);
  const setStatus = sqlite.prepare(
    "update threads set status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ? and status <> ?",
  );
  // One statement decides who holds a thread: a rep takes it when nobody else holds it (or when told to take it from
  // a colleague) and hands it back only when holding it, so two reps clicking at once cannot both think they hold it.
  const setHeld = sqlite.prepare(
    `update threads set held_by = @to, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
      where id = @id and (held_by is null or held_by = @by or @force = 1)`,
  );
  const heldByOf = sqlite.prepare("select held_by from threads where id = ?").pluck();
  const contactById = sqlite.prepare("select customer_id from contacts where id = ?");
  const claim = sqlite.transaction((threadId: string, owner: ThreadOwnerClaim): ThreadRecord => {
    const { changes } = insertIfAbsent.run(
      threadId,
      owner.customerId,
      owner.contactId ?? null,
      owner.channel ?? "widget",
    );
    noteRegistryRows(sqlite, changes);
    return toRecord(byId.get(threadId) as ThreadRow);
  });

  return {
    /** The thread's row, or null when nobody started it yet. */
    get(threadId: string): ThreadRecord | null {
      const row = byId.get(threadId) as ThreadRow | undefined;
      return row ? toRecord(row) : null;
    },
    /**
     * Bind the thread to `owner` unless it is bound already; returns the row as stored — compare its customerId with
     * the claimant's to know who won. Immediate transaction: the insert and the re-read see the same database.
     */
    claim(threadId: string, owner: ThreadOwnerClaim): ThreadRecord {
      return claim.immediate(threadId, owner);
    },
    /** The customer a contact belongs to, or null when the catalog does not know the contact. */
    customerOfContact(contactId: string): string | null {
      const row = contactById.get(contactId) as { customer_id: string } | undefined;
      return row ? row.customer_id : null;
    },
    /** Record where the thread stands; a no-op (no write) when it already stands there. */
    setStatus(threadId: string, status: ThreadStatus): void {
      noteRegistryRows(sqlite, setStatus.run(status, threadId, status).changes);
    },
    /**
     * A rep takes the thread over (`to` = the rep) or hands it back (`to` = null). Refused — nothing written — when
     * another rep holds it, unless `force` (taking it from a colleague). Answers who held it before and whether the
     * change happened, read in the same immediate transaction.
     */
    setHeldBy(
      threadId: string,
      change: { by: string; to: string | null; force?: boolean },
    ): { changed: boolean; before: string | null } {
      return sqlite
        .transaction(() => {
          const before = (heldByOf.get(threadId) as string | null | undefined) ?? null;
          const { changes } = setHeld.run({ id: threadId, to: change.to, by: change.by, force: change.force ? 1 : 0 });
          noteRegistryRows(sqlite, changes);
          const changed = changes > 0;
          return { changed, before };
        })
        .immediate();
    },
    /** Threads for the rep queue: needs approval first, then blocked, active, ordered; newest first within each. */
    list(filter: { status?: ThreadStatus; customerId?: string; limit?: number } = {}): ThreadRecord[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (filter.status) where.push("t.status = ?"), args.push(filter.status);
      if (filter.customerId) where.push("t.customer_id = ?"), args.push(filter.customerId);
      args.push(Math.max(1, Math.min(filter.limit ?? 100, 1000)));
      const rows = sqlite
        .prepare(
          `${SELECT} ${where.length ? `where ${where.join(" and ")}` : ""}
           order by case t.status when 'needs_approval' then 0 when 'blocked' then 1 when 'active' then 2 else 3 end,
                    t.updated_at desc limit ?`,
        )
        .all(...args) as ThreadRow[];
      return rows.map(toRecord);
    },
  };
}

export type ThreadRegistry = ReturnType<typeof createThreadRegistry>;
