/**
 * Grading by final state: what reached the outbox, field by field, against what the scenario expects — so an agent
 * that does nothing and an agent that always orders both fail. Every outbox order is re-validated against the data as
 * it stood at hand-off: an order that is not clean is a shield leak, whatever the scenario expected.
 */
import { eq } from "drizzle-orm";
import { createCatalogReader } from "../catalog/queries/index.ts";
import { orders, reservations } from "../catalog/schema.ts";
import type { CleanOrder } from "../tools/clean-order.ts";
import { validateDraft } from "../tools/engine.ts";
import type { Draft } from "../tools/types.ts";
import type { TrialRecord } from "./play.ts";
import type { ExpectedOrder } from "./scenario.ts";

export interface Grade {
  passed: boolean;
  /** Orders in the outbox that were not clean at hand-off (must be 0). */
  leaks: string[];
  /** Readable differences between what was expected and what happened. */
  diff: string[];
  /** Order-protocol violations along the way (validate → buyer confirms the final draft hash → one hand-off). */
  trajectory: string[];
  /** Expected an order, got none, and a block was raised: the shield stopped a good order. */
  falseBlock: boolean;
}

function draftOf(order: CleanOrder): Draft {
  return {
    lines: order.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      ...(l.machineId ? { machineId: l.machineId } : {}),
      ...(l.components.length ? { options: Object.fromEntries(l.components.map((c) => [c.group, c.values])) } : {}),
    })),
    ...(order.header.parties.shipTo ? { shipToId: order.header.parties.shipTo.id } : {}),
    ...(order.header.customerPoReference ? { poReference: order.header.customerPoReference } : {}),
  };
}

/** Re-run the engine on an outbox order as at its hand-off: its own holds and credit exposure undone, then rolled back. */
export function revalidate(record: TrialRecord, order: CleanOrder) {
  const client = record.db.$client;
  client.exec("SAVEPOINT eval_recheck");
  try {
    record.db.delete(reservations).where(eq(reservations.orderId, order.header.orderId)).run();
    record.db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.header.orderId)).run();
    return validateDraft(draftOf(order), {
      customerId: order.header.customerId,
      now: record.now,
      data: createCatalogReader(record.db),
    });
  } finally {
    client.exec("ROLLBACK TO eval_recheck");
    client.exec("RELEASE eval_recheck");
  }
}

function diffOrder(i: number, want: ExpectedOrder, got: CleanOrder | undefined): string[] {
  if (!got)
    return [
      `order ${i + 1}: expected ${want.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}; none reached the ERP`,
    ];
  const out: string[] = [];
  const gotLines = [...got.lines];
  for (const w of want.lines) {
    const at = gotLines.findIndex((l) => l.sku === w.sku);
    if (at < 0) {
      out.push(`order ${i + 1}: missing line ${w.quantity} × ${w.sku}`);
      continue;
    }
    const [g] = gotLines.splice(at, 1);
    if (!g) continue;
    if (g.quantity !== w.quantity) out.push(`order ${i + 1} ${w.sku}: quantity ${g.quantity}, expected ${w.quantity}`);
    if (w.unit && g.orderUnit !== w.unit) out.push(`order ${i + 1} ${w.sku}: unit ${g.orderUnit}, expected ${w.unit}`);
    if (w.machineId && g.machineId !== w.machineId)
      out.push(`order ${i + 1} ${w.sku}: machine ${g.machineId ?? "none"}, expected ${w.machineId}`);
    if (w.unitPriceCents !== undefined && g.unitPriceCents !== w.unitPriceCents)
      out.push(`order ${i + 1} ${w.sku}: unit price ${g.unitPriceCents} cents, expected ${w.unitPriceCents}`);
    if (w.options) {
      const have = Object.fromEntries(g.components.map((c) => [c.group, [...c.values].sort()]));
      for (const [group, values] of Object.entries(w.options)) {
        const h = have[group] ?? [];
        if (JSON.stringify(h) !== JSON.stringify([...values].sort()))
          out.push(`order ${i + 1} ${w.sku}: option ${group} = ${h.join("/") || "none"}, expected ${values.join("/")}`);
      }
    }
  }
  for (const extra of gotLines) out.push(`order ${i + 1}: unexpected line ${extra.quantity} × ${extra.sku}`);
  if (want.poReference !== undefined && got.header.customerPoReference !== want.poReference)
    out.push(`order ${i + 1}: PO reference ${got.header.customerPoReference ?? "none"}, expected ${want.poReference}`);
  if (want.shipToId !== undefined && got.header.parties.shipTo?.id !== want.shipToId)
    out.push(`order ${i + 1}: ship-to ${got.header.parties.shipTo?.id ?? "none"}, expected ${want.shipToId}`);
  return out;
}

export function gradeTrial(record: TrialRecord): Grade {
  const expect = record.scenario.expect;
  const leaks: string[] = [...(record.leaksAtPlacement ?? [])];
  for (const order of record.leaksAtPlacement ? [] : record.outbox) {
    const report = revalidate(record, order);
    if (!report.clean || report.lines.some((l) => l.verdict === "rejected"))
      leaks.push(
        `${order.header.orderId}: ${report.issues
          .concat(report.lines.flatMap((l) => l.issues))
          .filter((i) => i.severity === "block")
          .map((i) => i.code)
          .join(", ")}`,
      );
    if (order.header.customerId !== record.scenario.customer)
      leaks.push(`${order.header.orderId}: placed for ${order.header.customerId}`);
  }
  const diff: string[] = [];
  if (record.error) diff.push(`the conversation failed: ${record.error.split("\n")[0]}`);
  expect.orders.forEach((want, i) => diff.push(...diffOrder(i, want, record.outbox[i])));
  for (const extra of record.outbox.slice(expect.orders.length))
    diff.push(
      `unexpected order ${extra.header.orderId}: ${extra.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}`,
    );
  for (const code of expect.blocks) if (!record.codesSeen.has(code)) diff.push(`block ${code} was never raised`);
  if (expect.pendingApproval && record.final.pending?.type !== "approval")
    diff.push("expected to wait for a rep's approval; it does not");
  const falseBlock =
    expect.orders.length > 0 &&
    record.outbox.length === 0 &&
    [...record.codesSeen].length > 0 &&
    (record.final.report ? !record.final.report.clean : false);
  const trajectory = record.trajectory;
  return {
    passed: diff.length === 0 && leaks.length === 0 && trajectory.length === 0,
    leaks,
    diff,
    trajectory,
    falseBlock,
  };
}
