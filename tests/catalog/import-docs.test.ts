import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase } from "../../catalog/db.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import { SECTIONS, SECTION_NAMES } from "../../catalog/import/format.ts";

/** The documentation's examples are imported as written, so docs/import-format.md cannot drift from the importer. */
const DOC = readFileSync(resolve(import.meta.dirname, "../../docs/import-format.md"), "utf8");
const blocks = (lang: string) =>
  [...DOC.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1]!);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "os-import-docs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/import-format.md", () => {
  it("has a small complete example that imports, and CSV examples that import on top of it", () => {
    const example = blocks("json").find((b) => b.includes('"categories"') && b.includes('"policy"'));
    expect(example).toBeDefined();
    writeFileSync(join(dir, "catalog.json"), example!);
    const db = openDatabase();
    const summary = importCatalog(db, join(dir, "catalog.json"));
    expect(summary.counts).toMatchObject({ categories: 2, products: 3, customers: 1, machines: 1, policy: 1 });

    const csv = blocks("csv");
    const names = csv.map((b) =>
      b.startsWith("sku,name") ? "products" : b.startsWith("sku,warehouse") ? "stock" : "prices",
    );
    expect(names).toEqual(["products", "stock", "prices"]);
    csv.forEach((b, i) => writeFileSync(join(dir, `${names[i]}.csv`), b));
    for (const name of names) importCatalog(db, join(dir, `${name}.csv`));
    expect(db.$client.prepare("SELECT count(*) AS n FROM products").get()).toEqual({ n: 5 });
  });

  it("documents every section and every field of the format", () => {
    for (const section of SECTION_NAMES) {
      const start = DOC.indexOf(`### \`${section}\``);
      expect(start, `section ${section}`).toBeGreaterThan(-1);
      const end = DOC.indexOf("\n### ", start + 1);
      const text = DOC.slice(start, end === -1 ? undefined : end);
      for (const field of Object.keys(SECTIONS[section].shape))
        expect(text, `${section}.${field}`).toMatch(new RegExp(`\`${field}(\\[\\])?\``));
    }
    // Nested fields with meaning of their own: what a configuration value makes the product.
    expect(DOC).toContain("`groups[].options[].features`");
  });
});
