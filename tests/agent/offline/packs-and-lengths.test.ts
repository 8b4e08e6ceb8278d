/**
 * Amounts of a product sold in packs of a measure (chain in 5 m boxes, hose on 50 m reels): the buyer states the
 * amount and the pack in one breath ("10 metres of chain, the 5m boxes pls"); the pack describes the product asked for,
 * it is no second item, and the amount becomes whole packs. Power transmission (the catalog it was found on) and fluid
 * power (one it was not).
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, fluidWorld, powertransWorld } from "./helpers.ts";

describe("the pack named after an amount describes that item", { timeout: 120_000 }, () => {
  it("powertrans: 10 metres of chain, the 5m boxes → 2 boxes", async () => {
    const chat = new Chat(powertransWorld(), "T-7005");
    await chat.say("need 10 metres of 08B-1 chain for the case conveyor, the 5m boxes pls");
    expect(draftLines(chat)).toEqual([["CH-08B1-B5", 2, "M-7005-02"]]);
  });

  it("powertrans (German): 15 m Kette 10B-1, in den 5-m-Kartons → 3 boxes", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("15 m Rollenkette 10B-1 für Band 4, die 5m Kartons bitte");
    expect(draftLines(chat)).toEqual([["CH-10B1-B5", 3, "M-7001-02"]]);
  });

  it("fluidpower: 100 m hose 2SN DN12, the 50 m reels → 2 reels", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("100 m hose 2SN DN12, the 50 m reels please");
    expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([["HOSE-2SN-12-R50", 2]]);
  });
});
