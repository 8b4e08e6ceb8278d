/**
 * One trial of the bare agent (evals/bare-agent.ts): the same scenario, the same catalog copy, the same model
 * factory as the shield's trial, graded the same way. The buyer's steps map onto what a bare agent has: a message
 * is sent as is; a confirmation becomes the buyer's written yes or no (a bare agent has no confirmation step); a
 * rep's decision has nowhere to go (no approval flow) and is noted in the transcript; world events apply alike.
 * Each order is judged at the moment it was placed, by the same engine: not clean, needing a rep's approval it
 * never got, or for another customer → an invalid order let through.
 */
import { ToolMessage } from "@langchain/core/messages";
import type { ThreadView } from "../agent/index.ts";
import { isAgentError } from "../agent/index.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import type { CleanOrder } from "../tools/clean-order.ts";
import { validateDraft } from "../tools/engine.ts";
import { type BareOrder, createBareAgent } from "./bare-agent.ts";
import {
  applyEvent,
  describe,
  type ModelFactory,
  type PlayExtras,
  type PlayFn,
  type TranscriptEntry,
  type TrialRecord,
  trialThreadId,
  withMeter,
} from "./play.ts";
import { type BuyerSteps, closeOnSimulatorError, withSimulatedBuyer } from "./simulated.ts";
import type { Scenario } from "./scenario.ts";
import { UsageMeter, ZERO_USAGE } from "./usage.ts";
import type { CatalogCache } from "./world.ts";

export const BARE_CONFIRM_YES = "Yes, place the order.";
export const BARE_CONFIRM_NO = "No, do not place it.";

/** Why an order the bare agent placed is invalid, judged by the engine on the draft it was placed from; [] if valid. */
export function judgeBareOrder(order: BareOrder, expectedCustomer: string, record: Pick<TrialRecord, "db" | "now">) {
  // As at its placement: its own credit exposure undone (it is in the orders table now), then rolled back.
  const client = record.db.$client;
  client.exec("SAVEPOINT bare_recheck");
  let report: ReturnType<typeof validateDraft>;
  try {
    client.prepare("update orders set status = 'cancelled' where id = ?").run(order.header.orderId);
    report = validateDraft(order.draft, {
      customerId: order.header.customerId,
      now: record.now,
      data: createCatalogReader(record.db),
    });
  } finally {
    client.exec("ROLLBACK TO bare_recheck");
    client.exec("RELEASE bare_recheck");
  }
  const reasons: string[] = [];
  const blocks = [...report.issues, ...report.lines.flatMap((l) => l.issues)]
    .filter((i) => i.severity === "block")
    .map((i) => i.code);
  if (!report.clean || report.lines.some((l) => l.verdict === "rejected"))
    reasons.push(`not clean: ${[...new Set(blocks)].join(", ") || "rejected line"}`);
  if (report.needsApproval) reasons.push("needed a rep's approval it never got");
  if (order.header.customerId !== expectedCustomer) reasons.push(`placed for ${order.header.customerId}`);
  return reasons.length ? [`${order.header.orderId}: ${reasons.join("; ")}`] : [];
}

function codesIn(messages: readonly unknown[], into: Set<string>): void {
  for (const m of messages) {
    if (!ToolMessage.isInstance(m) || (m.name !== "review_order" && m.name !== "place_order")) continue;
    try {
      const report = (
        JSON.parse(String(m.content)) as {
          report?: { issues?: { code: string }[]; data?: { lines?: { issues?: { code: string }[] }[] } };
        }
      ).report;
      for (const i of [...(report?.issues ?? []), ...(report?.data?.lines ?? []).flatMap((l) => l.issues ?? [])])
        into.add(i.code);
    } catch {
      // not a report
    }
  }
}

/** Play `scenario` once against a bare agent driven by a model from `makeModel` (script or simulated buyer). */
export const playBareTrial: PlayFn = (...args) => withSimulatedBuyer(playBareOnce)(...args);

async function playBareOnce(
  scenario: Scenario,
  trial: number,
  catalogs: CatalogCache,
  makeModel: ModelFactory,
  extras: PlayExtras = {},
  buyerSteps?: BuyerSteps,
): Promise<TrialRecord> {
  const prices = extras.prices;
  const started = performance.now();
  const { db, now } = catalogs.open(scenario);
  const meter = new UsageMeter();
  const bare = createBareAgent({
    db,
    model: withMeter(makeModel(db, { scenario, trial, now, agent: "bare" }), meter),
    now: () => now,
  });
  const threadId = trialThreadId("bare", scenario, trial);
  const session = { customerId: scenario.customer, contactId: scenario.contact ?? null, channel: "eval" };
  const transcript: TranscriptEntry[] = [];
  const codesSeen = new Set<string>();
  const leaks: string[] = [];
  const outbox = () =>
    (db.$client.prepare("select payload from outbox order by created_at, rowid").all() as { payload: string }[]).map(
      (r) => JSON.parse(r.payload) as BareOrder,
    );
  let judged = 0;
  let final: ThreadView = {
    threadId,
    messages: [],
    draft: { lines: [] },
    report: null,
    pending: null,
    order: null,
    refusal: null,
    customerId: scenario.customer,
  };
  let lastReply = "";
  let turns = 0;
  let error: string | undefined;

  const moves = buyerSteps?.(() => ({ lastReply, pendingConfirm: false, settled: judged > 0 })) ?? scenario.steps ?? [];
  for await (const step of closeOnSimulatorError(moves, db)) {
    if ("say" in step && step.ifAsked && !new RegExp(step.ifAsked, "i").test(lastReply)) continue;
    const entry: TranscriptEntry = { step: describe(step), replies: [], tools: [] };
    transcript.push(entry);
    if ("event" in step) {
      applyEvent(db, step.event);
      continue;
    }
    if ("rep" in step) {
      entry.error = "a bare agent has no approval step: nothing for a rep to decide";
      continue;
    }
    const text = "say" in step ? step.say : step.confirm ? BARE_CONFIRM_YES : BARE_CONFIRM_NO;
    const before = final.messages.length;
    try {
      turns++;
      const result = await bare.send(threadId, text, session);
      final = { ...final, messages: result.messages, draft: result.draft };
      entry.replies = result.replies;
      const added = result.messages.slice(before);
      entry.tools = added.flatMap((m) =>
        ("tool_calls" in m ? ((m.tool_calls as { name: string }[]) ?? []) : []).map((c) => c.name),
      );
      lastReply = result.replies.join("\n");
      codesIn(added, codesSeen);
    } catch (e) {
      error = isAgentError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message.split("\n")[0] : String(e);
      entry.error = error;
    }
    // Judge new orders now, before the next event changes the data they were placed on.
    const orders = outbox();
    for (const order of orders.slice(judged)) leaks.push(...judgeBareOrder(order, scenario.customer, { db, now }));
    judged = orders.length;
    if (error) break;
  }

  return {
    scenario,
    trial,
    db,
    now,
    threadId,
    outbox: outbox() as unknown as CleanOrder[],
    codesSeen,
    final,
    transcript,
    turns,
    toolCalls: transcript.reduce((n, t) => n + t.tools.length, 0),
    ms: performance.now() - started,
    // No state graph with a protocol to check: the bare agent has none.
    trajectory: [],
    leaksAtPlacement: leaks,
    usage: { agent: meter.total(prices ?? {}), buyer: buyerSteps?.usage(prices ?? {}) ?? ZERO_USAGE },
    ...(error ? { error } : {}),
  };
}
