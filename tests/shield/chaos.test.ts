/**
 * The shield, proven: thousands of random, adversarial conversations with the chaos model over several catalogs.
 * Every order that reaches the outbox must re-validate clean against the data at its hand-off, carry the hash the
 * buyer confirmed, have the engine's prices, belong to the session's customer and be unique per confirmed draft;
 * no tool output may contain another customer's data. SHIELD_CONVERSATIONS scales the run (default 1,000).
 */
import { afterAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { openDatabase } from "../../catalog/db.ts";
import { generateCatalog } from "../../catalog/generate/index.ts";
import { importCatalog } from "../../catalog/import/importer.ts";
import { DEMO_NOW, seedDemo } from "../../catalog/seed/index.ts";
import { NOW, seedAgentWorld } from "../agent/world.ts";
import {
  BUYER_TEXTS,
  createRig,
  describeWorld,
  emptyStats,
  runConversation,
  type ConversationPlan,
  type ShieldWorld,
} from "./harness.ts";
import { recordCounts } from "../reliability/counts.ts";

const TOTAL = Number(process.env.SHIELD_CONVERSATIONS ?? 1000);
const stats = emptyStats();

const move = fc.constantFrom(
  "confirm",
  "confirm",
  "confirm",
  "stale",
  "decline",
  "garbage",
  "other_customer",
  "ignore",
  "rep_approve",
  "rep_reject",
  "buyer_approve",
) as fc.Arbitrary<"confirm">;
const plan: fc.Arbitrary<ConversationPlan> = fc.record({
  seed: fc.integer(),
  customerPick: fc.nat(),
  turns: fc.array(
    fc.record({
      text: fc.oneof(fc.constantFrom(...BUYER_TEXTS), fc.string({ maxLength: 40 })),
      moves: fc.array(move, { minLength: 1, maxLength: 4 }),
      event: fc.constantFrom("none", "none", "none", "sell_stock", "sell_all", "raise_price") as fc.Arbitrary<"none">,
      eventPick: fc.nat(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

function worlds(): { world: () => ShieldWorld; share: number }[] {
  return [
    {
      share: 0.4,
      world: () => {
        const db = openDatabase();
        seedDemo(db);
        return describeWorld("demo", db, DEMO_NOW);
      },
    },
    {
      share: 0.35,
      world: () => {
        const db = openDatabase();
        importCatalog(db, generateCatalog({ skus: 400, seed: 7, customers: 12, asOf: "2026-12-01" }));
        return describeWorld("generated", db, DEMO_NOW);
      },
    },
    {
      share: 0.25,
      world: () => {
        const db = openDatabase();
        seedAgentWorld(db);
        return describeWorld("small", db, NOW);
      },
    },
  ];
}

describe("the shield holds against the chaos model", () => {
  for (const { world, share } of worlds()) {
    const runs = Math.max(10, Math.round(TOTAL * share));
    test(`${runs} random conversations`, async ({ task }) => {
      const w = world();
      const first = stats.violations.length;
      const before = { ...stats };
      const rig = createRig(w);
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          const before = stats.violations.length;
          await runConversation(rig, p, stats);
          if (stats.violations.length > before)
            throw new Error(`shield violated:\n${stats.violations.slice(before).join("\n")}`);
        }),
        { numRuns: runs, seed: Number(process.env.SHIELD_SEED ?? 20261201), endOnFailure: true },
      );
      recordCounts(task, {
        check: `shield.${w.name}`,
        requests: stats.turns - before.turns,
        faults: 0,
        inputs: stats.conversations - before.conversations,
        orders: stats.ordersChecked - before.ordersChecked,
        lost: stats.violations.length - first,
        extra: {
          violations: stats.violations.length - first,
          tool_outputs_checked: stats.toolMessages - before.toolMessages,
        },
      });
      expect(stats.violations.slice(first)).toEqual([]);
    }, 3_600_000);
  }

  afterAll(() => {
    console.log(
      `shield: ${stats.conversations} conversations, ${stats.turns} buyer turns, ${stats.toolMessages} tool outputs checked for foreign data, ` +
        `${stats.ordersChecked} outbox orders re-validated, ${stats.refusedHandoffs} hand-offs refused on changed data, ` +
        `${stats.staleConfirmationsRefused} stale confirmations refused, ${stats.foreignResumesRefused} foreign resumes refused, ` +
        `${stats.approvalsByBuyerRefused} buyer self-approvals refused, ${stats.repConfirmsRefused} rep confirmations refused, ` +
        `${stats.garbageAnswersRefused} garbage answers refused, ${stats.violations.length} violations`,
    );
  });
});
