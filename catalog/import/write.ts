/**
 * Writes validated import rows as upserts with raw prepared statements (the bulk path: drizzle's
 * query builder costs several times more per row at 100k-SKU scale). The caller runs this inside one
 * transaction. Never `INSERT OR REPLACE`: that deletes the old row and would cascade to its children.
 */
import type Database from "better-sqlite3";
import type { LanguageTexts, ParsedImport, SectionName } from "./format.ts";

type Progress = (section: SectionName, done: number, total: number) => void;

const PROGRESS_EVERY = 2000;

/** `INSERT … ON CONFLICT(key) DO UPDATE SET every other column`. */
function upsert(client: Database.Database, table: string, columns: string[], conflict: string[]): Database.Statement {
  const updates = columns.filter((c) => !conflict.includes(c)).map((c) => `${c} = excluded.${c}`);
  return client.prepare(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ` +
      `ON CONFLICT (${conflict.join(", ")}) DO ${updates.length ? `UPDATE SET ${updates.join(", ")}` : "NOTHING"}`,
  );
}

const b = (v: boolean): number => (v ? 1 : 0);

/** On an empty table there is nothing to replace or update: the first import of a catalog skips those lookups. */
const isEmpty = (client: Database.Database, table: string): boolean =>
  client.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function each<T>(
  section: SectionName,
  rows: T[] | undefined,
  progress: Progress | undefined,
  write: (row: T) => void,
): void {
  if (!rows || rows.length === 0) return;
  for (let i = 0; i < rows.length; i++) {
    write(rows[i]!);
    if (progress && (i + 1) % PROGRESS_EVERY === 0) progress(section, i + 1, rows.length);
  }
  progress?.(section, rows.length, rows.length);
}

/** Writes every section in format order. Must run inside a transaction. */
export function writeImport(client: Database.Database, doc: ParsedImport, progress?: Progress): void {
  const now = new Date().toISOString();

  writeLanguages(client, doc, progress);

  const category = upsert(client, "categories", ["code", "name", "parent_code"], ["code"]);
  const categoryTexts = textWriter(client, "category_texts", "code");
  each("categories", doc.categories, progress, (r) => {
    category.run(r.code, r.name, n(r.parent));
    categoryTexts(r.code, r.texts);
  });

  const machineModel = upsert(
    client,
    "machine_models",
    ["code", "name", "manufacturer", "category", "features"],
    ["code"],
  );
  each("machineModels", doc.machineModels, progress, (r) =>
    machineModel.run(r.code, r.name, n(r.manufacturer), n(r.category), JSON.stringify(r.features)),
  );

  const configModel = upsert(client, "config_models", ["id", "name"], ["id"]);
  const delGroups = client.prepare("DELETE FROM config_groups WHERE model_id = ?");
  const delOptions = client.prepare("DELETE FROM config_options WHERE model_id = ?");
  const delConstraints = client.prepare("DELETE FROM config_constraints WHERE model_id = ?");
  const group = client.prepare(
    "INSERT INTO config_groups (model_id, code, label, min_choices, max_choices, default_value, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const option = client.prepare(
    "INSERT INTO config_options (model_id, group_code, value, label, price_delta_cents, features, features_when) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const delConfigTexts = client.prepare("DELETE FROM config_texts WHERE model_id = ?");
  const configText = client.prepare(
    "INSERT INTO config_texts (model_id, group_code, value, lang, label) VALUES (?, ?, ?, ?, ?)",
  );
  const constraint = client.prepare(
    "INSERT INTO config_constraints (model_id, kind, if_group, if_value, then_group, then_value) VALUES (?, ?, ?, ?, ?, ?)",
  );
  each("configModels", doc.configModels, progress, (m) => {
    configModel.run(m.id, m.name);
    delGroups.run(m.id);
    delOptions.run(m.id);
    delConstraints.run(m.id);
    delConfigTexts.run(m.id);
    m.groups.forEach((g, position) => {
      group.run(m.id, g.code, g.label, g.min, g.max, n(g.default), position);
      for (const [lang, label] of Object.entries(g.labels ?? {})) configText.run(m.id, g.code, "", lang, label);
      for (const o of g.options) {
        option.run(
          m.id,
          g.code,
          o.value,
          o.label,
          o.priceDeltaCents,
          JSON.stringify(o.features),
          JSON.stringify(o.featuresWhen),
        );
        for (const [lang, label] of Object.entries(o.labels ?? {})) configText.run(m.id, g.code, o.value, lang, label);
      }
    });
    for (const c of m.constraints) constraint.run(m.id, c.kind, c.if.group, c.if.value, c.then.group, c.then.value);
  });

  const product = upsert(
    client,
    "products",
    [
      "sku",
      "name",
      "description",
      "category",
      "manufacturer",
      "order_unit",
      "content_unit",
      "content_qty",
      "moq",
      "order_step",
      "max_qty",
      "lead_time_days",
      "lifecycle",
      "successor_sku",
      "list_price_cents",
      "currency",
      "hazardous",
      "requires_certification",
      "blocked_regions",
      "config_model_id",
      "machine_model",
    ],
    ["sku"],
  );
  const delFeatures = client.prepare("DELETE FROM product_features WHERE sku = ?");
  const feature = client.prepare(
    "INSERT INTO product_features (sku, key, type, num_value, text_value, list_value, bool_value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const replaceFeatures = !isEmpty(client, "product_features");
  const productTexts = textWriter(client, "product_texts", "sku");
  each("products", doc.products, progress, (p) => {
    product.run(
      p.sku,
      p.name,
      p.description,
      p.category,
      n(p.manufacturer),
      p.orderUnit,
      p.contentUnit,
      p.contentQty,
      p.moq,
      p.orderStep,
      n(p.maxQty),
      p.leadTimeDays,
      p.lifecycle,
      n(p.successor),
      p.listPriceCents,
      p.currency,
      b(p.hazardous),
      n(p.requiresCertification),
      JSON.stringify(p.blockedRegions),
      n(p.configModel),
      n(p.machineModel),
    );
    if (replaceFeatures) delFeatures.run(p.sku);
    for (const [key, value] of Object.entries(p.features)) {
      if (typeof value === "number") feature.run(p.sku, key, "num", value, null, null, null, null);
      else if (typeof value === "string") feature.run(p.sku, key, "text", null, value, null, null, null);
      else if (typeof value === "boolean") feature.run(p.sku, key, "bool", null, null, null, b(value), null);
      else if (Array.isArray(value)) feature.run(p.sku, key, "list", null, null, JSON.stringify(value), null, null);
      else feature.run(p.sku, key, "num", value.value, null, null, null, value.unit);
    }
    productTexts(p.sku, p.texts);
  });

  const featureName = upsert(client, "feature_names", ["key", "lang", "name"], ["key", "lang"]);
  each("featureNames", doc.featureNames, progress, (f) => {
    for (const [lang, name] of Object.entries(f.names)) featureName.run(f.key, lang, name);
  });

  // The category may be NULL (everywhere), and NULLs never conflict in a unique index: update first, then insert.
  const synonymUpdate = client.prepare(
    "UPDATE synonyms SET synonyms = ? WHERE lang = ? AND term = ? AND category IS ?",
  );
  const synonymInsert = client.prepare("INSERT INTO synonyms (lang, term, synonyms, category) VALUES (?, ?, ?, ?)");
  each("synonyms", doc.synonyms, progress, (r) => {
    const list = JSON.stringify(r.synonyms);
    if (synonymUpdate.run(list, r.language, r.term, n(r.category)).changes === 0)
      synonymInsert.run(r.language, r.term, list, n(r.category));
  });

  const relation = upsert(
    client,
    "product_relations",
    ["sku", "type", "target_sku", "quantity", "group_name"],
    ["sku", "type", "target_sku"],
  );
  each("relations", doc.relations, progress, (r) => relation.run(r.sku, r.type, r.target, r.quantity, n(r.group)));

  // Serial bounds may be NULL, and NULLs never conflict in a unique index: update first, insert if nothing matched.
  const fitUpdate = client.prepare(
    "UPDATE fitment SET note = ? WHERE part_sku = ? AND machine_model = ? AND serial_from IS ? AND serial_to IS ?",
  );
  const fitInsert = client.prepare(
    "INSERT INTO fitment (part_sku, machine_model, serial_from, serial_to, note) VALUES (?, ?, ?, ?, ?)",
  );
  const fitmentExisted = !isEmpty(client, "fitment");
  each("fitment", doc.fitment, progress, (f) => {
    const args = [f.part, f.machineModel, n(f.serialFrom), n(f.serialTo)] as const;
    // Duplicates within the import were rejected, so on an empty table every row is new.
    if (!fitmentExisted || fitUpdate.run(n(f.note), ...args).changes === 0) fitInsert.run(...args, n(f.note));
  });

  const rule = upsert(
    client,
    "compat_rules",
    ["code", "scope", "category", "feature", "operator", "other_key", "other_category", "severity", "message"],
    ["code"],
  );
  each("rules", doc.rules, progress, (r) =>
    rule.run(
      r.code,
      r.scope,
      n(r.category),
      r.feature,
      r.operator,
      r.otherKey,
      n(r.otherCategory),
      r.severity,
      r.message,
    ),
  );

  const media = upsert(client, "media_compat", ["material", "medium", "rating"], ["material", "medium"]);
  each("mediaCompat", doc.mediaCompat, progress, (r) => media.run(r.material, r.medium, r.rating));

  const warehouse = upsert(
    client,
    "warehouses",
    ["code", "name", "region", "ship_days_local", "ship_days_remote"],
    ["code"],
  );
  each("warehouses", doc.warehouses, progress, (w) =>
    warehouse.run(w.code, w.name, w.region, w.shipDaysLocal, w.shipDaysRemote),
  );

  const stock = upsert(
    client,
    "stock",
    ["sku", "warehouse", "on_hand", "reserved", "updated_at"],
    ["sku", "warehouse"],
  );
  each("stock", doc.stock, progress, (s) => stock.run(s.sku, s.warehouse, s.onHand, s.reserved, now));

  const inbound = upsert(
    client,
    "stock_inbound",
    ["sku", "warehouse", "quantity", "eta", "reference"],
    ["sku", "warehouse", "eta"],
  );
  each("inbound", doc.inbound, progress, (r) => inbound.run(r.sku, r.warehouse, r.quantity, r.eta, n(r.reference)));

  const allocUpdate = client.prepare(
    "UPDATE allocation_rules SET protected_qty = ? WHERE sku = ? AND warehouse IS ? AND for_tier = ?",
  );
  const allocInsert = client.prepare(
    "INSERT INTO allocation_rules (sku, warehouse, protected_qty, for_tier) VALUES (?, ?, ?, ?)",
  );
  each("allocations", doc.allocations, progress, (a) => {
    if (allocUpdate.run(a.protectedQty, a.sku, n(a.warehouse), a.forTier).changes === 0)
      allocInsert.run(a.sku, n(a.warehouse), a.protectedQty, a.forTier);
  });

  const priceList = upsert(client, "price_lists", ["id", "name", "currency"], ["id"]);
  each("priceLists", doc.priceLists, progress, (p) => priceList.run(p.id, p.name, p.currency));

  const price = upsert(
    client,
    "price_list_items",
    ["price_list_id", "sku", "min_qty", "price_cents"],
    ["price_list_id", "sku", "min_qty"],
  );
  each("prices", doc.prices, progress, (p) => price.run(p.priceList, p.sku, p.minQty, p.priceCents));

  writeCustomers(client, doc, progress);
  writeHistory(client, doc, progress);

  const policy = upsert(
    client,
    "approval_policies",
    [
      "id",
      "tier",
      "currency",
      "max_order_value_cents",
      "max_discount_pct",
      "max_credit_overrun_cents",
      "min_order_value_cents",
    ],
    ["id"],
  );
  each("policy", doc.policy, progress, (p) =>
    policy.run(
      p.id,
      n(p.tier),
      p.currency,
      p.maxOrderValueCents,
      p.maxDiscountPct,
      p.maxCreditOverrunCents,
      p.minOrderValueCents,
    ),
  );
}

/** A declared default language replaces the previous default: a catalog has exactly one. */
function writeLanguages(client: Database.Database, doc: ParsedImport, progress?: Progress): void {
  const language = client.prepare(
    "INSERT INTO catalog_languages (code, name, is_default) VALUES (?, ?, ?) " +
      "ON CONFLICT (code) DO UPDATE SET name = coalesce(excluded.name, name), is_default = excluded.is_default",
  );
  if (doc.languages?.some((l) => l.default)) client.prepare("UPDATE catalog_languages SET is_default = 0").run();
  each("languages", doc.languages, progress, (l) => language.run(l.code, n(l.name), b(l.default)));
}

/**
 * Writes a row's `texts` (per language) into `table`, replacing the languages it held before. `texts` left out of
 * the row keeps what the database has: a base-only products.csv must not wipe the translations.
 */
function textWriter(client: Database.Database, table: "product_texts" | "category_texts", key: "sku" | "code") {
  const del = client.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  const ins = client.prepare(`INSERT INTO ${table} (${key}, lang, name, description, keywords) VALUES (?, ?, ?, ?, ?)`);
  const replace = !isEmpty(client, table);
  return (code: string, texts: LanguageTexts | undefined) => {
    if (texts === undefined) return;
    if (replace) del.run(code);
    for (const [lang, t] of Object.entries(texts))
      ins.run(code, lang, n(t.name), n(t.description), JSON.stringify(t.keywords ?? []));
  };
}

function writeCustomers(client: Database.Database, doc: ParsedImport, progress?: Progress): void {
  const customer = upsert(
    client,
    "customers",
    [
      "id",
      "name",
      "tier",
      "price_list_id",
      "currency",
      "credit_limit_cents",
      "open_balance_cents",
      "payment_terms",
      "blocked",
      "blocked_reason",
      "region",
      "partial_shipment",
      "certifications",
      "language",
    ],
    ["id"],
  );
  const delShipTos = client.prepare("DELETE FROM ship_tos WHERE customer_id = ?");
  const delContacts = client.prepare("DELETE FROM contacts WHERE customer_id = ?");
  const shipTo = upsert(
    client,
    "ship_tos",
    ["id", "customer_id", "label", "street", "postal_code", "city", "country", "region", "is_default"],
    ["id"],
  );
  const contact = upsert(client, "contacts", ["id", "customer_id", "name", "email", "role", "language"], ["id"]);
  each("customers", doc.customers, progress, (c) => {
    customer.run(
      c.id,
      c.name,
      c.tier,
      n(c.priceList),
      c.currency,
      c.creditLimitCents,
      c.openBalanceCents,
      c.paymentTerms,
      b(c.blocked),
      n(c.blockedReason),
      c.region,
      b(c.partialShipment),
      JSON.stringify(c.certifications),
      c.language,
    );
    delShipTos.run(c.id);
    delContacts.run(c.id);
    for (const s of c.shipTos)
      shipTo.run(s.id, c.id, s.label, s.street, s.postalCode, s.city, s.country, s.region, b(s.isDefault));
    for (const k of c.contacts) contact.run(k.id, c.id, k.name, k.email, n(k.role), k.language);
  });

  const contract = upsert(
    client,
    "contract_prices",
    ["customer_id", "sku", "min_qty", "price_cents", "valid_from", "valid_to"],
    ["customer_id", "sku", "min_qty", "valid_from"],
  );
  each("contractPrices", doc.contractPrices, progress, (p) =>
    contract.run(p.customer, p.sku, p.minQty, p.priceCents, p.validFrom, n(p.validTo)),
  );

  const machine = upsert(
    client,
    "machines",
    ["id", "customer_id", "model", "serial", "label", "site", "installed_at", "operating_data", "components"],
    ["id"],
  );
  each("machines", doc.machines, progress, (m) =>
    machine.run(
      m.id,
      m.customer,
      m.model,
      m.serial,
      m.label,
      m.site,
      n(m.installedAt),
      JSON.stringify(m.operatingData),
      JSON.stringify(m.components),
    ),
  );
}

function writeHistory(client: Database.Database, doc: ParsedImport, progress?: Progress): void {
  const order = upsert(client, "order_history", ["id", "customer_id", "ordered_at", "reference"], ["id"]);
  const delLines = client.prepare("DELETE FROM order_history_lines WHERE order_id = ?");
  const line = client.prepare(
    "INSERT INTO order_history_lines (order_id, line_no, sku, quantity, unit_price_cents, machine_id) VALUES (?, ?, ?, ?, ?, ?)",
  );
  each("orderHistory", doc.orderHistory, progress, (o) => {
    order.run(o.id, o.customer, o.orderedAt, n(o.reference));
    delLines.run(o.id);
    o.lines.forEach((l, i) => line.run(o.id, i + 1, l.sku, l.quantity, n(l.unitPriceCents), n(l.machine)));
  });
}

/** Tables the import writes, for before/after counts in the summary. */
export const IMPORT_TABLES: Partial<Record<SectionName, string>> = {
  languages: "catalog_languages",
  categories: "categories",
  machineModels: "machine_models",
  configModels: "config_models",
  products: "products",
  featureNames: "feature_names",
  synonyms: "synonyms",
  relations: "product_relations",
  fitment: "fitment",
  rules: "compat_rules",
  mediaCompat: "media_compat",
  warehouses: "warehouses",
  stock: "stock",
  inbound: "stock_inbound",
  allocations: "allocation_rules",
  priceLists: "price_lists",
  prices: "price_list_items",
  customers: "customers",
  contractPrices: "contract_prices",
  machines: "machines",
  orderHistory: "order_history",
  policy: "approval_policies",
};
