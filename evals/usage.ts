/**
 * Tokens and cost per component of a trial (the agent's model, the buyer simulator's model). Counted from the
 * `usage_metadata` LangChain puts on every AIMessage a provider returns (read in a callback at the end of each model
 * call), priced with a table of USD per million tokens per model name: `evals/prices.json`, or the file named by
 * `EVALS_PRICES`. The offline consultant and the chaos model report no usage and cost 0; a model with usage but no
 * price in the table is reported as unpriced (cost null), never guessed.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { Serialized } from "@langchain/core/load/serializable";
import type { LLMResult } from "@langchain/core/outputs";
import { z } from "zod";

export interface Usage {
  /** Model calls. */
  calls: number;
  input_tokens: number;
  output_tokens: number;
  /** USD; null when a model with token usage has no price in the table. */
  cost_usd: number | null;
}

export const ZERO_USAGE: Usage = { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };

export const priceTableSchema = z.record(
  z.string().min(1),
  z.object({ input_per_mtok: z.number().min(0), output_per_mtok: z.number().min(0) }),
);
export type PriceTable = z.infer<typeof priceTableSchema>;

export const DEFAULT_PRICES_FILE = fileURLToPath(new URL("./prices.json", import.meta.url));

export class PriceTableError extends Error {
  readonly code = "invalid:prices";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "PriceTableError";
  }
}

/** The price table from `EVALS_PRICES` (a JSON file) or evals/prices.json. */
export function loadPriceTable(env: Record<string, string | undefined> = process.env): PriceTable {
  const file = env.EVALS_PRICES || DEFAULT_PRICES_FILE;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new PriceTableError(file, (error as Error).message);
  }
  const parsed = priceTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PriceTableError(file, `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}

/** Counts tokens per model name over every model call it sees; attach it to a model's `callbacks`. */
export class UsageMeter extends BaseCallbackHandler {
  name = "eval-usage-meter";
  private readonly modelOf = new Map<string, string>();
  private readonly ended = new Set<string>();
  readonly byModel = new Map<string, { calls: number; input: number; output: number }>();

  constructor(private readonly fallbackModel = "unknown") {
    super();
  }

  override handleChatModelStart(
    llm: Serialized,
    _messages: BaseMessage[][],
    runId: string,
    _parent?: string,
    extra?: Record<string, unknown>,
  ): void {
    const params = (extra?.invocation_params ?? {}) as Record<string, unknown>;
    const kwargs = ("kwargs" in llm ? llm.kwargs : {}) as Record<string, unknown>;
    const name = params.model ?? params.model_name ?? kwargs.model ?? kwargs.model_name;
    this.modelOf.set(runId, typeof name === "string" ? name : this.fallbackModel);
  }

  override handleLLMEnd(output: LLMResult, runId: string): void {
    // The same handler may be attached twice to one call (on the model and on its tool-bound copy): count it once.
    if (this.ended.has(runId)) return;
    this.ended.add(runId);
    const model = this.modelOf.get(runId) ?? this.fallbackModel;
    this.modelOf.delete(runId);
    const entry = this.byModel.get(model) ?? { calls: 0, input: 0, output: 0 };
    entry.calls++;
    let counted = false;
    for (const g of output.generations.flat()) {
      const message = (g as { message?: unknown }).message;
      const usage = AIMessage.isInstance(message) ? message.usage_metadata : undefined;
      if (!usage) continue;
      entry.input += usage.input_tokens;
      entry.output += usage.output_tokens;
      counted = true;
    }
    // Providers that only report in llmOutput (older integrations).
    const legacy = output.llmOutput?.tokenUsage as { promptTokens?: number; completionTokens?: number } | undefined;
    if (!counted && legacy) {
      entry.input += legacy.promptTokens ?? 0;
      entry.output += legacy.completionTokens ?? 0;
    }
    this.byModel.set(model, entry);
  }

  /** Totals, priced with `prices`. */
  total(prices: PriceTable): Usage {
    let cost: number | null = 0;
    const usage = { calls: 0, input_tokens: 0, output_tokens: 0 };
    for (const [model, u] of this.byModel) {
      usage.calls += u.calls;
      usage.input_tokens += u.input;
      usage.output_tokens += u.output;
      if (u.input + u.output === 0) continue;
      const price = prices[model];
      if (!price || cost === null) cost = null;
      else cost += (u.input * price.input_per_mtok + u.output * price.output_per_mtok) / 1_000_000;
    }
    return { ...usage, cost_usd: cost === null ? null : Math.round(cost * 1e6) / 1e6 };
  }
}

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cost_usd: a.cost_usd === null || b.cost_usd === null ? null : Math.round((a.cost_usd + b.cost_usd) * 1e6) / 1e6,
  };
}
