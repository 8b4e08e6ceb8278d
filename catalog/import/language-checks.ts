/**
 * Checks on the multilingual parts of an import beyond their row schemas: one default language, every language a
 * text uses is declared (a typo such as `"dee"` or an undeclared `"fr"` is a problem, not a silently unreachable
 * text), synonym categories exist, and no synonym or feature-name key appears twice.
 */
import type Database from "better-sqlite3";
import { FALLBACK_LANGUAGE } from "../queries/language.ts";
import type { ImportProblem, RowOrigin } from "./errors.ts";
import type { SectionName } from "./format.ts";
import type { ImportSource } from "./read.ts";
import type { ValidRows } from "./validate.ts";

export function checkLanguages(
  client: Database.Database,
  source: ImportSource,
  valid: ValidRows,
  problems: ImportProblem[],
): void {
  const doc = valid.parsed;
  const at = (section: SectionName, i: number): RowOrigin =>
    valid.origins[section]?.[i] ?? { file: "document", path: `${section}[${i}]` };
  const problem = (section: SectionName, i: number, field: string, reason: string) =>
    problems.push({ ...at(section, i), field, reason });

  const stored = client.prepare("SELECT code, is_default AS isDefault FROM catalog_languages").all() as {
    code: string;
    isDefault: number;
  }[];
  const declared = new Set(stored.map((l) => l.code));
  const seen = new Map<string, number>();
  let defaultAt: number | undefined;
  (doc.languages ?? []).forEach((l, i) => {
    const first = seen.get(l.code);
    if (first !== undefined)
      problem("languages", i, "code", `duplicate language "${l.code}" (first at ${where(at("languages", first))})`);
    else seen.set(l.code, i);
    declared.add(l.code);
    if (!l.default) return;
    if (defaultAt !== undefined)
      problem(
        "languages",
        i,
        "default",
        `a catalog has one default language; ${where(at("languages", defaultAt))} is the default too`,
      );
    else defaultAt = i;
  });
  declared.add(
    defaultAt !== undefined
      ? doc.languages![defaultAt]!.code
      : (stored.find((l) => l.isDefault)?.code ?? FALLBACK_LANGUAGE),
  );
  const list = () => [...declared].sort().join(", ");
  const declaredCheck = (section: SectionName, i: number, field: string, langs: Iterable<string>) => {
    for (const lang of langs)
      if (!declared.has(lang))
        problem(
          section,
          i,
          `${field}.${lang}`,
          `language "${lang}" is not declared in languages (declared: ${list()})`,
        );
  };

  (doc.categories ?? []).forEach((c, i) => declaredCheck("categories", i, "texts", Object.keys(c.texts ?? {})));
  (doc.products ?? []).forEach((p, i) => declaredCheck("products", i, "texts", Object.keys(p.texts ?? {})));
  (doc.configModels ?? []).forEach((m, i) =>
    m.groups?.forEach((g, gi) => {
      declaredCheck("configModels", i, `groups[${gi}].labels`, Object.keys(g.labels ?? {}));
      g.options?.forEach((o, oi) =>
        declaredCheck("configModels", i, `groups[${gi}].options[${oi}].labels`, Object.keys(o.labels ?? {})),
      );
    }),
  );

  const featureKeys = new Map<string, number>();
  (doc.featureNames ?? []).forEach((f, i) => {
    declaredCheck("featureNames", i, "names", Object.keys(f.names ?? {}));
    const first = featureKeys.get(f.key);
    if (first !== undefined)
      problem("featureNames", i, "key", `duplicate feature "${f.key}" (first at ${where(at("featureNames", first))})`);
    else featureKeys.set(f.key, i);
  });

  const categories = new Set<string>();
  for (const row of source.sections.categories ?? []) {
    const code = (row as { code?: unknown } | null)?.code;
    if (typeof code === "string") categories.add(code.trim());
  }
  const categoryExists = client.prepare("SELECT 1 FROM categories WHERE code = ?");
  const synonymKeys = new Map<string, number>();
  (doc.synonyms ?? []).forEach((s, i) => {
    if (s.language && !declared.has(s.language))
      problem("synonyms", i, "language", `language "${s.language}" is not declared in languages (declared: ${list()})`);
    if (s.category && !categories.has(s.category) && categoryExists.get(s.category) === undefined)
      problem("synonyms", i, "category", `unknown category "${s.category}" (not in this import nor in the database)`);
    const key = `${s.language}\u0000${s.term?.toLowerCase()}\u0000${s.category ?? ""}`;
    const first = synonymKeys.get(key);
    if (first !== undefined)
      problem("synonyms", i, "term", `duplicate synonym entry "${s.term}" (first at ${where(at("synonyms", first))})`);
    else synonymKeys.set(key, i);
  });
}

const where = (o: RowOrigin) => `${o.file}:${o.path}`;
