/**
 * Provider selection: OpenAI(-compatible) when OPENAI_API_KEY or OPENAI_BASE_URL is set, else the built-in
 * offline consultant (agent/models/offline/). The graph is the same for every provider.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Db } from "../../catalog/db.ts";
import { createOpenAIModel, wantsOpenAI } from "./openai.ts";

export interface ModelDeps {
  db: Db;
  env?: Record<string, string | undefined>;
}

export type ProviderName = "openai" | "offline";

export interface SelectedModel {
  provider: ProviderName;
  model: BaseChatModel;
}

/** The seam the offline model fills: `agent/models/offline/index.ts` exports `createOfflineModel(deps)`. */
type OfflineModule = { createOfflineModel: (deps: { db: Db }) => BaseChatModel | Promise<BaseChatModel> };

export async function selectModel(deps: ModelDeps): Promise<SelectedModel> {
  const env = deps.env ?? process.env;
  if (wantsOpenAI(env)) return { provider: "openai", model: createOpenAIModel(env) };
  const offlinePath = "./offline/index.ts";
  let offline: OfflineModule;
  try {
    offline = (await import(/* @vite-ignore */ offlinePath)) as OfflineModule;
  } catch (error) {
    throw new Error(`no model provider: set OPENAI_API_KEY or OPENAI_BASE_URL (the offline model is not available: ${(error as Error).message})`);
  }
  return { provider: "offline", model: await offline.createOfflineModel({ db: deps.db }) };
}
