/**
 * "What does it cost?" about a configured line: the price quoted is the line's — the chosen options' surcharges
 * included, computed by the engine — not the base product's (found by the gen7a helper: 536,80 quoted for a gear motor
 * whose line cost 1.206,80). Demo pump, English and German.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld } from "./helpers.ts";

describe("the price of a configured line", { timeout: 120_000 }, () => {
  it("demo: a 2.2 kW pump with its 32 flange is quoted at the line's price", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("I need a pump PU-NCP-CFG with 400V");
    await chat.say("2.2");
    const configured = await chat.say("32");
    // "Updated L1: 1 × PU-NCP-CFG (…) — EUR 1,291.60 each": the line as the engine priced it.
    const each = /— (EUR [\d,.]+) each/.exec(configured.text)?.[1];
    expect(each).toBeDefined();
    const t = await chat.say("what does it cost?");
    expect(t.tools).toContain("get_price");
    expect(t.text).toContain(each!);
  });
});
