/**
 * The hand-off: the only side effect of the shield. In ONE immediate SQLite transaction it re-runs every check
 * against the current data, and only when the confirmed draft is still clean (and still what the buyer saw) it
 * reserves the stock, writes the order, its lines, an audit entry and the outbox event carrying the clean order.
 * Because the transaction takes the write lock before reading (BEGIN IMMEDIATE), two checkouts of scarce stock are
 * serialised: the second one re-validates against the first one's reservations and never oversells.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../catalog/db.ts";
import { auditLog, customers, orderLines, orders, outbox, reservations, shipTos } from "../catalog/schema.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import { validateDraft } from "./engine.ts";
import { hashDraft } from "./draft-hash.ts";
import { approvalsCoverReport } from "./approvals.ts";
import {
  buyerRequestsOf,
  CLEAN_ORDER_SCHEMA_VERSION,
  type CleanOrder,
  type CleanOrderApproval,
  type CleanOrderLine,
} from "./clean-order.ts";
import { withShownTexts } from "./limits.ts";
import { VERDICT_CODES, type Draft, type Issue, type ValidationReport } from "./types.ts";
import { msg, nested, renderMessage, type EngineMessage } from "./messages/index.ts";

export const ORDER_EVENT_TYPE = "order.created";

export interface HandoffRequest {
  threadId: string;
  draft: Draft;
  /** The hash the buyer confirmed; must equal the draft's hash. */
  confirmedHash: string;
  /** From the session, never from the model. */
  customerId: string;
  contactId?: string | null;
  channel: string;
  approvals?: CleanOrderApproval[];
  /** The report the buyer saw when confirming: prices, dates and verdicts must not have moved since. */
  confirmedReport?: ValidationReport | null;
  now?: Date;
}

export type HandoffResult =
  | { status: "placed"; orderId: string; order: CleanOrder; report: ValidationReport | null; replayed: boolean }
  /** No longer clean against current data: nothing written; `changes` says what changed, the report has the fixes. */
  | { status: "blocked"; report: ValidationReport; changes: string[]; changeTexts: EngineMessage[] }
  /** Still clean but prices, dates or verdicts differ from what the buyer confirmed: nothing written. */
  | { status: "changed"; report: ValidationReport; changes: string[]; changeTexts: EngineMessage[] }
  | { status: "needs_approval"; report: ValidationReport }
  | { status: "stale"; currentHash: string }
  /** The thread already has an order of another customer: refused, nothing written, nothing of theirs returned. */
  | { status: "foreign" };

/**
 * One order per confirmed draft of one customer: customer + thread + draft hash. The customer is part of the key so
 * that a thread id reused by another customer (two checkpoint stores, a forged id) can never replay someone else's
 * order — it gets a key of its own, and handOff refuses it anyway (see `foreign`).
 */
export function idempotencyKey(customerId: string, threadId: string, draftHash: string): string {
  // Each part percent-encoded (':' → %3A), so the key is one-to-one: ids may contain ':' ("C-A" + "X:T" and "C-A:X" +
  // "T" would otherwise be one key, one order id). Ids of letters, digits and "-_." read as before: `C-100:t-1:<hash>`.
  return `${encodeURIComponent(customerId)}:${encodeURIComponent(threadId)}:${draftHash}`;
}

/** The key before its parts were encoded: differs from `idempotencyKey` only for ids with characters like ':' or '@'. */
const rawIdempotencyKey = (customerId: string, threadId: string, draftHash: string) =>
  `${customerId}:${threadId}:${draftHash}`;

/** The key orders were written under before the customer was part of it: still found, so a replay stays a replay. */
const legacyIdempotencyKey = (threadId: string, draftHash: string) => `${threadId}:${draftHash}`;

function orderIdFor(key: string): string {
  return `ord_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}

/**
 * Place the confirmed draft as an order, or explain why not. Synchronous: it runs inside a better-sqlite3
 * transaction, and a repeat of the same (thread, hash) returns the order already written.
 *
 * @example
 *   const r = handOff(db, { threadId, draft, confirmedHash: hashDraft(draft), customerId: "C-100", channel: "widget" });
 *   if (r.status === "placed") console.log(r.order.header.orderId);
 */
export function handOff(db: Db, request: HandoffRequest): HandoffResult {
  const now = request.now ?? new Date();
  const run = db.$client.transaction((): HandoffResult => {
    const draftHash = hashDraft(request.draft);
    if (draftHash !== request.confirmedHash) return { status: "stale", currentHash: draftHash };
    const key = idempotencyKey(request.customerId, request.threadId, draftHash);

    // A thread is one customer's conversation: an order of anyone else in it means the caller is not its owner.
    const foreign = db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.threadId, request.threadId), ne(orders.customerId, request.customerId)))
      .get();
    if (foreign) return { status: "foreign" };

    // A replay is this customer's order of this thread and this draft — never whatever a key happens to spell: ids
    // may contain ':', so "C-A" + "X:T" and "C-A:X" + "T" join to one key, and so do a legacy key and a new one.
    const existing = db
      .select()
      .from(orders)
      .where(
        and(
          inArray(orders.idempotencyKey, [
            key,
            rawIdempotencyKey(request.customerId, request.threadId, draftHash),
            legacyIdempotencyKey(request.threadId, draftHash),
          ]),
          eq(orders.customerId, request.customerId),
          eq(orders.threadId, request.threadId),
          eq(orders.draftHash, draftHash),
        ),
      )
      .get();
    if (existing) {
      const order = existing.payload as CleanOrder;
      return { status: "placed", orderId: existing.id, order, report: request.confirmedReport ?? null, replayed: true };
    }

    const report = validateDraft(request.draft, { customerId: request.customerId, now, data: createCatalogReader(db) });
    // A rejected line cannot be in a clean order, whatever the report's flag says.
    if (!report.clean || report.lines.some((l) => l.verdict === "rejected"))
      return withChanges("blocked", report, describeBlocks(report));
    const changes = request.confirmedReport ? diffReports(request.confirmedReport, report) : [];
    if (changes.length > 0) return withChanges("changed", report, changes);
    const approvals = request.approvals ?? [];
    if (report.needsApproval && !approvalsCover(report, draftHash, approvals))
      return { status: "needs_approval", report };

    const orderId = orderIdFor(key);
    // Every text the ERP gets as shown (tools/limits.ts): the report's are, the ship-to's and approvals' are read here.
    const order = withShownTexts(buildCleanOrder(db, { request, report, orderId, key, draftHash, now, approvals }));
    writeOrder(db, { order, request, report, draftHash, key });
    return { status: "placed", orderId, order, report, replayed: false };
  });
  return run.immediate();
}

/** An approval covers only the draft version it was given for, at amounts no higher than the rep saw (tools/approvals.ts). */
function approvalsCover(report: ValidationReport, draftHash: string, approvals: CleanOrderApproval[]): boolean {
  return approvalsCoverReport(report, draftHash, approvals);
}

/** The codes of every approval-severity issue in a report, sorted and unique. */
export function approvalCodes(report: ValidationReport): string[] {
  const all = [...report.issues, ...report.lines.flatMap((l) => l.issues)].filter((i) => i.severity === "approval");
  return [...new Set(all.map((i) => i.code))].sort();
}

function notices(report: ValidationReport): CleanOrder["header"]["validation"]["notices"] {
  const all: Issue[] = [...report.issues, ...report.lines.flatMap((l) => l.issues)];
  return all
    .filter((i): i is Issue & { severity: "approval" | "warn" } => i.severity !== "block")
    .map((i) => ({
      code: i.code,
      severity: i.severity,
      message: i.message,
      ...(i.lineId ? { lineId: i.lineId } : {}),
    }));
}

interface BuildInput {
  request: HandoffRequest;
  report: ValidationReport;
  orderId: string;
  key: string;
  draftHash: string;
  now: Date;
  approvals: CleanOrderApproval[];
}

const withBuyerRequests = (b: CleanOrder["buyerRequests"]) => (b ? { buyerRequests: b } : {});

function buildCleanOrder(db: Db, input: BuildInput): CleanOrder {
  const { request, report, draftHash } = input;
  const draft = request.draft;
  const customer = db.select().from(customers).where(eq(customers.id, request.customerId)).get();
  const shipTo = draft.shipToId
    ? db.select().from(shipTos).where(eq(shipTos.id, draft.shipToId)).get()
    : db
        .select()
        .from(shipTos)
        .where(eq(shipTos.customerId, request.customerId))
        .all()
        .find((s) => s.isDefault);
  const lines: CleanOrderLine[] = report.lines.map((lr, i) => {
    const dl = draft.lines.find((l) => l.lineId === lr.lineId);
    if (lr.verdict === "rejected") throw new Error(`clean report with a rejected line ${lr.lineId}`);
    const machineId = dl?.machineId ?? draft.machineId;
    return {
      lineNo: i + 1,
      lineId: lr.lineId,
      sku: lr.sku,
      description: lr.name ?? lr.sku,
      quantity: lr.quantity,
      orderUnit: lr.unit,
      // What the engine resolved against the configuration model — never the draft's option keys (model-written text).
      components: (lr.components ?? []).map((c) => ({
        group: c.group,
        label: c.label,
        values: c.values,
        valueLabels: c.valueLabels,
      })),
      ...(machineId ? { machineId } : {}),
      unitPriceCents: lr.unitPriceCents ?? 0,
      priceSource: lr.priceSource ?? "list",
      lineAmountCents: lr.amountCents ?? 0,
      deliverySchedule: lr.schedule.map((s) => ({
        quantity: s.quantity,
        date: s.date,
        warehouse: s.warehouse,
        source: s.source,
      })),
      promiseDate: lr.promiseDate ?? lr.schedule.at(-1)?.date ?? input.now.toISOString().slice(0, 10),
      verdict: lr.verdict,
      verdictCodes: VERDICT_CODES[lr.verdict],
    };
  });
  return {
    schemaVersion: CLEAN_ORDER_SCHEMA_VERSION,
    type: "ORDER",
    header: {
      orderId: input.orderId,
      idempotencyKey: input.key,
      orderDate: input.now.toISOString(),
      customerId: request.customerId,
      contactId: request.contactId ?? null,
      ...(draft.poReference ? { customerPoReference: draft.poReference } : {}),
      parties: {
        shipTo:
          shipTo && shipTo.customerId === request.customerId
            ? {
                id: shipTo.id,
                label: shipTo.label,
                street: shipTo.street,
                postalCode: shipTo.postalCode,
                city: shipTo.city,
                country: shipTo.country,
                region: shipTo.region,
              }
            : null,
      },
      currency: report.currency,
      paymentTerms: customer?.paymentTerms ?? "NET30",
      partialShipmentAllowed: customer?.partialShipment ?? true,
      ...(draft.requestedDate ? { requestedDate: draft.requestedDate } : {}),
      promiseDate:
        report.promiseDate ??
        lines
          .map((l) => l.promiseDate)
          .sort()
          .at(-1) ??
        input.now.toISOString().slice(0, 10),
      channel: request.channel,
      threadId: request.threadId,
      confirmedDraftHash: draftHash,
      validation: {
        checkedAt: report.checkedAt,
        clean: true,
        needsApproval: report.needsApproval,
        notices: notices(report),
      },
      approvals: input.approvals,
    },
    lines,
    // Price and discount requests are wishes, kept apart from the prices: the ERP must never apply them.
    ...withBuyerRequests(buyerRequestsOf(draft, lines, report)),
    summary: { totalItemNum: lines.length, totalAmountCents: report.totals.netCents },
  };
}

interface WriteInput {
  order: CleanOrder;
  request: HandoffRequest;
  report: ValidationReport;
  draftHash: string;
  key: string;
}

function writeOrder(db: Db, { order, request, report, draftHash, key }: WriteInput): void {
  const orderId = order.header.orderId;
  db.insert(orders)
    .values({
      id: orderId,
      idempotencyKey: key,
      threadId: request.threadId,
      draftHash,
      customerId: request.customerId,
      contactId: request.contactId ?? null,
      channel: request.channel,
      status: "handed_off",
      currency: report.currency,
      totalCents: report.totals.netCents,
      poReference: request.draft.poReference ?? null,
      shipToId: order.header.parties.shipTo?.id ?? null,
      payload: order,
      createdAt: order.header.orderDate,
    })
    .run();
  for (const line of order.lines) {
    db.insert(orderLines)
      .values({
        orderId,
        lineNo: line.lineNo,
        sku: line.sku,
        quantity: line.quantity,
        unit: line.orderUnit,
        unitPriceCents: line.unitPriceCents,
        priceSource: line.priceSource,
        amountCents: line.lineAmountCents,
        verdict: line.verdict,
        options: Object.fromEntries(line.components.map((c) => [c.group, c.values])),
        schedule: line.deliverySchedule,
      })
      .run();
    // Holds follow the engine's schedule (it names the inbound delivery each part comes with), not the payload.
    const schedule = report.lines.find((l) => l.lineId === line.lineId)?.schedule ?? [];
    for (const d of schedule) {
      // Lead-time deliveries are ordered from the supplier: there is nothing in a warehouse to hold.
      if (d.source === "lead_time") continue;
      // An inbound part holds that delivery's quantity, not the warehouse's stock on hand.
      const inboundId = d.source === "inbound" ? (d.inboundId ?? null) : null;
      db.insert(reservations)
        .values({
          sku: line.sku,
          warehouse: d.warehouse,
          quantity: d.quantity,
          source: inboundId === null ? "on_hand" : "inbound",
          inboundId,
          orderId,
          threadId: request.threadId,
          expiresAt: null,
        })
        .run();
    }
  }
  db.insert(auditLog)
    .values({
      actor: `buyer:${request.contactId ?? request.customerId}`,
      action: "order.handed_off",
      subject: orderId,
      reason: "buyer confirmed a clean draft",
      data: {
        threadId: request.threadId,
        draftHash,
        totalCents: report.totals.netCents,
        approvals: order.header.approvals.length,
      },
    })
    .run();
  db.insert(outbox)
    .values({
      id: `evt_${orderId.slice(4)}`,
      orderId,
      eventType: ORDER_EVENT_TYPE,
      payload: order,
      status: "pending",
      attempts: 0,
    })
    .run();
}

/** The changes as typed messages and as English sentences (`changes`, what the audit and older callers read). */
function withChanges<S extends "blocked" | "changed">(
  status: S,
  report: ValidationReport,
  changeTexts: EngineMessage[],
) {
  return { status, report, changes: changeTexts.map((m) => renderMessage(m)), changeTexts };
}

const moneyOf = (cents: number | undefined, currency: string) => (cents === undefined ? null : { cents, currency });

/** One message per blocking issue, with its line, for the buyer. */
export function describeBlocks(report: ValidationReport): EngineMessage[] {
  const out: EngineMessage[] = [];
  for (const issue of report.issues.filter((i) => i.severity === "block"))
    out.push(msg("handoff.blocked", { issue: nested(issue.text) }));
  for (const line of report.lines) {
    for (const issue of line.issues.filter((i) => i.severity === "block"))
      out.push(msg("handoff.blocked", { lineId: line.lineId, sku: line.sku, issue: nested(issue.text) }));
  }
  return out;
}

/** What moved between the report the buyer confirmed and the one at hand-off (prices, dates, verdicts, lines). */
export function diffReports(before: ValidationReport, after: ValidationReport): EngineMessage[] {
  const changes: EngineMessage[] = [];
  for (const a of after.lines) {
    const b = before.lines.find((l) => l.lineId === a.lineId);
    const at = { lineId: a.lineId, sku: a.sku };
    if (!b || b.sku !== a.sku || b.quantity !== a.quantity) {
      changes.push(msg("handoff.line_differs", at));
      continue;
    }
    if (b.unitPriceCents !== a.unitPriceCents)
      changes.push(
        msg("handoff.price_changed", {
          ...at,
          from: moneyOf(b.unitPriceCents, before.currency),
          to: moneyOf(a.unitPriceCents, after.currency),
        }),
      );
    if (b.promiseDate !== a.promiseDate)
      changes.push(msg("handoff.date_changed", { ...at, from: b.promiseDate ?? null, to: a.promiseDate ?? null }));
    if (b.verdict !== a.verdict)
      changes.push(msg("handoff.verdict_changed", { ...at, from: b.verdict, to: a.verdict }));
  }
  if (before.lines.length !== after.lines.length) changes.push(msg("handoff.line_count_changed", {}));
  if (changes.length === 0 && before.totals.netCents !== after.totals.netCents)
    changes.push(
      msg("handoff.total_changed", {
        from: { cents: before.totals.netCents, currency: before.currency },
        to: { cents: after.totals.netCents, currency: after.currency },
      }),
    );
  return changes;
}
