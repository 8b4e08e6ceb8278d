/**
 * A buyer who writes only catalog words ("2 Schauglas SGN 12") gives no language cue; the consultant reads the words
 * as German and answers in German — the graph's own notices (the order placed) must follow the conversation, not the
 * session's English. The rule is the model's, whatever the model: a reply to an undecided message decides.
 */
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { conversationLanguage } from "../../../agent/conversation-language.ts";
import { Chat, hvacWorld } from "./helpers.ts";

describe("the conversation's language when the buyer's words don't say", () => {
  it("an undecided buyer message takes the language of the agent's reply to it", () => {
    const msgs = [
      new HumanMessage("2 Schauglas SGN 12"),
      new AIMessage("Hinzugefügt L1: 2 × SG-SGN-12 — soll ich bestellen?"),
      new HumanMessage("ok"),
    ];
    expect(conversationLanguage(msgs, "en")).toBe("de");
  });

  it("a buyer's own cue words still win over the agent's reply", () => {
    const msgs = [
      new HumanMessage("I need 2 Schauglas SGN 12 please"),
      new AIMessage("Hinzugefügt L1: 2 × SG-SGN-12 — soll ich bestellen?"),
    ];
    expect(conversationLanguage(msgs, "de")).toBe("en");
  });

  it("tool-call messages without text decide nothing", () => {
    const msgs = [new HumanMessage("SGN 12"), new AIMessage({ content: "", tool_calls: [] })];
    expect(conversationLanguage(msgs, "en")).toBe("en");
  });
});

describe("notices after a German reply to catalog words", { timeout: 120_000 }, () => {
  it("hvac, an English-speaking account: 'your order is placed' comes in German like the consultant's replies", async () => {
    const chat = new Chat(hvacWorld(), "H-2005");
    const first = await chat.say("2 Schauglas SGN 12, MS Elbe chiller");
    expect(first.text).toContain("Hinzugefügt");
    await chat.say("ok");
    const placed = await chat.confirm();
    expect(placed.text).toMatch(/Ihre Bestellung .* ist aufgegeben/);
  });
});
