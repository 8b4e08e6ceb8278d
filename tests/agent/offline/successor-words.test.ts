/**
 * A discontinued part's successor accepted in the buyer's own words ("fine, go with the new one", "ok, dann den
 * Nachfolger", "yes please, the replacement part"), on several catalogs and in both languages; and a count before a
 * product code whose first letters read as a unit ("2 GM-R37-055": not 2 gigametres). Every case failed on the code
 * before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  Chat,
  draftLines,
  fluidWorld,
  hvacWorld,
  powertransWorld,
} from "./helpers.ts";

describe("the successor offered for a discontinued part, accepted in words", () => {
  for (const [world, customer, first, answer, successor, quantity] of [
    [powertransWorld, "T-7001", "We need 2 BRG-6206-2RS-B", "fine, go with the new one", "BRG-6206-2RS", 2],
    [automationWorld, "A-3001", "We need 2 PSU-24-5-V1", "yes please, the replacement part", "PSU-24-5", 2],
    [hvacWorld, "H-2001", "need 3 TXV-T2-R404A", "then the newer version please", "TXV-TE2-R404A", 3],
    [fluidWorld, "F-4001", "Wir brauchen 2 Stück WE6-J-24DC-V1", "passt, nehmen wir das neue", "WE6-J-24DC", 2],
  ] as const)
    it(`"${answer}" switches the line to ${successor}, keeping the count${answer.startsWith("passt") ? " (guard)" : ""}`, async () => {
      const chat = new Chat(world(), customer);
      const t = await chat.say(first);
      if (/Which machine|Für welche Maschine/.test(t.text)) await chat.say("1");
      await chat.say(answer);
      expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([[successor, quantity]]);
    });

  it("asked for outright when the engine could not offer it (pieces of a boxed part): the line becomes the successor, not removed", async () => {
    const chat = new Chat(agripartsWorld(), "A-9001");
    await chat.say("Wir brauchen 2 Stück KSC-76-SER-25-OLD");
    await chat.say("ok, dann den Nachfolger");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["KSC-76-SER-25"]);
  });

  it("guard: 'no, not the new one' does not switch", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("We need 2 BRG-6206-2RS-B");
    await chat.say("no, not the new one");
    expect(draftLines(chat).map(([sku]) => sku)).not.toContain("BRG-6206-2RS");
  });
});

describe("a count before a product code whose letters read as a unit", () => {
  for (const [world, customer, text, sku] of [
    [powertransWorld, "T-7001", "We need 2 GM-R37-055", "GM-R37-055"],
    [powertransWorld, "T-7002", "please send 3 CL-08B1", "CL-08B1"],
    [fluidWorld, "F-4001", "Wir brauchen 2 HZ-CFG", "HZ-CFG"],
  ] as const)
    it(`"${text}" counts ${sku}, not a size${sku === "HZ-CFG" ? " (guard)" : ""}`, async () => {
      const chat = new Chat(world(), customer);
      const t = await chat.say(text);
      if (/Which machine|Für welche Maschine/.test(t.text)) await chat.say("1");
      const want = Number(/\d/.exec(text)![0]);
      const line = chat.turns.at(-1)!.thread.draft.lines.find((l) => l.sku === sku);
      const asked = chat.turns.map((x) => x.text).join("\n");
      // On the draft with its count, or (a configured product) its count carried while the options are asked.
      if (line) expect(line.quantity).toBe(want);
      else expect(asked).not.toMatch(/how many|wie viele/i);
    });
});
