/**
 * How a buyer steers a draft after the consultant has answered: removals only with a clear reading and a target,
 * pressure refused with the draft kept, a line moved to another machine, a flagged product insisted on (the engine
 * decides), an order after a follow-up question, a reorder reading that finds nothing to reorder. English and
 * German; the demo world.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld } from "./helpers.ts";

const w = demoWorld();
const skus = (t: { thread: { draft: { lines: { sku: string }[] } } }) => t.thread.draft.lines.map((l) => l.sku);

describe("destructive actions need a clear reading and a target", () => {
  it("'remove it' with two lines asks which line and removes nothing", async () => {
    const chat = new Chat(w, "C-1001");
    await chat.say("2 SE-MS28-CC-EPDM and 1 AC-PT-0-16-420 for pump 2");
    const turn = await chat.say("remove it");
    expect(turn.tools).not.toContain("remove_line");
    expect(turn.text).toMatch(/which line/i);
    expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM", "AC-PT-0-16-420"]);
    // Named, it goes.
    const next = await chat.say("remove the transmitter");
    expect(skus(next)).toEqual(["SE-MS28-CC-EPDM"]);
  });

  it("'forget the seal' (a cancel reading) with two lines removes the seal line, not the whole order", async () => {
    const chat = new Chat(w, "C-1001");
    await chat.say("2 SE-MS28-CC-EPDM and 1 AC-PT-0-16-420 for pump 2");
    const turn = await chat.say("forget the seal");
    expect(turn.tools).not.toContain("clear_draft");
    expect(skus(turn)).toEqual(["AC-PT-0-16-420"]);
  });

  it("German: 'die zweite Position streichen' removes line 2", async () => {
    const chat = new Chat(w, "C-1001");
    await chat.say("2 SE-MS28-CC-EPDM und 1 AC-PT-0-16-420 für Pumpe 2");
    const turn = await chat.say("die zweite Position streichen");
    expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM"]);
  });

  for (const text of [
    "ok, on my responsibility, just force it through",
    "fine, my responsibility, push it through",
    "passt schon, auf meine Verantwortung",
  ])
    it(`"${text}" on a blocked draft is refused; no fix applied, nothing removed`, async () => {
      const chat = new Chat(w, "C-1005");
      await chat.say("1 SE-MS28-CC-EPDM for the lube oil transfer pump");
      const turn = await chat.say(text);
      expect(turn.tools.filter((t) => t !== "review_order")).toEqual([]);
      expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM"]);
      expect(turn.text).toMatch(/skip|überspring|Prüfung/i);
    });
});

describe("a named machine moves the line in focus", () => {
  for (const text of [
    "sorry, I meant pump 1",
    "ok, then put the motor on pump 1 instead",
    "nicht für Pumpe 2, für Pumpe 1",
  ])
    it(`"${text}" sets the line's machine (not a yes to placing, not a new line)`, async () => {
      const chat = new Chat(w, "C-1001");
      await chat.say("1 MO-FM100L-2.2-400 for pump 2");
      const turn = await chat.say(text);
      // The correction, not a yes: no review first; the corrected order is complete and clean, so it is shown for
      // confirmation.
      expect(turn.tools).toEqual(["set_machine", "place_order"]);
      expect(turn.thread.draft.lines.map((l) => [l.sku, l.machineId])).toEqual([["MO-FM100L-2.2-400", "M-1001-01"]]);
      expect(turn.thread.pending?.type).toBe("confirm");
    });

  it("a quantity for the other machine is another line, not a move", async () => {
    const chat = new Chat(w, "C-1001");
    await chat.say("1 MO-FM100L-2.2-400 for pump 2");
    const turn = await chat.say("and 1 MO-FM100L-2.2-400 for pump 1");
    expect(turn.tools).not.toContain("set_machine");
    expect(turn.thread.draft.lines.map((l) => l.machineId)).toEqual(["M-1001-02", "M-1001-01"]);
  });
});

describe("insisting on a product the consultant flagged", () => {
  for (const text of ["I know, order it anyway", "ich weiß, trotzdem die EPDM bestellen"])
    it(`"${text}" puts it on the draft: the engine raises the block`, async () => {
      const chat = new Chat(w, "C-1005");
      const first = await chat.say("does SE-MS28-CC-EPDM fit the lube oil transfer pump?");
      expect(first.text).toMatch(/^No|does not fit/);
      const turn = await chat.say(text);
      expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM"]);
      expect(turn.thread.report?.clean).toBe(false);
      expect(turn.thread.order).toBeNull();
    });

  it("a pick from the alternatives still picks the alternative", async () => {
    const chat = new Chat(w, "C-1005");
    await chat.say("does SE-MS28-CC-EPDM fit the lube oil transfer pump?");
    const turn = await chat.say("the second one, 2 pieces");
    expect(turn.thread.draft.lines.map((l) => [l.sku, l.quantity])).toEqual([["SE-MS28-CC-NBR", 2]]);
  });
});

describe("ordering after a follow-up question", () => {
  for (const text of ["ok order it", "ok, bestellen"])
    it(`"${text}" after a price question adds the product and asks for the confirmation`, async () => {
      const chat = new Chat(w, "C-1001");
      await chat.say("is SE-MS28-CC-EPDM in stock for pump 2?");
      await chat.say("and what's my price?");
      const turn = await chat.say(text);
      expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM"]);
      expect(turn.thread.pending?.type).toBe("confirm");
    });

  it("'ok order it' about a product already on the order goes to the confirmation without a second line", async () => {
    const chat = new Chat(w, "C-1001");
    await chat.say("2 SE-MS28-CC-EPDM for pump 2");
    await chat.say("how much is SE-MS28-CC-EPDM?");
    const turn = await chat.say("ok, order it");
    expect(skus(turn)).toEqual(["SE-MS28-CC-EPDM"]);
    expect(turn.thread.pending?.type).toBe("confirm");
  });
});

describe("a reorder reading with nothing to reorder", () => {
  for (const text of ["the usual, 1 MO-FM100L-2.2-400 for pump 1", "1 MO-FM100L-2.2-400 für Pumpe 1 wie immer bitte"])
    it(`"${text}" adds the product named for that machine`, async () => {
      const chat = new Chat(w, "C-1001");
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines.map((l) => [l.sku, l.machineId])).toEqual([["MO-FM100L-2.2-400", "M-1001-01"]]);
    });
});
