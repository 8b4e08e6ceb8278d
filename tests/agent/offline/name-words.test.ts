/**
 * A product's name may hold a word of the conversation ("LED work light": "work" as in "how does ordering work"). Where
 * the buyer writes it inside the name, it is the product, not a request for help.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, importedWorld } from "./helpers.ts";

describe("a conversation word inside a product's name", () => {
  it.each([
    ["evals/catalogs/intralogistics", "L-8001", "I need an LED work light for the reach truck", /LMP-WORK-LED-1260/],
    ["evals/catalogs/agriparts", "A-9001", "I need an LED work light, 12 V", /WLT-LED-12\b/],
  ])("%s: %s", async (dir, customer, text, sku) => {
    const chat = new Chat(importedWorld(dir), customer);
    const turn = await chat.say(text);
    expect(turn.text).not.toMatch(/I can help you find parts/);
    expect(turn.text).toMatch(sku);
  });

  it("the name's words, that one included, pick the one product the name writes them in ('2 LED work lights')", async () => {
    const chat = new Chat(importedWorld("evals/catalogs/intralogistics"), "L-8001");
    await chat.say("2 LED work lights please");
    expect(draftLines(chat).map((l) => [l[0], l[1]])).toEqual([["LMP-WORK-LED-1260", 2]]);
  });
});
