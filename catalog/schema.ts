/**
 * The OrderShield domain model as a drizzle schema on SQLite.
 *
 * Money is stored as integer cents (per order unit) so totals never drift; dates are ISO strings
 * (`YYYY-MM-DD` for calendar dates, full ISO for instants) because SQLite has no date type and
 * ISO strings sort correctly. JSON columns hold small, read-mostly structures (lists of regions,
 * operating data) that are always read whole with their row.
 *
 * Table names stay clear of LangGraph's checkpointer tables (`checkpoints`, `writes`).
 */
import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from "drizzle-orm/sqlite-core";

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
const bool = (name: string) => integer(name, { mode: "boolean" });
const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ───────────────────────────── catalog ─────────────────────────────

export const categories = sqliteTable("categories", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  parentCode: text("parent_code"),
});

export const products = sqliteTable(
  "products",
  {
    sku: text("sku").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    manufacturer: text("manufacturer"),
    /** Unit the buyer orders in (e.g. BOX, PCE, M). Quantities on lines are in this unit. */
    orderUnit: text("order_unit").notNull().default("PCE"),
    /** Unit inside one order unit (e.g. PCE) and how many of them: a box of 10 pieces. */
    contentUnit: text("content_unit").notNull().default("PCE"),
    contentQty: real("content_qty").notNull().default(1),
    moq: real("moq").notNull().default(1),
    orderStep: real("order_step").notNull().default(1),
    maxQty: real("max_qty"),
    leadTimeDays: integer("lead_time_days").notNull().default(14),
    /** active | discontinued | inactive */
    lifecycle: text("lifecycle").notNull().default("active"),
    successorSku: text("successor_sku"),
    listPriceCents: integer("list_price_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    hazardous: bool("hazardous").notNull().default(false),
    /** Certification a customer must hold to buy it (e.g. "atex", "hazmat"); null = unrestricted. */
    requiresCertification: text("requires_certification"),
    /** Regions this product may not be shipped to. */
    blockedRegions: json<string[]>("blocked_regions").notNull().default([]),
    /** Set when the product needs configuration before it can be ordered. */
    configModelId: text("config_model_id"),
    /** Machine model this product *is* (a pump sold as a machine), for installed-base lookups. */
    machineModel: text("machine_model"),
  },
  (t) => [index("products_category_idx").on(t.category), index("products_successor_idx").on(t.successorSku)],
);

/** Typed features (ETIM-like). Exactly one of numValue / textValue / listValue / boolValue is set. */
export const productFeatures = sqliteTable(
  "product_features",
  {
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** num | text | bool | list */
    type: text("type").notNull(),
    numValue: real("num_value"),
    textValue: text("text_value"),
    listValue: json<string[]>("list_value"),
    boolValue: bool("bool_value"),
    unit: text("unit"),
  },
  (t) => [primaryKey({ columns: [t.sku, t.key] })],
);

/** BMEcat relation vocabulary. */
export const RELATION_TYPES = [
  "sparepart",
  "accessories",
  "mandatory",
  "select",
  "followup",
  "similar",
  "consists_of",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const productRelations = sqliteTable(
  "product_relations",
  {
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    type: text("type").$type<RelationType>().notNull(),
    targetSku: text("target_sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    /** Quantity of the target per one of `sku` (kits, mandatory companions). */
    quantity: real("quantity").notNull().default(1),
    /** For `select`: the choose-one-of group name. */
    groupName: text("group_name"),
  },
  (t) => [
    primaryKey({ columns: [t.sku, t.type, t.targetSku] }),
    index("product_relations_target_idx").on(t.targetSku, t.type),
  ],
);

export const machineModels = sqliteTable("machine_models", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  manufacturer: text("manufacturer"),
  category: text("category"),
  /** Static features of the model (e.g. connection, voltage) merged under the machine's operating data. */
  features: json<Record<string, string | number | boolean>>("features").notNull().default({}),
});

/** Explicit fitment: part fits machine model, optionally only within a serial range (inclusive, compared as strings of equal shape). */
export const fitment = sqliteTable(
  "fitment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partSku: text("part_sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    machineModel: text("machine_model")
      .notNull()
      .references(() => machineModels.code, { onDelete: "cascade" }),
    serialFrom: text("serial_from"),
    serialTo: text("serial_to"),
    note: text("note"),
  },
  (t) => [
    uniqueIndex("fitment_unique_idx").on(t.partSku, t.machineModel, t.serialFrom, t.serialTo),
    index("fitment_model_idx").on(t.machineModel),
  ],
);

/**
 * Feature-based compatibility rules.
 * scope "machine": a product feature of a line vs an attribute of the target machine (operating data + model features).
 * scope "line": a feature of one line vs a feature of another line of the same order.
 * Operators: eq | gte | lte | contains (list feature contains the other value) | medium_compatible (material vs medium via media_compat).
 */
export const compatRules = sqliteTable("compat_rules", {
  code: text("code").primaryKey(),
  scope: text("scope").$type<"machine" | "line">().notNull(),
  /** Category the rule applies to; null = any product that has the feature. */
  category: text("category"),
  feature: text("feature").notNull(),
  operator: text("operator").$type<"eq" | "gte" | "lte" | "contains" | "medium_compatible">().notNull(),
  /** Machine attribute (scope machine) or feature on the other line (scope line). */
  otherKey: text("other_key").notNull(),
  /** For scope line: category of the other line; null = any. */
  otherCategory: text("other_category"),
  severity: text("severity").$type<"block" | "approval" | "warn">().notNull().default("block"),
  message: text("message").notNull(),
});

/** Material ↔ medium compatibility matrix used by the `medium_compatible` operator. */
export const mediaCompat = sqliteTable(
  "media_compat",
  {
    material: text("material").notNull(),
    medium: text("medium").notNull(),
    /** ok | limited | no */
    rating: text("rating").$type<"ok" | "limited" | "no">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.material, t.medium] })],
);

/** A feature value of a configuration option as imported: plain, or a number with its unit. */
export type OptionFeatureValue = number | string | boolean | string[] | { value: number; unit: string };
/** Features an option gives only while another group has the named value chosen. */
export interface OptionFeaturesWhen {
  if: { group: string; value: string };
  features: Record<string, OptionFeatureValue>;
}

export const configModels = sqliteTable("config_models", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});

export const configGroups = sqliteTable(
  "config_groups",
  {
    modelId: text("model_id")
      .notNull()
      .references(() => configModels.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    label: text("label").notNull(),
    minChoices: integer("min_choices").notNull().default(1),
    maxChoices: integer("max_choices").notNull().default(1),
    defaultValue: text("default_value"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.code] })],
);

export const configOptions = sqliteTable(
  "config_options",
  {
    modelId: text("model_id").notNull(),
    groupCode: text("group_code").notNull(),
    value: text("value").notNull(),
    label: text("label").notNull(),
    priceDeltaCents: integer("price_delta_cents").notNull().default(0),
    /**
     * Features the line has when this value is chosen (`{ "voltage": 690 }`, `{ "pressureRating": { value: 25,
     * unit: "bar" } }`): the compatibility rules read them exactly as a fixed product's features.
     */
    features: json<Record<string, OptionFeatureValue>>("features").notNull().default({}),
    /**
     * Features this value gives only together with another group's value — a 0.75 kW drive draws 2.2 A on 3~ 400 V
     * but 4.2 A on 1~ 230 V: `[{ "if": { "group": "supply", "value": "230-1" }, "features": { "ratedCurrent": 4.2 } }]`.
     * Laid over `features` when that value is chosen too.
     */
    featuresWhen: json<OptionFeaturesWhen[]>("features_when").notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.groupCode, t.value] })],
);

/** "if group=value is chosen then other group must (requires) / must not (excludes) have value". */
export const configConstraints = sqliteTable(
  "config_constraints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelId: text("model_id")
      .notNull()
      .references(() => configModels.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"requires" | "excludes">().notNull(),
    ifGroup: text("if_group").notNull(),
    ifValue: text("if_value").notNull(),
    thenGroup: text("then_group").notNull(),
    thenValue: text("then_value").notNull(),
  },
  (t) => [
    index("config_constraints_model_idx").on(t.modelId),
    uniqueIndex("config_constraints_unique_idx").on(t.modelId, t.kind, t.ifGroup, t.ifValue, t.thenGroup, t.thenValue),
  ],
);

// ───────────────────────────── languages ─────────────────────────────
// Why separate tables instead of columns per language: a catalog names its own languages (BMEcat carries every
// text with a `lang` attribute), and the base columns (`products.name`, `categories.name`, config labels) stay the
// texts of the catalog's default language, so everything that reads one name keeps working unchanged.

/** The catalog's languages (ISO 639-1); the row with `isDefault` is the language of the base texts. */
export const catalogLanguages = sqliteTable("catalog_languages", {
  code: text("code").primaryKey(),
  name: text("name"),
  isDefault: bool("is_default").notNull().default(false),
});

/** A product's texts in one language; a missing field falls back to the base text (the default language). */
export const productTexts = sqliteTable(
  "product_texts",
  {
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name"),
    description: text("description"),
    keywords: json<string[]>("keywords").notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.sku, t.lang] })],
);

export const categoryTexts = sqliteTable(
  "category_texts",
  {
    code: text("code")
      .notNull()
      .references(() => categories.code, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name"),
    description: text("description"),
    keywords: json<string[]>("keywords").notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.code, t.lang] })],
);

/** Feature names (and an optional unit label) per language, by feature key. */
export const featureNames = sqliteTable(
  "feature_names",
  {
    key: text("key").notNull(),
    lang: text("lang").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.lang] })],
);

/** Labels of configuration groups (`value` = "") and option values per language. */
export const configTexts = sqliteTable(
  "config_texts",
  {
    modelId: text("model_id")
      .notNull()
      .references(() => configModels.id, { onDelete: "cascade" }),
    groupCode: text("group_code").notNull(),
    value: text("value").notNull().default(""),
    lang: text("lang").notNull(),
    label: text("label").notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.groupCode, t.value, t.lang] })],
);

/** The merchant's synonym list: `term` and `synonyms` are equivalent words in `lang`, optionally in one category. */
export const synonyms = sqliteTable(
  "synonyms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lang: text("lang").notNull(),
    term: text("term").notNull(),
    synonyms: json<string[]>("synonyms").notNull(),
    /** Category code (with its sub-categories) the equivalence holds in; null = everywhere. */
    category: text("category"),
  },
  (t) => [uniqueIndex("synonyms_unique_idx").on(t.lang, t.term, t.category)],
);

/**
 * Derived, not imported: every language's texts of a product (and of its category) and their stems and compound
 * parts, computed by catalog/queries/search-terms.ts. The search index (product_search) copies them per product.
 */
export const productSearchTerms = sqliteTable("product_search_terms", {
  sku: text("sku")
    .primaryKey()
    .references(() => products.sku, { onDelete: "cascade" }),
  /** Names and keywords of every language. */
  names: text("names").notNull().default(""),
  /** Descriptions of every language, the category's names, keywords and descriptions. */
  texts: text("texts").notNull().default(""),
  /** Stems and compound parts of the names, keywords and category names (catalog/queries/search-terms.ts). */
  terms: text("terms").notNull().default(""),
});

// ───────────────────────────── stock ─────────────────────────────

export const warehouses = sqliteTable("warehouses", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  /** Transit days to a ship-to in the same region / another region. */
  shipDaysLocal: integer("ship_days_local").notNull().default(1),
  shipDaysRemote: integer("ship_days_remote").notNull().default(3),
});

export const stock = sqliteTable(
  "stock",
  {
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    warehouse: text("warehouse")
      .notNull()
      .references(() => warehouses.code, { onDelete: "cascade" }),
    onHand: real("on_hand").notNull().default(0),
    /** Reserved in the ERP (other orders). The shield's own holds live in `reservations`. */
    reserved: real("reserved").notNull().default(0),
    updatedAt: text("updated_at"),
  },
  (t) => [primaryKey({ columns: [t.sku, t.warehouse] })],
);

/** Purchase orders / transfers on their way in. */
export const stockInbound = sqliteTable(
  "stock_inbound",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    warehouse: text("warehouse")
      .notNull()
      .references(() => warehouses.code, { onDelete: "cascade" }),
    quantity: real("quantity").notNull(),
    eta: text("eta").notNull(),
    reference: text("reference"),
  },
  (t) => [
    index("stock_inbound_sku_idx").on(t.sku, t.eta),
    uniqueIndex("stock_inbound_unique_idx").on(t.sku, t.warehouse, t.eta),
  ],
);

/** Stock protected for a tier: other tiers cannot promise the protected quantity. warehouse null = every warehouse. */
export const allocationRules = sqliteTable(
  "allocation_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    warehouse: text("warehouse"),
    protectedQty: real("protected_qty").notNull(),
    forTier: text("for_tier").notNull(),
  },
  (t) => [uniqueIndex("allocation_rules_unique_idx").on(t.sku, t.warehouse, t.forTier)],
);

/** The shield's holds on stock; expired rows no longer count. */
export const reservations = sqliteTable(
  "reservations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sku: text("sku").notNull(),
    warehouse: text("warehouse").notNull(),
    quantity: real("quantity").notNull(),
    /**
     * What the hold is taken from: `on_hand` stock in `warehouse`, or an `inbound` delivery (`inboundId`, a
     * stock_inbound row). An inbound hold whose row is gone (the delivery arrived) counts against on hand.
     */
    source: text("source", { enum: ["on_hand", "inbound"] })
      .notNull()
      .default("on_hand"),
    inboundId: integer("inbound_id"),
    orderId: text("order_id"),
    threadId: text("thread_id"),
    expiresAt: text("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [index("reservations_sku_idx").on(t.sku, t.warehouse)],
);

// ───────────────────────────── customers ─────────────────────────────

export const priceLists = sqliteTable("price_lists", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  currency: text("currency").notNull().default("EUR"),
});

/** Price-list prices with quantity breaks: the row with the largest minQty ≤ quantity applies. */
export const priceListItems = sqliteTable(
  "price_list_items",
  {
    priceListId: text("price_list_id")
      .notNull()
      .references(() => priceLists.id, { onDelete: "cascade" }),
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    minQty: real("min_qty").notNull().default(1),
    priceCents: integer("price_cents").notNull(),
  },
  (t) => [primaryKey({ columns: [t.priceListId, t.sku, t.minQty] })],
);

export const customers = sqliteTable("customers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** e.g. platinum | gold | silver | bronze */
  tier: text("tier").notNull(),
  priceListId: text("price_list_id"),
  currency: text("currency").notNull().default("EUR"),
  creditLimitCents: integer("credit_limit_cents").notNull().default(0),
  openBalanceCents: integer("open_balance_cents").notNull().default(0),
  /** e.g. NET30, NET60, PREPAID */
  paymentTerms: text("payment_terms").notNull().default("NET30"),
  blocked: bool("blocked").notNull().default(false),
  blockedReason: text("blocked_reason"),
  region: text("region").notNull(),
  partialShipment: bool("partial_shipment").notNull().default(true),
  /** Certifications that unlock restricted products (e.g. "atex", "hazmat"). */
  certifications: json<string[]>("certifications").notNull().default([]),
  language: text("language").notNull().default("en"),
});

export const contractPrices = sqliteTable(
  "contract_prices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade" }),
    minQty: real("min_qty").notNull().default(1),
    priceCents: integer("price_cents").notNull(),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to"),
  },
  (t) => [uniqueIndex("contract_prices_unique_idx").on(t.customerId, t.sku, t.minQty, t.validFrom)],
);

export const shipTos = sqliteTable(
  "ship_tos",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    region: text("region").notNull(),
    isDefault: bool("is_default").notNull().default(false),
  },
  (t) => [index("ship_tos_customer_idx").on(t.customerId)],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role"),
    language: text("language").notNull().default("en"),
  },
  (t) => [index("contacts_customer_idx").on(t.customerId)],
);

/** Operating data of an installed machine; free-form keys, these are the ones the rules use. */
export type OperatingData = {
  medium?: string;
  mediumTemperature?: number;
  systemPressure?: number;
  voltage?: number;
  phase?: number;
  frequency?: number;
  connection?: string;
  [key: string]: string | number | boolean | undefined;
};

/** Installed base: the customer's machines. */
export const machines = sqliteTable(
  "machines",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    model: text("model")
      .notNull()
      .references(() => machineModels.code),
    serial: text("serial").notNull(),
    /** The buyer's own name for it, e.g. "Pump 2". */
    label: text("label").notNull(),
    site: text("site").notNull().default(""),
    installedAt: text("installed_at"),
    operatingData: json<OperatingData>("operating_data").notNull().default({}),
    /** SKUs already fitted on this machine (satisfy `mandatory` companions). */
    components: json<string[]>("components").notNull().default([]),
  },
  (t) => [index("machines_customer_idx").on(t.customerId)],
);

/** Orders placed before the shield (from the ERP), for "same as last time". */
export const orderHistory = sqliteTable(
  "order_history",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    orderedAt: text("ordered_at").notNull(),
    reference: text("reference"),
  },
  (t) => [index("order_history_customer_idx").on(t.customerId, t.orderedAt)],
);

export const orderHistoryLines = sqliteTable(
  "order_history_lines",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orderHistory.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    quantity: real("quantity").notNull(),
    unitPriceCents: integer("unit_price_cents"),
    machineId: text("machine_id"),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), index("order_history_lines_sku_idx").on(t.sku)],
);

/** Approval policy; the row with id "default" applies unless a tier-specific row exists. */
export const approvalPolicies = sqliteTable("approval_policies", {
  id: text("id").primaryKey(),
  tier: text("tier"),
  currency: text("currency").notNull().default("EUR"),
  /** Orders above this value need a rep's approval. */
  maxOrderValueCents: integer("max_order_value_cents").notNull(),
  /** Requested discounts above this percentage need approval. */
  maxDiscountPct: real("max_discount_pct").notNull(),
  /** Credit overrun (open balance + order − limit) up to this needs approval; above it blocks. */
  maxCreditOverrunCents: integer("max_credit_overrun_cents").notNull(),
  minOrderValueCents: integer("min_order_value_cents").notNull().default(0),
});

// ───────────────────────────── order pipeline ─────────────────────────────

export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    /** customer id + thread id + draft hash: one order per confirmed draft of one customer. */
    idempotencyKey: text("idempotency_key").notNull(),
    threadId: text("thread_id").notNull(),
    draftHash: text("draft_hash").notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    contactId: text("contact_id"),
    channel: text("channel").notNull().default("widget"),
    /** handed_off, then the ERP side's statuses (server/erp/types.ts ERP_ORDER_STATUSES); history in order_status_events. */
    status: text("status").notNull().default("handed_off"),
    /** The ERP's own order number, from its acknowledgement. */
    erpOrderNumber: text("erp_order_number"),
    currency: text("currency").notNull(),
    totalCents: integer("total_cents").notNull(),
    poReference: text("po_reference"),
    shipToId: text("ship_to_id"),
    payload: json<unknown>("payload").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orders_idempotency_idx").on(t.idempotencyKey),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_thread_idx").on(t.threadId),
    // An ERP acknowledgement's number is looked up to refuse one number for two orders (server/erp/ack.ts).
    index("orders_erp_number_idx").on(t.erpOrderNumber),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    quantity: real("quantity").notNull(),
    unit: text("unit").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    priceSource: text("price_source").notNull(),
    amountCents: integer("amount_cents").notNull(),
    verdict: text("verdict").notNull(),
    options: json<Record<string, string[]>>("options").notNull().default({}),
    schedule: json<unknown[]>("schedule").notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    eventType: text("event_type").notNull(),
    payload: json<unknown>("payload").notNull(),
    /** pending | delivered | dead (dead-lettered: the retry schedule ran out, or the endpoint answered 410) */
    status: text("status").notNull().default("pending"),
    /** Attempts started in the current schedule (a replay starts a new schedule). */
    attempts: integer("attempts").notNull().default(0),
    /** Due time of the next attempt; null = due now. */
    nextAttemptAt: text("next_attempt_at"),
    lastError: text("last_error"),
    lastStatusCode: integer("last_status_code"),
    lastAttemptAt: text("last_attempt_at"),
    /** The worker delivering it now and until when: a killed worker's lease runs out and the event is retried. */
    leaseOwner: text("lease_owner"),
    leaseUntil: text("lease_until"),
    createdAt: createdAt(),
    deliveredAt: text("delivered_at"),
    deadAt: text("dead_at"),
    replays: integer("replays").notNull().default(0),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.nextAttemptAt)],
);

/** One row per delivery attempt of an outbox event: what the ERP endpoint answered, or why there was no answer. */
export const outboxAttempts = sqliteTable(
  "outbox_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: text("event_id")
      .notNull()
      .references(() => outbox.id),
    attempt: integer("attempt").notNull(),
    at: text("at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    statusCode: integer("status_code"),
    /** delivered | retry | dead | gone */
    outcome: text("outcome").notNull(),
    error: text("error"),
    nextAttemptAt: text("next_attempt_at"),
    workerId: text("worker_id").notNull(),
  },
  (t) => [index("outbox_attempts_event_idx").on(t.eventId, t.id)],
);

/** Webhook endpoints the ERP answered 410 Gone for: nothing is delivered there until an admin enables it again. */
export const erpEndpoints = sqliteTable("erp_endpoints", {
  url: text("url").primaryKey(),
  disabledAt: text("disabled_at"),
  disabledReason: text("disabled_reason"),
  updatedAt: text("updated_at").notNull(),
});

/** What happened to an order after the hand-off: delivery to the ERP and the ERP's acknowledgements, in order. */
export const orderStatusEvents = sqliteTable(
  "order_status_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    /** server/erp/types.ts ERP_ORDER_STATUSES */
    status: text("status").notNull(),
    erpOrderNumber: text("erp_order_number"),
    message: text("message"),
    /** The acknowledgement's details (dates, changed lines, tracking) as received. */
    data: json<unknown>("data"),
    /** worker | erp */
    source: text("source").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("order_status_events_order_idx").on(t.orderId, t.id)],
);

/** Stock and price pushes from the WMS/ERP by Idempotency-Key: a repeat returns the stored answer, nothing is applied twice. */
export const integrationRequests = sqliteTable(
  "integration_requests",
  {
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** sha256 of the canonical request body: the same key with another body is refused. */
    requestHash: text("request_hash").notNull(),
    response: json<unknown>("response").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.idempotencyKey] })],
);

/** Append-only: approvals, rejections, overrides, hand-offs. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    reason: text("reason"),
    data: json<unknown>("data"),
  },
  (t) => [index("audit_log_subject_idx").on(t.subject)],
);

// ───────────────────────────── conversations ─────────────────────────────

/**
 * One row per conversation thread: its owner, bound once and atomically at the first message (insert-if-absent,
 * then re-read), so two processes on one database can never bind one thread to two customers. The conversation
 * itself lives in the checkpointer; this row is what authorises access to it and what the rep queue lists.
 */
export const threads = sqliteTable(
  "threads",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    /** The buyer contact of the first message. */
    contactId: text("contact_id"),
    channel: text("channel").notNull().default("widget"),
    /** active | needs_approval | blocked | ordered — what the rep queue sorts by. */
    status: text("status").notNull().default("active"),
    /** The rep id holding the thread (takeover); null while the agent answers. */
    heldBy: text("held_by"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("threads_customer_idx").on(t.customerId, t.updatedAt),
    index("threads_status_idx").on(t.status, t.updatedAt),
  ],
);

/**
 * What the buyer and a rep said while the rep held the thread (takeover). Kept beside the conversation rather than
 * in the agent's checkpoint so a pending confirmation or approval survives the exchange; `position` is how many
 * conversation messages preceded it, which places it in the transcript.
 */
export const takeoverMessages = sqliteTable(
  "takeover_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: text("thread_id").notNull(),
    /** buyer | rep */
    role: text("role").notNull(),
    repId: text("rep_id"),
    text: text("text").notNull(),
    position: integer("position").notNull(),
    /**
     * The buyer's Idempotency-Key, hashed as the agent names a keyed message (`messageIdOfKey`): a retried message
     * during a takeover is the same message, as it is when the agent answers.
     */
    messageKey: text("message_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("takeover_messages_thread_idx").on(t.threadId, t.id),
    uniqueIndex("takeover_messages_key_idx").on(t.threadId, t.messageKey),
  ],
);
