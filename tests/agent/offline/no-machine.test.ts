/**
 * "Which machine is it for?" answered with the order itself ("yes, place it", "einfach bestellen"): the buyer names no
 * machine (a retrofit at another site, parts for stores), so the line goes on without one and on to the confirmation —
 * the engine still checks everything it can. Power transmission (where it was found) and automation.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, automationWorld, powertransWorld } from "./helpers.ts";

describe("an order given in answer to the machine question", { timeout: 120_000 }, () => {
  it("powertrans: 45 gear motors for a retrofit, 'yes, place it' → on the order, waiting for confirmation", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    const first = await chat.say("For the Bremen retrofit we need 45 gear motors GM-H50-110-I20. PO NHL-BR-2611");
    expect(first.text).toMatch(/Which machine/);
    await chat.say("yes, place it");
    expect(draftLines(chat)).toEqual([["GM-H50-110-I20", 45, null]]);
    expect(chat.turns.at(-1)!.thread.pending?.type).toBe("confirm");
  });

  it("powertrans (German): 'einfach bestellen bitte'", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("2 Getriebemotoren GM-H50-110-I20 fürs Lager");
    await chat.say("einfach bestellen bitte");
    expect(draftLines(chat)).toEqual([["GM-H50-110-I20", 2, null]]);
  });

  it("automation: a machine-dependent part, 'just order it'", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const first = await chat.say("3 contactors CT-18-230AC");
    expect(first.text).toMatch(/Which machine/);
    await chat.say("just order it");
    expect(draftLines(chat)).toEqual([["CT-18-230AC", 3, null]]);
  });

  it("a machine named in the answer still goes on the line", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("2 gear motors GM-H50-110-I20");
    await chat.say("for Band 4, order it");
    expect(draftLines(chat)).toEqual([["GM-H50-110-I20", 2, "M-7001-02"]]);
  });
});
