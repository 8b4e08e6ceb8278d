/**
 * The bounds every tool argument and every draft is held to, defined once. The tools' zod schemas
 * (tools/agent-tools/shared.ts) and the draft check the engine runs on any draft (tools/checks/draft-fields.ts, via
 * `draftSchema` in tools/types.ts) are built from the field schemas below, so a draft that arrives from a checkpoint or
 * the server is held to exactly what a tool call is. Documented in docs/limits.md.
 *
 * Why bounds at all: the engine is synchronous, so one oversized argument would stall every conversation of the
 * process, and whatever a draft holds travels into the hand-off payload. The checks are also linear in their input
 * (see tools/checks/configuration.ts); the bounds keep the constant small and the payload sane.
 */
import { z } from "zod";

/** Lines in one draft (order). */
export const MAX_DRAFT_LINES = 200;
/** Option groups chosen on one line. */
export const MAX_OPTION_GROUPS_PER_LINE = 32;
/** Values chosen in one option group. */
export const MAX_VALUES_PER_OPTION_GROUP = 32;
/** SKUs, machine and ship-to ids, option group codes and values, categories (the catalog importer's id length). */
export const MAX_CODE_LENGTH = 120;
export const MAX_LINE_ID_LENGTH = 40;
export const MAX_UNIT_LENGTH = 10;
export const MAX_PO_REFERENCE_LENGTH = 80;
export const MAX_SEARCH_QUERY_LENGTH = 200;
/** Order units per line. Keeps every amount (price × quantity, and the order's sum) an exact integer of cents. */
export const MAX_LINE_QUANTITY = 1_000_000;
/** A requested unit price: 10 million in the currency's main unit. */
export const MAX_UNIT_PRICE_CENTS = 1_000_000_000;

const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;
/**
 * Invisible format characters (Unicode category Cf: zero-width spaces and joiners, soft hyphens, byte-order marks,
 * bidi overrides and isolates) and halves of a broken surrogate pair. Pasted from a PDF or a web page they are in text
 * the buyer cannot see: a PO reference "PO-47<ZWSP>11" matches none of the ERP's, "PO-<RLO>1174" shows reversed there.
 */
const INVISIBLE_CHARS = /[\p{Cf}\uD800-\uDFFF]/gu;
/** Control characters other than tab and line breaks. */
const STRAY_CONTROL_CHARS = /[^\P{Cc}\t\n\r]/gu;

/**
 * What a person typed, as they see it: invisible format characters, broken surrogates and control characters other
 * than tabs and line breaks removed. The server applies it to every chat text, note and reason it accepts
 * (server/routes/shared.ts `typedText`), before any model, transcript or order sees them.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE_CHARS, "").replace(STRAY_CONTROL_CHARS, "");
}
/** Format characters (bidi controls, zero-width, soft hyphens) and control characters other than tab and line breaks. */
const UNSHOWN_CHARS = /[\p{Cf}]|[^\P{Cc}\t\n\r]/gu;

/**
 * Text the shield shows a person (a reply, a transcript line) without invisible format and control characters. Catalog
 * text stored before the importer refused them can carry a U+202E, which reversed the rest of the reply that named the
 * product. Surrogate halves are left alone: a streamed delta may end between the two halves of one character.
 *
 * @example shownText("Seal \u202EMPDE\u202C fits") // "Seal MPDE fits"
 */
export function shownText(text: string): string {
  return text.replace(UNSHOWN_CHARS, "");
}

/**
 * Keys whose values identify something rather than describe it (SKUs, line and option codes, ids, hashes): a
 * machine matches them against the catalog or the ERP, so they are passed on as stored.
 */
const IDENTIFIER_KEY = /^(sku|skus|lineId|id|code|group|values|warehouse|key)$|(Id|Ids|Hash|Key)$/;

/**
 * Every text of a report or an order as shown (`shownText`), in place: what reaches the buyer (draft and report
 * events, the thread) or the ERP (the clean order) without the hidden characters a catalog name stored before the
 * importer refused them can carry. Identifiers (IDENTIFIER_KEY) are left as stored. Answers `value`.
 *
 * @example withShownTexts({ sku: "A\u200B1", name: "Seal \u202EMPDE" }) // { sku: "A\u200B1", name: "Seal MPDE" }
 */
export function withShownTexts<T>(value: T): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === "string") return shownText(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (IDENTIFIER_KEY.test(k)) continue;
        if (typeof x === "string" || (x && typeof x === "object")) (v as Record<string, unknown>)[k] = visit(x);
      }
    return v;
  };
  return visit(value) as T;
}

const tooLong = (max: number) => `at most ${max} characters`;

export const codeField = z.string().min(1).max(MAX_CODE_LENGTH, tooLong(MAX_CODE_LENGTH));
export const lineIdField = z.string().min(1).max(MAX_LINE_ID_LENGTH, tooLong(MAX_LINE_ID_LENGTH));
export const unitField = z.string().min(1).max(MAX_UNIT_LENGTH, tooLong(MAX_UNIT_LENGTH));
export const poReferenceField = z
  .string()
  .max(MAX_PO_REFERENCE_LENGTH, tooLong(MAX_PO_REFERENCE_LENGTH))
  .regex(NO_CONTROL_CHARS, "no control characters (line breaks, tabs)")
  .refine((v) => visibleText(v) === v, "no invisible characters (zero-width, soft hyphens, bidi controls)");
export const quantityField = z
  .number()
  .positive("must be more than 0")
  .max(MAX_LINE_QUANTITY, `at most ${MAX_LINE_QUANTITY} per line`);
export const unitPriceCentsField = z
  .number()
  .int("whole cents")
  .nonnegative()
  .max(MAX_UNIT_PRICE_CENTS, `at most ${MAX_UNIT_PRICE_CENTS} cents`);
export const discountPctField = z.number().min(0).max(100);
/** A calendar date (`2026-02-30` is refused). */
export const dateField = z.iso.date();

const valuesField = z
  .array(codeField)
  .max(MAX_VALUES_PER_OPTION_GROUP, `at most ${MAX_VALUES_PER_OPTION_GROUP} values per option group`);
const groupCount = (o: Record<string, unknown>) => Object.keys(o).length <= MAX_OPTION_GROUPS_PER_LINE;
const groupCountError = `at most ${MAX_OPTION_GROUPS_PER_LINE} option groups per line`;

/** Chosen options as a draft holds them: group code → values. */
export const optionsField = z.record(codeField, valuesField).refine(groupCount, groupCountError);
/** Chosen options as a tool takes them: a single value may be given without the list. */
export const optionsArgField = z
  .record(
    codeField,
    z.union([codeField, valuesField], {
      error: `a value or a list of at most ${MAX_VALUES_PER_OPTION_GROUP} values per option group (each 1 to ${MAX_CODE_LENGTH} characters)`,
    }),
  )
  .refine(groupCount, groupCountError);
