/**
 * A quantity fix the buyer can use: every `set_quantity` fix the quantity check offers, for any product the importer
 * accepts (order unit, MOQ, step, maximum) and any quantity, is itself a quantity the check accepts. A fix that is
 * blocked again sends the buyer (and the model) round in circles.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { productRow } from "../../../catalog/import/format.ts";
import type { ProductRecord } from "../../../catalog/queries/types.ts";
import { checkQuantity } from "../../../tools/checks/quantity.ts";
import type { LineState, OrderState } from "../../../tools/checks/context.ts";
import type { Issue } from "../../../tools/types.ts";

const product = (p: { orderUnit: string; moq: number; orderStep: number; maxQty?: number }): ProductRecord => ({
  sku: "P-1",
  name: "Part",
  description: "",
  category: "parts",
  manufacturer: null,
  orderUnit: p.orderUnit,
  contentUnit: p.orderUnit,
  contentQty: 1,
  moq: p.moq,
  orderStep: p.orderStep,
  maxQty: p.maxQty ?? null,
  leadTimeDays: 1,
  lifecycle: "active",
  successorSku: null,
  listPriceCents: 100,
  currency: "EUR",
  hazardous: false,
  requiresCertification: null,
  blockedRegions: [],
  configModelId: null,
  machineModel: null,
});

/** The quantity check's issues for one line of `quantity` of `p`. */
function quantityIssues(p: ProductRecord, quantity: number): Issue[] {
  const line = {
    lineId: "L1",
    sku: p.sku,
    line: { lineId: "L1", sku: p.sku, quantity },
    product: p,
    unit: p.orderUnit,
    issues: [] as Issue[],
  } as unknown as LineState;
  checkQuantity({ lines: [line] } as unknown as OrderState);
  return line.issues;
}

const imported = (raw: Record<string, unknown>) =>
  productRow.safeParse({ sku: "P-1", name: "Part", category: "parts", listPriceCents: 100, ...raw });

describe("quantity fixes are quantities the check accepts", () => {
  test("for every product the importer accepts and any quantity, each set_quantity fix passes", () => {
    const decimal = fc.constantFrom(0.001, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 12, 25, 100, 250);
    fc.assert(
      fc.property(
        fc.constantFrom("PCE", "BOX", "MTR", "KGM"),
        decimal,
        decimal,
        fc.option(decimal, { nil: undefined }),
        fc.double({ min: 0.0001, max: 5000, noNaN: true }),
        (orderUnit, moq, orderStep, maxQty, quantity) => {
          const row = imported({ orderUnit, moq, orderStep, ...(maxQty !== undefined ? { maxQty } : {}) });
          fc.pre(row.success);
          const p = product({ orderUnit, moq, orderStep, ...(maxQty !== undefined ? { maxQty } : {}) });
          for (const i of quantityIssues(p, quantity))
            for (const f of i.fixes)
              if (f.kind === "set_quantity")
                expect(
                  quantityIssues(p, f.quantity).map((j) => j.code),
                  `${orderUnit} moq ${moq} step ${orderStep} max ${maxQty}: ${quantity} → ${f.quantity}`,
                ).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("a product the catalog leaves no valid quantity for is qty.unorderable, with no quantity fix to go round in", () => {
    // Accepted by the importer (maxQty >= moq; the step-1 exemption of the MOQ check), yet the grid is whole metres.
    const p = product({ orderUnit: "MTR", moq: 2.5, orderStep: 1, maxQty: 2.5 });
    expect(imported({ orderUnit: "MTR", moq: 2.5, orderStep: 1, maxQty: 2.5 }).success).toBe(true);
    for (const q of [1, 2.5, 3]) {
      const issues = quantityIssues(p, q);
      expect(issues.map((i) => i.code)).toEqual(["qty.unorderable"]);
      expect(issues[0]!.fixes).toEqual([]);
    }
  });
});
