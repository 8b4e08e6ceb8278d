/**
 * Rules that can never fire. A compatibility rule names a product feature and a machine attribute (or a feature of
 * another line); when no product, configuration option value, machine or machine model anywhere in the catalog has
 * that key — a typo such as `presureRating` — the safety check it stands for is silently off. Such a rule is an
 * import problem (the import is rejected). A material/medium row whose material no product or option has under a
 * `medium_compatible` rule's feature, or whose medium no machine has under that rule's attribute, is never consulted:
 * a warning, returned with the import summary and printed by the CLI.
 *
 * Keys and values are looked up in this import first and in the database only when the import does not have them.
 */
import type Database from "better-sqlite3";
import type { ImportProblem, RowOrigin } from "./errors.ts";
import type { ParsedImport } from "./format.ts";
import type { ValidRows } from "./validate.ts";

type Scalar = string | number | boolean;
type Raw = Scalar | string[] | { value: number; unit: string };

/** Keys and values of one kind of "thing that has features" in this import. */
class Bag {
  readonly values = new Map<string, Set<string>>();
  add(key: string, v: Raw | undefined): void {
    let set = this.values.get(key);
    if (!set) this.values.set(key, (set = new Set()));
    if (v === undefined) return;
    const list = Array.isArray(v) ? v : [typeof v === "object" ? v.value : v];
    for (const x of list) set.add(String(x).trim().toLowerCase());
  }
  addAll(features: Record<string, Raw> | undefined): void {
    for (const [k, v] of Object.entries(features ?? {})) this.add(k, v);
  }
}

/** What the catalog (import + database) holds: feature keys of products and options, attributes of machines. */
class CatalogKeys {
  private readonly features = new Bag();
  private readonly attributes = new Bag();
  private readonly dbFeatureKey: Database.Statement;
  private readonly dbOptionKey: Database.Statement;
  private readonly dbMachineKey: Database.Statement;
  private readonly dbModelKey: Database.Statement;

  constructor(
    private readonly client: Database.Database,
    doc: ParsedImport,
  ) {
    for (const p of doc.products ?? []) this.features.addAll(p.features);
    for (const m of doc.configModels ?? [])
      for (const g of m.groups ?? [])
        for (const o of g.options ?? []) {
          this.features.addAll(o.features);
          for (const w of o.featuresWhen ?? []) this.features.addAll(w.features);
        }
    for (const m of doc.machines ?? []) this.attributes.addAll(m.operatingData);
    for (const m of doc.machineModels ?? []) this.attributes.addAll(m.features);
    this.dbFeatureKey = client.prepare("SELECT 1 FROM product_features WHERE key = ? LIMIT 1");
    this.dbOptionKey = client.prepare(
      "SELECT 1 FROM config_options o, json_each(o.features) j WHERE j.key = ? LIMIT 1",
    );
    this.dbMachineKey = client.prepare(
      "SELECT 1 FROM machines m, json_each(m.operating_data) j WHERE j.key = ? LIMIT 1",
    );
    this.dbModelKey = client.prepare("SELECT 1 FROM machine_models m, json_each(m.features) j WHERE j.key = ? LIMIT 1");
  }

  hasFeature(key: string): boolean {
    return (
      this.features.values.has(key) ||
      this.dbFeatureKey.get(key) !== undefined ||
      this.dbOptionKey.get(key) !== undefined
    );
  }

  hasAttribute(key: string): boolean {
    return (
      this.attributes.values.has(key) ||
      this.dbMachineKey.get(key) !== undefined ||
      this.dbModelKey.get(key) !== undefined
    );
  }

  /** Every value (lower case) products and options have under feature `key`. */
  featureValues(key: string): Set<string> {
    const out = new Set(this.features.values.get(key));
    const fixed = this.client
      .prepare(
        "SELECT text_value AS t, list_value AS l FROM product_features WHERE key = ? AND (text_value IS NOT NULL OR list_value IS NOT NULL)",
      )
      .all(key) as { t: string | null; l: string | null }[];
    for (const r of fixed) for (const v of r.t !== null ? [r.t] : parseList(r.l)) out.add(v.trim().toLowerCase());
    addJsonValues(
      this.client,
      "SELECT j.value AS v, j.type AS t FROM config_options o, json_each(o.features) j WHERE j.key = ?",
      [key],
      out,
    );
    return out;
  }

  /** Every value (lower case) machines and machine models have under attribute `key`. */
  attributeValues(key: string): Set<string> {
    const out = new Set(this.attributes.values.get(key));
    addJsonValues(
      this.client,
      `SELECT j.value AS v, j.type AS t FROM machines m, json_each(m.operating_data) j WHERE j.key = ?
       UNION ALL SELECT j.value, j.type FROM machine_models m, json_each(m.features) j WHERE j.key = ?`,
      [key, key],
      out,
    );
    return out;
  }
}

function parseList(text: string | null): string[] {
  try {
    const v: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Adds the values of json_each rows (`v`, `t`): scalars, lists, and `{ value, unit }` objects. */
function addJsonValues(client: Database.Database, sql: string, params: string[], out: Set<string>): void {
  for (const r of client.prepare(sql).all(...params) as { v: unknown; t: string }[]) {
    let values: string[];
    if (r.t === "array") values = parseList(String(r.v));
    else if (r.t === "object") values = [String((JSON.parse(String(r.v)) as { value?: unknown }).value)];
    else values = [String(r.v)];
    for (const v of values) out.add(v.trim().toLowerCase());
  }
}

const originOf = (valid: ValidRows, section: "rules" | "mediaCompat", i: number): RowOrigin =>
  valid.origins[section]?.[i] ?? { file: "document", path: `${section}[${i}]` };

/** Appends a problem for every rule of the import naming a key nothing in the catalog has. */
export function checkRuleKeys(client: Database.Database, valid: ValidRows, problems: ImportProblem[]): void {
  const rules = valid.parsed.rules ?? [];
  if (rules.length === 0) return;
  const keys = new CatalogKeys(client, valid.parsed);
  const never = "so the rule can never fire (in this import or the database)";
  rules.forEach((r, i) => {
    const at = (field: string, reason: string) => problems.push({ ...originOf(valid, "rules", i), field, reason });
    if (r.feature !== undefined && !keys.hasFeature(r.feature))
      at("feature", `no product or configuration option value has the feature "${r.feature}", ${never}`);
    if (r.otherKey === undefined) return;
    if (r.scope === "machine" && !keys.hasAttribute(r.otherKey))
      at("otherKey", `no machine (operating data) or machine model has the attribute "${r.otherKey}", ${never}`);
    if (r.scope === "line" && !keys.hasFeature(r.otherKey))
      at("otherKey", `no product or configuration option value has the feature "${r.otherKey}", ${never}`);
  });
}

/**
 * One warning per material and per medium of the import's material/medium rows that no `medium_compatible` rule can
 * ever look up (pointing at the value's first row), so a typo such as `EDPM` or `mineral oil` is seen.
 */
export function mediaWarnings(client: Database.Database, valid: ValidRows): ImportProblem[] {
  const rows = valid.parsed.mediaCompat ?? [];
  if (rows.length === 0) return [];
  const imported = valid.parsed.rules ?? [];
  const importedCodes = new Set(imported.map((r) => r.code));
  const dbRules = (
    client
      .prepare("SELECT code, feature, other_key AS otherKey FROM compat_rules WHERE operator = 'medium_compatible'")
      .all() as {
      code: string;
      feature: string;
      otherKey: string;
    }[]
  ).filter((r) => !importedCodes.has(r.code));
  const mediumRules = [...imported.filter((r) => r.operator === "medium_compatible"), ...dbRules];
  const warnings: ImportProblem[] = [];
  if (mediumRules.length === 0) {
    warnings.push({
      ...originOf(valid, "mediaCompat", 0),
      field: "",
      reason: `no compatibility rule uses the operator medium_compatible, so none of the ${rows.length} material/medium rows is ever consulted`,
    });
    return warnings;
  }
  const keys = new CatalogKeys(client, valid.parsed);
  const materials = new Set<string>();
  const media = new Set<string>();
  for (const r of mediumRules) {
    for (const v of keys.featureValues(r.feature)) materials.add(v);
    for (const v of keys.attributeValues(r.otherKey)) media.add(v);
  }
  const features = [...new Set(mediumRules.map((r) => r.feature))].join(", ");
  const attributes = [...new Set(mediumRules.map((r) => r.otherKey))].join(", ");
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const check = (field: "material" | "medium", value: string, known: Set<string>, what: string) => {
      const key = `${field}\u0000${value.trim().toLowerCase()}`;
      if (seen.has(key) || known.has(value.trim().toLowerCase())) return;
      seen.add(key);
      const n = rows.filter((x) => x[field].trim().toLowerCase() === value.trim().toLowerCase()).length;
      warnings.push({
        ...originOf(valid, "mediaCompat", i),
        field,
        reason: `${field} "${value}" (${n} row${n === 1 ? "" : "s"}) is not ${what}: nothing references ${n === 1 ? "it" : "them"}`,
      });
    };
    check("material", row.material, materials, `a value of ${features} on any product or configuration option`);
    check("medium", row.medium, media, `a value of ${attributes} on any machine or machine model`);
  });
  return warnings;
}
