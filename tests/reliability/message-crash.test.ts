/**
 * "Never drop a buyer's message": the server process dies (SIGKILL) while the model works on a buyer's message. After
 * a restart the thread still holds that message — the buyer sees it in the chat and the next turn answers it — and
 * the thread works on. The product's agent checkpoints every step (`durability: "sync"`); with "exit" (a checkpoint
 * only at the end of a run) the message was gone.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HumanMessage } from "@langchain/core/messages";
import { afterAll, describe, expect, test } from "vitest";
import { createShieldAgent } from "../../agent/runtime.ts";
import { createOfflineModel } from "../../agent/models/offline/index.ts";
import { openDatabase } from "../../catalog/db.ts";
import { DEMO_NOW } from "../../catalog/seed/index.ts";
import { demoWorld } from "../server/erp-helpers.ts";

const CHILD = resolve(import.meta.dirname, "fixtures/dies-mid-turn-child.ts");
const dir = mkdtempSync(join(tmpdir(), "os-msg-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(dbPath: string, threadId: string, text: string) {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dbPath, threadId, text], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  return new Promise<{ out: string; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (_code, signal) => done({ out, signal })),
  );
}

describe("a process killed mid-turn", () => {
  test("keeps the buyer's message; after the restart the next turn goes on", { timeout: 120_000 }, async () => {
    const dbPath = join(dir, "shop.db");
    demoWorld(dbPath).$client.close();
    const text = "2 SE-MS28-CC-EPDM for pump 2";
    const r = await runChild(dbPath, "t-crash-1", text);
    expect(r.signal).toBe("SIGKILL");
    expect(r.out).toContain("sending");
    expect(r.out).not.toContain("not reached");

    const db = openDatabase(dbPath, { migrate: false });
    const agent = createShieldAgent({ db, model: createOfflineModel({ db }), now: () => DEMO_NOW });
    const ctx = { customerId: "C-1001", channel: "widget" };
    const thread = await agent.getThread("t-crash-1", ctx);
    const said = thread.messages.filter((m) => HumanMessage.isInstance(m)).map((m) => m.content);
    expect(said).toEqual([text]);
    const next = await agent.send("t-crash-1", "yes please", ctx);
    expect(next.replies.length).toBeGreaterThan(0);
    db.$client.close();
  });
});
