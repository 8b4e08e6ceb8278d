/**
 * The offline model's readings kept across turns (perf, session 20): a product guess (guessProduct) and the buyer's
 * machines a text names are pure readings of the words against the catalog, kept per catalog version as the searches
 * are (turn-memo.ts). A kept answer is exactly what a fresh reading gives; a catalog change is seen on the next turn; a
 * caller changing what it got changes nothing for the next turn; outside a turn nothing is kept.
 */
import { HumanMessage } from "@langchain/core/messages";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type Db, openDatabase } from "../../../catalog/db.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { DEMO, seedDemo } from "../../../catalog/seed/index.ts";
import { buildKnowledge, guessProduct, tokenizeText } from "../../../agent/models/offline/recognise.ts";
import { acrossTurnsFor, knowledgeForTurn } from "../../../agent/models/offline/turn-memo.ts";
import { Chat, demoWorld } from "./helpers.ts";

const SEAL = "SE-MS28-SIC-FKM";

function world() {
  const db: Db = openDatabase();
  seedDemo(db);
  const k = buildKnowledge(createCatalogReader(db), createCatalogSearch(db), db.$client, new Set());
  const turn = () => knowledgeForTurn(new HumanMessage("turn"), () => k);
  const fresh = () => buildKnowledge(createCatalogReader(db), createCatalogSearch(db), db.$client, new Set());
  return { db, k, turn, fresh };
}

const TEXTS = [
  "2 mechanical seals 28 mm FKM",
  SEAL,
  "SE-MS28",
  "Gleitringdichtung 28",
  "seal kit for the pump",
  "the carbon/ceramic EPDM one",
];

describe("product guesses kept across turns", () => {
  it("answer exactly what a fresh reading answers, with and without a machine, in any order", () => {
    const { db, turn, fresh } = world();
    const machine = db.$client.prepare("SELECT model, serial FROM machines ORDER BY model LIMIT 1").get() as {
      model: string;
      serial: string;
    };
    for (const order of [TEXTS, [...TEXTS].reverse()]) {
      const k = turn();
      for (const text of order)
        for (const on of [undefined, machine]) {
          const tokens = tokenizeText(text);
          expect(guessProduct(tokens, new Set(), k, on), text).toEqual(guessProduct(tokens, new Set(), fresh(), on));
          expect(guessProduct(tokens, new Set([0]), k, on), text).toEqual(
            guessProduct(tokens, new Set([0]), fresh(), on),
          );
        }
    }
  });

  it("a later turn is answered from the memo; a product renamed between turns is guessed by its new name", () => {
    const { db, k, turn } = world();
    const tokens = () => tokenizeText("qwyxplomb 28");
    expect(guessProduct(tokens(), new Set(), turn())?.hits[0]?.sku).not.toBe(SEAL);
    const searched = vi.spyOn(k.search, "search");
    guessProduct(tokens(), new Set(), turn());
    expect(searched).not.toHaveBeenCalled();
    db.$client.prepare("UPDATE products SET name = 'Qwyxplomb 28 mm, SiC/SiC, FKM' WHERE sku = ?").run(SEAL);
    expect(guessProduct(tokens(), new Set(), turn())?.hits[0]?.sku).toBe(SEAL);
  });

  it("a caller reordering a guess's hits changes nothing for the next turn", () => {
    const { turn } = world();
    const tokens = tokenizeText("mechanical seal");
    const guess = guessProduct(tokens, new Set(), turn())!;
    const before = guess.hits.map((h) => h.sku);
    expect(before.length).toBeGreaterThan(1);
    guess.hits.reverse();
    guess.hits.length = 1;
    expect(guessProduct(tokens, new Set(), turn())!.hits.map((h) => h.sku)).toEqual(before);
  });

  it("outside a turn nothing is kept", () => {
    const { k } = world();
    const read = vi.fn(() => ({}));
    expect(acrossTurnsFor(k, "x", read)).not.toBe(acrossTurnsFor(k, "x", read));
    expect(read).toHaveBeenCalledTimes(2);
  });
});

describe("machine readings kept across turns", () => {
  const w = demoWorld();
  afterAll(() => w.db.$client.close());

  it("a conversation naming the buyer's machine again, from the memo, is answered as the first was", async () => {
    const replies: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const chat = new Chat(w, DEMO.customers.platinum);
      replies.push([
        (await chat.say("I need 2 mechanical seals for pump 2 in hall B")).text,
        (await chat.say("the carbon/ceramic EPDM one")).text,
        (await chat.say("what's in my order?")).text,
      ]);
    }
    expect(replies[1]).toEqual(replies[0]);
    expect(replies[0]!.join("\n")).toMatch(/SE-MS28/);
  });
});
