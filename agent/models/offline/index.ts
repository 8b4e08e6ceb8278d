/**
 * The built-in offline consultant: a deterministic, catalog-driven LangChain chat model with tool calling. No key,
 * no network — it reads the conversation and the tool results and either calls tools or answers, so the shield
 * graph is the same for it as for any LLM. Three typed stages: understand (`nlu/`: intents from an nlp.js classifier
 * trained at start-up, recognised numbers, sizes and dates, catalog entities), decide (`dialogue.ts`: the dialogue
 * state machine, one transition table) and render (`render.ts`, `replies.ts`, `phrasing.ts`). It keeps nothing between calls: the draft comes
 * from the graph state (passed with each call by the graph's model node, `../call-options.ts`), its own open question travels as a memo on its replies
 * (`additional_kwargs.offline`), so a restarted process continues the same conversation.
 */
import type Database from "better-sqlite3";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BindToolsInput,
} from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, BaseMessage, HumanMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { _CONTEXT_VARIABLES_KEY, AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import { v7 as uuid7 } from "@langchain/core/utils/uuid";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import type { CatalogReader } from "../../../catalog/queries/types.ts";
import { getConfig, getCurrentTaskInput } from "@langchain/langgraph";
import { DRAFT_CALL_OPTION, type ShieldCallOptions } from "../call-options.ts";
import { readConversation, type DraftView } from "./conversation.ts";
import { standardSpelling, umlautSpelling } from "./dialect.ts";
import { mailText } from "./mail-text.ts";
import { inchWords } from "./inch-words.ts";
import { spokenNumbers } from "./number-words.ts";
import { detectLanguage } from "./language.ts";
import { selfCorrected } from "./self-correction.ts";
import { sharedClassifier, type IntentClassifier } from "./nlu/classifier.ts";
import { catalogMasks } from "./nlu/catalog-masks.ts";
import { recogniseMeasuresPaced, understand, type Understanding } from "./nlu/understand.ts";
import {
  buildKnowledge,
  type CatalogWords,
  findMachines,
  codeJoinedWords,
  joinedNameWords,
  type Knowledge,
  readCatalogWords,
  tokenizeText,
} from "./recognise.ts";
import type { CheckoutPolicy } from "./context.ts";
import { decide, type Step } from "./turn.ts";
import { catalogIdentity, knowledgeForTurn } from "./turn-memo.ts";
import { withoutCompanyName } from "./own-company.ts";
import { otherCustomersPrices } from "./other-customer.ts";
import { withoutKeptRest } from "./kept-rest.ts";
import { correctTypos } from "./typos.ts";
import { breathe, partNotice, readablePart } from "./read-budget.ts";
import { AGENT_TOOL_NAMES } from "../../../tools/agent-tools.ts";
import { tracingEnabledInEnv } from "../../quiet-run-trees.ts";

/** Running totals of the model's own decision time (for the bench). */
export interface OfflineModelStats {
  calls: number;
  ms: number;
}

export interface OfflineModelDeps {
  /** The drizzle handle (or raw better-sqlite3 database) of the catalog the model recognises products in. */
  db: { $client: Database.Database } | Database.Database;
  /** Defaults to a reader over `db`. */
  reader?: CatalogReader;
  /** When given, every decision adds its time here. */
  stats?: OfflineModelStats;
  /**
   * Catalog words shared by models over copies of one catalog (eval trials), under `key`: read from the first copy,
   * reused by the others. Reads and searches still go to `db`.
   */
  sharedWords?: { key: string; cache: Map<string, CatalogWords> };
  /**
   * When the model calls place_order: `when-ready` (default) as soon as the buyer's turn leaves the order complete
   * and clean — under the shield that only asks the buyer to confirm the exact version; `on-request` only when the
   * buyer asks to order — for an integration whose place_order places the order at once (the bare agent of
   * `--compare-bare`), where checking out unasked would order without the buyer's yes.
   */
  checkout?: CheckoutPolicy;
}

interface OfflineFields {
  knowledge: () => Knowledge;
  classifier: Promise<IntentClassifier>;
  toolNames?: string[];
  stats?: OfflineModelStats;
  checkout?: CheckoutPolicy;
}

export class OfflineConsultantModel extends BaseChatModel {
  private readonly fields: OfflineFields;

  constructor(fields: OfflineFields) {
    super({});
    this.fields = fields;
  }

  static override lc_name() {
    return "OfflineConsultantModel";
  }

  _llmType(): string {
    return "ordershield-offline";
  }

  /** Binding tools tells the model which tool names it may call; the arguments follow the tools' fixed shapes. */
  override bindTools(
    tools: BindToolsInput[],
    _kwargs?: Partial<BaseChatModelCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    const names = tools
      .map((t) => (t as { name?: string }).name ?? (t as { function?: { name?: string } }).function?.name)
      .filter((n): n is string => typeof n === "string");
    return new OfflineConsultantModel({ ...this.fields, toolNames: names }) as unknown as Runnable<
      BaseLanguageModelInput,
      AIMessageChunk,
      BaseChatModelCallOptions
    >;
  }

  /** The next step for these messages (and the graph's draft, when run in the graph). Same input, same step. */
  async step(messages: BaseMessage[], draft?: DraftView, now?: Date): Promise<Step> {
    const classifier = await this.fields.classifier;
    const started = this.fields.stats ? performance.now() : 0;
    // A forwarded mail is read as the message it carries: not its headers, quote marks or signature (mail-text.ts).
    const conversation = readConversation(messages, draft);
    const whole = { ...conversation, text: mailText(conversation.text) };
    // A message past the read budget is read up to a list separator; the buyer is told where (read-budget.ts).
    const part = readablePart(whole.text);
    const read = part.rest ? { ...whole, text: part.head } : whole;
    const knowledge = this.fields.knowledge();
    // "1 Ladegeraet bitte": German written without umlauts is read with them before its language is decided.
    const plain = umlautSpelling(read.text, knowledge.lexicon);
    const lang = detectLanguage(plain, read.memo.lang, knowledge.wordLanguage);
    // "bitte nomal die gliiche Keilrieme": a German message is read in standard spelling (dialect.ts).
    // "2 sightglas 1/2": two words of a product name written as one are read apart.
    // "H1-Lebensmittelfett": a code and a word of the catalog joined by a hyphen are read apart.
    // "die halbzölligen", "a half-inch valve": an inch size said in words is the fraction (inch-words.ts).
    // "thirty pieces", "twenty inch, five micron": numbers said in words are written in digits (number-words.ts).
    const apart = {
      ...read,
      text: spokenNumbers(
        inchWords(codeJoinedWords(joinedNameWords(lang === "de" ? plain : read.text, knowledge), knowledge)),
      ),
    };
    const labels = (read.machines ?? []).map((m) => m.label);
    const dialect = lang === "de" ? { ...apart, text: standardSpelling(apart.text, knowledge.lexicon, labels) } : apart;
    // "flange gaskts", "bitte bestelllen": a word known nowhere, one typing slip from one known word, is that word.
    const typed = correctTypos(dialect.text, knowledge, read.machines ?? []);
    // "4 Filtertrockner DML 084, nein, 5": a count the message corrects itself on is read as corrected (self-correction.ts).
    const spelt = { ...dialect, text: selfCorrected(typed, knowledge, labels) };
    // "…, rest bleibt wie gehabt": with lines on the order, the words that keep the rest ask for nothing (kept-rest.ts).
    const conv = { ...spelt, text: withoutKeptRest(spelt.text, spelt.draft.lines.length), written: read.text };
    // One buyer message is read by every model call of its turn: understood once (per catalog and buyer: what the
    // recognisers identify in it is masked for the classifier's sub-word reader). The untouched copies of one catalog
    // image (eval trials) share the catalog's part of the key: the same words give the same understanding.
    const machines = conv.machines ?? [];
    // The understanding reads the masks of a clause several times (without its PO reference, its count…): once each.
    const masks = oncePerText((t: string) => catalogMasks(t, knowledge, machines));
    // A long message's sizes are read paced (nlu/understand.ts): the readers after this one find them read.
    await recogniseMeasuresPaced(read.text);
    await recogniseMeasuresPaced(conv.text);
    const key = `${lang}\u0000${now?.toISOString().slice(0, 10) ?? ""}\u0000${conv.text}\u0000${catalogIdentity(knowledge)}\u0000${machines.map((m) => m.machineId).join()}`;
    let u = understood.get(key);
    if (!u) {
      await breathe();
      u = await understand(conv.text, lang, classifier, now, { masks });
      if (understood.size > 2000) understood.clear();
      understood.set(key, u);
    }
    // Only a reading as an order for another customer depends on the buyer's machines ("für Kühlzelle Huber").
    if ((machines.length || conv.account) && u.clauses.some((c) => c.intent === "attack_identity")) {
      const own = `${key}\u0000own\u0000${conv.account ?? ""}`;
      let mine = understood.get(own);
      if (!mine) {
        const common = knowledge.common;
        mine = await understand(conv.text, lang, classifier, now, {
          masks,
          namesOwnMachine: (t) =>
            machines.length > 0 && findMachines(tokenizeText(t), machines, common, [], knowledge.ordinary).length > 0,
          withoutOwnCompany: (t) => withoutCompanyName(t, conv.account),
        });
        understood.set(own, mine);
      }
      u = mine;
    }
    // What the calls of this turn ask the catalog is shared between them (turn-memo.ts).
    const k = knowledgeForTurn(lastHuman(messages), this.fields.knowledge);
    // "What does X cost for customer C-1002?": another customer's prices are refused, the own price still given.
    u = otherCustomersPrices(u, conv, k);
    await breathe();
    // The decision is synchronous and writes nothing: the catalog rows it reads are checked against the catalog's
    // version once for all of its reads (`CatalogReader.steady`).
    const decideNow = () =>
      decide(conv, k, new Set<string>(this.fields.toolNames ?? AGENT_TOOL_NAMES), u, this.fields.checkout);
    const decided = k.reader.steady ? k.reader.steady(decideNow) : decideNow();
    // Said once, with the turn's first step: the part of the message that was not read, and what to send again.
    const notice = part.rest && read.round === 0 ? partNotice(part, whole.text, lang) : "";
    const step = notice ? { ...decided, text: decided.text ? `${notice}\n${decided.text}` : notice } : decided;
    if (this.fields.stats) (this.fields.stats.calls += 1), (this.fields.stats.ms += performance.now() - started);
    return step;
  }

  private async toMessageFields(messages: BaseMessage[], options: ShieldCallOptions) {
    const s = await this.step(messages, callDraft(options), runClock());
    const calls = (s.calls ?? []).map((c, i) => ({
      name: c.name,
      args: c.args,
      id: `offline_${messages.length}_${i}`,
      type: "tool_call" as const,
    }));
    return { text: s.text ?? "", calls, memo: s.memo };
  }

  /**
   * A call nobody listens to — no callback handler in the call's config or on the model, no tracing or verbose
   * logging in the environment, no LangChain context variables (configure hooks live there) — is answered without
   * @langchain/core's chat-model layer: it would configure a callback manager, serialise the model and the messages
   * for tracing, start and end a run that no handler receives, and answer with `_generate`'s message, given the id
   * `run-<uuid7>` of that run when the call carries callbacks (none: no run, no id). Here the same message, with an
   * id of the same form when the library would give one. Any listener (the `messages` stream
   * mode of the server's SSE turns, a tracer) takes the library's path, with its token callbacks and streaming.
   */
  override async invoke(input: BaseLanguageModelInput, options?: this["ParsedCallOptions"]): Promise<AIMessageChunk> {
    if (!Array.isArray(input) || !unobserved(this, options)) return super.invoke(input, options);
    const messages = input as BaseMessage[];
    if (!messages.every((m) => m instanceof BaseMessage)) return super.invoke(input, options);
    const { text, calls, memo } = await this.toMessageFields(messages, options as ShieldCallOptions);
    // The library's run (and so the id) exists when the call carries callbacks, even none (a graph task's manager).
    const run = (options as { callbacks?: unknown } | undefined)?.callbacks !== undefined;
    const message = new AIMessage({
      ...(run ? { id: `run-${uuid7()}` } : {}),
      content: text,
      tool_calls: calls,
      additional_kwargs: { offline: memo },
      response_metadata: {},
    });
    return message as unknown as AIMessageChunk;
  }

  async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const { text, calls, memo } = await this.toMessageFields(messages, options as ShieldCallOptions);
    if (text) await runManager?.handleLLMNewToken(text);
    const message = new AIMessage({ content: text, tool_calls: calls, additional_kwargs: { offline: memo } });
    return { generations: [{ text, message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const { text, calls, memo } = await this.toMessageFields(messages, options as ShieldCallOptions);
    // Words as they would arrive from a provider, so surfaces render the reply progressively.
    const pieces = text.match(/\S+\s*|\s+/g) ?? [];
    for (let i = 0; i < pieces.length; i += 4) {
      const piece = pieces.slice(i, i + 4).join("");
      const chunk = new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece }) });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
    yield new ChatGenerationChunk({
      text: "",
      message: new AIMessageChunk({
        content: "",
        additional_kwargs: { offline: memo },
        tool_call_chunks: calls.map((c, index) => ({
          name: c.name,
          args: JSON.stringify(c.args),
          id: c.id,
          index,
          type: "tool_call_chunk" as const,
        })),
      }),
    });
  }
}

/** The environment variable that turns LangChain's console logging of every run on. */
const VERBOSE_ENV = "LANGCHAIN_VERBOSE";

/** Whether a call of `model` with `options` has no listener: no handler would be given its run (see `invoke`). */
function unobserved(model: BaseChatModel, options: object | undefined): boolean {
  if (model.callbacks !== undefined || model.verbose || process.env[VERBOSE_ENV] === "true") return false;
  if (tracingEnabledInEnv()) return false;
  const callbacks = (options as { callbacks?: unknown } | undefined)?.callbacks;
  const handlers = Array.isArray(callbacks) ? callbacks : (callbacks as { handlers?: unknown[] } | undefined)?.handlers;
  if (callbacks !== undefined && (handlers === undefined || handlers.length > 0)) return false;
  const store = AsyncLocalStorageProviderSingleton.getInstance().getStore() as Record<PropertyKey, unknown> | undefined;
  // (A langsmith `traceable` around the call leaves a run tree with tracing on in the store.)
  return store?.[_CONTEXT_VARIABLES_KEY] === undefined && store?.tracingEnabled !== true;
}

/** `read` once per text for the life of the returned function; callers only read what it returns. */
export function oncePerText<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = read(text);
    seen.set(text, value);
    return value;
  };
}

const understood = new Map<string, Understanding>();

/** The buyer's message this call answers (the last human message), if any. */
function lastHuman(messages: BaseMessage[]): BaseMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (HumanMessage.isInstance(messages[i]!)) return messages[i];
  return undefined;
}

const isDraft = (draft: DraftView | undefined): draft is DraftView => Array.isArray(draft?.lines);

/**
 * The draft of the graph state this model call runs on: the one the model node passed with the call; from a graph
 * that calls the model without it (another node, a test's graph), the draft of the task's input state; undefined
 * outside a graph run.
 */
function callDraft(options: ShieldCallOptions): DraftView | undefined {
  const passed = options?.[DRAFT_CALL_OPTION];
  if (isDraft(passed)) return passed;
  try {
    const state = getCurrentTaskInput<{ draft?: DraftView }>();
    return state && typeof state === "object" && isDraft(state.draft) ? state.draft : undefined;
  } catch {
    return undefined;
  }
}

/** The run's clock (`configurable.now`, ISO, set by the runtime); undefined outside a graph run or without one. */
function runClock(): Date | undefined {
  try {
    const now = getConfig()?.configurable?.now;
    const d = typeof now === "string" ? new Date(now) : undefined;
    return d && Number.isFinite(d.getTime()) ? d : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @example
 *   const model = createOfflineModel({ db });
 *   const agent = createShieldAgent({ db, model });
 */
export function createOfflineModel(deps: OfflineModelDeps): OfflineConsultantModel {
  const sqlite = "$client" in deps.db ? deps.db.$client : deps.db;
  let knowledge: Knowledge | undefined;
  let builtFor = -1;
  const version = sqlite.prepare("SELECT coalesce(max(rowid), 0) AS v FROM products");
  // Built on first use (the catalog may be seeded after the model is created) and again when products were added,
  // so units, option words and machine models follow an import.
  // Trained once per process at start-up (not per request), shared by every model instance.
  const classifier = sharedClassifier();
  let vocabulary = new Set<string>();
  void classifier.then((c) => (vocabulary = c.vocabulary));
  const get = () => {
    const v = (version.get() as { v: number }).v;
    if (!knowledge || v !== builtFor) {
      const search = createCatalogSearch(sqlite);
      const shared = deps.sharedWords;
      // Keyed on the products' version too: a copy whose catalog grew is another catalog.
      const key = shared ? `${shared.key}\u0000${v}\u0000${vocabulary.size}` : "";
      let words = shared?.cache.get(key);
      if (!words) {
        words = readCatalogWords(sqlite, vocabulary);
        shared?.cache.set(key, words);
      }
      knowledge = buildKnowledge(deps.reader ?? createCatalogReader(sqlite), search, sqlite, vocabulary, words);
      // A copy nothing was written to yet (no catalog change on its connection) is the image itself: what depends on
      // the catalog alone is shared with the other untouched copies of that image (turn-memo.ts).
      const pristine = knowledge.catalogVersion?.();
      if (shared && pristine?.startsWith("0:")) knowledge.catalogShare = { scope: shared.cache, key, pristine };
      builtFor = v;
    }
    return knowledge;
  };
  return new OfflineConsultantModel({
    knowledge: get,
    classifier,
    ...(deps.stats ? { stats: deps.stats } : {}),
    ...(deps.checkout ? { checkout: deps.checkout } : {}),
  });
}
