/**
 * Provider selection: OpenAI(-compatible) when OPENAI_API_KEY or OPENAI_BASE_URL is set, else the built-in
 * offline consultant (agent/models/offline/). The graph is the same for every provider.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Db } from "../../catalog/db.ts";
import { createOfflineModel } from "./offline/index.ts";
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

export async function selectModel(deps: ModelDeps): Promise<SelectedModel> {
  const env = deps.env ?? process.env;
  if (wantsOpenAI(env)) return { provider: "openai", model: createOpenAIModel(env) };
  return { provider: "offline", model: createOfflineModel({ db: deps.db }) };
}
