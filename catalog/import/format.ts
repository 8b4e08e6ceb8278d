/**
 * The OrderShield import format: what `npm run catalog:import` reads, what the demo seed and the
 * scale generator write. One JSON document per section (a folder of `<section>.json` files, or one
 * file holding several sections as keys); products, stock and prices may also come as CSV.
 *
 * Money is in cents of the product/customer currency, per order unit. Dates are `YYYY-MM-DD`.
 * Documented in docs/import-format.md.
 */
import { z } from "zod";

const id = z.string().trim().min(1).max(120);
const sku = z.string().trim().min(1).max(80);
const date = z.iso.date();
const cents = z.number().int().nonnegative();
const qty = z.number().positive().finite();
const tier = z.string().trim().min(1).max(40);

/** ISO 639-1 language code, stored in lower case ("de", "en"). */
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, "expected an ISO 639-1 language code such as de or en");
const keywordList = z.array(z.string().trim().min(1).max(120)).max(100);
/**
 * Texts per language, keyed by language code. A field left out falls back to the base field, which is in the
 * catalog's default language. Strict objects: a misspelt field inside a language is an error, not dropped.
 */
const textsByLanguage = (nameMax: number) =>
  z.record(
    languageCode,
    z.strictObject({
      name: z.string().trim().min(1).max(nameMax).optional(),
      description: z.string().max(5000).optional(),
      keywords: keywordList.optional(),
    }),
  );
/** A label per language, keyed by language code. */
const labelsByLanguage = z.record(languageCode, z.string().trim().min(1).max(200));

export const languageRow = z.object({
  code: languageCode,
  name: z.string().trim().min(1).max(80).optional(),
  default: z.boolean().default(false),
});

/**
 * Characters a reader of catalog text cannot see: Unicode format characters (bidi overrides, embeddings and isolates
 * U+202A–U+202E and U+2066–U+2069, marks, zero-width spaces and joiners, soft hyphens, byte-order marks), halves of
 * a broken surrogate pair, and control characters other than tab and line breaks. A U+202E in a product name shown
 * inline in a reply reverses the rest of the sentence; a zero-width space in a SKU's name hides it from search.
 */
const HIDDEN_CHAR = /[\p{Cf}\uD800-\uDFFF]|[^\P{Cc}\t\n\r]/u;
const BIDI_NAMES: Record<number, string> = {
  8206: "left-to-right mark",
  8207: "right-to-left mark",
  8234: "left-to-right embedding",
  8235: "right-to-left embedding",
  8236: "pop directional formatting",
  8237: "left-to-right override",
  8238: "right-to-left override",
  8294: "left-to-right isolate",
  8295: "right-to-left isolate",
  8296: "first strong isolate",
  8297: "pop directional isolate",
  1564: "arabic letter mark",
};

/** `U+202E (right-to-left override) at character 5`, for the first hidden character of `text`, or null. */
export function hiddenCharacterIn(text: string): string | null {
  const m = HIDDEN_CHAR.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const name = BIDI_NAMES[code] ?? (/\p{Cc}/u.test(m[0]) ? "control character" : "invisible character");
  return `U+${hex} (${name}) at character ${m.index + 1}`;
}

/**
 * Every text and key of a row, at any depth, free of hidden characters: one issue per text at fault, at its path
 * (`name`, `texts.de.description`, `features.voltage`), so the import names the row and field to fix.
 */
export const visibleRowText = z.unknown().superRefine((row, ctx) => {
  // One shared path stack: this runs for every row of a 100k-product import.
  const path: (string | number)[] = [];
  const report = (found: string, what: string) =>
    ctx.addIssue({
      code: "custom",
      path: [...path],
      message: `${what} contains ${found}; catalog text must show as it reads`,
    });
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      const found = hiddenCharacterIn(value);
      if (found) report(found, "the text");
    } else if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        path.push(k);
        const found = hiddenCharacterIn(k);
        if (found) report(found, "the key");
        walk(v);
        path.pop();
      }
  };
  walk(row);
});

export const featureValue = z.union([z.number().finite(), z.string(), z.boolean(), z.array(z.string())]);
/** Typed features: a number, text, boolean or list of text. A number may carry a unit as `{ value, unit }`. */
const features = z
  .record(
    z.string().min(1).max(80),
    z.union([featureValue, z.object({ value: z.number().finite(), unit: z.string().min(1).max(20) })]),
  )
  .default({});

export const categoryRow = z.object({
  code: id,
  name: z.string().min(1),
  parent: id.optional(),
  texts: textsByLanguage(200).optional(),
});

export const productRow = z
  .object({
    sku,
    name: z.string().trim().min(1).max(300),
    description: z.string().max(5000).default(""),
    category: id,
    manufacturer: z.string().max(200).optional(),
    orderUnit: z.string().trim().min(1).max(10).default("PCE"),
    contentUnit: z.string().trim().min(1).max(10).default("PCE"),
    contentQty: qty.default(1),
    moq: qty.default(1),
    orderStep: qty.default(1),
    maxQty: qty.optional(),
    leadTimeDays: z.number().int().nonnegative().max(730).default(14),
    lifecycle: z.enum(["active", "discontinued", "inactive"]).default("active"),
    successor: sku.optional(),
    listPriceCents: cents,
    currency: z.string().length(3).default("EUR"),
    hazardous: z.boolean().default(false),
    requiresCertification: z.string().min(1).optional(),
    blockedRegions: z.array(z.string().min(1)).default([]),
    configModel: id.optional(),
    machineModel: id.optional(),
    features,
    texts: textsByLanguage(300).optional(),
  })
  .refine((p) => p.moq % p.orderStep === 0 || p.orderStep === 1 || Number.isInteger(p.moq / p.orderStep), {
    message: "moq must be a multiple of orderStep",
    path: ["moq"],
  })
  .refine((p) => p.maxQty === undefined || p.maxQty >= p.moq, { message: "maxQty must be >= moq", path: ["maxQty"] })
  .refine((p) => p.lifecycle !== "discontinued" || p.successor === undefined || p.successor !== p.sku, {
    message: "a product cannot be its own successor",
    path: ["successor"],
  });

export const relationRow = z.object({
  sku,
  type: z.enum(["sparepart", "accessories", "mandatory", "select", "followup", "similar", "consists_of"]),
  target: sku,
  quantity: qty.default(1),
  group: z.string().min(1).optional(),
});

export const machineModelRow = z.object({
  code: id,
  name: z.string().min(1),
  manufacturer: z.string().optional(),
  category: id.optional(),
  features: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
});

export const fitmentRow = z
  .object({
    part: sku,
    machineModel: id,
    serialFrom: z.string().min(1).optional(),
    serialTo: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .refine((f) => !f.serialFrom || !f.serialTo || f.serialFrom <= f.serialTo, {
    message: "serialFrom must not be after serialTo",
    path: ["serialTo"],
  });

export const compatRuleRow = z.object({
  code: z.string().regex(/^compat\.[a-z0-9_]+$/, "rule codes look like compat.voltage_mismatch"),
  scope: z.enum(["machine", "line"]),
  category: id.optional(),
  feature: z.string().min(1),
  operator: z.enum(["eq", "gte", "lte", "contains", "medium_compatible"]),
  otherKey: z.string().min(1),
  otherCategory: id.optional(),
  severity: z.enum(["block", "approval", "warn"]).default("block"),
  message: z.string().min(1),
});

export const mediaCompatRow = z.object({
  material: z.string().min(1),
  medium: z.string().min(1),
  rating: z.enum(["ok", "limited", "no"]),
});

export const configModelRow = z
  .object({
    id,
    name: z.string().min(1),
    groups: z
      .array(
        z.object({
          code: id,
          label: z.string().min(1),
          labels: labelsByLanguage.optional(),
          min: z.number().int().nonnegative().default(1),
          max: z.number().int().positive().default(1),
          default: z.string().optional(),
          options: z
            .array(
              z.object({
                value: id,
                label: z.string().min(1),
                labels: labelsByLanguage.optional(),
                priceDeltaCents: z.number().int().default(0),
                /** What choosing this value makes the line: features the compatibility rules read (`voltage: 690`). */
                features,
                /**
                 * Features this value gives only together with another group's value, laid over `features` then
                 * (`{ "if": { "group": "supply", "value": "230-1" }, "features": { "ratedCurrent": 4.2 } }`).
                 */
                featuresWhen: z
                  .array(z.object({ if: z.object({ group: id, value: id }), features }).strict())
                  .max(50)
                  .default([]),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
    constraints: z
      .array(
        z.object({
          kind: z.enum(["requires", "excludes"]),
          if: z.object({ group: id, value: id }),
          then: z.object({ group: id, value: id }),
        }),
      )
      .default([]),
  })
  .superRefine((m, ctx) => {
    const values = new Map(m.groups.map((g) => [g.code, new Set(g.options.map((o) => o.value))]));
    m.groups.forEach((g, gi) => {
      if (g.min > g.max) ctx.addIssue({ code: "custom", message: "min must be <= max", path: ["groups", gi, "min"] });
      if (g.default !== undefined && !values.get(g.code)?.has(g.default))
        ctx.addIssue({
          code: "custom",
          message: `default "${g.default}" is not an option`,
          path: ["groups", gi, "default"],
        });
    });
    m.groups.forEach((g, gi) =>
      g.options.forEach((o, oi) =>
        o.featuresWhen.forEach((w, wi) => {
          const path = ["groups", gi, "options", oi, "featuresWhen", wi, "if"];
          if (!values.get(w.if.group)?.has(w.if.value))
            ctx.addIssue({ code: "custom", message: `unknown option ${w.if.group}=${w.if.value}`, path });
          else if (w.if.group === g.code)
            ctx.addIssue({
              code: "custom",
              message: `names its own group "${g.code}": features of a value in the same group go in that value's features`,
              path,
            });
        }),
      ),
    );
    m.constraints.forEach((c, ci) => {
      for (const side of ["if", "then"] as const) {
        if (!values.get(c[side].group)?.has(c[side].value))
          ctx.addIssue({
            code: "custom",
            message: `unknown option ${c[side].group}=${c[side].value}`,
            path: ["constraints", ci, side],
          });
      }
    });
  });

/** Feature names per language (ETIM/ECLASS feature names), by the feature key products use. */
export const featureNameRow = z.object({
  key: z.string().trim().min(1).max(80),
  names: labelsByLanguage,
});

/** The merchant's synonym list: `term` and its `synonyms` are equivalent words in `language`. */
export const synonymRow = z.object({
  language: languageCode,
  term: z.string().trim().min(1).max(120),
  synonyms: keywordList.min(1),
  category: id.optional(),
});

export const warehouseRow = z.object({
  code: id,
  name: z.string().min(1),
  region: z.string().min(1),
  shipDaysLocal: z.number().int().nonnegative().default(1),
  shipDaysRemote: z.number().int().nonnegative().default(3),
});

export const stockRow = z.object({
  sku,
  warehouse: id,
  onHand: z.number().nonnegative().finite(),
  reserved: z.number().nonnegative().finite().default(0),
});

export const inboundRow = z.object({
  sku,
  warehouse: id,
  quantity: qty,
  eta: date,
  reference: z.string().optional(),
});

export const allocationRow = z.object({
  sku,
  warehouse: id.optional(),
  protectedQty: qty,
  forTier: tier,
});

export const priceListRow = z.object({ id, name: z.string().min(1), currency: z.string().length(3).default("EUR") });

export const priceRow = z.object({ priceList: id, sku, minQty: qty.default(1), priceCents: cents });

export const contractPriceRow = z
  .object({
    customer: id,
    sku,
    minQty: qty.default(1),
    priceCents: cents,
    validFrom: date,
    validTo: date.optional(),
  })
  .refine((c) => !c.validTo || c.validFrom <= c.validTo, { message: "validTo is before validFrom", path: ["validTo"] });

export const customerRow = z.object({
  id,
  name: z.string().min(1),
  tier,
  priceList: id.optional(),
  currency: z.string().length(3).default("EUR"),
  creditLimitCents: cents,
  openBalanceCents: z.number().int().default(0),
  paymentTerms: z.string().min(1).default("NET30"),
  blocked: z.boolean().default(false),
  blockedReason: z.string().optional(),
  region: z.string().min(1),
  partialShipment: z.boolean().default(true),
  certifications: z.array(z.string().min(1)).default([]),
  language: z.string().min(2).max(5).default("en"),
  shipTos: z
    .array(
      z.object({
        id,
        label: z.string().min(1),
        street: z.string().min(1),
        postalCode: z.string().min(1),
        city: z.string().min(1),
        country: z.string().length(2),
        region: z.string().min(1),
        isDefault: z.boolean().default(false),
      }),
    )
    .default([]),
  contacts: z
    .array(
      z.object({
        id,
        name: z.string().min(1),
        email: z.email(),
        role: z.string().optional(),
        language: z.string().min(2).max(5).default("en"),
      }),
    )
    .default([]),
});

export const machineRow = z.object({
  id,
  customer: id,
  model: id,
  serial: z.string().min(1),
  label: z.string().min(1),
  site: z.string().default(""),
  installedAt: date.optional(),
  operatingData: z.record(z.string(), z.union([z.number().finite(), z.string(), z.boolean()])).default({}),
  components: z.array(sku).default([]),
});

export const orderHistoryRow = z.object({
  id,
  customer: id,
  orderedAt: date,
  reference: z.string().optional(),
  lines: z.array(z.object({ sku, quantity: qty, unitPriceCents: cents.optional(), machine: id.optional() })).min(1),
});

export const policyRow = z.object({
  id: id.default("default"),
  tier: tier.optional(),
  currency: z.string().length(3).default("EUR"),
  maxOrderValueCents: cents,
  maxDiscountPct: z.number().min(0).max(100),
  maxCreditOverrunCents: cents,
  minOrderValueCents: cents.default(0),
});

/** Every section of the format, in the order the importer applies them (references point backwards). */
export const SECTIONS = {
  languages: languageRow,
  categories: categoryRow,
  machineModels: machineModelRow,
  configModels: configModelRow,
  products: productRow,
  featureNames: featureNameRow,
  synonyms: synonymRow,
  relations: relationRow,
  fitment: fitmentRow,
  rules: compatRuleRow,
  mediaCompat: mediaCompatRow,
  warehouses: warehouseRow,
  stock: stockRow,
  inbound: inboundRow,
  allocations: allocationRow,
  priceLists: priceListRow,
  prices: priceRow,
  customers: customerRow,
  contractPrices: contractPriceRow,
  machines: machineRow,
  orderHistory: orderHistoryRow,
  policy: policyRow,
} as const;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

/** A whole import document: every section optional. */
export const importDocument = z.object(
  Object.fromEntries(SECTION_NAMES.map((n) => [n, z.array(SECTIONS[n]).optional()])) as {
    [K in SectionName]: z.ZodOptional<z.ZodArray<(typeof SECTIONS)[K]>>;
  },
);

export type ImportDocument = { [K in SectionName]?: z.input<(typeof SECTIONS)[K]>[] };
export type ParsedImport = { [K in SectionName]?: z.output<(typeof SECTIONS)[K]>[] };
export type ProductRow = z.output<typeof productRow>;
export type CustomerRow = z.output<typeof customerRow>;
export type ConfigModelRow = z.output<typeof configModelRow>;
export type LanguageTexts = NonNullable<ProductRow["texts"]>;

/** Sections that may also come as CSV (what ERPs export), by file name `<section>.csv`. */
export const CSV_SECTIONS = ["products", "stock", "prices"] as const satisfies readonly SectionName[];
