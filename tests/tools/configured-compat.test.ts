/**
 * Issue 8, item 4 on the demo world: the values a line's configuration resolves to are that line's features for every
 * machine rule, line-vs-line rule and the medium/material table — a pump configured for 690 V is a 690 V pump.
 * Reference date DEMO_NOW; customers and machines from catalog/seed/demo/README.md.
 */
import type { ToolMessage } from "@langchain/core/messages";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createAgentTools, runToolCall } from "../../tools/agent-tools.ts";
import { validateDraft } from "../../tools/engine.ts";
import type { Draft, DraftLine, ValidationReport } from "../../tools/types.ts";
import { expectFixResolves, issuesOf } from "./helpers.ts";
import { applyFix } from "./world.ts";

let db: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
  seedDemo(db);
});
const run = (customerId: string) => (d: Draft) =>
  validateDraft(d, { customerId, now: DEMO_NOW, data: createCatalogReader(db) });
const line = (lineId: string, sku: string, extra: Partial<DraftLine> = {}): DraftLine => ({
  lineId,
  sku,
  quantity: 1,
  ...extra,
});
const compatCodes = (r: ValidationReport, lineId: string) =>
  (r.lines.find((l) => l.lineId === lineId)?.issues ?? [])
    .filter((i) => i.code.startsWith("compat.") && i.severity === "block")
    .map((i) => i.code);

/** A complete, consistent NCP configuration (CM-NCP) with the given changes. */
const ncp = (changes: Record<string, string> = {}) => ({
  voltage: ["400"],
  power: ["2.2"],
  flangeDN: ["32"],
  sealMaterial: ["EPDM"],
  atex: ["no"],
  extras: [],
  ...Object.fromEntries(Object.entries(changes).map(([g, v]) => [g, [v]])),
});
/** A complete, consistent motor configuration (CM-MOTOR). */
const motor = (changes: Record<string, string> = {}) => ({
  power: ["2.2"],
  voltage: ["400"],
  frequency: ["50"],
  mounting: ["B35"],
  poles: ["2"],
  options: [],
  ...Object.fromEntries(Object.entries(changes).map(([g, v]) => [g, [v]])),
});

describe("configured values are the line's features (demo world)", () => {
  it("a pump configured for 690 V is blocked on Pump 1 (400 V); the fix keeps the pump and picks 400 V", () => {
    const draft: Draft = {
      lines: [line("L1", "PU-NCP-CFG", { machineId: "M-1001-01", options: ncp({ voltage: "690" }) })],
    };
    const report = run("C-1001")(draft);
    expect(compatCodes(report, "L1")).toEqual(["compat.voltage_mismatch"]);
    const issue = issuesOf(report, "compat.voltage_mismatch")[0]!;
    expect(issue.details).toMatchObject({ value: 690, machineValue: 400, optionGroup: "voltage" });
    expect(issue.fixes[0]).toEqual({ kind: "set_option", lineId: "L1", group: "voltage", values: ["400"] });
    const { after } = expectFixResolves(draft, "compat.voltage_mismatch", { validateWith: run("C-1001") });
    expect(compatCodes(after, "L1")).toEqual([]);
    // Configured for 400 V it validates clean on the same machine, as before.
    expect(
      compatCodes(
        run("C-1001")({ lines: [line("L1", "PU-NCP-CFG", { machineId: "M-1001-01", options: ncp() })] }),
        "L1",
      ),
    ).toEqual([]);
  });

  it("230 V (single-phase) on a 400 V 3~ machine breaks the voltage and the phase rule", () => {
    const draft: Draft = {
      lines: [line("L1", "PU-NCP-CFG", { machineId: "M-1001-01", options: ncp({ voltage: "230", power: "1.5" }) })],
    };
    expect(compatCodes(run("C-1001")(draft), "L1").sort()).toEqual([
      "compat.phase_mismatch",
      "compat.voltage_mismatch",
    ]);
  });

  it("a 690 V configured pump with a 400 V motor on the same order raises the line-vs-line mismatch", () => {
    const report = run("C-1001")({
      lines: [line("P", "PU-NCP-CFG", { options: ncp({ voltage: "690" }) }), line("M", "MO-FM100L-2.2-400")],
    });
    expect(compatCodes(report, "M")).toEqual(["compat.line_voltage_mismatch"]);
    const issue = issuesOf(report, "compat.line_voltage_mismatch", "M")[0]!;
    expect(issue.details).toMatchObject({ value: 400, otherValue: 690, otherLineId: "P", otherOptionGroup: "voltage" });
    // The pump's option is a fix too: configure it for the motor's 400 V.
    expect(issue.fixes).toContainEqual({ kind: "set_option", lineId: "P", group: "voltage", values: ["400"] });
    const ok = run("C-1001")({
      lines: [line("P", "PU-NCP-CFG", { options: ncp() }), line("M", "MO-FM100L-2.2-400")],
    });
    expect(compatCodes(ok, "M")).toEqual([]);
  });

  it("a motor configured for 690 V with a fixed 400 V pump raises the mismatch on the motor, fixed by its option", () => {
    const draft: Draft = {
      lines: [line("P", "PU-NCP-32-160-400"), line("M", "MO-FM-CFG", { options: motor({ voltage: "690" }) })],
    };
    const report = run("C-1001")(draft);
    expect(compatCodes(report, "M")).toEqual(["compat.line_voltage_mismatch"]);
    const fix = issuesOf(report, "compat.line_voltage_mismatch", "M")[0]!.fixes[0];
    expect(fix).toEqual({ kind: "set_option", lineId: "M", group: "voltage", values: ["400"] });
    expectFixResolves(draft, "compat.line_voltage_mismatch", { validateWith: run("C-1001") });
  });

  it("an option fix for a line-vs-line rule never breaks the other line's machine (no 690 V pump on a 400 V machine)", () => {
    // The pump is configured for Pump 1's 400 V; the motor beside it for 690 V. Re-configuring the pump for 690 V
    // would pass the line rule and break Pump 1's supply: only the motor's own option is a fix.
    const draft: Draft = {
      lines: [
        line("P", "PU-NCP-CFG", { machineId: "M-1001-01", options: ncp() }),
        line("M", "MO-FM-CFG", { options: motor({ voltage: "690" }) }),
      ],
    };
    const report = run("C-1001")(draft);
    const fixes = report.lines.flatMap((l) => l.issues).flatMap((i) => i.fixes);
    expect(fixes).toContainEqual({ kind: "set_option", lineId: "M", group: "voltage", values: ["400"] });
    expect(fixes).not.toContainEqual({ kind: "set_option", lineId: "P", group: "voltage", values: ["690"] });
    for (const fix of fixes.filter((f) => f.kind === "set_option")) {
      const after = run("C-1001")(applyFix(draft, fix));
      expect(compatCodes(after, "P"), JSON.stringify(fix)).toEqual([]);
    }
  });

  it("a configured flange size is compared with the valve on the same order", () => {
    const report = run("C-1001")({
      lines: [
        line("P", "PU-NCP-CFG", { options: ncp({ flangeDN: "40", power: "4.0" }) }),
        line("V", "VA-CV-DN32-PN16"),
      ],
    });
    expect(compatCodes(report, "V")).toEqual(["compat.line_flange_mismatch"]);
  });

  it("a configured seal elastomer is checked against the machine's medium (EPDM in mineral oil)", () => {
    const lube = (seal: string) =>
      run("C-1005")({
        lines: [line("L1", "PU-NCP-CFG", { machineId: "M-1005-03", options: ncp({ sealMaterial: seal }) })],
      });
    const epdm = lube("EPDM");
    expect(compatCodes(epdm, "L1")).toEqual(["compat.seal_material_medium"]);
    expect(issuesOf(epdm, "compat.seal_material_medium")[0]!.fixes[0]).toEqual({
      kind: "set_option",
      lineId: "L1",
      group: "sealMaterial",
      values: ["FKM"],
    });
    expect(compatCodes(lube("FKM"), "L1")).toEqual([]);
  });

  it("a configured dosing head material and supply voltage are checked against the dosing machine", () => {
    const dmx = (head: string, seal: string, supply: string) =>
      run("C-1005")({
        lines: [
          line("L1", "PU-DMX-CFG", {
            machineId: "M-1005-02",
            options: {
              capacityLh: ["12"],
              headMaterial: [head],
              sealMaterial: [seal],
              control: ["pulse"],
              supplyVoltage: [supply],
              options: [],
            },
          }),
        ],
      });
    expect(compatCodes(dmx("SS", "PTFE", "230"), "L1")).toEqual(["compat.material_medium"]);
    // 115 V 1~ 60 Hz on a 230 V 50 Hz supply.
    expect(compatCodes(dmx("PVDF", "PTFE", "115"), "L1").sort()).toEqual([
      "compat.frequency_mismatch",
      "compat.voltage_mismatch",
    ]);
    expect(compatCodes(dmx("PVDF", "PTFE", "230"), "L1")).toEqual([]);
  });

  it("check_compatibility answers for the product as configured", async () => {
    const tools = createAgentTools({ db, data: createCatalogReader(db), now: () => DEMO_NOW });
    const ask = async (options?: Record<string, string[]>) => {
      const out = await runToolCall(
        tools,
        {
          name: "check_compatibility",
          args: { sku: "PU-NCP-CFG", machineId: "M-1001-01", ...(options ? { options } : {}) },
          id: "c",
        },
        { context: { customerId: "C-1001", channel: "test" } },
      );
      return JSON.parse(String((out as ToolMessage).content)) as { compatible: boolean; issues: { code: string }[] };
    };
    const at690 = await ask(ncp({ voltage: "690" }));
    expect(at690.compatible).toBe(false);
    expect(at690.issues.map((i) => i.code)).toContain("compat.voltage_mismatch");
    expect((await ask(ncp())).compatible).toBe(true);
  });
});

describe("kits are what they contain (demo world)", () => {
  it("a service kit with an EPDM seal is blocked on the lube oil pump, as the seal alone is", () => {
    const at = (sku: string) =>
      run("C-1005")({ lines: [line("L1", sku, { machineId: "M-1005-03" })] }).lines[0]!.issues.filter((i) =>
        i.code.startsWith("compat."),
      );
    expect(at("SE-MS28-CC-EPDM").map((i) => i.code)).toEqual(["compat.material_medium"]);
    const kit = at("SP-KIT-NCP32-G2");
    expect(kit.map((i) => [i.code, i.severity])).toEqual([["compat.material_medium", "block"]]);
    expect(kit[0]!.details).toMatchObject({ component: "SE-MS28-CC-EPDM", value: "EPDM", machineValue: "mineral-oil" });
    // On Pump 2 of C-1001 (caustic CIP, same model generation) nothing in it blocks.
    expect(
      run("C-1001")({ lines: [line("L1", "SP-KIT-NCP32-G2", { machineId: "M-1001-02" })] }).lines[0]!.issues.filter(
        (i) => i.code.startsWith("compat.") && i.severity === "block",
      ),
    ).toEqual([]);
  });
});
