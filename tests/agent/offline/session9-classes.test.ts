/**
 * Buyer classes closed in session 9 (docs/offline-consultant.md, "Buyer classes closed in session 9"), each in both
 * languages and on more than one catalog; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { Chat, draftLines, hvacWorld, importedWorld } from "./helpers.ts";

const intralogisticsWorld = () => importedWorld("evals/catalogs/intralogistics");

describe("a product named outright in a side question is the product the order part asks for by its kind", () => {
  for (const [world, customer, text, named, sibling] of [
    [
      intralogisticsWorld,
      "L-8004",
      "Reach truck serial ET216-09877 is down, the traction controller died. Do you have CTRL-48-TRAC-A in stock? We need 1 asap.",
      "CTRL-48-TRAC-A",
      "CTRL-48-TRAC-B",
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "Die Fahrsteuerung vom Schubmaststapler ET216-09877 ist ausgefallen, wir brauchen 1 Stück. Habt ihr CTRL-48-TRAC-A auf Lager?",
      "CTRL-48-TRAC-A",
      "CTRL-48-TRAC-B",
    ],
    [
      hvacWorld,
      "H-2006",
      "On Freezer 1 the fan motor burned out. Do you have FM-EC450-400 in stock? We need 1.",
      "FM-EC450-400",
      "FM-AX450-400",
    ],
  ] as const)
    it(`"${text}" puts ${named} on the order, not ${sibling}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      const skus = draftLines(chat).map(([s]) => s);
      expect(skus).not.toContain(sibling);
      expect(skus).toEqual([named]);
      // The engine says it does not fit and offers the sibling that does.
      expect(turn.text).toContain(sibling);
    });

  it("guard: a side question about another product leaves the order's own product", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("We need 1 fan motor for Freezer 3. Do you have FD-DML-084 in stock?");
    const skus = draftLines(chat).map(([s]) => s);
    expect(skus).toHaveLength(1);
    expect(skus[0]).toMatch(/^FM-/);
  });
});

describe('"the one that fits" to a block takes the replacement that fits the machine, also with a question after it', () => {
  for (const [world, customer, first, answer, fitting] of [
    [
      intralogisticsWorld,
      "L-8004",
      "Reach truck serial ET216-09877: we need 1 CTRL-48-TRAC-A asap.",
      "OK, then the one that fits our serial. Is that one in stock?",
      "CTRL-48-TRAC-B",
    ],
    [
      hvacWorld,
      "H-2006",
      "1 EC-Lüfter 450 mm 400 V für den Freezer 1",
      "Dann nehmen wir natürlich den passenden AC-Lüfter, ist der lagernd?",
      "FM-AX450-400",
    ],
    [hvacWorld, "H-2006", "1 EC fan motor 450 mm 400 V for Freezer 1", "ok, the matching one then", "FM-AX450-400"],
  ] as const)
    it(`"${answer}" switches the line to ${fitting}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(first);
      expect(turn.text).toContain(fitting);
      await chat.say(answer);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([[fitting, 1]]);
    });
});
