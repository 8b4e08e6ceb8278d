/**
 * The SQL behind the catalog reader. Batch statements take the SKUs of a whole draft as one JSON array
 * (`json_each`) and have a plain `= ?` twin for a single SKU; hot statements return raw rows (arrays).
 */
import type Database from "better-sqlite3";
import type { RawRow } from "./rows.ts";
import { catalogChanges } from "./version.ts";

export const IN_SKUS = "(SELECT value FROM json_each(?))";

/** A statement over a set of SKUs: `json_each` for many, a plain `= ?` for one (half the cost). */
interface Batch {
  all(skus: readonly string[], before?: unknown[], after?: unknown[]): unknown[];
}

/**
 * An object whose members are made on first use, then kept. A statement costs its preparation (and its finalisation
 * when the connection closes) whether it runs or not; an eval trial opens a fresh catalog copy and its readers use a
 * fraction of these.
 */
function lazily<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as (keyof T)[])
    Object.defineProperty(out, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = makers[key]!();
        Object.defineProperty(out, key, { value, enumerable: true });
        return value;
      },
    });
  return out;
}

/** A value made on first call, then kept: each of a batch's two statements is prepared only when first run. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Every statement the reader uses, prepared on first use, once per database handle. */
export function prepareStatements(sqlite: Database.Database) {
  const q = (sql: string) => sqlite.prepare(sql);
  const qb = (sql: string, raw = false): Batch => {
    // A single SKU or many: a trial's fresh catalog copy often needs only one of the two.
    const many = once(() => (raw ? sqlite.prepare(sql).raw() : sqlite.prepare(sql)));
    const one = once(() => {
      const statement = sqlite.prepare(sql.replace(`IN ${IN_SKUS}`, "= ?"));
      return raw ? statement.raw() : statement;
    });
    return {
      all: (skus, before = [], after = []) =>
        skus.length === 1
          ? one().all(...before, skus[0], ...after)
          : many().all(...before, JSON.stringify(skus), ...after),
    };
  };
  return lazily({
    // Prepared once: `exec` parses the SQL text on every call, twice per validation.
    begin: () => q("BEGIN"),
    commit: () => q("COMMIT"),
    // Two plain statements: one reading `data_version` through the `pragma_data_version` table function costs about
    // 4x both (12.8 vs 2.7 µs on a demo copy), and the reader asks ~28 times an eval trial.
    version: () => {
      const changes = q("SELECT total_changes()").pluck();
      const data = q("PRAGMA data_version").pluck();
      // Without the thread registry's rows (version.ts): binding a thread or recording its status reads no catalog.
      return {
        get: (): [number, number] => [catalogChanges(sqlite, changes.get() as number), data.get() as number],
      };
    },
    products: () =>
      qb(
        `SELECT sku, name, description, category, manufacturer, order_unit, content_unit, content_qty, moq, order_step, max_qty, lead_time_days, lifecycle, successor_sku, list_price_cents, currency, hazardous, requires_certification, blocked_regions, config_model_id, machine_model FROM products WHERE sku IN ${IN_SKUS}`,
        true,
      ),
    features: () =>
      qb(
        `SELECT sku, key, type, num_value, text_value, list_value, bool_value FROM product_features WHERE sku IN ${IN_SKUS}`,
        true,
      ),
    relations: () =>
      qb(`SELECT sku, type, target_sku, quantity, group_name FROM product_relations WHERE sku IN ${IN_SKUS}`, true),
    fitment: () =>
      qb(
        `SELECT part_sku, machine_model, serial_from, serial_to, note FROM fitment WHERE part_sku IN ${IN_SKUS}`,
        true,
      ),
    configModel: () => q("SELECT id, name FROM config_models WHERE id = ?"),
    configGroups: () =>
      q(
        "SELECT code, label, min_choices, max_choices, default_value FROM config_groups WHERE model_id = ? ORDER BY position, rowid",
      ),
    configOptions: () =>
      q(
        "SELECT group_code, value, label, price_delta_cents, features, features_when FROM config_options WHERE model_id = ? ORDER BY rowid",
      ),
    configConstraints: () =>
      q(
        "SELECT kind, if_group, if_value, then_group, then_value FROM config_constraints WHERE model_id = ? ORDER BY id",
      ),
    compatRules: () => q("SELECT * FROM compat_rules ORDER BY code"),
    media: () => q("SELECT material, medium, rating FROM media_compat"),
    warehouses: () => q("SELECT * FROM warehouses ORDER BY code"),
    // Everything about availability in one statement (kind 0 stock, 1 active holds on on-hand stock, 2 inbound,
    // 3 protections, 4 active holds per inbound row). A hold on an inbound row that is gone (the delivery arrived
    // and was booked into on hand) holds on-hand stock of its warehouse.
    stock: () =>
      (() => {
        const sql = (match: string) => `
        SELECT 0, sku, warehouse, on_hand, reserved, NULL, NULL FROM stock WHERE sku ${match}
        UNION ALL SELECT 1, r.sku, r.warehouse, SUM(r.quantity), NULL, NULL, NULL FROM reservations r
          WHERE r.sku ${match} AND (r.expires_at IS NULL OR r.expires_at > @now)
            AND (r.inbound_id IS NULL OR NOT EXISTS (SELECT 1 FROM stock_inbound i WHERE i.id = r.inbound_id))
          GROUP BY r.sku, r.warehouse
        UNION ALL SELECT 2, sku, warehouse, quantity, eta, reference, id FROM stock_inbound WHERE sku ${match}
        UNION ALL SELECT 3, sku, warehouse, protected_qty, for_tier, NULL, NULL FROM allocation_rules WHERE sku ${match}
        UNION ALL SELECT 4, sku, warehouse, SUM(quantity), NULL, NULL, inbound_id FROM reservations
          WHERE sku ${match} AND inbound_id IS NOT NULL AND (expires_at IS NULL OR expires_at > @now) GROUP BY sku, inbound_id`;
        const many = once(() => sqlite.prepare(sql("IN (SELECT value FROM json_each(@skus))")).raw());
        const one = once(() => sqlite.prepare(sql("= @sku")).raw());
        return {
          all: (skus: readonly string[], now: string) =>
            (skus.length === 1
              ? one().all({ sku: skus[0], now })
              : many().all({ skus: JSON.stringify(skus), now })) as RawRow[],
        };
      })(),
    customer: () => q("SELECT * FROM customers WHERE id = ?"),
    // Orders the shield handed off that the ERP has not booked into the open balance yet (see UNBOOKED in reader.ts).
    unbookedOrders: () =>
      q(
        `SELECT COUNT(*) AS n, COALESCE(SUM(total_cents), 0) AS cents FROM orders
       WHERE customer_id = ? AND status NOT IN (SELECT value FROM json_each(?))`,
      ),
    shipTos: () =>
      q(
        "SELECT id, label, street, postal_code, city, country, region, is_default FROM ship_tos WHERE customer_id = ? ORDER BY is_default DESC, id",
      ),
    machines: () =>
      q(
        `SELECT m.id, m.model, mm.name AS model_name, mm.features, m.serial, m.label, m.site, m.operating_data, m.components
       FROM machines m JOIN machine_models mm ON mm.code = m.model WHERE m.customer_id = ? ORDER BY m.id`,
      ),
    // Contract rows (kind 0) and price-list breaks (kind 1) in one statement, by ascending minimum quantity.
    prices: () =>
      (() => {
        const sql = (match: string) => `
        SELECT 0 AS kind, sku, min_qty, price_cents, valid_from, valid_to FROM contract_prices
          WHERE customer_id = @customer AND sku ${match}
        UNION ALL SELECT 1, sku, min_qty, price_cents, NULL, NULL FROM price_list_items
          WHERE price_list_id = @list AND sku ${match}
        ORDER BY 3`;
        const many = once(() => sqlite.prepare(sql("IN (SELECT value FROM json_each(@skus))")).raw());
        const one = once(() => sqlite.prepare(sql("= @sku")).raw());
        return {
          all: (skus: readonly string[], customer: string, list: string | null) =>
            (skus.length === 1
              ? one().all({ sku: skus[0], customer, list })
              : many().all({ skus: JSON.stringify(skus), customer, list })) as RawRow[],
        };
      })(),
    policies: () => q("SELECT * FROM approval_policies ORDER BY id"),
    history: () =>
      q(
        `SELECT h.id, h.ordered_at, h.reference, l.line_no, l.sku, l.quantity, l.unit_price_cents, l.machine_id
       FROM order_history h JOIN order_history_lines l ON l.order_id = h.id
       WHERE h.customer_id = ? AND h.id IN (SELECT id FROM order_history WHERE customer_id = ? ORDER BY ordered_at DESC LIMIT ?)
       ORDER BY h.ordered_at DESC, h.id, l.line_no`,
      ),
    skuTrigram: () =>
      q(
        `SELECT p.sku FROM product_sku_search s JOIN products p ON p.rowid = s.rowid
       WHERE product_sku_search MATCH ? ORDER BY rank LIMIT 60`,
      ),
    skuPrefix: () => q("SELECT sku FROM products WHERE sku >= ? AND sku < ? ORDER BY sku LIMIT 60"),
    altFitting: () =>
      q(
        `SELECT p.sku, p.name, p.category, p.lifecycle,
         COALESCE((SELECT SUM(MAX(s.on_hand - s.reserved, 0)) FROM stock s WHERE s.sku = p.sku), 0) AS free
       FROM fitment f JOIN products p ON p.sku = f.part_sku
       WHERE f.machine_model = ? AND p.category = ? AND p.lifecycle = 'active'
       GROUP BY p.sku ORDER BY free DESC, p.sku LIMIT ?`,
      ),
    // Same-category products near the original SKU (neighbours in SKU order are usually the same family; each
    // direction scans at most 80 SKUs), plus the category's first products as a fallback.
    altCategory: () =>
      q(
        `SELECT p.sku, p.name, p.category, p.lifecycle,
         COALESCE((SELECT SUM(MAX(s.on_hand - s.reserved, 0)) FROM stock s WHERE s.sku = p.sku), 0) AS free
       FROM (
         SELECT sku, name, category, lifecycle FROM (SELECT sku, name, category, lifecycle FROM products WHERE sku >= @near ORDER BY sku LIMIT 80)
           WHERE category = @category AND lifecycle = 'active'
         UNION
         SELECT sku, name, category, lifecycle FROM (SELECT sku, name, category, lifecycle FROM products WHERE sku < @near ORDER BY sku DESC LIMIT 80)
           WHERE category = @category AND lifecycle = 'active'
         UNION
         SELECT * FROM (SELECT sku, name, category, lifecycle FROM products WHERE category = @category AND lifecycle = 'active' LIMIT 40)
       ) p
       ORDER BY free DESC, p.sku LIMIT @limit`,
      ),
  });
}

export type Statements = ReturnType<typeof prepareStatements>;
