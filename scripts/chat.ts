/**
 * `npm run chat -- [--customer ID] [--db FILE] [--now ISO] [--thread ID]` — talk to the shield in the terminal.
 * The database defaults to DATABASE_PATH or .data/ordershield.db (the server's).
 *
 * Uses OpenAI when OPENAI_API_KEY / OPENAI_BASE_URL is set (agent/models/index.ts decides), otherwise the built-in
 * offline consultant. Seeds the demo world into an empty database. Replies stream; after every change the draft and
 * its validation state are shown; a clean order asks for confirmation (y/N) and the clean order sent to the ERP is
 * printed. Commands: /draft, /new, /quit.
 */
import { createInterface } from "node:readline";
import { stdin, stdout } from "node:process";
import { parseArgs } from "node:util";
import { openDatabase } from "../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../catalog/seed/index.ts";
import { selectModel } from "../agent/models/index.ts";
import { createShieldAgent, type AgentEvent, type ThreadView } from "../agent/runtime.ts";
import type { ShieldContext } from "../agent/state.ts";
import type { Draft, ValidationReport } from "../tools/types.ts";

const { values } = parseArgs({
  options: {
    customer: { type: "string", default: "C-1001" },
    db: { type: "string", default: process.env.DATABASE_PATH ?? ".data/ordershield.db" },
    now: { type: "string" },
    thread: { type: "string" },
  },
});

const dim = (s: string) => (stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const bold = (s: string) => (stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const money = (cents: number | undefined, cur: string) =>
  cents === undefined ? "—" : `${(cents / 100).toFixed(2)} ${cur}`;

const db = openDatabase(values.db);
const count = (db.$client.prepare("SELECT count(*) AS n FROM products").get() as { n: number }).n;
let seeded = false;
if (count === 0) {
  seedDemo(db);
  seeded = true;
}
const demo = (db.$client.prepare("SELECT 1 FROM customers WHERE id = 'C-1001'").get() as unknown) !== undefined;
// The demo world's cases are stated for its reference date; any other catalog runs on the real clock.
const fixedNow = values.now ? new Date(values.now) : demo ? DEMO_NOW : undefined;
const customer = db.$client.prepare("SELECT id, name FROM customers WHERE id = ?").get(values.customer) as
  | { id: string; name: string }
  | undefined;
if (!customer) {
  const ids = (db.$client.prepare("SELECT id FROM customers ORDER BY id LIMIT 20").all() as { id: string }[]).map(
    (r) => r.id,
  );
  console.error(`chat: unknown customer ${values.customer}; known: ${ids.join(", ")}`);
  process.exit(2);
}

const { provider, model } = await selectModel({ db });
const agent = createShieldAgent({ db, model, ...(fixedNow ? { now: () => fixedNow } : {}) });
const ctx: ShieldContext = { customerId: customer.id, contactId: null, channel: "chat" };
let threadId = values.thread ?? `chat-${customer.id}-${Date.now().toString(36)}`;

console.log(
  bold(
    `OrderShield chat — ${customer.name} (${customer.id}), model: ${provider}${seeded ? ", demo world seeded" : ""}`,
  ),
);
console.log(
  dim(
    `database ${values.db}, thread ${threadId}${fixedNow ? `, today = ${fixedNow.toISOString().slice(0, 10)}` : ""}. /draft, /new, /quit`,
  ),
);

function showDraft(draft: Draft, report: ValidationReport | null) {
  if (draft.lines.length === 0) {
    console.log(dim("  (draft empty)"));
    return;
  }
  const state = !report
    ? "not validated"
    : report.clean
      ? report.needsApproval
        ? "clean — needs approval"
        : "clean"
      : "blocked";
  console.log(dim(`  ┌ draft (${state})`));
  for (const l of draft.lines) {
    const r = report?.lines.find((x) => x.lineId === l.lineId);
    const opts = l.options
      ? ` ${Object.entries(l.options)
          .map(([k, v]) => `${k}=${v.join("+")}`)
          .join(" ")}`
      : "";
    console.log(
      dim(
        `  │ ${l.lineId} ${l.sku} × ${l.quantity}${l.unit ? ` ${l.unit}` : ""}${opts}${l.machineId ? ` @${l.machineId}` : ""}  ${r ? `${r.verdict}, ${money(r.amountCents, report!.currency)}${r.promiseDate ? `, ${r.promiseDate}` : ""}` : ""}`,
      ),
    );
    for (const i of r?.issues ?? [])
      console.log(
        dim(`  │    ${i.severity === "block" ? "✖" : i.severity === "approval" ? "⚑" : "ℹ"} ${i.code}: ${i.message}`),
      );
  }
  for (const i of report?.issues ?? [])
    console.log(dim(`  │ ${i.severity === "block" ? "✖" : "⚑"} ${i.code}: ${i.message}`));
  if (report)
    console.log(
      dim(
        `  └ total ${money(report.totals.netCents, report.currency)}${report.promiseDate ? `, complete by ${report.promiseDate}` : ""}`,
      ),
    );
}

/** Prints a turn's events; returns the thread at its end. */
async function render(events: AsyncGenerator<AgentEvent>): Promise<ThreadView | undefined> {
  let open = false;
  let changed = false;
  let thread: ThreadView | undefined;
  for await (const e of events) {
    if (e.type === "text") {
      if (!open) stdout.write(bold("shield › ")), (open = true);
      stdout.write(e.delta);
    } else if (e.type === "message") {
      if (open) stdout.write("\n"), (open = false);
      console.log(`${bold("shield › ")}${e.text}`);
    } else if (e.type === "tool") {
      if (open) stdout.write("\n"), (open = false);
      console.log(dim(`  · ${e.name}${e.status === "error" ? " (error)" : ""}`));
    } else if (e.type === "draft") changed = true;
    else if (e.type === "done") thread = e.thread;
  }
  if (open) stdout.write("\n");
  if (thread && changed) showDraft(thread.draft, thread.report);
  return thread;
}

async function printOrder(orderId: string) {
  const row = db.$client
    .prepare("SELECT payload FROM outbox WHERE order_id = ? ORDER BY created_at LIMIT 1")
    .get(orderId) as { payload: string } | undefined;
  if (!row) return;
  console.log(bold("clean order handed to the ERP (outbox):"));
  console.log(JSON.stringify(JSON.parse(row.payload), null, 2));
}

const rl = createInterface({ input: stdin, output: stdout, terminal: stdout.isTTY });
// One iterator for every prompt: lines piped in ahead of a prompt are queued, not lost (rl.question drops them).
const lines = rl[Symbol.asyncIterator]();
async function ask(prompt: string): Promise<string | undefined> {
  stdout.write(prompt);
  const next = await lines.next();
  if (next.done) return undefined;
  if (!stdin.isTTY) stdout.write(`${next.value}\n`);
  return next.value;
}
async function handlePending(thread: ThreadView | undefined) {
  let t = thread;
  while (t?.pending) {
    const p = t.pending;
    if (p.type === "approval") {
      console.log(dim(`  ⚑ waiting for a sales representative's approval (${p.codes.join(", ")}); the draft is kept.`));
      return;
    }
    const s = p.summary;
    console.log(bold("Confirm this order?"));
    for (const l of s.lines)
      console.log(
        `  ${l.lineId} ${l.quantity}${l.unit !== "PCE" ? ` ${l.unit}` : ""} × ${l.sku}${l.name ? ` ${l.name}` : ""}  ${money(l.amountCents, s.currency)}${l.promiseDate ? `  by ${l.promiseDate}` : ""}`,
      );
    console.log(
      `  total ${money(s.totalCents, s.currency)}${s.promiseDate ? `, complete delivery by ${s.promiseDate}` : ""}${s.needsApproval ? " (needs a rep's approval)" : ""}`,
    );
    for (const w of s.warnings) console.log(dim(`  ℹ ${w}`));
    const said = ((await ask("confirm? [y/N] ")) ?? "").trim();
    const answer = said.toLowerCase();
    // Anything but a yes or a no is a message, as in the widget: it withdraws the confirmation and is answered.
    if (!/^(y|yes|j|ja|n|no|nein)?$/.test(answer)) {
      t = await render(agent.streamMessage(threadId, said, ctx));
      continue;
    }
    const yes = answer === "y" || answer === "yes" || answer === "j" || answer === "ja";
    t = await render(agent.streamResume(threadId, { confirm: yes, draftHash: p.draftHash }, ctx));
    if (t?.order) await printOrder(t.order.orderId);
    if (!yes) return;
  }
}

try {
  for (;;) {
    const input = await ask(bold("you › "));
    if (input === undefined) break;
    const line = input.trim();
    if (!line) continue;
    if (line === "/quit" || line === "/exit") break;
    if (line === "/new") {
      threadId = `chat-${customer.id}-${Date.now().toString(36)}`;
      console.log(dim(`new thread ${threadId}`));
      continue;
    }
    if (line === "/draft") {
      const t = await agent.getThread(threadId, ctx);
      showDraft(t.draft, t.report);
      continue;
    }
    const thread = await render(agent.streamMessage(threadId, line, ctx));
    await handlePending(thread);
  }
} finally {
  rl.close();
  db.$client.close();
}
