/**
 * Bad input tried (fast-check), beyond the endpoint fuzzing of tests/server/fuzz.test.ts and erp-fuzz.test.ts:
 * - chat text through the HTTP API: huge, any unicode, control characters, injection strings → a handled reply
 *   (200, the run finishes, no internal error) or a clear 4xx problem+json; afterwards every accepted message is in
 *   the thread and no refused one is, and no order was written;
 * - tool arguments: any arguments to any of the consultant's tools → a readable tool result, never an exception
 *   escaping, nothing ordered;
 * - import files: the demo catalog with random damage (wrong types, missing keys, huge and odd strings, unknown
 *   sections, broken CSV) → imported, or an ImportError listing the problems with the database unchanged.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { ToolMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import { afterAll, describe, expect, test } from "vitest";
import { INJECTIONS } from "../../agent/models/chaos.ts";
import { openDatabase } from "../../catalog/db.ts";
import { ImportError } from "../../catalog/import/errors.ts";
import { importCatalog } from "../../catalog/import/importer.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createAgentTools, runToolCall } from "../../tools/agent-tools.ts";
import { visibleText } from "../../tools/limits.ts";
import type { Draft } from "../../tools/types.ts";
import { Buyer, parseSse, testServer } from "../server/helpers.ts";
import { recordCounts, reliabilityScale } from "./counts.ts";

const dir = mkdtempSync(join(tmpdir(), "os-bad-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NASTY = [
  ...INJECTIONS,
  "'; DROP TABLE orders; --",
  '" OR 1=1 --',
  "<script>alert(1)</script><img src=x onerror=alert(1)>",
  "{{7*7}} ${process.exit(1)} `rm -rf /`",
  "\u0000\u0001\u0002\u001b[2J\u007f",
  "\u202Eevil\u202C \uFEFF \u200B\u200D",
  "𝕴 𝖓𝖊𝖊𝖉 ２ 🧯🧯 Dichtungen für Pumpe ②",
  "\uD800 lone surrogate",
  "../../../etc/passwd",
  "%s%s%s%n",
  "A".repeat(5000),
];

const chatText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\t", "\n", "\r", "\u001b", "\u2028", "x", " "), maxLength: 60 }),
  fc.integer({ min: 3_000, max: 40_000 }).map((n) => "ä".repeat(n)),
  fc.tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 })).map(([a, b]) => `2 SE-MS28-CC-EPDM ${a} ${b}`),
);

const counted = <T>(db: ReturnType<typeof openDatabase>, tables: readonly T[]) =>
  Object.fromEntries(
    tables.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${String(t)}`).get() as { n: number }).n]),
  );

describe("bad input", () => {
  test("chat text: a handled reply or a clear 4xx, every accepted message kept, nothing ordered", {
    timeout: 600_000,
  }, async ({ task }) => {
    const server = testServer({ env: { RATE_LIMIT_IP_PER_MIN: "1000000", RATE_LIMIT_SESSION_PER_MIN: "1000000" } });
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const before = counted(server.db, ["orders", "outbox", "reservations"] as const);
    const runs = reliabilityScale(40, 1000);
    const accepted = new Map<string, string[]>();
    let threadId = "";
    let n = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(chatText, async (text) => {
        // A fresh thread now and then, so histories stay short and every thread gets checked.
        if (n++ % 20 === 0) accepted.set((threadId = await buyer.start()), []);
        const res = await server.request(`/v1/threads/${threadId}/messages`, {
          method: "POST",
          headers: buyer.headers(),
          body: JSON.stringify({ text }),
        });
        const what = `${JSON.stringify(text.slice(0, 60))}… (${text.length} chars) → ${res.status}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) {
          refused++;
          expect(res.headers.get("content-type"), what).toBe("application/problem+json");
          return;
        }
        const events = parseSse(await res.text());
        expect(
          events.filter((e) => e.event === "error" && String(e.data.code).startsWith("internal")),
          what,
        ).toEqual([]);
        expect(events.at(-1)?.event, what).toBe("run_finished");
        // Kept as the server takes typed text: without invisible characters, trimmed (server/routes/shared.ts).
        accepted.get(threadId)!.push(visibleText(text).trim());
      }),
      { numRuns: runs, seed: 13 },
    );
    const lost: string[] = [];
    for (const [id, texts] of accepted) {
      const kept = (await buyer.thread(id)).messages.filter((m) => m.role === "buyer").map((m) => m.text);
      if (kept.join("\u241E") !== texts.join("\u241E")) lost.push(`${id}: sent ${texts.length}, kept ${kept.length}`);
    }
    const after = counted(server.db, ["orders", "outbox", "reservations"] as const);
    recordCounts(task, {
      check: "bad_input.chat_text",
      requests: runs + accepted.size * 2,
      faults: 0,
      inputs: runs,
      orders: after.orders!,
      lost: lost.length + (JSON.stringify(after) === JSON.stringify(before) ? 0 : 1),
      extra: { refused_4xx: refused },
    });
    expect(lost).toEqual([]);
    expect(after).toEqual(before);
  });

  test("tool arguments: always a readable tool result, nothing ordered", { timeout: 600_000 }, async ({ task }) => {
    const db = openDatabase();
    seedDemo(db);
    const tools = createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW });
    const context = { customerId: "C-1001", contactId: null, channel: "widget" };
    const skus = (db.$client.prepare("SELECT sku FROM products ORDER BY sku LIMIT 40").all() as { sku: string }[]).map(
      (r) => r.sku,
    );
    const keysOf = (name: string) => {
      const schema = tools.find((t) => t.name === name)?.schema as { shape?: Record<string, unknown> } | undefined;
      return Object.keys(schema?.shape ?? {});
    };
    const value: fc.Arbitrary<unknown> = fc.oneof(
      fc.constantFrom(...skus),
      fc.integer({ min: -5, max: 500 }),
      fc.double(),
      fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, "1e309", "", "NaN", null, true),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.constantFrom(...NASTY),
      fc.array(fc.oneof(fc.constantFrom(...skus), fc.string()), { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()))),
      fc.anything({ maxDepth: 2 }),
    );
    const call = fc.constantFrom(...tools.map((t) => t.name)).chain((name) =>
      fc.record({
        name: fc.constant(name),
        args: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record(Object.fromEntries(keysOf(name).map((k) => [k, value])), { requiredKeys: [] }),
          },
          fc.dictionary(fc.oneof(fc.constantFrom(...keysOf(name), "customerId"), fc.string()), value),
        ),
        draft: fc.constantFrom<Draft>(
          { lines: [] },
          { lines: [{ lineId: "L1", sku: "SE-MS28-CC-EPDM", quantity: 2 }] },
          { lines: [{ lineId: "L1", sku: "FL-CART-10-5UM", quantity: 4 }], revision: 3 },
        ),
      }),
    );
    const before = counted(db, ["orders", "outbox", "reservations"] as const);
    const runs = reliabilityScale(400, 5000);
    let i = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(call, async (c) => {
        const out = await runToolCall(
          tools,
          { name: c.name, args: c.args as Record<string, unknown>, id: `f${++i}` },
          { state: { draft: c.draft }, context },
        );
        const message =
          out instanceof Command ? (out.update as { messages: ToolMessage[] }).messages[0]! : (out as ToolMessage);
        expect(typeof message.content, c.name).toBe("string");
        // Readable by the model: JSON, or at least not empty.
        expect(String(message.content).length, c.name).toBeGreaterThan(0);
        if (message.status === "error") errors++;
      }),
      { numRuns: runs, seed: 17 },
    );
    const after = counted(db, ["orders", "outbox", "reservations"] as const);
    recordCounts(task, {
      check: "bad_input.tool_arguments",
      requests: runs,
      faults: 0,
      inputs: runs,
      orders: after.orders!,
      lost: JSON.stringify(after) === JSON.stringify(before) ? 0 : 1,
      extra: { error_results: errors },
    });
    expect(after).toEqual(before);
    db.$client.close();
  });

  test("import files: imported, or every problem listed and the database unchanged", { timeout: 600_000 }, async ({
    task,
  }) => {
    const demo = "catalog/seed/demo";
    const sections = Object.fromEntries(
      readdirSync(demo)
        .filter((f) => f.endsWith(".json"))
        .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(demo, f), "utf8")) as unknown]),
    );
    const db = openDatabase();
    seedDemo(db);
    const TABLES = [
      "products",
      "stock",
      "customers",
      "price_list_items",
      "contract_prices",
      "config_models",
      "fitment",
      "machines",
    ] as const;
    const fingerprint = () =>
      JSON.stringify({
        counts: counted(db, TABLES),
        products: db.$client.prepare("SELECT * FROM products ORDER BY sku LIMIT 50").all(),
        stock: db.$client.prepare("SELECT * FROM stock ORDER BY sku, warehouse LIMIT 50").all(),
      });
    const damage: fc.Arbitrary<unknown> = fc.oneof(
      fc.constantFrom(null, -1, 0, Number.POSITIVE_INFINITY, "", "🧯".repeat(3000), "\u0000", "NaN", [], {}, true),
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.constantFrom(...NASTY),
      fc.anything({ maxDepth: 1 }),
    );
    // Damage: a few rows of a few sections, a field set to a hostile value or removed; sometimes a whole section
    // replaced, an unknown section, or a CSV file of random text.
    const plan = fc.record({
      picks: fc.array(
        fc.record({
          section: fc.constantFrom(...Object.keys(sections)),
          row: fc.nat(),
          field: fc.nat(),
          value: fc.option(damage, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      replace: fc.option(fc.tuple(fc.constantFrom(...Object.keys(sections), "bogus"), damage), { freq: 4 }),
      csv: fc.option(
        fc.tuple(fc.constantFrom("products", "stock", "prices"), fc.string({ unit: "binary", maxLength: 400 })),
        { freq: 4 },
      ),
    });
    const runs = reliabilityScale(30, 400);
    let imported = 0;
    let refused = 0;
    let n = 0;
    await fc.assert(
      fc.property(plan, (p) => {
        const doc = structuredClone(sections) as Record<string, unknown>;
        for (const pick of p.picks) {
          const rows = doc[pick.section];
          if (!Array.isArray(rows) || rows.length === 0) continue;
          const row = rows[pick.row % rows.length] as Record<string, unknown>;
          const keys = Object.keys(row);
          const key = keys[pick.field % Math.max(1, keys.length)] ?? "x";
          if (pick.value === undefined) delete row[key];
          else row[key] = pick.value;
        }
        if (p.replace) doc[p.replace[0]] = p.replace[1];
        let source: string | Record<string, unknown> = doc;
        if (p.csv) {
          // A folder as `npm run catalog:import` reads it, with one section as a damaged CSV file.
          const folder = join(dir, `import-${n++}`);
          rmSync(folder, { recursive: true, force: true });
          mkdirSync(folder, { recursive: true });
          for (const [name, rows] of Object.entries(doc))
            if (name !== p.csv[0]) writeFileSync(join(folder, `${name}.json`), JSON.stringify(rows));
          writeFileSync(join(folder, `${p.csv[0]}.csv`), p.csv[1]);
          source = folder;
        }
        const before = fingerprint();
        try {
          importCatalog(db, source as never);
          imported++;
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(ImportError);
          expect((e as ImportError).problems.length).toBeGreaterThan(0);
          expect(fingerprint()).toBe(before);
          refused++;
        }
      }),
      { numRuns: runs, seed: 19 },
    );
    recordCounts(task, {
      check: "bad_input.import_files",
      requests: runs,
      faults: 0,
      inputs: runs,
      orders: 0,
      lost: 0,
      extra: { imported, refused },
    });
    expect(refused).toBeGreaterThan(0);
    db.$client.close();
  });
});
