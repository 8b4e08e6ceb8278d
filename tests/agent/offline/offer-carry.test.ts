/**
 * An open offer carries what the buyer already said: options stated with a question about a configurable product
 * ride on the line the quantity answer adds, and "order it" to "shall I add it to your order?" accepts the offer.
 * Both were lost between turns (found by the trade-catalog evals; here on the demo world).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, demoWorld, hvacWorld } from "./helpers.ts";

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

/**
 * "ok book 2 of them, PO …" to "shall I add it to your order?": the ensemble reads it checkout 0.50 and add 0.25 —
 * neither alone sure enough, both accept the offer. Read as one answer, the better reading (place it) takes the offer
 * on to the confirmation, as it did before the outside authors joined the corpus.
 */
describe("an order that accepts the offer goes on to the confirmation", { timeout: 60_000 }, () => {
  it.each([
    ["hvac", "what's my price on the SGN 12 sight glass for freezer 3?", "ok book 2 of them, PO KR-4411", "H-2006"],
    ["automation", "what does the SN-IND-M12-PNP cost for line 3?", "ok book 2 of them, PO AB-778", "A-3001"],
  ] as const)("%s: '%s', then '%s'", async (catalog, question, answer, customer) => {
    const chat = new Chat(catalog === "hvac" ? hvacWorld() : automationWorld(), customer);
    await chat.say(question);
    const t = await chat.say(answer);
    expect(t.tools).toContain("place_order");
    expect(t.thread.draft.lines).toHaveLength(1);
    expect(t.thread.draft.lines[0]).toMatchObject({ quantity: 2 });
    expect((await chat.w.agent.getThread(chat.threadId, chat.ctx)).pending?.type).toBe("confirm");
  });
});
