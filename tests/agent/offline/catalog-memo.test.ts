/**
 * The offline model's memo across turns (perf, session 14): searches and the values read from product names are kept
 * from one turn to the next while the catalog's version stays. A catalog change — by this connection, by another one —
 * is seen on the next turn; nothing is kept inside a transaction; a kept answer is exactly what a fresh search gives,
 * whoever asks; stock and prices are never part of it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HumanMessage } from "@langchain/core/messages";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../../catalog/db.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch, type SearchQuery } from "../../../catalog/queries/search.ts";
import { DEMO, seedDemo } from "../../../catalog/seed/index.ts";
import type { Ctx } from "../../../agent/models/offline/context.ts";
import { buildKnowledge, type Knowledge } from "../../../agent/models/offline/recognise.ts";
import { valuedFeatures } from "../../../agent/models/offline/references.ts";
import { acrossTurns, knowledgeForTurn } from "../../../agent/models/offline/turn-memo.ts";
import { Chat, demoWorld } from "./helpers.ts";

const SEAL = "SE-MS28-SIC-FKM";

function world(db: Db = seeded()) {
  const k = buildKnowledge(createCatalogReader(db), createCatalogSearch(db), db.$client, new Set());
  // Each turn is a new buyer message: the graph keeps one message object per turn.
  const turn = () => knowledgeForTurn(new HumanMessage("turn"), () => k);
  return { db, k, turn };
}

function seeded(path?: string): Db {
  const db = openDatabase(path);
  seedDemo(db);
  return db;
}

const names = (k: Knowledge, q: SearchQuery) => k.search.search(q).map((h) => `${h.sku} ${h.name}`);
const skus = (k: Knowledge, q: SearchQuery) => k.search.search(q).map((h) => h.sku);

describe("searches kept across turns", () => {
  it("while the catalog is unchanged, a later turn is answered from the memo", () => {
    const { k, turn } = world();
    const searched = vi.spyOn(k.search, "search");
    const first = names(turn(), { query: "mechanical seal", limit: 20 });
    const calls = searched.mock.calls.length;
    expect(names(turn(), { query: "mechanical seal", limit: 20 })).toEqual(first);
    expect(searched.mock.calls.length).toBe(calls);
  });

  it("a product renamed between turns is found by its new name on the next turn", () => {
    const { db, turn } = world();
    expect(names(turn(), { query: "mechanical seal 28", limit: 20 }).join()).toContain(`${SEAL} Mechanical seal`);
    expect(skus(turn(), { query: "qwyxplomb" })).not.toContain(SEAL);
    db.$client.prepare("UPDATE products SET name = 'Qwyxplomb 28 mm, SiC/SiC, FKM' WHERE sku = ?").run(SEAL);
    const next = turn();
    expect(names(next, { query: "qwyxplomb" })[0]).toBe(`${SEAL} Qwyxplomb 28 mm, SiC/SiC, FKM`);
    expect(names(next, { query: "mechanical seal 28", limit: 20 }).join()).not.toContain(`${SEAL} Mechanical seal`);
  });

  it("a product taken out of the range between turns is no longer offered on the next turn", () => {
    const { db, turn } = world();
    const browse = { query: "", category: "seals", limit: 100 };
    expect(
      turn()
        .search.search(browse)
        .map((h) => h.sku),
    ).toContain(SEAL);
    db.$client.prepare("UPDATE products SET lifecycle = 'inactive' WHERE sku = ?").run(SEAL);
    expect(
      turn()
        .search.search(browse)
        .map((h) => h.sku),
    ).not.toContain(SEAL);
  });

  it("a change committed by another connection is seen on the next turn", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-memo-"));
    try {
      const { db, turn } = world(seeded(join(dir, "shop.db")));
      expect(skus(turn(), { query: "qwyxplomb" })).not.toContain(SEAL);
      const other = openDatabase(join(dir, "shop.db"));
      other.$client.prepare("UPDATE products SET name = 'Qwyxplomb 28 mm' WHERE sku = ?").run(SEAL);
      other.$client.close();
      expect(names(turn(), { query: "qwyxplomb" })[0]).toBe(`${SEAL} Qwyxplomb 28 mm`);
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("nothing read inside a transaction is kept (a rollback moves no version)", () => {
    const { db, k, turn } = world();
    const sqlite = db.$client;
    sqlite.exec("BEGIN");
    sqlite.prepare("UPDATE products SET name = 'Qwyxplomb 28 mm' WHERE sku = ?").run(SEAL);
    expect(names(turn(), { query: "qwyxplomb" })[0]).toBe(`${SEAL} Qwyxplomb 28 mm`);
    sqlite.exec("ROLLBACK");
    const after = names(turn(), { query: "qwyxplomb" });
    expect(after.join()).not.toContain("Qwyxplomb");
    expect(after).toEqual(names(k, { query: "qwyxplomb" }));
  });

  it("answers exactly what a fresh search answers, for every customer's machine filter, in any order", () => {
    const { db, turn } = world();
    const machines = db.$client.prepare("SELECT DISTINCT model, serial FROM machines ORDER BY model LIMIT 6").all() as {
      model: string;
      serial: string | null;
    }[];
    const queries: SearchQuery[] = [
      { query: "seal" },
      { query: "mechanical seal", language: "de" },
      { query: "Gleitringdichtung" },
      { query: "", category: "seals", limit: 100 },
      ...machines.flatMap((m) => [
        { query: "seal", machineModel: m.model },
        { query: "seal", machineModel: m.model, ...(m.serial ? { serial: m.serial } : {}) },
      ]),
    ];
    const fresh = createCatalogSearch(seeded());
    for (const order of [queries, [...queries].reverse()]) {
      const k = turn();
      for (const q of order) expect(k.search.search(q), JSON.stringify(q)).toEqual(fresh.search(q));
    }
  });

  it("a caller reordering its hits changes nothing for the next turn", () => {
    const { turn } = world();
    const hits = turn().search.search({ query: "seal", limit: 10 });
    const before = hits.map((h) => h.sku);
    hits.reverse();
    hits.length = 1;
    expect(
      turn()
        .search.search({ query: "seal", limit: 10 })
        .map((h) => h.sku),
    ).toEqual(before);
  });
});

describe("acrossTurns and valuedFeatures: once per catalog version", () => {
  it("a feature value changed between turns is read anew", () => {
    const { db, turn } = world();
    const ctx = () => ({ k: turn() }) as unknown as Ctx;
    expect(valuedFeatures(ctx(), [SEAL]).get(SEAL)?.pressureRating).toBe(16);
    db.$client.prepare("UPDATE product_features SET num_value = 25 WHERE sku = ? AND key = 'pressureRating'").run(SEAL);
    expect(valuedFeatures(ctx(), [SEAL]).get(SEAL)?.pressureRating).toBe(25);
  });

  it("feature names are read once per catalog version, and a renamed feature is read anew on the next turn", () => {
    const { db, k, turn } = world();
    const read = vi.spyOn(k.reader, "featureNames");
    const key = Object.keys(turn().reader.featureNames!("de"))[0]!;
    expect(key).toBeDefined();
    expect(turn().reader.featureNames!("de")[key]).toBe(k.reader.featureNames!("de")[key]);
    expect(read).toHaveBeenCalledTimes(2);
    db.$client.prepare("UPDATE feature_names SET name = 'Qwyxplomb' WHERE key = ? AND lang = 'de'").run(key);
    expect(turn().reader.featureNames!("de")[key]).toBe("Qwyxplomb");
  });

  it("a turn view keeps the version its turn began with; a knowledge outside a turn follows the catalog", () => {
    const { db, k, turn } = world();
    const view = turn();
    const made = vi.fn(() => ({}));
    const first = acrossTurns(view, "x", made);
    expect(acrossTurns(turn(), "x", made)).toBe(first);
    expect(acrossTurns(k, "x", made)).toBe(first);
    db.$client.prepare("UPDATE products SET name = name WHERE sku = ?").run(SEAL);
    expect(acrossTurns(k, "x", made)).not.toBe(first);
    expect(made).toHaveBeenCalledTimes(2);
  });
});

describe("stock and prices are read fresh on the next turn", () => {
  const w = demoWorld();
  afterAll(() => w.db.$client.close());

  it("a price and a stock change between two turns of one conversation show in the next reply", async () => {
    const chat = new Chat(w, DEMO.customers.platinum);
    expect((await chat.say(`what does ${SEAL} cost?`)).text).toContain("256.70");
    w.db.$client
      .prepare("UPDATE price_list_items SET price_cents = 19990 WHERE price_list_id = 'PL-KEY' AND sku = ?")
      .run(SEAL);
    expect((await chat.say(`what does ${SEAL} cost?`)).text).toContain("199.90");
    const before = (await chat.say("is it in stock? I need 5")).text;
    expect(before).toContain("split delivery");
    w.db.$client.prepare("UPDATE stock SET on_hand = 40 WHERE sku = ? AND warehouse = 'WH-NORTH'").run(SEAL);
    const after = (await chat.say("is it in stock? I need 5")).text;
    expect(after).not.toContain("split delivery");
    expect(after).not.toEqual(before);
  });
});
