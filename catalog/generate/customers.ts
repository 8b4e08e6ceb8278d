/**
 * Price lists with quantity breaks, and a few hundred customers: tiers, credit, contract prices
 * (some expired, some not yet valid), ship-tos, contacts, installed base with operating data, and
 * order history that mostly re-buys parts for their own machines.
 */
import type { ImportDocument } from "../import/format.ts";
import type { Fit, ProductInfo } from "./assortment.ts";
import { serial, SERIAL_DIGITS } from "./assortment.ts";
import { addDays } from "./dates.ts";
import type { MachineModelInfo } from "./machines.ts";
import type { Rng } from "./rng.ts";
import {
  CITIES,
  COMPANY_FORMS,
  COMPANY_STEMS,
  COMPANY_TRADES,
  FIRST_NAMES,
  LAST_NAMES,
  MEDIA,
  REGIONS,
  ROLES,
  SITES,
  STREETS,
} from "./vocabulary.ts";

type Rows<K extends keyof ImportDocument> = NonNullable<ImportDocument[K]>;

export const PRICE_LISTS: Rows<"priceLists"> = [
  { id: "PL-LIST", name: "List prices", currency: "EUR" },
  { id: "PL-PARTNER", name: "Partner prices", currency: "EUR" },
  { id: "PL-KEY", name: "Key account prices", currency: "EUR" },
];

/** Break quantities in order units: multiples of the order step, above the MOQ. */
function breaks(r: Rng, p: ProductInfo): number[] {
  const base = Math.max(p.moq, p.orderStep);
  const out = [r.pick([5, 10, 10, 25]), r.pick([50, 100])].map(
    (k) => Math.ceil((base * k) / p.orderStep) * p.orderStep,
  );
  return [...new Set(out)].filter((q) => q > p.moq && (p.maxQty === undefined || q <= p.maxQty)).sort((a, b) => a - b);
}

export function buildPrices(r: Rng, products: ProductInfo[]): Pick<ImportDocument, "priceLists" | "prices"> {
  const prices: Rows<"prices"> = [];
  for (const p of products) {
    const tiers = p.role === "machine" || p.role === "kit" ? [] : r.chance(0.25) ? breaks(r, p) : [];
    const list = (factor: number, priceList: string) => {
      const unit = Math.max(1, Math.round(p.listPriceCents * factor));
      prices.push({ priceList, sku: p.sku, minQty: 1, priceCents: unit });
      tiers.forEach((minQty, i) =>
        prices.push({ priceList, sku: p.sku, minQty, priceCents: Math.max(1, Math.round(unit * (0.94 - i * 0.06))) }),
      );
    };
    list(1, "PL-LIST");
    if (r.chance(0.35)) list(0.8 + r.next() * 0.12, "PL-PARTNER");
    if (r.chance(0.15)) list(0.7 + r.next() * 0.15, "PL-KEY");
  }
  return { priceLists: PRICE_LISTS, prices };
}

const TIERS = ["platinum", "gold", "silver", "bronze"] as const;
const TIER_WEIGHTS = [1, 4, 7, 8];
const LANGUAGES = ["en", "de", "fr", "nl", "it", "pl"] as const;
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface CustomerInput {
  count: number;
  products: ProductInfo[];
  models: MachineModelInfo[];
  fitsByModel: Map<string, Fit[]>;
  asOf: string;
}

export function buildCustomers(
  r: Rng,
  input: CustomerInput,
): Pick<ImportDocument, "customers" | "contractPrices" | "machines" | "orderHistory" | "policy"> {
  const { products, models, fitsByModel, asOf } = input;
  const customers: Rows<"customers"> = [];
  const contractPrices: Rows<"contractPrices"> = [];
  const machines: Rows<"machines"> = [];
  const orderHistory: Rows<"orderHistory"> = [];
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const active = products.filter((p) => !p.discontinued);
  const consumables = active.filter((p) => p.role === "consumable" || p.role === "component");
  const names = new Set<string>();
  let orderSeq = 1;

  const fitsSerial = (f: Fit, s: string) => (!f.serialFrom || f.serialFrom <= s) && (!f.serialTo || s <= f.serialTo);
  const orderable = (p: ProductInfo, r: Rng) => {
    const steps = r.weighted([0, 1, 2, 4, 9], [6, 3, 2, 1, 1]);
    const q = p.moq + steps * p.orderStep;
    return p.maxQty !== undefined ? Math.min(q, p.maxQty) : q;
  };

  for (let i = 1; i <= input.count; i++) {
    const id = `CUST-${String(i).padStart(5, "0")}`;
    const tier = r.weighted(TIERS, TIER_WEIGHTS);
    let name = "";
    do name = `${r.pick(COMPANY_STEMS)} ${r.pick(COMPANY_TRADES)} ${r.pick(COMPANY_FORMS)}`;
    while (names.has(name) && names.size < COMPANY_STEMS.length * COMPANY_TRADES.length * 2);
    if (names.has(name)) name = `${name} (${i})`;
    names.add(name);
    const region = r.pick(REGIONS);
    const creditLimitCents =
      { platinum: 50_000_000, gold: 15_000_000, silver: 5_000_000, bronze: 1_500_000 }[tier] * r.pick([0.5, 1, 1, 2]);
    const usage = r.weighted(["low", "normal", "near", "over"] as const, [4, 10, 2, 0.6]);
    const openBalanceCents = Math.round(
      creditLimitCents *
        { low: r.next() * 0.3, normal: 0.3 + r.next() * 0.5, near: 0.9 + r.next() * 0.09, over: 1.01 + r.next() * 0.1 }[
          usage
        ],
    );
    const blocked = r.chance(0.03);
    const domain = `${slug(name.split(" ").slice(0, 2).join(" "))}.example.com`;
    const shipTos = Array.from({ length: r.weighted([1, 2, 3, 4], [5, 3, 1, 1]) }, (_, s) => {
      const stRegion = s === 0 || r.chance(0.75) ? region : r.pick(REGIONS);
      const [city, country] = r.pick(CITIES[stRegion]);
      return {
        id: `${id}-ST${s + 1}`,
        label: s === 0 ? "Main plant" : r.pick(["Warehouse", "Site B", "Workshop", "Service centre", "Plant 2"]),
        street: `${r.int(1, 240)} ${r.pick(STREETS)}`,
        postalCode: String(r.int(10000, 99999)),
        city,
        country,
        region: stRegion,
        isDefault: s === 0,
      };
    });
    const contacts = Array.from({ length: r.weighted([1, 2, 3, 4], [3, 4, 2, 1]) }, (_, c) => {
      const first = r.pick(FIRST_NAMES),
        last = r.pick(LAST_NAMES);
      return {
        id: `${id}-CT${c + 1}`,
        name: `${first} ${last}`,
        email: `${slug(first)}.${slug(last)}${c}@${domain}`,
        role: r.pick(ROLES),
        language: "en",
      };
    });
    const language = r.weighted(LANGUAGES, [6, 4, 2, 2, 1, 1]);
    for (const c of contacts) c.language = r.chance(0.8) ? language : "en";
    const certifications = [...(r.chance(0.15) ? ["atex"] : []), ...(r.chance(0.12) ? ["hazmat"] : [])];
    customers.push({
      id,
      name,
      tier,
      ...(tier === "platinum"
        ? { priceList: "PL-KEY" }
        : tier === "gold"
          ? { priceList: "PL-PARTNER" }
          : tier === "silver" && r.chance(0.5)
            ? { priceList: "PL-PARTNER" }
            : r.chance(0.8)
              ? { priceList: "PL-LIST" }
              : {}),
      currency: "EUR",
      creditLimitCents,
      openBalanceCents,
      paymentTerms: r.pick(
        tier === "bronze" ? ["NET14", "NET30", "PREPAID"] : ["NET30", "NET45", "NET60", "2/10 NET30"],
      ),
      blocked,
      ...(blocked
        ? { blockedReason: r.pick(["overdue invoices", "credit review pending", "account closed by finance"]) }
        : {}),
      region,
      partialShipment: r.chance(0.75),
      certifications,
      language,
      shipTos,
      contacts,
    });

    // ── installed base ──
    const machineCount = { platinum: r.int(6, 20), gold: r.int(3, 12), silver: r.int(1, 8), bronze: r.int(1, 4) }[tier];
    const mine: { id: string; model: MachineModelInfo; serial: string }[] = [];
    for (let m = 1; m <= machineCount; m++) {
      const model = r.pick(models);
      const f = model.features;
      const sn = serial(r.int(100, 10 ** SERIAL_DIGITS - 1));
      const od: Record<string, string | number | boolean> = {};
      if (typeof f.tempRating === "number") {
        const air = model.kind.key.endsWith("compressor");
        od.medium = air ? "compressed air" : r.pick(MEDIA.filter((x) => x !== "compressed air" && x !== "steam"));
        // Most machines run inside their ratings; a few run hotter or at higher pressure than their parts allow.
        od.mediumTemperature = air
          ? r.int(20, 60)
          : r.chance(0.1)
            ? f.tempRating + r.int(5, 40)
            : r.int(10, Math.max(15, f.tempRating - 10));
        od.systemPressure =
          typeof f.pressureRating === "number"
            ? r.chance(0.1)
              ? f.pressureRating + r.int(1, 8)
              : r.int(2, f.pressureRating)
            : 6;
      }
      for (const key of ["voltage", "phase", "frequency", "connection", "shaftDiameter", "power"] as const)
        if (f[key] !== undefined) od[key] = f[key]!;
      od.operatingHours = r.int(200, 60_000);
      const fits = (fitsByModel.get(model.code) ?? []).filter((x) => fitsSerial(x, sn));
      const machineId = `${id}-M${String(m).padStart(2, "0")}`;
      const label = `${model.kind.noun.replace(/^\w/, (c) => c.toUpperCase())} ${m}`;
      machines.push({
        id: machineId,
        customer: id,
        model: model.code,
        serial: sn,
        label: r.chance(0.5)
          ? label
          : `${r.pick(["Boiler feed", "Cooling water", "Process", "Transfer", "Booster", "Main", "Standby"])} ${model.kind.noun.split(" ").pop()} ${m}`,
        site: `${r.pick(SITES)}, ${shipTos[0]!.city}`,
        installedAt: addDays(asOf, -r.int(60, 5000)),
        operatingData: od,
        components: r.sample(fits, r.int(0, 3)).map((x) => x.sku),
      });
      mine.push({ id: machineId, model, serial: sn });
    }

    // ── order history: re-buys for their machines plus consumables ──
    const orders = { platinum: r.int(15, 40), gold: r.int(6, 25), silver: r.int(2, 12), bronze: r.int(1, 5) }[tier];
    for (let o = 0; o < orders; o++) {
      const lines: Rows<"orderHistory">[number]["lines"] = [];
      const used = new Set<string>();
      for (let l = r.int(1, 6); l > 0; l--) {
        const forMachine = mine.length && r.chance(0.65) ? r.pick(mine) : undefined;
        const fits = forMachine
          ? (fitsByModel.get(forMachine.model.code) ?? []).filter((x) => fitsSerial(x, forMachine.serial))
          : [];
        const sku = fits.length ? r.pick(fits).sku : r.pick(consumables.length ? consumables : active).sku;
        if (used.has(sku)) continue;
        used.add(sku);
        const p = bySku.get(sku)!;
        lines.push({
          sku,
          quantity: orderable(p, r),
          unitPriceCents: Math.round(p.listPriceCents * (0.75 + r.next() * 0.25)),
          ...(fits.length && forMachine ? { machine: forMachine.id } : {}),
        });
      }
      orderHistory.push({
        id: `SO-${String(orderSeq++).padStart(7, "0")}`,
        customer: id,
        orderedAt: addDays(asOf, -r.int(3, 900)),
        reference: `PO ${r.int(100000, 999999)}`,
        lines,
      });
    }

    // ── contract prices: what they buy most, some expired, some with breaks ──
    const contractCount = { platinum: r.int(30, 90), gold: r.int(10, 45), silver: r.int(2, 18), bronze: r.int(0, 5) }[
      tier
    ];
    const favourites = new Set<string>();
    for (const m of mine) for (const f of r.sample(fitsByModel.get(m.model.code) ?? [], 4)) favourites.add(f.sku);
    const picks = [...favourites, ...r.sample(active, contractCount).map((p) => p.sku)].slice(0, contractCount);
    for (const sku of new Set(picks)) {
      const p = bySku.get(sku)!;
      const validFrom = addDays(asOf, r.chance(0.05) ? r.int(5, 60) : -r.int(10, 700));
      const state = r.weighted(["open", "valid", "expired"], [3, 5, 2]);
      const validTo =
        state === "open"
          ? undefined
          : state === "valid"
            ? addDays(asOf, r.int(20, 400))
            : addDays(asOf, -r.int(1, 120));
      if (validTo && validTo < validFrom) continue;
      const priceCents = Math.max(1, Math.round(p.listPriceCents * (0.6 + r.next() * 0.3)));
      contractPrices.push({ customer: id, sku, minQty: 1, priceCents, validFrom, ...(validTo ? { validTo } : {}) });
      if (p.role !== "machine" && r.chance(0.2)) {
        const minQty = Math.max(p.moq, p.orderStep) * 10;
        if (p.maxQty === undefined || minQty <= p.maxQty)
          contractPrices.push({
            customer: id,
            sku,
            minQty,
            priceCents: Math.max(1, Math.round(priceCents * 0.9)),
            validFrom,
            ...(validTo ? { validTo } : {}),
          });
      }
    }
  }

  const policy: Rows<"policy"> = [
    {
      id: "default",
      currency: "EUR",
      maxOrderValueCents: 2_500_000,
      maxDiscountPct: 10,
      maxCreditOverrunCents: 500_000,
      minOrderValueCents: 5_000,
    },
    {
      id: "platinum",
      tier: "platinum",
      currency: "EUR",
      maxOrderValueCents: 10_000_000,
      maxDiscountPct: 20,
      maxCreditOverrunCents: 2_500_000,
      minOrderValueCents: 0,
    },
    {
      id: "gold",
      tier: "gold",
      currency: "EUR",
      maxOrderValueCents: 5_000_000,
      maxDiscountPct: 15,
      maxCreditOverrunCents: 1_000_000,
      minOrderValueCents: 2_500,
    },
    {
      id: "bronze",
      tier: "bronze",
      currency: "EUR",
      maxOrderValueCents: 1_000_000,
      maxDiscountPct: 5,
      maxCreditOverrunCents: 0,
      minOrderValueCents: 10_000,
    },
  ];
  return { customers, contractPrices, machines, orderHistory, policy };
}
