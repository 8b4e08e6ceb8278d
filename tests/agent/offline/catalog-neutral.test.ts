/**
 * The offline model must work on any imported catalog: its code (comments aside — they give examples) names no SKU,
 * category or trade word of the demo world, the generator or the trade catalogs the evals judge it on. A trade word
 * in the code is a special case for one catalog; the catalog's own data is where such words belong.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCatalog } from "../../../catalog/generate/index.ts";
import { DEMO_SEED_DIR } from "../../../catalog/seed/index.ts";

const ROOT = join(import.meta.dirname, "../../../agent/models/offline");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

/** Code and string literals, without comments. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const TRADE_WORDS = [
  "pump",
  "pumpe",
  "seal",
  "dichtung",
  "valve",
  "ventil",
  "gasket",
  "impeller",
  "bearing",
  "motor",
  "flange",
  "o-ring",
  "epdm",
  "fkm",
  "nbr",
  "dn",
  "pn",
  "atex",
  "glycol",
  "grease",
  "compressor",
  "strainer",
  "hose",
  "clamp",
  "brewhouse",
  "halle",
  // intralogistics (session 8): a trade the consultant was never built for
  "stapler",
  "battery",
  "charger",
  "tyre",
  // agriparts (session 9): agricultural wear parts, an English-only catalog for German buyers
  "ploughshare",
  "baler",
  "twine",
  "pto",
  "cultivator",
  "harrow",
  "mower",
  "schar",
  "zinken",
  "gelenkwelle",
  // foodtech (session 10): bakery and food-processing equipment spares, a German-only catalog for English buyers
  "kneter",
  "knethaken",
  "teigteiler",
  "stikkenofen",
  "etagenofen",
  "gärschrank",
  "brotschneider",
  "dough",
  "proofer",
  "slicer",
  "sheeter",
  // watertreat (session 11): water-treatment spares, a bilingual (English and German) catalog
  "osmosis",
  "osmose",
  "membrane",
  "hypochlorite",
  "antiscalant",
  "softener",
  "enthärter",
  "dosierpumpe",
  "impfventil",
  "quarzhüllrohr",
  // packaging (session 12): packaging and filling line spares, a partly translated (English, half German) catalog
  "flowpack",
  "schlauchbeutler",
  "siegelbacken",
  "heizpatrone",
  "heizband",
  "schmelzkleber",
  "etikettierer",
  "farbband",
  "printhead",
  "hot-melt",
  "labeller",
  "vffs",
  "verschließkopf",
  // woodwork (session 13): woodworking and sawmill machinery spares, a German catalog with English for about a third
  "sägeblatt",
  "vorritzer",
  "wendemesser",
  "sägeband",
  "schleifband",
  "kantenleim",
  "absaugschlauch",
  "bandsaw",
];

describe("the offline model is catalog-neutral", () => {
  // The corpus's blind test split is no part of the model (never trained on): it may read as buyers write, trade
  // words included — the model meets those too and must cope without having been taught them.
  const files = sources(ROOT)
    .filter((p) => !p.endsWith("corpus-test.ts"))
    .map((p) => ({
      p,
      words: new Set(
        code(readFileSync(p, "utf8"))
          .toLowerCase()
          .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [],
      ),
    }));
  it("its code names no demo SKU, no category and no trade word", () => {
    const demo = JSON.parse(readFileSync(join(DEMO_SEED_DIR, "products.json"), "utf8")) as { sku: string }[];
    const demoCats = JSON.parse(readFileSync(join(DEMO_SEED_DIR, "categories.json"), "utf8")) as {
      code: string;
      name: string;
    }[];
    const generated = generateCatalog({ skus: 200, seed: 1, customers: 2, asOf: "2026-06-01" });
    const forbidden = new Set<string>([
      ...demo.map((p) => p.sku.toLowerCase()),
      ...demoCats.map((c) => c.code.toLowerCase()),
      // Generator codes that are plain English ("parts", "fast", "kit") are not trade words.
      ...(generated.categories ?? [])
        .map((c) => c.code.toLowerCase())
        .filter((c) => !["parts", "fast", "kit"].includes(c)),
      ...TRADE_WORDS,
      // The catalogs of other trades the consultant is judged on (evals/catalogs): their SKUs and category codes.
      ...[
        "hvac",
        "automation",
        "fluidpower",
        "powertrans",
        "agriparts",
        "foodtech",
        "watertreat",
        "packaging",
        "woodwork",
      ].flatMap((trade) => {
        const dir = join(import.meta.dirname, "../../../evals/catalogs", trade);
        const skus = JSON.parse(readFileSync(join(dir, "products.json"), "utf8")) as { sku: string }[];
        const cats = JSON.parse(readFileSync(join(dir, "categories.json"), "utf8")) as { code: string }[];
        return [
          ...skus.map((p) => p.sku.toLowerCase()),
          // Category codes that are plain English ("machines", "kits") are not trade words.
          ...cats
            .map((c) => c.code.toLowerCase())
            .filter((c) => !["service", "accessories", "machines", "kits"].includes(c)),
        ];
      }),
    ]);
    const found = files.flatMap(({ p, words }) => [...forbidden].filter((w) => words.has(w)).map((w) => `${p}: ${w}`));
    expect(found).toEqual([]);
  });
});
