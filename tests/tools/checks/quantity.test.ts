import { describe, expect, it } from "vitest";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, validate } from "../world.ts";

// FILTER-BOX: sold per BOX of 10 PCE, MOQ 2, step 2, max 20.
describe("quantity check", () => {
  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, 1e12])(
    "rejects quantity %s as invalid with the MOQ as fix",
    (q) => {
      const { fix, after } = expectFixResolves({ lines: [line("FILTER-BOX", q)] }, "qty.invalid");
      expect(fix).toEqual({ kind: "set_quantity", lineId: "1", quantity: 2, unit: "BOX" });
      expect(after.clean).toBe(true);
    },
  );

  it("converts pieces to boxes (25 PCE → 4 BOX, the next valid step)", () => {
    const { fix, issue, after } = expectFixResolves(
      { lines: [line("FILTER-BOX", 25, { unit: "PCE" })] },
      "qty.unit_mismatch",
    );
    expect(issue.message).toContain("sold per box of 10 pieces: 25 pieces is 2.5 boxes");
    expect(fix).toEqual({ kind: "set_quantity", lineId: "1", quantity: 4, unit: "BOX" });
    expect(after.clean).toBe(true);
  });

  it("raises the quantity to the MOQ", () => {
    const { fix } = expectFixResolves({ lines: [line("FILTER-BOX", 1)] }, "qty.below_moq");
    expect(fix).toMatchObject({ quantity: 2 });
  });

  it("offers the nearest multiples of the order step, nearest first", () => {
    const r = validate({ lines: [line("FILTER-BOX", 7)] });
    expect(issuesOf(r, "qty.not_step")[0]!.fixes.map((f) => (f.kind === "set_quantity" ? f.quantity : 0))).toEqual([
      6, 8,
    ]);
    expectFixResolves({ lines: [line("FILTER-BOX", 7)] }, "qty.not_step");
  });

  it("treats fractional piece quantities as off-step", () => {
    const { fix } = expectFixResolves({ lines: [line("SEAL-100", 1.5)] }, "qty.not_step");
    expect(fix).toMatchObject({ kind: "set_quantity" });
  });

  it("caps at the maximum", () => {
    const { fix } = expectFixResolves({ lines: [line("FILTER-BOX", 22)] }, "qty.above_max");
    expect(fix).toMatchObject({ quantity: 20 });
  });

  it("accepts a valid quantity with no quantity issue", () => {
    const r = validate({ lines: [line("FILTER-BOX", 4)] });
    expect(r.clean).toBe(true);
    expect(r.lines[0]!.issues).toEqual([]);
  });
});
