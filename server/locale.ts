/**
 * The buyer's locale for one request: what selects the language of replies, engine messages and catalog texts.
 * The request's `Accept-Language` first (the widget sends its own `locale` there, so a buyer who switches language
 * is answered in it from the next message on; a browser sends its user's languages), then the session token's
 * `locale` claim (what the shop's backend knows), else none: the catalog's default texts and English messages.
 * Not identity: nothing here chooses a customer.
 */
import type { Session } from "./auth/buyer.ts";

/** A language tag as we accept it: `de`, `de-DE`, `en-GB`, `zh-Hant-TW`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** The best tag of an Accept-Language header (highest q, first on ties), or undefined. */
export function preferredLanguage(header: string | null | undefined): string | undefined {
  if (!header || header.length > 512) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const part of header.split(",")) {
    const [rawTag = "", ...params] = part.trim().split(";");
    const tag = rawTag.trim();
    if (!LOCALE_PATTERN.test(tag)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { tag, q };
  }
  return best?.tag;
}

/** The locale a request is answered in (see the module comment). */
export function requestLocale(acceptLanguage: string | null | undefined, session: Session): string | undefined {
  return preferredLanguage(acceptLanguage) ?? (session.kind === "buyer" ? session.locale : undefined);
}
