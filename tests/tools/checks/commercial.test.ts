import { describe, expect, it } from "vitest";
import { MAX_DRAFT_LINES } from "../../../tools/limits.ts";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, validate } from "../world.ts";

describe("pricing check", () => {
  it("takes the valid contract price with the largest minimum quantity ≤ quantity", () => {
    expect(validate({ lines: [line("SEAL-100", 5)] }).lines[0]).toMatchObject({
      unitPriceCents: 1900,
      priceSource: "contract",
      amountCents: 9500,
    });
    expect(validate({ lines: [line("SEAL-100", 60)] }).lines[0]).toMatchObject({
      unitPriceCents: 1700,
      priceSource: "contract",
    });
  });

  it("falls back to price-list breaks, then the list price", () => {
    expect(validate({ lines: [line("SEAL-100", 5)] }, "C-NEAR").lines[0]).toMatchObject({
      unitPriceCents: 2500,
      priceSource: "list",
    });
    const r = validate({ lines: [line("SEAL-200", 2)] });
    expect(r.lines[0]).toMatchObject({ unitPriceCents: 3300, priceSource: "price_list" });
    expect(issuesOf(r, "price.contract_expired")[0]).toMatchObject({
      severity: "warn",
      details: { validTo: "2025-12-31", contractPriceCents: 2900 },
    });
    expect(r.clean).toBe(true);
  });

  it("totals the lines in cents", () => {
    const r = validate({ lines: [line("SEAL-100", 5), line("SEAL-200", 2, { lineId: "2" })] });
    expect(r.totals).toEqual({ netCents: 9500 + 6600, lines: 2 });
  });

  it("sends a requested price below the policy's discount to approval, within it only warns", () => {
    const big = validate({ lines: [line("SEAL-100", 5, { requestedUnitPriceCents: 1000 })] });
    expect(issuesOf(big, "price.requested_below")[0]).toMatchObject({
      severity: "approval",
      details: { discountPct: 47.37 },
    });
    expect(big).toMatchObject({ clean: true, needsApproval: true });
    expect(big.lines[0]).toMatchObject({ verdict: "on_hold", unitPriceCents: 1900 });
    const small = validate({ lines: [line("SEAL-100", 5, { requestedUnitPriceCents: 1800 })] });
    expect(issuesOf(small, "price.requested_below")[0]!.severity).toBe("warn");
  });

  it("blocks a product priced in another currency", () => {
    expect(issuesOf(validate({ lines: [line("USD-1", 1)] }), "price.currency_mismatch")).toHaveLength(1);
  });
});

describe("credit check", () => {
  it("blocks a blocked customer and holds every line", () => {
    const r = validate({ lines: [line("SEAL-100", 5)] }, "C-BLOCKED");
    expect(issuesOf(r, "credit.blocked")[0]!.message).toContain("overdue invoices");
    expect(r.clean).toBe(false);
    expect(r.lines[0]!.verdict).toBe("on_hold");
  });

  it("routes a small overrun to approval and blocks a large one; a smaller order resolves it", () => {
    // limit 1000.00, open 950.00, overrun allowed 200.00; SEAL-100 list 25.00.
    expect(issuesOf(validate({ lines: [line("SEAL-100", 4)] }, "C-NEAR"), "credit.overrun_approval")).toHaveLength(1);
    const r = validate({ lines: [line("SEAL-100", 20)] }, "C-NEAR");
    expect(issuesOf(r, "credit.limit_exceeded")[0]!.details).toMatchObject({ overrunCents: 45_000 });
    expect(issuesOf(validate({ lines: [line("SEAL-100", 2)] }, "C-NEAR"), "credit.limit_exceeded")).toEqual([]);
  });

  it("lets prepaid customers order without a credit line", () => {
    const r = validate({ lines: [line("SEAL-100", 5)] }, "C-PRE");
    expect(issuesOf(r, "credit.prepayment_required")).toHaveLength(1);
    expect(r.clean).toBe(true);
  });
});

describe("policy check", () => {
  it("sends large orders to approval", () => {
    const r = validate({ lines: [line("BIG-1", 2)] });
    expect(issuesOf(r, "policy.order_value_approval")).toHaveLength(1);
    expect(r).toMatchObject({ clean: true, needsApproval: true });
  });

  it("blocks orders below the minimum order value; a larger quantity resolves it", () => {
    expect(issuesOf(validate({ lines: [line("COUPLING-BOLTS", 1)] }), "policy.min_order_value")).toHaveLength(1);
    expect(issuesOf(validate({ lines: [line("COUPLING-BOLTS", 4)] }), "policy.min_order_value")).toEqual([]);
  });

  it("sends a requested discount above the threshold to approval", () => {
    expect(
      issuesOf(validate({ requestedDiscountPct: 15, lines: [line("SEAL-100", 5)] }), "policy.discount_approval")[0]!
        .severity,
    ).toBe("approval");
    expect(
      issuesOf(validate({ requestedDiscountPct: 5, lines: [line("SEAL-100", 5)] }), "policy.discount_requested")[0]!
        .severity,
    ).toBe("warn");
  });
});

describe("order-level checks", () => {
  it("blocks an empty order", () => {
    expect(validate({ lines: [] })).toMatchObject({
      clean: false,
      issues: [{ code: "order.empty", severity: "block" }],
    });
  });

  it("blocks an unknown ship-to; one of the customer's resolves it", () => {
    const { fix } = expectFixResolves({ shipToId: "ST-X", lines: [line("SEAL-100", 5)] }, "shipto.unknown");
    expect(fix).toEqual({ kind: "set_ship_to", shipToId: "ST-N" });
    // Another customer's ship-to is unknown for this one.
    expect(
      issuesOf(validate({ shipToId: "ST-N", lines: [line("SEAL-100", 5)] }, "C-PLAT"), "shipto.unknown"),
    ).toHaveLength(1);
  });

  it(`blocks more than ${MAX_DRAFT_LINES} lines (the tools' limit), still checking the first ${MAX_DRAFT_LINES}`, () => {
    const lines = Array.from({ length: MAX_DRAFT_LINES + 1 }, (_, i) => line("SEAL-100", 1, { lineId: `L${i}` }));
    const r = validate({ lines });
    expect(issuesOf(r, "order.too_many_lines")[0]).toMatchObject({
      severity: "block",
      details: { lines: MAX_DRAFT_LINES + 1 },
    });
    expect(r.lines).toHaveLength(MAX_DRAFT_LINES);
  });

  it("blocks duplicate line ids and unknown customers", () => {
    expect(
      issuesOf(validate({ lines: [line("SEAL-100", 5), line("SEAL-200", 1)] }), "order.duplicate_line_id")[0],
    ).toMatchObject({ severity: "block", lineId: "1" });
    expect(issuesOf(validate({ lines: [line("SEAL-100", 5)] }, "C-NOBODY"), "customer.unknown")).toHaveLength(1);
  });
});
