/**
 * Pieces of pack products in a list: "20 Kupfer-Bögen 1/2 Zoll und 10 T-Stücke 1/2 Zoll" ordered 20 bags of tees and
 * nothing else ("10 T" was read as ten tonnes, so the tees had no count and the elbows' 20 went to them); "20 copper
 * elbows 1/2\" and 10 copper tees 1/2\"" dropped the tees ("10 copper" was read as the "bag of 10" in the name). Each
 * item is its own line, its pieces in whole bags. hvac (German and English).
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, hvacWorld } from "./helpers.ts";

describe("pieces of pack products in a list", { timeout: 120_000 }, () => {
  it("hvac (German): 20 elbows and 10 tees are 2 bags and 1 bag", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("20 Kupfer-Bögen 1/2 Zoll und 10 T-Stücke 1/2 Zoll");
    expect(draftLines(chat)).toEqual([
      ["CU-EL-12", 2, null],
      ["CU-TE-12", 1, null],
    ]);
  });

  it("hvac (English): 20 copper elbows and 10 copper tees", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say('20 copper elbows 1/2" and 10 copper tees 1/2"');
    expect(draftLines(chat)).toEqual([
      ["CU-EL-12", 2, null],
      ["CU-TE-12", 1, null],
    ]);
  });
});
