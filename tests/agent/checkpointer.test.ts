/** The thread checkpointer: conversations survive a round trip through SQLite intact, old threads keep loading. */
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "@langchain/core/messages";
import { JsonPlusSerializer } from "@langchain/langgraph-checkpoint";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import {
  createShieldMemorySaver,
  createShieldSerde,
  defaultThreadStore,
  SHIELD_SERDE_TYPE,
} from "../../agent/checkpointer.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import { calls, outboxOrders, say, scripted, world } from "./helpers.ts";
import { BUYER, NOW } from "./world.ts";

describe("shield checkpoint serializer", () => {
  test("messages come back as the same classes with the same fields; plain state stays plain", async () => {
    const serde = createShieldSerde();
    const ai = new AIMessage({
      id: "a1",
      content: "",
      tool_calls: [{ name: "add_line", args: { sku: "SEAL-1", quantity: 2 }, id: "call_1", type: "tool_call" }],
      usage_metadata: { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
    });
    const tool = new ToolMessage({
      id: "t1",
      content: '{"added":"L1"}',
      tool_call_id: "call_1",
      name: "add_line",
      status: "error",
    });
    const chunk = new AIMessageChunk({ id: "c1", content: "par" });
    const state = {
      messages: [new SystemMessage("sys"), new HumanMessage({ id: "h1", content: "2 seals" }), ai, tool, chunk],
      draft: { lines: [{ lineId: "L1", sku: "SEAL-1", quantity: 2 }] },
      order: null,
    };
    const [type, bytes] = await serde.dumpsTyped(state);
    expect(type).toBe(SHIELD_SERDE_TYPE);
    const back = (await serde.loadsTyped(type, bytes)) as typeof state;
    expect(back.messages.map((m) => m.constructor)).toEqual([
      SystemMessage,
      HumanMessage,
      AIMessage,
      ToolMessage,
      AIMessageChunk,
    ]);
    expect((back.messages[2] as AIMessage).tool_calls).toEqual(ai.tool_calls);
    expect((back.messages[2] as AIMessage).usage_metadata).toEqual(ai.usage_metadata);
    expect(back.messages[3]).toMatchObject({
      id: "t1",
      tool_call_id: "call_1",
      name: "add_line",
      status: "error",
      content: '{"added":"L1"}',
    });
    expect(back.messages[1]!.id).toBe("h1");
    expect(back.draft).toEqual(state.draft);
    expect(back.order).toBeNull();
  });

  test("values it does not know (dates, sets) come back exactly as LangGraph's own serializer returns them", async () => {
    const serde = createShieldSerde();
    const plain = new JsonPlusSerializer();
    const value = { at: new Date("2026-01-02T03:04:05Z"), tags: new Set(["a"]), messages: [new HumanMessage("hi")] };
    const [type, bytes] = await serde.dumpsTyped(value);
    const back = (await serde.loadsTyped(type, bytes)) as typeof value;
    const expected = (await plain.loadsTyped(...(await plain.dumpsTyped(value)))) as typeof value;
    expect(back.at).toEqual(expected.at);
    expect([...back.tags]).toEqual(["a"]);
    expect(back.messages[0]).toBeInstanceOf(HumanMessage);
  });
});

describe("file-store serializer reusing each message's text", () => {
  test("a checkpoint written after earlier ones is byte for byte what a fresh serializer writes, and reads back", async () => {
    const serde = createShieldSerde();
    const question = new HumanMessage({ id: "h1", content: 'which "seals" fit pump 2?\n' });
    const answer = new AIMessage({
      id: "a1",
      content: "",
      tool_calls: [{ name: "search", args: { q: "seal" }, id: "call_1", type: "tool_call" }],
    });
    await serde.dumpsTyped({ messages: [question] });
    const state = { messages: [question, answer, question], draft: { lines: [{ sku: "SEAL-1", quantity: 2 }] } };
    const [type, bytes] = await serde.dumpsTyped(state);
    const [, fresh] = await createShieldSerde().dumpsTyped(state);
    expect(Buffer.from(bytes).equals(Buffer.from(fresh))).toBe(true);
    const back = (await serde.loadsTyped(type, bytes)) as typeof state;
    expect(back.messages.map((m) => [m.constructor, m.id, m.content])).toEqual([
      [HumanMessage, "h1", question.content],
      [AIMessage, "a1", ""],
      [HumanMessage, "h1", question.content],
    ]);
    expect((back.messages[1] as AIMessage).tool_calls).toEqual(answer.tool_calls);
    expect(back.draft).toEqual(state.draft);
  });

  test("a checkpoint's bytes are the UTF-8 of its JSON text, with text outside ASCII next to every message (perf28)", async () => {
    const serde = createShieldSerde();
    const german = new HumanMessage({ id: "h1", content: "Dichtung für Pumpe 2 – Größe 28 mm 🔧" });
    const lone = new AIMessage({ id: "a1", content: "ein halbes Zeichen \ud800 und ein ganzes 🔩" });
    const tool = new ToolMessage({
      id: "t1",
      tool_call_id: "c1",
      name: "search",
      content: '{"name":"Gleitringdichtung"}',
    });
    // Written once before, so the checkpoint below takes their encoded bytes from the serializer's memory.
    await serde.dumpsTyped({ messages: [german] });
    const state = {
      note: "ä🔧",
      messages: [german, lone, tool, german],
      draft: { lines: [{ sku: "SÄ-1", note: "\udc00–" }] },
    };
    const [type, bytes] = await serde.dumpsTyped(state);
    // The same text built apart: each message as the serializer writes it alone, in the tree in its place.
    const alone = async (m: BaseMessage) =>
      JSON.parse(
        Buffer.from((await createShieldSerde().dumpsTyped(m))[1])
          .toString("utf8")
          .slice(1),
      );
    const expected = `S${JSON.stringify({ ...state, messages: await Promise.all(state.messages.map(alone)) })}`;
    expect(Buffer.from(bytes).equals(Buffer.from(expected, "utf8"))).toBe(true);
    const back = (await createShieldSerde().loadsTyped(type, Buffer.from(bytes))) as typeof state;
    expect(back.messages.map((m) => m.content)).toEqual(state.messages.map((m) => m.content));
    expect(back.draft).toEqual(state.draft);
    expect(back.note).toBe(state.note);
  });

  test("a checkpoint it wrote reads back equal to a fresh read, its messages shared copies; the next write is unchanged", async () => {
    const serde = createShieldSerde();
    const question = new HumanMessage({ id: "h1", content: "2 seals for pump 2" });
    const answer = new AIMessage({
      id: "a1",
      content: "",
      tool_calls: [{ name: "add_line", args: { sku: "SEAL-1", quantity: 2 }, id: "call_1", type: "tool_call" }],
    });
    const result = new ToolMessage({ id: "t1", content: '{"added":"L1"}', tool_call_id: "call_1", name: "add_line" });
    const state = { messages: [question, answer, result], draft: { lines: [{ sku: "SEAL-1", quantity: 2 }] }, n: 1 };
    const [type, bytes] = await serde.dumpsTyped(state);
    // As SQLite hands a BLOB back: another buffer with the same bytes.
    const first = (await serde.loadsTyped(type, Buffer.from(bytes))) as typeof state;
    const fresh = (await createShieldSerde().loadsTyped(type, Buffer.from(bytes))) as typeof state;
    expect(first).toEqual(fresh);
    expect(first.messages.map((m) => m.constructor)).toEqual([HumanMessage, AIMessage, ToolMessage]);
    // Copies, not the graph's own objects; a second read shares them but gets a tree of its own.
    expect(first.messages[0]).not.toBe(question);
    const second = (await serde.loadsTyped(type, Buffer.from(bytes))) as typeof state;
    expect(second.messages[1]).toBe(first.messages[1]);
    expect(second.messages).not.toBe(first.messages);
    expect(second.draft).not.toBe(first.draft);
    // The run that read it writes the same bytes a fresh serializer writes for the same state.
    const next = { ...second, messages: [...second.messages, new AIMessage({ id: "a2", content: "Added L1." })] };
    const [, written] = await serde.dumpsTyped(next);
    const [, expected] = await createShieldSerde().dumpsTyped(next);
    expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
    // Bytes it did not write (another process's checkpoint) are decoded as before.
    const other = Buffer.from(Buffer.from(bytes).toString("utf8").replace("2 seals", "3 seals"));
    const read = (await serde.loadsTyped(type, other)) as typeof state;
    expect(read.messages[0]!.content).toBe("3 seals for pump 2");
  });

  test("among many kept checkpoints, of equal and of other lengths, each read finds its own (perf20: kept by length)", async () => {
    const serde = createShieldSerde();
    const written: [string, Uint8Array, string][] = [];
    // Contents of one length ("a1".."a9" — equal byte lengths) and of growing ones, interleaved.
    for (let i = 1; i <= 9; i++)
      for (const content of [`a${i}`, `b${"x".repeat(i)}`]) {
        const state = { messages: [new HumanMessage({ id: `h-${content}`, content })], n: 1 };
        const [type, bytes] = await serde.dumpsTyped(state);
        written.push([type, bytes, content]);
      }
    for (const [type, bytes, content] of written.reverse()) {
      const back = (await serde.loadsTyped(type, Buffer.from(bytes))) as { messages: BaseMessage[] };
      expect(back.messages[0]!.content).toBe(content);
      expect(back.messages[0]!.id).toBe(`h-${content}`);
    }
    // Metadata (never kept) still decodes.
    const [type, meta] = await serde.dumpsTyped({ source: "loop", step: 1, parents: {} });
    expect(await serde.loadsTyped(type, Buffer.from(meta))).toEqual({ source: "loop", step: 1, parents: {} });
  });

  test("text in the state that looks like the serializer's own placeholders comes back as written", async () => {
    const serde = createShieldSerde();
    const message = new HumanMessage({ id: "h1", content: "\u0000m0" });
    const state = { messages: [message], note: "\u0000m0", ["\u0000m0"]: 1 };
    const back = (await serde.loadsTyped(...(await serde.dumpsTyped(state)))) as typeof state;
    expect(back.note).toBe("\u0000m0");
    expect(back["\u0000m0"]).toBe(1);
    expect(back.messages[0]!.content).toBe("\u0000m0");
  });
});

describe("in-memory message table", () => {
  test("a message is written once: later checkpoints refer to it and read back the same message", async () => {
    const serde = createShieldSerde(undefined, { internMessages: true });
    const question = new HumanMessage({ id: "h1", content: "which seals fit pump 2?" });
    const result = new ToolMessage({ id: "t1", content: "x".repeat(10_000), tool_call_id: "call_1", name: "search" });
    const answer = new AIMessage({ id: "a1", content: "Two fit." });
    const [, first] = await serde.dumpsTyped({ messages: [question, result], draft: { lines: [] } });
    const [type, second] = await serde.dumpsTyped({ messages: [question, result, answer], draft: { lines: [] } });
    // The second checkpoint holds no copy of the long tool result.
    expect(first.byteLength).toBeLessThan(1_000);
    expect(second.byteLength).toBeLessThan(1_000);
    const back = (await serde.loadsTyped(type, second)) as { messages: BaseMessage[] };
    expect(back.messages.map((m) => m.constructor)).toEqual([HumanMessage, ToolMessage, AIMessage]);
    expect(back.messages[1]).toMatchObject({ id: "t1", tool_call_id: "call_1", content: "x".repeat(10_000) });
    const earlier = (await serde.loadsTyped(type, first)) as { messages: BaseMessage[] };
    expect(earlier.messages[1]).toBe(back.messages[1]);
    // A read-back message written again is still the same entry.
    const [, third] = await serde.dumpsTyped({ messages: back.messages });
    expect(((await serde.loadsTyped(type, third)) as { messages: BaseMessage[] }).messages[2]).toBe(back.messages[2]);
  });

  test("a store that did not write a checkpoint's messages refuses it instead of guessing", async () => {
    const [type, bytes] = await createShieldSerde(undefined, { internMessages: true }).dumpsTyped({
      messages: [new HumanMessage("hi")],
    });
    await expect(createShieldSerde(undefined, { internMessages: true }).loadsTyped(type, bytes)).rejects.toThrow(
      /did not write it/,
    );
  });
});

describe("threads across the serializer change", () => {
  test("a thread checkpointed by the default SqliteSaver continues under the shield's checkpointer and places its order", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shield-serde-")), "shield.db");
    const db1 = world(path);
    const old = createShieldAgent({
      db: db1,
      model: scripted(calls(["add_line", { sku: "SEAL-1", quantity: 4 }], ["place_order", {}])),
      now: () => NOW,
      checkpointer: new SqliteSaver(db1.$client),
    });
    const hash = (await old.send("t-old", "4 seals, order", BUYER)).thread.pending!.draftHash;
    db1.$client.close();

    const db2 = openDatabase(path);
    const agent = createShieldAgent({ db: db2, model: scripted(say("Anything else?")), now: () => NOW });
    const thread = await agent.getThread("t-old", BUYER);
    expect(thread.pending).toMatchObject({ type: "confirm", draftHash: hash });
    expect(thread.messages.map((m) => m.constructor)).toContain(ToolMessage);
    await agent.resume("t-old", { confirm: true, draftHash: hash }, BUYER);
    expect(outboxOrders(db2).map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
    const next = await agent.send("t-old", "thanks", BUYER);
    expect(next.replies).toContain("Anything else?");
    const typesIn = (client: Database.Database) =>
      (
        client.prepare("SELECT DISTINCT type FROM checkpoints WHERE thread_id = 't-old'").all() as { type: string }[]
      ).map((t) => t.type);
    expect(typesIn(db2.$client)).toEqual(["json"]);
    expect(typesIn(new Database(defaultThreadStore(db2.$client) as string))).toEqual([SHIELD_SERDE_TYPE]);
  });

  test("a file database keeps its threads beside it; the catalog file gets no checkpoint tables, and a new agent continues the thread", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "shield-sibling-")), "shop.db");
    const db = world(path);
    const agent = createShieldAgent({
      db,
      model: scripted(calls(["add_line", { sku: "SEAL-1", quantity: 2 }]), say("Added.")),
      now: () => NOW,
    });
    await agent.send("t-sib", "2 seals", BUYER);
    expect(defaultThreadStore(db.$client)).toBe(join(dirname(path), "shop.threads.db"));
    expect(existsSync(join(dirname(path), "shop.threads.db"))).toBe(true);
    expect(db.$client.prepare("SELECT name FROM sqlite_master WHERE name = 'checkpoints'").get()).toBeUndefined();
    const again = createShieldAgent({ db: openDatabase(path), model: scripted(say("unused")), now: () => NOW });
    expect((await again.getThread("t-sib", BUYER)).draft.lines).toMatchObject([{ sku: "SEAL-1", quantity: 2 }]);
  });
});

describe("in-memory threads with the shield serializer", () => {
  test("a thread kept in memory pauses for confirmation, places its order once, and its state history reads back", async () => {
    const db = world();
    const agent = createShieldAgent({
      db,
      model: scripted(calls(["add_line", { sku: "SEAL-1", quantity: 4 }], ["place_order", {}]), say("Anything else?")),
      now: () => NOW,
      checkpointer: createShieldMemorySaver(),
      durability: "async",
    });
    const hash = (await agent.send("t-mem", "4 seals, order", BUYER)).thread.pending!.draftHash;
    expect((await agent.getThread("t-mem", BUYER)).pending).toMatchObject({ type: "confirm", draftHash: hash });
    await agent.resume("t-mem", { confirm: true, draftHash: hash }, BUYER);
    expect(outboxOrders(db).map((o) => o.header.confirmedDraftHash)).toEqual([hash]);
    const history = [];
    for await (const s of agent.graph.getStateHistory({ configurable: { thread_id: "t-mem" } })) history.push(s);
    // A checkpoint per super-step, each with the conversation as real message objects.
    expect(history.length).toBeGreaterThan(4);
    const nodes = history.flatMap((s) => s.next);
    expect(nodes).toEqual(expect.arrayContaining(["validate", "confirm", "handoff"]));
    expect(history[0]!.values.messages[0]).toBeInstanceOf(HumanMessage);
    // A buyer's message is written straight to the state (Command input): no `__start__` super-step for it.
    expect(nodes).not.toContain("__start__");
    expect(history.at(-1)!.next).toEqual(["model"]);
  });
});
