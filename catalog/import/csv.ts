/**
 * CSV variants of the tabular sections (products, stock, prices): what ERPs export. Headers are the
 * field names of the JSON format; cells are text, so they are converted here to the types the zod
 * schemas expect. A cell that cannot be converted becomes a problem naming the cell, not a crash.
 */
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { SECTIONS, type CSV_SECTIONS } from "./format.ts";
import type { ImportProblem, RowOrigin } from "./errors.ts";

type CsvSection = (typeof CSV_SECTIONS)[number];

interface ColumnTypes {
  numbers: readonly string[];
  booleans: readonly string[];
  /** `;`-separated lists. */
  lists: readonly string[];
  /** Every column the section accepts (besides `feature:*` on products). */
  known: readonly string[];
}

/** Column types come from the section's zod schema, so a field added to the format is accepted in CSV too. */
function columnTypes(section: CsvSection): ColumnTypes {
  const types = { numbers: [] as string[], booleans: [] as string[], lists: [] as string[], known: [] as string[] };
  for (const [field, schema] of Object.entries(SECTIONS[section].shape)) {
    // products' features come as feature:<key> columns, their texts per language as name:<lang> and so on
    if (field === "features" || field === "texts") continue;
    types.known.push(field);
    const kind = baseType(schema as z.ZodType);
    if (kind === "number") types.numbers.push(field);
    else if (kind === "boolean") types.booleans.push(field);
    else if (kind === "array") types.lists.push(field);
  }
  return types;
}

function baseType(schema: z.ZodType): string {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while (def.innerType && (def.type === "optional" || def.type === "default" || def.type === "nullable"))
    def = (def.innerType as unknown as { _zod: { def: typeof def } })._zod.def;
  return def.type;
}

const COLUMNS: Record<CsvSection, ColumnTypes> = {
  products: columnTypes("products"),
  stock: columnTypes("stock"),
  prices: columnTypes("prices"),
};

const FEATURE_PREFIX = "feature:";
/** `name:de`, `description:de`, `keywords:de` (`;`-separated): a product's texts in another language. */
const TEXT_COLUMN = /^(name|description|keywords):([A-Za-z]{2})$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export interface CsvRows {
  rows: Record<string, unknown>[];
  origins: RowOrigin[];
  problems: ImportProblem[];
}

/** Parses one `<section>.csv` file's text into rows shaped like the JSON format. */
export function parseCsvSection(section: CsvSection, file: string, text: string): CsvRows {
  const problems: ImportProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Rows as arrays, so that a row with a wrong number of cells is one problem on that line, not a rejected file.
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      trim: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return {
      rows: [],
      origins: [],
      problems: [{ file, path: e.lines ? String(e.lines) : "", field: "", reason: `not valid CSV: ${e.message}` }],
    };
  }
  const types = COLUMNS[section];
  const header = records[0]?.record ?? [];
  const headerLine = String(records[0]?.info.lines ?? 1);
  header.forEach((column, i) => {
    const isFeature =
      section === "products" &&
      ((column.startsWith(FEATURE_PREFIX) && column.length > FEATURE_PREFIX.length) || TEXT_COLUMN.test(column));
    if (!isFeature && !types.known.includes(column))
      problems.push({
        file,
        path: headerLine,
        field: column,
        reason: `unknown column (expected ${types.known.join(", ")}${section === "products" ? ", feature:<key> or name:<lang>, description:<lang>, keywords:<lang>" : ""})`,
      });
    if (header.indexOf(column) !== i)
      problems.push({ file, path: headerLine, field: column, reason: "column appears twice" });
  });
  const rows: Record<string, unknown>[] = [];
  const origins: RowOrigin[] = [];
  for (const { record: cells, info } of records.slice(1)) {
    const path = String(info.lines);
    if (cells.length !== header.length) {
      problems.push({
        file,
        path,
        field: "",
        reason: `expected ${header.length} cells like the header, found ${cells.length}`,
      });
      continue;
    }
    const record = Object.fromEntries(header.map((column, i) => [column, cells[i]!]));
    const row: Record<string, unknown> = {};
    const features: Record<string, unknown> = {};
    const texts: Record<string, Record<string, unknown>> = {};
    for (const [column, cell] of Object.entries(record)) {
      if (cell === "") continue; // empty cell = field absent, so the format's default applies
      const text = section === "products" ? TEXT_COLUMN.exec(column) : null;
      if (text) {
        const [, field, lang] = text as unknown as [string, string, string];
        (texts[lang.toLowerCase()] ??= {})[field] = field === "keywords" ? splitList(cell) : cell;
      } else if (section === "products" && column.startsWith(FEATURE_PREFIX)) {
        const { key, unit, list } = featureColumn(column);
        if (list) features[key] = splitList(cell);
        else if (unit === undefined) features[key] = featureCell(cell);
        else if (NUMBER.test(cell)) features[key] = { value: Number(cell), unit };
        else problems.push({ file, path, field: column, reason: `expected a number in ${unit}, got "${cell}"` });
      } else if (!types.known.includes(column)) {
      } else if (types.numbers.includes(column)) {
        if (NUMBER.test(cell)) row[column] = Number(cell);
        else problems.push({ file, path, field: column, reason: `expected a number, got "${cell}"` });
      } else if (types.booleans.includes(column)) {
        const b = parseBoolean(cell);
        if (b === undefined)
          problems.push({ file, path, field: column, reason: `expected true or false, got "${cell}"` });
        else row[column] = b;
      } else if (types.lists.includes(column)) {
        row[column] = splitList(cell);
      } else {
        row[column] = cell;
      }
    }
    if (Object.keys(features).length > 0) row.features = features;
    if (Object.keys(texts).length > 0) row.texts = texts;
    rows.push(row);
    origins.push({ file, path });
  }
  return { rows, origins, problems };
}

/** `feature:voltage` (detected type), `feature:power (kW)` (number with unit), `feature:connections[]` (`;`-separated list). */
function featureColumn(column: string): { key: string; unit?: string; list: boolean } {
  const name = column.slice(FEATURE_PREFIX.length).trim();
  if (name.endsWith("[]")) return { key: name.slice(0, -2).trim(), list: true };
  const withUnit = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
  if (withUnit) return { key: withUnit[1]!, unit: withUnit[2]!.trim(), list: false };
  return { key: name, list: false };
}

/** Comma, or semicolon as spreadsheets write it in locales with a decimal comma: whichever the header line uses. */
function detectDelimiter(text: string): "," | ";" {
  const end = text.indexOf("\n");
  const header = end === -1 ? text : text.slice(0, end);
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

function splitList(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseBoolean(cell: string): boolean | undefined {
  const v = cell.toLowerCase();
  if (v === "true" || v === "yes" || v === "1") return true;
  if (v === "false" || v === "no" || v === "0") return false;
  return undefined;
}

/** Feature cells carry no type in CSV: numbers and true/false are detected, everything else is text. */
function featureCell(cell: string): number | boolean | string {
  if (NUMBER.test(cell)) return Number(cell);
  const v = cell.toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  return cell;
}
