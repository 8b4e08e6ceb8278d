/**
 * Adversarial review of issue 8, item 4: a configuration default never chosen explicitly. An optional group (min 0)
 * with a default whose value carries features: left out of the draft, the line has none of those features, so no rule
 * sees them, and the clean order carries no component for the group — while the model says what the product gets
 * when nobody chooses (the default).
 */
import { describe, expect, it } from "vitest";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { openWorld, validate, WORLD } from "./world.ts";

function worldWithOptionalDefault() {
  const doc = structuredClone(WORLD) as ImportDocument;
  doc.configModels!.push({
    id: "SEAL-OPT",
    name: "Seal",
    groups: [
      {
        code: "elastomer",
        label: "Elastomer",
        min: 0,
        max: 1,
        default: "NBR",
        options: [
          { value: "NBR", label: "NBR", features: { material: "NBR" } },
          { value: "FKM", label: "FKM", features: { material: "FKM" } },
        ],
      },
    ],
  } as never);
  const base = doc.products!.find((p) => p.sku === "SEAL-100")!;
  doc.products!.push({
    ...base,
    sku: "SEAL-CFG",
    name: "Configurable seal",
    configModel: "SEAL-OPT",
    features: { tempRating: 150 },
  });
  return openWorld(doc);
}

describe("configuration defaults", () => {
  const db = worldWithOptionalDefault();
  const seal = (options: Record<string, string[]>) =>
    validate({ lines: [{ lineId: "L1", sku: "SEAL-CFG", quantity: 1, machineId: "M2", options }] }, "C-GOLD", db);

  it("the default chosen explicitly is checked: NBR in acid is blocked", () => {
    expect(seal({ elastomer: ["NBR"] }).lines[0]!.issues.map((i) => i.code)).toContain("compat.material_medium");
  });

  // OPEN: tools/engine.ts builds a line's features and components from the draft's options only; an optional
  // group's default is never resolved, so leaving the group out dodges every rule on the default's features and the
  // ERP gets no component for it (what it then builds is its own default). Fix: decide what an unchosen optional
  // group with a default means — the default (resolve it for features, configuration check and components, so what is
  // checked is what is sent) or nothing (then the importer should refuse a default on an optional group) — and apply it
  // in one place (line-features.ts + configuration.ts resolvedComponents).
  it("an optional group left out is checked as the default the product gets (NBR in acid is not clean)", () => {
    const report = seal({});
    expect(report.clean).toBe(false);
    expect(report.lines[0]!.issues.map((i) => i.code)).toContain("compat.material_medium");
  });
});
