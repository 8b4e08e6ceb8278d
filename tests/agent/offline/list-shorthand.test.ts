/**
 * Lists in buyer shorthand: a SKU written without its separators ("UCP206"), a code fragment that several variants
 * share with nothing said about the variant ("2 con links 10B1": the plain link, not the stainless one), pack words
 * ("6 cartridges"), items joined by "+" and an item named without a count among counted ones ("…, dazu Spannbuchse
 * 1610": one). Power transmission (where it was found), automation and hvac (where it was not).
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, hvacWorld, powertransWorld } from "./helpers.ts";

describe("a pasted or run-on list in shorthand becomes its lines", { timeout: 120_000 }, () => {
  it("powertrans: a pasted PO list with a SKU without hyphen, shared code fragments and cartridges", async () => {
    const chat = new Chat(powertransWorld(), "T-7005");
    await chat.say(
      "PO BWB-26-0912, all for Line 2 infeed:\n2 pcs UCP206\n1 box 10B-1 chain (5m)\n2 con links 10B1\n6 cartridges EP2 grease",
    );
    expect(draftLines(chat)).toEqual([
      ["UCP-206", 2, "M-7005-01"],
      ["CH-10B1-B5", 1, "M-7005-01"],
      ["CL-10B1", 2, "M-7005-01"],
      ["LUB-EP2-400", 6, "M-7005-01"],
    ]);
  });

  it("powertrans (German): items joined by '+', the last one named without a count", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("3m 10B1 kette + 1 kettenrad z15 für band 4, dazu spannbuchse 1610 mit 30er bohrung");
    expect(draftLines(chat)).toEqual([
      ["CH-10B1-M", 3, "M-7001-02"],
      ["SP-10B1-Z15-TB", 1, "M-7001-02"],
      ["TBU-1610-30", 1, "M-7001-02"],
    ]);
  });

  it("hvac: '2 DML 083 + 1 SGN 10' for a cold room, a SKU without hyphens too", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("2 FDDML083 + 1 sight glass SGN 10 for the Huber cold room");
    expect(draftLines(chat).map(([sku, q]) => [sku, q])).toEqual([
      ["FD-DML-083", 2],
      ["SG-SGN-10", 1],
    ]);
  });
});
