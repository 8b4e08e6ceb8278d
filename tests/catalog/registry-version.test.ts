/**
 * The thread registry (who owns a conversation, where it stands for the rep queue) writes on the catalog connection,
 * but no catalog cache reads its rows: binding a thread or recording its status must not make the next turn read the
 * customer, the rules and the synonym list again. A write to the catalog itself still drops what was cached.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogReader, createThreadRegistry } from "../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { DEMO, seedDemo } from "../../catalog/seed/index.ts";

/** The SQL of every statement run on `sqlite` from now on (the version checks left out). */
function statementsRun(sqlite: ReturnType<typeof openDatabase>["$client"]) {
  const proto = Object.getPrototypeOf(sqlite.prepare("SELECT 1")) as Record<string, (...args: never[]) => unknown>;
  const ran: string[] = [];
  for (const method of ["get", "all", "run", "iterate"]) {
    const original = proto[method]!;
    vi.spyOn(proto, method as never).mockImplementation(function (this: { source: string }, ...args: never[]) {
      if (!/total_changes|data_version/.test(this.source)) ran.push(this.source);
      return original.apply(this, args);
    } as never);
  }
  return ran;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the thread registry's writes and the catalog caches", () => {
  it("a thread bound and its status recorded: the customer, the rules and the synonyms come from the caches", () => {
    const db = openDatabase();
    seedDemo(db);
    const reader = createCatalogReader(db);
    const search = createCatalogSearch(db);
    const registry = createThreadRegistry(db);
    const customer = DEMO.customers.platinum;
    const before = { customer: reader.customer(customer), rules: reader.compatRules() };
    search.search({ query: "mechanical seal" });

    registry.claim("t-registry-1", { customerId: customer, channel: "widget" });
    registry.setStatus("t-registry-1", "blocked");
    const ran = statementsRun(db.$client);
    expect(reader.customer(customer)).toEqual(before.customer);
    expect(reader.compatRules()).toEqual(before.rules);
    search.search({ query: "mechanical seal" });
    expect(ran.filter((sql) => /FROM customers|FROM compat_rules|FROM synonyms/.test(sql))).toEqual([]);
  });

  it("a catalog write after the registry's is still seen", () => {
    const db = openDatabase();
    seedDemo(db);
    const reader = createCatalogReader(db);
    const registry = createThreadRegistry(db);
    const customer = DEMO.customers.platinum;
    const name = reader.customer(customer)!.name;
    registry.claim("t-registry-2", { customerId: customer, channel: "widget" });
    db.$client.prepare("UPDATE customers SET name = ? WHERE id = ?").run(`${name} (renamed)`, customer);
    registry.setStatus("t-registry-2", "blocked");
    expect(reader.customer(customer)!.name).toBe(`${name} (renamed)`);
  });
});
