/**
 * The validation engine: runs every check on a draft and assembles the ValidationReport. Pure over the catalog
 * reader (all rows read up front in batches); never throws on any draft shape — bad input becomes issues.
 */
import type { CatalogReader } from "../catalog/queries/types.ts";
import { checkAvailability } from "./checks/availability.ts";
import { checkCompatibility, alternativesFor } from "./checks/compatibility.ts";
import { checkConfiguration } from "./checks/configuration.ts";
import { issue, type LineState, type OrderState } from "./checks/context.ts";
import { checkCredit } from "./checks/credit.ts";
import { checkDraftFields } from "./checks/draft-fields.ts";
import { lineFeatures, withOptionalDefaults } from "./checks/line-features.ts";
import { checkPolicy } from "./checks/policy.ts";
import { checkPricing } from "./checks/pricing.ts";
import { checkProduct } from "./checks/product.ts";
import { checkQuantity } from "./checks/quantity.ts";
import { canonicalJson, hashDraft } from "./draft-hash.ts";
import {
  dateField,
  MAX_CODE_LENGTH,
  MAX_DRAFT_LINES,
  MAX_LINE_ID_LENGTH,
  MAX_UNIT_LENGTH,
  withShownTexts,
} from "./limits.ts";
import type { Draft, DraftLine, Issue, LineReport, LineVerdict, ValidationReport } from "./types.ts";
import { messageLanguage, msg, renderMessage } from "./messages/index.ts";
import { createHash } from "node:crypto";

export interface EngineContext {
  /** From the authenticated session, never from the draft or the model. */
  customerId: string;
  now: Date;
  data: CatalogReader;
  /**
   * The buyer's language (from the session): product names, alternatives and option labels in the report come in
   * it where the catalog has them. Facts and issue codes are the same in every language.
   */
  language?: string;
}

const MAX_LINES = MAX_DRAFT_LINES;
const str = (v: unknown, max = MAX_CODE_LENGTH): string | undefined =>
  typeof v === "string" && v.length <= max ? v : undefined;
/** A calendar date, as the tools and the clean order's schema define it (`2026-02-31` is none). */
const isDate = (v: unknown): v is string => typeof v === "string" && dateField.safeParse(v).success;

/** Keeps only well-typed fields of a line; what is missing or malformed the checks report. */
function sanitizeLine(raw: unknown, index: number): DraftLine {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const line: DraftLine = {
    lineId: str(r.lineId, MAX_LINE_ID_LENGTH) || `#${index + 1}`,
    sku: typeof r.sku === "string" ? r.sku.trim().slice(0, MAX_CODE_LENGTH) : "",
    quantity: typeof r.quantity === "number" ? r.quantity : NaN,
  };
  const unit = str(r.unit, MAX_UNIT_LENGTH);
  if (unit) line.unit = unit;
  if (r.options && typeof r.options === "object" && !Array.isArray(r.options)) {
    const options: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(r.options as Record<string, unknown>)) {
      // Deduplicated in one pass: the configuration check is linear in what is left (tools/checks/configuration.ts).
      const values = new Set<string>();
      for (const x of Array.isArray(v) ? v : [v])
        if (typeof x === "string" || typeof x === "number") values.add(String(x));
      options[k] = [...values];
    }
    line.options = options;
  }
  const machineId = str(r.machineId);
  if (machineId !== undefined) line.machineId = machineId;
  if (
    typeof r.requestedUnitPriceCents === "number" &&
    Number.isFinite(r.requestedUnitPriceCents) &&
    r.requestedUnitPriceCents >= 0
  )
    line.requestedUnitPriceCents = r.requestedUnitPriceCents;
  if (isDate(r.requestedDate)) line.requestedDate = r.requestedDate;
  return line;
}

function safeHash(draft: Draft): string {
  try {
    return hashDraft(draft);
  } catch {
    // Cycles or BigInts cannot be confirmed anyway; the hash only has to be stable for the same input.
    return createHash("sha256")
      .update(String(canonicalJsonSafe(draft)))
      .digest("hex");
  }
}
function canonicalJsonSafe(v: unknown): string {
  try {
    return canonicalJson(v);
  } catch {
    return "unhashable";
  }
}

/**
 * @example
 *   const data = createCatalogReader(db);
 *   const report = validateDraft(draft, { customerId: session.customerId, now: new Date(), data });
 *   if (report.clean && !report.needsApproval) { ... }
 */
export function validateDraft(draft: Draft, ctx: EngineContext): ValidationReport {
  return ctx.data.snapshot(() => validateInSnapshot(draft, ctx));
}

function validateInSnapshot(draft: Draft, ctx: EngineContext): ValidationReport {
  const d = (draft && typeof draft === "object" ? draft : {}) as Partial<Draft> & Record<string, unknown>;
  const rawLines = Array.isArray(d.lines) ? d.lines : [];
  const lines = rawLines.slice(0, MAX_LINES).map(sanitizeLine);
  const now = ctx.now instanceof Date && Number.isFinite(ctx.now.getTime()) ? ctx.now : new Date();
  // The checks read the catalog in its default language, so every decision that looks at words (is a candidate the
  // same type of product as the original?) is the same for every buyer; only configuration labels come in the
  // buyer's language. Product names are put into the report's messages in that language afterwards.
  const texts = ctx.language && ctx.data.inLanguage ? ctx.data.inLanguage(ctx.language) : ctx.data;
  const data: CatalogReader = texts === ctx.data ? ctx.data : { ...ctx.data, configModel: texts.configModel };
  const customer = data.customer(ctx.customerId);
  const orderIssues: Issue[] = [];
  if (!customer) orderIssues.push(issue("customer.unknown", "block", msg("customer.unknown", {}), []));

  const shipToId = str(d.shipToId);
  const shipTo =
    shipToId !== undefined
      ? customer?.shipTos.find((s) => s.id === shipToId)
      : (customer?.shipTos.find((s) => s.isDefault) ?? customer?.shipTos[0]);
  if (shipToId !== undefined && !shipTo)
    orderIssues.push(
      issue(
        "shipto.unknown",
        "block",
        msg("shipto.unknown", { shipToId }),
        (customer?.shipTos ?? []).map((s) => ({ kind: "set_ship_to" as const, shipToId: s.id })),
        { details: { shipToId } },
      ),
    );
  if (rawLines.length === 0) orderIssues.push(issue("order.empty", "block", msg("order.empty", {}), []));
  if (rawLines.length > MAX_LINES)
    orderIssues.push(
      issue("order.too_many_lines", "block", msg("order.too_many_lines", { max: MAX_LINES }), [], {
        details: { lines: rawLines.length },
      }),
    );
  const seenIds = new Set<string>();
  for (const l of lines) {
    if (seenIds.has(l.lineId))
      orderIssues.push(
        issue("order.duplicate_line_id", "block", msg("order.duplicate_line_id", { lineId: l.lineId }), [], {
          lineId: l.lineId,
        }),
      );
    seenIds.add(l.lineId);
  }

  const skus = [...new Set(lines.map((l) => l.sku).filter((s) => s !== ""))];
  const products = data.products(skus);
  const known = skus.filter((s) => products.has(s));
  const features = data.features(known);
  const draftMachineId = str(d.machineId);
  let names: Record<string, string> | undefined;
  const order: OrderState = {
    customerId: ctx.customerId,
    customer,
    tier: customer?.tier ?? "",
    currency: customer?.currency ?? "EUR",
    now,
    today: now.toISOString().slice(0, 10),
    data,
    shipTo,
    region: shipTo?.region ?? customer?.region ?? "",
    partialAllowed: customer?.partialShipment ?? false,
    requestedDate: isDate(d.requestedDate) ? d.requestedDate : undefined,
    requestedDiscountPct:
      typeof d.requestedDiscountPct === "number" && Number.isFinite(d.requestedDiscountPct)
        ? d.requestedDiscountPct
        : undefined,
    draftMachineId,
    policy: customer ? data.policy(customer.tier) : undefined,
    warehouses: data.warehouses(),
    products,
    fitment: data.fitment(known),
    relations: data.relations(known),
    stock: data.stock(known, now.toISOString()),
    prices: data.prices(ctx.customerId, customer?.priceListId ?? null, known),
    lines: [],
    issues: orderIssues,
    consumed: new Map(),
    netCents: 0,
    // Only messages read them (a broken rule, a replacement's differing features): read on first use.
    featureNames: () => (names ??= ctx.data.featureNames?.(ctx.language) ?? {}),
  };
  order.lines = lines.map((line, index): LineState => {
    const product = products.get(line.sku);
    const machineId = line.machineId ?? draftMachineId;
    const model = product?.configModelId ? data.configModel(product.configModelId) : undefined;
    const options = withOptionalDefaults(model, line.options ?? {});
    const effective = lineFeatures(features.get(line.sku), model, options);
    return {
      index,
      lineId: line.lineId,
      sku: line.sku,
      line,
      product,
      features: effective.features,
      featureGroups: effective.groupOf,
      machineId,
      machine: machineId !== undefined ? customer?.machines.find((m) => m.id === machineId) : undefined,
      orderQty: undefined,
      unit: line.unit ?? product?.orderUnit ?? "PCE",
      options,
      configDeltaCents: 0,
      requestedDate: line.requestedDate ?? order.requestedDate,
      issues: [],
      schedule: [],
      changed: false,
    };
  });

  checkDraftFields(draft, order);
  checkProduct(order, (l) => alternativesFor(order, l));
  checkQuantity(order);
  checkConfiguration(order);
  checkCompatibility(order);
  checkAvailability(order);
  checkPricing(order);
  checkCredit(order);
  checkPolicy(order);

  const report = buildReport(order, safeHash(draft), now);
  if (texts !== ctx.data) nameProductsIn(report, texts);
  if (ctx.language && (texts !== ctx.data || messageLanguage(ctx.language) !== "en"))
    localizeReport(report, ctx.language);
  // Its texts as shown: the report goes to the buyer and the rep (draft and report events, the thread) and into the
  // clean order; a catalog name stored with a U+202E before the importer refused it must reach none of them.
  return withShownTexts(report);
}

/** Product references in messages: `{ sku, name? }` and nothing else. */
const isProductRef = (o: Record<string, unknown>): boolean =>
  typeof o.sku === "string" && Object.keys(o).every((k) => k === "sku" || k === "name");

function eachRef(v: unknown, visit: (ref: { sku: string; name?: string }) => void): void {
  if (Array.isArray(v)) for (const x of v) eachRef(x, visit);
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (isProductRef(o)) visit(o as { sku: string; name?: string });
    else for (const x of Object.values(o)) eachRef(x, visit);
  }
}

/** The messages of a report: every issue's, every replacement's reason and every next step's. */
function messagesOf(report: ValidationReport): unknown[] {
  const out: unknown[] = [];
  for (const i of [...report.issues, ...report.lines.flatMap((l) => l.issues)]) {
    out.push(i.text.params);
    for (const f of i.fixes) if (f.kind === "replace_sku" && f.reasonText) out.push(f.reasonText.params);
    for (const n of i.nextSteps ?? []) if (n.text) out.push(n.text.params);
  }
  return out;
}

/** Line names and the products named in messages, in the buyer's language where the catalog has them (one read). */
function nameProductsIn(report: ValidationReport, texts: CatalogReader): void {
  const skus = new Set(report.lines.filter((l) => l.name !== undefined).map((l) => l.sku));
  const messages = messagesOf(report);
  eachRef(messages, (r) => skus.add(r.sku));
  if (skus.size === 0) return;
  const names = new Map([...texts.products([...skus])].map(([sku, p]) => [sku, p.name]));
  for (const l of report.lines) if (l.name !== undefined) l.name = names.get(l.sku) ?? l.name;
  eachRef(messages, (r) => {
    const name = names.get(r.sku);
    if (name) r.name = name;
  });
}

/**
 * Every message of the report rendered again in the buyer's language (the checks render English as they go). The
 * typed `text` of each issue, fix reason and next step is untouched: a renderer of its own works from that.
 */
export function localizeReport(report: ValidationReport, locale: string): void {
  for (const i of [...report.issues, ...report.lines.flatMap((l) => l.issues)]) localizeIssue(i, locale);
}

export function localizeIssue(i: Issue, locale: string): void {
  i.message = renderMessage(i.text, locale);
  for (const f of i.fixes) if (f.kind === "replace_sku" && f.reasonText) f.reason = renderMessage(f.reasonText, locale);
  for (const n of i.nextSteps ?? []) if (n.text) n.message = renderMessage(n.text, locale);
}

function verdictOf(l: LineState, orderHeld: boolean): LineVerdict {
  if (l.issues.some((i) => i.severity === "block")) return "rejected";
  if (orderHeld || l.issues.some((i) => i.severity === "approval")) return "on_hold";
  if (l.fulfilment === "partial") return "partial";
  if (l.fulfilment === "backordered") return "backordered";
  if (l.changed) return "accepted_with_change";
  return "accepted";
}

function buildReport(order: OrderState, draftHash: string, now: Date): ValidationReport {
  const orderHeld = order.issues.some((i) => i.severity === "block" || i.severity === "approval");
  const lines: LineReport[] = order.lines.map((l) => {
    const r: LineReport = {
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.orderQty ?? (Number.isFinite(l.line.quantity) ? l.line.quantity : 0),
      unit: l.product?.orderUnit ?? l.unit,
      verdict: verdictOf(l, orderHeld),
      schedule: l.schedule,
      issues: l.issues,
    };
    if (l.product) r.name = l.product.name;
    if (l.unitPriceCents !== undefined) r.unitPriceCents = l.unitPriceCents;
    if (l.priceSource !== undefined) r.priceSource = l.priceSource;
    if (l.amountCents !== undefined) r.amountCents = l.amountCents;
    if (l.promiseDate !== undefined) r.promiseDate = l.promiseDate;
    if (l.components !== undefined) r.components = l.components;
    return r;
  });
  const all = [...order.issues, ...order.lines.flatMap((l) => l.issues)];
  const promise = order.lines.reduce<string | undefined>(
    (d, l) => (l.promiseDate && (!d || l.promiseDate > d) ? l.promiseDate : d),
    undefined,
  );
  const report: ValidationReport = {
    clean: !all.some((i) => i.severity === "block"),
    needsApproval: all.some((i) => i.severity === "approval"),
    draftHash,
    customerId: order.customerId,
    currency: order.currency,
    lines,
    issues: order.issues,
    totals: { netCents: order.netCents, lines: lines.length },
    checkedAt: now.toISOString(),
  };
  if (promise) report.promiseDate = promise;
  if (order.shipTo) {
    const { id, label, street, postalCode, city, country } = order.shipTo;
    report.shipTo = { id, label, street, postalCode, city, country };
  }
  return report;
}
