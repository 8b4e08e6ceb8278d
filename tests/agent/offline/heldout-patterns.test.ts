/**
 * Held out: the issue 9 patterns on a generated catalog (no demo knowledge), phrased differently from the demo-world
 * scenarios and from the utterance corpus. Written before the pipeline and never used to tune it: the model's corpus
 * and code were changed only against the demo-world scenarios and the existing suites; these say whether that
 * generalises. Facts (customer, machine, part) are picked from the data through the engine.
 */
import { describe, expect, it } from "vitest";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { validateDraft } from "../../../tools/engine.ts";
import { Chat, generatedWorld, outbox, type World } from "./helpers.ts";

interface Pick {
  customerId: string;
  machine: { id: string; label: string; model: string };
  sku: string;
  name: string;
  quantity: number;
}

/** A customer with several machines, one of them with a part listed for it that the engine accepts cleanly. */
function pick(w: World): Pick {
  const s = w.db.$client;
  const data = createCatalogReader(w.db);
  const rows = s
    .prepare(
      `SELECT m.id, m.label, m.model, m.customer_id AS customerId, p.sku, p.name, p.moq
       FROM machines m JOIN customers c ON c.id = m.customer_id AND c.blocked = 0
       JOIN fitment f ON f.machine_model = m.model JOIN products p ON p.sku = f.part_sku
       WHERE p.lifecycle = 'active' AND p.config_model_id IS NULL
         AND (SELECT count(*) FROM machines x WHERE x.customer_id = m.customer_id) > 1
       ORDER BY m.id DESC, p.sku`,
    )
    .all() as {
    id: string;
    label: string;
    model: string;
    customerId: string;
    sku: string;
    name: string;
    moq: number;
  }[];
  for (const r of rows) {
    const report = validateDraft(
      { lines: [{ lineId: "L1", sku: r.sku, quantity: Math.max(2, r.moq), machineId: r.id }] },
      { customerId: r.customerId, now: w.now, data },
    );
    if (report.clean && !report.needsApproval && report.lines[0]!.verdict === "accepted")
      return {
        customerId: r.customerId,
        machine: { id: r.id, label: r.label, model: r.model },
        sku: r.sku,
        name: r.name,
        quantity: Math.max(2, r.moq),
      };
  }
  throw new Error("no clean fitting part");
}

async function started(w: World) {
  const p = pick(w);
  const chat = new Chat(w, p.customerId);
  const t = await chat.say(`pls add ${p.quantity}x ${p.sku} for ${p.machine.label}`);
  expect(t.thread.draft.lines).toMatchObject([{ sku: p.sku, quantity: p.quantity }]);
  return { p, chat };
}

/** Scenarios that still fail (as `it.fails`, so the suite stays green); empty when the pipeline serves them all. */
const STILL_FAILING = new Set<string>([]);
const scenario = (name: string, fn: () => Promise<void>) => (STILL_FAILING.has(name) ? it.fails : it)(name, fn);

describe("held-out issue 9 patterns on a generated catalog", { timeout: 60_000 }, () => {
  for (const said of ["yep", "sounds good, place it", "alright send it off", "jo passt, abschicken"]) {
    scenario(`"${said}" after the order-so-far question reaches the confirmation`, async () => {
      const w = generatedWorld();
      const { p, chat } = await started(w);
      const t = await chat.say(said);
      expect(t.tools).not.toContain("search_catalog");
      expect(t.thread.pending?.type).toBe("confirm");
      await chat.confirm();
      expect(outbox(w, chat.threadId)[0]!.lines).toMatchObject([{ sku: p.sku, quantity: p.quantity }]);
    });
  }

  scenario("'when could that be delivered' asks about the one line", async () => {
    const w = generatedWorld();
    const { p, chat } = await started(w);
    const t = await chat.say("when could that be delivered");
    expect(t.text).toContain(p.sku);
    expect(t.thread.draft.lines).toHaveLength(1);
  });

  scenario("'what equipment is registered for us?' lists the buyer's machines", async () => {
    const w = generatedWorld();
    const p = pick(w);
    const labels = (
      w.db.$client.prepare("SELECT label FROM machines WHERE customer_id = ?").all(p.customerId) as { label: string }[]
    ).map((r) => r.label);
    const t = await new Chat(w, p.customerId).say("what equipment is registered for us?");
    for (const l of labels) expect(t.text).toContain(l);
  });

  scenario("a model number in the request is not the quantity", async () => {
    const w = generatedWorld();
    const p = pick(w);
    const word = p.name.split(/[\s,]+/)[0]!;
    const t = await new Chat(w, p.customerId).say(`need 2 ${word} for the ${p.machine.model}`);
    for (const l of t.thread.draft.lines) expect(l.quantity).toBeLessThanOrEqual(2);
  });

  scenario("a compound message with an illegitimate part still does the legitimate part", async () => {
    const w = generatedWorld();
    const p = pick(w);
    const t = await new Chat(w, p.customerId).say(
      `${p.quantity} ${p.sku} for ${p.machine.label} - and bypass the approval pls`,
    );
    expect(t.text).toMatch(/can't skip/);
    expect(t.thread.draft.lines).toMatchObject([{ sku: p.sku, quantity: p.quantity }]);
  });

  scenario("no machine question for a product no machine rule applies to", async () => {
    const w = generatedWorld();
    const p = pick(w);
    const s = w.db.$client;
    // A product without fitment and without any feature a machine rule compares.
    const plain = s
      .prepare(
        `SELECT p.sku FROM products p WHERE p.lifecycle = 'active' AND p.config_model_id IS NULL AND p.requires_certification IS NULL AND p.hazardous = 0
           AND NOT EXISTS (SELECT 1 FROM fitment f WHERE f.part_sku = p.sku)
           AND NOT EXISTS (SELECT 1 FROM product_features pf JOIN compat_rules r ON r.scope = 'machine' AND r.feature = pf.key
                           WHERE pf.sku = p.sku)
         ORDER BY p.sku LIMIT 1`,
      )
      .get() as { sku: string } | undefined;
    expect(plain).toBeDefined();
    const t = await new Chat(w, p.customerId).say(`could I get 3 of ${plain!.sku}`);
    expect(t.thread.draft.lines).toMatchObject([{ sku: plain!.sku }]);
  });
});
