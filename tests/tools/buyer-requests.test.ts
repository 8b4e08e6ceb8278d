/**
 * A price or discount the buyer asks for is a wish, never a price: within the rep's limit it is only a warning, and
 * in the clean order it travels in the non-binding `buyerRequests` block — never beside the price fields, where an
 * ERP mapping could apply it. Every price, amount and total of the payload is the engine's (invariant 2).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { outbox } from "../../catalog/schema.ts";
import { CLEAN_ORDER_SCHEMA_VERSION, type CleanOrder, cleanOrderSchema } from "../../tools/clean-order.ts";
import { hashDraft } from "../../tools/draft-hash.ts";
import { handOff } from "../../tools/handoff.ts";
import type { Draft } from "../../tools/types.ts";
import { issuesOf } from "./helpers.ts";
import { line, NOW, openWorld, validate } from "./world.ts";

/** The parts of a JSON Schema node the assertions read. */
interface SchemaNode {
  const?: unknown;
  properties: Record<string, SchemaNode>;
  items: SchemaNode;
  additionalProperties?: boolean;
  required?: string[];
}
const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../docs/clean-order.schema.json"), "utf8"),
) as SchemaNode;

function place(draft: Draft): CleanOrder {
  const db = openWorld();
  const r = handOff(db, {
    threadId: "t-req",
    draft,
    confirmedHash: hashDraft(draft),
    customerId: "C-GOLD",
    channel: "test",
    now: NOW,
  });
  expect(r.status).toBe("placed");
  const [event] = db.select().from(outbox).all();
  return cleanOrderSchema.parse(event!.payload);
}

describe("buyer requests in the clean order", () => {
  // SEAL-100 costs C-GOLD 1,900 a piece (contract); the policy lets a rep grant up to 10 % without approval.
  const draft: Draft = {
    requestedDiscountPct: 5,
    lines: [
      line("SEAL-100", 2, { lineId: "L1", requestedUnitPriceCents: 1_800 }),
      line("SEAL-200", 1, { lineId: "L2" }),
    ],
  };

  test("a request within the rep's limit is a warning, not an approval", () => {
    const r = validate(draft);
    expect(r.clean).toBe(true);
    expect(r.needsApproval).toBe(false);
    expect(issuesOf(r, "price.requested_below")[0]!.severity).toBe("warn");
    expect(issuesOf(r, "policy.discount_requested")[0]!.severity).toBe("warn");
  });

  test("it travels in a non-binding block apart from the prices, which stay the engine's", () => {
    const order = place(draft);
    expect(order.schemaVersion).toBe("2.0");
    const report = validate(draft);
    for (const l of order.lines) {
      expect(Object.keys(l)).not.toContain("requestedUnitPriceCents");
      const engine = report.lines.find((x) => x.lineId === l.lineId)!;
      expect([l.unitPriceCents, l.lineAmountCents]).toEqual([engine.unitPriceCents, engine.amountCents]);
    }
    expect(order.lines[0]!.unitPriceCents).toBe(1_900);
    expect(Object.keys(order.header)).not.toContain("requestedDiscountPct");
    expect(order.summary.totalAmountCents).toBe(report.totals.netCents);
    expect(order.buyerRequests).toEqual({
      binding: false,
      discount: { pct: 5, status: "noted" },
      unitPrices: [{ lineNo: 1, sku: "SEAL-100", requestedUnitPriceCents: 1_800, status: "noted" }],
    });
  });

  test("an order without requests has no block at all", () => {
    expect(place({ lines: [line("SEAL-100", 2)] }).buyerRequests).toBeUndefined();
  });

  test("the published schema has no request beside a price, and says the block is never binding", () => {
    expect(schema.properties.schemaVersion!.const).toBe(CLEAN_ORDER_SCHEMA_VERSION);
    const lineSchema = schema.properties.lines!.items;
    expect(Object.keys(lineSchema.properties)).not.toContain("requestedUnitPriceCents");
    // Strict objects: a payload that put a request beside the prices would not validate.
    expect(lineSchema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.header!.properties)).not.toContain("requestedDiscountPct");
    expect(schema.properties.header!.additionalProperties).toBe(false);
    const block = schema.properties.buyerRequests!;
    expect(block.properties.binding).toMatchObject({ const: false });
    expect(block.required).toContain("binding");
  });
});
