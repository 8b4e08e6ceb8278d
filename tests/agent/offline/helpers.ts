/**
 * Conversations with the offline consultant through the real shield graph (tools, engine, confirm, hand-off) on a
 * fresh in-memory database: the demo world or a generated catalog.
 */
import { AIMessage } from "@langchain/core/messages";
import type { Db } from "../../../catalog/db.ts";
import { DEMO_NOW } from "../../../catalog/seed/index.ts";
import { createOfflineModel } from "../../../agent/models/offline/index.ts";
import { createShieldMemorySaver } from "../../../agent/checkpointer.ts";
import { createShieldAgent, type ShieldAgent, type ThreadView } from "../../../agent/runtime.ts";
import { keepLanguages } from "../../../catalog/import/languages.ts";
import { rebuildSearchIndex } from "../../../catalog/queries/search.ts";
import { demoDatabase, generatedDatabase, importedDatabase } from "../../support/db-images.ts";

export interface World {
  db: Db;
  agent: ShieldAgent;
  now: Date;
}

export function demoWorld(): World {
  return world(demoDatabase(), DEMO_NOW);
}

export const GENERATED_AS_OF = "2026-06-01";

export function generatedWorld(seed = 7, skus = 400): World {
  const db = generatedDatabase({ skus, seed, customers: 20, asOf: GENERATED_AS_OF });
  return world(db, new Date(`${GENERATED_AS_OF}T09:00:00Z`));
}

/** A catalog in the import format (e.g. evals/catalogs/hvac), at the demo world's reference date like the evals. */
export function importedWorld(dir: string): World {
  return world(importedDatabase(dir), DEMO_NOW);
}

/** The same with only the catalog's English texts: what a shop with an English-only catalog runs. */
export function englishOnlyWorld(dir: string): World {
  const db = importedDatabase(dir);
  keepLanguages(db, ["en"]);
  return world(db, DEMO_NOW);
}

/**
 * The same made German-only (`keepLanguages(db, ["de"])`): German the default and only language, the base texts the
 * German ones — what a German shop that never translated its catalog runs.
 */
export function germanOnlyWorld(dir: string): World {
  const db = importedDatabase(dir);
  keepLanguages(db, ["de"]);
  return world(db, DEMO_NOW);
}

/**
 * The same with `lang`'s product names dropped for the products whose SKU starts with one of `prefixes` (their
 * category texts too): a catalog whose second language names only some of its products, as a shop that translated
 * part of its range has.
 */
export function partlyTranslatedWorld(dir: string, lang: string, prefixes: readonly string[]): World {
  const db = importedDatabase(dir);
  const sqlite = db.$client;
  for (const prefix of prefixes) {
    sqlite.prepare("DELETE FROM product_texts WHERE lang = ? AND sku LIKE ?").run(lang, `${prefix}%`);
    sqlite
      .prepare("DELETE FROM category_texts WHERE lang = ? AND code IN (SELECT category FROM products WHERE sku LIKE ?)")
      .run(lang, `${prefix}%`);
  }
  rebuildSearchIndex(db);
  return world(db, DEMO_NOW);
}

function world(db: Db, now: Date): World {
  const agent = createShieldAgent({
    db,
    model: createOfflineModel({ db }),
    checkpointer: createShieldMemorySaver(),
    now: () => now,
  });
  return { db, agent, now };
}

/** The trade catalogs of the evals, each a fresh copy. */
export const hvacWorld = () => importedWorld("evals/catalogs/hvac");
export const fluidWorld = () => importedWorld("evals/catalogs/fluidpower");
export const automationWorld = () => importedWorld("evals/catalogs/automation");
/** The fourth trade catalog (power transmission spares), written by an outside author after the consultant. */
export const powertransWorld = () => importedWorld("evals/catalogs/powertrans");
export const intralogisticsWorld = () => importedWorld("evals/catalogs/intralogistics");
/** English-only texts (its German buyers read through the glossary). */
export const agripartsWorld = () => importedWorld("evals/catalogs/agriparts");
/** German-only texts (its English buyers read through the glossary). */
export const foodtechWorld = () => importedWorld("evals/catalogs/foodtech");
export const watertreatWorld = () => importedWorld("evals/catalogs/watertreat");
/** German base texts, English names for a third of the products. */
export const woodworkWorld = () => importedWorld("evals/catalogs/woodwork");
/** English base texts, German names for half of the products. */
export const weldingWorld = () => importedWorld("evals/catalogs/welding");
export const packagingWorld = () => importedWorld("evals/catalogs/packaging");
/** German base texts, English names for about half of the products; configured blankets and roller recovering. */
export const printingWorld = () => importedWorld("evals/catalogs/printing");

export interface Turn {
  said: string;
  replies: string[];
  /** Every reply of the turn in one string, for `toContain`. */
  text: string;
  tools: string[];
  thread: ThreadView;
}

export class Chat {
  readonly turns: Turn[] = [];
  constructor(
    readonly w: World,
    readonly customerId: string,
    readonly threadId = `t-${customerId}-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  get ctx() {
    return { customerId: this.customerId, channel: "test" };
  }

  async say(text: string): Promise<Turn> {
    const before = (await this.w.agent.getThread(this.threadId, this.ctx)).messages.length;
    const { replies, thread } = await this.w.agent.send(this.threadId, text, this.ctx);
    const tools = thread.messages
      .slice(before)
      .flatMap((m) => (AIMessage.isInstance(m) ? (m.tool_calls ?? []).map((c) => c.name) : []));
    const turn = { said: text, replies, text: replies.join("\n"), tools, thread };
    this.turns.push(turn);
    return turn;
  }

  /** Answers the pending confirmation of the current draft (as the widget's or terminal's button would). */
  async confirm(yes = true): Promise<Turn> {
    const t = await this.w.agent.getThread(this.threadId, this.ctx);
    if (t.pending?.type !== "confirm") throw new Error(`nothing to confirm; last replies: ${this.turns.at(-1)?.text}`);
    const { replies, thread } = await this.w.agent.resume(
      this.threadId,
      { confirm: yes, draftHash: t.pending.draftHash },
      this.ctx,
    );
    const turn = { said: yes ? "<confirm>" : "<decline>", replies, text: replies.join("\n"), tools: [], thread };
    this.turns.push(turn);
    return turn;
  }

  /** A transcript of what was said and called, to compare runs. */
  transcript(): string {
    return this.turns.map((t) => `> ${t.said}\n[${t.tools.join(",")}]\n${t.text}`).join("\n");
  }
}

export interface OutboxOrder {
  header: { customerId: string; threadId: string; confirmedDraftHash: string; currency: string };
  lines: {
    sku: string;
    quantity: number;
    orderUnit: string;
    machineId?: string;
    unitPriceCents: number;
    priceSource: string;
    lineAmountCents: number;
    components?: { group: string; values: string[] }[];
  }[];
  summary: { totalAmountCents: number };
}

export function outbox(w: World, threadId?: string): OutboxOrder[] {
  const rows = w.db.$client.prepare("SELECT payload FROM outbox ORDER BY created_at").all() as { payload: string }[];
  return rows
    .map((r) => JSON.parse(r.payload) as OutboxOrder)
    .filter((o) => !threadId || o.header.threadId === threadId);
}

/** "EUR 1,234.50" as the offline model writes English money. */
export const eur = (cents: number) =>
  `EUR ${(cents / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The draft's lines after the last turn, as [sku, quantity, machine] — what the buyer sees on the order. */
export const draftLines = (chat: Chat) =>
  (chat.turns.at(-1)?.thread.draft.lines ?? []).map((l) => [l.sku, l.quantity, l.machineId ?? null]);

/** A fresh chat of this customer on this world: the buyer says each text in turn; the draft's lines after the last. */
/** A fresh chat on a copy of the world after the buyer's messages. */
export async function chatAfter(world: () => World, customer: string, ...says: string[]): Promise<Chat> {
  const chat = new Chat(world(), customer);
  for (const text of says) await chat.say(text);
  return chat;
}

/** Draft lines as "count SKU", sorted: the order's contents whatever order the lines were added in. */
export const sorted = (lines: (string | number | null)[][]) => lines.map((l) => `${l[1]} ${l[0]}`).sort();

export async function draftAfter(world: () => World, customer: string, ...says: string[]) {
  return draftLines(await chatAfter(world, customer, ...says));
}

/** The last turn of a fresh chat after the buyer's messages: its replies in one text, the draft's lines, the tools. */
export async function lastTurn(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  const turn = chat.turns.at(-1)!;
  return { text: turn.text, lines: draftLines(chat), tools: turn.tools };
}
