/**
 * The buyer's locale over HTTP: the widget's Accept-Language (or the token's `locale` claim) selects the language
 * of the catalog routes and of the engine's messages in a conversation; facts and codes are the same in every
 * language.
 */
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../catalog/seed/index.ts";
import { readEnv } from "../../server/env.ts";
import { widgetRoutesFromEnv } from "../../server/routes/widget.ts";
import { bearer, Buyer, SECRET, testServer, token } from "./helpers.ts";

const SEAL = "SE-MS28-CC-EPDM";

interface Product {
  name: string;
  description: string;
  categoryName: string;
  featureNames: Record<string, string>;
  price: { unitPriceCents: number; source: string };
  availability: { promiseDate: string | null; verdict: string | null };
}

describe("the catalog routes in the buyer's language", () => {
  const server = testServer();
  const product = async (headers: Record<string, string>) =>
    (await (await server.request(`/v1/catalog/products/${SEAL}`, { headers })).json()) as Product;

  it("product detail: names, description, category and feature names in German; the same price and date", async () => {
    const jwt = await token();
    const de = await product({ ...bearer(jwt), "accept-language": "de-DE,de;q=0.9,en;q=0.5" });
    const en = await product({ ...bearer(jwt), "accept-language": "en-GB" });
    expect(de.name).toBe("Gleitringdichtung 28 mm, Kohle/Keramik, EPDM");
    expect(en.name).toBe("Mechanical seal 28 mm, carbon/ceramic, EPDM");
    expect(de.description).not.toBe(en.description);
    expect(de.description).toMatch(/Gleitringdichtung/);
    expect(de.categoryName).not.toBe(en.categoryName);
    expect(de.featureNames).toMatchObject({ material: "Werkstoff" });
    expect(de.price).toEqual(en.price);
    expect(de.availability).toEqual(en.availability);
    // No header: the catalog's default texts.
    expect((await product(bearer(jwt))).name).toBe(en.name);
  });

  it("search: hits named in the request's language", async () => {
    const res = await server.request("/v1/catalog/search?q=Gleitringdichtung%2028", {
      headers: { "accept-language": "de" },
    });
    const { hits } = (await res.json()) as { hits: { sku: string; name: string; categoryName: string }[] };
    expect(hits.find((h) => h.sku === SEAL)?.name).toMatch(/^Gleitringdichtung 28 mm/);
  });

  it("the token's locale claim counts when the request names no language", async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ customer_id: "C-1001", locale: "de" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("buyer-1")
      .setAudience("ordershield")
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(SECRET));
    expect((await product(bearer(jwt))).name).toMatch(/^Gleitringdichtung/);
    expect((await product({ ...bearer(jwt), "accept-language": "en" })).name).toMatch(/^Mechanical seal/);
  });

  it("the storefront's listing names categories and products in the shop's language", async () => {
    const storefront = widgetRoutesFromEnv({ db: server.db, env: readEnv({}) });
    const res = await storefront.request("/demo/catalog?category=seals", { headers: { "accept-language": "de" } });
    const body = (await res.json()) as {
      categories: { code: string; name: string }[];
      products: { sku: string; name: string }[];
    };
    expect(body.products.find((p) => p.sku === SEAL)?.name).toMatch(/^Gleitringdichtung/);
    const english = (await (await storefront.request("/demo/catalog?category=seals")).json()) as typeof body;
    const name = (b: typeof body) => b.categories.find((c) => c.code === "seals")?.name;
    expect(name(body)).not.toBe(name(english));
  });
});

describe("a conversation in the buyer's language", () => {
  it("the engine's messages in the report follow the widget's locale, message by message", async () => {
    // A model that adds a line with a quantity off the step, twice (one per buyer message).
    const model = fakeModel();
    for (const id of ["a", "b"]) {
      model.respond(
        new AIMessage({
          content: "",
          tool_calls: [
            {
              name: "add_line",
              args: { sku: DEMO.skus.cheapNipple, quantity: 1.5 },
              id: `call-${id}`,
              type: "tool_call",
            },
          ],
        }),
      );
      model.respond(new AIMessage("ok"));
    }
    const server = testServer({ model: () => model as never });
    const buyer = await Buyer.of(server, { customerId: DEMO.customers.listPrices });
    const threadId = await buyer.start();
    const issueMessages = async () => {
      const res = await server.request(`/v1/threads/${threadId}`, { headers: buyer.headers() });
      const body = (await res.json()) as {
        report: { lines: { issues: { code: string; message: string; text: { key: string } }[] }[] };
      };
      return body.report.lines.flatMap((l) => l.issues);
    };
    const send = async (locale: string) => {
      const res = await server.request(`/v1/threads/${threadId}/messages`, {
        method: "POST",
        headers: buyer.headers({ "accept-language": locale }),
        body: JSON.stringify({ text: "1,5 Stück bitte" }),
      });
      expect(res.status).toBe(200);
      await res.text();
    };
    await send("de-DE");
    const german = await issueMessages();
    expect(german[0]).toMatchObject({ code: "qty.not_step", text: { key: "qty.not_whole" } });
    expect(german[0]!.message).toMatch(/wird in ganzen Stück bestellt; 1,5 ist keine ganze Zahl/);
    await send("en");
    const english = await issueMessages();
    expect(english.map((i) => i.code)).toEqual(german.map((i) => i.code).concat(german.map((i) => i.code)));
    expect(english[0]!.message).toMatch(/is ordered in whole pieces; 1.5 is not a whole number/);
  });
});
