/**
 * The demo storefront's backend — what a shop's own backend does before it embeds the widget: it knows who is
 * signed in and mints the short-lived session token the widget sends (HS256, the claims server/auth expects). Here
 * anyone may "sign in" as any demo customer, so it must only run with the development secret or when a deployment
 * asks for the demo explicitly; a real shop mints tokens from its own login.
 *
 *   GET  /demo/customers            the customers to sign in as (with contacts and machines)
 *   POST /demo/session              { customerId, contactId? } → { token, expiresAt, customer }
 *   GET  /demo/catalog?category=&q= categories and a product listing (prices come from /v1/catalog with the token)
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { SignJWT } from "jose";
import { z } from "zod";
import type { Db } from "../../catalog/db.ts";
import { languageOf } from "../../catalog/queries/language.ts";
import { closeAfter } from "../errors.ts";
import { preferredLanguage } from "../locale.ts";

export interface StorefrontOptions {
  db: Db;
  /** The HS256 secret the server verifies buyer tokens with. */
  secret: string;
  audience: string;
  issuer?: string;
  /** Token lifetime; must not exceed the server's AUTH_MAX_TOKEN_AGE_S. */
  ttlS?: number;
}

const sessionBody = z.object({
  customerId: z.string().min(1).max(64),
  contactId: z.string().min(1).max(64).optional(),
});
const catalogQuery = z.object({
  category: z.string().max(80).optional(),
  q: z.string().trim().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

interface CustomerRow {
  id: string;
  name: string;
  tier: string;
  region: string;
  language: string;
  blocked_reason: string | null;
}

export function createStorefrontRoutes(options: StorefrontOptions): Hono {
  const { db } = options;
  const sql = db.$client;
  const key = new TextEncoder().encode(options.secret);
  const ttlS = options.ttlS ?? 3600;
  const app = new Hono();

  const customer = (id: string) => {
    const row = sql
      .prepare("select id, name, tier, region, language, blocked_reason from customers where id = ?")
      .get(id) as CustomerRow | undefined;
    if (!row) return null;
    const contacts = sql.prepare("select id, name, role from contacts where customer_id = ? order by id").all(id) as {
      id: string;
      name: string;
      role: string | null;
    }[];
    const machines = sql
      .prepare("select id, label, site, model, serial from machines where customer_id = ? order by id")
      .all(id) as { id: string; label: string; site: string; model: string; serial: string }[];
    return {
      id: row.id,
      name: row.name,
      tier: row.tier,
      region: row.region,
      language: row.language,
      blocked: row.blocked_reason !== null,
      contacts,
      machines,
    };
  };

  app.get("/demo/customers", (c) => {
    const ids = (sql.prepare("select id from customers order by id").all() as { id: string }[]).map((r) => r.id);
    return c.json({ customers: ids.map((id) => customer(id)!) });
  });

  // Outside `/v1/*` and its body limit: a sign-in is a few bytes, and nobody gets to make the process buffer more.
  app.use(
    "/demo/session",
    bodyLimit({
      maxSize: 4096,
      onError: (c) =>
        c.json({ status: 413, code: "payload_too_large:body", detail: "at most 4096 bytes" }, 413, closeAfter(413)),
    }),
  );

  app.post("/demo/session", async (c) => {
    const parsed = sessionBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return c.json({ status: 400, code: "bad_request:body", detail: "expected { customerId, contactId? }" }, 400);
    const found = customer(parsed.data.customerId);
    if (!found) return c.json({ status: 404, code: "not_found:customer", detail: "no such demo customer" }, 404);
    const contactId = parsed.data.contactId ?? found.contacts[0]?.id;
    if (contactId && !found.contacts.some((k) => k.id === contactId))
      return c.json({ status: 404, code: "not_found:contact", detail: "no such contact for this customer" }, 404);
    const now = Math.floor(Date.now() / 1000);
    let jwt = new SignJWT({ customer_id: found.id, ...(contactId ? { contact_id: contactId } : {}) })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(contactId ?? found.id)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlS);
    if (options.issuer) jwt = jwt.setIssuer(options.issuer);
    const token = await jwt.sign(key);
    return c.json({ token, expiresAt: new Date((now + ttlS) * 1000).toISOString(), customer: found });
  });

  app.get("/demo/catalog", (c) => {
    const parsed = catalogQuery.safeParse(c.req.query());
    if (!parsed.success) return c.json({ status: 400, code: "bad_request:query", detail: "invalid query" }, 400);
    const { category, q, limit } = parsed.data;
    // Names in the shop's language (its Accept-Language), else the catalog's default texts.
    const lang = languageOf(preferredLanguage(c.req.header("accept-language"))) ?? "";
    const categories = sql
      .prepare(
        "select c.code, coalesce(t.name, c.name) as name, count(p.sku) as count from categories c join products p on p.category = c.code and p.lifecycle = 'active' left join category_texts t on t.code = c.code and t.lang = ? group by c.code order by 2",
      )
      .all(lang) as { code: string; name: string; count: number }[];
    const where = ["p.lifecycle = 'active'"];
    const args: (string | number)[] = [];
    if (category) where.push("p.category = ?"), args.push(category);
    if (q) where.push("(p.sku like ? or p.name like ? or t.name like ?)"), args.push(`%${q}%`, `%${q}%`, `%${q}%`);
    const products = sql
      .prepare(
        `select p.sku, coalesce(t.name, p.name) as name, p.category, p.manufacturer, p.order_unit as orderUnit, p.list_price_cents as listPriceCents, p.currency
         from products p left join product_texts t on t.sku = p.sku and t.lang = ?
         where ${where.map((w) => `(${w})`).join(" and ")} order by p.category, 2 limit ?`,
      )
      .all(lang, ...args, limit);
    return c.json({ categories, products });
  });

  return app;
}
