/**
 * Persona scenarios: the glue between a trial and the buyer simulator (evals/buyer.ts). A trial of a persona
 * scenario takes its steps from the simulator; when the simulator invents a fact, that attempt is thrown away and
 * the trial re-run on a fresh catalog copy (at most MAX_SIMULATOR_RERUNS times), recorded but never counted against
 * the agent. Without a buyer model a persona scenario is skipped with the reason, never silently passed.
 */
import type { Db } from "../catalog/db.ts";
import { type BuyerView, SimulatorInventedError, simulateBuyer } from "./buyer.ts";
import type { ModelFactory, PlayExtras, TrialRecord } from "./play.ts";
import type { Scenario, Step } from "./scenario.ts";
import { type PriceTable, type Usage, UsageMeter } from "./usage.ts";
import type { CatalogCache } from "./world.ts";

export const MAX_SIMULATOR_RERUNS = 2;

export const NO_BUYER_MODEL =
  "persona scenario skipped: no buyer-simulator model (set OPENAI_API_KEY or OPENAI_BASE_URL, or --buyer-model openai)";

/** The simulator's steps for one attempt, given a view of the conversation; and the simulator's token usage. */
export interface BuyerSteps {
  (view: () => BuyerView): AsyncIterable<Step>;
  usage(prices: PriceTable): Usage;
}

type PlayOnce = (
  scenario: Scenario,
  trial: number,
  catalogs: CatalogCache,
  makeModel: ModelFactory,
  extras?: PlayExtras,
  buyerSteps?: BuyerSteps,
) => Promise<TrialRecord>;

function buyerStepsFor(scenario: Scenario, trial: number, db: Db, now: Date, buyerModel: ModelFactory): BuyerSteps {
  const meter = new UsageMeter();
  const persona = scenario.persona!;
  return Object.assign(
    (view: () => BuyerView) => {
      const model = buyerModel(db, { scenario, trial, now });
      model.callbacks = [...(Array.isArray(model.callbacks) ? model.callbacks : []), meter];
      return simulateBuyer({ persona, model }, view);
    },
    { usage: (prices: PriceTable) => meter.total(prices) },
  );
}

/** Pass the steps through; close the trial's database when the simulator gives up on an attempt. */
export async function* closeOnSimulatorError(steps: Iterable<Step> | AsyncIterable<Step>, db: Db) {
  try {
    yield* steps;
  } catch (error) {
    if (error instanceof SimulatorInventedError) db.$client.close();
    throw error;
  }
}

/** A record for a trial that was not played: nothing placed, the reason kept. */
function notPlayed(scenario: Scenario, trial: number, catalogs: CatalogCache, reason: string): TrialRecord {
  const { db, now } = catalogs.open(scenario);
  return {
    scenario,
    trial,
    db,
    now,
    threadId: "",
    outbox: [],
    codesSeen: new Set(),
    final: {
      threadId: "",
      messages: [],
      draft: { lines: [] },
      report: null,
      pending: null,
      order: null,
      refusal: null,
      customerId: scenario.customer,
    },
    transcript: [],
    turns: 0,
    toolCalls: 0,
    ms: 0,
    trajectory: [],
    skipped: reason,
  };
}

/** `playOnce` for scripted scenarios; for persona scenarios, driven by the buyer simulator with re-runs. */
export function withSimulatedBuyer(playOnce: PlayOnce) {
  return async (
    scenario: Scenario,
    trial: number,
    catalogs: CatalogCache,
    makeModel: ModelFactory,
    extras: PlayExtras = {},
  ): Promise<TrialRecord> => {
    if (!scenario.persona) return playOnce(scenario, trial, catalogs, makeModel, extras);
    const buyerModel = extras.buyerModel;
    if (!buyerModel) return notPlayed(scenario, trial, catalogs, NO_BUYER_MODEL);
    const invented: string[] = [];
    for (let attempt = 0; attempt <= MAX_SIMULATOR_RERUNS; attempt++) {
      // The simulator's model is built inside the attempt, over the attempt's own catalog copy.
      let steps: BuyerSteps | undefined;
      const lazy: BuyerSteps = Object.assign((view: () => BuyerView) => steps!(view), {
        usage: (prices: PriceTable) => steps!.usage(prices),
      });
      const factory: ModelFactory = (db, info) => {
        steps = buyerStepsFor(scenario, trial, db, info?.now ?? new Date(), buyerModel);
        return makeModel(db, info);
      };
      try {
        const record = await playOnce(scenario, trial, catalogs, factory, extras, lazy);
        return { ...record, simulator: { reruns: attempt, invented } };
      } catch (error) {
        if (!(error instanceof SimulatorInventedError)) throw error;
        invented.push(error.message);
      }
    }
    return {
      ...notPlayed(scenario, trial, catalogs, `the buyer simulator invented facts in every attempt`),
      simulator: { reruns: MAX_SIMULATOR_RERUNS, invented },
    };
  };
}
