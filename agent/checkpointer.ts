/**
 * The thread checkpointer: LangGraph's SqliteSaver with a serializer that knows our state. Every run reads the
 * thread's latest checkpoint and writes a new one, and that checkpoint holds the whole conversation. The default
 * JsonPlusSerializer turns each message into LangChain's generic constructor form (`toJSON` walks prototypes for
 * aliases and secrets) and revives it with a JSON.parse reviver plus a class lookup — about a third of a buyer turn's
 * CPU in the bench. Here a message is written as its class tag and constructor fields and revived with `new`, the
 * rest of the state is plain JSON.
 *
 * Checkpoints written by the default serializer (type "json") still load: anything not tagged ours goes to it, and
 * a value this encoder does not know (a Date, a Set, an interrupt, a Command in pending writes) is written by it too.
 */
import { AIMessage, AIMessageChunk, BaseMessage, ChatMessage, HumanMessage, RemoveMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { JsonPlusSerializer, type SerializerProtocol } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";

/** Serialization type stored in the checkpoint tables' `type` column. */
export const SHIELD_SERDE_TYPE = "shield-json";
/** First character of our payloads; JSON text never starts with it, so the default serializer's payloads stay apart. */
const PREFIX = "S";
/** Key that marks a message inside our JSON. */
const MESSAGE_KEY = "\u0000lc_msg";

type MessageClass = new (fields: never) => BaseMessage;
// Exact constructors only: a subclass (a provider's own message type) falls back to the default serializer.
const CLASSES: Record<string, MessageClass> = {
  human: HumanMessage as MessageClass,
  ai: AIMessage as MessageClass,
  ai_chunk: AIMessageChunk as MessageClass,
  tool: ToolMessage as MessageClass,
  system: SystemMessage as MessageClass,
  chat: ChatMessage as MessageClass,
  remove: RemoveMessage as MessageClass,
};
const TAGS = new Map<unknown, string>(Object.entries(CLASSES).map(([tag, cls]) => [cls, tag]));

class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported("value not encodable as shield-json");

function encode(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function" || typeof value === "bigint" || typeof value === "symbol") throw UNSUPPORTED;
    return value;
  }
  if (Array.isArray(value)) return value.map(encode);
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (key === MESSAGE_KEY) throw UNSUPPORTED;
      out[key] = encode((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  const tag = TAGS.get((value as object).constructor);
  if (tag === undefined) throw UNSUPPORTED;
  // The same fields Serializable.toJSON writes: the constructor arguments, with their current values.
  const message = value as BaseMessage & Record<string, unknown>;
  const kwargs = message.lc_kwargs as Record<string, unknown>;
  const out: Record<string, unknown> = { [MESSAGE_KEY]: tag };
  for (const key in kwargs) out[key] = encode(key in message ? message[key] : kwargs[key]);
  return out;
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) object[key] = decode(object[key]);
  const tag = object[MESSAGE_KEY];
  if (typeof tag !== "string") return object;
  const cls = CLASSES[tag];
  if (!cls) throw new Error(`unknown message type in checkpoint: ${tag}`);
  delete object[MESSAGE_KEY];
  return new cls(object as never);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Our state's serializer; falls back to (and reads) LangGraph's JsonPlusSerializer for anything else. */
export function createShieldSerde(fallback: SerializerProtocol = new JsonPlusSerializer()): SerializerProtocol {
  return {
    async dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
      let text: string;
      try {
        const encoded = encode(data);
        if (encoded === undefined) throw UNSUPPORTED;
        text = PREFIX + JSON.stringify(encoded);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        // SqliteSaver requires a checkpoint and its metadata to share one type, so the fallback keeps ours.
        const [type, bytes] = await fallback.dumpsTyped(data);
        if (type !== "json") return [type, bytes];
        return [SHIELD_SERDE_TYPE, bytes];
      }
      return [SHIELD_SERDE_TYPE, encoder.encode(text)];
    },
    async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
      if (type !== SHIELD_SERDE_TYPE) return fallback.loadsTyped(type, data);
      const text = typeof data === "string" ? data : decoder.decode(data);
      if (!text.startsWith(PREFIX)) return fallback.loadsTyped("json", text);
      return decode(JSON.parse(text.slice(PREFIX.length)));
    },
  };
}

/**
 * The SQLite checkpointer of shield threads (and of the bench's bare baseline, so both pay the same storage).
 * @example
 *   const graph = buildShieldGraph({ db, model }).compile({ checkpointer: createShieldCheckpointer(db.$client) });
 */
export function createShieldCheckpointer(connection: Database.Database | string): SqliteSaver {
  return new SqliteSaver(typeof connection === "string" ? new Database(connection) : connection, createShieldSerde());
}
