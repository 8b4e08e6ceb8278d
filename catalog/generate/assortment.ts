/**
 * The product side of the synthetic catalog: categories, machine models (sold as products, some
 * configurable), spare parts / accessories / consumables built for those models, service kits,
 * lifecycle (discontinued → successor), relations of every type and fitment with serial ranges.
 */
import type { ImportDocument } from "../import/format.ts";
import { buildCategories } from "./categories.ts";
import { buildConfigModel } from "./configs.ts";
import { apportion, push } from "./util.ts";
import { buildMachineModel, MACHINE_KINDS, type MachineModelInfo } from "./machines.ts";
import { PART_TEMPLATES, type PartRole, type ProductSpec } from "./parts/index.ts";
import type { Rng } from "./rng.ts";
import { letters } from "./text.ts";

type Rows<K extends keyof ImportDocument> = NonNullable<ImportDocument[K]>;
type ProductInput = Rows<"products">[number];

/** What later sections (stock, prices, customers) need to know about a product. */
export interface ProductInfo {
  sku: string;
  role: PartRole | "machine" | "kit";
  template: string;
  listPriceCents: number;
  moq: number;
  orderStep: number;
  maxQty?: number;
  discontinued: boolean;
}

export interface Fit {
  sku: string;
  serialFrom?: string;
  serialTo?: string;
}

export interface Assortment {
  doc: Pick<ImportDocument, "categories" | "machineModels" | "configModels" | "products" | "relations" | "fitment">;
  products: ProductInfo[];
  models: MachineModelInfo[];
  /** Every part fitted to a model (any fitment row), for installed-base components and order history. */
  fitsByModel: Map<string, Fit[]>;
}

export const SERIAL_DIGITS = 7;
export const serial = (n: number) => String(n).padStart(SERIAL_DIGITS, "0");

export function buildAssortment(r: Rng, skuCount: number): Assortment {
  const categories = buildCategories();

  const machineCount = Math.max(MACHINE_KINDS.length, Math.round(skuCount * 0.03));
  const kitCount = Math.max(2, Math.round(skuCount * 0.015));
  const partCount = skuCount - machineCount - kitCount;
  if (partCount < PART_TEMPLATES.length)
    throw new Error(`need at least ${machineCount + kitCount + PART_TEMPLATES.length} SKUs`);

  const products: ProductInput[] = [];
  const infos: ProductInfo[] = [];
  let seq = 100_000;
  const seenNames = new Set<string>();
  const nextSku = (prefix: string) => `${prefix}-${seq++}`;
  const addProduct = (
    spec: ProductSpec & { category: string; machineModel?: string; configModel?: string },
    prefix: string,
    role: ProductInfo["role"],
    template: string,
  ) => {
    const sku = nextSku(prefix);
    // Manufacturers' article numbers: what tells two otherwise identical commodity items apart.
    const mpn = `${letters(r, r.int(1, 3))}${r.int(100, 99_999)}${r.chance(0.3) ? `-${r.int(1, 99)}` : ""}`;
    let name = spec.name;
    if (seenNames.has(name)) name = `${name} (${spec.manufacturer} ${mpn})`;
    if (seenNames.has(name)) name = `${name} ${sku}`;
    seenNames.add(name);
    const row: ProductInput = {
      sku,
      name,
      description: spec.description,
      category: spec.category,
      manufacturer: spec.manufacturer,
      ...(spec.orderUnit
        ? { orderUnit: spec.orderUnit, contentUnit: spec.contentUnit ?? "PCE", contentQty: spec.contentQty ?? 1 }
        : {}),
      ...(spec.moq !== undefined ? { moq: spec.moq } : {}),
      ...(spec.orderStep !== undefined ? { orderStep: spec.orderStep } : {}),
      ...(spec.maxQty !== undefined ? { maxQty: spec.maxQty } : {}),
      leadTimeDays: spec.leadTimeDays,
      listPriceCents: spec.listPriceCents,
      ...(spec.hazardous ? { hazardous: true } : {}),
      ...(spec.requiresCertification ? { requiresCertification: spec.requiresCertification } : {}),
      ...(spec.blockedRegions?.length ? { blockedRegions: spec.blockedRegions } : {}),
      ...(spec.configModel ? { configModel: spec.configModel } : {}),
      ...(spec.machineModel ? { machineModel: spec.machineModel } : {}),
      features: { ...spec.features, manufacturerPartNumber: mpn },
    };
    products.push(row);
    infos.push({
      sku,
      role,
      template,
      listPriceCents: spec.listPriceCents,
      moq: spec.moq ?? 1,
      orderStep: spec.orderStep ?? 1,
      ...(spec.maxQty !== undefined ? { maxQty: spec.maxQty } : {}),
      discontinued: false,
    });
    return sku;
  };

  // ── machines, machine models, configuration models ──
  const taken = new Set<string>();
  const models: MachineModelInfo[] = [];
  const machineSkuByModel = new Map<string, string>();
  const configModels: Rows<"configModels"> = [];
  const perKind = apportion(
    machineCount,
    MACHINE_KINDS.map((k) => k.weight),
  );
  MACHINE_KINDS.forEach((kind, ki) => {
    const configPool: string[] = [];
    for (let i = 0; i < perKind[ki]!; i++) {
      const m = buildMachineModel(r, kind, taken);
      models.push(m);
      let configModel: string | undefined;
      if (kind.configurable && (i === 0 || r.chance(0.4))) {
        // Roughly eight configurable products share one configuration model (a product series).
        if (configPool.length === 0 || r.chance(0.125)) {
          const id = `CFG-${kind.prefix}-${String(configPool.length + 1).padStart(3, "0")}`;
          configModels.push(
            buildConfigModel(r, id, kind, `${m.manufacturer} ${kind.noun} ${m.code.split("-")[1]!.slice(0, 2)}`),
          );
          configPool.push(id);
        }
        configModel = r.pick(configPool);
      }
      const sku = addProduct(
        {
          name: configModel ? `${m.name}, configurable` : m.name,
          description: configModel
            ? `${m.description} Built to order: choose the options when ordering.`
            : m.description,
          manufacturer: m.manufacturer,
          features: m.productFeatures,
          listPriceCents: m.listPriceCents,
          leadTimeDays: configModel ? r.int(15, 60) : r.int(3, 40),
          maxQty: r.pick([5, 10, 20, 50]),
          category: kind.category,
          machineModel: m.code,
          ...(configModel ? { configModel } : {}),
          ...(kind.certification ? { requiresCertification: kind.certification } : {}),
        },
        kind.prefix,
        "machine",
        kind.key,
      );
      machineSkuByModel.set(m.code, sku);
    }
  });
  const machineModels: Rows<"machineModels"> = models.map((m) => ({
    code: m.code,
    name: m.name.split(",")[0]!,
    manufacturer: m.manufacturer,
    category: m.kind.category,
    features: m.features,
  }));

  // ── parts, accessories, components, consumables ──
  const modelsByKind = new Map<string, MachineModelInfo[]>();
  for (const m of models) push(modelsByKind, m.kind.key, m);
  const sisterKey = (m: MachineModelInfo) =>
    `${m.kind.key}|${m.features.shaftDiameter ?? ""}|${m.features.connection ?? ""}`;
  const sisters = new Map<string, MachineModelInfo[]>();
  for (const m of models) push(sisters, sisterKey(m), m);
  const fitment: Rows<"fitment"> = [];
  const fitsByModel = new Map<string, Fit[]>();
  const fitKeys = new Set<string>();
  const addFit = (part: string, model: string, from?: string, to?: string) => {
    const key = `${part}|${model}|${from ?? ""}|${to ?? ""}`;
    if (fitKeys.has(key)) return;
    fitKeys.add(key);
    fitment.push({ part, machineModel: model, ...(from ? { serialFrom: from } : {}), ...(to ? { serialTo: to } : {}) });
    push(fitsByModel, model, { sku: part, ...(from ? { serialFrom: from } : {}), ...(to ? { serialTo: to } : {}) });
  };
  /** Parts and accessories built for each model (primary model), by template. */
  const builtFor = new Map<string, { sku: string; template: string; role: PartRole }[]>();
  const byTemplate = new Map<string, string[]>();
  const perTemplate = apportion(
    partCount,
    PART_TEMPLATES.map((t) => t.weight),
  );
  PART_TEMPLATES.forEach((t, ti) => {
    const pool = t.fits.flatMap((k) => modelsByKind.get(k) ?? []);
    for (let i = 0; i < perTemplate[ti]!; i++) {
      const primary = pool.length ? r.pick(pool) : undefined;
      const spec = t.build(r, primary);
      const sku = addProduct({ ...spec, category: t.category }, t.prefix, t.role, t.key);
      push(byTemplate, t.key, sku);
      if (!primary) continue;
      push(builtFor, primary.code, { sku, template: t.key, role: t.role });
      // A design change at some serial: this version fits only serials before (or from) it.
      if (r.chance(0.15)) {
        const cut = r.int(100, 900) * 1000;
        if (r.chance(0.5)) addFit(sku, primary.code, serial(0), serial(cut - 1));
        else addFit(sku, primary.code, serial(cut), serial(10 ** SERIAL_DIGITS - 1));
      } else addFit(sku, primary.code);
      // Many parts fit sister models of the same kind with the same shaft.
      const siblings = (sisters.get(sisterKey(primary)) ?? []).filter((m) => m !== primary);
      for (const s of r.sample(siblings, r.weighted([0, 1, 2, 3], [5, 3, 1.5, 0.5]))) addFit(sku, s.code);
    }
  });

  // ── service kits ──
  const kitHosts = models.filter(
    (m) => (builtFor.get(m.code) ?? []).filter((p) => p.role === "part" || p.role === "consumable").length >= 2,
  );
  const relations: Rows<"relations"> = [];
  const relKeys = new Set<string>();
  const relate = (
    sku: string,
    type: Rows<"relations">[number]["type"],
    target: string,
    quantity?: number,
    group?: string,
  ) => {
    const key = `${sku}|${type}|${target}`;
    if (sku === target || relKeys.has(key)) return;
    relKeys.add(key);
    relations.push({
      sku,
      type,
      target,
      ...(quantity && quantity !== 1 ? { quantity } : {}),
      ...(group ? { group } : {}),
    });
  };
  const priceOf = new Map(infos.map((p) => [p.sku, p.listPriceCents]));
  const nameOf = new Map(products.map((p) => [p.sku, p.name]));
  const kitSkus: string[] = [];
  for (let i = 0; i < kitCount; i++) {
    const host = kitHosts.length ? r.pick(kitHosts) : r.pick(models);
    const parts = (builtFor.get(host.code) ?? []).filter(
      (p) => (p.role === "part" || p.role === "consumable") && p.template !== "kit",
    );
    const components = r.sample(
      parts.length
        ? parts
        : (byTemplate.get("o_ring_box") ?? []).map((sku) => ({
            sku,
            template: "o_ring_box",
            role: "consumable" as const,
          })),
      r.int(2, 5),
    );
    const quantities = components.map((c) =>
      c.template === "ball_bearing" ? 2 : c.role === "consumable" ? 1 : r.pick([1, 1, 2]),
    );
    const total = components.reduce((sum, c, ci) => sum + (priceOf.get(c.sku) ?? 0) * quantities[ci]!, 0);
    const contents = [...new Set(components.map((c) => c.template.replace(/_/g, " ").replace(/ box$/, "s")))].join(
      ", ",
    );
    const kind = r.pick(["Service kit", "Repair kit", "Overhaul kit", "Maintenance kit"]);
    const sku = addProduct(
      {
        name: `${kind} for ${host.kind.noun} ${host.code} (${contents})`,
        description: `${kind} with everything for a scheduled service of the ${host.name.split(",")[0]}: ${components.map((c) => nameOf.get(c.sku)!.split(",")[0]).join("; ")}. Cheaper than the parts one by one.`,
        manufacturer: host.manufacturer,
        features: { kitType: kind.toLowerCase(), components: components.map((c) => c.sku) },
        listPriceCents: Math.max(500, Math.round((total * 0.9) / 10) * 10),
        leadTimeDays: r.int(3, 30),
        category: "KIT-SERV",
      },
      "KIT",
      "kit",
      "kit",
    );
    kitSkus.push(sku);
    components.forEach((c, ci) => relate(sku, "consists_of", c.sku, quantities[ci]));
    addFit(sku, host.code);
    builtFor.get(host.code)?.push({ sku, template: "kit", role: "part" });
  }

  // ── relations around each machine: spare parts, accessories, choose-one groups ──
  for (const m of models) {
    const machineSku = machineSkuByModel.get(m.code)!;
    const built = builtFor.get(m.code) ?? [];
    for (const p of built.filter((b) => b.role === "part" || b.role === "consumable").slice(0, 30))
      relate(machineSku, "sparepart", p.sku);
    for (const p of built.filter((b) => b.role === "accessory" && b.template !== "shaft_coupling").slice(0, 12))
      relate(machineSku, "accessories", p.sku);
    const couplings = built.filter((b) => b.template === "shaft_coupling");
    if (couplings.length >= 2)
      for (const c of couplings.slice(0, 4)) relate(machineSku, "select", c.sku, 1, "coupling");
    else for (const c of couplings) relate(machineSku, "accessories", c.sku);
    const gauges = built.filter((b) => b.template === "pressure_gauge");
    if (gauges.length >= 2 && r.chance(0.5))
      for (const g of gauges.slice(0, 3)) relate(machineSku, "select", g.sku, 1, "pressure gauge");
  }

  // ── mandatory companions: a sensor needs its cable, an inverter its motor cable, a check valve its flanges ──
  const cables = (kind: string) =>
    (byTemplate.get("cable") ?? []).filter((sku) => nameOf.get(sku)!.toLowerCase().startsWith(kind));
  const sensorCables = cables("sensor cable");
  const motorCables = cables("motor cable");
  const flangesByDn = new Map<string, string[]>();
  for (const p of products)
    if (p.category === "FITT-FLANGE") {
      const dn = String(p.features?.connection);
      push(flangesByDn, dn, p.sku);
    }
  for (const p of products) {
    if (["INST-PRESS", "INST-TEMP", "INST-FLOW"].includes(p.category) && sensorCables.length && r.chance(0.7))
      relate(p.sku, "mandatory", r.pick(sensorCables), 10);
    else if (["DRV-VFD", "DRV-SOFT"].includes(p.category) && motorCables.length && r.chance(0.6))
      relate(p.sku, "mandatory", r.pick(motorCables), 10);
    else if (p.category === "VALV-CHECK" && r.chance(0.6)) {
      const flanges = flangesByDn.get(String(p.features?.connection)) ?? [];
      if (flanges.length) relate(p.sku, "mandatory", r.pick(flanges), 2);
    }
  }

  // ── lifecycle: discontinued products point at an active successor of the same kind ──
  const modelOfPart = new Map<string, string>();
  for (const f of fitment) if (!modelOfPart.has(f.part)) modelOfPart.set(f.part, f.machineModel);
  const groupKey = (p: ProductInfo) => `${p.template}|${modelOfPart.get(p.sku) ?? ""}`;
  const groups = new Map<string, ProductInfo[]>();
  for (const p of infos) push(groups, groupKey(p), p);
  const rowBySku = new Map(products.map((p) => [p.sku, p]));
  const infosByTemplate = new Map<string, ProductInfo[]>();
  for (const p of infos) push(infosByTemplate, p.template, p);
  const retired = infos.filter((p) => p.role !== "kit" && r.chance(0.045));
  for (const p of retired) p.discontinued = true;
  for (const p of retired) {
    const row = rowBySku.get(p.sku)!;
    if (r.chance(0.1)) {
      row.lifecycle = "inactive";
      continue;
    }
    row.lifecycle = "discontinued";
    let candidates = (groups.get(groupKey(p)) ?? []).filter((o) => !o.discontinued);
    if (!candidates.length)
      candidates = r.sample(infosByTemplate.get(p.template) ?? [], 20).filter((o) => !o.discontinued);
    if (candidates.length && r.chance(0.9)) {
      const successor = r.pick(candidates).sku;
      row.successor = successor;
      relate(p.sku, "followup", successor);
      row.description = `${row.description} Discontinued: replaced by ${successor}.`;
    } else row.description = `${row.description} Discontinued; no direct successor.`;
  }

  // ── similar alternatives within a group ──
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    for (const p of list) if (r.chance(0.3)) for (const o of r.sample(list, 2)) relate(p.sku, "similar", o.sku);
  }

  return {
    doc: { categories, machineModels, configModels, products, relations, fitment },
    products: infos,
    models,
    fitsByModel,
  };
}
