/**
 * Issue 8, item 5: a compatibility rule that can never fire does not import silently — a feature key or machine
 * attribute nothing in the catalog has is rejected with file, row and field (all or nothing); a material/medium row
 * nothing references is a warning in the import summary. Also: configuration option values carry features, and one
 * feature belongs to one group.
 */
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { ImportError, importCatalog, type ImportProblem } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { goodDocument } from "./import-fixture.ts";

function problemsOf(db: Db, doc: ImportDocument): ImportProblem[] {
  try {
    importCatalog(db, doc);
  } catch (err) {
    if (err instanceof ImportError) return err.problems;
    throw err;
  }
  throw new Error("the import was accepted");
}
const count = (db: Db, table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
type Rule = NonNullable<ImportDocument["rules"]>[number];
const withRule = (rule: Partial<Rule>): ImportDocument => {
  const doc = goodDocument();
  doc.rules = [
    ...(doc.rules ?? []),
    {
      code: "compat.pressure_rating",
      scope: "machine",
      feature: "pressureRating",
      operator: "gte",
      otherKey: "systemPressure",
      message: "Pressure rating below the system pressure",
      ...rule,
    },
  ];
  return doc;
};

describe("rules that can never fire", () => {
  it("a typo in a rule's feature rejects the whole import with file, row and field", () => {
    const db = openDatabase();
    const problems = problemsOf(db, withRule({ feature: "presureRating" }));
    expect(problems).toEqual([
      {
        file: "document",
        path: "rules[2]",
        field: "feature",
        reason:
          'no product or configuration option value has the feature "presureRating", so the rule can never fire (in this import or the database)',
      },
    ]);
    expect(count(db, "products")).toBe(0);
    expect(count(db, "compat_rules")).toBe(0);
  });

  it("a machine rule's attribute must be on some machine or machine model; a line rule's on some product", () => {
    const db = openDatabase();
    const machine = problemsOf(db, withRule({ feature: "voltage", otherKey: "sytemPressure" }));
    expect(machine.map((p) => [p.path, p.field])).toEqual([["rules[2]", "otherKey"]]);
    expect(machine[0]!.reason).toContain(
      'no machine (operating data) or machine model has the attribute "sytemPressure"',
    );
    const line = problemsOf(
      db,
      withRule({ scope: "line", feature: "voltage", otherKey: "systemPressure", otherCategory: "motors" }),
    );
    expect(line.map((p) => [p.path, p.field])).toEqual([["rules[2]", "otherKey"]]);
  });

  it("a rules-only import on top of a catalog in the database is checked against it", () => {
    const db = openDatabase();
    const doc = withRule({ feature: "presureRating" });
    const { rules, ...catalog } = doc;
    importCatalog(db, catalog);
    const problems = problemsOf(db, { rules });
    expect(problems.map((p) => `${p.path} ${p.field}`)).toEqual(["rules[2] feature"]);
  });

  it("keys found in the database, or only on configuration option values, are fine", () => {
    const db = openDatabase();
    const doc = goodDocument();
    doc.configModels![0]!.groups[1]!.options = [
      { value: "epdm", label: "EPDM", features: { sealMaterial: "EPDM" } },
      { value: "fkm", label: "FKM", priceDeltaCents: 2500, features: { sealMaterial: "FKM" } },
    ];
    importCatalog(db, doc);
    // A second import with just the rules: temperatureRating/mediumTemperature are in the database, sealMaterial
    // only on the configuration model's values.
    const summary = importCatalog(db, {
      rules: [
        doc.rules![1]!,
        {
          code: "compat.seal_medium",
          scope: "machine",
          feature: "sealMaterial",
          operator: "medium_compatible",
          otherKey: "medium",
          message: "Seal elastomer not resistant to the medium",
        },
      ],
    });
    expect(summary.counts).toEqual({ rules: 2 });
    const model = createCatalogReader(db).configModel("cfg-cp")!;
    expect(model.groups[1]!.options.map((o) => o.features)).toEqual([
      { sealMaterial: "EPDM" },
      { sealMaterial: "FKM" },
    ]);
  });
});

describe("configuration option features", () => {
  it("a feature set by two groups, or a scalar feature of a multi-choice group, is rejected", () => {
    const db = openDatabase();
    const doc = goodDocument();
    const groups = doc.configModels![0]!.groups;
    groups[0]!.options[0]!.features = { voltage: 230 };
    groups[1]!.options[0]!.features = { voltage: 400 };
    groups[2]!.options[0]!.features = { atex: "zone2" };
    groups[2]!.max = 1;
    const problems = problemsOf(db, doc);
    expect(problems.map((p) => `${p.path} ${p.field}`)).toEqual([
      "configModels[0] groups[1].options[0].features.voltage",
    ]);
    expect(problems[0]!.reason).toBe(
      'feature "voltage" is already set by group "voltage": a feature belongs to one group',
    );
    groups[1]!.options[0]!.features = {};
    groups[2]!.max = 2;
    groups[2]!.options.push({ value: "no", label: "none" });
    expect(problemsOf(db, doc).map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'groups[2].options[0].features.atex: group "atex" allows 2 choices, so its features must be lists of text',
    ]);
  });
});

describe("material/medium rows nothing references", () => {
  const seal = (doc: ImportDocument) => {
    doc.rules!.push({
      code: "compat.material_medium",
      scope: "machine",
      feature: "material",
      operator: "medium_compatible",
      otherKey: "medium",
      message: "Material not resistant to the medium",
    });
    return doc;
  };

  it("import, with one warning per material or medium no product, option or machine has", () => {
    const db = openDatabase();
    const doc = seal(goodDocument());
    doc.mediaCompat = [
      { material: "EPDM", medium: "water", rating: "ok" },
      { material: "EDPM", medium: "water", rating: "ok" },
      { material: "epdm", medium: "mineral oil", rating: "no" },
    ];
    const summary = importCatalog(db, doc);
    expect(count(db, "media_compat")).toBe(3);
    expect(summary.warnings).toEqual([
      {
        file: "document",
        path: "mediaCompat[1]",
        field: "material",
        reason:
          'material "EDPM" (1 row) is not a value of material on any product or configuration option: nothing references it',
      },
      {
        file: "document",
        path: "mediaCompat[2]",
        field: "medium",
        reason:
          'medium "mineral oil" (1 row) is not a value of medium on any machine or machine model: nothing references it',
      },
    ]);
  });

  it("a table no rule reads is one warning; a referenced table none", () => {
    const db = openDatabase();
    const none = importCatalog(db, goodDocument());
    expect(none.warnings.map((w) => `${w.path} ${w.reason}`)).toEqual([
      "mediaCompat[0] no compatibility rule uses the operator medium_compatible, so none of the 1 material/medium rows is ever consulted",
    ]);
    const doc = seal(goodDocument());
    doc.mediaCompat = [{ material: "EPDM", medium: "water", rating: "ok" }];
    expect(importCatalog(openDatabase(), doc).warnings).toEqual([]);
  });
});
