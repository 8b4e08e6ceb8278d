/**
 * "Verdichter SZ 45 für 3 x 400 V": phases times a voltage is a spec, not how many — the consultant ordered three
 * compressors (EUR 3,870 instead of 1,290). A count said before it still counts, and "3x" before a product stays a
 * count. hvac (German) and automation (English).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, hvacWorld } from "./helpers.ts";

describe("'3 x 400 V' is a supply, not a quantity", { timeout: 120_000 }, () => {
  it("hvac (German): one compressor for 3 x 400 V", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("Verdichter SZ 45 für 3 x 400 V, Edeka freezer");
    expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([["CMP-SZ45-400", 1]]);
  });

  it("hvac (German): '2 Verdichter … 3 x 400 V' is two", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("2 Verdichter SZ 45 für 3 x 400 V, Edeka freezer");
    expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([["CMP-SZ45-400", 2]]);
  });

  it("automation (English): a contactor for a 3x 400 V motor is one; '3x contactor' is three", async () => {
    const one = new Chat(automationWorld(), "A-3001");
    await one.say("please add contactor CT-12-24DC for Line 3, 3x 400 V motor");
    expect(draftLines(one).map(([sku, q]) => [sku, q])).toEqual([["CT-12-24DC", 1]]);
    const three = new Chat(automationWorld(), "A-3001");
    await three.say("3x contactor CT-12-24DC for Line 3");
    expect(draftLines(three).map(([sku, q]) => [sku, q])).toEqual([["CT-12-24DC", 3]]);
  });
});
