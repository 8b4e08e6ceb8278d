/**
 * createCatalogReader(db): the repositories the checks read through. Every statement is prepared once per database
 * handle; batch reads pass the SKUs of a whole draft as one JSON array (`json_each`), so a 50-line order costs one
 * statement per table, not one per line.
 *
 * Small, read-mostly tables (rules, media matrix, warehouses, configuration models, policies) are cached per handle
 * and dropped whenever the database changed — by this connection (`total_changes()`, without the thread registry's
 * rows: version.ts) or another one (`data_version`) — so a check inside the hand-off transaction never sees stale
 * rules. Catalog rows per SKU
 * (product, features, relations, fitment) are cached the same way; stock, prices and handed-off orders are always
 * read fresh. A ROLLBACK changes neither counter, so nothing read inside a caller's transaction after a change is
 * kept: such reads go through a throwaway cache (see `fresh`).
 */
import type Database from "better-sqlite3";
import type {
  AlternativeRecord,
  CatalogReader,
  CompatRuleRecord,
  ConfigModel,
  CustomerRecord,
  FeatureValue,
  FitmentRecord,
  OrderHistoryEntry,
  PolicyRecord,
  ProductRecord,
  RelationRecord,
  SkuPrices,
  StockPosition,
  UnbookedOrders,
  WarehouseRecord,
} from "./types.ts";

import { featureValue, optionFeatures, optionFeaturesWhen, parseJson, toProduct, type RawRow } from "./rows.ts";
import { featureNamesIn, localizedReader } from "./localized.ts";
import { prepareStatements } from "./statements.ts";
import { editDistance, normalizeSku, trigrams } from "./sku-match.ts";

type Row = Record<string, unknown>;
type HasClient = { $client: Database.Database };

/** One reader per database handle (statements are prepared on first use of the handle). */
const readers = new WeakMap<Database.Database, CatalogReader>();

/**
 * Order statuses after which an order is the ERP's business (booked into the open balance, or cancelled/rejected).
 * Every other status — `handed_off` and whatever the delivery pipeline adds before the ERP books it — is still
 * credit exposure: an unknown status counts, so a new status can never open a hole in the credit check.
 */
export const ERP_SETTLED_ORDER_STATUSES = [
  "acknowledged",
  "accepted",
  // accepted with changes, and shipped: the ERP has booked it (server/erp/types.ts ERP_ORDER_STATUSES)
  "changed",
  "shipped",
  "booked",
  "rejected",
  "cancelled",
  "canceled",
  "invoiced",
  "closed",
] as const;
const SETTLED_JSON = JSON.stringify(ERP_SETTLED_ORDER_STATUSES);
const MMAP_BYTES = 512 * 1024 * 1024;

/** `load(key)` once per key in `map`; a miss is remembered as null so absent rows are not re-read either. */
function memoised<T>(map: Map<string, T | null>, key: string, load: () => T | undefined): T | undefined {
  const hit = map.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const value = load();
  map.set(key, value ?? null);
  return value;
}

export function createCatalogReader(db: HasClient | Database.Database): CatalogReader {
  const sqlite = "$client" in db ? db.$client : db;
  let reader = readers.get(sqlite);
  if (!reader) {
    // Checks read rows scattered over the whole catalog; memory-mapped reads skip a copy through the page cache
    // per page (~25 % off a 50-line validation on the 100k catalog). Left alone when the caller chose a size.
    if (sqlite.name !== ":memory:" && sqlite.pragma("mmap_size", { simple: true }) === 0)
      sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    reader = buildReader(sqlite);
    readers.set(sqlite, reader);
  }
  return reader;
}

function buildReader(sqlite: Database.Database): CatalogReader {
  const st = prepareStatements(sqlite);

  // Cache of small tables, dropped when the database changed since it was filled.
  interface Cache {
    rules?: CompatRuleRecord[];
    media?: Map<string, "ok" | "limited" | "no">;
    warehouses?: WarehouseRecord[];
    models: Map<string, ConfigModel | null>;
    policies?: PolicyRecord[];
    customers: Map<string, CustomerRecord | null>;
    alternatives: Map<string, AlternativeRecord[]>;
    perSku: Map<string, Map<string, unknown>>;
  }
  const emptyCache = (): Cache => ({
    models: new Map(),
    customers: new Map(),
    alternatives: new Map(),
    perSku: new Map(),
  });
  let cacheKey = "";
  let cache = emptyCache();
  // Inside a snapshot the database cannot change under us (except by our own writes, which end the snapshot's
  // validity only for callers who write mid-validation — none do), so the version is checked once per snapshot
  // and the snapshot keeps reading through the cache chosen then.
  let inSnapshot = false;
  let ownSnapshot = false;
  let snapshotCache: Cache | undefined;
  /**
   * The cache valid now. The shared cache holds committed data only: it is filled outside transactions or in our
   * own read-only snapshot. Inside a caller's transaction (the hand-off's BEGIN IMMEDIATE, or anybody's BEGIN) a
   * changed version may mean uncommitted writes of this connection, which a ROLLBACK would undo without changing
   * `total_changes()` or `data_version` — so those reads go through a throwaway cache that dies with the call (or
   * the snapshot). An unchanged version there means nothing was written since the cache was filled: it is used.
   */
  const fresh = (): Cache => {
    if (inSnapshot && snapshotCache) return snapshotCache;
    const [t, v] = st.version.get();
    const key = `${t}:${v}`;
    let c = cache;
    if (key !== cacheKey) {
      if (sqlite.inTransaction && !ownSnapshot) c = emptyCache();
      else {
        cacheKey = key;
        cache = c = emptyCache();
      }
    }
    if (inSnapshot) snapshotCache = c;
    return c;
  };

  /**
   * Catalog rows per SKU (product, features, relations, fitment) cached until the database changes: drafts are
   * re-validated on every edit, and alternatives come back for every line of the same category. Stock and prices
   * are never cached. `absent` is what a SKU without rows maps to.
   */
  // Per kind of row. Holds a whole 100k-SKU catalog (about 85 MB of heap, measured on the bench catalog): at 50k the
  // cache was cleared over and over on large catalogs, and those cold re-reads were the engine's p99.
  const PER_SKU_CAP = 200_000;
  function perSku<T>(
    kind: string,
    skus: readonly string[],
    absent: T | undefined,
    load: (missing: string[]) => Map<string, T>,
  ): Map<string, T> {
    const c = fresh();
    let m = c.perSku.get(kind) as Map<string, T | undefined> | undefined;
    if (!m) c.perSku.set(kind, (m = new Map()));
    const out = new Map<string, T>();
    const missing: string[] = [];
    for (const sku of skus) {
      if (m.has(sku)) {
        const v = m.get(sku);
        if (v !== undefined) out.set(sku, v);
      } else missing.push(sku);
    }
    if (missing.length > 0) {
      const loaded = load(missing);
      if (m.size + missing.length > PER_SKU_CAP) m.clear();
      for (const sku of missing) {
        const v = loaded.get(sku) ?? absent;
        m.set(sku, v);
        if (v !== undefined) out.set(sku, v);
      }
    }
    return out;
  }

  const reader: CatalogReader = {
    snapshot(fn) {
      // One read transaction for all the reads of a validation: a consistent snapshot, and SQLite starts one
      // transaction instead of one per statement. Inside a caller's transaction (the hand-off) it just runs.
      if (inSnapshot) return fn();
      const own = !sqlite.inTransaction;
      if (own) st.begin.run();
      inSnapshot = true;
      ownSnapshot = own;
      snapshotCache = undefined;
      try {
        return fn();
      } finally {
        inSnapshot = false;
        ownSnapshot = false;
        snapshotCache = undefined;
        if (own && sqlite.inTransaction) st.commit.run();
      }
    },

    steady(fn) {
      // Synchronous and writing nothing: no other read or write of this connection can come between its reads (and
      // another connection's commit in between is read after it, as a snapshot would), so one version check serves
      // them all. The cache it settles on is the one a read at its start would use.
      if (inSnapshot) return fn();
      inSnapshot = true;
      ownSnapshot = false;
      snapshotCache = undefined;
      try {
        return fn();
      } finally {
        inSnapshot = false;
        snapshotCache = undefined;
      }
    },

    products(skus) {
      return perSku<ProductRecord>("products", skus, undefined, (missing) => {
        const out = new Map<string, ProductRecord>();
        for (const r of st.products.all(missing) as RawRow[]) out.set(r[0] as string, toProduct(r));
        return out;
      });
    },

    features(skus) {
      return perSku<Record<string, FeatureValue>>("features", skus, undefined, (missing) => {
        const out = new Map<string, Record<string, FeatureValue>>();
        for (const r of st.features.all(missing) as RawRow[]) {
          const value = featureValue(r);
          if (value === undefined || value === null) continue;
          let f = out.get(r[0] as string);
          if (!f) out.set(r[0] as string, (f = {}));
          f[r[1] as string] = value;
        }
        return out;
      });
    },

    relations(skus, types) {
      const bySku = perSku<RelationRecord[]>("relations", skus, [], (missing) => {
        const out = new Map<string, RelationRecord[]>();
        for (const r of st.relations.all(missing) as RawRow[]) {
          const rec: RelationRecord = {
            sku: r[0] as string,
            type: r[1] as string,
            targetSku: r[2] as string,
            quantity: r[3] as number,
            groupName: (r[4] as string | null) ?? null,
          };
          const list = out.get(rec.sku);
          if (list) list.push(rec);
          else out.set(rec.sku, [rec]);
        }
        return out;
      });
      const rows = [...bySku.values()].flat();
      return types ? rows.filter((r) => types.includes(r.type)) : rows;
    },

    fitment(skus) {
      return perSku<FitmentRecord[]>("fitment", skus, undefined, (missing) => {
        const out = new Map<string, FitmentRecord[]>();
        for (const r of st.fitment.all(missing) as RawRow[]) {
          const rec: FitmentRecord = {
            partSku: r[0] as string,
            machineModel: r[1] as string,
            serialFrom: (r[2] as string | null) ?? null,
            serialTo: (r[3] as string | null) ?? null,
            note: (r[4] as string | null) ?? null,
          };
          const list = out.get(rec.partSku);
          if (list) list.push(rec);
          else out.set(rec.partSku, [rec]);
        }
        return out;
      });
    },

    configModel(id) {
      return memoised(fresh().models, id, () => {
        const m = st.configModel.get(id) as Row | undefined;
        if (!m) return undefined;
        const options = st.configOptions.all(id) as Row[];
        const model: ConfigModel = {
          id,
          name: m.name as string,
          groups: (st.configGroups.all(id) as Row[]).map((g) => ({
            code: g.code as string,
            label: g.label as string,
            min: g.min_choices as number,
            max: g.max_choices as number,
            defaultValue: (g.default_value as string | null) ?? null,
            options: options
              .filter((o) => o.group_code === g.code)
              .map((o) => {
                const when = optionFeaturesWhen(o.features_when);
                return {
                  value: o.value as string,
                  label: o.label as string,
                  priceDeltaCents: o.price_delta_cents as number,
                  features: optionFeatures(o.features),
                  ...(when.length > 0 ? { featuresWhen: when } : {}),
                };
              }),
          })),
          constraints: (st.configConstraints.all(id) as Row[]).map((k) => ({
            kind: k.kind as "requires" | "excludes",
            ifGroup: k.if_group as string,
            ifValue: k.if_value as string,
            thenGroup: k.then_group as string,
            thenValue: k.then_value as string,
          })),
        };
        return model;
      });
    },

    compatRules() {
      const c = fresh();
      return (c.rules ??= (st.compatRules.all() as Row[]).map((r) => ({
        code: r.code as string,
        scope: r.scope as "machine" | "line",
        category: (r.category as string | null) ?? null,
        feature: r.feature as string,
        operator: r.operator as CompatRuleRecord["operator"],
        otherKey: r.other_key as string,
        otherCategory: (r.other_category as string | null) ?? null,
        severity: r.severity as CompatRuleRecord["severity"],
        message: r.message as string,
      })));
    },

    mediaRating(material, medium) {
      const c = fresh();
      c.media ??= new Map(
        (st.media.all() as Row[]).map((r) => [
          `${String(r.material).toLowerCase()}|${String(r.medium).toLowerCase()}`,
          r.rating as "ok" | "limited" | "no",
        ]),
      );
      return c.media.get(`${material.toLowerCase()}|${medium.toLowerCase()}`);
    },

    warehouses() {
      const c = fresh();
      return (c.warehouses ??= (st.warehouses.all() as Row[]).map((r) => ({
        code: r.code as string,
        name: r.name as string,
        region: r.region as string,
        shipDaysLocal: r.ship_days_local as number,
        shipDaysRemote: r.ship_days_remote as number,
      })));
    },

    stock(skus, now) {
      const out = new Map<string, StockPosition>();
      if (skus.length === 0) return out;
      const pos = (sku: string) => {
        let p = out.get(sku);
        if (!p) out.set(sku, (p = { sku, warehouses: [], inbound: [], allocations: [] }));
        return p;
      };
      const held: RawRow[] = [];
      const heldInbound: RawRow[] = [];
      for (const r of st.stock.all(skus, now)) {
        const p = pos(r[1] as string);
        switch (r[0]) {
          case 0:
            p.warehouses.push({ warehouse: r[2] as string, onHand: r[3] as number, reserved: r[4] as number, held: 0 });
            break;
          case 1:
            held.push(r);
            break;
          case 2:
            p.inbound.push({
              id: r[6] as number,
              warehouse: r[2] as string,
              quantity: r[3] as number,
              held: 0,
              eta: r[4] as string,
              reference: (r[5] as string | null) ?? null,
            });
            break;
          case 4:
            heldInbound.push(r);
            break;
          default:
            p.allocations.push({
              warehouse: (r[2] as string | null) ?? null,
              protectedQty: r[3] as number,
              forTier: r[4] as string,
            });
        }
      }
      for (const r of held) {
        const p = pos(r[1] as string);
        const w = p.warehouses.find((x) => x.warehouse === r[2]);
        if (w) w.held += r[3] as number;
        else p.warehouses.push({ warehouse: r[2] as string, onHand: 0, reserved: 0, held: r[3] as number });
      }
      for (const r of heldInbound) {
        const ib = out.get(r[1] as string)?.inbound.find((x) => x.id === r[6]);
        if (ib) ib.held += r[3] as number;
      }
      for (const p of out.values())
        if (p.inbound.length > 1) p.inbound.sort((x, y) => (x.eta < y.eta ? -1 : x.eta > y.eta ? 1 : 0));
      return out;
    },

    customer(id) {
      return memoised(fresh().customers, id, () => {
        const r = st.customer.get(id) as Row | undefined;
        if (!r) return undefined;
        const customer: CustomerRecord = {
          id,
          name: r.name as string,
          tier: r.tier as string,
          priceListId: (r.price_list_id as string | null) ?? null,
          currency: r.currency as string,
          creditLimitCents: r.credit_limit_cents as number,
          openBalanceCents: r.open_balance_cents as number,
          paymentTerms: r.payment_terms as string,
          blocked: r.blocked === 1,
          blockedReason: (r.blocked_reason as string | null) ?? null,
          region: r.region as string,
          partialShipment: r.partial_shipment === 1,
          certifications: parseJson<string[]>(r.certifications, []),
          language: r.language as string,
          shipTos: (st.shipTos.all(id) as Row[]).map((s) => ({
            id: s.id as string,
            label: s.label as string,
            street: s.street as string,
            postalCode: s.postal_code as string,
            city: s.city as string,
            country: s.country as string,
            region: s.region as string,
            isDefault: s.is_default === 1,
          })),
          machines: (st.machines.all(id) as Row[]).map((m) => ({
            id: m.id as string,
            model: m.model as string,
            modelName: m.model_name as string,
            serial: m.serial as string,
            label: m.label as string,
            site: m.site as string,
            attributes: {
              ...parseJson<Record<string, string | number | boolean>>(m.features, {}),
              ...parseJson<Record<string, string | number | boolean>>(m.operating_data, {}),
            },
            components: parseJson<string[]>(m.components, []),
          })),
        };
        return customer;
      });
    },

    unbookedOrders(customerId): UnbookedOrders {
      const r = st.unbookedOrders.get(customerId, SETTLED_JSON) as { n: number; cents: number };
      return { count: r.n, totalCents: r.cents };
    },

    prices(customerId, priceListId, skus) {
      const out = new Map<string, SkuPrices>();
      if (skus.length === 0) return out;
      const get = (sku: string) => {
        let p = out.get(sku);
        if (!p) out.set(sku, (p = { contract: [], priceList: [] }));
        return p;
      };
      for (const r of st.prices.all(skus, customerId, priceListId)) {
        if (r[0] === 0)
          get(r[1] as string).contract.push({
            minQty: r[2] as number,
            priceCents: r[3] as number,
            validFrom: r[4] as string,
            validTo: (r[5] as string | null) ?? null,
          });
        else get(r[1] as string).priceList.push({ minQty: r[2] as number, priceCents: r[3] as number });
      }
      return out;
    },

    policy(tier) {
      const c = fresh();
      const all = (c.policies ??= (st.policies.all() as Row[]).map((r) => ({
        id: r.id as string,
        tier: (r.tier as string | null) ?? null,
        currency: r.currency as string,
        maxOrderValueCents: r.max_order_value_cents as number,
        maxDiscountPct: r.max_discount_pct as number,
        maxCreditOverrunCents: r.max_credit_overrun_cents as number,
        minOrderValueCents: r.min_order_value_cents as number,
      })));
      return (
        all.find((p) => p.tier === tier) ?? all.find((p) => p.id === "default") ?? all.find((p) => p.tier === null)
      );
    },

    orderHistory(customerId, limit = 20) {
      return (st.history.all(customerId, customerId, limit) as Row[]).map(
        (r): OrderHistoryEntry => ({
          orderId: r.id as string,
          orderedAt: r.ordered_at as string,
          reference: (r.reference as string | null) ?? null,
          lineNo: r.line_no as number,
          sku: r.sku as string,
          quantity: r.quantity as number,
          unitPriceCents: (r.unit_price_cents as number | null) ?? null,
          machineId: (r.machine_id as string | null) ?? null,
        }),
      );
    },

    suggestSkus(input, limit = 5) {
      const raw = String(input ?? "").trim();
      if (!raw) return [];
      const norm = normalizeSku(raw);
      const candidates = new Set<string>();
      const upper = raw.toUpperCase();
      for (const prefix of [upper.slice(0, Math.max(3, upper.length - 2)), upper.slice(0, 3)]) {
        for (const r of st.skuPrefix.all(prefix, `${prefix}\uffff`) as Row[]) candidates.add(r.sku as string);
        if (candidates.size >= 10) break;
      }
      const grams = trigrams(raw.replace(/"/g, ""));
      if (grams.length > 0) {
        try {
          const match = grams.map((g) => `"${g}"`).join(" OR ");
          for (const r of st.skuTrigram.all(match) as Row[]) candidates.add(r.sku as string);
        } catch {
          // A malformed MATCH expression only costs suggestions, never the check.
        }
      }
      return [...candidates]
        .map((sku) => ({ sku, d: editDistance(norm, normalizeSku(sku)) }))
        .filter((c) => c.d <= Math.max(2, Math.ceil(norm.length / 3)))
        .sort((a, b) => a.d - b.d || a.sku.localeCompare(b.sku))
        .slice(0, limit)
        .map((c) => c.sku);
    },

    alternatives(category, machineModel, limit = 20, nearSku = "") {
      const c = fresh();
      const key = `${category}\u0000${machineModel ?? ""}\u0000${limit}\u0000${machineModel ? "" : nearSku}`;
      const hit = c.alternatives.get(key);
      if (hit) return hit;
      const rows = (
        machineModel
          ? st.altFitting.all(machineModel, category, limit)
          : st.altCategory.all({ category, limit, near: nearSku })
      ) as Row[];
      const out = rows.map(
        (r): AlternativeRecord => ({
          sku: r.sku as string,
          name: r.name as string,
          category: r.category as string,
          lifecycle: r.lifecycle as string,
          freeStock: r.free as number,
        }),
      );
      if (c.alternatives.size > 5000) c.alternatives.clear();
      c.alternatives.set(key, out);
      return out;
    },
    inLanguage: (locale) => localizedReader(reader, sqlite, locale),
    featureNames: (locale) => featureNamesIn(sqlite, locale),
  };
  return reader;
}
