/**
 * The draft order card: every line with SKU, name, options, quantity and unit, price and where it comes from, the
 * engine's verdict badge, promise date and split deliveries; the issues with their fixes as buttons; totals. Used by
 * the buyer widget (fixes apply, confirmation) and the rep copilot (read-only). Every figure shown comes from the
 * server's validation report; the widget computes nothing.
 */
import type { ComponentChildren } from "preact";
import type { I18n } from "./i18n.ts";
import type { Delivery, Draft, Fix, Issue, LineReport, Report } from "./types.ts";

export interface DraftCardProps {
  i18n: I18n;
  draft: Draft | null;
  report: Report | null;
  /** Render fixes as buttons (buyer); absent in read-only views. */
  onFix?: (fix: Fix, issue: Issue) => void;
  disabled?: boolean;
  /** Extra content at the bottom (the confirmation step). */
  children?: ComponentChildren;
  headingLevel?: 2 | 3;
  /** Heading of the card; default "Your order" (the buyer's view). */
  title?: string;
}

export type DraftState = "clean" | "blocked" | "approval" | "unchecked";

export function draftState(draft: Draft | null, report: Report | null): DraftState {
  if (!report || (draft && report.lines.length !== draft.lines.length)) return "unchecked";
  if (!report.clean) return "blocked";
  return report.needsApproval ? "approval" : "clean";
}

export function DraftCard({ i18n, draft, report, onFix, disabled, children, headingLevel = 3, title }: DraftCardProps) {
  const { t } = i18n;
  const lines: LineReport[] =
    report?.lines ??
    (draft?.lines ?? []).map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      unit: l.unit ?? "",
      verdict: "accepted",
      schedule: [],
      issues: [],
    }));
  const state = draftState(draft, report);
  const H = headingLevel === 2 ? "h2" : "h3";
  const orderIssues = report?.issues ?? [];
  return (
    <section class="os-card" aria-label={title ?? t("draft")}>
      <div class="os-card-head">
        <H class="os-card-title">{title ?? t("draft")}</H>
        {lines.length > 0 && <span class={`os-state ${state}`}>{t(`state_${state}`)}</span>}
      </div>
      {lines.length === 0 ? (
        <p class="os-totals">{t("draftEmpty")}</p>
      ) : (
        <ul class="os-lines">
          {lines.map((line) => (
            <Line
              key={line.lineId}
              line={line}
              i18n={i18n}
              currency={report?.currency ?? "EUR"}
              onFix={onFix}
              disabled={disabled}
              checked={!!report}
            />
          ))}
        </ul>
      )}
      {orderIssues.length > 0 && (
        <div class="os-order-issues">
          {orderIssues.map((issue) => (
            <IssueBox key={issue.code} issue={issue} i18n={i18n} onFix={onFix} disabled={disabled} />
          ))}
        </div>
      )}
      {report && lines.length > 0 && (
        <div class="os-totals">
          <span>
            {t("total")}
            {report.promiseDate && <small>{t("completeBy", { date: i18n.date(report.promiseDate) })}</small>}
          </span>
          <strong>{i18n.money(report.totals.netCents, report.currency)}</strong>
        </div>
      )}
      {lines.length > 0 && draft && <OrderDetails i18n={i18n} draft={draft} report={report ?? null} />}
      {children}
    </section>
  );
}

/**
 * The order's details the draft names — ship-to, PO reference, requested date and discount — where the buyer sees them
 * before confirming. The confirmation covers them (they are in the draft hash and the clean order), and a model may set
 * them: one that followed text planted in a product description sent the order to another of the customer's sites, and
 * the card showed only the lines and the total the buyer then confirmed.
 */
function OrderDetails({ i18n, draft, report }: { i18n: I18n; draft: Draft; report: Report | null }) {
  const { t } = i18n;
  const rows: [string, string][] = [];
  // The site by its name and address (the buyer knows "Bottling plant Hamburg", not "ST-1001-HAMBURG"); the id alone
  // when the report has not resolved it (not checked yet, or unknown — the report then says so as an issue).
  const site = report?.shipTo?.id === draft.shipToId ? report?.shipTo : undefined;
  if (draft.shipToId)
    rows.push([
      t("shipTo"),
      site ? `${site.label} — ${site.street}, ${site.postalCode} ${site.city} (${site.id})` : draft.shipToId,
    ]);
  if (draft.poReference) rows.push([t("poReference"), draft.poReference]);
  if (draft.requestedDate) rows.push([t("requestedDate"), i18n.date(draft.requestedDate)]);
  if (typeof draft.requestedDiscountPct === "number")
    rows.push([t("requestedDiscount"), `${draft.requestedDiscountPct} %`]);
  if (rows.length === 0) return null;
  return (
    <dl class="os-details" aria-label={t("orderDetails")}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface LineProps {
  line: LineReport;
  i18n: I18n;
  currency: string;
  onFix?: DraftCardProps["onFix"];
  disabled?: boolean;
  checked: boolean;
}

function Line({ line, i18n, currency, onFix, disabled, checked }: LineProps) {
  const { t } = i18n;
  const split = line.schedule.length > 1;
  return (
    <li class="os-line" data-line={line.lineId} data-sku={line.sku}>
      <div class="os-line-top">
        <div>
          <div class="os-line-name">{line.name ?? line.sku}</div>
          <div class="os-sku">{line.sku}</div>
        </div>
        <div class="os-line-amount">
          {i18n.money(line.amountCents, currency)}
          {line.unitPriceCents !== undefined && (
            <small>
              {i18n.money(line.unitPriceCents, currency)} {t("each")}
            </small>
          )}
        </div>
      </div>
      {line.components && line.components.length > 0 && (
        <ul class="os-options">
          {line.components.map((c) => (
            <li key={c.group}>
              {c.label}: <b>{c.valueLabels.join(", ") || c.values.join(", ")}</b>
            </li>
          ))}
        </ul>
      )}
      <div class="os-line-meta">
        <span>
          {t("qty")}: {i18n.qty(line.quantity, line.unit)}
        </span>
        {line.priceSource && <span>{t(`source_${line.priceSource}`)}</span>}
        {!split && line.promiseDate && <span>{t("deliveryBy", { date: i18n.date(line.promiseDate) })}</span>}
        {checked && <span class={`os-badge ${line.verdict}`}>{i18n.verdict(line.verdict)}</span>}
      </div>
      {split && (
        <ul class="os-sched" aria-label={t("split")}>
          {line.schedule.map((d) => (
            <li key={`${d.date}-${d.warehouse}`}>{deliveryText(d, line.unit, i18n)}</li>
          ))}
        </ul>
      )}
      {line.issues.map((issue) => (
        <IssueBox key={issue.code} issue={issue} i18n={i18n} onFix={onFix} disabled={disabled} />
      ))}
    </li>
  );
}

function deliveryText(d: Delivery, unit: string, i18n: I18n): string {
  const source =
    d.source === "on_hand" ? i18n.t("fromStock") : d.source === "inbound" ? i18n.t("inbound") : i18n.t("leadTime");
  return `${i18n.t("delivery", { qty: i18n.qty(d.quantity, unit), date: i18n.date(d.date), warehouse: d.warehouse })} (${source})`;
}

function IssueBox({
  issue,
  i18n,
  onFix,
  disabled,
}: {
  issue: Issue;
  i18n: I18n;
  onFix?: DraftCardProps["onFix"];
  disabled?: boolean;
}) {
  return (
    <div class={`os-issue ${issue.severity}`} data-code={issue.code}>
      <p>{issue.message}</p>
      {onFix && issue.fixes.length > 0 && (
        <div class="os-fixes">
          {issue.fixes.slice(0, 6).map((fix, i) => (
            <button key={i} type="button" class="os-btn" disabled={disabled} onClick={() => onFix(fix, issue)}>
              {i18n.fix(fix)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
