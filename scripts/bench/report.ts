/** Rendering a bench run: a table for people, one JSON object for machines. */
import { cpus } from "node:os";
import type { Figure } from "./types.ts";

export interface SuiteError {
  suite: string;
  message: string;
}

export interface BenchReport {
  machine: string;
  figures: Figure[];
  /** Present only when a suite failed; its figures are then missing. */
  errors?: SuiteError[];
}

export function describeMachine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() || "unknown cpu";
  return `${model}, ${list.length} cores, node ${process.version}`;
}

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? String(v)
    : Math.abs(v) >= 100
      ? v.toFixed(1)
      : Math.abs(v) >= 1
        ? v.toFixed(2)
        : v.toPrecision(3);

export function formatTable(report: BenchReport): string {
  const rows = report.figures.map((f) => [
    f.id,
    fmt(f.value),
    f.unit,
    f.target ?? "",
    f.meets === undefined ? "" : f.meets ? "yes" : "NO",
    f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)}${f.baseline.unit ? ` ${f.baseline.unit}` : ""}` : "",
    f.note ?? "",
  ]);
  const header = ["figure", "value", "unit", "target", "meets", "baseline", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [
    `machine: ${report.machine}`,
    "",
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
  ];
  for (const e of report.errors ?? []) out.push(`\nsuite ${e.suite} FAILED: ${e.message}`);
  return out.join("\n");
}
