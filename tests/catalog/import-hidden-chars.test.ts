/**
 * Session 19's adversarial review of the importer: catalog text with characters a reader cannot see. A U+202E
 * (right-to-left override) in a product name, shown inline in a reply, reversed the rest of the sentence; the
 * importer kept it, and every other bidi control, zero-width and control character. Now the row is refused, naming
 * the row, the field and the character, and nothing of the import is written.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { importCatalog, ImportError, type ImportProblem } from "../../catalog/import/index.ts";
import type { ImportDocument } from "../../catalog/import/format.ts";
import { goodDocument } from "./import-fixture.ts";

function problemsOf(change: (doc: ImportDocument & Record<string, Record<string, unknown>[]>) => void) {
  const doc = goodDocument() as ImportDocument & Record<string, Record<string, unknown>[]>;
  change(doc);
  const db = openDatabase();
  try {
    importCatalog(db, doc);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    expect(db.$client.prepare("SELECT count(*) AS n FROM products").get()).toEqual({ n: 0 });
    return err.problems;
  }
  throw new Error("the import was accepted");
}

describe("catalog text with hidden characters", () => {
  const cases: [string, string, (doc: Record<string, Record<string, unknown>[]>) => void, Partial<ImportProblem>][] = [
    [
      "a right-to-left override in a product name",
      "U+202E (right-to-left override) at character 6",
      (d) => (d.products![0]!.name = "Seal \u202EMDPE 28"),
      { path: "products[0]", field: "name" },
    ],
    [
      "a left-to-right embedding in a description",
      "U+202A (left-to-right embedding)",
      (d) => (d.products![1]!.description = "Fits \u202Aall CP pumps"),
      { path: "products[1]", field: "description" },
    ],
    [
      "a right-to-left isolate in a German text",
      "U+2067 (right-to-left isolate)",
      (d) => (d.products![0]!.texts = { de: { name: "Dichtung \u2067X\u2069" } }),
      { path: "products[0]", field: "texts.de.name" },
    ],
    [
      "a zero-width space in a category name",
      "U+200B (invisible character)",
      (d) => (d.categories![0]!.name = "Pu\u200Bmps"),
      { path: "categories[0]", field: "name" },
    ],
    [
      "a control character in a machine model's name",
      "U+0007 (control character)",
      (d) => (d.machineModels![0]!.name = "Pump\u0007"),
      { path: "machineModels[0]", field: "name" },
    ],
    [
      "a pop-directional-isolate in a feature value",
      "U+2069 (pop directional isolate)",
      (d) => ((d.products![0]!.features as Record<string, unknown>).material = "EPDM\u2069"),
      { path: "products[0]", field: "features.material" },
    ],
  ];
  it.each(cases)("%s is refused, naming row, field and character", (_what, char, change, where) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining({ ...where, reason: expect.stringContaining(char) }));
  });

  it("keeps tabs and line breaks in descriptions", () => {
    const doc = goodDocument() as ImportDocument & Record<string, Record<string, unknown>[]>;
    doc.products![0]!.description = "Line one\nLine two\twith a tab\r\n";
    const db = openDatabase();
    importCatalog(db, doc);
    expect(db.$client.prepare("SELECT count(*) AS n FROM products").get()).not.toEqual({ n: 0 });
  });
});
