/**
 * The consultant waits for an answer. A message that moves nothing on ("hmm, moment") gets the open question again,
 * with its choices — not the generic help text that made the buyer lose the thread — and the question stays open.
 * A machine named in the answer is read against the machines asked for first: "Line 3" of a packaging line is the
 * machine, not line L3 of an empty order. Automation, in English and German.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, demoWorld, draftLines } from "./helpers.ts";

describe("an open question is asked again, not dropped", { timeout: 120_000 }, () => {
  it("automation: 'hmm, moment' to 'which machine?' → the machine question with its list; then 'Line 3' answers it", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const first = await chat.say("3 contactors CT-12-24DC");
    expect(first.text).toMatch(/Which machine is it for\?/);
    const again = await chat.say("hmm, moment");
    expect(again.text).toMatch(/Which machine is it for\?\n1\) /);
    expect(again.text).not.toMatch(/I can help you find parts/);
    await chat.say("Line 3");
    expect(draftLines(chat)).toEqual([["CT-12-24DC", 3, "M-3001-01"]]);
  });
});

describe("a machine label that reads like an order line answers the machine question", { timeout: 120_000 }, () => {
  it("automation: 'Line 3'", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("3 contactors CT-12-24DC");
    await chat.say("Line 3");
    expect(draftLines(chat)).toEqual([["CT-12-24DC", 3, "M-3001-01"]]);
  });

  it("automation (German): 'die Line 3 bitte'", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const first = await chat.say("3 Schütze CT-12-24DC bitte");
    expect(first.text).toMatch(/Für welche Maschine/);
    await chat.say("die Line 3 bitte");
    expect(draftLines(chat)).toEqual([["CT-12-24DC", 3, "M-3001-01"]]);
  });

  it("automation: 'Line 3' after a line without a machine puts the line on it (the order has no line 3)", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("2 Netzteile PSU-24-5");
    await chat.say("Line 3");
    expect(draftLines(chat)).toEqual([["PSU-24-5", 2, "M-3001-01"]]);
  });
});

describe("a bare value the configuration question offers answers it", { timeout: 120_000 }, () => {
  it("demo: '32' to 'Discharge flange: 25 / 32 / 40' sets the flange (a bare number was read as not offered)", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("I need a pump PU-NCP-CFG with 400V");
    await chat.say("2.2");
    const t = await chat.say("32");
    expect(t.tools).toContain("set_options");
    expect(
      t.thread.draft.lines[0]?.options?.flange ?? Object.values(t.thread.draft.lines[0]?.options ?? {}).flat(),
    ).toContain("32");
    expect(t.text).not.toMatch(/not one of the values/);
  });

  it("demo (German): '32 und EPDM' sets both groups", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("Ich brauche eine Pumpe PU-NCP-CFG mit 400V und 2,2 kW");
    const t = await chat.say("32 und EPDM");
    const chosen = Object.values(t.thread.draft.lines[0]?.options ?? {}).flat();
    expect(chosen).toEqual(expect.arrayContaining(["32", "EPDM"]));
  });
});
