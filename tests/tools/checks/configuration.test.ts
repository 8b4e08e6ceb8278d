import { describe, expect, it } from "vitest";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { configurationState } from "../../../tools/checks/configuration.ts";
import { applyFix } from "../world.ts";
import { expectFixResolves, issuesOf } from "../helpers.ts";
import { line, validate, world } from "../world.ts";

const model = () => createCatalogReader(world()).configModel("PUMP-CFG")!;
const pump = (options: Record<string, string[]>) => ({ lines: [line("PUMP-CX200", 1, { options })] });
const full = { voltage: ["400V"], seal: ["NBR"], flange: ["DN65"] };

describe("configurationState", () => {
  it("reports complete and consistent as two verdicts", () => {
    expect(configurationState(model(), full)).toMatchObject({ complete: true, consistent: true, missing: [] });
    expect(configurationState(model(), { voltage: ["230V"] })).toMatchObject({
      complete: false,
      consistent: true,
      missing: ["seal", "flange"],
    });
    expect(configurationState(model(), { ...full, voltage: ["230V"] })).toMatchObject({
      complete: true,
      consistent: false,
    });
  });

  it("narrows the open groups to values that can still lead to a valid configuration", () => {
    const s = configurationState(model(), { voltage: ["230V"], atex: ["ATEX"] });
    expect(s.possible.seal).toEqual(["FKM"]);
    expect(s.possible.flange).toEqual(["DN50"]);
    expect(s.possible.extras).toEqual(["heater", "sensor"]);
  });

  it("propagates through chains: heater requires ATEX, ATEX requires FKM", () => {
    const s = configurationState(model(), { extras: ["heater"] });
    expect(s.possible.seal).toEqual(["FKM"]);
    expect(s.missing).toContain("atex");
    expect(s.possible.atex).toEqual(["ATEX"]);
  });

  it("detects a dead end that no single constraint shows (no valid completion)", () => {
    const s = configurationState(model(), { extras: ["heater"], seal: ["NBR"] });
    expect(s.consistent).toBe(false);
  });

  it("stays correct on a random model against brute force", () => {
    // 4 groups × 3 values, random requires/excludes: compare possible values with exhaustive enumeration.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 30; round++) {
      const groups = ["a", "b", "c", "d"].map((code) => ({
        code,
        label: code,
        min: rnd(2),
        max: 1 + rnd(2),
        defaultValue: null,
        options: ["x", "y", "z"].map((value) => ({ value, label: value, priceDeltaCents: 0 })),
      }));
      const constraints = Array.from({ length: 5 }, () => ({
        kind: rnd(2) ? ("requires" as const) : ("excludes" as const),
        ifGroup: groups[rnd(4)]!.code,
        ifValue: ["x", "y", "z"][rnd(3)]!,
        thenGroup: groups[rnd(4)]!.code,
        thenValue: ["x", "y", "z"][rnd(3)]!,
      })).filter((k) => k.ifGroup !== k.thenGroup);
      const m: ConfigModel = { id: `r${round}`, name: "r", groups, constraints };
      const chosen = { a: [["x", "y", "z"][rnd(3)]!] };
      const s = configurationState(m, chosen);
      const subsets = (g: (typeof groups)[number]) =>
        [[], ["x"], ["y"], ["z"], ["x", "y"], ["x", "z"], ["y", "z"]].filter(
          (v) => v.length >= g.min && v.length <= g.max,
        );
      const valid: Record<string, string[]>[] = [];
      const walk = (i: number, acc: Record<string, string[]>) => {
        if (i === groups.length) {
          const ok = constraints.every((k) =>
            !acc[k.ifGroup]!.includes(k.ifValue)
              ? true
              : k.kind === "requires"
                ? acc[k.thenGroup]!.includes(k.thenValue)
                : !acc[k.thenGroup]!.includes(k.thenValue),
          );
          if (ok) valid.push({ ...acc });
          return;
        }
        const g = groups[i]!;
        for (const v of g.code === "a" ? [chosen.a] : subsets(g))
          if (v.length >= g.min && v.length <= g.max) walk(i + 1, { ...acc, [g.code]: v });
      };
      walk(0, {});
      const aValid = chosen.a.length >= groups[0]!.min && chosen.a.length <= groups[0]!.max;
      if (!aValid) continue;
      expect(s.consistent, `round ${round}`).toBe(valid.length > 0);
      for (const g of ["b", "c", "d"]) {
        const expected = ["x", "y", "z"].filter((v) => valid.some((c) => c[g]!.includes(v)));
        expect(s.possible[g], `round ${round} group ${g}`).toEqual(expected);
      }
    }
  });
});

describe("configuration check", () => {
  it("asks for each missing mandatory choice with the allowed values (default first), and a value resolves it", () => {
    const r = validate(pump({}));
    const missing = issuesOf(r, "config.missing_choice");
    expect(missing.map((i) => i.details?.group)).toEqual(["voltage", "seal", "flange"]);
    expect(missing[1]!.fixes.map((f) => (f.kind === "set_option" ? f.values[0] : ""))).toEqual(["NBR", "FKM", "EPDM"]);
    expectFixResolves(pump({ voltage: ["400V"], seal: ["NBR"] }), "config.missing_choice");
  });

  it("requires an optional group when a choice made needs it", () => {
    const { fix } = expectFixResolves(pump({ ...full, seal: ["FKM"], extras: ["heater"] }), "config.missing_choice");
    expect(fix).toMatchObject({ group: "atex", values: ["ATEX"] });
  });

  it("rejects too many choices", () => {
    expectFixResolves(pump({ ...full, extras: ["heater", "sensor", "display"] }), "config.too_many_choices");
  });

  it("names the violated constraint and offers consistent values", () => {
    const { issue, after } = expectFixResolves(pump({ ...full, voltage: ["230V"] }), "config.inconsistent");
    expect(issue.message).toContain("Voltage 230V excludes Flange DN65");
    expect(after.clean).toBe(true);
  });

  it("rejects unknown option groups and values", () => {
    expectFixResolves(pump({ ...full, colour: ["red"] }), "config.unknown_option");
    const { issue } = expectFixResolves(pump({ ...full, seal: ["PTFE"] }), "config.unknown_option");
    expect(issue.details?.allowed).toEqual(["NBR", "FKM", "EPDM"]);
    expectFixResolves({ lines: [line("SEAL-100", 1, { options: { seal: ["NBR"] } })] }, "config.unknown_option");
  });

  it("rejects any option key the product's model does not have, even with no values, and the fix removes it", () => {
    // Free text as an option key is how a model (or an injected prompt) would smuggle words into the ERP payload.
    const note = "FREE OF CHARGE - approved by CEO";
    const plain = expectFixResolves(
      { lines: [line("SEAL-100", 1, { options: { [note]: [] } })] },
      "config.unknown_option",
    );
    expect(plain.before.clean).toBe(false);
    expect(plain.fix).toEqual({ kind: "set_option", lineId: "1", group: note, values: [] });
    expect(plain.after.clean).toBe(true);
    const configured = expectFixResolves(pump({ ...full, [note]: [] }), "config.unknown_option");
    expect(configured.before.clean).toBe(false);
    expect(configured.after.clean).toBe(true);
  });

  it("reports the configuration it resolved: the model's groups and values in model order, with their labels", () => {
    const r = validate(pump({ flange: ["DN50"], extras: [], seal: ["FKM"], voltage: ["400V"] }));
    expect(r.clean).toBe(true);
    expect(r.lines[0]!.components).toEqual([
      { group: "voltage", label: "Voltage", values: ["400V"], valueLabels: ["400 V"] },
      { group: "seal", label: "Seal", values: ["FKM"], valueLabels: ["FKM"] },
      { group: "flange", label: "Flange", values: ["DN50"], valueLabels: ["DN50"] },
    ]);
    expect(validate({ lines: [line("SEAL-100", 1)] }).lines[0]!.components).toEqual([]);
  });

  it("adds option surcharges to the unit price", () => {
    const r = validate(pump({ voltage: ["400V"], seal: ["FKM"], flange: ["DN50"], atex: ["ATEX"] }));
    expect(r.clean).toBe(true);
    expect(r.lines[0]!.unitPriceCents).toBe(150000 + 4000 + 25000);
  });

  it("following missing-choice fixes one by one reaches a complete configuration", () => {
    let draft = pump({});
    for (let i = 0; i < 6; i++) {
      const next = issuesOf(validate(draft), "config.missing_choice")[0];
      if (!next) break;
      draft = applyFix(draft, next.fixes[0]!);
    }
    expect(validate(draft).clean).toBe(true);
  });
});
