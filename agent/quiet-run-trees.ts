/**
 * No langsmith RunTree per runnable while tracing is off.
 *
 * Why: @langchain/core 1.4's `AsyncLocalStorageProviderSingleton.runWithConfig` — which every LangGraph task runs
 * through several times (node, state writer, Command route: ~15 calls a buyer turn, ~20 per tool round of an eval
 * trial) — builds `new RunTree({ name: "<runnable_lambda>", tracingEnabled: false })` as the async-local store whenever
 * no LangChain tracer is attached. That object is only a carrier: LangChain reads its `extra[lc:child_config]` (the
 * run config: `getConfig`, `getCurrentTaskInput`, `interrupt`) and its context variables, and langsmith reads its
 * `tracingEnabled: false`. Building it costs a uuid7 (crypto random bytes), a timestamp string, ~30 property
 * definitions and half a dozen environment reads: 14–17% of a turn's CPU in the agent and offline benches.
 * (Upstream: langchain-ai/langchainjs#10043, "avoid initiating RunTree if tracing is disabled", closed unmerged.)
 *
 * `quietRunTrees()` replaces that one method with the same steps, storing a plain carrier with the same fields
 * instead of the RunTree. It does nothing when:
 * - LangSmith/LangChain tracing is switched on in the environment (then runs are traced exactly as the library does);
 * - the installed method is not the one this was written against (an upgrade of @langchain/core keeps its own code;
 *   `tests/agent/quiet-run-trees.test.ts` fails then, so someone looks again).
 * A run that does attach a LangChain tracer (callbacks) still gets the tracer's run tree, as before.
 */
import { CallbackManager } from "@langchain/core/callbacks/manager";
import { _CONTEXT_VARIABLES_KEY, AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import { createHash } from "node:crypto";

/** sha256 of `runWithConfig`'s source in @langchain/core 1.4.0 (dist/singletons/async_local_storage/index.js). */
export const KNOWN_RUN_WITH_CONFIG = "f9cadd9d3efec5f43ffb7fd99e6f8d306bfcbdcc764078eecbef00728ff5d0c4";

const LC_CHILD_KEY = Symbol.for("lc:child_config");
/** The variables @langchain/core's `isTracingEnabled` reads. */
const TRACING_ENV = ["LANGSMITH_TRACING_V2", "LANGCHAIN_TRACING_V2", "LANGSMITH_TRACING", "LANGCHAIN_TRACING"];

type Provider = typeof AsyncLocalStorageProviderSingleton;
type RunWithConfig = Provider["runWithConfig"];
/** What the store holds: LangChain's child config and context variables, langsmith's tracing flag. */
type Carrier = { tracingEnabled?: boolean; extra?: Record<PropertyKey, unknown> } & Record<PropertyKey, unknown>;

/** The library's own method, as loaded. */
export const libraryRunWithConfig: RunWithConfig = AsyncLocalStorageProviderSingleton.runWithConfig;
let installed = false;

export const fingerprintOf = (fn: (...args: never[]) => unknown): string =>
  createHash("sha256").update(fn.toString()).digest("hex");

/** Whether LangChain traces runs by the environment (the same variables and test as its `isTracingEnabled`). */
export function tracingEnabledInEnv(env: Record<string, string | undefined> = process.env): boolean {
  return TRACING_ENV.some((name) => env[name] === "true");
}

/** Whether the replacement may go in: tracing off in `env`, and the library's method the one it was written against. */
export function quietRunTreesFit(env: Record<string, string | undefined> = process.env): boolean {
  return !tracingEnabledInEnv(env) && fingerprintOf(libraryRunWithConfig) === KNOWN_RUN_WITH_CONFIG;
}

/**
 * Install the replacement once per process (idempotent). Returns whether it is in place.
 * @example
 *   quietRunTrees(); // in createShieldAgent: every agent in the process runs without idle RunTrees
 */
export function quietRunTrees(env: Record<string, string | undefined> = process.env): boolean {
  if (installed) return true;
  if (!quietRunTreesFit(env)) return false;
  AsyncLocalStorageProviderSingleton.runWithConfig = function runWithConfig(
    this: Provider,
    config,
    callback,
    avoidCreatingRootRunTree,
  ) {
    // The library's steps, in its order (callback manager first: it may attach a tracer from the config).
    const callbackManager = CallbackManager._configureSync(
      config?.callbacks,
      undefined,
      config?.tags,
      undefined,
      config?.metadata,
    );
    const storage = this.getInstance();
    const previousValue = storage.getStore() as Carrier | undefined;
    const parentRunId = callbackManager?.getParentRunId();
    const tracer = callbackManager?.handlers?.find((handler) => handler?.name === "langchain_tracer") as
      | { getRunTreeWithTracingConfig(id: string): Carrier | undefined }
      | undefined;
    let store: Carrier | undefined;
    if (tracer && parentRunId) store = tracer.getRunTreeWithTracingConfig(parentRunId);
    else if (!avoidCreatingRootRunTree) store = { tracingEnabled: false, extra: {} };
    if (store) store.extra = { ...store.extra, [LC_CHILD_KEY]: config };
    if (previousValue !== undefined && previousValue[_CONTEXT_VARIABLES_KEY] !== undefined) {
      store ??= {};
      store[_CONTEXT_VARIABLES_KEY] = previousValue[_CONTEXT_VARIABLES_KEY];
    }
    return storage.run(store, callback);
  } as RunWithConfig;
  installed = true;
  return true;
}
