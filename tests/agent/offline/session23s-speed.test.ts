/**
 * Session 23s (speed): how a message is understood depends on the catalog's words alone, so the untouched copies of
 * one catalog image (eval trials) share it — a copy written to, a transaction, a knowledge of its own do not. And
 * what the buyer sees of prices and stock still comes from the copy itself, turn by turn.
 */
import { describe, expect, test } from "vitest";
import { type Db, openDatabase, openDatabaseImage } from "../../../catalog/db.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { DEMO, DEMO_NOW, seedDemo } from "../../../catalog/seed/index.ts";
import { createShieldMemorySaver } from "../../../agent/checkpointer.ts";
import { createOfflineModel } from "../../../agent/models/offline/index.ts";
import { buildKnowledge, type CatalogWords, type Knowledge } from "../../../agent/models/offline/recognise.ts";
import { catalogIdentity } from "../../../agent/models/offline/turn-memo.ts";
import { createShieldAgent } from "../../../agent/runtime.ts";

const SEAL = "SE-MS28-SIC-FKM";

function image(): Buffer {
  const db = openDatabase();
  seedDemo(db);
  const bytes = db.$client.serialize();
  db.$client.close();
  return bytes;
}

/** Knowledge over a copy, shared with the other copies of its image as the offline model shares it. */
function copyKnowledge(db: Db, scope: object): Knowledge {
  const k = buildKnowledge(createCatalogReader(db), createCatalogSearch(db), db.$client, new Set());
  const pristine = k.catalogVersion?.();
  if (pristine?.startsWith("0:")) k.catalogShare = { scope, key: "demo", pristine };
  return k;
}

describe("the catalog a message is understood against", () => {
  test("two untouched copies of one image are one catalog", () => {
    const bytes = image();
    const scope = {};
    const a = copyKnowledge(openDatabaseImage(bytes), scope);
    const b = copyKnowledge(openDatabaseImage(bytes), scope);
    expect(catalogIdentity(a)).toBe(catalogIdentity(b));
  });

  test("a copy renamed a product in is a catalog of its own, the other copy stays the image", () => {
    const bytes = image();
    const scope = {};
    const dbA = openDatabaseImage(bytes);
    const dbB = openDatabaseImage(bytes);
    const a = copyKnowledge(dbA, scope);
    const b = copyKnowledge(dbB, scope);
    const shared = catalogIdentity(a);
    dbB.$client.prepare("UPDATE products SET name = 'Qwyxplomb 28 mm, SiC/SiC, FKM' WHERE sku = ?").run(SEAL);
    expect(catalogIdentity(b)).not.toBe(shared);
    expect(catalogIdentity(a)).toBe(shared);
    // Another copy opened later is still the image.
    expect(catalogIdentity(copyKnowledge(openDatabaseImage(bytes), scope))).toBe(shared);
  });

  test("inside a transaction, or without a share, a knowledge is a catalog of its own", () => {
    const bytes = image();
    const scope = {};
    const dbA = openDatabaseImage(bytes);
    const a = copyKnowledge(dbA, scope);
    const b = copyKnowledge(openDatabaseImage(bytes), scope);
    const shared = catalogIdentity(b);
    dbA.$client.prepare("BEGIN").run();
    expect(catalogIdentity(a)).not.toBe(shared);
    dbA.$client.prepare("ROLLBACK").run();
    expect(catalogIdentity(a)).toBe(shared);
    const own = { ...b, catalogShare: undefined } as Knowledge;
    const other = { ...b, catalogShare: undefined } as Knowledge;
    expect(catalogIdentity(own)).not.toBe(shared);
    expect(catalogIdentity(own)).not.toBe(catalogIdentity(other));
  });
});

describe("copies sharing their understanding still answer from their own rows", () => {
  /** One trial: a fresh copy of the image, the offline model sharing the catalog's words with the other copies. */
  async function trial(bytes: Buffer, words: Map<string, CatalogWords>, change?: (db: Db) => void) {
    const db = openDatabaseImage(bytes);
    change?.(db);
    const agent = createShieldAgent({
      db,
      model: createOfflineModel({ db, sharedWords: { key: "demo", cache: words } }),
      checkpointer: createShieldMemorySaver(),
      now: () => DEMO_NOW,
    });
    const ctx = { customerId: DEMO.customers.platinum, contactId: null, channel: "test" };
    const says = async (text: string) => (await agent.send("t", text, ctx)).replies.join("\n");
    return { db, says };
  }

  test("a price changed in one copy is the price that copy's buyer is told (en, de)", async () => {
    const bytes = image();
    const words = new Map<string, CatalogWords>();
    for (const [ask, lang] of [
      [`what does ${SEAL} cost?`, "en"],
      [`was kostet ${SEAL}?`, "de"],
    ] as const) {
      const first = await trial(bytes, words);
      const before = await first.says(ask);
      const second = await trial(bytes, words, (db) => {
        // Wherever the buyer's price comes from: the list price, a price list, a contract.
        for (const sql of [
          "UPDATE products SET list_price_cents = list_price_cents + 12345 WHERE sku = ?",
          "UPDATE price_list_items SET price_cents = price_cents + 12345 WHERE sku = ?",
          "UPDATE contract_prices SET price_cents = price_cents + 12345 WHERE sku = ?",
        ])
          db.$client.prepare(sql).run(SEAL);
      });
      const after = await second.says(ask);
      expect(after, lang).not.toBe(before);
      const third = await trial(bytes, words);
      expect(await third.says(ask), lang).toBe(before);
    }
  }, 300_000);

  test("stock taken in one copy between two turns is seen on its next turn", async () => {
    const bytes = image();
    const words = new Map<string, CatalogWords>();
    const { db, says } = await trial(bytes, words);
    const ask = `is ${SEAL} in stock?`;
    const before = await says(ask);
    db.$client.prepare("UPDATE stock SET on_hand = 0, reserved = 0 WHERE sku = ?").run(SEAL);
    expect(await says(ask)).not.toBe(before);
  }, 300_000);
});
