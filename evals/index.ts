/** The evals' public surface: load scenarios, run them against a model, grade, report. */
export { loadScenarios, parseScenarioFile, scenarioSchema, ScenarioFileError, type Scenario } from "./scenario.ts";
export { playTrial, type ModelFactory, type TrialRecord } from "./play.ts";
export { gradeTrial, revalidate, type Grade } from "./grade.ts";
export { runEvals, summarize, compareWithBaseline, readResults, type RunSummary, type TrialResult } from "./runner.ts";
export { formatSummary, renderHtml } from "./report.ts";
export { createCatalogCache } from "./world.ts";
export { checkTrajectory, readTrajectory, type TrajectoryStep } from "./trajectory.ts";
export { createBareAgent, type BareAgent, type BareAgentOptions, type BareOrder } from "./bare-agent.ts";
export { playBareTrial, judgeBareOrder } from "./play-bare.ts";
export { runComparison, formatComparison, type ComparisonRow, type AgentKind } from "./compare.ts";
export { renderComparisonHtml } from "./report.ts";
export { EVAL_MODELS, type EvalModelName, evalModelFactory, defaultCompareModels, chaosPoolOf } from "./models.ts";
export {
  UsageMeter,
  loadPriceTable,
  priceTableSchema,
  PriceTableError,
  type PriceTable,
  type Usage,
} from "./usage.ts";
export {
  PERTURB_KINDS,
  PerturbKindError,
  parsePerturbKinds,
  perturbScenario,
  perturbText,
  type PerturbKind,
  type PerturbOptions,
} from "./perturb.ts";
