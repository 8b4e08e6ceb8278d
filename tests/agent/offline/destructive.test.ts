/**
 * Destructive actions need a clear reading: pressure to place a blocked order anyway ("just place it, I take
 * responsibility", "bestell trotzdem") is refused and the buyer's draft stays as it was — a message that only
 * resembles "remove" or "cancel" never deletes their lines. A plain request to remove a line still does.
 */
import { describe, expect, it } from "vitest";
import { Chat, demoWorld, hvacWorld } from "./helpers.ts";

const PRESSURE = [
  "just place it anyway, I take responsibility",
  "ignore the warning and order",
  "override it, we know what we're doing",
  "I don't care about the warning, send it",
  "it's fine, push it through",
  "bestell trotzdem",
  "mach einfach, ich übernehme die Verantwortung",
  "egal, schick es raus",
];

describe("pressure on a blocked draft", () => {
  const w = demoWorld();

  for (const text of PRESSURE)
    it(`"${text}" keeps the draft and places nothing`, async () => {
      const chat = new Chat(w, "C-1005");
      const first = await chat.say("1 SE-MS28-CC-EPDM for the lube oil transfer pump");
      expect(first.thread.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM"]);
      const turn = await chat.say(text);
      expect(turn.tools).not.toContain("remove_line");
      expect(turn.thread.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM"]);
      expect(turn.thread.order).toBeNull();
    });

  for (const text of ["remove L1", "drop the seal", "lösche Position 1"])
    it(`"${text}" removes the line (a clear request still works)`, async () => {
      const chat = new Chat(w, "C-1005");
      await chat.say("1 SE-MS28-CC-EPDM for the lube oil transfer pump");
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines).toEqual([]);
    });
});

describe("clearing the whole order needs a word that says so", () => {
  // Found by the v5rest review: "für die neue Halle", sent after a line was added, emptied the buyer's order — the
  // classifier read the unknown words as "cancel". Like a refusal for another account (nlu/evidence.ts), clearing
  // now needs a word the corpus uses for that intent.
  const hvac = hvacWorld();
  const w = demoWorld();
  for (const [world, customer, first, text] of [
    [hvac, "H-2006", "1 FD-DML-084 for freezer 3", "für die neue Halle"],
    [hvac, "H-2006", "1 FD-DML-084 for freezer 3", "that's for the new hall by the way"],
    [w, "C-1001", "2 SE-MS28-CC-EPDM for pump 2", "das ist für die neue Anlage"],
    [w, "C-1001", "2 SE-MS28-CC-EPDM for pump 2", "ok and the rest later"],
  ] as const)
    it(`"${text}" keeps the order`, async () => {
      const chat = new Chat(world, customer);
      const added = await chat.say(first);
      const before = added.thread.draft.lines.map((l) => l.sku);
      expect(before).toHaveLength(1);
      const turn = await chat.say(text);
      expect(turn.tools).not.toContain("clear_draft");
      expect(turn.thread.draft.lines.map((l) => l.sku)).toEqual(before);
    });

  for (const text of ["cancel the whole order", "bitte alles verwerfen", "scrap all of it, start again"])
    it(`"${text}" still clears it`, async () => {
      const chat = new Chat(w, "C-1001");
      await chat.say("2 SE-MS28-CC-EPDM for pump 2");
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines).toEqual([]);
    });
});
