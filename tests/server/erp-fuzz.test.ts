/**
 * Fuzzed bodies, params and headers on every ERP route: never a 5xx, every 4xx is problem+json, and nothing is
 * written by a refused request. Also: the routes are documented in the OpenAPI document.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { recordCounts } from "../reliability/counts.ts";
import { createErpRoutes } from "../../server/erp/index.ts";
import { ACK_KEY, INTEGRATION_KEY, demoWorld, placeOrder } from "./erp-helpers.ts";

const db = demoWorld();
const orderId = placeOrder(db, "t-fuzz");
const app = createErpRoutes({
  db,
  ackKey: ACK_KEY,
  integrationKey: INTEGRATION_KEY,
  webhookUrl: "http://erp.invalid/",
});

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ status: fc.string(), erpOrderNumber: fc.jsonValue({ maxDepth: 1 }) }),
  fc.record({
    changes: fc.array(
      fc.dictionary(
        fc.constantFrom("sku", "warehouse", "onHand", "inbound", "listPriceCents", "priceLists"),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      { maxLength: 4 },
    ),
  }),
);
const body = fc.oneof(
  jsonish.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);
const headerValue = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "").trim());
const pathSegment = fc.string({ minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s));

const routes = [
  { method: "POST", path: (p: string) => `/v1/erp/orders/${p}/ack`, auth: `Bearer ${ACK_KEY}` },
  { method: "POST", path: () => "/v1/integration/stock", auth: `Bearer ${INTEGRATION_KEY}` },
  { method: "POST", path: () => "/v1/integration/prices", auth: `Bearer ${INTEGRATION_KEY}` },
  {
    method: "GET",
    path: (p: string) => `/v1/admin/outbox?limit=${p}&status=${p}&before=${p}`,
    auth: `Bearer ${INTEGRATION_KEY}`,
  },
  { method: "GET", path: (p: string) => `/v1/admin/outbox/${p}`, auth: `Bearer ${INTEGRATION_KEY}` },
  { method: "POST", path: (p: string) => `/v1/admin/outbox/${p}/replay`, auth: `Bearer ${INTEGRATION_KEY}` },
];

describe("ERP routes under fuzzing", () => {
  test("any body, param and header: 2xx or a 4xx problem+json, never a 5xx", async ({ task }) => {
    const runs = Number(process.env.ERP_FUZZ_RUNS ?? 400);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        fc.oneof(pathSegment, fc.constant(orderId)),
        headerValue,
        fc.boolean(),
        fc.constantFrom("application/json", "text/plain", ""),
        async (route, payload, param, key, authorised, contentType) => {
          const headers: Record<string, string> = { "idempotency-key": key };
          if (authorised) headers.authorization = route.auth;
          if (contentType) headers["content-type"] = contentType;
          const res = await app.request(route.path(param), {
            method: route.method,
            headers,
            ...(route.method === "POST" ? { body: payload } : {}),
          });
          expect(res.status, `${route.method} ${route.path(param)} ${payload}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
        },
      ),
      { numRuns: runs, seed: 20261130 },
    );
    // Refused requests wrote nothing: the order is still as handed off.
    expect(db.$client.prepare("SELECT status FROM orders WHERE id = ?").get(orderId)).toEqual({ status: "handed_off" });
    recordCounts(task, {
      check: "bad_input.erp_endpoints",
      requests: runs,
      faults: 0,
      inputs: runs,
      orders: 1,
      lost: 0,
    });
  });

  test("the routes are in the OpenAPI document with their security", () => {
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      "/v1/admin/erp-endpoint/enable",
      "/v1/admin/outbox",
      "/v1/admin/outbox/replay-dead",
      "/v1/admin/outbox/{eventId}",
      "/v1/admin/outbox/{eventId}/replay",
      "/v1/erp/orders/{orderId}/ack",
      "/v1/integration/prices",
      "/v1/integration/stock",
    ]);
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual([
      "erpAckKey",
      "erpSignature",
      "integrationKey",
    ]);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(["ErpAcknowledgement", "StockEvent", "PriceEvent", "OutboxEvent", "Problem"]),
    );
  });
});
