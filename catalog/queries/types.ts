/**
 * What the repositories return: plain records shaped for the checks (no drizzle types leak out), and the
 * `CatalogReader` interface the validation engine and the agent's tools read through.
 */

export type FeatureValue = number | string | boolean | string[];

export interface ProductRecord {
  sku: string;
  name: string;
  description: string;
  category: string;
  manufacturer: string | null;
  orderUnit: string;
  contentUnit: string;
  contentQty: number;
  moq: number;
  orderStep: number;
  maxQty: number | null;
  leadTimeDays: number;
  lifecycle: "active" | "discontinued" | "inactive" | string;
  successorSku: string | null;
  listPriceCents: number;
  currency: string;
  hazardous: boolean;
  requiresCertification: string | null;
  blockedRegions: string[];
  configModelId: string | null;
  machineModel: string | null;
}

export interface RelationRecord {
  sku: string;
  type: string;
  targetSku: string;
  quantity: number;
  groupName: string | null;
}

export interface FitmentRecord {
  partSku: string;
  machineModel: string;
  serialFrom: string | null;
  serialTo: string | null;
  note: string | null;
}

export interface CompatRuleRecord {
  code: string;
  scope: "machine" | "line";
  category: string | null;
  feature: string;
  operator: "eq" | "gte" | "lte" | "contains" | "medium_compatible";
  otherKey: string;
  otherCategory: string | null;
  severity: "block" | "approval" | "warn";
  message: string;
}

export interface ConfigOption {
  value: string;
  label: string;
  priceDeltaCents: number;
  /** Features a line has when this value is chosen (units dropped, as for product features); none when absent. */
  features?: Record<string, FeatureValue>;
  /** Features laid over `features` while another group has the named value chosen (units dropped). */
  featuresWhen?: { ifGroup: string; ifValue: string; features: Record<string, FeatureValue> }[];
}

export interface ConfigGroup {
  code: string;
  label: string;
  min: number;
  max: number;
  defaultValue: string | null;
  options: ConfigOption[];
}

export interface ConfigConstraint {
  kind: "requires" | "excludes";
  ifGroup: string;
  ifValue: string;
  thenGroup: string;
  thenValue: string;
}

export interface ConfigModel {
  id: string;
  name: string;
  /** In display order. */
  groups: ConfigGroup[];
  constraints: ConfigConstraint[];
}

export interface WarehouseRecord {
  code: string;
  name: string;
  region: string;
  shipDaysLocal: number;
  shipDaysRemote: number;
}

export interface InboundRecord {
  /** The stock_inbound row: inbound holds name it. */
  id: number;
  warehouse: string;
  /** The delivery's quantity, before the shield's holds on it. */
  quantity: number;
  /** The shield's own active holds on this delivery. */
  held: number;
  eta: string;
  reference: string | null;
}

export interface AllocationRecord {
  /** null = applies to every warehouse holding the SKU. */
  warehouse: string | null;
  protectedQty: number;
  forTier: string;
}

export interface WarehouseStock {
  warehouse: string;
  onHand: number;
  /** Reserved in the ERP. */
  reserved: number;
  /** The shield's own active (unexpired at `now`) reservations of on-hand stock. */
  held: number;
}

/** Everything about one SKU's availability, across warehouses. */
export interface StockPosition {
  sku: string;
  warehouses: WarehouseStock[];
  inbound: InboundRecord[];
  allocations: AllocationRecord[];
}

export interface ShipToRecord {
  id: string;
  label: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  region: string;
  isDefault: boolean;
}

export interface MachineRecord {
  id: string;
  model: string;
  modelName: string;
  serial: string;
  label: string;
  site: string;
  /** Model features overlaid with the machine's own operating data (operating data wins). */
  attributes: Record<string, string | number | boolean>;
  components: string[];
}

export interface CustomerRecord {
  id: string;
  name: string;
  tier: string;
  priceListId: string | null;
  currency: string;
  creditLimitCents: number;
  openBalanceCents: number;
  paymentTerms: string;
  blocked: boolean;
  blockedReason: string | null;
  region: string;
  partialShipment: boolean;
  certifications: string[];
  language: string;
  shipTos: ShipToRecord[];
  machines: MachineRecord[];
}

export interface UnbookedOrders {
  count: number;
  totalCents: number;
}

export interface ContractPriceRecord {
  minQty: number;
  priceCents: number;
  validFrom: string;
  validTo: string | null;
}

export interface PriceBreakRecord {
  minQty: number;
  priceCents: number;
}

export interface SkuPrices {
  contract: ContractPriceRecord[];
  priceList: PriceBreakRecord[];
}

export interface PolicyRecord {
  id: string;
  tier: string | null;
  currency: string;
  maxOrderValueCents: number;
  maxDiscountPct: number;
  maxCreditOverrunCents: number;
  minOrderValueCents: number;
}

export interface OrderHistoryEntry {
  orderId: string;
  orderedAt: string;
  reference: string | null;
  lineNo: number;
  sku: string;
  quantity: number;
  unitPriceCents: number | null;
  machineId: string | null;
}

/** A candidate replacement for a line: same category, fits the machine (when one is given), with its free stock. */
export interface AlternativeRecord {
  sku: string;
  name: string;
  category: string;
  lifecycle: string;
  /** onHand − reserved summed over warehouses (tier protections and holds are applied by the check). */
  freeStock: number;
}

/**
 * Read access to the catalog for the checks. Batch methods take every SKU of a draft at once (one statement per
 * table, no N+1); results are keyed by SKU, and SKUs that do not exist are simply absent.
 */
export interface CatalogReader {
  /** Runs `fn` with every read in one read transaction (a consistent snapshot); inside an open transaction it just runs. */
  snapshot<T>(fn: () => T): T;
  /**
   * Runs `fn`, a synchronous reader that writes nothing, with the cached rows (products, features, relations, fitment,
   * rules, customers…) checked against the database's version once, at its first read, instead of at every read —
   * no transaction. Stock, prices and orders are read fresh as always; inside a snapshot it just runs.
   */
  steady?<T>(fn: () => T): T;
  products(skus: readonly string[]): Map<string, ProductRecord>;
  features(skus: readonly string[]): Map<string, Record<string, FeatureValue>>;
  /** Relations from the given SKUs (all types unless `types` is given). */
  relations(skus: readonly string[], types?: readonly string[]): RelationRecord[];
  /** Fitment rows per part SKU. A SKU without rows has no fitment restriction. */
  fitment(skus: readonly string[]): Map<string, FitmentRecord[]>;
  configModel(id: string): ConfigModel | undefined;
  compatRules(): CompatRuleRecord[];
  /** rating of `material` against `medium` (lower-cased keys), undefined when the matrix has no entry. */
  mediaRating(material: string, medium: string): "ok" | "limited" | "no" | undefined;
  warehouses(): WarehouseRecord[];
  /** Stock positions; `now` (ISO instant) decides which reservations are still active. */
  stock(skus: readonly string[], now: string): Map<string, StockPosition>;
  customer(id: string): CustomerRecord | undefined;
  /**
   * The customer's orders handed off by the shield but not yet booked by the ERP (so not yet in the open balance):
   * credit exposure on top of `openBalanceCents`. Always read fresh, never cached.
   */
  unbookedOrders(customerId: string): UnbookedOrders;
  prices(customerId: string, priceListId: string | null, skus: readonly string[]): Map<string, SkuPrices>;
  /** The approval policy for a tier (falls back to the `default` row / any tier-less row). */
  policy(tier: string): PolicyRecord | undefined;
  orderHistory(customerId: string, limit?: number): OrderHistoryEntry[];
  /** "Did you mean": existing SKUs that look like `input`. */
  suggestSkus(input: string, limit?: number): string[];
  /**
   * Active products of `category`, most free stock first: those listed in fitment for `machineModel` when given
   * (for parts that have fitment), else those of the category near `nearSku` in SKU order (the caller checks fit and rules).
   */
  alternatives(category: string, machineModel: string | null, limit?: number, nearSku?: string): AlternativeRecord[];
  /**
   * This reader in a buyer's language (ISO 639-1 or a locale): product names and descriptions, alternatives' names
   * and configuration labels in that language where the catalog has them, else in the default language.
   */
  inLanguage?(locale: string | undefined): CatalogReader;
  /** Feature names in a language (default: the catalog's default language), by feature key. */
  featureNames?(locale?: string): Record<string, string>;
}
