/**
 * The catalog for the storefront: search, and a product's detail with the session customer's price and
 * availability (the engine's figures for a line of that product). Guests get the list price and whether it is in
 * stock — never a customer's contract price. Names, descriptions, category names and feature names come in the
 * request's language (server/locale.ts) where the catalog has them, else in its default language.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { categoryNamesIn } from "../../catalog/queries/localized.ts";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { validateDraft } from "../../tools/engine.ts";
import { notFound } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import { requestLocale } from "../locale.ts";
import { buyerSecurity, json, problems, typedText } from "./shared.ts";

export interface CatalogRouteDeps {
  db: Db;
  now: () => Date;
}

const hitSchema = z.object({
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string().describe("The category's name in the request's language"),
  manufacturer: z.string().nullable(),
  lifecycle: z.string(),
  successorSku: z.string().nullable(),
});

const productSchema = z
  .object({
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    categoryName: z.string().describe("The category's name in the request's language"),
    manufacturer: z.string().nullable(),
    orderUnit: z.string(),
    moq: z.number(),
    orderStep: z.number(),
    lifecycle: z.string(),
    successorSku: z.string().nullable(),
    features: z.record(z.string(), z.unknown()),
    featureNames: z
      .record(z.string(), z.string())
      .describe("Names of the features in the request's language, by feature key (where the catalog has them)"),
    price: z.object({
      currency: z.string(),
      unitPriceCents: z.number().nullable(),
      source: z.string().describe("list (guests) or the engine's price source for the session's customer"),
      quantity: z.number(),
    }),
    availability: z.object({
      inStock: z.boolean(),
      promiseDate: z.string().nullable(),
      verdict: z.string().nullable().describe("the engine's verdict for this quantity (signed-in buyers)"),
    }),
  })
  .openapi("Product");

const skuParam = z.object({
  sku: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[\w./+-]+$/, "a SKU")
    .openapi({ param: { name: "sku", in: "path" }, example: "SE-MS28-CC-EPDM" }),
});

const tags = ["catalog"];
const routes = {
  search: createRoute({
    method: "get",
    path: "/v1/catalog/search",
    tags,
    security: buyerSecurity,
    summary: "Search the catalog (words, SKU fragments, product types)",
    request: {
      query: z.object({
        q: typedText(200),
        category: z.string().max(120).optional(),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
    },
    responses: { 200: json(z.object({ hits: z.array(hitSchema) }), "Hits, best first"), ...problems(400, 401, 429) },
  }),
  product: createRoute({
    method: "get",
    path: "/v1/catalog/products/{sku}",
    tags,
    security: buyerSecurity,
    summary: "Product detail with the session customer's price and availability",
    request: {
      params: skuParam,
      query: z.object({ quantity: z.coerce.number().int().min(1).max(1_000_000).optional() }),
    },
    responses: { 200: json(productSchema, "The product"), ...problems(400, 401, 404, 429) },
  }),
};

export function registerCatalogRoutes(app: OpenAPIHono<AppEnv>, deps: CatalogRouteDeps): void {
  const search = createCatalogSearch(deps.db);
  const data = createCatalogReader(deps.db);
  const categoryNames = (locale: string | undefined) => {
    const names = categoryNamesIn(deps.db.$client, locale);
    return (code: string) => names.get(code) ?? code;
  };

  app.openapi(routes.search, (c) => {
    const { q, category, limit } = c.req.valid("query");
    const locale = requestLocale(c.req.header("accept-language"), c.var.session);
    const categoryName = categoryNames(locale);
    const hits = search
      .search({ query: q, ...(category ? { category } : {}), ...(locale ? { language: locale } : {}), limit })
      .map((h) => ({
        sku: h.sku,
        name: h.name,
        category: h.category,
        categoryName: categoryName(h.category),
        manufacturer: h.manufacturer,
        lifecycle: h.lifecycle,
        successorSku: h.successorSku,
      }));
    return c.json({ hits }, 200);
  });

  app.openapi(routes.product, (c) => {
    const { sku } = c.req.valid("param");
    const locale = requestLocale(c.req.header("accept-language"), c.var.session);
    const texts = data.inLanguage?.(locale) ?? data;
    const product = texts.products([sku]).get(sku);
    if (!product || product.lifecycle === "inactive") throw notFound("product");
    const quantity = c.req.valid("query").quantity ?? Math.max(product.moq, 1);
    const session = c.var.session;
    const now = deps.now();
    const features = data.features([sku]).get(sku) ?? {};
    const allNames = data.featureNames?.(locale) ?? {};
    const base = {
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category,
      categoryName: categoryNames(locale)(product.category),
      manufacturer: product.manufacturer,
      orderUnit: product.orderUnit,
      moq: product.moq,
      orderStep: product.orderStep,
      lifecycle: product.lifecycle,
      successorSku: product.successorSku,
      features,
      featureNames: Object.fromEntries(
        Object.keys(features).flatMap((k) => (allNames[k] ? [[k, allNames[k]] as const] : [])),
      ),
    };
    if (session.kind === "buyer") {
      const report = validateDraft(
        { lines: [{ lineId: "p", sku, quantity }] },
        { customerId: session.customerId, now, data, ...(locale ? { language: locale } : {}) },
      );
      const line = report.lines[0];
      return c.json(
        {
          ...base,
          price: {
            currency: report.currency,
            unitPriceCents: line?.unitPriceCents ?? null,
            source: line?.priceSource ?? "unavailable",
            quantity,
          },
          availability: {
            inStock: Boolean(line?.schedule.length && line.schedule.every((s) => s.source === "on_hand")),
            promiseDate: line?.promiseDate ?? null,
            verdict: line?.verdict ?? null,
          },
        },
        200,
      );
    }
    const stock = data.stock([sku], now.toISOString()).get(sku);
    const free = (stock?.warehouses ?? []).reduce((n, w) => n + Math.max(0, w.onHand - w.reserved - w.held), 0);
    return c.json(
      {
        ...base,
        price: { currency: product.currency, unitPriceCents: product.listPriceCents, source: "list", quantity },
        availability: { inStock: free > 0, promiseDate: null, verdict: null },
      },
      200,
    );
  });
}
