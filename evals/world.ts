/**
 * Catalog databases for eval trials: each catalog a scenario names is built once per run (demo world, an import
 * folder, a generated catalog) and kept as a serialized image; every trial opens its own in-memory copy, so trials
 * never see each other's orders, reservations or stock events.
 */
import { dirname, resolve } from "node:path";
import { openDatabase, openDatabaseImage, type Db } from "../catalog/db.ts";
import { generateCatalog } from "../catalog/generate/index.ts";
import { importCatalog } from "../catalog/import/index.ts";
import { keepLanguages } from "../catalog/import/languages.ts";
import { DEMO_NOW, seedDemo } from "../catalog/seed/index.ts";
import type { CatalogRef, Scenario } from "./scenario.ts";

export const GENERATED_AS_OF = "2026-06-01";

interface CatalogImage {
  image: Buffer;
  now: Date;
}

export function catalogKey(scenario: Scenario): string {
  const only = scenario.catalogLanguages ? `|${[...scenario.catalogLanguages].sort().join(",")}` : "";
  return baseKey(scenario) + only;
}

function baseKey(scenario: Scenario): string {
  const ref = scenario.catalog;
  if (ref === "demo") return "demo";
  if ("import" in ref) return `import:${resolve(dirname(scenario.file), ref.import)}`;
  return `generate:${ref.generate.seed}:${ref.generate.skus}`;
}

function build(ref: CatalogRef, scenarioFile: string, languages?: readonly string[]): CatalogImage {
  const db = openDatabase(":memory:");
  try {
    const image = buildInto(db, ref, scenarioFile);
    if (!languages) return image;
    keepLanguages(db, languages);
    return { image: db.$client.serialize(), now: image.now };
  } finally {
    db.$client.close();
  }
}

function buildInto(db: Db, ref: CatalogRef, scenarioFile: string): CatalogImage {
  if (ref === "demo") {
    seedDemo(db);
    return { image: db.$client.serialize(), now: DEMO_NOW };
  }
  if ("import" in ref) {
    importCatalog(db, resolve(dirname(scenarioFile), ref.import));
    return { image: db.$client.serialize(), now: DEMO_NOW };
  }
  importCatalog(
    db,
    generateCatalog({ skus: ref.generate.skus, seed: ref.generate.seed, customers: 20, asOf: GENERATED_AS_OF }),
  );
  return { image: db.$client.serialize(), now: new Date(`${GENERATED_AS_OF}T09:00:00Z`) };
}

/** Built catalogs of one run, by key. */
export function createCatalogCache() {
  const images = new Map<string, CatalogImage>();
  return {
    /** A fresh, private copy of the scenario's catalog, and the "today" the trial runs at. */
    open(scenario: Scenario): { db: Db; now: Date } {
      const key = catalogKey(scenario);
      let entry = images.get(key);
      if (!entry) {
        entry = build(scenario.catalog, scenario.file, scenario.catalogLanguages);
        images.set(key, entry);
      }
      return { db: openDatabaseImage(entry.image), now: scenario.now ? new Date(scenario.now) : entry.now };
    },
  };
}
export type CatalogCache = ReturnType<typeof createCatalogCache>;
