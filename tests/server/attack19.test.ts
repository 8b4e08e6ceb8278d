/**
 * Session 19's adversarial review of the server: a buyer's message retried (Idempotency-Key) while a sales rep holds
 * the thread. The agent kept the key; the takeover path did not, so a retried message reached the rep twice.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase } from "../../catalog/db.ts";
import { Buyer, parseSse, REP_KEY, repHeaders, sendKeyed, testServer, type TestServer } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "os-attack19-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const send = sendKeyed;

const rep = (server: TestServer, path: string, body: unknown = {}) =>
  server.request(path, { method: "POST", headers: repHeaders(REP_KEY), body: JSON.stringify(body) });

async function repView(server: TestServer, threadId: string) {
  const res = await server.request(`/v1/rep/threads/${threadId}`, { headers: repHeaders(REP_KEY) });
  return (await res.json()) as { messages: { id: string; role: string; text: string }[] };
}

describe("a buyer's message retried while a rep holds the thread", { timeout: 120_000 }, () => {
  it("reaches the rep once; the retry ends with resync; other text under the key is a 409", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-1");
    expect((await rep(server, `/v1/rep/threads/${threadId}/takeover`)).status).toBe(200);
    const before = (await repView(server, threadId)).messages.length;
    const live: string[] = [];
    const unsubscribe = server.hub.subscribe(threadId, (e) => {
      if (e.event === "message") live.push((e.data as { text: string }).text);
    });

    const first = await send(server, buyer, threadId, "can you do 5 % off?", "k-2");
    expect(first.status).toBe(200);
    const again = await send(server, buyer, threadId, "can you do 5 % off?", "k-2");
    expect(again.status).toBe(200);
    const events = parseSse(again.body).map((e) => e.event);
    expect(events).toContain("resync");
    expect(events).not.toContain("message");
    unsubscribe();

    const after = (await repView(server, threadId)).messages;
    expect(
      after
        .slice(before)
        .filter((m) => m.role === "buyer")
        .map((m) => m.text),
    ).toEqual(["can you do 5 % off?"]);
    expect(live).toEqual(["can you do 5 % off?"]);

    const conflict = await send(server, buyer, threadId, "make it 10 %", "k-2");
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.body)).toMatchObject({
      code: "conflict:idempotency_key",
      errors: [{ field: "header.idempotency-key" }],
    });
    expect((await repView(server, threadId)).messages).toHaveLength(after.length);
  });

  it("retried after the rep handed the thread back, it is no new turn of the agent", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await rep(server, `/v1/rep/threads/${threadId}/takeover`);
    await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-held");
    await rep(server, `/v1/rep/threads/${threadId}/release`);
    const before = await buyer.thread(threadId);
    const again = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-held");
    expect(again.status).toBe(200);
    expect(parseSse(again.body).map((e) => e.event)).toContain("resync");
    const after = await buyer.thread(threadId);
    expect(after.messages).toHaveLength(before.messages.length);
    expect(after.draft.lines).toEqual([]);
  });

  it("answered by the agent before the rep took over, the retry does not reach the rep", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-agent");
    await rep(server, `/v1/rep/threads/${threadId}/takeover`);
    const before = (await repView(server, threadId)).messages;
    const again = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-agent");
    expect(again.status).toBe(200);
    expect((await repView(server, threadId)).messages).toEqual(before);
  });
});

describe("the takeover messages' key column (migration 0012)", () => {
  it("upgrades a database file of the old schema without losing its takeover messages", () => {
    // The schema as it was before: the migrations up to 0011, applied to a file, with rows in it.
    const old = join(dir, "migrations-0011");
    cpSync(MIGRATIONS_DIR, old, { recursive: true });
    const journalPath = join(old, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => !e.tag.startsWith("0012_"));
    writeFileSync(journalPath, JSON.stringify(journal));
    const path = join(dir, "old.db");
    const sqlite = new Database(path);
    migrate(drizzle(sqlite), { migrationsFolder: old });
    const insert = sqlite.prepare(
      "INSERT INTO takeover_messages (thread_id, role, rep_id, text, position) VALUES (?, ?, ?, ?, ?)",
    );
    insert.run("t-old", "buyer", null, "hello rep", 2);
    insert.run("t-old", "rep", "REP-SAM", "hello buyer", 2);
    insert.run("t-old", "buyer", null, "hello rep", 2);
    sqlite.close();

    const db = openDatabase(path);
    const rows = db.$client
      .prepare("SELECT thread_id, role, text, position, message_key FROM takeover_messages ORDER BY id")
      .all();
    expect(rows).toEqual([
      { thread_id: "t-old", role: "buyer", text: "hello rep", position: 2, message_key: null },
      { thread_id: "t-old", role: "rep", text: "hello buyer", position: 2, message_key: null },
      { thread_id: "t-old", role: "buyer", text: "hello rep", position: 2, message_key: null },
    ]);
    // Old rows have no key (any number of them); a key is unique per thread.
    const keyed = db.$client.prepare(
      "INSERT INTO takeover_messages (thread_id, role, text, position, message_key) VALUES ('t-old', 'buyer', 'x', 3, ?)",
    );
    keyed.run("key-a");
    expect(() => keyed.run("key-a")).toThrow(/UNIQUE/);
    db.$client.close();
  });
});

/** What the stored name carries: bidi controls, a zero-width space, a bell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the bell is one of the characters looked for
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u0007]/;

describe("a product name stored with a bidi override (imported before the importer refused them)", () => {
  it("is shown in the reply without it: on the stream and in the thread, for the buyer and the rep", async () => {
    const server = testServer();
    server.db.$client
      .prepare("UPDATE products SET name = ? WHERE sku = 'SE-MS28-CC-EPDM'")
      .run("Mechanical seal \u202EMDPE\u202C 28 mm\u200B\u0007");
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const res = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-bidi");
    const said = parseSse(res.body)
      .filter((e) => e.event === "text" || e.event === "message")
      .map((e) => (e.data as { delta?: string; text?: string }).delta ?? (e.data as { text: string }).text)
      .join("");
    expect(said).toContain("Mechanical seal MDPE 28 mm");
    expect(said).not.toMatch(HIDDEN);
    const replies = (await buyer.thread(threadId)).messages.filter((m) => m.role === "assistant");
    expect(replies.map((m) => m.text).join("")).toContain("Mechanical seal MDPE 28 mm");
    for (const m of [...replies, ...(await repView(server, threadId)).messages]) expect(m.text).not.toMatch(HIDDEN);
  });
});

describe("a rep's message to the buyer retried (the copilot's network retry)", () => {
  it("reaches the buyer once under its Idempotency-Key; other text under it is a 409", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await rep(server, `/v1/rep/threads/${threadId}/takeover`);
    const say = (text: string, key: string) =>
      server.request(`/v1/rep/threads/${threadId}/messages`, {
        method: "POST",
        headers: { ...repHeaders(REP_KEY), "idempotency-key": key },
        body: JSON.stringify({ text }),
      });
    const first = await say("I can offer 5 % on the seals.", "r-1");
    expect(first.status).toBe(201);
    const again = await say("I can offer 5 % on the seals.", "r-1");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const conflict = await say("I can offer 10 %.", "r-1");
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      "header.idempotency-key",
    );
    // The buyer's own key "r-1" is another message than the rep's.
    expect((await send(server, buyer, threadId, "5 % is fine", "r-1")).status).toBe(200);
    const messages = (await buyer.thread(threadId)).messages;
    expect(messages.filter((m) => m.role === "rep").map((m) => m.text)).toEqual(["I can offer 5 % on the seals."]);
    expect(messages.filter((m) => m.role === "buyer").map((m) => m.text)).toEqual(["5 % is fine"]);
  });
});
