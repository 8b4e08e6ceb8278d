import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashDraft } from "../../tools/draft-hash.ts";
import { VERDICT_CODES, type Draft } from "../../tools/types.ts";
import { line, validate } from "./world.ts";

describe("validateDraft", () => {
  it("returns a clean, priced, scheduled report for a good order", () => {
    const draft: Draft = {
      lines: [line("SEAL-100", 5, { machineId: "M1" }), line("FILTER-BOX", 4, { lineId: "2" })],
      poReference: "PO-1",
    };
    const r = validate(draft);
    expect(r).toMatchObject({
      clean: true,
      needsApproval: false,
      customerId: "C-GOLD",
      currency: "EUR",
      draftHash: hashDraft(draft),
    });
    expect(r.lines.map((l) => [l.verdict, VERDICT_CODES[l.verdict].x12])).toEqual([
      ["accepted", "IA"],
      ["accepted", "IA"],
    ]);
    expect(r.totals.netCents).toBe(5 * 1900 + 4 * 1200);
    expect(r.promiseDate).toBe("2026-03-03");
    expect(r.checkedAt).toBe("2026-03-02T09:00:00.000Z");
  });

  it("maps every verdict to its X12/EDIFACT code", () => {
    const r = validate({
      requestedDate: "2026-03-01",
      lines: [
        line("SEAL-100", 5, { lineId: "ok" }),
        line("SCARCE-1", 12, { lineId: "split" }),
        line("NOPE", 1, { lineId: "bad" }),
      ],
    });
    const v = Object.fromEntries(r.lines.map((l) => [l.lineId, l.verdict]));
    expect(v).toEqual({ ok: "accepted_with_change", split: "partial", bad: "rejected" });
    expect(VERDICT_CODES.partial.x12).toBe("BP");
  });

  it("never throws on any draft shape and always answers with issues", () => {
    const anyLine = fc.record(
      {
        lineId: fc.oneof(fc.string({ maxLength: 45 }), fc.constant("1"), fc.integer() as fc.Arbitrary<unknown>),
        sku: fc.oneof(
          fc.constantFrom("SEAL-100", "PUMP-CX200", "FILTER-BOX", "SCARCE-1", "DISC-LAST", "COUPLING-A", "MOTOR-230"),
          fc.string(),
          fc.anything(),
        ),
        quantity: fc.oneof(
          fc.double(),
          fc.integer(),
          fc.constantFrom(0, -1, 1e300, 0.1 + 0.2, Number.NaN),
          fc.anything(),
        ),
        unit: fc.oneof(fc.constantFrom("PCE", "BOX", "SET", "KG"), fc.anything()),
        options: fc.oneof(
          fc.dictionary(
            fc.constantFrom("voltage", "seal", "atex", "extras", "x"),
            fc.array(fc.constantFrom("230V", "400V", "FKM", "ATEX", "heater", "zz")),
          ),
          fc.anything(),
        ),
        machineId: fc.oneof(fc.constantFrom("M1", "M2", "M3", "M9"), fc.anything()),
        requestedUnitPriceCents: fc.oneof(fc.integer(), fc.double(), fc.anything()),
        requestedDate: fc.oneof(fc.constantFrom("2026-03-05", "2020-01-01", "not-a-date"), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const anyDraft = fc.oneof(
      fc.record(
        {
          lines: fc.array(anyLine, { maxLength: 8 }),
          machineId: fc.anything(),
          shipToId: fc.anything(),
          requestedDate: fc.anything(),
          requestedDiscountPct: fc.anything(),
        },
        { requiredKeys: ["lines"] },
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(
        anyDraft,
        fc.constantFrom("C-GOLD", "C-WHOLE", "C-NEAR", "C-BLOCKED", "C-PRE", "unknown"),
        (draft, customer) => {
          const r = validate(draft as Draft, customer);
          expect(typeof r.clean).toBe("boolean");
          expect(Number.isFinite(r.totals.netCents)).toBe(true);
          for (const l of r.lines) expect(Object.keys(VERDICT_CODES)).toContain(l.verdict);
          if (r.clean)
            expect([...r.issues, ...r.lines.flatMap((l) => l.issues)].every((i) => i.severity !== "block")).toBe(true);
          else
            expect([...r.issues, ...r.lines.flatMap((l) => l.issues)].some((i) => i.severity === "block")).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
