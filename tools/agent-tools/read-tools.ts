/** The read tools: catalog search, product details, installed base, order history, compatibility, stock, configuration, price. */
import type { StructuredToolInterface } from "@langchain/core/tools";
import { z } from "zod";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { configurationState } from "../checks/configuration.ts";
import { codeField, MAX_SEARCH_QUERY_LENGTH } from "../limits.ts";
import { msg } from "../messages/index.ts";
import {
  compactIssue,
  DATA_NOTE,
  fail,
  json,
  machineArg,
  machineOf,
  normaliseOptions,
  optionsArg,
  qtyArg,
  session,
  shieldTool,
  skuArg,
  type ToolDeps,
} from "./shared.ts";

/** The buyer's language for product texts in a result, when it differs from the session's (e.g. they wrote German). */
const languageArg = z
  .string()
  .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/)
  .describe("ISO 639-1 language (or locale) for product names and texts; defaults to the session's");

/** Argument schemas, built once per process (zod compiles a schema on its first parse; one per agent paid it again). */
const SEARCH_CATALOG_ARGS = z.object({
  query: z.string().min(1).max(MAX_SEARCH_QUERY_LENGTH),
  category: codeField.optional(),
  machineId: machineArg.optional(),
  limit: z.number().int().min(1).max(25).optional(),
  language: languageArg.optional(),
});
const GET_PRODUCT_ARGS = z.object({ sku: skuArg, language: languageArg.optional() });
const GET_INSTALLED_BASE_ARGS = z.object({});
const GET_ORDER_HISTORY_ARGS = z.object({ sku: skuArg.optional(), machineId: machineArg.optional() });
const CHECK_COMPATIBILITY_ARGS = z.object({ sku: skuArg, machineId: machineArg, options: optionsArg.optional() });
const CHECK_STOCK_ARGS = z.object({ sku: skuArg, quantity: qtyArg });
const GET_CONFIGURATION_ARGS = z.object({ sku: skuArg, options: optionsArg.optional() });
const GET_PRICE_ARGS = z.object({ sku: skuArg, quantity: qtyArg, options: optionsArg.optional() });

export function createReadTools({ db, data, probe, noSession }: ToolDeps): StructuredToolInterface[] {
  const catalogSearch = createCatalogSearch(db);

  const search_catalog = shieldTool(
    ({ query, category, machineId, limit, language }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const customer = data.customer(s.customerId);
      const machine = machineOf(customer, machineId);
      if (machineId && !machine) return fail(msg("tool.unknown_machine", {}), {}, s.locale);
      const hits = catalogSearch
        .search({
          query,
          ...((language ?? s.locale) ? { language: language ?? s.locale } : {}),
          ...(category ? { category } : {}),
          ...(machine ? { machineModel: machine.model, serial: machine.serial } : {}),
          limit: Math.min(Math.max(limit ?? 8, 1), 25),
        })
        .map((h) => ({
          sku: h.sku,
          name: h.name,
          category: h.category,
          manufacturer: h.manufacturer ?? undefined,
          lifecycle: h.lifecycle,
          successorSku: h.successorSku ?? undefined,
          ...(machine ? { fitsMachine: h.fitsExplicitly } : {}),
        }));
      return json({ count: hits.length, note: DATA_NOTE, data: hits });
    },
    {
      name: "search_catalog",
      description:
        "Search the product catalog by words, SKU fragments, product type or machine model. Optionally only parts that fit one of the buyer's machines.",
      schema: SEARCH_CATALOG_ARGS,
    },
  );

  const get_product = shieldTool(
    ({ sku, language }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const locale = language ?? s.locale;
      const texts = data.inLanguage?.(locale) ?? data;
      const product = texts.products([sku]).get(sku);
      if (!product)
        return fail(msg("tool.unknown_sku", { sku }), { sku, didYouMean: data.suggestSkus(sku, 5) }, s.locale);
      const features = data.features([sku]).get(sku) ?? {};
      const names = data.featureNames?.(locale) ?? {};
      const featureNames = Object.fromEntries(Object.keys(features).flatMap((k) => (names[k] ? [[k, names[k]]] : [])));
      const relations = data
        .relations([sku])
        .map((r) => ({ type: r.type, sku: r.targetSku, quantity: r.quantity, group: r.groupName ?? undefined }));
      const model = product.configModelId ? texts.configModel(product.configModelId) : undefined;
      const { listPriceCents: _list, ...facts } = product;
      return json({
        note: DATA_NOTE,
        data: {
          ...facts,
          features,
          ...(Object.keys(featureNames).length ? { featureNames } : {}),
          relations,
          configuration: model?.groups.map((g) => ({
            group: g.code,
            label: g.label,
            min: g.min,
            max: g.max,
            default: g.defaultValue,
            values: g.options.map((o) => o.value),
          })),
        },
        hint: "prices are customer-specific: use get_price",
      });
    },
    {
      name: "get_product",
      description:
        "Product details: features, units, MOQ and step, lifecycle/successor, relations, configuration groups.",
      schema: GET_PRODUCT_ARGS,
    },
  );

  const get_installed_base = shieldTool(
    (_args, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const customer = data.customer(s.customerId);
      const machines = customer?.machines ?? [];
      return json({
        note: DATA_NOTE,
        // Whose account this is: "Meyer from <the account's own company>" names the buyer's own company, not another.
        account: { name: customer?.name ?? "" },
        // Where the order can go: "deliver to the service van, not the workshop" names one of these.
        shipTos: (customer?.shipTos ?? []).map((t) => ({
          shipToId: t.id,
          label: t.label,
          street: t.street,
          postalCode: t.postalCode,
          city: t.city,
          country: t.country,
          isDefault: t.isDefault,
        })),
        data: machines.map((m) => ({
          machineId: m.id,
          label: m.label,
          model: m.model,
          modelName: m.modelName,
          serial: m.serial,
          site: m.site,
          attributes: m.attributes,
          components: m.components,
        })),
      });
    },
    {
      name: "get_installed_base",
      description:
        "The buyer's own machines (installed base) with operating data, the account's own company name, and its delivery addresses (shipTos; set one with set_order_details).",
      schema: GET_INSTALLED_BASE_ARGS,
    },
  );

  const get_order_history = shieldTool(
    ({ sku, machineId }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const rows = data
        .orderHistory(s.customerId, 200)
        .filter((r) => (!sku || r.sku === sku) && (!machineId || r.machineId === machineId));
      return json({ note: DATA_NOTE, data: rows.slice(0, 30) });
    },
    {
      name: "get_order_history",
      description: "The buyer's earlier orders (for 'same as last time'), optionally for one SKU or machine.",
      schema: GET_ORDER_HISTORY_ARGS,
    },
  );

  const check_compatibility = shieldTool(
    ({ sku, machineId, options }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      if (!machineOf(data.customer(s.customerId), machineId))
        return fail(msg("tool.unknown_machine", {}), {}, s.locale);
      const product = data.products([sku]).get(sku);
      if (!product)
        return fail(msg("tool.unknown_sku", { sku }), { sku, didYouMean: data.suggestSkus(sku, 5) }, s.locale);
      // A configured product is checked as configured: the chosen values are its features (voltage, seal…).
      const chosen = normaliseOptions(options);
      const line = probe(
        s.customerId,
        {
          sku,
          quantity: product.moq,
          machineId,
          ...(chosen ? { options: chosen } : {}),
        },
        undefined,
        s.locale,
      ).lines[0];
      const issues = (line?.issues ?? []).filter((i) => i.code.startsWith("compat.") || i.code.startsWith("product."));
      return json({
        sku,
        machineId,
        compatible: !issues.some((i) => i.severity === "block"),
        issues: issues.map(compactIssue),
      });
    },
    {
      name: "check_compatibility",
      description:
        "Does this product fit this machine of the buyer (for a configurable product: as configured with `options`)? Verdict with reasons, option values that fit and compatible alternatives.",
      schema: CHECK_COMPATIBILITY_ARGS,
    },
  );

  const check_stock = shieldTool(
    ({ sku, quantity }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const line = probe(s.customerId, { sku, quantity }, undefined, s.locale).lines[0];
      if (!line) return fail(msg("tool.unknown_sku", { sku }), { sku, didYouMean: data.suggestSkus(sku, 5) }, s.locale);
      const issues = line.issues.filter((i) => /^(stock|qty|product|availability)\./.test(i.code));
      return json({
        sku,
        quantity: line.quantity,
        unit: line.unit,
        verdict: line.verdict,
        promiseDate: line.promiseDate,
        schedule: line.schedule,
        issues: issues.map(compactIssue),
      });
    },
    {
      name: "check_stock",
      description: "Availability and promise date for a quantity (split deliveries when the buyer allows them).",
      schema: CHECK_STOCK_ARGS,
    },
  );

  const get_configuration = shieldTool(
    ({ sku, options }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const product = data.products([sku]).get(sku);
      if (!product)
        return fail(msg("tool.unknown_sku", { sku }), { sku, didYouMean: data.suggestSkus(sku, 5) }, s.locale);
      const texts = data.inLanguage?.(s.locale) ?? data;
      const model = product.configModelId ? texts.configModel(product.configModelId) : undefined;
      if (!model) return json({ sku, configurable: false, complete: true, consistent: true });
      const chosen = normaliseOptions(options) ?? {};
      const state = configurationState(model, chosen);
      return json({
        sku,
        configurable: true,
        complete: state.complete,
        consistent: state.consistent,
        chosen,
        missing: state.missing,
        ...(state.violations.length ? { violations: state.violations } : {}),
        ...(state.unknownGroups.length ? { unknownGroups: state.unknownGroups } : {}),
        ...(state.unknownValues.length ? { unknownValues: state.unknownValues } : {}),
        ...(state.tooMany.length ? { tooMany: state.tooMany } : {}),
        surchargeCentsPerUnit: state.priceDeltaCents,
        note: DATA_NOTE,
        data: {
          groups: model.groups.map((g) => ({
            group: g.code,
            label: g.label,
            min: g.min,
            max: g.max,
            chosen: chosen[g.code] ?? [],
            ...(state.possible[g.code] ? { allowed: state.possible[g.code] } : {}),
            options: g.options.map((o) => ({
              value: o.value,
              label: o.label,
              surchargeCents: o.priceDeltaCents,
              ...(o.features && Object.keys(o.features).length > 0 ? { features: o.features } : {}),
            })),
          })),
        },
      });
    },
    {
      name: "get_configuration",
      description:
        "Configuration state of a configurable product for the chosen options: complete/consistent, and the values still allowed per open group.",
      schema: GET_CONFIGURATION_ARGS,
    },
  );

  const get_price = shieldTool(
    ({ sku, quantity, options }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      // A configured product is priced as configured: the chosen values' surcharges are part of its price.
      const chosen = normaliseOptions(options);
      const report = probe(
        s.customerId,
        { sku, quantity, ...(chosen ? { options: chosen } : {}) },
        undefined,
        s.locale,
      );
      const line = report.lines[0];
      if (!line || line.unitPriceCents === undefined)
        return fail(msg("tool.no_price", { sku }), { sku, didYouMean: data.suggestSkus(sku, 5) }, s.locale);
      return json({
        sku,
        quantity: line.quantity,
        unit: line.unit,
        currency: report.currency,
        unitPriceCents: line.unitPriceCents,
        priceSource: line.priceSource,
        amountCents: line.amountCents,
      });
    },
    {
      name: "get_price",
      description:
        "This buyer's price for a quantity (contract, price-list break or list price), computed by the engine; for a configurable product pass the chosen options (their surcharges are in the price).",
      schema: GET_PRICE_ARGS,
    },
  );

  return [
    search_catalog,
    get_product,
    get_installed_base,
    get_order_history,
    check_compatibility,
    check_stock,
    get_configuration,
    get_price,
  ] as StructuredToolInterface[];
}
