/**
 * Properties of the engine over a small generated catalog (catalog/generate, same generator as the 100k bench):
 * fixes, applied, never make the report worse; a report is reproducible (clean stays clean on re-validation);
 * no draft shape makes it throw.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, DraftLine, ValidationReport } from "../../tools/types.ts";
import { applyFix } from "./world.ts";

const AS_OF = "2026-06-01";
const NOW = new Date(`${AS_OF}T08:00:00Z`);

let db: Db;
let skus: { sku: string; moq: number; step: number; cfg: string | null }[];
let customers: string[];
let machinesOf: Map<string, string[]>;
let configValues: Map<string, Map<string, string[]>>;

beforeAll(() => {
  db = openDatabase(":memory:");
  importCatalog(db, generateCatalog({ skus: 400, seed: 11, customers: 12, asOf: AS_OF }));
  const q = db.$client;
  skus = q
    .prepare("SELECT sku, moq, order_step AS step, config_model_id AS cfg FROM products ORDER BY sku")
    .all() as typeof skus;
  customers = (q.prepare("SELECT id FROM customers ORDER BY id").all() as { id: string }[]).map((r) => r.id);
  machinesOf = new Map();
  for (const r of q.prepare("SELECT id, customer_id AS c FROM machines ORDER BY id").all() as {
    id: string;
    c: string;
  }[])
    machinesOf.set(r.c, [...(machinesOf.get(r.c) ?? []), r.id]);
  configValues = new Map();
  for (const r of q
    .prepare("SELECT model_id AS m, group_code AS g, value AS v FROM config_options ORDER BY rowid")
    .all() as { m: string; g: string; v: string }[]) {
    const groups = configValues.get(r.m) ?? new Map<string, string[]>();
    groups.set(r.g, [...(groups.get(r.g) ?? []), r.v]);
    configValues.set(r.m, groups);
  }
});

const validate = (draft: Draft, customerId: string): ValidationReport =>
  validateDraft(draft, { customerId, now: NOW, data: createCatalogReader(db) });

/** A buyer's draft over the generated catalog: real SKUs (and a few typos), quantities valid or not, options, machines. */
const draftArb = () =>
  fc.integer({ min: 0, max: 1_000_000 }).chain((customerIndex) => {
    const customerId = customers[customerIndex % customers.length]!;
    const machines = machinesOf.get(customerId) ?? [];
    const lineArb = fc
      .record({
        pick: fc.nat(),
        typo: fc.nat({ max: 9 }).map((n) => n === 0),
        qtyKind: fc.constantFrom("valid", "valid", "valid", "moq-1", "fraction", "big", "zero"),
        k: fc.nat({ max: 3 }),
        machine: fc.option(fc.nat(), { nil: undefined }),
        optionSeed: fc.array(fc.nat(), { maxLength: 6 }),
        requestedDate: fc.option(fc.constantFrom("2026-06-02", "2026-06-20", "2026-09-01"), { nil: undefined }),
      })
      .map((r): Omit<DraftLine, "lineId"> => {
        const p = skus[r.pick % skus.length]!;
        const quantity =
          r.qtyKind === "valid"
            ? p.moq + p.step * r.k
            : r.qtyKind === "moq-1"
              ? p.moq - 1
              : r.qtyKind === "fraction"
                ? p.moq + 0.5
                : r.qtyKind === "big"
                  ? 1e7
                  : 0;
        const line: Omit<DraftLine, "lineId"> = { sku: r.typo ? `${p.sku.slice(0, -1)}X` : p.sku, quantity };
        if (r.machine !== undefined && machines.length > 0) line.machineId = machines[r.machine % machines.length]!;
        if (r.requestedDate) line.requestedDate = r.requestedDate;
        const groups = p.cfg ? configValues.get(p.cfg) : undefined;
        if (groups) {
          const options: Record<string, string[]> = {};
          [...groups].forEach(([g, values], i) => {
            const n = r.optionSeed[i];
            if (n !== undefined) options[g] = [values[n % values.length]!];
          });
          line.options = options;
        }
        return line;
      });
    return fc.record({ customerId: fc.constant(customerId), lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }) });
  });

/**
 * How bad a report is, as a buyer sees it: rejected lines plus blocking order-level issues — except the credit
 * limit and the minimum order value, which follow the order's value: a fix that prices a line (an unknown SKU
 * replaced, a companion added, a quantity raised to the MOQ) legitimately changes it.
 */
const VALUE_DRIVEN = new Set(["credit.limit_exceeded", "policy.min_order_value"]);
const badness = (r: ValidationReport) =>
  r.lines.filter((l) => l.verdict === "rejected").length +
  r.issues.filter((i) => i.severity === "block" && !VALUE_DRIVEN.has(i.code)).length;

// 200 drafts each, every fix re-validated: seconds alone, longer when the whole suite shares two cores.
describe("engine properties on a generated catalog", { timeout: 120_000 }, () => {
  it("applying any fix of a blocking issue never makes the report worse, and resolves that issue", () => {
    fc.assert(
      fc.property(draftArb(), ({ customerId, lines }) => {
        const draft: Draft = { lines: lines.map((l, i) => ({ lineId: `L${i + 1}`, ...l })) };
        const before = validate(draft, customerId);
        const blocking = [...before.issues, ...before.lines.flatMap((l) => l.issues)].filter(
          (i) => i.severity === "block",
        );
        for (const issue of blocking)
          for (const fix of issue.fixes) {
            const after = validate(applyFix(draft, fix), customerId);
            expect(badness(after), `${issue.code} → ${JSON.stringify(fix)}`).toBeLessThanOrEqual(badness(before));
            const stillThere = [...after.issues, ...after.lines.flatMap((l) => l.issues)].filter(
              (i) =>
                i.code === issue.code &&
                i.lineId === issue.lineId &&
                JSON.stringify(i.details) === JSON.stringify(issue.details),
            );
            if (fix.kind !== "remove_line")
              expect(stillThere, `${issue.code} after ${JSON.stringify(fix)}`).toEqual([]);
          }
      }),
      { numRuns: 200 },
    );
  });

  it("re-validating gives the same report: a clean report stays clean", () => {
    fc.assert(
      fc.property(draftArb(), ({ customerId, lines }) => {
        const draft: Draft = { lines: lines.map((l, i) => ({ lineId: `L${i + 1}`, ...l })) };
        const first = validate(draft, customerId);
        const again = validate(structuredClone(draft), customerId);
        expect(again).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it("following the first fix of each blocking issue repeatedly converges without throwing", () => {
    fc.assert(
      fc.property(draftArb(), ({ customerId, lines }) => {
        let draft: Draft = { lines: lines.map((l, i) => ({ lineId: `L${i + 1}`, ...l })) };
        let report = validate(draft, customerId);
        for (let step = 0; step < 12 && !report.clean; step++) {
          const next = [...report.issues, ...report.lines.flatMap((l) => l.issues)].find(
            (i) => i.severity === "block" && i.fixes.length > 0,
          );
          if (!next) break;
          const after = validate(applyFix(draft, next.fixes[0]!), customerId);
          expect(badness(after)).toBeLessThanOrEqual(badness(report));
          draft = applyFix(draft, next.fixes[0]!);
          report = after;
        }
      }),
      {
        numRuns: 150,
        examples: [
          // Found by seed 1520963276: a "did you mean" configurable motor, its voltage not chosen yet, was judged as a
          // 690 V motor (its base product's value) against the 230 V drive on the order, so the fix made it worse.
          [
            {
              customerId: "CUST-00005",
              lines: [
                { sku: "DVF-100323", quantity: 1 },
                { sku: "MAC-10000X", quantity: 1, options: {} },
                { sku: "BRG-10010X", quantity: 2 },
                { sku: "CBL-100342", quantity: 10 },
              ],
            },
          ],
          // Found by seed 951566124: once the motor's SKU was corrected, "choose its voltage" offered 230 V first —
          // beside the 400 V drive that value blocks the drive, so following the first fix made the report worse.
          [
            {
              customerId: "CUST-00010",
              lines: [
                { sku: "DVF-100322", quantity: 1 },
                { sku: "MAC-10000X", quantity: 1, options: {} },
                { sku: "BRG-10010X", quantity: 2 },
              ],
            },
          ],
        ],
      },
    );
  });

  it("a value offered for a configuration choice breaks no blocking rule with another line", () => {
    const compatBlocks = (r: ValidationReport) =>
      r.lines.flatMap((l) =>
        l.issues
          // (Line-vs-line rules: their issues name the other line.)
          .filter((i) => i.severity === "block" && i.code.startsWith("compat.") && i.details?.otherLineId !== undefined)
          .map((i) => `${l.lineId} ${i.code}`),
      );
    fc.assert(
      fc.property(draftArb(), ({ customerId, lines }) => {
        const draft: Draft = { lines: lines.map((l, i) => ({ lineId: `L${i + 1}`, ...l })) };
        const before = validate(draft, customerId);
        const had = new Set(compatBlocks(before));
        for (const issue of before.lines.flatMap((l) => l.issues))
          if (issue.code === "config.missing_choice")
            for (const fix of issue.fixes) {
              const added = compatBlocks(validate(applyFix(draft, fix), customerId)).filter((b) => !had.has(b));
              expect(added, JSON.stringify(fix)).toEqual([]);
            }
      }),
      {
        numRuns: 200,
        examples: [
          [
            {
              customerId: "CUST-00010",
              lines: [
                { sku: "DVF-100329", quantity: 1 },
                { sku: "MAC-100006", quantity: 1, options: {} },
              ],
            },
          ],
        ],
      },
    );
  });
});
