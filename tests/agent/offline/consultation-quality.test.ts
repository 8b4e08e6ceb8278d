/**
 * What a good inside-sales engineer does with the facts the tools return: candidates for a machine ranked by the
 * engine's compatibility verdict (cautions said in a few words), only the kind of product asked for, one order
 * summary at checkout (the confirmation's), every open configuration choice asked at once. Expected facts come from
 * the engine and the catalog, not from literals the model could echo.
 */
import { describe, expect, it } from "vitest";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import { DEMO } from "../../../catalog/seed/index.ts";
import { validateDraft } from "../../../tools/engine.ts";
import { Chat, demoWorld, generatedWorld, outbox, type World } from "./helpers.ts";

const C1001 = DEMO.customers.platinum;

/** The engine's fit verdict for a part on a machine: 0 clean, 1 fits with a caution, 3 does not fit. */
function fitRank(w: World, customerId: string, sku: string, machineId: string): { rank: number; caution?: string } {
  const data = createCatalogReader(w.db);
  const moq = data.products([sku]).get(sku)!.moq;
  const line = validateDraft(
    { lines: [{ lineId: "x", sku, quantity: moq, machineId }] },
    { customerId, now: w.now, data },
  ).lines[0]!;
  const compat = line.issues.filter((i) => i.code.startsWith("compat.") || i.code.startsWith("product."));
  if (compat.some((i) => i.severity === "block")) return { rank: 3 };
  const caution = compat.find((i) => i.severity !== "block");
  return caution ? { rank: 1, caution: caution.message } : { rank: 0 };
}

/** "1) SKU — name ✓ fits…" → the SKUs in listed order. */
const listed = (text: string) => [...text.matchAll(/^\d+\) (\S+) — /gm)].map((m) => m[1]!);

describe("offline consultant: consultation quality", { timeout: 60_000 }, () => {
  it("lists seals for the machine, clean fits first, cautions in a few words, and no configurable pump", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    const t = await chat.say("I need a mechanical seal for pump 2 in hall B");
    const skus = listed(t.text);
    expect(skus.length).toBeGreaterThan(1);
    // Only seals: the configurable pump's description mentions a mechanical seal, but it is not one.
    expect(t.text).not.toContain("PU-NCP-CFG");
    const categories = createCatalogReader(w.db).products(skus);
    for (const sku of skus) expect(categories.get(sku)!.category).toBe(categories.get(skus[0]!)!.category);
    // Ranked by the engine's verdict for Pump 2 (caustic CIP at 80 °C): clean fits before fits with a caution.
    const ranks = skus.map((sku) => fitRank(w, C1001, sku, DEMO.machines.pump2Gen2));
    expect(ranks.map((r) => r.rank)).toEqual([...ranks.map((r) => r.rank)].sort((a, b) => a - b));
    expect(ranks[0]!.rank).toBe(0);
    expect(ranks.some((r) => r.rank === 1)).toBe(true);
    skus.forEach((sku, i) => {
      const line = t.text.split("\n").find((l) => l.includes(`) ${sku} — `))!;
      if (ranks[i]!.rank === 0) expect(line).toMatch(/✓ fits$/);
      if (ranks[i]!.rank === 1) {
        expect(line).toMatch(/✓ fits, but: /);
        // The caution is the engine's own words, shortened: "FKM has only limited resistance to caustic-cip".
        const reason = line.split("✓ fits, but: ")[1]!;
        expect(ranks[i]!.caution).toContain(reason);
        expect(reason).not.toContain(sku);
        expect(reason.length).toBeLessThan(ranks[i]!.caution!.length);
      }
    });
    // The first one is what a buyer gets with "1": a clean line.
    const one = await chat.say("1");
    expect(one.thread.draft.lines).toMatchObject([{ sku: skus[0], machineId: DEMO.machines.pump2Gen2 }]);
    expect(one.text).not.toMatch(/ℹ/);
  });

  it("a 'pump' search lists pumps, not pump control boxes; asked for by name, the control boxes come up", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    const pumps = await new Chat(w, DEMO.customers.listPrices).say("I need a pump for pump 2");
    const skus = listed(pumps.text);
    expect(skus.length).toBeGreaterThan(1);
    const cats = new Set(skus.map((s) => data.products([s]).get(s)!.category));
    expect(cats.size).toBe(1);
    // Single-phase site: three-phase pumps are listed last, with the engine's reason.
    const lines = pumps.text.split("\n").filter((l) => /^\d\) /.test(l));
    const firstMiss = lines.findIndex((l) => l.includes("✗"));
    if (firstMiss >= 0) expect(lines.slice(firstMiss).every((l) => l.includes("✗"))).toBe(true);
    const boxes = await new Chat(w, DEMO.customers.listPrices).say("I need a pump control box for pump 2");
    const boxSkus = listed(boxes.text);
    expect(boxSkus.length).toBeGreaterThan(0);
    for (const s of boxSkus) expect(data.products([s]).get(s)!.name.toLowerCase()).toContain("control box");
    expect(boxes.text).toMatch(/1\) \S+ — .* ✓ fits$/m);
  });

  it("places the order with one summary: the confirmation's; a blocked order is summarised with its issue", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    await chat.say("2 SE-MS28-SIC-FKM for pump 2");
    const place = await chat.say("place the order");
    expect(place.tools).toEqual(["review_order", "place_order"]);
    expect(place.text).not.toMatch(/Total|SE-MS28-SIC-FKM/);
    expect(place.text).toMatch(/Please confirm the order/);
    // The confirmation carries the engine's totals and the caution about the seal material.
    expect(place.thread.pending?.type).toBe("confirm");
    const pending = place.thread.pending as { summary: { totalCents: number; warnings: string[] } };
    expect(pending.summary.totalCents).toBe(place.thread.report!.totals.netCents);
    expect(pending.summary.warnings.join(" ")).toMatch(/limited resistance/);
    expect(outbox(w, chat.threadId)).toHaveLength(0);
    await chat.confirm();
    expect(outbox(w, chat.threadId)).toMatchObject([{ lines: [{ sku: "SE-MS28-SIC-FKM", quantity: 2 }] }]);

    const blocked = new Chat(w, C1001);
    await blocked.say("Add 1 SE-MS24-CC-EPDM for Pump 2");
    const t = await blocked.say("place the order");
    expect(t.tools).toEqual(["review_order"]);
    expect(t.text.match(/Total: /g)).toHaveLength(1);
    expect(t.text).toMatch(/cannot be placed yet/);
    expect(t.thread.pending).toBeNull();
    expect(outbox(w, blocked.threadId)).toHaveLength(0);
  });

  it("asks every open choice of an incomplete pump at checkout, and re-asks them for 'what options are there?' or a value not offered", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    await chat.say("I need a PU-NCP-CFG");
    const which = await chat.say("what options are there?");
    expect(which.tools).toEqual([]);
    expect(which.text).toMatch(/Still to choose for PU-NCP-CFG:\nMotor voltage: /);
    await chat.say("400V");
    const place = await chat.say("place the order");
    expect(place.tools).toEqual(["review_order"]);
    expect(place.text).toMatch(/not fully configured yet/);
    // The open choices come from the engine's issues: every one of them, with the configuration's labels.
    const open = place.thread.report!.lines[0]!.issues.filter((i) => i.code === "config.missing_choice");
    expect(open.length).toBeGreaterThan(1);
    const model = createCatalogReader(w.db).configModel(
      createCatalogReader(w.db).products(["PU-NCP-CFG"]).get("PU-NCP-CFG")!.configModelId!,
    )!;
    for (const i of open) {
      const fix = i.fixes!.find((f) => f.kind === "set_option")!;
      if (fix.kind !== "set_option") throw new Error("no option fix");
      // Each value by its label (the code only where the catalog gives none).
      const group = model.groups.find((g) => g.code === fix.group)!;
      const label = (v: string) => group.options.find((o) => o.value === v)?.label || v;
      expect(place.text).toContain(`${group.label}: ${fix.values.map(label).join(" / ")}`);
    }
    expect(place.text).not.toMatch(/Motor voltage/);
    const wrong = await chat.say("3 kW");
    expect(wrong.tools).toEqual([]);
    expect(wrong.text).toMatch(/not one of the values still possible/);
    const done = await chat.say("2.2 kW, DN32, EPDM, no ATEX");
    expect(done.thread.report?.clean).toBe(true);
    await chat.say("place the order");
    await chat.confirm();
    expect(outbox(w, chat.threadId)[0]!.lines[0]!.components).toEqual(
      expect.arrayContaining([expect.objectContaining({ group: "power", values: ["2.2"] })]),
    );
  });

  it("on a generated catalog, a product-type word lists that type, not other parts whose names mention it", async () => {
    const w = generatedWorld();
    const s = w.db.$client;
    const search = createCatalogSearch(w.db);
    const catName = new Map(
      (s.prepare("SELECT code, name FROM categories").all() as { code: string; name: string }[]).map((c) => [
        c.code,
        `${c.code} ${c.name}`.toLowerCase(),
      ]),
    );
    const leaves = s.prepare("SELECT name FROM categories WHERE parent_code IS NOT NULL ORDER BY code").all() as {
      name: string;
    }[];
    const customer = (
      s.prepare("SELECT id FROM customers WHERE blocked = 0 ORDER BY id LIMIT 1").get() as { id: string }
    ).id;
    let checked = 0;
    for (const { name } of leaves) {
      // "Three-phase motors" → "motor": the type word a buyer would use.
      const word = name.toLowerCase().split(/\s+/).at(-1)!.replace(/s$/, "");
      if (word.length < 4) continue;
      // Only words for which the plain search also returns other kinds of product (e.g. "Motor cable" for "motor").
      const raw = search.search({ query: word, limit: 8 }).slice(0, 5);
      if (!raw.some((h) => !catName.get(h.category)!.includes(word))) continue;
      const t = await new Chat(w, customer).say(`I need a ${word}`);
      const skus = listed(t.text);
      expect(skus.length).toBeGreaterThan(0);
      const got = createCatalogReader(w.db).products(skus);
      for (const sku of skus) expect(catName.get(got.get(sku)!.category)).toContain(word);
      if (++checked >= 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("'die zweite, 2 Stück' picks the second entry and orders two; questions about a line already ordered do not offer to add it again", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    const list = await chat.say("Ich brauche eine Gleitringdichtung für Pumpe 2");
    const second = listed(list.text)[1]!;
    const picked = await chat.say("die zweite, 2 Stück");
    expect(picked.thread.draft.lines).toMatchObject([{ sku: second, quantity: 2, machineId: DEMO.machines.pump2Gen2 }]);
    const stock = await chat.say("Ist das lieferbar?");
    expect(stock.tools).toEqual(["check_stock"]);
    expect(stock.text).toMatch(/^2 × /); // the line's quantity, not 1
    expect(stock.text).toMatch(/Es ist als Position L1 in Ihrer Bestellung\. Noch etwas, oder soll ich bestellen\?$/);
    expect(stock.text).not.toMatch(/übernehmen/);
    const price = await chat.say("what does it cost? I need 5");
    expect(price.text).toMatch(/Your order has 2 in L1 — shall I change it to 5\?$/);
    const yes = await chat.say("yes");
    expect(yes.tools).toEqual(["update_line", "place_order"]);
    expect(yes.thread.draft.lines).toMatchObject([
      { lineId: "L1", sku: second, quantity: 5, machineId: DEMO.machines.pump2Gen2 },
    ]);
    await chat.say("place the order");
    await chat.confirm();
    expect(outbox(w, chat.threadId)).toMatchObject([{ lines: [{ sku: second, quantity: 5 }] }]);
  });

  it("'1, two pieces' picks the first entry and orders two", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    const list = await chat.say("I need a mechanical seal for pump 2 in hall B");
    const first = listed(list.text)[0]!;
    const picked = await chat.say("1, two pieces");
    expect(picked.thread.draft.lines).toMatchObject([{ sku: first, quantity: 2, machineId: DEMO.machines.pump2Gen2 }]);
    expect(picked.text).toMatch(/^Added L1: 2 × /);
  });

  it("a part that fits but must be ordered with a companion is not listed as not fitting", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    // Parts of pump 2's model that need a mandatory companion (from the catalog's relations).
    // A word the catalog does not know: the consultant says so and lists the machine's parts, checked against it.
    const t = await new Chat(w, C1001).say("I need a frobnicator for pump 2");
    expect(t.text).toMatch(/^I could not find "frobnicator" in the catalog\. These are parts for Pump 2 \(Hall B\)/);
    const lines = t.text.split("\n").filter((l) => /^\d\) /.test(l));
    const withCompanion = listed(t.text).filter((sku) => data.relations([sku]).some((r) => r.type === "mandatory"));
    expect(withCompanion.length).toBeGreaterThan(0);
    for (const sku of withCompanion) {
      const line = lines.find((l) => l.includes(`) ${sku} — `))!;
      expect(line).toMatch(/✓ fits, but: .*must be ordered with/);
    }
    // Ranked after clean fits, before what does not fit.
    const kinds = lines.map((l) =>
      /✓ fits$/.test(l) ? 0 : /must be ordered with/.test(l) ? 2 : /✓ fits, but/.test(l) ? 1 : /✗/.test(l) ? 3 : 2.5,
    );
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });

  it("removing a companion part says at once that the remaining line is blocked, and offers the fix", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    const chat = new Chat(w, C1001);
    const add = await chat.say("add AC-BASE-NCP32 for pump 2");
    const companion = data.relations(["AC-BASE-NCP32"]).find((r) => r.type === "mandatory")!.targetSku;
    expect(add.text).toContain(`1) add 1 × ${companion}`);
    const both = await chat.say("1");
    expect(both.thread.draft.lines.map((l) => l.sku)).toEqual(["AC-BASE-NCP32", companion]);
    expect(both.thread.report?.clean).toBe(true);
    const removed = await chat.say("remove line 2");
    expect(removed.tools).toEqual(["remove_line", "review_order"]);
    expect(removed.text).toMatch(/^Removed line L2\./);
    expect(removed.text).toMatch(/cannot be placed yet: AC-BASE-NCP32 must be ordered with/);
    expect(removed.text).toContain(`1) add 1 × ${companion}`);
    const again = await chat.say("1");
    expect(again.thread.draft.lines.map((l) => l.sku)).toEqual(["AC-BASE-NCP32", companion]);
    expect(again.thread.report?.clean).toBe(true);
    await chat.say("place the order");
    await chat.confirm();
    expect(outbox(w, chat.threadId)[0]!.lines.map((l) => l.sku)).toEqual(["AC-BASE-NCP32", companion]);
  });

  it("'a seal for my pump' looks for seals: the words after 'for' name the target, not the product", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    const t = await new Chat(w, DEMO.customers.certified).say("I need a seal for my pump");
    const skus = listed(t.text);
    expect(skus.length).toBeGreaterThan(1);
    const seal = data.products(["SE-MS28-SIC-FKM"]).get("SE-MS28-SIC-FKM")!.category;
    for (const sku of skus) expect(data.products([sku]).get(sku)!.category).toBe(seal);
  });

  it("German: 'eine Pumpe konfigurieren' lists pumps only, 'die NCP' narrows the list to the NCP ones, 'abbrechen' empties without a stale total", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    const chat = new Chat(w, C1001);
    const list = await chat.say("Ich möchte eine Pumpe konfigurieren");
    const skus = listed(list.text);
    expect(skus[0]).toBe("PU-NCP-CFG");
    // "Pumps" describes "Pumpe" better than "Pump spare parts": no float switch for VSD pumps in a pump list.
    for (const sku of skus)
      expect(data.products([sku]).get(sku)!.category).toBe(data.products(["PU-NCP-CFG"]).get("PU-NCP-CFG")!.category);
    const ncp = await chat.say("die NCP");
    expect(ncp.tools).toEqual([]);
    expect(ncp.text).toMatch(/^Welchen davon meinen Sie\?/);
    const narrowed = listed(ncp.text);
    expect(narrowed.length).toBeGreaterThan(1);
    expect(narrowed.length).toBeLessThan(skus.length);
    for (const sku of narrowed) expect(`${sku} ${data.products([sku]).get(sku)!.name}`).toContain("NCP");
    const picked = await chat.say("1");
    expect(picked.thread.draft.lines).toMatchObject([{ sku: narrowed[0] }]);
    const gone = await chat.say("alles abbrechen");
    expect(gone.thread.draft.lines).toHaveLength(0);
    expect(gone.text).toBe("Erledigt — Ihre Bestellung ist jetzt leer. Was benötigen Sie?");
  });

  it("on a generated catalog, when the first candidates do not fit the machine, the next ones are checked and what fits is listed first", async () => {
    const w = generatedWorld();
    const s = w.db.$client;
    const machines = s
      .prepare(
        "SELECT m.id, m.label, m.model, m.serial, m.customer_id AS customerId FROM machines m JOIN customers c ON c.id = m.customer_id AND c.blocked = 0 ORDER BY m.id",
      )
      .all() as { id: string; label: string; model: string; serial: string; customerId: string }[];
    const search = createCatalogSearch(w.db);
    let checked = 0;
    for (const m of machines) {
      const same = s
        .prepare("SELECT count(*) AS n FROM machines WHERE customer_id = ? AND lower(label) = lower(?)")
        .get(m.customerId, m.label) as { n: number };
      if (same.n !== 1) continue;
      // The seals among the search's candidates (a service kit that mentions a seal is not one).
      const raw = search.search({ query: "mechanical seal", machineModel: m.model, serial: m.serial, limit: 12 });
      const pool = raw.filter((h) => h.category === raw[0]?.category);
      const fits = pool.map((h) => fitRank(w, m.customerId, h.sku, m.id).rank <= 1);
      // Only machines where the first five candidates all fail but a later one fits (the case this is about).
      if (pool.length < 6 || fits.slice(0, 5).some(Boolean) || !fits.slice(5).some(Boolean)) continue;
      const t = await new Chat(w, m.customerId).say(`I need a mechanical seal for ${m.label}`);
      const first = t.text.split("\n").find((l) => /^1\) /.test(l))!;
      expect(first).toMatch(/✓ fits/);
      expect(fitRank(w, m.customerId, listed(t.text)[0]!, m.id).rank).toBeLessThanOrEqual(1);
      if (++checked >= 2) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("a part listed for none of the buyer's machines says so; picking the machine by number keeps the quantity asked", async () => {
    const w = demoWorld();
    const data = createCatalogReader(w.db);
    const customer = DEMO.customers.blocked;
    const models = new Set(data.customer(customer)!.machines.map((m) => m.model));
    expect(
      data
        .fitment(["SE-MS28-CC-EPDM"])
        .get("SE-MS28-CC-EPDM")!
        .some((f) => models.has(f.machineModel)),
    ).toBe(false);
    const chat = new Chat(w, customer);
    const ask = await chat.say("I need 2 SE-MS28-CC-EPDM");
    expect(ask.text).toMatch(
      /^The catalog lists SE-MS28-CC-EPDM for none of your machines\. .*Which machine is it for\?/,
    );
    const first = await chat.say("1");
    expect(first.thread.draft.lines).toMatchObject([
      { sku: "SE-MS28-CC-EPDM", quantity: 2, machineId: data.customer(customer)!.machines[0]!.id },
    ]);
    // The engine then says it does not fit and offers what does.
    expect(first.text).toMatch(/does not fit/);
    expect(first.text).toMatch(/1\) switch to /);
  });

  it("misspelt product words about one of the buyer's machines are a product request, not small talk", async () => {
    const w = demoWorld();
    const t = await new Chat(w, C1001).say("mechanicl seel for pump 2");
    expect(t.tools).toContain("search_catalog");
    expect(t.text).not.toMatch(/I can help you find parts/);
    const skus = listed(t.text);
    expect(skus.length).toBeGreaterThan(1);
    const data = createCatalogReader(w.db);
    for (const sku of skus) expect(data.products([sku]).get(sku)!.name.toLowerCase()).toContain("mechanical seal");
    expect(t.text).toMatch(/^1\) \S+ — .* ✓ fits$/m);
  });
});
