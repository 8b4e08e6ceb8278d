/**
 * The models an eval run can drive its agents with: the offline consultant, the chaos model (random and adversarial
 * tool calls: place_order at any moment, wrong arguments, other customers' ids, fake prices), and an
 * OpenAI(-compatible) model. Every factory builds a fresh model per trial; the chaos model is seeded from the run
 * seed, the scenario id and the trial, so a trial replays exactly — and the shield and the bare agent get the same
 * sequence of choices for the same trial.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { createHash } from "node:crypto";
import { ChaosModel, type ChaosPool } from "../agent/models/chaos.ts";
import { createOfflineModel, type OfflineModelDeps } from "../agent/models/offline/index.ts";
import { createOpenAIModel, wantsOpenAI } from "../agent/models/openai.ts";
import type { Db } from "../catalog/db.ts";
import { createCatalogReader } from "../catalog/queries/index.ts";
import { configurationState } from "../tools/checks/configuration.ts";
import { validateDraft } from "../tools/engine.ts";
import type { ModelFactory } from "./play.ts";
import { catalogKey } from "./world.ts";

type SharedWords = NonNullable<OfflineModelDeps["sharedWords"]>;

export const EVAL_MODELS = ["offline", "chaos", "openai"] as const;
export type EvalModelName = (typeof EVAL_MODELS)[number];

/** What the chaos model picks from: this catalog's SKUs, machines, customers, ship-tos and option values. */
export function chaosPoolOf(db: Db, customerId: string, now: Date): ChaosPool {
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const skus = all<{ sku: string }>("select sku from products order by sku").map((r) => r.sku);
  const optionGroups: Record<string, string[]> = {};
  for (const o of all<{ group_code: string; value: string }>("select group_code, value from config_options"))
    (optionGroups[o.group_code] ??= []).push(o.value);
  // Lines the engine accepts for this customer, so that a share of the conversations reaches a check-out.
  const data = createCatalogReader(db);
  const orderable: NonNullable<ChaosPool["orderable"]> = [];
  for (const sku of skus.slice(0, 150)) {
    if (orderable.length >= 25) break;
    const product = data.products([sku]).get(sku);
    if (!product) continue;
    const model = product.configModelId ? data.configModel(product.configModelId) : undefined;
    const options = model ? configurationState(model, {}).example : undefined;
    const line = { sku, quantity: product.moq, ...(options ? { options } : {}) };
    if (validateDraft({ lines: [{ lineId: "L1", ...line }] }, { customerId, now, data }).clean) orderable.push(line);
  }
  return {
    skus: skus.slice(0, 250),
    machineIds: all<{ id: string }>("select id from machines order by id").map((r) => r.id),
    customerIds: all<{ id: string }>("select id from customers order by id").map((r) => r.id),
    shipToIds: all<{ id: string }>("select id from ship_tos order by id").map((r) => r.id),
    optionGroups,
    orderable,
  };
}

const seedOf = (...parts: (string | number)[]) =>
  createHash("sha256").update(parts.join("\u0000")).digest().readUInt32LE(0);

/** A model factory by name; `openai` reads OPENAI_* from `env`. */
export function evalModelFactory(
  name: EvalModelName,
  options: { seed?: number; env?: Record<string, string | undefined> } = {},
): ModelFactory {
  if (name === "openai") return () => createOpenAIModel(options.env ?? process.env);
  if (name === "offline") {
    // Every trial's copy of a catalog has the same words: the model reads them from the first copy only.
    const cache: SharedWords["cache"] = new Map();
    return (db, trial) =>
      createOfflineModel({
        db,
        ...(trial ? { sharedWords: { key: catalogKey(trial.scenario), cache } } : {}),
        ...(trial?.agent === "bare" ? { checkout: "on-request" as const } : {}),
      });
  }
  return (db, trial) => {
    const customerId = trial?.scenario.customer ?? "";
    const model = new ChaosModel({ pool: chaosPoolOf(db, customerId, trial?.now ?? new Date()) });
    model.reseed(seedOf(options.seed ?? 1, trial?.scenario.id ?? "", trial?.trial ?? 0));
    return model as BaseChatModel;
  };
}

/** The models `--compare-bare` drives both agents with: offline and chaos, and openai when it is configured. */
export function defaultCompareModels(env: Record<string, string | undefined>): EvalModelName[] {
  return wantsOpenAI(env) ? ["offline", "chaos", "openai"] : ["offline", "chaos"];
}
