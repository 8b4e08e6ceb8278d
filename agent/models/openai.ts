/**
 * OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp server, LM Studio) through @langchain/openai,
 * on the chat.completions API. Configured from the environment the caller passes in, read once at start-up.
 */
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";

export const openAIEnvSchema = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
});
export type OpenAIEnv = z.infer<typeof openAIEnvSchema>;

/** True when the environment asks for an OpenAI(-compatible) provider. */
export function wantsOpenAI(env: Record<string, string | undefined>): boolean {
  return Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
}

export interface OpenAIModelOptions {
  /** For tests: a fetch to route requests through. */
  fetch?: typeof fetch;
}

/**
 * @example
 *   const model = createOpenAIModel({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_MODEL: "qwen2.5" });
 */
export function createOpenAIModel(
  rawEnv: Record<string, string | undefined>,
  options: OpenAIModelOptions = {},
): ChatOpenAI {
  const env = openAIEnvSchema.parse(rawEnv);
  return new ChatOpenAI({
    model: env.OPENAI_MODEL,
    // Local OpenAI-compatible servers accept any key; the SDK refuses to start without one.
    apiKey: env.OPENAI_API_KEY ?? "not-needed",
    temperature: env.OPENAI_TEMPERATURE,
    timeout: env.OPENAI_TIMEOUT_MS,
    maxRetries: env.OPENAI_MAX_RETRIES,
    streamUsage: true,
    // Chat completions, never the Responses API: that is what OpenAI-compatible servers serve.
    useResponsesApi: false,
    configuration: {
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  });
}
