/**
 * `npx tsx scripts/nlu-explain.ts [--world demo|generated | --catalog evals/catalogs/X] [--customer ID] TEXT...` — how the intent ensemble reads
 * each text: nlp.js alone, the sub-word reader on the masked text (with its evidence) and the ensemble.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SETTINGS, modelCacheDir, trainIntentClassifier } from "../agent/models/offline/nlu/classifier.ts";
import { catalogMasks } from "../agent/models/offline/nlu/catalog-masks.ts";
import { BASE_CORPUS, subwordOnlyDocuments, trainingDocuments } from "../agent/models/offline/nlu/corpus.ts";
import { applyMasks, genericMasks } from "../agent/models/offline/nlu/masks.ts";
import { trainSubwordModel } from "../agent/models/offline/nlu/subwords.ts";
import { buildKnowledge } from "../agent/models/offline/recognise.ts";
import { openDatabase } from "../catalog/db.ts";
import { importCatalog } from "../catalog/import/index.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import { createCatalogSearch } from "../catalog/queries/search.ts";
import { openEntityWorlds } from "./bench/offline.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    world: { type: "string", default: "demo" },
    catalog: { type: "string" },
    customer: { type: "string" },
    lang: { type: "string" },
  },
});
const cacheDir = modelCacheDir();
const opts = cacheDir ? { cacheDir } : {};
const ensemble = await trainIntentClassifier(undefined, DEFAULT_SETTINGS, opts);
const alone = await trainIntentClassifier(undefined, { ...DEFAULT_SETTINGS, subwords: 0 }, opts);
// The classifier before the later authors and the ensemble: nlp.js alone on the base corpus, trained to convergence.
const before = await trainIntentClassifier(BASE_CORPUS, { ...DEFAULT_SETTINGS, subwords: 0, iterations: 20000 }, opts);
const s = DEFAULT_SETTINGS;
const sub = Object.fromEntries(
  (["en", "de"] as const).map((lang) => [
    lang,
    trainSubwordModel(
      [...trainingDocuments(), ...subwordOnlyDocuments()]
        .filter((d) => d.lang === lang)
        .map((d) => ({ ...d, text: applyMasks(d.text, genericMasks(d.text)) })),
      s,
    ),
  ]),
);
const worlds = openEntityWorlds(ensemble.vocabulary);
let view = values.world === "generated" ? worlds.views.generated : worlds.views.demo;
if (values.catalog) {
  // A catalog in the import format (evals/catalogs/<trade>).
  const db = openDatabase();
  importCatalog(db, values.catalog);
  const reader = createCatalogReader(db.$client);
  view = {
    knowledge: buildKnowledge(reader, createCatalogSearch(db.$client), db.$client, ensemble.vocabulary),
    now: view.now,
    machines: (id) =>
      (reader.customer(id)?.machines ?? []).map((m) => ({
        machineId: m.id,
        label: m.label,
        model: m.model,
        modelName: m.modelName,
        serial: m.serial,
        site: m.site,
      })),
  };
}
const machines = values.customer ? view.machines(values.customer) : [];
const fmt = (r: { intent: string; score: number }[]) =>
  r
    .slice(0, 3)
    .map((x) => `${x.intent} ${x.score.toFixed(2)}`)
    .join(", ");
for (const text of positionals) {
  const lang = (values.lang as "en" | "de" | undefined) ?? (/[äöüß]|\b(für|und|bitte|ich)\b/i.test(text) ? "de" : "en");
  const masks = catalogMasks(text, view.knowledge, machines);
  const masked = applyMasks(text, [...genericMasks(text), ...masks]);
  const r = sub[lang]!.read(masked, s.partial);
  const e = await ensemble.classify(lang, text, masks);
  const n = await alone.classify(lang, text);
  const b = await before.classify(lang, text);
  console.log(
    `${text}\n  masked: ${masked}\n  nlp.js (base corpus): ${fmt(b.ranked ?? [b])}\n  nlp.js: ${fmt(n.ranked ?? [n])}\n  sub-word (evidence ${r.evidence.toFixed(2)}): ${fmt(r.ranked)}\n  ensemble: ${fmt(e.ranked ?? [e])}`,
  );
}
worlds.close();
