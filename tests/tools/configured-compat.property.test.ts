/**
 * Issue 8, item 4, as a property over a generated catalog (a trade the demo world does not tune): for every rule, a
 * configured line whose chosen values violate it is blocked exactly as a fixed product with those features is, and
 * one whose values satisfy it is not. The "fixed twin" is imported as an ordinary product whose features are the
 * configurable product's features overlaid with the chosen values' (computed here from the import document, not by
 * the engine), with the same fitment; both go through the whole engine on the same machine or beside the same line.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import type { ConfigModel } from "../../catalog/queries/types.ts";
import { configurationState } from "../../tools/checks/configuration.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { DraftLine, Issue } from "../../tools/types.ts";

type Doc = Required<
  Pick<ImportDocument, "products" | "configModels" | "rules" | "mediaCompat" | "machines" | "fitment">
>;
type Product = Doc["products"][number];
type Rule = Doc["rules"][number];
type Plain = number | string | boolean | string[];

const NOW = new Date("2026-11-30T10:00:00Z");
const SEED = Number(process.env.SHIELD_SEED ?? 20261130);
let db: Db;
let doc: Doc;
const plain = (v: unknown): Plain =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as { value: number }).value : (v as Plain);

beforeAll(() => {
  doc = generateCatalog({ skus: 2000, seed: 3, customers: 40, asOf: "2026-11-30" }) as Doc;
  db = openDatabase(":memory:");
  importCatalog(db, doc);
}, 120_000);

/** The features the rules should see: the product's, overlaid with the chosen values' (from the document). */
function expectedFeatures(p: Product, options: Record<string, string[]>): Record<string, Plain> {
  const out: Record<string, Plain> = Object.fromEntries(
    Object.entries(p.features ?? {}).map(([k, v]) => [k, plain(v)]),
  );
  const model = doc.configModels.find((m) => m.id === p.configModel)!;
  for (const g of model.groups)
    for (const o of g.options)
      if (options[g.code]?.includes(o.value)) for (const [k, v] of Object.entries(o.features ?? {})) out[k] = plain(v);
  return out;
}

/** What the rule says about value vs other, independently of the engine: violated, limited (warns) or fine. */
function oracle(rule: Rule, value: Plain | undefined, other: Plain | undefined): "violated" | "limited" | "ok" {
  if (value === undefined || other === undefined) return "ok";
  const num = (v: Plain) => (typeof v === "number" ? v : Number(v));
  if (rule.operator === "gte") return num(value) >= num(other) ? "ok" : "violated";
  if (rule.operator === "eq") {
    const [a, b] = [num(value), num(other)];
    if (Number.isFinite(a) && Number.isFinite(b)) return a === b ? "ok" : "violated";
    return String(value).toLowerCase() === String(other).toLowerCase() ? "ok" : "violated";
  }
  if (rule.operator === "medium_compatible") {
    const ratings = (Array.isArray(value) ? value : [String(value)]).map(
      (m) =>
        doc.mediaCompat.find(
          (r) => r.material.toLowerCase() === m.toLowerCase() && r.medium.toLowerCase() === String(other).toLowerCase(),
        )?.rating,
    );
    return ratings.includes("no") ? "violated" : ratings.includes("limited") ? "limited" : "ok";
  }
  throw new Error(`operator ${rule.operator} not covered by the oracle`);
}

let twins = 0;
/** Imports a fixed product with exactly `features` (and `p`'s category, restrictions and fitment). */
function importTwin(p: Product, features: Record<string, Plain>): string {
  const sku = `TWIN-${++twins}`;
  const { configModel: _c, machineModel: _m, sku: _s, successor: _x, ...rest } = p;
  importCatalog(db, {
    products: [{ ...rest, sku, name: `${p.name} (fixed twin ${twins})`, features, lifecycle: "active" }],
    fitment: doc.fitment.filter((f) => f.part === p.sku).map((f) => ({ ...f, part: sku })),
  });
  return sku;
}

const compatOf = (issues: Issue[]) =>
  issues
    .filter((i) => i.code.startsWith("compat."))
    .map((i) => `${i.code}:${i.severity}`)
    .sort();

function validate(customerId: string, lines: DraftLine[]) {
  return validateDraft({ lines }, { customerId, now: NOW, data: createCatalogReader(db) });
}

/** A complete, consistent configuration of `model` that chooses `value` for `group`, if the model allows one. */
function configurationWith(model: ConfigModel, group: string, value: string): Record<string, string[]> | undefined {
  const s = configurationState(model, { [group]: [value] });
  return s.consistent && s.example ? s.example : undefined;
}

describe("configured lines are checked exactly as fixed products with the configured features", () => {
  it("for every machine rule and every line rule a configuration can touch", () => {
    const reader = createCatalogReader(db);
    const configurable = doc.products.filter((p) => p.configModel && (p.lifecycle ?? "active") === "active");
    const groupsSetting = (p: Product, feature: string) =>
      doc.configModels
        .find((m) => m.id === p.configModel)!
        .groups.filter((g) => g.options.some((o) => o.features && feature in o.features));
    // Per rule: the configurable products whose configuration sets the rule's feature (the left side).
    const machineRules = doc.rules
      .filter((r) => r.scope === "machine")
      .map((rule) => ({
        rule,
        products: configurable.filter(
          (p) => (!rule.category || rule.category === p.category) && groupsSetting(p, rule.feature).length > 0,
        ),
        machines: doc.machines.filter((m) => m.operatingData?.[rule.otherKey] !== undefined),
      }))
      .filter((x) => x.products.length > 0 && x.machines.length > 0);
    // Line rules whose other side (otherKey) a configuration sets: a fixed line of the rule's category beside it.
    const lineRules = doc.rules
      .filter((r) => r.scope === "line")
      .map((rule) => ({
        rule,
        products: configurable.filter(
          (p) =>
            (!rule.otherCategory || rule.otherCategory === p.category) && groupsSetting(p, rule.otherKey).length > 0,
        ),
        partners: doc.products.filter(
          (p) =>
            (!rule.category || p.category === rule.category) &&
            !p.configModel &&
            (p.lifecycle ?? "active") === "active" &&
            p.features?.[rule.feature] !== undefined,
        ),
      }))
      .filter((x) => x.products.length > 0 && x.partners.length > 0);
    const exercised = [...machineRules, ...lineRules].map((x) => x.rule.code).sort();
    // The generated catalog's configurations touch the supply, pressure, material and seal rules and the drive rules.
    expect(exercised).toEqual(
      expect.arrayContaining([
        "compat.voltage_mismatch",
        "compat.phase_mismatch",
        "compat.pressure_rating_too_low",
        "compat.material_medium",
        "compat.seal_material_medium",
        "compat.drive_voltage_mismatch",
      ]),
    );

    const seen = new Map<string, Set<string>>();
    const cases = [
      ...machineRules.map((x) => ({ kind: "machine" as const, ...x })),
      ...lineRules.map((x) => ({ kind: "line" as const, ...x })),
    ];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (ci, pi, gi, vi, mi) => {
        const c = cases[ci % cases.length]!;
        const p = c.products[pi % c.products.length]!;
        const key = c.kind === "machine" ? c.rule.feature : c.rule.otherKey;
        const groups = groupsSetting(p, key);
        const group = groups[gi % groups.length]!;
        const value = group.options[vi % group.options.length]!.value;
        const model = reader.configModel(p.configModel!)!;
        const options = configurationWith(model, group.code, value);
        fc.pre(options !== undefined);
        const features = expectedFeatures(p, options!);
        const twin = importTwin(p, features);

        if (c.kind === "machine") {
          const machine = c.machines[mi % c.machines.length]!;
          const configured = validate(machine.customer, [
            { lineId: "L", sku: p.sku, quantity: p.moq ?? 1, machineId: machine.id, options: options! },
          ]).lines[0]!;
          const fixed = validate(machine.customer, [
            { lineId: "L", sku: twin, quantity: p.moq ?? 1, machineId: machine.id },
          ]).lines[0]!;
          expect(compatOf(configured.issues), `${p.sku} ${JSON.stringify(options)} on ${machine.id}`).toEqual(
            compatOf(fixed.issues),
          );
          const verdict = oracle(c.rule, features[c.rule.feature], plain(machine.operatingData?.[c.rule.otherKey]));
          const raised = configured.issues.filter((i) => i.code === c.rule.code).map((i) => i.severity);
          expect(raised).toEqual(
            verdict === "violated" ? [c.rule.severity ?? "block"] : verdict === "limited" ? ["warn"] : [],
          );
          seen.set(c.rule.code, (seen.get(c.rule.code) ?? new Set()).add(verdict));
        } else {
          const partner = c.partners[mi % c.partners.length]!;
          const customerId = doc.machines[0]!.customer;
          const beside = (sku: string, opts?: Record<string, string[]>) =>
            validate(customerId, [
              { lineId: "A", sku: partner.sku, quantity: partner.moq ?? 1 },
              { lineId: "B", sku, quantity: p.moq ?? 1, ...(opts ? { options: opts } : {}) },
            ]).lines[0]!;
          const configured = beside(p.sku, options!);
          const fixed = beside(twin);
          expect(compatOf(configured.issues), `${partner.sku} beside ${p.sku} ${JSON.stringify(options)}`).toEqual(
            compatOf(fixed.issues),
          );
          const verdict = oracle(c.rule, plain(partner.features![c.rule.feature]), features[c.rule.otherKey]);
          expect(configured.issues.filter((i) => i.code === c.rule.code).length).toBe(verdict === "violated" ? 1 : 0);
          seen.set(c.rule.code, (seen.get(c.rule.code) ?? new Set()).add(verdict));
        }
      }),
      { numRuns: 150, seed: SEED },
    );
    // Both outcomes happened for the rules a configuration decides most often.
    for (const code of ["compat.voltage_mismatch", "compat.seal_material_medium", "compat.drive_voltage_mismatch"])
      expect([...(seen.get(code) ?? [])], code).toEqual(expect.arrayContaining(["violated", "ok"]));
  }, 240_000);
});
