/**
 * Session 28P: the consultant's open question does not take over a message that asks for something of its own.
 *
 * After "oh and 1 roll of net wrap 1.40" ("Which machine is it for?"), "make the tines 30 actually" added 30 rolls of
 * net wrap on the third machine listed instead of setting the tines' line to 30; to "12 × KGD-CX540 … Shall I add it to
 * your order?" the answer "ok just the guards then. no make it 14 guards" added 12 (the "no" was read as negating the
 * rest of the sentence, so the 14 was lost); "nur gefragt, nicht bestellen" to the same offer added 12 and went on to
 * the confirmation; "does that season kit fit big red too? just asking, don't add it" was answered with "How many do
 * you need?". The rows for an open question answered it whatever else the message said.
 *
 * 1. A reply that names another line of the order with a count or a change ("make the door glass 3 actually") sets the
 *    open question aside: the named line changes, the asked-about product is not added.
 * 2. A "no" that opens a correction ("no make it 14", "nein mach 6 draus") negates the offer, not the words after it:
 *    the new count answers the question.
 * 3. A refusal to add ("just asking, don't add it", "nur gefragt, nicht bestellen") adds nothing, and an answer to a
 *    question said with it does not ask how many.
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, foodtechWorld, type World } from "./helpers.ts";

const T = 120_000;

const lines = (rows: (string | number | null)[][]) => rows.map((l) => `${l[1]} ${l[0]}`).sort();

type Case = [() => World, string, string[], string[]];

describe("a reply naming another line of the order changes that line, not the product asked about", () => {
  const cases: Case[] = [
    [
      agripartsWorld,
      "A-9004",
      [
        "howya, need 20 pick-up tines for big red",
        "oh and 1 roll of net wrap 1.40",
        "make the tines 30 actually, lads broke loads last week",
      ],
      ["30 PUT-RB155-B"],
    ],
    [
      foodtechWorld,
      "C-7105",
      ["1 door glass for deck oven 2", "and a door seal set", "make the door glass 3 actually"],
      ["3 TG-EO480"],
    ],
    [
      foodtechWorld,
      "C-7105",
      ["1 door glass for deck oven 2", "and a door seal set", "change the door glass to 3"],
      ["3 TG-EO480"],
    ],
    [
      agripartsWorld,
      "A-9004",
      ["howya, need 20 pick-up tines for big red", "oh and 1 roll of net wrap 1.40", "ah no, 30 tines"],
      ["30 PUT-RB155-B"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      expect(lines(draftLines(await chatAfter(world, customer, ...says)))).toEqual(want);
    });
});

describe("a no that opens a correction of the offered count answers with the new count", () => {
  const guards = "12 knife guards for combine 2 and is the rasp bar set in stock?";
  const glasses = "4 door glasses for deck oven 2 and is the door seal set in stock?";
  const cases: Case[] = [
    [agripartsWorld, "A-9004", [guards, "ok just the guards then. no make it 14 guards"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "no make it 14 guards"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "no make that 14"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "no, 14"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "no i need 14"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "no we need 14 of them"], ["14 KGD-CX540"]],
    [foodtechWorld, "C-7105", [glasses, "no, 6 please"], ["6 TG-EO480"]],
    [foodtechWorld, "C-7105", [glasses, "no make it 6 door glasses"], ["6 TG-EO480"]],
    [foodtechWorld, "C-7105", [glasses, "no change it to 6 glasses"], ["6 TG-EO480"]],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.at(-1)!, { timeout: T }, async () => {
      expect(lines(draftLines(await chatAfter(world, customer, ...says)))).toEqual(want);
    });
});

describe("a count correction to 'which machine is it for?' counts the item asked about, and the question stays", () => {
  const net = ["howya, need 20 pick-up tines for big red", "oh and 1 roll of net wrap 1.40"];
  const cases: Case[] = [
    [agripartsWorld, "A-9004", [...net, "no make it 2 rolls", "tractor 4"], ["2 NET-140-3000", "20 PUT-RB155-B"]],
    [agripartsWorld, "A-9004", [...net, "make it 2 rolls", "tractor 4"], ["2 NET-140-3000", "20 PUT-RB155-B"]],
    [foodtechWorld, "C-7101", ["2 Türgläser bitte", "nein, mach 3 draus", "Ofen 2"], ["3 TG-EO480"]],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.slice(-2).join(" / "), { timeout: T }, async () => {
      expect(lines(draftLines(await chatAfter(world, customer, ...says)))).toEqual(want);
    });
});

describe("a refusal to add adds nothing and asks for no count", () => {
  const guards = "12 knife guards for combine 2 and is the rasp bar set in stock?";
  const glasses = "4 Türgläser für Ofen 2, ist der Türdichtungssatz lagernd?";
  const cases: [() => World, string, string[]][] = [
    [agripartsWorld, "A-9004", [guards, "nur gefragt, nicht bestellen"]],
    [agripartsWorld, "A-9004", [guards, "just asking, don't add it"]],
    [foodtechWorld, "C-7101", [glasses, "nur gefragt, nicht bestellen"]],
    [
      foodtechWorld,
      "C-7105",
      ["4 door glasses for deck oven 2 and is the door seal set in stock?", "only asking, do not order it"],
    ],
  ];
  for (const [world, customer, says] of cases)
    test(`${says.at(-1)!} (an offer open)`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, ...says);
      expect(draftLines(chat)).toEqual([]);
      const t = chat.turns.at(-1)!;
      expect(t.tools).not.toContain("add_line");
      expect(t.text).not.toMatch(/did not get|nicht verstanden|how many|wie viele/i);
    });

  const asked: [() => World, string, string][] = [
    [agripartsWorld, "A-9004", "does the season kit fit big red? just asking, don't add it"],
    [agripartsWorld, "A-9001", "passt das Wartungsset an den Blauen? nur gefragt, nicht bestellen"],
    [foodtechWorld, "C-7101", "passt das Türglas an Ofen 1? nur gefragt, nicht bestellen"],
    [foodtechWorld, "C-7105", "does the door glass fit deck oven 1? only asking, don't order it"],
  ];
  for (const [world, customer, text] of asked)
    test(text, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      const t = chat.turns.at(-1)!;
      expect(t.tools).toContain("check_compatibility");
      expect(t.text).toMatch(/^(yes|ja)\b/i);
      expect(t.text).not.toMatch(/how many|wie viele/i);
      expect(draftLines(chat)).toEqual([]);
    });

  test("after the refusal a new request is read as such", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9004",
      "does the season kit fit big red? just asking, don't add it",
      "20 pick-up tines for big red",
    );
    expect(lines(draftLines(chat))).toEqual(["20 PUT-RB155-B"]);
  });
});

describe("guards: a plain answer still answers the open question", () => {
  const guards = "12 knife guards for combine 2 and is the rasp bar set in stock?";
  const glasses = "4 door glasses for deck oven 2 and is the door seal set in stock?";
  const cases: Case[] = [
    [agripartsWorld, "A-9004", [guards, "14"], ["14 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "yes"], ["12 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "ja, 12"], ["12 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "12 please"], ["12 KGD-CX540"]],
    [agripartsWorld, "A-9004", [guards, "nein, mach 14 draus"], ["14 KGD-CX540"]],
    [foodtechWorld, "C-7105", [glasses, "yes please"], ["4 TG-EO480"]],
    [foodtechWorld, "C-7105", [glasses, "no, make it 6"], ["6 TG-EO480"]],
    [
      foodtechWorld,
      "C-7101",
      ["4 Türgläser für Ofen 2, ist der Türdichtungssatz lagernd?", "nein mach 6 draus"],
      ["6 TG-EO480"],
    ],
    [
      agripartsWorld,
      "A-9004",
      ["howya, need 20 pick-up tines for big red", "oh and 1 roll of net wrap 1.40", "no, the tines 30 please"],
      ["30 PUT-RB155-B"],
    ],
    [
      agripartsWorld,
      "A-9004",
      ["howya, need 20 pick-up tines for big red", "oh and 1 roll of net wrap 1.40", "3"],
      ["1 NET-140-3000", "20 PUT-RB155-B"],
    ],
    [
      foodtechWorld,
      "C-7101",
      ["ein Türglas für Ofen 2", "und Türdichtung", "ach nee, mach 3 Türgläser, eins kommt ins Lager"],
      ["3 TG-EO480"],
    ],
    [
      foodtechWorld,
      "C-7101",
      ["ein Türglas für Ofen 2", "und Türdichtung", "das Türglas doch 3 Stück"],
      ["3 TG-EO480"],
    ],
    [
      foodtechWorld,
      "C-7101",
      ["ein Türglas für Ofen 2", "und Türdichtung", "den ersten, 1 Stück"],
      ["1 TD-EO480-SET", "1 TG-EO480"],
    ],
  ];
  for (const [world, customer, says, want] of cases)
    test(says.join(" / "), { timeout: T }, async () => {
      expect(lines(draftLines(await chatAfter(world, customer, ...says)))).toEqual(want);
    });

  test("a compatibility question without a refusal still offers the count", { timeout: T }, async () => {
    const chat = await chatAfter(agripartsWorld, "A-9004", "does the season kit fit big red?");
    expect(chat.turns.at(-1)!.text).toMatch(/how many/i);
  });
});
