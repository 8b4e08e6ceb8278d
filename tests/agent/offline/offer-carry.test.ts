/**
 * An open offer carries what the buyer already said: options stated with a question about a configurable product
 * ride on the line the quantity answer adds, and "order it" to "shall I add it to your order?" accepts the offer.
 * Both were lost between turns (found by the trade-catalog evals; here on the demo world).
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld } from "./helpers.ts";

const C = "C-1001";

describe("an open offer keeps what the buyer said", { timeout: 60_000 }, () => {
  it("options stated with the product question are on the line the quantity answer adds", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const first = await chat.say("tell me about PU-NCP-CFG with 400 V and FKM seal");
    expect(first.text).toMatch(/How many/);
    expect(first.thread.draft.lines).toEqual([]);
    const t = await chat.say("just 1");
    expect(t.thread.draft.lines).toHaveLength(1);
    expect(t.thread.draft.lines[0]).toMatchObject({ sku: "PU-NCP-CFG", quantity: 1 });
    expect(t.thread.draft.lines[0]!.options).toMatchObject({ voltage: ["400"] });
  });

  it('"bestellen" to "shall I add it?" adds the offered product', async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const offer = await chat.say("was kostet SE-MS28-CC-EPDM für Pumpe 2?");
    expect(offer.text).toMatch(/übernehmen\?/);
    const t = await chat.say("bestellen");
    expect(t.thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM" }]);
  });
});
