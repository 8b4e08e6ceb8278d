/**
 * The configuration check is linear in the options it is given (issue 8, item 6: 1,000 values in one group once took
 * seconds, 2,000 half a minute). Measured deterministically, not by the clock: every read of an element of the
 * argument's value lists and of the model's lists is counted through a Proxy, so the figure does not move with the
 * machine's load. Speed figures go to `npm run bench` (engine.config_large_ms).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { checkConfiguration } from "../../../tools/checks/configuration.ts";
import type { LineState, OrderState } from "../../../tools/checks/context.ts";
import { MAX_OPTION_GROUPS_PER_LINE, MAX_VALUES_PER_OPTION_GROUP } from "../../../tools/limits.ts";

/** Arrays (at any depth) become Proxies that count each property read; other values are copied as they are. */
function counted<T>(value: T, meter: { reads: number }): T {
  if (Array.isArray(value)) {
    const items = value.map((v) => counted(v, meter));
    return new Proxy(items, {
      get(target, key, receiver) {
        meter.reads++;
        return Reflect.get(target, key, receiver);
      },
    }) as T;
  }
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, counted(v, meter)])) as T;
  return value;
}

/** A model of `groups` groups × `size` options, each value of group i requiring one of group i+1 and excluding another. */
function model(groups: number, size: number): ConfigModel {
  const codes = Array.from({ length: groups }, (_, g) => `g${g}`);
  return {
    id: `m${groups}x${size}`,
    name: "cost",
    groups: codes.map((code, g) => ({
      code,
      label: code.toUpperCase(),
      min: g === 0 ? 1 : 0,
      max: g === groups - 1 ? 3 : 1,
      defaultValue: null,
      options: Array.from({ length: size }, (_, v) => ({ value: `v${v}`, label: `V${v}`, priceDeltaCents: v })),
    })),
    constraints: codes.slice(0, -1).flatMap((code, g) => [
      { kind: "requires" as const, ifGroup: code, ifValue: "v1", thenGroup: codes[g + 1]!, thenValue: "v1" },
      { kind: "excludes" as const, ifGroup: code, ifValue: "v2", thenGroup: codes[g + 1]!, thenValue: "v3" },
    ]),
  };
}

/** Element reads of one configuration check of `chosen` against a fresh (unmemoised) copy of `base`. */
function reads(base: ConfigModel, chosen: Record<string, string[]>): number {
  const meter = { reads: 0 };
  const m = counted(base, meter);
  const line = {
    index: 0,
    lineId: "1",
    sku: "CFG-1",
    product: { sku: "CFG-1", configModelId: m.id },
    options: counted(chosen, meter),
    configDeltaCents: 0,
    issues: [],
  } as unknown as LineState;
  const order = { lines: [line], data: { configModel: () => m } } as unknown as OrderState;
  checkConfiguration(order);
  return meter.reads;
}

const values = (count: number, known: number) =>
  Array.from({ length: count }, (_, i) => (i < known ? `v${i}` : `unknown-${i}`));

describe("configuration check cost", () => {
  it("doubling the values in one option group at most doubles the work (the old check grew with the square)", () => {
    const m = model(4, 50);
    for (const chosen of [
      (n: number) => ({ g0: values(n, 0) }),
      (n: number) => ({ g0: ["v0"], g3: values(n, 10) }),
      (n: number) => ({ g0: ["v0"], g1: values(n, n) }),
    ]) {
      const small = reads(m, chosen(250));
      const large = reads(m, chosen(500));
      expect(large / small, JSON.stringify(Object.keys(chosen(1)))).toBeLessThanOrEqual(2.1);
    }
  });

  it("property: on any argument within the limits the work is bounded by the argument plus the model", () => {
    const m = model(6, 40);
    const modelOnly = reads(m, {});
    const code = fc.oneof(fc.constantFrom(...m.groups.map((g) => g.code)), fc.string({ minLength: 1, maxLength: 8 }));
    const value = fc.oneof(
      fc.constantFrom(...m.groups[0]!.options.map((o) => o.value)),
      fc.string({ minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(code, fc.array(value, { maxLength: MAX_VALUES_PER_OPTION_GROUP }), {
          maxKeys: MAX_OPTION_GROUPS_PER_LINE,
        }),
        (chosen) => {
          const size = Object.values(chosen).reduce((n, v) => n + 1 + v.length, 0);
          const work = reads(m, chosen);
          expect(work).toBeLessThanOrEqual(20 * modelOnly + 12 * (1 + size));
        },
      ),
      { numRuns: 60 },
    );
  });
});
