/**
 * Formatting for one language: numbers, money and lists with Intl for the locale; product, feature and nested-message
 * helpers the catalogues share. English keeps dates in ISO 8601 (an "en" buyer may read 03/12 either way round);
 * German gets `03.12.2026`.
 */
import type { NestedMessage, ProductRef } from "./schema.ts";
import { unitWord } from "./units.ts";

export interface Formatter {
  /** The catalogue's language. */
  lang: string;
  /** The locale Intl formats with (the buyer's, when it is of this language). */
  locale: string;
  num(n: number): string;
  /** A quantity with its unit in words: "2 boxes", "2 Kartons", "1,5 m" (a code without words stays a code). */
  qty(n: number, unit: string): string;
  /** A unit's name without a number: "boxes" (`count` picks singular or plural, default plural). */
  unit(code: string, count?: number): string;
  money(m: { cents: number; currency: string }): string;
  date(iso: string): string;
  /** "a, b and c" / "a, b oder c". */
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
  /** `SKU (name)`, or the SKU when the catalog has no name for it. */
  product(p: ProductRef): string;
  /** A feature's name in the language, else its key. */
  feature(f: { key: string; name?: string | undefined }): string;
  /** A message inside this one, rendered in the same language. */
  nested(m: NestedMessage): string;
}

const cache = new Map<string, Omit<Formatter, "nested">>();

export function formatterFor(lang: string, locale: string, nested: (m: NestedMessage) => string): Formatter {
  const key = `${lang}|${locale}`;
  let base = cache.get(key);
  if (!base) {
    const integers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale).formatToParts(0.5).find((x) => x.type === "decimal")?.value ?? ".";
    // Never rounded: a message about 2.00000005 PCE must say 2.00000005. The shortest round-trip digits (String),
    // with the locale's grouping and decimal separator.
    // Why the fast paths: this runs for every number of every issue message the engine writes (a few per line).
    // A small whole number is the same digits in every locale with Latin digits; a safe integer needs no BigInt.
    const latin = integers.resolvedOptions().numberingSystem === "latn";
    const formatNumber = (n: number): string => {
      if (Number.isSafeInteger(n)) return latin && n < 1000 && n > -1000 ? String(n) : integers.format(n);
      const s = String(Math.abs(n));
      if (!/^\d+(\.\d+)?$/.test(s)) return String(n);
      const [int = "0", frac] = s.split(".");
      const out = `${integers.format(BigInt(int))}${frac ? `${decimal}${frac}` : ""}`;
      return n < 0 ? `-${out}` : out;
    };
    const dates = new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "UTC",
    });
    const lists = {
      conjunction: new Intl.ListFormat(locale, { type: "conjunction" }),
      disjunction: new Intl.ListFormat(locale, { type: "disjunction" }),
    };
    // Per currency: its formatter and whether the code must follow the amount (not an ISO 4217 code). Why not read
    // `resolvedOptions()` per call: it builds a fresh object each time, and was most of a money message's cost.
    const currencies = new Map<string, { format: Intl.NumberFormat; suffix: string }>();
    base = {
      lang,
      locale,
      num: (n) => (Number.isFinite(n) ? formatNumber(n) : String(n)),
      qty: (n, unit) => `${Number.isFinite(n) ? formatNumber(n) : String(n)} ${unitWord(unit, n, lang)}`,
      unit: (code, count = 2) => unitWord(code, count, lang),
      money: ({ cents, currency }) => {
        let f = currencies.get(currency);
        if (!f) {
          try {
            f = { format: new Intl.NumberFormat(locale, { style: "currency", currency }), suffix: "" };
          } catch {
            // Not an ISO 4217 code: the amount with the code beside it.
            f = {
              format: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
              suffix: ` ${currency}`,
            };
          }
          if (currencies.size > 100) currencies.clear();
          currencies.set(currency, f);
        }
        return `${f.format.format(cents / 100)}${f.suffix}`;
      },
      date: (iso) => {
        if (lang === "en" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
        const t = Date.parse(`${iso}T00:00:00Z`);
        return Number.isFinite(t) ? dates.format(t) : iso;
      },
      list: (items, type = "conjunction") => lists[type].format(items),
      product: (p) => (p.name && p.name !== p.sku ? `${p.sku} (${p.name})` : p.sku),
      feature: (f) => f.name ?? featureWords(f.key),
    };
    if (cache.size > 100) cache.clear();
    cache.set(key, base);
  }
  return { ...base, nested };
}

/**
 * A feature key the catalog gives no name, in words rather than code: "controlVoltage" → "control voltage",
 * "ip_required" → "ip required". Keys of other shapes stay as they are.
 */
export function featureWords(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/.test(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .replace(/\b([A-Z])(?=[a-z])/g, (c) => c.toLowerCase());
}
