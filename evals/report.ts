/**
 * Reports of an eval run: a terminal summary and a static, self-contained HTML page (scenario × trial matrix, the
 * baseline diff, each failed trial's transcript with tool calls and its order diff). No scripts, no downloads.
 */
import type { ComparisonRow } from "./compare.ts";
import type { BaselineDiff, RunSummary, TrialResult } from "./runner.ts";
import type { Usage } from "./usage.ts";

const cost = (u: Usage) => (u.cost_usd === null ? "unpriced" : `$${u.cost_usd.toFixed(4)}`);
/** One component's usage in words: `agent 12 calls, 3,400 in / 560 out tokens, $0.0012`. */
export const formatUsage = (name: string, u: Usage) =>
  `${name} ${u.calls} calls, ${u.input_tokens.toLocaleString("en")} in / ${u.output_tokens.toLocaleString("en")} out tokens, ${cost(u)}`;
const usageLine = (s: RunSummary) =>
  s.usage
    ? `tokens and cost: ${formatUsage("agent", s.usage.agent)} · ${formatUsage("buyer", s.usage.buyer)} · total ${cost(s.usage.total)}`
    : "";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function formatSummary(summary: RunSummary, baseline?: BaselineDiff): string {
  const lines = [
    `scenarios ${summary.scenarios}  trials ${summary.trials}  passed ${summary.passed}  pass rate ${(summary.pass_rate * 100).toFixed(1)}%  pass^${summary.k} ${(summary.pass_hat_k * 100).toFixed(1)}%`,
    `shield leaks ${summary.leaks}  trajectory violations ${summary.trajectory_violations}  false blocks ${summary.false_blocks}  avg turns ${summary.avg_turns}  avg tool calls ${summary.avg_tool_calls}  ${summary.conversations_per_s} conversations/s`,
  ];
  const usage = usageLine(summary);
  if (usage) lines.push(usage);
  if (summary.skipped)
    lines.push(`skipped ${summary.skipped} trials (not counted):`, ...summary.skipped_notes.map((n) => `  ${n}`));
  if (summary.simulator_reruns)
    lines.push(
      `buyer simulator: ${summary.simulator_reruns} attempts re-run because it invented facts (not counted against the agent)`,
    );
  if (summary.failed.length) lines.push(`failed: ${summary.failed.join(", ")}`);
  if (baseline) {
    lines.push(
      `vs baseline: ${baseline.regressed.length} regressed, ${baseline.improved.length} improved, ${baseline.unchanged} unchanged, ${baseline.onlyHere.length} new`,
    );
    if (baseline.regressed.length) lines.push(`regressed: ${baseline.regressed.join(", ")}`);
    if (baseline.improved.length) lines.push(`improved: ${baseline.improved.join(", ")}`);
  }
  return lines.join("\n");
}

export function renderHtml(results: TrialResult[], summary: RunSummary, baseline?: BaselineDiff): string {
  const trials = Math.max(1, ...results.map((r) => r.trial + 1));
  const byScenario = new Map<string, TrialResult[]>();
  for (const r of results) byScenario.set(r.scenario, [...(byScenario.get(r.scenario) ?? []), r]);
  const cell = (r?: TrialResult) =>
    r?.skipped
      ? `<td title="${esc(r.skipped)}">skipped</td>`
      : r
        ? `<td class="${r.passed ? "ok" : "bad"}">${r.passed ? "pass" : r.leaks.length ? "LEAK" : r.trajectory?.length ? "PATH" : "fail"}</td>`
        : "<td>–</td>";
  const rows = [...byScenario]
    .map(
      ([id, rs]) =>
        `<tr><th><a href="#${esc(id)}">${esc(id)}</a></th><td>${esc(rs[0]!.tags.join(", "))}</td>${Array.from({ length: trials }, (_, t) => cell(rs.find((r) => r.trial === t))).join("")}</tr>`,
    )
    .join("\n");
  const details = results
    .filter((r) => !r.passed && !r.skipped)
    .map(
      (r) => `<section id="${esc(r.scenario)}"><h3>${esc(r.scenario)} · trial ${r.trial + 1}</h3>
<ul class="diff">${[...r.leaks.map((l) => `shield leak: ${l}`), ...(r.trajectory ?? []).map((t) => `trajectory: ${t}`), ...r.diff].map((d) => `<li>${esc(d)}</li>`).join("")}</ul>
<ol class="transcript">${r.transcript
        .map(
          (t) =>
            `<li><b>${esc(t.step)}</b>${t.tools.length ? ` <code>${esc(t.tools.join(", "))}</code>` : ""}${t.error ? ` <em>${esc(t.error)}</em>` : ""}<pre>${esc(t.replies.join("\n"))}</pre></li>`,
        )
        .join("")}</ol></section>`,
    )
    .join("\n");
  const bar = (label: string, value: number) =>
    `<div class="bar"><span>${esc(label)}</span><i style="width:${Math.round(value * 100)}%"></i><b>${(value * 100).toFixed(1)}%</b></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OrderShield evals</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1b2430}table{border-collapse:collapse}td,th{border:1px solid #d5dbe3;padding:.25rem .5rem;text-align:left}
.ok{background:#e3f5e8}.bad{background:#fbe4e4}pre{white-space:pre-wrap;background:#f5f7fa;padding:.5rem;margin:.25rem 0}
.bar{display:flex;gap:.5rem;align-items:center;margin:.2rem 0}.bar span{width:8rem}.bar i{display:block;height:.8rem;background:#2f6fed}.bar b{font-weight:600}</style></head><body>
<h1>OrderShield evals</h1>
<p>${esc(`${summary.scenarios} scenarios, ${summary.trials} trials, ${summary.leaks} shield leaks, ${summary.trajectory_violations} trajectory violations, ${summary.false_blocks} false blocks, ${summary.avg_turns} turns and ${summary.avg_tool_calls} tool calls per trial on average, ${summary.conversations_per_s} conversations/s`)}</p>
${bar("pass rate", summary.pass_rate)}${bar(`pass^${summary.k}`, summary.pass_hat_k)}
${summary.usage ? usageTable(summary) : ""}
${baseline ? `<h2>Against the baseline</h2><p>${esc(`${baseline.regressed.length} regressed, ${baseline.improved.length} improved, ${baseline.unchanged} unchanged, ${baseline.onlyHere.length} new`)}</p>${baseline.regressed.length ? `<p>Regressed: ${esc(baseline.regressed.join(", "))}</p>` : ""}${baseline.improved.length ? `<p>Improved: ${esc(baseline.improved.join(", "))}</p>` : ""}` : ""}
<h2>Scenarios × trials</h2><table><tr><th>scenario</th><th>tags</th>${Array.from({ length: trials }, (_, t) => `<th>${t + 1}</th>`).join("")}</tr>
${rows}</table>
${summary.skipped ? `<h2>Skipped (not counted)</h2><ul>${summary.skipped_notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : ""}
<h2>Failed trials</h2>${details || "<p>None.</p>"}
</body></html>`;
}

function usageTable(summary: RunSummary): string {
  const row = (name: string, u: Usage) =>
    `<tr><th>${esc(name)}</th><td>${u.calls}</td><td>${u.input_tokens}</td><td>${u.output_tokens}</td><td>${esc(cost(u))}</td></tr>`;
  return `<h2>Tokens and cost</h2><table><tr><th>component</th><th>model calls</th><th>input tokens</th><th>output tokens</th><th>cost (USD)</th></tr>
${row("agent", summary.usage.agent)}${row("buyer simulator", summary.usage.buyer)}${row("total", summary.usage.total)}</table>`;
}

/** The shield vs bare-agent comparison as a static page. */
export function renderComparisonHtml(rows: ComparisonRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.agent === "shield" ? (r.summary.leaks ? "bad" : "ok") : r.summary.leaks ? "bad" : ""}"><th>${esc(r.model)}</th><td>${r.agent === "shield" ? "OrderShield" : "bare createAgent"}</td><td>${r.summary.trials}</td><td>${r.summary.passed}</td><td>${r.summary.orders_placed}</td><td>${r.summary.leaks}</td><td>${esc(cost(r.summary.usage.total))}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OrderShield vs a bare agent</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1b2430}table{border-collapse:collapse}td,th{border:1px solid #d5dbe3;padding:.25rem .5rem;text-align:left}.ok{background:#e3f5e8}.bad{background:#fbe4e4}</style></head><body>
<h1>OrderShield vs a bare agent</h1>
<p>The same scenarios and models, through the shield and through <code>createAgent</code> with the same tools and a direct place-order tool. Every order either sent is re-validated by the same engine.</p>
<table><tr><th>model</th><th>agent</th><th>trials</th><th>passed</th><th>orders sent to the ERP</th><th>invalid orders let through</th><th>cost (USD)</th></tr>
${body}</table></body></html>`;
}
