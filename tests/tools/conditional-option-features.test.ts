/**
 * A configuration value can give a feature that depends on another choice of the same product: a 0.75 kW drive is
 * rated 2.2 A on a three-phase 400 V supply but 4.2 A on single-phase 230 V (`featuresWhen` in the import format).
 * The compatibility rules see the value for the combination chosen, and the importer rejects a conditional feature
 * that names an option the model does not have, its own group, or a feature another group owns.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { ImportError, importCatalog } from "../../catalog/import/index.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { validateDraft } from "../../tools/engine.ts";

const AUTOMATION = resolve("evals/catalogs/automation");
let db: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
  importCatalog(db, AUTOMATION);
});

/** A configured drive for the conveyor M-3003-01 of A-3003 (its motor draws 3.2 A). */
function drive(power: string, supply: string) {
  const report = validateDraft(
    {
      lines: [
        {
          lineId: "L1",
          sku: "VFD-CFG",
          quantity: 1,
          machineId: "M-3003-01",
          options: { power: [power], supply: [supply], fieldbus: ["none"], enclosure: ["IP20"], options: [] },
        },
      ],
    },
    { customerId: "A-3003", now: DEMO_NOW, data: createCatalogReader(db) },
  );
  return report.lines[0]!.issues.filter((i) => i.code === "compat.current_rating");
}

describe("option features that depend on another choice", () => {
  it("a 0.75 kW drive on single-phase 230 V is rated 4.2 A: it drives the 3.2 A conveyor motor", () => {
    expect(drive("0.75", "230-1")).toEqual([]);
  });

  it("the same power on three-phase 400 V is rated 2.2 A: blocked for the 3.2 A motor, with the value the rule saw", () => {
    const [issue] = drive("0.75", "400-3");
    expect(issue).toMatchObject({ severity: "block", details: { value: 2.2, machineValue: 3.2 } });
    expect(drive("1.5", "400-3")).toEqual([]);
  });

  describe("the importer", () => {
    const withChange = (change: (power: { featuresWhen?: unknown }) => void) => {
      const dir = mkdtempSync(join(tmpdir(), "features-when-"));
      cpSync(AUTOMATION, dir, { recursive: true });
      const file = join(dir, "configModels.json");
      const models = JSON.parse(readFileSync(file, "utf8")) as {
        id: string;
        groups: { code: string; options: { value: string; featuresWhen?: unknown }[] }[];
      }[];
      const power = models.find((m) => m.id === "CM-VFD")!.groups.find((g) => g.code === "power")!.options[0]!;
      change(power);
      writeFileSync(file, JSON.stringify(models));
      const target = openDatabase(":memory:");
      try {
        importCatalog(target, dir);
        return { problems: [], products: 1 };
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        const n = target.$client.prepare("select count(*) as n from products").get() as { n: number };
        return { problems: e.problems.map((p) => `${p.path ?? ""} ${p.field ?? ""} ${p.reason}`), products: n.n };
      }
    };

    it.each([
      [
        "an option the model does not have",
        { group: "supply", value: "110-1" },
        "ratedCurrent",
        /unknown option supply=110-1/,
      ],
      ["its own group", { group: "power", value: "1.5" }, "ratedCurrent", /names its own group "power"/],
      ["a feature another group owns", { group: "supply", value: "230-1" }, "voltage", /already set by group "supply"/],
    ])("rejects a conditional feature naming %s, whole, with the field at fault", (_what, when, key, reason) => {
      const result = withChange((power) => {
        power.featuresWhen = [{ if: when, features: { [key]: 1 } }];
      });
      expect(result.products).toBe(0);
      expect(result.problems.join("\n")).toMatch(reason);
      expect(result.problems.join("\n")).toMatch(/featuresWhen/);
    });
  });
});
