/**
 * The outbox as a delivery queue on SQLite, shared by every process on the database file.
 *
 * An event is claimed with a lease (one UPDATE … RETURNING, atomic under SQLite's write lock): no two workers hold
 * it at once, and a killed worker's lease simply runs out, after which the event is due again. Attempts are counted
 * at the claim, so an event whose delivery keeps crashing the process still reaches the end of its schedule.
 * Delivery is at-least-once: a worker killed after the ERP answered 2xx but before it recorded that sends the event
 * again with the same `webhook-id`, which the receiver dedupes.
 */
import type { Db } from "../../catalog/db.ts";

export type OutboxStatus = "pending" | "delivered" | "dead";

export interface ClaimedEvent {
  id: string;
  orderId: string;
  eventType: string;
  payload: string;
  attempts: number;
  createdAt: string;
}

export interface OutboxRow {
  id: string;
  orderId: string;
  eventType: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  createdAt: string;
  deliveredAt: string | null;
  deadAt: string | null;
  replays: number;
}

export interface AttemptRow {
  attempt: number;
  at: string;
  durationMs: number;
  statusCode: number | null;
  outcome: "delivered" | "retry" | "dead" | "gone";
  error: string | null;
  nextAttemptAt: string | null;
  workerId: string;
}

const ROW_COLUMNS = `id, order_id AS orderId, event_type AS eventType, status, attempts, next_attempt_at AS nextAttemptAt,
  last_error AS lastError, last_status_code AS lastStatusCode, last_attempt_at AS lastAttemptAt,
  lease_owner AS leaseOwner, lease_until AS leaseUntil, created_at AS createdAt, delivered_at AS deliveredAt,
  dead_at AS deadAt, replays`;

const DUE = `status = 'pending' AND coalesce(next_attempt_at, '') <= @now AND (lease_until IS NULL OR lease_until <= @now)`;

/** Is anything due? A read, so an idle worker never takes the write lock (nor moves the catalog reader's cache key). */
export function hasDueEvents(db: Db, now: Date): boolean {
  return db.$client.prepare(`SELECT 1 FROM outbox WHERE ${DUE} LIMIT 1`).get({ now: now.toISOString() }) !== undefined;
}

/** Lease up to `limit` due events to `owner` until `now + leaseMs`, oldest due first. */
export function claimDueEvents(db: Db, owner: string, now: Date, leaseMs: number, limit: number): ClaimedEvent[] {
  const rows = db.$client
    .prepare(
      `UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1, last_attempt_at = @now
       WHERE id IN (SELECT id FROM outbox WHERE ${DUE} ORDER BY coalesce(next_attempt_at, created_at), created_at LIMIT @limit)
       RETURNING id, order_id AS orderId, event_type AS eventType, payload, attempts, created_at AS createdAt`,
    )
    .all({ owner, now: now.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString(), limit });
  return rows as ClaimedEvent[];
}

export interface AttemptRecord {
  eventId: string;
  attempt: number;
  at: Date;
  durationMs: number;
  statusCode: number | null;
  outcome: AttemptRow["outcome"];
  error: string | null;
  nextAttemptAt: Date | null;
  workerId: string;
}

export function insertAttempt(db: Db, a: AttemptRecord): void {
  db.$client
    .prepare(
      `INSERT INTO outbox_attempts (event_id, attempt, at, duration_ms, status_code, outcome, error, next_attempt_at, worker_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.eventId,
      a.attempt,
      a.at.toISOString(),
      Math.round(a.durationMs),
      a.statusCode,
      a.outcome,
      a.error,
      a.nextAttemptAt?.toISOString() ?? null,
      a.workerId,
    );
}

/** Delivered: whoever holds the lease now, the ERP has it. False when it was already delivered (nothing to announce). */
export function markDelivered(
  db: Db,
  eventId: string,
  now: Date,
  statusCode: number | null,
  note: string | null,
): boolean {
  const r = db.$client
    .prepare(
      `UPDATE outbox SET status = 'delivered', delivered_at = @now, last_status_code = coalesce(@code, last_status_code),
         last_error = @note, lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL, dead_at = NULL
       WHERE id = @id AND status <> 'delivered'`,
    )
    .run({ id: eventId, now: now.toISOString(), code: statusCode, note });
  return r.changes > 0;
}

/** Schedule the next attempt, only while `owner` still holds the event (a replay or another worker may have moved it). */
export function markRetry(
  db: Db,
  eventId: string,
  owner: string,
  nextAt: Date,
  statusCode: number | null,
  error: string,
): boolean {
  const r = db.$client
    .prepare(
      `UPDATE outbox SET next_attempt_at = @next, last_status_code = @code, last_error = @error, lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND status = 'pending' AND lease_owner = @owner`,
    )
    .run({ id: eventId, owner, next: nextAt.toISOString(), code: statusCode, error });
  return r.changes > 0;
}

/** Dead-letter it (schedule used up, or 410); only while `owner` still holds it. */
export function markDead(
  db: Db,
  eventId: string,
  owner: string,
  now: Date,
  statusCode: number | null,
  error: string,
): boolean {
  const r = db.$client
    .prepare(
      `UPDATE outbox SET status = 'dead', dead_at = @now, next_attempt_at = NULL, last_status_code = @code, last_error = @error,
         lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND status = 'pending' AND lease_owner = @owner`,
    )
    .run({ id: eventId, owner, now: now.toISOString(), code: statusCode, error });
  return r.changes > 0;
}

export interface ListOptions {
  status?: OutboxStatus | undefined;
  /** Only events whose last attempt failed (pending with an error, or dead). */
  failing?: boolean | undefined;
  limit: number;
  /** Return events created before this id's row (keyset paging, newest first). */
  before?: string | undefined;
}

export function listOutbox(db: Db, options: ListOptions): OutboxRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: options.limit };
  if (options.status) {
    where.push("status = @status");
    params.status = options.status;
  }
  if (options.failing) where.push("(status = 'dead' OR (status = 'pending' AND last_error IS NOT NULL))");
  if (options.before) {
    where.push("(created_at, id) < (SELECT created_at, id FROM outbox WHERE id = @before)");
    params.before = options.before;
  }
  const sql = `SELECT ${ROW_COLUMNS} FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY created_at DESC, id DESC LIMIT @limit`;
  return db.$client.prepare(sql).all(params) as OutboxRow[];
}

export function readOutboxEvent(db: Db, eventId: string): (OutboxRow & { attemptLog: AttemptRow[] }) | undefined {
  const row = db.$client.prepare(`SELECT ${ROW_COLUMNS} FROM outbox WHERE id = ?`).get(eventId) as
    | OutboxRow
    | undefined;
  if (!row) return undefined;
  const attemptLog = db.$client
    .prepare(
      `SELECT attempt, at, duration_ms AS durationMs, status_code AS statusCode, outcome, error, next_attempt_at AS nextAttemptAt,
         worker_id AS workerId FROM outbox_attempts WHERE event_id = ? ORDER BY id`,
    )
    .all(eventId) as AttemptRow[];
  return { ...row, attemptLog };
}

export function countByStatus(db: Db): Record<OutboxStatus, number> {
  const out: Record<OutboxStatus, number> = { pending: 0, delivered: 0, dead: 0 };
  for (const r of db.$client.prepare("SELECT status, count(*) AS n FROM outbox GROUP BY status").all() as {
    status: OutboxStatus;
    n: number;
  }[])
    out[r.status] = r.n;
  return out;
}

export type ReplayResult = { status: "replayed"; event: OutboxRow } | { status: "not_found" } | { status: "in_flight" };

/**
 * Send an event again with a fresh schedule (same `webhook-id`: a receiver that already has it dedupes). An event a
 * worker is delivering right now is left alone.
 */
export function replayEvent(db: Db, eventId: string, now: Date): ReplayResult {
  return db.$client.transaction((): ReplayResult => {
    const row = db.$client
      .prepare("SELECT lease_owner AS owner, lease_until AS until, status FROM outbox WHERE id = ?")
      .get(eventId) as { owner: string | null; until: string | null; status: OutboxStatus } | undefined;
    if (!row) return { status: "not_found" };
    if (row.status === "pending" && row.owner && row.until && row.until > now.toISOString())
      return { status: "in_flight" };
    db.$client
      .prepare(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, dead_at = NULL, lease_owner = NULL,
           lease_until = NULL, replays = replays + 1 WHERE id = ?`,
      )
      .run(eventId);
    const event = db.$client.prepare(`SELECT ${ROW_COLUMNS} FROM outbox WHERE id = ?`).get(eventId) as OutboxRow;
    return { status: "replayed", event };
  })();
}

/** Every dead letter back to pending with a fresh schedule; returns their ids. */
export function replayDeadLetters(db: Db): string[] {
  const rows = db.$client
    .prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, dead_at = NULL, lease_owner = NULL,
         lease_until = NULL, replays = replays + 1 WHERE status = 'dead' RETURNING id`,
    )
    .all() as { id: string }[];
  return rows.map((r) => r.id);
}

export interface EndpointState {
  url: string;
  disabledAt: string | null;
  disabledReason: string | null;
}

export function endpointState(db: Db, url: string): EndpointState {
  const row = db.$client
    .prepare(
      "SELECT url, disabled_at AS disabledAt, disabled_reason AS disabledReason FROM erp_endpoints WHERE url = ?",
    )
    .get(url) as EndpointState | undefined;
  return row ?? { url, disabledAt: null, disabledReason: null };
}

export function disableEndpoint(db: Db, url: string, now: Date, reason: string): void {
  db.$client
    .prepare(
      `INSERT INTO erp_endpoints (url, disabled_at, disabled_reason, updated_at) VALUES (@url, @now, @reason, @now)
       ON CONFLICT (url) DO UPDATE SET disabled_at = @now, disabled_reason = @reason, updated_at = @now`,
    )
    .run({ url, now: now.toISOString(), reason });
}

/** Enable a disabled endpoint again; true when it was disabled. */
export function enableEndpoint(db: Db, url: string, now: Date): boolean {
  const r = db.$client
    .prepare(
      "UPDATE erp_endpoints SET disabled_at = NULL, disabled_reason = NULL, updated_at = ? WHERE url = ? AND disabled_at IS NOT NULL",
    )
    .run(now.toISOString(), url);
  return r.changes > 0;
}
