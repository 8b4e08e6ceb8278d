/**
 * Cross-reference and duplicate checks over the validated rows: every reference must point at a row
 * of the same import or one already in the database, and no key may appear twice in one import.
 * Runs after the row schemas, so it only sees well-formed rows; keys of rejected rows still count as
 * present so that one bad product does not also flag every relation that points at it.
 */
import type Database from "better-sqlite3";
import type { ParsedImport, SectionName } from "./format.ts";
import type { ImportProblem, RowOrigin } from "./errors.ts";
import type { ImportSource } from "./read.ts";
import { isPartialRow, type ValidRows } from "./validate.ts";
import { checkConfigModel } from "./config-checks.ts";
import { checkRuleKeys } from "./rule-keys.ts";

/** A referenceable key space: the keys of this import plus the rows of one table (looked up lazily, cached). */
class KeySpace {
  private readonly cache = new Map<string, boolean>();
  private readonly lookup: Database.Statement | undefined;
  constructor(
    readonly label: string,
    readonly inImport: Set<string>,
    client: Database.Database,
    table: string,
    column: string,
  ) {
    // On a fresh database there is nothing to look up: skip a prepared query per reference.
    const empty = client.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
    this.lookup = empty ? undefined : client.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ?`);
  }
  has(key: string): boolean {
    if (this.inImport.has(key)) return true;
    if (!this.lookup) return false;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.lookup.get(key) !== undefined;
      this.cache.set(key, found);
    }
    return found;
  }
}

/** Keys of the raw rows of a section (valid or not), trimmed as the schemas trim them. */
function rawKeys(source: ImportSource, section: SectionName, field: string): Set<string> {
  const keys = new Set<string>();
  for (const row of source.sections[section] ?? []) {
    const v = (row as Record<string, unknown> | null)?.[field];
    if (typeof v === "string") keys.add(v.trim());
  }
  return keys;
}

/** Appends every dangling reference and duplicate key to `problems`. */
export function checkReferences(
  client: Database.Database,
  source: ImportSource,
  valid: ValidRows,
  problems: ImportProblem[],
): void {
  const doc: ParsedImport = valid.parsed;
  const space = (section: SectionName, field: string, table: string, column: string, label: string) =>
    new KeySpace(label, rawKeys(source, section, field), client, table, column);
  const categories = space("categories", "code", "categories", "code", "category");
  const models = space("machineModels", "code", "machine_models", "code", "machine model");
  const configModels = space("configModels", "id", "config_models", "id", "configuration model");
  const products = space("products", "sku", "products", "sku", "product");
  const warehouses = space("warehouses", "code", "warehouses", "code", "warehouse");
  const priceLists = space("priceLists", "id", "price_lists", "id", "price list");
  const customers = space("customers", "id", "customers", "id", "customer");
  const machines = space("machines", "id", "machines", "id", "machine");

  /** Reports problems for rows of one section: `at(i, field, reason)`. */
  const reporter = (section: SectionName) => {
    const origins = valid.origins[section] ?? [];
    const at = (i: number, field: string, reason: string) => {
      const origin: RowOrigin = origins[i] ?? { file: "document", path: `${section}[${i}]` };
      problems.push({ ...origin, field, reason });
    };
    const ref = (i: number, field: string, keys: KeySpace, key: string | undefined) => {
      if (key !== undefined && !keys.has(key))
        at(i, field, `unknown ${keys.label} "${key}" (not in this import nor in the database)`);
    };
    const seen = new Map<string, number>();
    const unique = (i: number, field: string, key: string | undefined, what: string) => {
      if (key === undefined) return; // a field of the key was invalid: already reported
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else {
        const o = origins[first];
        at(i, field, `duplicate ${what} (first at ${o ? `${o.file}:${o.path}` : first})`);
      }
    };
    return { at, ref, unique };
  };
  // Composite keys; undefined when a required part is missing from a rejected row. Optional parts go through opt().
  const k = (...parts: (string | number | undefined)[]) =>
    parts.some((p) => p === undefined) ? undefined : parts.map(String).join("\u0000");
  const opt = (part: string | undefined) => part ?? "\u0001";

  {
    const r = reporter("categories");
    const parentInImport = new Map((doc.categories ?? []).map((c) => [c.code, c.parent]));
    const dbParent = client.prepare("SELECT parent_code AS parent FROM categories WHERE code = ?");
    const parentOf = (code: string): string | undefined =>
      parentInImport.has(code)
        ? parentInImport.get(code)
        : ((dbParent.get(code) as { parent: string | null } | undefined)?.parent ?? undefined);
    doc.categories?.forEach((c, i) => {
      r.unique(i, "code", c.code, `category "${c.code}"`);
      r.ref(i, "parent", categories, c.parent);
      const chain = [c.code];
      for (let at = c.parent; at !== undefined && chain.length < 1000; at = parentOf(at)) {
        chain.push(at);
        if (at === c.code) {
          r.at(i, "parent", `category cycle: ${chain.join(" → ")}`);
          break;
        }
      }
    });
  }
  {
    const r = reporter("machineModels");
    doc.machineModels?.forEach((m, i) => {
      r.unique(i, "code", m.code, `machine model "${m.code}"`);
      r.ref(i, "category", categories, m.category);
    });
  }
  {
    const r = reporter("configModels");
    doc.configModels?.forEach((m, i) => {
      r.unique(i, "id", m.id, `configuration model "${m.id}"`);
      if (!isPartialRow(m)) for (const [field, reason] of checkConfigModel(m)) r.at(i, field, reason);
    });
  }
  {
    const r = reporter("products");
    doc.products?.forEach((p, i) => {
      r.unique(i, "sku", p.sku, `SKU "${p.sku}"`);
      r.ref(i, "category", categories, p.category);
      if (p.successor !== undefined && p.successor === p.sku)
        r.at(i, "successor", "a product cannot be its own successor");
      else r.ref(i, "successor", products, p.successor);
      r.ref(i, "configModel", configModels, p.configModel);
      r.ref(i, "machineModel", models, p.machineModel);
    });
  }
  {
    const r = reporter("relations");
    doc.relations?.forEach((x, i) => {
      r.unique(i, "target", k(x.sku, x.type, x.target), `relation ${x.sku} ${x.type} ${x.target}`);
      r.ref(i, "sku", products, x.sku);
      if (x.target !== undefined && x.target === x.sku) r.at(i, "target", "a product cannot relate to itself");
      else r.ref(i, "target", products, x.target);
    });
  }
  {
    const r = reporter("fitment");
    doc.fitment?.forEach((f, i) => {
      r.unique(
        i,
        "machineModel",
        k(f.part, f.machineModel, opt(f.serialFrom), opt(f.serialTo)),
        `fitment ${f.part} → ${f.machineModel}`,
      );
      r.ref(i, "part", products, f.part);
      r.ref(i, "machineModel", models, f.machineModel);
    });
  }
  {
    const r = reporter("rules");
    doc.rules?.forEach((x, i) => {
      r.unique(i, "code", x.code, `rule "${x.code}"`);
      r.ref(i, "category", categories, x.category);
      r.ref(i, "otherCategory", categories, x.otherCategory);
    });
  }
  {
    const r = reporter("mediaCompat");
    doc.mediaCompat?.forEach((m, i) =>
      r.unique(i, "medium", k(m.material, m.medium), `pair ${m.material} / ${m.medium}`),
    );
  }
  {
    const r = reporter("warehouses");
    doc.warehouses?.forEach((w, i) => r.unique(i, "code", w.code, `warehouse "${w.code}"`));
  }
  {
    const r = reporter("stock");
    doc.stock?.forEach((s, i) => {
      r.unique(i, "warehouse", k(s.sku, s.warehouse), `stock row for ${s.sku} in ${s.warehouse}`);
      r.ref(i, "sku", products, s.sku);
      r.ref(i, "warehouse", warehouses, s.warehouse);
    });
  }
  {
    const r = reporter("inbound");
    doc.inbound?.forEach((s, i) => {
      r.unique(i, "eta", k(s.sku, s.warehouse, s.eta), `inbound ${s.sku} to ${s.warehouse} on ${s.eta}`);
      r.ref(i, "sku", products, s.sku);
      r.ref(i, "warehouse", warehouses, s.warehouse);
    });
  }
  {
    const r = reporter("allocations");
    doc.allocations?.forEach((a, i) => {
      r.unique(i, "forTier", k(a.sku, opt(a.warehouse), a.forTier), `allocation of ${a.sku} for ${a.forTier}`);
      r.ref(i, "sku", products, a.sku);
      r.ref(i, "warehouse", warehouses, a.warehouse);
    });
  }
  {
    const r = reporter("priceLists");
    doc.priceLists?.forEach((p, i) => r.unique(i, "id", p.id, `price list "${p.id}"`));
  }
  {
    const r = reporter("prices");
    doc.prices?.forEach((p, i) => {
      r.unique(i, "minQty", k(p.priceList, p.sku, p.minQty), `price for ${p.sku} in ${p.priceList} from ${p.minQty}`);
      r.ref(i, "priceList", priceLists, p.priceList);
      r.ref(i, "sku", products, p.sku);
    });
  }
  checkCustomers(client, doc, reporter("customers"), priceLists);
  {
    const r = reporter("contractPrices");
    doc.contractPrices?.forEach((p, i) => {
      r.unique(
        i,
        "validFrom",
        k(p.customer, p.sku, p.minQty, p.validFrom),
        `contract price for ${p.customer} / ${p.sku} from ${p.minQty} valid ${p.validFrom}`,
      );
      r.ref(i, "customer", customers, p.customer);
      r.ref(i, "sku", products, p.sku);
    });
  }
  const machineCustomer = new Map((doc.machines ?? []).map((m) => [m.id, m.customer]));
  {
    const r = reporter("machines");
    doc.machines?.forEach((m, i) => {
      r.unique(i, "id", m.id, `machine "${m.id}"`);
      r.ref(i, "customer", customers, m.customer);
      r.ref(i, "model", models, m.model);
      m.components.forEach((c, j) => r.ref(i, `components[${j}]`, products, c));
    });
  }
  {
    const r = reporter("orderHistory");
    const dbMachineCustomer = client.prepare("SELECT customer_id AS customer FROM machines WHERE id = ?");
    doc.orderHistory?.forEach((o, i) => {
      r.unique(i, "id", o.id, `order "${o.id}"`);
      r.ref(i, "customer", customers, o.customer);
      o.lines?.forEach((l, j) => {
        r.ref(i, `lines[${j}].sku`, products, l.sku);
        if (l.machine === undefined) return;
        if (!machines.has(l.machine)) return r.ref(i, `lines[${j}].machine`, machines, l.machine);
        const owner =
          machineCustomer.get(l.machine) ??
          (dbMachineCustomer.get(l.machine) as { customer: string } | undefined)?.customer;
        // Only between known customers: otherwise the unknown customer is the one problem to report.
        if (owner !== undefined && owner !== o.customer && customers.has(owner) && customers.has(o.customer))
          r.at(i, `lines[${j}].machine`, `machine "${l.machine}" belongs to customer "${owner}", not "${o.customer}"`);
      });
    });
  }
  {
    const r = reporter("policy");
    doc.policy?.forEach((p, i) => r.unique(i, "id", p.id, `policy "${p.id}"`));
  }
  checkRuleKeys(client, valid, problems);
}

type Reporter = {
  at: (i: number, field: string, reason: string) => void;
  ref: (i: number, field: string, keys: KeySpace, key: string | undefined) => void;
  unique: (i: number, field: string, key: string | undefined, what: string) => void;
};

function checkCustomers(client: Database.Database, doc: ParsedImport, r: Reporter, priceLists: KeySpace): void {
  const rows = doc.customers ?? [];
  // Ship-to and contact ids are global: one must not silently move from a customer outside this import.
  const importedCustomers = new Set(rows.map((c) => c.id));
  const shipToOwner = client.prepare("SELECT customer_id AS owner FROM ship_tos WHERE id = ?");
  const contactOwner = client.prepare("SELECT customer_id AS owner FROM contacts WHERE id = ?");
  const shipTos = new Map<string, string>();
  const contacts = new Map<string, string>();
  rows.forEach((c, i) => {
    r.unique(i, "id", c.id, `customer "${c.id}"`);
    r.ref(i, "priceList", priceLists, c.priceList);
    if (c.shipTos.filter((s) => s.isDefault).length > 1) r.at(i, "shipTos", "more than one default ship-to");
    c.shipTos.forEach((s, j) => {
      const first = shipTos.get(s.id);
      if (first !== undefined)
        r.at(i, `shipTos[${j}].id`, `duplicate ship-to id "${s.id}" (also used by customer "${first}")`);
      shipTos.set(s.id, c.id);
      const owner = (shipToOwner.get(s.id) as { owner: string } | undefined)?.owner;
      if (owner !== undefined && owner !== c.id && !importedCustomers.has(owner))
        r.at(i, `shipTos[${j}].id`, `ship-to id "${s.id}" belongs to customer "${owner}"`);
    });
    c.contacts.forEach((p, j) => {
      const first = contacts.get(p.id);
      if (first !== undefined)
        r.at(i, `contacts[${j}].id`, `duplicate contact id "${p.id}" (also used by customer "${first}")`);
      contacts.set(p.id, c.id);
      const owner = (contactOwner.get(p.id) as { owner: string } | undefined)?.owner;
      if (owner !== undefined && owner !== c.id && !importedCustomers.has(owner))
        r.at(i, `contacts[${j}].id`, `contact id "${p.id}" belongs to customer "${owner}"`);
    });
  });
}
