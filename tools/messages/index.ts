/**
 * The engine's messages: typed keys + params (./schema.ts) and one catalogue per language the shield speaks. The
 * buyer's locale picks the catalogue (`de-AT` → German); any other language gets English, the engine's base language.
 *
 * Why plain typed template functions and not ICU MessageFormat (intl-messageformat): the compiler checks that every
 * catalogue has every key and that each template uses only params its key has, with their types; messages nest (a
 * successor's own problem inside the discontinued message) and vary by several params at once, which in ICU is a
 * stack of `select`s checked by nobody; numbers, money, dates and lists are Intl's either way. No dependency.
 *
 * @example
 *   renderMessage({ key: "qty.below_moq", params: { product: { sku: "S-1" }, moq: 2, unit: "PCE" } }, "de-DE")
 *   // "Die Mindestbestellmenge von S-1 ist 2 Stück."
 */
import type { Catalogue } from "./catalogue.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { formatterFor, type Formatter } from "./format.ts";
import { MESSAGE_PARAMS, type EngineMessage, type MessageKey, type NestedMessage } from "./schema.ts";

export type { Catalogue } from "./catalogue.ts";
export * from "./schema.ts";
export { unitWord } from "./units.ts";

/** The catalogues, by language. English is the base language: every other language falls back to it. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, de };
export const BASE_LANGUAGE = "en";
export type MessageLanguage = keyof typeof CATALOGUES;

/** The language of the engine's messages for a locale: "de-DE" → "de"; unknown or absent → "en". */
export function messageLanguage(locale: string | null | undefined): string {
  const lang = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})*$/i.exec(locale?.trim() ?? "")?.[1]?.toLowerCase();
  return lang && lang in CATALOGUES ? lang : BASE_LANGUAGE;
}

/** The locale Intl formats with: the buyer's own when it is of the message language ("de-AT"), else the language. */
function intlLocale(lang: string, locale: string | null | undefined): string {
  const l = locale?.trim().replace("_", "-");
  if (l?.toLowerCase().startsWith(lang)) {
    try {
      return Intl.getCanonicalLocales(l)[0] ?? lang;
    } catch {
      return lang;
    }
  }
  return lang;
}

function renderIn(m: { key: string; params: unknown }, f: Formatter, catalogue: Catalogue): string {
  const template = catalogue[m.key as MessageKey] as ((p: unknown, f: Formatter) => string) | undefined;
  if (!template) return m.key;
  try {
    return template(m.params ?? {}, f);
  } catch {
    // A nested message from outside with params of another shape: its key still says what it is.
    return m.key;
  }
}

/**
 * Render a message in the language of `locale`.
 *
 * @example
 *   renderMessage(issue.text, session.locale)
 */
export function renderMessage(m: EngineMessage | NestedMessage, locale?: string | null): string {
  const key = locale ?? "";
  let r = renderers.get(key);
  if (!r) {
    const lang = messageLanguage(locale);
    const catalogue = CATALOGUES[lang]!;
    const f: Formatter = formatterFor(lang, intlLocale(lang, locale), (n) => renderIn(n, f, catalogue));
    r = { f, catalogue };
    if (renderers.size > 100) renderers.clear();
    renderers.set(key, r);
  }
  return renderIn(m, r.f, r.catalogue);
}

/**
 * Formatter and catalogue per locale string, so rendering a message (the engine renders every issue's, several per
 * line) does not parse the locale and build a formatter each time.
 */
const renderers = new Map<string, { f: Formatter; catalogue: Catalogue }>();

/** Whether a string is a known message key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGE_PARAMS, key);
}
