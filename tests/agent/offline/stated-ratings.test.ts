/**
 * A rating stated with its unit ("Contactor LC 12 A", "Traction battery 48 V", "Batterieladegerät 24 V") picks the
 * candidates whose names carry it, also from further down the list of that kind of product; a rating the buyer
 * negates ("kein C3", powertrans-bearings-band3-german in the evals) picks nothing. Every case failed on the code before.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, intralogisticsWorld } from "./helpers.ts";

const listed = (text: string) => [...text.matchAll(/^\d+\) (\S+) —/gm)].map((m) => m[1]!);

describe("a rating stated with its unit chooses among the products of one kind", () => {
  for (const [world, customer, text, want, never] of [
    [automationWorld, "A-3002", "I need 2 x Contactor LC 12 A", ["CT-12-24DC", "CT-12-230AC"], "CT-9-24DC"],
    [automationWorld, "A-3002", "Ich brauche 2 x Leistungsschütz LC 25 A", ["CT-25-24DC", "CT-25-230AC"], "CT-9-230AC"],
    [intralogisticsWorld, "L-8002", "I need 2 x Traction battery 48 V", ["BAT-48-620-CB"], "BAT-24-205-LI"],
  ] as const)
    it(`"${text}" lists ${want.join(" and ")}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      const onDraft = turn.thread.draft.lines.map((l) => l.sku);
      const shown = [...listed(turn.text), ...onDraft];
      // Added outright when one product carries it, else listed with every product that does.
      if (onDraft.length > 0) expect(want).toContain(onDraft[0]);
      else for (const sku of want) expect(shown).toContain(sku);
      expect(shown).not.toContain(never);
    });
});
