/**
 * What the checks share: the order being validated, with every row the checks need read once up front (batched),
 * and per line the state the checks fill in (issues, price, schedule). Each check module reads and writes this.
 */
import type {
  CatalogReader,
  CustomerRecord,
  FeatureValue,
  FitmentRecord,
  MachineRecord,
  PolicyRecord,
  ProductRecord,
  RelationRecord,
  ShipToRecord,
  SkuPrices,
  StockPosition,
  WarehouseRecord,
} from "../../catalog/queries/types.ts";
import { renderMessage } from "../messages/index.ts";
import type { EngineMessage } from "../messages/schema.ts";
import type { DraftLine, Fix, Issue, LineComponent, PriceSource, ScheduledDelivery, Severity } from "../types.ts";

export interface LineState {
  index: number;
  lineId: string;
  sku: string;
  /** The draft line with every field type-checked (bad fields dropped or defaulted). */
  line: DraftLine;
  product: ProductRecord | undefined;
  /** What the rules compare: the product's features with the chosen configuration's on top (./line-features.ts). */
  features: Record<string, FeatureValue>;
  /** Feature key → the option group whose chosen value set it, for `set_option` fixes. */
  featureGroups: Record<string, string>;
  /** The line's target machine, when it names one from the customer's installed base. */
  machine: MachineRecord | undefined;
  machineId: string | undefined;
  /** Quantity in the product's order unit, undefined when the quantity cannot be used at all. */
  orderQty: number | undefined;
  unit: string;
  options: Record<string, string[]>;
  configDeltaCents: number;
  /** Set by the configuration check: the chosen options the product's model knows, with its labels. */
  components?: LineComponent[];
  requestedDate: string | undefined;
  issues: Issue[];
  unitPriceCents?: number;
  priceSource?: PriceSource;
  amountCents?: number;
  schedule: ScheduledDelivery[];
  promiseDate?: string;
  /** Set by availability: the line ships in parts (partial) or entirely later (backordered). */
  fulfilment?: "partial" | "backordered";
  /** Accepted with a change (date rescheduled…). */
  changed: boolean;
}

export interface OrderState {
  customerId: string;
  customer: CustomerRecord | undefined;
  tier: string;
  currency: string;
  now: Date;
  /** `YYYY-MM-DD` (UTC) of `now`. */
  today: string;
  data: CatalogReader;
  shipTo: ShipToRecord | undefined;
  /** Region deliveries go to: the ship-to's, else the customer's. */
  region: string;
  partialAllowed: boolean;
  requestedDate: string | undefined;
  requestedDiscountPct: number | undefined;
  draftMachineId: string | undefined;
  policy: PolicyRecord | undefined;
  warehouses: WarehouseRecord[];
  products: Map<string, ProductRecord>;
  fitment: Map<string, FitmentRecord[]>;
  relations: RelationRecord[];
  stock: Map<string, StockPosition>;
  prices: Map<string, SkuPrices>;
  lines: LineState[];
  issues: Issue[];
  /** Quantities already promised to earlier lines of this draft, by `sku|warehouse` (on hand) and `sku|inbound#<stock_inbound id>`. */
  consumed: Map<string, number>;
  netCents: number;
  /** Feature names in the buyer's language, by key (read once, when a message needs them). */
  featureNames: () => Record<string, string>;
}

/**
 * An issue with its typed message. `message` is rendered in English here; the engine renders it again in the
 * buyer's language when the session has another one (tools/engine.ts, `localizeIssues`).
 */
export function issue(
  code: string,
  severity: Severity,
  text: EngineMessage,
  fixes: Fix[] = [],
  extra: { lineId?: string; details?: Record<string, unknown> } = {},
): Issue {
  const out: Issue = { code, severity, message: renderMessage(text), text, fixes };
  if (extra.lineId !== undefined) out.lineId = extra.lineId;
  if (extra.details !== undefined) out.details = extra.details;
  return out;
}

export function lineIssue(
  l: LineState,
  code: string,
  severity: Severity,
  text: EngineMessage,
  fixes: Fix[] = [],
  details?: Record<string, unknown>,
): void {
  l.issues.push(
    issue(code, severity, text, fixes, details === undefined ? { lineId: l.lineId } : { lineId: l.lineId, details }),
  );
}

/** A product as messages name it (its name comes from the reader, so it is in the buyer's language). */
export function ref(p: { sku: string; name?: string | null }): { sku: string; name?: string } {
  return p.name ? { sku: p.sku, name: p.name } : { sku: p.sku };
}

export function hasBlock(l: LineState): boolean {
  return l.issues.some((i) => i.severity === "block");
}

const dayCache = new Map<string, string>();

/** `YYYY-MM-DD` plus `days` calendar days (memoised: every line of every validation asks the same few). */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const hit = dayCache.get(key);
  if (hit !== undefined) return hit;
  const t = Date.parse(`${date}T00:00:00Z`);
  const out = Number.isFinite(t) ? new Date(t + Math.round(days) * 86_400_000).toISOString().slice(0, 10) : date;
  if (dayCache.size > 10_000) dayCache.clear();
  dayCache.set(key, out);
  return out;
}

/** Tolerance for quantities stored as REAL (0.1 + 0.2 must be a valid multiple of 0.1). */
export const QTY_EPS = 1e-9;

export function roundQty(q: number): number {
  return Math.round(q * 1e6) / 1e6;
}
