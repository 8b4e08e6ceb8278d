import { describe, expect, it } from "vitest";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, validate } from "../world.ts";

// M1: CX200 serial 1500, water 70 °C, 400 V · M2: CX300 serial 5000, acid 60 °C, 230 V · M3: CX200 serial 2500, water 120 °C, has COUPLING-BOLTS
describe("compatibility check", () => {
  it("accepts a part that fits the machine's model and serial range", () => {
    expect(validate({ lines: [line("SEAL-100", 2, { machineId: "M1" })] }).clean).toBe(true);
  });

  it("blocks a part for another machine model; the alternative fits", () => {
    const { fix, after } = expectFixResolves({ lines: [line("SEAL-100", 2, { machineId: "M2" })] }, "compat.fitment");
    expect(fix.kind).toBe("replace_sku");
    expect(after.clean).toBe(true);
  });

  it("blocks a part outside the serial range", () => {
    const { issue, after } = expectFixResolves(
      { lines: [line("SEAL-100", 2, { machineId: "M3" })] },
      "compat.serial_range",
    );
    expect(issue.details).toMatchObject({ serial: "2500", ranges: [{ from: "1000", to: "1999" }] });
    expect(after.clean).toBe(true);
  });

  it("offers another machine of the installed base the part does fit", () => {
    const r = validate({ lines: [line("SEAL-100", 2, { machineId: "M3" })] });
    expect(issuesOf(r, "compat.serial_range")[0]!.fixes).toContainEqual({
      kind: "set_machine",
      lineId: "1",
      machineId: "M1",
    });
  });

  it("uses the draft's machine for lines without their own", () => {
    expect(issuesOf(validate({ machineId: "M2", lines: [line("SEAL-100", 2)] }), "compat.fitment")).toHaveLength(1);
  });

  it("applies machine rules from the rule table: voltage", () => {
    const { fix, after } = expectFixResolves(
      { lines: [line("MOTOR-230", 1, { machineId: "M1" })] },
      "compat.voltage_mismatch",
    );
    expect(fix).toMatchObject({ sku: "MOTOR-400" });
    expect(after.clean).toBe(true);
  });

  it("applies machine rules: temperature rating ≥ medium temperature", () => {
    const { issue } = expectFixResolves(
      { lines: [line("SEAL-110", 2, { machineId: "M3" })] },
      "compat.temperature_rating",
    );
    expect(issue.details).toMatchObject({ value: 80, machineValue: 120 });
  });

  it("applies machine rules: material against the medium", () => {
    const { after } = expectFixResolves(
      { lines: [line("SEAL-120", 2, { machineId: "M2" })] },
      "compat.material_medium",
    );
    expect(after.clean).toBe(true);
  });

  it("applies rules between lines of the same order", () => {
    const draft = { lines: [line("COUPLING-24", 1), line("MOTOR-400", 1, { lineId: "2" })] };
    const { issue } = expectFixResolves(draft, "compat.shaft_mismatch");
    expect(issue.lineId).toBe("1");
    expect(validate({ lines: [line("COUPLING-24", 1), line("MOTOR-230", 1, { lineId: "2" })] }).clean).toBe(true);
  });

  it("requires mandatory companions unless ordered or already fitted", () => {
    const { fix, after } = expectFixResolves(
      { lines: [line("COUPLING-A", 3, { machineId: "M1" })] },
      "compat.missing_mandatory",
    );
    expect(fix).toEqual({ kind: "add_line", sku: "COUPLING-BOLTS", quantity: 6, machineId: "M1" });
    expect(after.clean).toBe(true);
    expect(validate({ lines: [line("COUPLING-A", 3, { machineId: "M3" })] }).clean).toBe(true);
  });

  it("blocks a machine that is not in the customer's installed base (another customer's machine is unknown too)", () => {
    const { fix } = expectFixResolves({ lines: [line("SEAL-100", 2, { machineId: "M9" })] }, "compat.unknown_machine");
    expect(fix).toEqual({ kind: "set_machine", lineId: "1", machineId: "M1" });
    expect(
      issuesOf(validate({ lines: [line("SEAL-100", 2, { machineId: "M1" })] }, "C-PLAT"), "compat.unknown_machine"),
    ).toHaveLength(1);
  });

  it("warns when a part with fitment restrictions names no machine", () => {
    const { before } = expectFixResolves({ lines: [line("SEAL-100", 2)] }, "compat.no_machine");
    expect(before.clean).toBe(true);
  });
});
