/**
 * The same conversations on a generated catalog: no demo knowledge anywhere. The test picks its facts (a customer,
 * one of their machines, a part that fits it and validates clean) from the data through the engine, then talks in
 * plain language and checks the order that reaches the outbox.
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

/** A machine of an orderable customer and a part listed for it that the engine accepts cleanly. */
function pickFittingPart(w: World): Pick {
  const s = w.db.$client;
  const data = createCatalogReader(w.db);
  const rows = s
    .prepare(
      `SELECT m.id, m.label, m.model, m.customer_id AS customerId, p.sku, p.name, p.moq
       FROM machines m JOIN customers c ON c.id = m.customer_id AND c.blocked = 0
       JOIN fitment f ON f.machine_model = m.model JOIN products p ON p.sku = f.part_sku
       WHERE p.lifecycle = 'active' AND p.config_model_id IS NULL ORDER BY m.id, p.sku`,
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
  // Machine labels must name one machine of the customer, as a buyer would use them.
  for (const r of rows) {
    const same = s
      .prepare("SELECT count(*) AS n FROM machines WHERE customer_id = ? AND lower(label) = lower(?)")
      .get(r.customerId, r.label) as { n: number };
    if (same.n !== 1) continue;
    const report = validateDraft(
      { lines: [{ lineId: "L1", sku: r.sku, quantity: r.moq, machineId: r.id }] },
      { customerId: r.customerId, now: w.now, data },
    );
    if (report.clean && !report.needsApproval && report.lines[0]!.verdict === "accepted") {
      return {
        customerId: r.customerId,
        machine: { id: r.id, label: r.label, model: r.model },
        sku: r.sku,
        name: r.name,
        quantity: r.moq,
      };
    }
  }
  throw new Error("no clean fitting part in the generated catalog");
}

function typo(sku: string): string {
  // Swap two adjacent letters/digits near the end: a typical typing slip.
  const i = sku.length - 2;
  return sku.slice(0, i - 1) + sku[i] + sku[i - 1] + sku.slice(i + 1);
}

describe("offline consultant on a generated catalog", { timeout: 60_000 }, () => {
  it("finds a part for the buyer's machine by SKU, places it after confirmation", async () => {
    const w = generatedWorld();
    const p = pickFittingPart(w);
    const chat = new Chat(w, p.customerId);
    const t = await chat.say(`I need ${p.quantity} pcs ${p.sku} for ${p.machine.label}`);
    expect(t.thread.draft.lines).toMatchObject([{ sku: p.sku, quantity: p.quantity, machineId: p.machine.id }]);
    expect(t.text).toContain(p.sku);
    const place = await chat.say("place the order");
    expect(place.tools).toContain("review_order");
    await chat.confirm();
    const [order] = outbox(w, chat.threadId);
    expect(order!.header.customerId).toBe(p.customerId);
    expect(order!.lines).toMatchObject([{ sku: p.sku, quantity: p.quantity, machineId: p.machine.id }]);
  });

  it("finds the part by its name words for the machine and by a misspelt SKU", async () => {
    const w = generatedWorld();
    const p = pickFittingPart(w);
    const words = p.name
      .split(/[\s,]+/)
      .filter((x) => /^[A-Za-z]{4,}$/.test(x))
      .slice(0, 2)
      .join(" ");
    const chat = new Chat(w, p.customerId);
    const list = await chat.say(`Do you have ${words} for my ${p.machine.label}?`);
    expect(list.tools).toContain("search_catalog");
    expect(list.text).toContain(p.sku);
    const picked = await chat.say(`${p.quantity} of ${p.sku} please`);
    expect(picked.thread.draft.lines).toMatchObject([{ sku: p.sku, machineId: p.machine.id }]);
    const misspelt = await new Chat(w, p.customerId).say(`add ${p.quantity} ${typo(p.sku)} for ${p.machine.label}`);
    expect(misspelt.thread.draft.lines).toMatchObject([{ sku: p.sku }]);
  });

  it("configures a configurable product by answering its questions with the offered labels", async () => {
    const w = generatedWorld();
    const s = w.db.$client;
    const data = createCatalogReader(w.db);
    const customer = (
      s
        .prepare(
          "SELECT id FROM customers WHERE blocked = 0 AND credit_limit_cents - open_balance_cents > 10000000 ORDER BY id LIMIT 1",
        )
        .get() as { id: string }
    ).id;
    const product = s
      .prepare(
        "SELECT sku, config_model_id AS model FROM products WHERE config_model_id IS NOT NULL AND lifecycle = 'active' ORDER BY sku LIMIT 1",
      )
      .get() as { sku: string; model: string };
    const model = data.configModel(product.model)!;
    const chat = new Chat(w, customer);
    let t = await chat.say(`I'd like 1 ${product.sku}`);
    for (let round = 0; round < 8; round++) {
      const missing = t.thread.report?.lines[0]?.issues.filter((i) => i.code.startsWith("config.")) ?? [];
      if (missing.length === 0) break;
      // Answer with the label of the first value the engine still allows for the first open group.
      const fix = missing.flatMap((i) => i.fixes).find((f) => f.kind === "set_option");
      if (fix?.kind !== "set_option") break;
      const group = model.groups.find((g) => g.code === fix.group)!;
      const option = group.options.find((o) => o.value === fix.values[0])!;
      t = await chat.say(`${group.label}: ${option.label}`);
    }
    expect(
      t.thread.report?.lines[0]?.issues.filter((i) => i.code.startsWith("config.") && i.severity === "block"),
    ).toEqual([]);
    const chosen = t.thread.draft.lines[0]!.options ?? {};
    expect(Object.keys(chosen).length).toBeGreaterThan(0);
  });

  it("refuses to change prices or act for another customer on any catalog", async () => {
    const w = generatedWorld();
    const p = pickFittingPart(w);
    const chat = new Chat(w, p.customerId);
    await chat.say(`${p.quantity} ${p.sku} for ${p.machine.label}`);
    expect((await chat.say("make the price 0 please")).text).toMatch(/can't change prices/);
    expect((await chat.say("place it for another customer")).text).toMatch(/only order for your own company/);
    await chat.say("place the order");
    await chat.confirm();
    const orders = outbox(w);
    expect(orders.map((o) => o.header.customerId)).toEqual([p.customerId]);
    const engine = validateDraft(
      { lines: [{ lineId: "L1", sku: p.sku, quantity: p.quantity, machineId: p.machine.id }] },
      { customerId: p.customerId, now: w.now, data: createCatalogReader(w.db) },
    );
    expect(orders[0]!.lines[0]!.unitPriceCents).toBe(engine.lines[0]!.unitPriceCents);
  });

  it("is deterministic on the generated catalog", async () => {
    const runs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const w = generatedWorld();
      const p = pickFittingPart(w);
      const chat = new Chat(w, p.customerId, "same");
      await chat.say(`what do you have for ${p.machine.label}?`);
      await chat.say("1");
      await chat.say("what's in my order?");
      runs.push(chat.transcript());
    }
    expect(runs[1]).toBe(runs[0]);
  });
});
