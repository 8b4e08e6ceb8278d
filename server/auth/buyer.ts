/**
 * Buyer sessions: a short-lived JWT signed by the storefront's backend (HS256 shared secret, or keys from a JWKS
 * URL) naming the customer and contact. The server never trusts a customer id from anywhere else. Audience, expiry
 * and the token's lifetime are checked; no token means a guest, who may consult the catalog but not chat or order.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { AppError } from "../errors.ts";

export interface BuyerSession {
  kind: "buyer";
  customerId: string;
  contactId: string | null;
  /** Rate-limit and log key: the token's `sid`, else its subject. */
  sessionId: string;
  /** When the token expires (ms since the epoch): a stream it opened closes then (server/sse.ts). */
  expiresAt: number;
  /** The `locale` claim (`de`, `de-DE`): the buyer's language as the shop knows it (server/locale.ts). */
  locale?: string;
}
export interface GuestSession {
  kind: "guest";
}
export type Session = BuyerSession | GuestSession;

export interface BuyerAuthOptions {
  secret?: string;
  jwksUrl?: string;
  audience: string;
  issuer?: string;
  /** Longest accepted lifetime (exp − iat) and age (now − iat), seconds. */
  maxTokenAgeS: number;
}

const ID = z.string().trim().min(1).max(64);
/** The claims the storefront puts in a session token. */
export const sessionClaimsSchema = z.object({
  sub: ID,
  customer_id: ID,
  contact_id: ID.optional(),
  sid: ID.optional(),
  /** Optional: the buyer's language (BCP 47, e.g. `de-DE`); a request's Accept-Language wins over it. */
  locale: z
    .string()
    .max(35)
    .regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i)
    .optional()
    .catch(undefined),
  exp: z.number(),
  iat: z.number(),
});

const unauthorized = (message: string, cause?: unknown) =>
  new AppError("unauthorized:session", message, [{ field: "header.authorization", message }], {
    cause,
    headers: { "www-authenticate": 'Bearer realm="ordershield", error="invalid_token"' },
  });

export type VerifyBuyerToken = (token: string) => Promise<BuyerSession>;

export function createBuyerVerifier(options: BuyerAuthOptions): VerifyBuyerToken {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(options.secret ?? "");
  if (!options.jwksUrl && !options.secret) throw new Error("buyer auth needs a secret or a JWKS URL");
  const algorithms = options.jwksUrl ? ["RS256", "PS256", "ES256", "EdDSA"] : ["HS256"];
  return async (token) => {
    if (token.length > 8192) throw unauthorized("session token too long");
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        audience: options.audience,
        ...(options.issuer ? { issuer: options.issuer } : {}),
        algorithms,
        requiredClaims: ["exp", "iat", "sub"],
        maxTokenAge: options.maxTokenAgeS,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized("session expired", error);
      if (error instanceof joseErrors.JWTClaimValidationFailed)
        throw unauthorized(`session token claim "${error.claim}" is not valid`, error);
      if (error instanceof joseErrors.JOSEError) throw unauthorized("session token is not valid", error);
      throw new AppError("unavailable:auth", "session keys are unavailable", [], { cause: error });
    }
    const claims = sessionClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized("session token lacks customer_id or sub");
    // Sessions are short-lived by contract: a token valid for longer than allowed is refused, not trusted for less.
    if (claims.data.exp - claims.data.iat > options.maxTokenAgeS)
      throw unauthorized(`session tokens may live at most ${options.maxTokenAgeS} s`);
    return {
      kind: "buyer",
      customerId: claims.data.customer_id,
      contactId: claims.data.contact_id ?? null,
      sessionId: claims.data.sid ?? `${claims.data.customer_id}/${claims.data.sub}`,
      expiresAt: claims.data.exp * 1000,
      ...(claims.data.locale ? { locale: claims.data.locale } : {}),
    };
  };
}
