/**
 * Session 27–28 (lead, found reading the merge's leftovers): "2 wire feed rolls 1.2 for the line 3 welder" ordered the
 * wire feed MOTOR — the machine's own part, "Wire feed motor 4-roll drive", carries "wire", "feed" and "roll" as much as
 * the rolls do, and a confident part of the machine won. The word the buyer names the thing by ("rolls", the last of
 * their words a found product carries) is in the motor's name only inside another word ("4-roll"): the products whose
 * names carry it as a word of their own are the ones named — listed with their fit checked, the engine's verdict beside
 * each. Products of the part's own kind are no other thing (a scoring blade whose name is German only stays the blade).
 */
import { describe, expect, test } from "vitest";
import { chatAfter, draftLines, fluidWorld, lastTurn, weldingWorld, woodworkWorld } from "./helpers.ts";

const T = 60_000;

describe("the word a thing is named by, not a part of the machine that holds it inside another word", () => {
  for (const text of [
    "2 wire feed rolls 1.2 for the line 3 welder",
    "which feed rolls fit the line 3 welder?",
    "we need new feed rolls for the line 3 welder, 1.2 flux cored",
  ])
    test(`WD-4104: "${text}"`, { timeout: T }, async () => {
      const turn = await lastTurn(weldingWorld, "WD-4104", text);
      expect(turn.lines.map((l) => l[0])).not.toContain("WFM-400-B");
      expect(turn.text).not.toContain("WFM-400-B");
      // The roll that fits the machine is offered (or on the order).
      expect(turn.text.includes("FR37-VK12") || turn.lines.some((l) => l[0] === "FR37-VK12")).toBe(true);
    });

  test("guard: the machine's part of the same kind, named in another language only", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3106", "hello, 2 scoring blades for the panel saw please");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["2 VR-200-50-36K"]);
  });
  test("guard: the machine's part that carries the word as its own", { timeout: T }, async () => {
    const turn = await lastTurn(fluidWorld, "F-4001", "2 return filter elements for Big Bertha");
    // (The elements are listed, the one that fits first — no other kind of thing.)
    expect(turn.text).toMatch(/1\) FE-RF-330-10 .* ✓ fits/u);
  });
  test("guard: asked for the motor, the motor", { timeout: T }, async () => {
    const chat = await chatAfter(weldingWorld, "WD-4104", "1 wire feed motor for the line 3 welder");
    expect(draftLines(chat).map((l) => `${l[1]} ${l[0]}`)).toEqual(["1 WFM-400-B"]);
  });
});
