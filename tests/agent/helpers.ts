/** Scripted-model helpers for the graph tests: AI messages with tool calls, a seeded world, outbox readers. */
import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { openDatabase, type Db } from "../../catalog/db.ts";
import { auditLog, outbox } from "../../catalog/schema.ts";
import { createShieldAgent } from "../../agent/runtime.ts";
import type { CleanOrder } from "../../tools/clean-order.ts";
import { imageCopy } from "../support/db-images.ts";
import { NOW, seedAgentWorld } from "./world.ts";

let seq = 0;
/** An assistant message that calls tools (and says nothing). */
export function calls(...list: [name: string, args: Record<string, unknown>][]): AIMessage {
  return new AIMessage({
    content: "",
    tool_calls: list.map(([name, args]) => ({ name, args, id: `call_${++seq}`, type: "tool_call" as const })),
  });
}
export const say = (text: string) => new AIMessage(text);

/** A fake model answering with the given messages, in order. */
export function scripted(...responses: (AIMessage | Error)[]) {
  const model = fakeModel();
  for (const r of responses) model.respond(r);
  return model;
}

/** The small agent world in memory (a copy of a once-seeded image) or in a database file at `path`. */
export function world(path = ":memory:"): Db {
  if (path === ":memory:") return imageCopy("agent-world", seedAgentWorld);
  const db = openDatabase(path);
  seedAgentWorld(db);
  return db;
}

export function agentFor(db: Db, model: ReturnType<typeof fakeModel>) {
  return createShieldAgent({ db, model, now: () => NOW });
}

export function outboxOrders(db: Db): CleanOrder[] {
  return db
    .select()
    .from(outbox)
    .all()
    .map((r) => r.payload as CleanOrder);
}

export function audits(db: Db) {
  return db.select().from(auditLog).all();
}
