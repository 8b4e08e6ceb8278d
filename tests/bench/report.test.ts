import { describe, expect, test } from "vitest";
import { formatTable, medianFigures } from "../../scripts/bench/report.ts";

describe("bench report", () => {
  test("a figure measured in several runs is their median, with the spread and the run's baseline beside it", () => {
    const run = (value: number, floor: number) => [
      { id: "engine.order50.floor_ratio", value, unit: "x", target: "<= 1", baseline: { name: "raw", value: floor } },
    ];
    const [f] = medianFigures([run(1.4, 2), run(0.9, 3), run(5, 1)]);
    expect(f).toMatchObject({ value: 1.4, runs: [1.4, 0.9, 5], baseline: { name: "raw", value: 2 } });
    expect(f!.note).toBe("median of 3 runs (0.900–5.00)");
  });

  test("the table shows the machine's load and names the goals missed", () => {
    const table = formatTable({
      machine: "cpu, 2 cores, node v20",
      load: { start: [3.1, 2, 1], end: [4, 2.5, 1.2] },
      repeat: 3,
      quick: false,
      figures: [
        { id: "a.ratio", value: 2, unit: "x", target: "<= 1", meets: false, load: 3.5 },
        { id: "b.count", value: 0, unit: "units", target: "== 0", meets: true, load: 3.6 },
      ],
    });
    expect(table).toContain("load average (1/5/15 min): 3.1 2 1 at start, 4 2.5 1.2 at end");
    expect(table).toMatch(/a\.ratio\s+2\.00\s+x\s+<= 1\s+NO\s+3\.50/);
    expect(table).toContain("goals missed: a.ratio");
  });
});
