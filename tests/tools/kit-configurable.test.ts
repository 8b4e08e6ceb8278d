/**
 * Adversarial review of issue 8, item 4 (configured options no rule saw): a kit (`consists_of`) that contains a
 * configurable product. The kit line carries no configuration for its component, so the component's voltage, seal
 * and the like — features only its configuration values carry — are seen by no rule.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { productRelations } from "../../catalog/schema.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { validateDraft } from "../../tools/engine.ts";

let db: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
  seedDemo(db);
  // A kit that ships the configurable NCP pump (voltage 230/400/690 V, seal EPDM/FKM… only by configuration).
  db.insert(productRelations)
    .values({ sku: "SP-KIT-NCP32-G1", type: "consists_of", targetSku: "PU-NCP-CFG", quantity: 1 })
    .run();
});

describe("a kit containing a configurable product", () => {
  // The kit relation chooses no configuration for its component: each feature-carrying group of the component is
  // open. Values that would break a rule on the machine (230 V is single-phase on a three-phase pump; DN25/DN40
  // flanges on a DN32 machine) cannot be ruled out from the data, so the kit goes to a rep instead of through.
  it("is not silently clean on a machine some of the component's configurations break", () => {
    const report = validateDraft(
      { lines: [{ lineId: "L1", sku: "SP-KIT-NCP32-G1", quantity: 1, machineId: "M-1001-01" }] },
      { customerId: "C-1001", now: DEMO_NOW, data: createCatalogReader(db) },
    );
    const open = report.lines[0]!.issues.filter((i) => i.code === "kit.component_configuration");
    expect(open.map((i) => [i.severity, i.details?.optionGroup, i.details?.values])).toEqual([
      ["approval", "voltage", ["230"]],
      ["approval", "flangeDN", ["25", "40"]],
    ]);
    expect(open[0]!.message).toContain("PU-NCP-CFG");
    expect(report.needsApproval).toBe(true);
  });
});
