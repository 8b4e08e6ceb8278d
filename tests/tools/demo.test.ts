/**
 * Every issue code triggered from the demo world (catalog/seed/demo/README.md, "Issue code index"), and for each
 * code with a fix, applying the fix resolves it. Reference date: DEMO_NOW (2026-12-01).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, ValidationReport } from "../../tools/types.ts";
import { CASES, l, PUMP } from "./demo-cases.ts";
import { expectFixResolves, issuesOf } from "./helpers.ts";

let db: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
  seedDemo(db);
});
const run =
  (customerId: string) =>
  (d: Draft): ValidationReport =>
    validateDraft(d, { customerId, now: DEMO_NOW, data: createCatalogReader(db) });
describe("every issue code on the demo world", () => {
  it.each(CASES.map((c) => [c.code, c] as const))("%s", (_code, c) => {
    const validateWith = run(c.customer);
    if (c.fix === "none") {
      const r = validateWith(c.draft);
      const found = issuesOf(r, c.code);
      expect(found.map((i) => i.code)).toContain(c.code);
      expect(found[0]!.severity).toBe(c.severity ?? "block");
      return;
    }
    const { issue, fix } = expectFixResolves(c.draft, c.code, {
      validateWith,
      ...(c.fix ? { pick: c.fix } : {}),
      ...(c.same ? { same: c.same } : {}),
    });
    expect(issue.severity).toBe(c.severity ?? "block");
    if (c.expectFix) expect(fix).toMatchObject(c.expectFix);
  });
});

describe("demo cases, end to end", () => {
  it("a clean order for C-1001's Pump 1 at the contract price, shipped tomorrow", () => {
    const r = run("C-1001")({ lines: [l("SE-MS24-CC-EPDM", 2, { machineId: "M-1001-01" })] });
    expect(r).toMatchObject({ clean: true, needsApproval: false });
    expect(r.lines[0]).toMatchObject({
      verdict: "accepted",
      unitPriceCents: 8900,
      priceSource: "contract",
      amountCents: 17800,
      promiseDate: "2026-12-02",
    });
  });

  it("the contract break applies at 10", () => {
    expect(
      run("C-1001")({ lines: [l("SE-MS24-CC-EPDM", 10, { machineId: "M-1001-01" })] }).lines[0]!.unitPriceCents,
    ).toBe(7900);
  });

  it("prices the complete configured pump with its option surcharges (list 2,343.00; C-1001 2,264.60)", () => {
    const options = {
      voltage: ["400"],
      power: ["2.2"],
      flangeDN: ["32"],
      sealMaterial: ["FKM"],
      atex: ["yes"],
      extras: ["gauges"],
    };
    const list = run("C-1007")({ lines: [l(PUMP, 1, { options })] });
    expect(list.lines[0]!.issues.filter((i) => i.code.startsWith("config."))).toEqual([]);
    expect(list.lines[0]!.unitPriceCents).toBe(234300);
    expect(run("C-1001")({ lines: [l(PUMP, 1, { options })] }).lines[0]!.unitPriceCents).toBe(226460);
  });

  it("narrows the remaining power values (voltage 230, flange 25 → 1.5 or 2.2)", () => {
    const r = run("C-1001")({
      lines: [l(PUMP, 1, { options: { voltage: ["230"], flangeDN: ["25"], sealMaterial: ["EPDM"], atex: ["no"] } })],
    });
    const missing = issuesOf(r, "config.missing_choice");
    expect(missing.map((i) => i.details?.group)).toEqual(["power"]);
    expect(missing[0]!.details?.allowed).toEqual(["1.5", "2.2"]);
  });

  it("tier-protected stock: silver sees 2, platinum 10", () => {
    const silver = run("C-1008")({ lines: [l("SP-IMP-NCP32-160-G2", 5)] });
    expect(issuesOf(silver, "stock.partial")[0]!.details).toMatchObject({ availableNow: 2 });
    const platinum = run("C-1001")({ lines: [l("SP-IMP-NCP32-160-G2", 5, { machineId: "M-1001-02" })] });
    expect(platinum.lines[0]!.verdict).toBe("accepted");
  });

  it("a material rated 'limited' for the medium warns instead of blocking", () => {
    const r = run("C-1001")({ lines: [l("SE-MS28-CC-FKM", 1, { machineId: "M-1001-02" })] });
    expect(issuesOf(r, "compat.material_medium")[0]).toMatchObject({
      severity: "warn",
      details: { rating: "limited" },
    });
    expect(r.clean).toBe(true);
  });

  it("a mandatory companion already fitted on the machine is not asked for again", () => {
    expect(
      issuesOf(
        run("C-1001")({ lines: [l("AC-PT-0-16-420", 1, { machineId: "M-1001-02" })] }),
        "compat.missing_mandatory",
      ),
    ).toEqual([]);
  });

  it("no partial shipments: the whole line ships on the inbound date", () => {
    const r = run("C-1004")({ lines: [l("PU-NCP-32-160-400", 5)] });
    expect(r.lines[0]!.verdict).toBe("backordered");
    expect(new Set(r.lines[0]!.schedule.map((s) => s.date)).size).toBe(1);
  });

  it("credit overrun routes to approval with the engine's figures", () => {
    const r = run("C-1003")({ lines: [l("PU-NCP-40-200-400", 1)] });
    expect(issuesOf(r, "credit.overrun_approval")[0]!.details).toMatchObject({ overrunCents: 151_400 });
    expect(r.lines[0]!.verdict).toBe("on_hold");
  });
});
