/**
 * Row validation: every row of every section against its zod schema from format.ts, plus a check for
 * unknown fields (a misspelt optional field would otherwise be dropped silently). Problems carry the
 * row's file and position; rows that pass are returned with their origin for the reference checks.
 */
import type { z } from "zod";
import { SECTIONS, SECTION_NAMES, visibleRowText, type ParsedImport, type SectionName } from "./format.ts";
import { formatFieldPath, type ImportProblem, type RowOrigin } from "./errors.ts";
import type { ImportSource } from "./read.ts";

export interface ValidRows {
  parsed: ParsedImport;
  /** Origin of each parsed row, same index as in `parsed`. */
  origins: Partial<Record<SectionName, RowOrigin[]>>;
}

export type ProgressFn = (section: string, done: number, total: number) => void;

const PROGRESS_EVERY = 5000;

/** Validates the rows of `source`, appending problems to `problems`. */
export function validateRows(source: ImportSource, problems: ImportProblem[], progress?: ProgressFn): ValidRows {
  // A bad CSV cell was already reported with a clearer reason than zod's; don't report it twice.
  const reported = new Set(source.problems.map((p) => `${p.file}\u0000${p.path}\u0000${p.field}`));
  const parsed: ParsedImport = {};
  const origins: ValidRows["origins"] = {};
  for (const section of SECTION_NAMES) {
    const rows = source.sections[section];
    if (!rows) continue;
    const rowOrigins = source.origins[section] ?? [];
    const schema: z.ZodType = SECTIONS[section];
    const good: unknown[] = [];
    const goodOrigins: RowOrigin[] = [];
    for (let i = 0; i < rows.length; i++) {
      const origin = rowOrigins[i] ?? { file: "document", path: `${section}[${i}]` };
      const raw = rows[i];
      const unknown: string[] = [];
      collectUnknownKeys(schema, raw, [], unknown);
      for (const field of unknown) problems.push({ ...origin, field, reason: "unknown field" });
      // Hidden characters anywhere in the row (bidi overrides, zero-width, control characters) reject it, naming the
      // field: stored, a U+202E in a name reversed the reply that showed it.
      const hidden = visibleRowText.safeParse(raw);
      if (!hidden.success)
        for (const issue of hidden.error.issues)
          problems.push({ ...origin, field: formatFieldPath(issue.path), reason: issue.message });
      const result = schema.safeParse(raw);
      if (result.success) {
        if (unknown.length === 0 && hidden.success) {
          good.push(result.data);
          goodOrigins.push(origin);
        }
      } else {
        for (const issue of result.error.issues) {
          const field = formatFieldPath(issue.path);
          if (reported.has(`${origin.file}\u0000${origin.path}\u0000${field}`)) continue;
          problems.push({ ...origin, field, reason: friendlyReason(issue) });
        }
      }
      if (!result.success || unknown.length > 0 || !hidden.success) {
        // The import is rejected anyway; keep what is readable of the row so its references are checked too.
        const partial = salvage(schema, raw);
        if (partial) {
          good.push(partial);
          goodOrigins.push(origin);
        }
      }
      if (progress && (i + 1) % PROGRESS_EVERY === 0) progress(section, i + 1, rows.length);
    }
    progress?.(section, rows.length, rows.length);
    (parsed as Record<string, unknown[]>)[section] = good;
    origins[section] = goodOrigins;
  }
  return { parsed, origins };
}

/** zod's messages, minus the ones that read like a type checker's to someone fixing a spreadsheet. */
function friendlyReason(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    if (issue.message.endsWith("received undefined")) return "required field is missing";
    if (issue.expected === "int") return "expected a whole number";
  }
  return issue.message;
}

const salvaged = new WeakSet<object>();

/** True for a row kept only for reference checks: some of its fields failed validation and are missing. */
export function isPartialRow(row: object): boolean {
  return salvaged.has(row);
}

/** The fields of a rejected row that are valid on their own (defaults for the rest where the format has one). */
function salvage(schema: z.ZodType, raw: unknown): Record<string, unknown> | undefined {
  const def = defOf(schema);
  if (def.type !== "object" || !def.shape || raw === null || typeof raw !== "object" || Array.isArray(raw))
    return undefined;
  const row: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(def.shape)) {
    const own = fieldSchema.safeParse((raw as Record<string, unknown>)[key]);
    const value = own.success ? own.data : fieldSchema.safeParse(undefined).data;
    if (value !== undefined) row[key] = value;
  }
  salvaged.add(row);
  return row;
}

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDefLike => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;

/**
 * Walks a value alongside its schema (objects, arrays, optional/default wrappers) and lists keys the schema
 * does not know. `path` is a shared stack (pushed and popped) because this runs for every row of a 100k import.
 */
function collectUnknownKeys(schema: z.ZodType, value: unknown, path: (string | number)[], out: string[]): void {
  if (value === null || typeof value !== "object") return;
  let def = defOf(schema);
  while ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType)
    def = defOf(def.innerType);
  if (def.type === "object" && def.shape && !Array.isArray(value)) {
    for (const key in value) {
      const childSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      path.push(key);
      if (!childSchema) out.push(formatFieldPath(path));
      else collectUnknownKeys(childSchema, (value as Record<string, unknown>)[key], path, out);
      path.pop();
    }
  } else if (def.type === "array" && def.element && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectUnknownKeys(def.element, value[i], path, out);
      path.pop();
    }
  }
}
