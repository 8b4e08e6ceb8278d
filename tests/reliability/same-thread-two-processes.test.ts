/**
 * One thread, two server processes on one database (behind a load balancer): the buyer's double submit or a second
 * tab sends the next message through the other process while a turn is still running in the first. Each process
 * serialises runs of a thread only in itself (server/runs.ts, the runtime's per-thread queue); the checkpointer keeps
 * the latest checkpoint, each written from the state its run started with — so the later writer drops the other
 * run's messages and draft edits.
 *
 * Found by the attack review (session 4): a buyer message accepted with 200 and answered on its stream was gone
 * from the thread afterwards. Now a run holds the thread's lease (agent/thread-lease.ts): the other process waits for
 * it and answers after the first turn, from the checkpoint that turn wrote. The two "processes" here are two apps
 * with their own agent, runner and hub on one catalog file and one threads file, which is what two `npm start`
 * processes share.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createShieldAgent } from "../../agent/index.ts";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import type { LeaseOptions } from "../../agent/thread-lease.ts";
import { type Db, openDatabase } from "../../catalog/db.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { createApp } from "../../server/app.ts";
import { readEnv } from "../../server/env.ts";
import { Buyer, readSse, SECRET } from "../server/helpers.ts";
import { heldWhenAsked } from "../server/slow-model.ts";

const dir = mkdtempSync(join(tmpdir(), "os-same-thread-"));
const dbs: Db[] = [];
afterAll(() => {
  for (const db of dbs) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function processOn(path: string, model: (db: Db) => BaseChatModel, leases: LeaseOptions = {}) {
  const db = openDatabase(path);
  dbs.push(db);
  const agent = createShieldAgent({ db, model: model(db), now: () => DEMO_NOW, leases });
  const config = readEnv({ AUTH_JWT_SECRET: SECRET, LOG_LEVEL: "silent" });
  const { app } = createApp({ db, agent, config, logger: pino({ level: "silent" }), now: () => DEMO_NOW });
  return { request: async (p: string, init?: RequestInit) => app.request(p, init) };
}

describe("one thread through two processes", { timeout: 120_000 }, () => {
  it("keeps both buyer messages when two turns of one thread run at once in two processes", async () => {
    const path = join(dir, "shop.db");
    const seeded = openDatabase(path);
    seedDemo(seeded);
    seeded.$client.close();

    let reached!: () => void;
    const inFirst = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const first = processOn(path, (db) =>
      heldWhenAsked(db, "[hold]", () => {
        reached();
        return released;
      }),
    );
    let waiting!: () => void;
    const waits = new Promise<void>((r) => (waiting = r));
    const second = processOn(path, (db) => createOfflineModel({ db }), { onWait: () => waiting() });

    const buyer = await Buyer.of(first, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const slow = buyer.server.request(`/v1/threads/${threadId}/messages`, {
      method: "POST",
      headers: buyer.headers(),
      body: JSON.stringify({ text: "[hold] 2 SE-MS28-CC-EPDM for pump 2" }),
    });
    await inFirst;
    // Meanwhile the same buyer's next message lands on the other process: accepted, and it waits for the first turn
    // (without the lease it was answered at once, from the checkpoint before the first turn).
    const other = new Buyer(second, buyer.jwt);
    const answer = other.say(threadId, "what is in stock for pump 1?");
    await Promise.race([waits, answer]);
    release();
    const events = await readSse(await slow);
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    expect((await answer).at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });

    const thread = await buyer.thread(threadId);
    const said = thread.messages.filter((m) => m.role === "buyer").map((m) => m.text);
    expect(said).toEqual(["[hold] 2 SE-MS28-CC-EPDM for pump 2", "what is in stock for pump 1?"]);
  });
});
