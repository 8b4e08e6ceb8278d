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
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  ChatMessage,
  HumanMessage,
  RemoveMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  JsonPlusSerializer,
  MemorySaver,
  type CheckpointTuple,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";

/** Serialization type stored in the checkpoint tables' `type` column. */
export const SHIELD_SERDE_TYPE = "shield-json";
/** First character of our payloads; JSON text never starts with it, so the default serializer's payloads stay apart. */
const PREFIX = "S";
/** Key that marks a message inside our JSON. */
const MESSAGE_KEY = "\u0000lc_msg";
/** Key that marks a reference to a message of the in-memory store's MessageTable. */
const REF_KEY = "\u0000lc_msg_ref";

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

/**
 * The messages of one in-memory store, each serialized once. A message is a value in the graph state — LangGraph's
 * reducer replaces a message by id and never edits one — so the first time the store meets a message it writes it
 * and reads it back (the same round trip a file store makes), keeps that copy, and every checkpoint refers to it by
 * number. A checkpoint per super-step then costs the thread's new messages, not the whole conversation again (most
 * of an eval trial's checkpoint cost). Refs mean something only to the table that wrote them: a file store, read by
 * another process, writes each checkpoint whole.
 */
interface MessageTable {
  refs: WeakMap<object, number>;
  messages: BaseMessage[];
}

function refOf(message: BaseMessage, tag: string, table: MessageTable): number {
  let ref = table.refs.get(message);
  if (ref === undefined) {
    const copy = decode(JSON.parse(JSON.stringify(encodeMessage(message, tag)))) as BaseMessage;
    ref = table.messages.push(copy) - 1;
    table.refs.set(message, ref);
    table.refs.set(copy, ref);
  }
  return ref;
}

/**
 * The JSON text of each message a file store has written, kept per message object: a message is a value (see
 * MessageTable), so a checkpoint takes the text of the messages earlier checkpoints of the process wrote as it is,
 * and encodes only the step's new ones. The file holds the same bytes as before.
 */
interface MessageTexts {
  texts: WeakMap<object, string>;
  /** The texts of the checkpoint being written; the tree holds a placeholder (`PLACEHOLDER` + index) for each. */
  parts: string[];
  /** The messages of the checkpoint being written, in the order of their placeholders. */
  messages: object[];
  /** Per message written: the copy read back from its text (see WrittenCheckpoints); a copy maps to itself. */
  copies: WeakMap<object, BaseMessage>;
  /**
   * Per message text: its UTF-8 bytes, encoded once. A checkpoint's bytes are its skeleton's pieces and these, copied
   * once into one buffer — not the whole conversation's text joined again and encoded again on every checkpoint.
   */
  bytes: WeakMap<object, Buffer>;
  /** The messages' bytes of the checkpoint being written, in the order of their placeholders. */
  encoded: Buffer[];
}

/**
 * The checkpoints a file store wrote last, kept to be read back without parsing their messages again. A run starts by
 * reading the thread's latest checkpoint — in a process that keeps the thread, the one it wrote at the end of the
 * thread's last run — and decoding every message of the conversation, which then had to be encoded again for the
 * run's first checkpoint: together about a twentieth of a buyer turn's CPU in the bench. Read bytes equal to bytes
 * written here are that checkpoint: its tree is parsed from the JSON written with placeholders, and each message is
 * a copy read back once from its text (the round trip any read makes) and shared by later reads, as the in-memory
 * store's MessageTable does — never the graph's own object. Its text is known, so the next checkpoint does not encode
 * it again. Other bytes (another process's checkpoint, an older one, a checkpoint evicted here) are decoded as before.
 */
interface Written {
  bytes: Buffer;
  /** The checkpoint's JSON with a placeholder for each message. */
  skeleton: string;
  parts: string[];
  messages: object[];
}

/** Bytes of written checkpoints kept for reading back (a few hundred conversations' latest checkpoints). */
const WRITTEN_BUDGET_BYTES = 16 * 1024 * 1024;

class WrittenCheckpoints {
  private entries: Written[] = [];
  /**
   * The kept entries per byte length, oldest first: a read compares only the entries of its length. Every read of a
   * checkpoint also loads its metadata and pending writes, which are never kept here — each of them walked the whole
   * list (hundreds of entries in a server or the bench), about a hundredth of a buyer turn's CPU.
   */
  private byLength = new Map<number, Written[]>();
  private bytes = 0;

  add(entry: Written): void {
    this.entries.push(entry);
    const length = entry.bytes.byteLength;
    const same = this.byLength.get(length);
    if (same) same.push(entry);
    else this.byLength.set(length, [entry]);
    this.bytes += length;
    while (this.bytes > WRITTEN_BUDGET_BYTES && this.entries.length > 1) {
      const old = this.entries.shift()!;
      const bucket = this.byLength.get(old.bytes.byteLength)!;
      // The oldest entry of the store is the oldest of its length.
      bucket.shift();
      if (bucket.length === 0) this.byLength.delete(old.bytes.byteLength);
      this.bytes -= old.bytes.byteLength;
    }
  }

  /** The checkpoint written here with exactly these bytes, if it is still kept (the newest such). */
  find(data: Uint8Array): Written | undefined {
    const same = this.byLength.get(data.byteLength);
    if (!same) return undefined;
    for (let i = same.length - 1; i >= 0; i--) {
      const entry = same[i]!;
      if (entry.bytes.equals(data)) return entry;
    }
    return undefined;
  }
}

/** The copy of message `i` of `entry` that reads of it share, read back from its text the first time. */
function copyOf(entry: Written, i: number, texts: MessageTexts): BaseMessage {
  const message = entry.messages[i]!;
  let copy = texts.copies.get(message);
  if (!copy) {
    const text = entry.parts[i]!;
    copy = decode(JSON.parse(text)) as BaseMessage;
    texts.texts.set(copy, text);
    texts.copies.set(message, copy);
    texts.copies.set(copy, copy);
  }
  return copy;
}

/** A written checkpoint's tree with each placeholder replaced by its message's shared copy. */
function rebuild(entry: Written, texts: MessageTexts): unknown {
  const copies = entry.messages.map((_, i) => copyOf(entry, i, texts));
  const fill = (value: unknown): unknown => {
    if (typeof value === "string")
      return value.startsWith(PLACEHOLDER) ? copies[Number(value.slice(PLACEHOLDER.length))] : value;
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = fill(value[i]);
      return value;
    }
    const object = value as Record<string, unknown>;
    for (const key in object) object[key] = fill(object[key]);
    return object;
  };
  return fill(JSON.parse(entry.skeleton));
}

/** First character of a placeholder; a string or key of the state starting with it is not encodable here. */
const PLACEHOLDER = "\u0000m";
const PLACEHOLDERS = /"\\u0000m(\d+)"/g;
const PREFIX_BYTES = Buffer.from(PREFIX, "utf8");

function encode(value: unknown, table?: MessageTable, texts?: MessageTexts): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function" || typeof value === "bigint" || typeof value === "symbol") throw UNSUPPORTED;
    if (texts && typeof value === "string" && value.charCodeAt(0) === 0) throw UNSUPPORTED;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => encode(item, table, texts));
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (key === MESSAGE_KEY || key === REF_KEY || (texts && key.charCodeAt(0) === 0)) throw UNSUPPORTED;
      out[key] = encode((value as Record<string, unknown>)[key], table, texts);
    }
    return out;
  }
  const tag = TAGS.get((value as object).constructor);
  if (tag === undefined) throw UNSUPPORTED;
  if (table) return { [REF_KEY]: refOf(value as BaseMessage, tag, table) };
  if (texts) {
    let text = texts.texts.get(value);
    if (text === undefined) texts.texts.set(value, (text = JSON.stringify(encodeMessage(value as BaseMessage, tag))));
    let bytes = texts.bytes.get(value);
    if (bytes === undefined) texts.bytes.set(value, (bytes = Buffer.from(text, "utf8")));
    texts.messages.push(value);
    texts.encoded.push(bytes);
    return PLACEHOLDER + (texts.parts.push(text) - 1);
  }
  return encodeMessage(value as BaseMessage, tag);
}

/** The checkpoint's JSON text, each placeholder replaced by its message's text. */
function stringify(value: unknown, table?: MessageTable): string {
  return JSON.stringify(encode(value, table));
}

/**
 * The same payload for a file store — the UTF-8 bytes of `PREFIX` and the checkpoint's JSON text — with what it was
 * built from: the JSON with placeholders and the messages. The bytes are the skeleton's pieces between placeholders
 * and each message's bytes (encoded once per message), which are the bytes of the joined text: both are JSON.stringify
 * output, well-formed UTF-16, so no character is split where they meet.
 */
function stringifyWithTexts(value: unknown, texts: MessageTexts): Written {
  texts.parts = [];
  texts.messages = [];
  texts.encoded = [];
  try {
    const encoded = encode(value, undefined, texts);
    if (encoded === undefined) throw UNSUPPORTED;
    const skeleton = JSON.stringify(encoded);
    const { parts, messages, encoded: messageBytes } = texts;
    if (!parts.length) return { bytes: Buffer.from(PREFIX + skeleton, "utf8"), skeleton, parts, messages };
    const pieces: Buffer[] = [];
    let from = 0;
    let length = 0;
    const push = (piece: Buffer) => {
      pieces.push(piece);
      length += piece.byteLength;
    };
    push(PREFIX_BYTES);
    for (const match of skeleton.matchAll(PLACEHOLDERS)) {
      push(Buffer.from(skeleton.slice(from, match.index), "utf8"));
      push(messageBytes[Number(match[1])]!);
      from = match.index + match[0].length;
    }
    push(Buffer.from(skeleton.slice(from), "utf8"));
    return { bytes: Buffer.concat(pieces, length), skeleton, parts, messages };
  } finally {
    texts.parts = [];
    texts.messages = [];
    texts.encoded = [];
  }
}

/** The same fields Serializable.toJSON writes: the constructor arguments, with their current values. */
function encodeMessage(value: BaseMessage, tag: string): Record<string, unknown> {
  const message = value as BaseMessage & Record<string, unknown>;
  const kwargs = message.lc_kwargs as Record<string, unknown>;
  const out: Record<string, unknown> = { [MESSAGE_KEY]: tag };
  for (const key in kwargs) out[key] = encode(key in message ? message[key] : kwargs[key]);
  return out;
}

function decode(value: unknown, table?: MessageTable): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i], table);
    return value;
  }
  const object = value as Record<string, unknown>;
  const ref = object[REF_KEY];
  if (typeof ref === "number") {
    const message = table?.messages[ref];
    if (!message) throw new Error(`message ref ${ref} in a checkpoint read by a store that did not write it`);
    return message;
  }
  for (const key in object) object[key] = decode(object[key], table);
  const tag = object[MESSAGE_KEY];
  if (typeof tag !== "string") return object;
  const cls = CLASSES[tag];
  if (!cls) throw new Error(`unknown message type in checkpoint: ${tag}`);
  delete object[MESSAGE_KEY];
  return new cls(object as never);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PREFIX_CODE = PREFIX.charCodeAt(0);
const startsWithPrefix = (data: Uint8Array | string) =>
  typeof data === "string" ? data.startsWith(PREFIX) : data[0] === PREFIX_CODE;

export interface ShieldSerdeOptions {
  /**
   * Serialize each message once and refer to it by number (MessageTable): for a store that lives in this process only
   * (the in-memory saver). A file store is read by other processes and writes each checkpoint whole.
   */
  internMessages?: boolean;
}

/** Our state's serializer; falls back to (and reads) LangGraph's JsonPlusSerializer for anything else. */
export function createShieldSerde(
  fallback: SerializerProtocol = new JsonPlusSerializer(),
  options: ShieldSerdeOptions = {},
): SerializerProtocol {
  const table: MessageTable | undefined = options.internMessages ? { refs: new WeakMap(), messages: [] } : undefined;
  const texts: MessageTexts | undefined = table
    ? undefined
    : { texts: new WeakMap(), parts: [], messages: [], copies: new WeakMap(), bytes: new WeakMap(), encoded: [] };
  const written = texts ? new WrittenCheckpoints() : undefined;
  return {
    async dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
      let text: string | undefined;
      let built: Written | undefined;
      try {
        if (texts) built = stringifyWithTexts(data, texts);
        else {
          const json = stringify(data, table);
          if (json === undefined) throw UNSUPPORTED;
          text = PREFIX + json;
        }
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        // SqliteSaver requires a checkpoint and its metadata to share one type, so the fallback keeps ours.
        const [type, bytes] = await fallback.dumpsTyped(data);
        if (type !== "json") return [type, bytes];
        return [SHIELD_SERDE_TYPE, bytes];
      }
      if (!built) return [SHIELD_SERDE_TYPE, encoder.encode(text)];
      if (written && built.messages.length > 0) written.add(built);
      return [SHIELD_SERDE_TYPE, built.bytes];
    },
    async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
      // MemorySaver keeps the payload but not its type and reads everything back as "json": ours is told apart by its
      // first character, which JSON text never starts with.
      if (type !== SHIELD_SERDE_TYPE && !(type === "json" && startsWithPrefix(data)))
        return fallback.loadsTyped(type, data);
      const known = written && typeof data !== "string" ? written.find(data) : undefined;
      if (known) return rebuild(known, texts!);
      const text = typeof data === "string" ? data : decoder.decode(data);
      if (!text.startsWith(PREFIX)) return fallback.loadsTyped("json", text);
      return decode(JSON.parse(text.slice(PREFIX.length)), table);
    },
  };
}

/**
 * An in-memory checkpointer with our serializer: for throw-away threads (eval trials, tests) that keep every
 * super-step's checkpoint. LangGraph's MemorySaver serializes each checkpoint as SqliteSaver does; with its default
 * serializer that was most of an eval trial's checkpoint cost (a checkpoint per step, each holding the conversation).
 */
export function createShieldMemorySaver(): MemorySaver {
  return new MemorySaver(createShieldSerde(undefined, { internMessages: true }));
}

/**
 * Where a database's threads live by default: a sibling file (`shop.db` → `shop.threads.db`). Not the catalog file:
 * the catalog reader keys its caches on the connection's change counters (total_changes, data_version), so a
 * checkpoint written there after every turn made each turn reload the customer, the rules and the catalog rows.
 * An in-memory database keeps its threads in itself (there is no file to sit beside).
 */
export function defaultThreadStore(catalog: Database.Database): Database.Database | string {
  if (catalog.memory || !catalog.name || catalog.name === ":memory:") return catalog;
  return catalog.name.replace(/(\.[^./\\]+)?$/, ".threads$1");
}

/** Statements kept per SQL text by `preparedOnce` (the saver's are a handful; `list` filters add a few more). */
const MAX_KEPT_STATEMENTS = 64;

/**
 * The connection as SqliteSaver sees it: `prepare` hands out one statement per SQL text, prepared on first use.
 * SqliteSaver prepares its INSERT again on every `put` and `putWrites` — a checkpoint or two per buyer turn, each
 * compiling the same SQL. Statements run synchronously and none is iterated, so one object per text serves every
 * call; everything else goes to the connection itself.
 */
function preparedOnce(db: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_KEPT_STATEMENTS) statements.clear();
      statements.set(sql, (statement = db.prepare(sql)));
    }
    return statement;
  };
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(db, {
    get(target, property) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      let fn = bound.get(property);
      if (!fn) bound.set(property, (fn = value.bind(target)));
      return fn;
    },
  });
}

/** SqliteSaver that also finds threads checkpointed in the catalog file before threads moved to their own file. */
class ShieldSqliteSaver extends SqliteSaver {
  constructor(
    db: Database.Database,
    serde: SerializerProtocol,
    private readonly legacy?: SqliteSaver,
  ) {
    super(preparedOnce(db), serde);
  }

  override async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    return (await super.getTuple(config)) ?? (this.legacy ? this.legacy.getTuple(config) : undefined);
  }
}

const hasCheckpoints = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'").get() !== undefined;

/**
 * The SQLite checkpointer of shield threads (and of the bench's bare baseline, so both pay the same storage).
 * A path opens that file (WAL, synchronous NORMAL, busy timeout); a connection is used as is.
 * `legacyFrom`: a catalog connection whose own checkpoints tables (from before the sibling file) are still read.
 * @example
 *   const graph = buildShieldGraph({ db, model }).compile({ checkpointer: createShieldCheckpointer(defaultThreadStore(db.$client)) });
 */
export function createShieldCheckpointer(
  connection: Database.Database | string,
  options: { legacyFrom?: Database.Database } = {},
): SqliteSaver {
  const serde = createShieldSerde();
  if (typeof connection !== "string") return new ShieldSqliteSaver(connection, serde);
  const db = new Database(connection);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  const legacy =
    options.legacyFrom && hasCheckpoints(options.legacyFrom) ? new SqliteSaver(options.legacyFrom, serde) : undefined;
  return new ShieldSqliteSaver(db, serde, legacy);
}
