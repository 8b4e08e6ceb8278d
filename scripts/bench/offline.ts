/**
 * The built-in offline consultant and catalog search.
 *
 * - `offline.turn.p50_ms`: a buyer turn through the real shield graph with the offline model (tools, engine, SQLite
 *   checkpoint in a file), over scripted demo-world conversations; beside it the model's own decision time per turn.
 * - `search.top10.p95_ms`: top-10 search over the shared 100k-SKU catalog with a query mix drawn from that catalog
 *   (exact, partial and misspelt SKUs; name words, misspelt words; category and machine filters).
 */
import { mkdtempSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogSearch, type SearchQuery } from "../../catalog/queries/search.ts";
import { DEMO, DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createOfflineModel, type OfflineModelStats } from "../../agent/models/offline/index.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { defaultThreadStore } from "../../agent/checkpointer.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { buildKnowledge } from "../../agent/models/offline/recognise.ts";
import { DEFAULT_SETTINGS, trainIntentClassifier } from "../../agent/models/offline/nlu/classifier.ts";
import { CORPUS, devDocuments, validationDocuments } from "../../agent/models/offline/nlu/corpus.ts";
import { entityF1, type EntityWorldView, intentAccuracy } from "../../agent/models/offline/nlu/evaluate.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import { importCatalog } from "../../catalog/import/index.ts";
import type { BenchSuite } from "./types.ts";
import { ENTITY_CASES } from "./entity-cases.ts";
import { ENTITY_VALIDATION_CASES } from "./entity-validation.ts";

/** A world for the entity set: catalog knowledge over a seeded database and the buyers' machines. */
function entityWorld(db: ReturnType<typeof openDatabase>, now: Date, vocabulary: Set<string>): EntityWorldView {
  const reader = createCatalogReader(db.$client);
  const knowledge = buildKnowledge(reader, createCatalogSearch(db.$client), db.$client, vocabulary);
  return {
    knowledge,
    now,
    machines: (customerId) =>
      (reader.customer(customerId)?.machines ?? []).map((m) => ({
        machineId: m.id,
        label: m.label,
        model: m.model,
        modelName: m.modelName,
        serial: m.serial,
        site: m.site,
      })),
  };
}

/**
 * The understanding stage on data it was not trained on: the corpus's test split (and the validation split used for
 * tuning), and the annotated entity set over the demo world and a generated catalog.
 */
export async function measureUnderstanding() {
  const cacheDir = mkdtempSync(join(tmpdir(), "bench-nlu-"));
  const cpu = process.cpuUsage();
  const classifier = await trainIntentClassifier(CORPUS, DEFAULT_SETTINGS, { cacheDir });
  const used = process.cpuUsage(cpu);
  const trainCpuMs = (used.user + used.system) / 1000;
  // What a later start costs: the same model from the model cache.
  const loaded = await trainIntentClassifier(CORPUS, DEFAULT_SETTINGS, { cacheDir });
  rmSync(cacheDir, { recursive: true, force: true });
  const intents = await intentAccuracy(classifier);
  const validation = await intentAccuracy(classifier, validationDocuments());
  const dev = await intentAccuracy(classifier, devDocuments());
  const worlds = openEntityWorlds(classifier.vocabulary);
  const entities = entityF1(worlds.views, ENTITY_CASES);
  const entitiesValidation = entityF1(worlds.views, ENTITY_VALIDATION_CASES);
  worlds.close();
  return {
    trainMs: classifier.trainMs,
    trainCpuMs,
    loadMs: loaded.fromCache ? loaded.trainMs : Number.NaN,
    intents,
    validation,
    dev,
    entities,
    entitiesValidation,
  };
}

/** The two worlds the entity sets are annotated against: the demo world and a generated catalog (in memory). */
export function openEntityWorlds(vocabulary: Set<string>) {
  const demo = openDatabase();
  seedDemo(demo);
  const generated = openDatabase();
  importCatalog(generated, generateCatalog({ skus: 400, seed: 7, customers: 20, asOf: GENERATED_AS_OF }));
  return {
    views: {
      demo: entityWorld(demo, DEMO_NOW, vocabulary),
      generated: entityWorld(generated, new Date(`${GENERATED_AS_OF}T09:00:00Z`), vocabulary),
    },
    close() {
      demo.$client.close();
      generated.$client.close();
    },
  };
}

/** The as-of date of the generated catalog the entity set is annotated against. */
const GENERATED_AS_OF = "2026-06-01";

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** One demo conversation: find, choose, ask price and stock, review, change, small talk, remove. */
export const OFFLINE_SCRIPT = [
  "I need 2 mechanical seals for pump 2 in hall B",
  "the carbon/ceramic EPDM one",
  "what does SE-MS28-SIC-FKM cost?",
  "is it in stock? I need 5",
  "what's in my order?",
  "make it 3",
  "hello",
  "remove the seal",
];

export async function measureOfflineTurns(options: { dir: string; conversations?: number }) {
  const conversations = options.conversations ?? 30;
  const db = openDatabase(join(options.dir, "offline-bench.db"));
  seedDemo(db);
  const stats: OfflineModelStats = { calls: 0, ms: 0 };
  // Super-steps (node runs) per turn: what LangGraph's per-step bookkeeping scales with, counted apart from the load.
  let steps = 0;
  const agent = createShieldAgent({
    db,
    model: createOfflineModel({ db, stats }),
    now: () => DEMO_NOW,
    onStep: (_thread, step) => (steps += step.nodes.length > 0 ? 1 : 0),
  });
  const ctx = { customerId: DEMO.customers.platinum, contactId: null, channel: "bench" };
  const turnMs: number[] = [];
  const modelMs: number[] = [];
  let cpuMs = 0;
  const threads = new Database(defaultThreadStore(db.$client) as string, { readonly: true });
  const checkpointRows = () => (threads.prepare("SELECT count(*) AS n FROM checkpoints").get() as { n: number }).n;
  let checkpointsBefore = 0;
  for (let c = -3; c < conversations; c++) {
    if (c === 0) (steps = 0), (checkpointsBefore = checkpointRows());
    for (const text of OFFLINE_SCRIPT) {
      const before = stats.ms;
      const cpu = process.cpuUsage();
      const t = performance.now();
      const r = await agent.send(`offline-${c}`, text, ctx);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (!r.replies.length) throw new Error(`offline turn "${text}" produced no reply`);
      if (c >= 0) turnMs.push(ms), modelMs.push(stats.ms - before), (cpuMs += (used.user + used.system) / 1000);
    }
  }
  const checkpoints = checkpointRows() - checkpointsBefore;
  threads.close();
  db.$client.close();
  return {
    turns: turnMs.length,
    stepsPerTurn: steps / turnMs.length,
    checkpointsPerTurn: checkpoints / turnMs.length,
    p50: percentile(turnMs, 50),
    p95: percentile(turnMs, 95),
    modelP50: percentile(modelMs, 50),
    cpuPerTurn: cpuMs / turnMs.length,
  };
}

/** A deterministic query mix drawn from the catalog itself (no knowledge of its content). */
export function searchQueries(db: ReturnType<typeof openDatabase>, count = 400): SearchQuery[] {
  const s = db.$client;
  const total = (s.prepare("SELECT count(*) AS n FROM products").get() as { n: number }).n;
  const rows = s
    .prepare(
      "SELECT p.sku, p.name, p.category, t.name AS de FROM products p LEFT JOIN product_texts t ON t.sku = p.sku AND t.lang = 'de' WHERE p.rowid % ? = 0 LIMIT ?",
    )
    .all(Math.max(1, Math.floor(total / count)), count) as {
    sku: string;
    name: string;
    category: string;
    de: string | null;
  }[];
  // Machine searches as a buyer makes them: a word of a part and a model that part is listed for.
  const fits = s
    .prepare(
      "SELECT p.name, f.machine_model AS model FROM fitment f JOIN products p ON p.sku = f.part_sku WHERE f.rowid % ? = 0 LIMIT ?",
    )
    .all(
      Math.max(1, Math.floor((s.prepare("SELECT count(*) AS n FROM fitment").get() as { n: number }).n / count)),
      count,
    ) as { name: string; model: string }[];
  const words = (name: string) => name.split(/[^\p{L}]+/u).filter((w) => w.length > 3);
  const misspell = (w: string) => (w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w);
  // With a second language indexed, every other word query is a German buyer's (the catalog's German name).
  return rows.map((r, i): SearchQuery => {
    const german = r.de !== null && i % 16 >= 8 && [3, 4, 5, 7].includes(i % 8);
    const w = words(german ? r.de! : r.name);
    if (german && i % 8 !== 5) return { query: w.slice(0, 2).join(" ") || r.de!, language: "de" };
    switch (i % 8) {
      case 0:
        return { query: r.sku };
      case 1:
        return { query: r.sku.slice(1, Math.max(4, r.sku.length - 2)) };
      case 2:
        return { query: r.sku.slice(0, -2) + r.sku.at(-1) + r.sku.at(-2) };
      case 3:
        return { query: w.slice(0, 2).join(" ") || r.name };
      case 4:
        return { query: [misspell(w[0] ?? r.name), ...w.slice(1, 2)].join(" ") };
      case 5:
        return { query: w.slice(0, 1).join(" ") || r.name, category: r.category };
      case 6: {
        const f = fits[i % Math.max(1, fits.length)];
        return f
          ? { query: words(f.name).slice(0, 1).join(" ") || f.name, machineModel: f.model }
          : { query: w[0] ?? r.name };
      }
      default:
        return { query: `${w.slice(0, 3).join(" ")}` || r.name };
    }
  });
}

export const offlineSuite: BenchSuite = {
  name: "offline",
  description:
    "buyer turns through the shield graph with the built-in offline consultant (demo world, SQLite checkpoint)",
  async run(ctx) {
    ctx.log("offline: intent classifier and recognizers on held-out data…");
    const u = await measureUnderstanding();
    ctx.log("offline: scripted demo conversations with the offline model…");
    const r = await measureOfflineTurns({ dir: ctx.tempDir("offline"), ...(ctx.quick ? { conversations: 10 } : {}) });
    return [
      {
        id: "offline.nlu.intent_accuracy",
        value: u.intents.accuracy,
        unit: "ratio",
        target: ">= 0.95",
        note: `${u.intents.n} test-split utterances (en+de), never trained on or tuned against; classifier trained in ${u.trainMs.toFixed(0)} ms (CPU ${u.trainCpuMs.toFixed(0)} ms, incl. writing the model cache), loaded from the cache in ${u.loadMs.toFixed(0)} ms`,
      },
      {
        id: "offline.nlu.validation_accuracy",
        value: u.validation.accuracy,
        unit: "ratio",
        note: `${u.validation.n} validation-split utterances (en+de), never trained on; the split the settings and corpus were tuned on (optimistic)`,
      },
      {
        id: "offline.nlu.dev_accuracy",
        value: u.dev.accuracy,
        unit: "ratio",
        note: `${u.dev.n} dev-split utterances (en+de) by an author who never saw the corpus (corpus-dev.ts), never trained on; settings may be tuned on it`,
      },
      {
        id: "offline.nlu.entity_f1",
        value: u.entities.f1,
        unit: "ratio",
        target: ">= 0.9",
        note: `type, value and span of ${u.entities.entities} entities in ${u.entities.cases} annotated phrasings (demo + generated catalog, en+de; quantities, sizes, machines, SKUs, dates, PO refs); precision ${u.entities.precision.toFixed(2)}, recall ${u.entities.recall.toFixed(2)}`,
      },
      {
        id: "offline.nlu.entity_f1_validation",
        value: u.entitiesValidation.f1,
        unit: "ratio",
        note: `the same on the validation set the recognizers are tuned on (${u.entitiesValidation.entities} entities in ${u.entitiesValidation.cases} phrasings, scripts/bench/entity-validation.ts; optimistic); precision ${u.entitiesValidation.precision.toFixed(2)}, recall ${u.entitiesValidation.recall.toFixed(2)}`,
      },
      {
        id: "offline.turn.p50_ms",
        value: r.p50,
        unit: "ms",
        target: "<= 5",
        note: `${r.turns} turns, p95 ${r.p95.toFixed(2)} ms, CPU ${r.cpuPerTurn.toFixed(2)} ms/turn; graph + tools + engine + SQLite checkpoint (compare agent.turn.p50_ms)`,
      },
      {
        id: "offline.turn.steps",
        value: Math.round(r.stepsPerTurn * 100) / 100,
        unit: "steps",
        note: `graph super-steps (node runs) per buyer turn of the script, mean; LangGraph's bookkeeping is paid per step. Checkpoints written to the SQLite file per turn: ${r.checkpointsPerTurn.toFixed(2)}. Both are the same under any load: compare versions with them`,
      },
      {
        id: "offline.model.p50_ms",
        value: r.modelP50,
        unit: "ms",
        note: "the offline model's own decisions per turn (recognition, search, phrasing)",
      },
    ];
  },
};

export const searchSuite: BenchSuite = {
  name: "search",
  description: "top-10 catalog search over the 100k-SKU catalog (SKUs exact/partial/misspelt, words, filters)",
  async run(ctx) {
    const fixture = await ctx.catalog100k();
    const db = openDatabase(fixture.dbPath, { readonly: true });
    const search = createCatalogSearch(db);
    const queries = searchQueries(db);
    // One warm-up pass: statements prepared, the vocabulary prefixes typo correction reads cached (steady state).
    for (const q of queries) search.search({ ...q, limit: 10 });
    const ms: number[] = [];
    const cpu: number[] = [];
    let empty = 0;
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const c = process.cpuUsage();
        const t = performance.now();
        const hits = search.search({ ...q, limit: 10 });
        ms.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        if (round === 0 && hits.length === 0) empty++;
      }
    }
    db.$client.close();
    return [
      {
        id: "search.top10.p95_ms",
        value: percentile(ms, 95),
        unit: "ms",
        target: "<= 5",
        // CPU time beside wall time: on a shared 2-core machine the wall-clock tail is mostly waiting for a core.
        note: `${ms.length} searches over ${fixture.skus.toLocaleString("en")} SKUs, p50 ${percentile(ms, 50).toFixed(2)} ms, CPU p95 ${percentile(cpu, 95).toFixed(2)} ms, ${empty}/${queries.length} without hits`,
      },
    ];
  },
};
