/**
 * Auth middleware: `buyerAuth` sets `c.var.session` (buyer or guest) from `Authorization: Bearer <jwt>`;
 * `repAuth` sets `c.var.rep` from `Authorization: Bearer <key>` or `X-Api-Key`. A present but bad credential is a
 * 401, never silently a guest.
 */
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import type { BuyerSession, Session, VerifyBuyerToken } from "./buyer.ts";
import type { VerifyRepKey } from "./rep.ts";

export { createBuyerVerifier, sessionClaimsSchema, type BuyerSession, type Session } from "./buyer.ts";
export { createRepVerifier, type RepSession } from "./rep.ts";

function bearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  if (!m)
    throw new AppError("unauthorized:session", "expected `Authorization: Bearer <token>`", [
      { field: "header.authorization", message: "malformed" },
    ]);
  return m[1];
}

/** `guests: false` (threads): no token is a 401 before anything else is looked at. */
export const buyerAuth = (verify: VerifyBuyerToken, options: { guests: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = bearer(c.req.header("authorization"));
    const session: Session = token ? await verify(token) : { kind: "guest" };
    if (!options.guests) requireBuyer(session);
    c.set("session", session);
    await next();
  });

export const repAuth = (verify: VerifyRepKey) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const key = c.req.header("x-api-key") ?? (header ? bearer(header) : undefined);
    if (!key)
      throw new AppError("unauthorized:rep", "a rep API key is required", [
        { field: "header.authorization", message: "missing" },
      ]);
    c.set("rep", verify(key));
    await next();
  });

/** The buyer session of a request that must be a signed-in buyer (guests cannot chat or order). */
export function requireBuyer(session: Session | undefined): BuyerSession {
  if (session?.kind !== "buyer")
    throw new AppError("unauthorized:session", "sign in to chat and order; guests may search the catalog", [
      { field: "header.authorization", message: "missing" },
    ]);
  return session;
}
