/** Rendering a bench run: a table for people, one JSON object for machines. */
import { cpus, loadavg } from "node:os";
import type { Figure } from "./types.ts";

export interface SuiteError {
  suite: string;
  message: string;
}

export interface BenchReport {
  machine: string;
  /** 1-, 5- and 15-minute load averages when the run started and when it ended (2 shared cores: read them first). */
  load: { start: number[]; end: number[] };
  /** How many times each suite ran; a figure's value is the median over the runs. */
  repeat: number;
  quick: boolean;
  figures: Figure[];
  /** Present only when a suite failed; its figures are then missing. */
  errors?: SuiteError[];
}

export function describeMachine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() || "unknown cpu";
  return `${model}, ${list.length} cores, node ${process.version}`;
}

/** The 1/5/15-minute load averages, rounded to 0.01. */
export const loadAverage = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 100
      ? v.toFixed(1)
      : Math.abs(v) >= 1
        ? v.toFixed(2)
        : v.toPrecision(3);

/**
 * The median of each figure over repeated runs of its suite. The median run's note and baseline are kept; the note
 * gains the spread. Runs are in order; a figure missing from some runs is the median of those that have it.
 */
export function medianFigures(runs: Figure[][]): Figure[] {
  const ids: string[] = [];
  const byId = new Map<string, Figure[]>();
  for (const run of runs)
    for (const f of run) {
      if (!byId.has(f.id)) ids.push(f.id), byId.set(f.id, []);
      byId.get(f.id)!.push(f);
    }
  return ids.map((id) => {
    const all = byId.get(id)!;
    if (all.length === 1) return all[0]!;
    const sorted = [...all].sort((a, b) => a.value - b.value);
    const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const values = all.map((f) => f.value);
    const spread = `median of ${all.length} runs (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
    const load = all.map((f) => f.load ?? Number.NaN).filter(Number.isFinite);
    const baseline = mid.baseline
      ? {
          ...mid.baseline,
          value: [...all.map((f) => f.baseline?.value ?? Number.NaN)].sort((a, b) => a - b)[
            Math.floor((all.length - 1) / 2)
          ]!,
        }
      : undefined;
    return {
      ...mid,
      ...(baseline ? { baseline } : {}),
      ...(load.length ? { load: Math.round((load.reduce((a, b) => a + b, 0) / load.length) * 100) / 100 } : {}),
      runs: values,
      note: mid.note ? `${spread}; ${mid.note}` : spread,
    };
  });
}

export function formatTable(report: BenchReport): string {
  const rows = report.figures.map((f) => [
    f.id,
    fmt(f.value),
    f.unit,
    f.target ?? "",
    f.meets === undefined ? "" : f.meets ? "yes" : "NO",
    f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)}${f.baseline.unit ? ` ${f.baseline.unit}` : ""}` : "",
    f.load === undefined ? "" : f.load.toFixed(2),
    f.note ?? "",
  ]);
  const header = ["figure", "value", "unit", "target", "meets", "baseline / floor", "load", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const missed = report.figures.filter((f) => f.meets === false).map((f) => f.id);
  const out = [
    `machine: ${report.machine}`,
    `load average (1/5/15 min): ${report.load.start.join(" ")} at start, ${report.load.end.join(" ")} at end; ` +
      `the load column is the 1-min average as each figure's suite finished`,
    `${report.quick ? "quick mode, " : ""}each suite run ${report.repeat}x, values are medians`,
    "",
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
    "",
    missed.length ? `goals missed: ${missed.join(", ")}` : "every goal met",
  ];
  for (const e of report.errors ?? []) out.push(`\nsuite ${e.suite} FAILED: ${e.message}`);
  return out.join("\n");
}
