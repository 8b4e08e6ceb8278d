/**
 * The demo world: it imports cleanly through the importer, is big enough, and every named case in
 * catalog/seed/demo/README.md exists in the database exactly as described. Other engineers' tests build on those
 * cases, so a data edit that silently breaks one must fail here first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { SECTION_NAMES } from "../../catalog/import/format.ts";
import { DEMO, DEMO_NOW, DEMO_SEED_DIR, seedDemo } from "../../catalog/seed/index.ts";

type Row = Record<string, unknown>;
type Attr = string | number | boolean;

let db: Db;
let sql: Database.Database;
const all = (q: string, ...p: unknown[]) => sql.prepare(q).all(...p) as Row[];
const one = (q: string, ...p: unknown[]) => sql.prepare(q).get(...p) as Row | undefined;
const count = (q: string, ...p: unknown[]) => Number((sql.prepare(q).get(...p) as { n: number }).n);
const TODAY = DEMO_NOW.toISOString().slice(0, 10);

beforeAll(() => {
  db = openDatabase(":memory:");
  sql = db.$client;
  seedDemo(db);
});

function product(sku: string): Row {
  const p = one("select * from products where sku = ?", sku);
  if (!p) throw new Error(`demo product ${sku} is missing`);
  return p;
}

function features(sku: string): Record<string, Attr | string[]> {
  const out: Record<string, Attr | string[]> = {};
  for (const f of all("select * from product_features where sku = ?", sku)) {
    const key = String(f.key);
    if (f.type === "num") out[key] = Number(f.num_value);
    else if (f.type === "bool") out[key] = Boolean(f.bool_value);
    else if (f.type === "list") out[key] = JSON.parse(String(f.list_value)) as string[];
    else out[key] = String(f.text_value);
  }
  return out;
}

function machine(id: string): {
  model: string;
  serial: string;
  customer: string;
  attrs: Record<string, Attr>;
  components: string[];
} {
  const m = one(
    "select m.*, mm.features as model_features from machines m join machine_models mm on mm.code = m.model where m.id = ?",
    id,
  );
  if (!m) throw new Error(`demo machine ${id} is missing`);
  const attrs = {
    ...(JSON.parse(String(m.model_features)) as Record<string, Attr>),
    ...(JSON.parse(String(m.operating_data)) as Record<string, Attr>),
  };
  return {
    model: String(m.model),
    serial: String(m.serial),
    customer: String(m.customer_id),
    attrs,
    components: JSON.parse(String(m.components)) as string[],
  };
}

/** Fitment verdict from the fitment rows alone: a part without rows fits everything. */
function fits(sku: string, machineId: string): "fits" | "model" | "serial" {
  const m = machine(machineId);
  const rows = all("select * from fitment where part_sku = ?", sku);
  if (rows.length === 0) return "fits";
  const forModel = rows.filter((r) => r.machine_model === m.model);
  if (forModel.length === 0) return "model";
  const inRange = forModel.some(
    (r) =>
      (r.serial_from == null || String(r.serial_from) <= m.serial) &&
      (r.serial_to == null || m.serial <= String(r.serial_to)),
  );
  return inRange ? "fits" : "serial";
}

function rating(material: string, medium: string): string | undefined {
  const r = one(
    "select rating from media_compat where lower(material) = lower(?) and lower(medium) = lower(?)",
    material,
    medium,
  );
  return r ? String(r.rating) : undefined;
}

/**
 * The machine-scope rules a line would violate, read from the data (rules table + features + machine attributes).
 * A rule is skipped when either side lacks the value — the convention the README states.
 */
function failingMachineRules(sku: string, machineId: string): string[] {
  const feats = features(sku);
  const { attrs } = machine(machineId);
  const category = String(product(sku).category);
  const failed: string[] = [];
  for (const r of all("select * from compat_rules where scope = 'machine'")) {
    if (r.category != null && r.category !== category) continue;
    const mine = feats[String(r.feature)];
    const theirs = attrs[String(r.other_key)];
    if (mine === undefined || theirs === undefined) continue;
    const ok =
      r.operator === "eq"
        ? String(mine).toLowerCase() === String(theirs).toLowerCase()
        : r.operator === "gte"
          ? Number(mine) >= Number(theirs)
          : r.operator === "lte"
            ? Number(mine) <= Number(theirs)
            : r.operator === "medium_compatible"
              ? rating(String(mine), String(theirs)) !== "no"
              : Array.isArray(mine) && mine.includes(String(theirs));
    if (!ok) failed.push(String(r.code));
  }
  return failed.sort();
}

/** Line-vs-line rules violated between two SKUs of one order. */
function failingLineRules(a: string, b: string): string[] {
  const failed: string[] = [];
  for (const r of all("select * from compat_rules where scope = 'line'")) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (r.category != null && product(x).category !== r.category) continue;
      if (r.other_category != null && product(y).category !== r.other_category) continue;
      const fx = features(x)[String(r.feature)];
      const fy = features(y)[String(r.other_key)];
      if (fx === undefined || fy === undefined) continue;
      if (r.operator === "eq" && String(fx) !== String(fy)) failed.push(String(r.code));
    }
  }
  return failed;
}

function atp(sku: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of all("select * from stock where sku = ?", sku))
    out[String(s.warehouse)] = Number(s.on_hand) - Number(s.reserved);
  return out;
}
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

function contract(customer: string, sku: string, qty: number, on = TODAY): number | undefined {
  const r = one(
    `select price_cents from contract_prices where customer_id = ? and sku = ? and min_qty <= ? and valid_from <= ?
       and (valid_to is null or valid_to >= ?) order by min_qty desc limit 1`,
    customer,
    sku,
    qty,
    on,
    on,
  );
  return r ? Number(r.price_cents) : undefined;
}
function listPrice(priceList: string, sku: string, qty: number): number | undefined {
  const r = one(
    "select price_cents from price_list_items where price_list_id = ? and sku = ? and min_qty <= ? order by min_qty desc limit 1",
    priceList,
    sku,
    qty,
  );
  return r ? Number(r.price_cents) : undefined;
}
const customer = (id: string) => one("select * from customers where id = ?", id)!;
const policyFor = (tier: string) =>
  one("select * from approval_policies where tier = ?", tier) ??
  one("select * from approval_policies where id = 'default'")!;

describe("demo seed import", () => {
  it("imports into a fresh database through the importer, and re-importing changes nothing", () => {
    const fresh = openDatabase(":memory:");
    const first = seedDemo(fresh);
    expect(first.counts.products).toBeGreaterThanOrEqual(150);
    expect(first.added.products).toBe(first.counts.products);
    const second = seedDemo(fresh);
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true);
    expect(fresh.$client.prepare("select count(*) as n from products").get()).toEqual({ n: first.counts.products });
    fresh.$client.close();
  });

  it("is hand-editable JSON: one pretty-printed file (2 spaces) per import section", () => {
    const files = readdirSync(DEMO_SEED_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect(files).toEqual([...SECTION_NAMES].map((s) => `${s}.json`).sort());
    for (const f of files) {
      const text = readFileSync(join(DEMO_SEED_DIR, f), "utf8");
      expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`, f).toBe(text);
    }
  });

  it("has the size the checks need", () => {
    expect(count("select count(*) as n from products")).toBeGreaterThanOrEqual(150);
    expect(count("select count(distinct category) as n from products")).toBeGreaterThanOrEqual(6);
    expect(count("select count(*) as n from config_models")).toBeGreaterThanOrEqual(3);
    expect(count("select count(*) as n from warehouses")).toBe(3);
    expect(count("select count(distinct region) as n from warehouses")).toBe(3);
    expect(count("select count(*) as n from customers")).toBeGreaterThanOrEqual(6);
    expect(count("select count(distinct tier) as n from customers")).toBeGreaterThanOrEqual(4);
    expect(count("select count(distinct payment_terms) as n from customers")).toBeGreaterThanOrEqual(4);
    for (const c of all("select id from customers")) {
      expect(
        count("select count(*) as n from machines where customer_id = ?", c.id),
        `${c.id} installed base`,
      ).toBeGreaterThanOrEqual(2);
      expect(
        count("select count(*) as n from order_history where customer_id = ?", c.id),
        `${c.id} history`,
      ).toBeGreaterThanOrEqual(2);
      expect(
        count("select count(*) as n from contacts where customer_id = ?", c.id),
        `${c.id} contacts`,
      ).toBeGreaterThanOrEqual(1);
      expect(
        count("select count(*) as n from ship_tos where customer_id = ? and is_default = 1", c.id),
        `${c.id} default ship-to`,
      ).toBe(1);
    }
    for (const type of ["sparepart", "accessories", "mandatory", "select", "followup", "similar", "consists_of"])
      expect(count("select count(*) as n from product_relations where type = ?", type), type).toBeGreaterThan(0);
    // Machines carry every operating value the rules compare against.
    for (const m of all("select id from machines")) {
      const { attrs } = machine(String(m.id));
      for (const k of ["medium", "mediumTemperature", "systemPressure", "voltage", "phase", "frequency", "connection"])
        expect(attrs[k], `${m.id}.${k}`).toBeDefined();
    }
    // Every material used by a product has a full row in the media matrix.
    const media = all("select distinct medium from media_compat").map((r) => r.medium);
    for (const f of all("select distinct text_value as m from product_features where key = 'material'"))
      for (const medium of media) expect(rating(String(f.m), String(medium)), `${f.m} × ${medium}`).toBeDefined();
  });

  it("mentions only ids that exist (README cases are not stale)", () => {
    const readme = readFileSync(join(DEMO_SEED_DIR, "README.md"), "utf8");
    const ids = new Set([...readme.matchAll(/`([A-Z]{2}-[A-Za-z0-9./-]+)`/g)].map((m) => m[1]!));
    const known = new Set(
      all(`select sku as id from products union select id from customers union select id from machines union select id from ship_tos
           union select id from contacts union select id from config_models union select code from warehouses union select id from price_lists
           union select id from order_history`).map((r) => String(r.id)),
    );
    const unknownOnPurpose = new Set<string>([DEMO.skus.unknown]);
    const stale = [...ids].filter((id) => !known.has(id) && !unknownOnPurpose.has(id));
    expect(stale).toEqual([]);
    expect(ids.size).toBeGreaterThan(80);
    for (const group of Object.values(DEMO))
      for (const id of typeof group === "string" ? [group] : Object.values(group))
        if (!unknownOnPurpose.has(id)) expect(known.has(id), id).toBe(true);
  });
});

describe("README cases: product", () => {
  it("unknown SKU is absent but has look-alikes", () => {
    expect(one("select 1 from products where sku = ?", DEMO.skus.unknown)).toBeUndefined();
    expect(product("SE-MS24-CC-EPDM")).toBeDefined();
    expect(product("SE-MS28-CC-EPDM")).toBeDefined();
  });

  it("inactive product has no stock and no price-list row", () => {
    expect(product(DEMO.skus.inactive).lifecycle).toBe("inactive");
    expect(count("select count(*) as n from stock where sku = ?", DEMO.skus.inactive)).toBe(0);
    expect(count("select count(*) as n from price_list_items where sku = ?", DEMO.skus.inactive)).toBe(0);
  });

  it("discontinued products point to active successors, with a followup relation", () => {
    const pairs: [string, string][] = [
      ["SE-MS24-CB-EPDM", "SE-MS24-CC-EPDM"],
      ["MO-FM100L-2.2-400-IE2", "MO-FM100L-2.2-400"],
      ["PU-NCP-32-160-400-G1", "PU-NCP-32-160-400"],
      ["MO-FM132S-5.5-400-IE2", "MO-FM132S-5.5-400"],
      ["PU-VSX-07-230", "PU-VSD-07-230"],
      ["SP-IMP-VSX07", "SP-IMP-VSD07"],
      ["VA-CV-DN32-PN16-OLD", "VA-CV-DN32-PN16"],
      ["FL-CART-10-5UM-OLD", "FL-CART-10-5UM"],
      ["AC-PG63-0-10-OLD", "AC-PG63-0-10"],
    ];
    for (const [old, next] of pairs) {
      expect(product(old)).toMatchObject({ lifecycle: "discontinued", successor_sku: next });
      expect(product(next).lifecycle).toBe("active");
      expect(
        one("select 1 from product_relations where sku = ? and type = 'followup' and target_sku = ?", old, next),
      ).toBeDefined();
    }
    expect(sum(atp("SE-MS24-CB-EPDM"))).toBe(0);
    expect(atp("MO-FM132S-5.5-400-IE2")["WH-SOUTH"]).toBe(2);
    // The successor seal fits every machine the old one fitted.
    for (const m of ["M-1001-01", "M-1002-01", "M-1006-02"]) {
      expect(fits("SE-MS24-CB-EPDM", m)).toBe("fits");
      expect(fits("SE-MS24-CC-EPDM", m)).toBe("fits");
    }
    expect(product(DEMO.skus.discontinuedNoSuccessor)).toMatchObject({
      lifecycle: "discontinued",
      successor_sku: null,
    });
    expect(
      one(
        "select 1 from product_relations where sku = 'PU-HBX-20' and type = 'similar' and target_sku = 'PU-VSD-07-230'",
      ),
    ).toBeDefined();
  });

  it("restricted products need certifications the right customers have", () => {
    for (const sku of ["PU-NCX-40-200-EX", "VA-BFV-DN40-PN16-EX", "AC-PT-0-16-EX", "MO-FM112M-4.0-EX"])
      expect(product(sku).requires_certification).toBe("atex");
    expect(product("CO-NAOCL-25KG")).toMatchObject({ requires_certification: "hazmat", hazardous: 1 });
    expect(JSON.parse(String(customer("C-1001").certifications))).toEqual([]);
    expect(JSON.parse(String(customer("C-1005").certifications))).toEqual(expect.arrayContaining(["atex", "hazmat"]));
    expect(sum(atp("VA-BFV-DN40-PN16-EX"))).toBeGreaterThan(0);
  });

  it("region blocks hit the Basel ship-to and the Austrian customer", () => {
    expect(JSON.parse(String(product("CO-NAOCL-25KG").blocked_regions))).toEqual(["CH", "AT"]);
    expect(JSON.parse(String(product("CO-SOLVENT-CLEAN-5L").blocked_regions))).toEqual(["CH"]);
    expect(product("CO-SOLVENT-CLEAN-5L").requires_certification).toBeNull();
    expect(one("select region from ship_tos where id = ?", DEMO.shipTos.restrictedRegion)).toEqual({ region: "CH" });
    expect(one("select region, customer_id from ship_tos where id = ?", DEMO.shipTos.certifiedDefault)).toEqual({
      region: "DE-W",
      customer_id: "C-1005",
    });
    expect(customer("C-1006").region).toBe("AT");
    expect(JSON.parse(String(customer("C-1006").certifications))).toContain("hazmat");
    for (const sku of ["CO-LEAKSPRAY-400ML-B10", "CO-CONTACT-SPRAY-B10"])
      expect(product(sku)).toMatchObject({ hazardous: 1, requires_certification: null, blocked_regions: "[]" });
  });
});

describe("README cases: compatibility", () => {
  it("happy paths fit and break no rule", () => {
    const clean: [string, string][] = [
      ["SE-MS24-CC-EPDM", "M-1001-01"],
      ["SE-MS28-CC-EPDM", "M-1001-02"],
      ["MO-FM80-0.75-230", "M-1007-01"],
      ["MO-FM100L-2.2-440-60", "M-1008-01"],
      ["VA-BFV-DN40-PN16-EPDM", "M-1003-02"],
      ["SE-MS28-CC-EPDM", "M-1003-01"],
      ["SE-MS28-CC-FKM", "M-1005-03"],
      ["FI-FL-DN32-PN16-ST", "M-1001-01"],
      ["SP-IMP-NCP32-160-G1", "M-1008-01"],
      ["SP-IMP-VSD07", "M-1007-02"],
      ["SP-KIT-NCP32-G2", "M-1001-02"],
      ["PU-NCP-32-160-400", "M-1001-01"],
    ];
    for (const [sku, m] of clean) {
      expect(fits(sku, m), `${sku} on ${m}`).toBe("fits");
      expect(failingMachineRules(sku, m), `${sku} on ${m}`).toEqual([]);
    }
  });

  it("fitment fails by model and by serial range", () => {
    expect(machine("M-1001-01")).toMatchObject({ model: "NCP-32-160", serial: "14211" });
    expect(machine("M-1001-02")).toMatchObject({ model: "NCP-32-160", serial: "21877" });
    expect(fits("SP-IMP-NCP40-200", "M-1001-01")).toBe("model");
    expect(fits("SE-MS24-CC-EPDM", "M-1001-02")).toBe("serial");
    expect(fits("SE-MS28-CC-EPDM", "M-1001-01")).toBe("serial");
    expect(fits("SP-IMP-NCP32-160-G2", "M-1008-01")).toBe("serial");
    expect(
      all(
        "select serial_from, serial_to from fitment where part_sku = 'SE-MS24-CC-EPDM' and machine_model = 'NCP-32-160'",
      ),
    ).toEqual([{ serial_from: "10000", serial_to: "19999" }]);
    // Apart from fitment, these lines are fine: the fitment check is the only one that fires.
    expect(failingMachineRules("SE-MS24-CC-EPDM", "M-1001-02")).toEqual([]);
    expect(failingMachineRules("SP-IMP-NCP40-200", "M-1001-01")).toEqual([]);
  });

  it("each feature rule has a case where it is the only failure", () => {
    const cases: [string, string, string[]][] = [
      ["MO-FM100L-2.2-690", "M-1001-01", ["compat.voltage_mismatch"]],
      ["MO-FM80-0.75-230-3", "M-1007-01", ["compat.phase_mismatch"]],
      ["MO-FM100L-2.2-400", "M-1008-01", ["compat.frequency_mismatch", "compat.voltage_mismatch"]],
      ["VA-BFV-DN40-PN10-EPDM", "M-1003-02", ["compat.pressure_rating"]],
      ["SE-MS28-CC-NBR", "M-1003-01", ["compat.temperature_rating"]],
      ["SE-MS28-CC-EPDM", "M-1005-03", ["compat.material_medium"]],
      ["FI-FL-DN40-PN16-ST", "M-1001-01", ["compat.connection_mismatch"]],
    ];
    for (const [sku, m, codes] of cases) {
      expect(fits(sku, m), `${sku} on ${m}`).toBe("fits");
      expect(failingMachineRules(sku, m), `${sku} on ${m}`).toEqual(codes);
    }
    expect(features("VA-BFV-DN40-PN10-EPDM").pressureRating).toBe(10);
    expect(machine("M-1003-02").attrs.systemPressure).toBe(14);
    expect(features("SE-MS28-CC-NBR").tempRating).toBe(90);
    expect(machine("M-1003-01").attrs.mediumTemperature).toBe(95);
    expect(rating("EPDM", "mineral-oil")).toBe("no");
    expect(rating("FKM", "mineral-oil")).toBe("ok");
    expect(rating("FKM", "caustic-cip")).toBe("limited");
    expect(machine("M-1001-02").attrs.medium).toBe("caustic-cip");
  });

  it("line-vs-line rules catch a motor or flange that does not match the pump", () => {
    expect(failingLineRules("PU-NCP-32-160-400", "MO-FM100L-2.2-690")).toEqual(["compat.line_voltage_mismatch"]);
    expect(failingLineRules("PU-NCP-32-160-400", "MO-FM100L-2.2-400")).toEqual([]);
    expect(failingLineRules("PU-NCP-32-160-400", "VA-CV-DN40-PN16")).toEqual(["compat.line_flange_mismatch"]);
    expect(failingLineRules("PU-NCP-32-160-400", "VA-CV-DN32-PN16")).toEqual([]);
    expect(failingLineRules("PU-NCP-32-160-400", "FI-FL-DN40-PN16-ST")).toEqual(["compat.line_counterflange_mismatch"]);
    expect(failingLineRules("PU-NCP-32-160-400", "FI-FL-DN32-PN16-ST")).toEqual([]);
  });

  it("rules cover every comparison the checks name", () => {
    const rules = all("select code, scope, feature, operator, other_key from compat_rules");
    const has = (feature: string, operator: string, otherKey: string, scope = "machine") =>
      rules.some(
        (r) => r.feature === feature && r.operator === operator && r.other_key === otherKey && r.scope === scope,
      );
    expect(has("voltage", "eq", "voltage")).toBe(true);
    expect(has("phase", "eq", "phase")).toBe(true);
    expect(has("pressureRating", "gte", "systemPressure")).toBe(true);
    expect(has("tempRating", "gte", "mediumTemperature")).toBe(true);
    expect(has("material", "medium_compatible", "medium")).toBe(true);
    expect(has("connection", "eq", "connection")).toBe(true);
    expect(has("voltage", "eq", "voltage", "line")).toBe(true);
    expect(has("flangeDN", "eq", "flangeDN", "line")).toBe(true);
  });

  it("mandatory companions, owned components, select groups and kits", () => {
    const mandatory = (sku: string) =>
      all("select target_sku from product_relations where sku = ? and type = 'mandatory'", sku).map(
        (r) => r.target_sku,
      );
    expect(mandatory("AC-PT-0-16-420")).toEqual(["AC-CBL-M12-5M"]);
    expect(mandatory("AC-VFD-2.2-400")).toEqual(["AC-EMC-2.2"]);
    expect(mandatory("FL-HSG-10-G1")).toEqual(["FL-CART-10-5UM"]);
    expect(mandatory("AC-BASE-NCP32")).toEqual(["AC-ANCHOR-M12-SET"]);
    expect(machine("M-1001-02").components).toContain("AC-CBL-M12-5M");
    expect(machine("M-1004-01").components).toEqual([]);
    expect(
      all(
        "select target_sku from product_relations where sku = 'PU-NCP-32-160-400' and type = 'select' and group_name = 'counter-flange' order by target_sku",
      ).map((r) => r.target_sku),
    ).toEqual(["FI-FL-DN32-PN16-SS", "FI-FL-DN32-PN16-ST"]);
    expect(
      all(
        "select target_sku, quantity from product_relations where sku = 'SP-KIT-NCP32-G2' and type = 'consists_of' order by target_sku",
      ),
    ).toEqual([
      { target_sku: "SE-CG-NCP32", quantity: 1 },
      { target_sku: "SE-MS28-CC-EPDM", quantity: 1 },
      { target_sku: "SP-BRG-6306-2Z", quantity: 2 },
      { target_sku: "SP-WR-NCP32", quantity: 1 },
    ]);
  });
});

describe("README cases: configuration", () => {
  it("PU-NCP-CFG: ATEX requires the FKM seal, excludes 230 V; flange and motor power have no default; extras max 2", () => {
    expect(product(DEMO.skus.configurablePump)).toMatchObject({ config_model_id: "CM-NCP", list_price_cents: 98000 });
    const groups = Object.fromEntries(
      all("select * from config_groups where model_id = 'CM-NCP'").map((g) => [g.code, g]),
    );
    expect(groups.power).toMatchObject({ min_choices: 1, max_choices: 1, default_value: null });
    expect(groups.flangeDN).toMatchObject({ default_value: null });
    expect(groups.voltage).toMatchObject({ default_value: "400" });
    expect(groups.extras).toMatchObject({ min_choices: 0, max_choices: 2 });
    const constraints = all(
      "select kind, if_group, if_value, then_group, then_value from config_constraints where model_id = 'CM-NCP'",
    );
    expect(constraints).toContainEqual({
      kind: "requires",
      if_group: "atex",
      if_value: "yes",
      then_group: "sealMaterial",
      then_value: "FKM",
    });
    expect(constraints).toContainEqual({
      kind: "excludes",
      if_group: "atex",
      if_value: "yes",
      then_group: "voltage",
      then_value: "230",
    });
    expect(constraints).toContainEqual({
      kind: "excludes",
      if_group: "voltage",
      if_value: "230",
      then_group: "power",
      then_value: "5.5",
    });
    // README: voltage 230 + flange DN25 leaves motor power 1.5 or 2.2.
    const excluded = new Set(
      constraints
        .filter(
          (c) =>
            c.kind === "excludes" &&
            c.then_group === "power" &&
            ((c.if_group === "voltage" && c.if_value === "230") || (c.if_group === "flangeDN" && c.if_value === "25")),
        )
        .map((c) => c.then_value),
    );
    const powers = all("select value from config_options where model_id = 'CM-NCP' and group_code = 'power'").map(
      (o) => o.value,
    );
    expect(powers.filter((v) => !excluded.has(v))).toEqual(["1.5", "2.2"]);
    // The complete example's list price: 980.00 + 210.00 + 180.00 + 65.00 + 850.00 + 58.00.
    const delta = (g: string, v: string) =>
      Number(
        one(
          "select price_delta_cents as d from config_options where model_id = 'CM-NCP' and group_code = ? and value = ?",
          g,
          v,
        )!.d,
      );
    const total =
      98000 +
      delta("voltage", "400") +
      delta("power", "2.2") +
      delta("flangeDN", "32") +
      delta("sealMaterial", "FKM") +
      delta("atex", "yes") +
      delta("extras", "gauges");
    expect(total).toBe(234300);
    expect(count("select count(*) as n from stock where sku like '%-CFG'")).toBe(0);
    expect(count("select count(*) as n from products where config_model_id is not null")).toBeGreaterThanOrEqual(3);
  });
});

describe("README cases: quantity, stock", () => {
  it("MOQ, steps, max quantities and boxes", () => {
    expect(product("CO-CABLETIE-200-B100")).toMatchObject({
      moq: 5,
      order_step: 5,
      order_unit: "BOX",
      content_qty: 100,
    });
    expect(product("FI-TUBE-PE-6X12")).toMatchObject({ moq: 10, order_step: 5, order_unit: "M" });
    expect(product("CO-GLYCOL-30-200L").max_qty).toBe(4);
    expect(sum(atp("CO-GLYCOL-30-200L"))).toBeGreaterThanOrEqual(6);
    expect(product("SE-MS28-SIC-FKM").max_qty).toBe(10);
    expect(product("PU-NCX-40-200-EX").max_qty).toBe(2);
    expect(product("SE-OR-75X3-EPDM-B10")).toMatchObject({ order_unit: "BOX", content_unit: "PCE", content_qty: 10 });
    expect(product("FI-BOLT-M16X70-B50")).toMatchObject({ order_unit: "BOX", content_unit: "PCE", content_qty: 50 });
    expect(product("CO-GLOVES-NITRILE-L-B100")).toMatchObject({ order_unit: "BOX", content_qty: 100 });
  });

  it("scarce, partial, inbound-only, lead-time-only and all-reserved stock", () => {
    expect(atp("SE-MS28-SIC-FKM")).toEqual({ "WH-NORTH": 2, "WH-SOUTH": 0, "WH-WEST": 0 });
    expect(all("select warehouse, quantity, eta from stock_inbound where sku = 'SE-MS28-SIC-FKM'")).toEqual([
      { warehouse: "WH-NORTH", quantity: 20, eta: "2027-01-15" },
    ]);
    expect(atp("PU-NCP-32-160-400")).toEqual({ "WH-NORTH": 2, "WH-SOUTH": 1, "WH-WEST": 0 });
    expect(all("select warehouse, quantity, eta from stock_inbound where sku = 'PU-NCP-32-160-400'")).toEqual([
      { warehouse: "WH-NORTH", quantity: 6, eta: "2027-01-20" },
    ]);
    expect(customer("C-1001").partial_shipment).toBe(1);
    expect(customer("C-1004").partial_shipment).toBe(0);
    expect(sum(atp("SP-KIT-NMV10"))).toBe(0);
    expect(one("select on_hand, reserved from stock where sku = 'SP-KIT-NMV10' and warehouse = 'WH-SOUTH'")).toEqual({
      on_hand: 2,
      reserved: 2,
    });
    expect(sum(atp("AC-VFD-2.2-400"))).toBe(0);
    expect(all("select warehouse, quantity, eta from stock_inbound where sku = 'AC-VFD-2.2-400' order by eta")).toEqual(
      [
        { warehouse: "WH-SOUTH", quantity: 10, eta: "2026-12-18" },
        { warehouse: "WH-NORTH", quantity: 8, eta: "2027-02-05" },
      ],
    );
    for (const sku of ["PU-NCX-40-200-EX", "MO-FM112M-4.0-EX"]) {
      expect(sum(atp(sku))).toBe(0);
      expect(count("select count(*) as n from stock_inbound where sku = ?", sku)).toBe(0);
    }
    expect(product("PU-NCX-40-200-EX").lead_time_days).toBe(56);
    expect(sum(atp("PU-NCP-40-200-400"))).toBe(11);
    expect(sum(atp("SE-MS24-CC-EPDM"))).toBe(74);
    // ETAs of everything in transit fall in Dec 2026 – Feb 2027.
    const range = one("select min(eta) as lo, max(eta) as hi from stock_inbound")!;
    expect(String(range.lo) >= "2026-12-01" && String(range.hi) <= "2027-02-28").toBe(true);
  });

  it("stock of one impeller is protected for the platinum tier", () => {
    expect(all("select sku, warehouse, protected_qty, for_tier from allocation_rules")).toEqual([
      { sku: "SP-IMP-NCP32-160-G2", warehouse: "WH-NORTH", protected_qty: 8, for_tier: "platinum" },
    ]);
    expect(atp("SP-IMP-NCP32-160-G2")["WH-NORTH"]).toBe(10);
    expect(customer("C-1001").tier).toBe("platinum");
    expect(customer("C-1008").tier).toBe("silver");
  });

  it("three warehouses in three regions", () => {
    expect(all("select code, region from warehouses order by code")).toEqual([
      { code: "WH-NORTH", region: "DE-N" },
      { code: "WH-SOUTH", region: "DE-S" },
      { code: "WH-WEST", region: "DE-W" },
    ]);
  });
});

describe("README cases: pricing, credit, policy", () => {
  it("contract prices (with break), an expired one, a future one, price-list breaks and list prices", () => {
    expect(contract("C-1001", "SE-MS24-CC-EPDM", 2)).toBe(8900);
    expect(contract("C-1001", "SE-MS24-CC-EPDM", 10)).toBe(7900);
    expect(contract("C-1001", "PU-NCP-32-160-400", 1)).toBe(139000);
    expect(
      one("select price_cents, valid_to from contract_prices where customer_id = 'C-1004' and sku = 'SE-MC16-EPDM'"),
    ).toEqual({ price_cents: 6500, valid_to: "2026-06-30" });
    expect(contract("C-1004", "SE-MC16-EPDM", 2)).toBeUndefined();
    expect(listPrice("PL-STANDARD", "SE-MC16-EPDM", 2)).toBe(9800);
    expect(contract("C-1006", "SE-HS40-SIC-EPDM", 1)).toBeUndefined();
    expect(contract("C-1006", "SE-HS40-SIC-EPDM", 1, "2027-01-01")).toBe(25900);
    expect(listPrice("PL-KEY", "SE-HS40-SIC-EPDM", 1)).toBe(28980);
    expect([2, 10, 50].map((q) => listPrice("PL-STANDARD", "FL-CART-10-5UM", q))).toEqual([3990, 3790, 3590]);
    expect([1, 10, 50].map((q) => listPrice("PL-KEY", "SE-MC16-EPDM", q))).toEqual([9020, 8620, 8330]);
    expect(customer("C-1007").price_list_id).toBeNull();
    expect(product("FI-NIP-G1-SS").list_price_cents).toBe(690);
    expect(count("select count(*) as n from price_list_items where sku = 'PU-HBX-20'")).toBe(0);
    // Valid contracts run to 2030-12-31; exactly one has expired.
    expect(count("select count(*) as n from contract_prices where valid_to < ?", TODAY)).toBe(1);
    expect(
      count("select count(*) as n from contract_prices where valid_to >= ? and valid_to <> '2030-12-31'", TODAY),
    ).toBe(0);
  });

  it("a blocked customer, one near its credit limit, and the policy thresholds of the README", () => {
    expect(customer(DEMO.customers.blocked)).toMatchObject({ blocked: 1 });
    expect(String(customer(DEMO.customers.blocked).blocked_reason)).toMatch(/overdue/);
    expect(count("select count(*) as n from customers where blocked = 1")).toBe(1);
    const c3 = customer(DEMO.customers.nearCreditLimit);
    expect(Number(c3.credit_limit_cents) - Number(c3.open_balance_cents)).toBe(120000);
    const gold = policyFor("gold");
    expect(gold).toMatchObject({ max_credit_overrun_cents: 500000, min_order_value_cents: 5000, max_discount_pct: 8 });
    const pumpKey = listPrice("PL-KEY", "PU-NCP-40-200-400", 1)!;
    expect(pumpKey).toBe(271400);
    const overrun = (n: number) => Number(c3.open_balance_cents) + n * pumpKey - Number(c3.credit_limit_cents);
    expect(overrun(1)).toBe(151400); // approval: ≤ 5,000.00
    expect(overrun(1)).toBeLessThanOrEqual(Number(gold.max_credit_overrun_cents));
    expect(overrun(3)).toBe(694200); // block: > 5,000.00
    expect(overrun(3)).toBeGreaterThan(Number(gold.max_credit_overrun_cents));
    expect(2 * contract("C-1003", "SE-MS28-CC-EPDM", 2)!).toBeLessThanOrEqual(120000);
    const silver = policyFor("silver");
    expect(silver).toMatchObject({
      id: "default",
      max_order_value_cents: 2500000,
      max_discount_pct: 5,
      min_order_value_cents: 7500,
    });
    expect(9 * listPrice("PL-STANDARD", "PU-NCP-40-200-400", 9)!).toBe(2655000);
    expect(policyFor("bronze").min_order_value_cents).toBeGreaterThan(
      product("FI-NIP-G1-SS").list_price_cents as number,
    );
    expect(policyFor("platinum")).toMatchObject({ max_discount_pct: 10, min_order_value_cents: 0 });
  });

  it("a prepaying customer, a USD-priced item, and ids that belong to someone else", () => {
    expect(customer(DEMO.customers.prepaid)).toMatchObject({ payment_terms: "PREPAID", blocked: 0 });
    expect(product(DEMO.skus.pricedInUsd).currency).toBe("USD");
    expect(count("select count(*) as n from customers where currency <> 'EUR'")).toBe(0);
    expect(count("select count(*) as n from products where currency <> 'EUR'")).toBe(1);
    expect(machine("M-1001-01").customer).toBe("C-1001");
    expect(one("select customer_id from ship_tos where id = ?", DEMO.shipTos.restrictedRegion)).toEqual({
      customer_id: "C-1005",
    });
    expect(atp(DEMO.skus.lastUnits)).toEqual({ "WH-NORTH": 0, "WH-SOUTH": 2, "WH-WEST": 0 });
    expect(count("select count(*) as n from stock_inbound where sku = ?", DEMO.skus.lastUnits)).toBe(0);
  });
});

describe("README cases: order history", () => {
  it("the same seal as last time, for the same machine", () => {
    const last = one(
      `select h.id, h.ordered_at, l.sku, l.quantity from order_history h join order_history_lines l on l.order_id = h.id
        where h.customer_id = 'C-1001' and l.machine_id = 'M-1001-01' order by h.ordered_at desc, l.line_no limit 1`,
    );
    expect(last).toEqual({ id: "SO-2026-02291", ordered_at: "2026-04-22", sku: "SE-MS24-CC-EPDM", quantity: 2 });
    expect(one("select sku from order_history_lines where order_id = 'SO-2023-01877' and line_no = 1")).toEqual({
      sku: "SE-MS24-CB-EPDM",
    });
    expect(
      one(
        "select sku from order_history_lines where order_id = 'SO-2024-04418' and machine_id = 'M-1007-02' and line_no = 1",
      ),
    ).toEqual({ sku: "SP-IMP-VSX07" });
    expect(fits("SP-IMP-VSD07", "M-1007-02")).toBe("fits");
    // History lines only point at the ordering customer's own machines.
    expect(
      count(`select count(*) as n from order_history_lines l join order_history h on h.id = l.order_id
             join machines m on m.id = l.machine_id where m.customer_id <> h.customer_id`),
    ).toBe(0);
    expect(count("select count(*) as n from order_history_lines where machine_id is not null")).toBeGreaterThanOrEqual(
      20,
    );
  });
});
