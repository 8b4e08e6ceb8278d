/**
 * Session 28 (lead): "1 glue roller for the edge bander" asked which machine — the buyer of WW-3104 has an "Edge
 * bander" and a "Sander", and "bander" is one edit from "sander": both labels were read with the same weight. A
 * reference whose words lie inside the words another machine's reference of the same weight takes is no reading of its
 * own; the longer one names the machine. Guards: a label said alone is still that machine, a slip of one letter still
 * finds it, two machines named outright are still both named.
 */
import { describe, expect, test } from "vitest";
import type { MachineView } from "../../../agent/models/offline/conversation.ts";
import { findMachines, tokenizeText } from "../../../agent/models/offline/recognise.ts";
import { draftLines, chatAfter, woodworkWorld } from "./helpers.ts";

const T = 60_000;

describe("a machine named by a longer label is not also the machine one word of it resembles", () => {
  for (const text of [
    "1 glue roller for the edge bander",
    "glue roller for Edge bander please, 1 pc",
    "need 1 glue roller, it's for the edge bander",
  ])
    test(`WW-3104: "${text}"`, { timeout: T }, async () => {
      const chat = await chatAfter(woodworkWorld, "WW-3104", text);
      expect(chat.turns.at(-1)!.text).not.toMatch(/Which machine/u);
      expect(draftLines(chat).map((l) => l[2])).toEqual(["M-3104-02"]);
    });
  test("guard: the sander said alone is the sander", { timeout: T }, async () => {
    const chat = await chatAfter(woodworkWorld, "WW-3104", "2 sanding belts 120 grit for the sander");
    expect(draftLines(chat).every((l) => l[2] === "M-3104-03")).toBe(true);
  });
});

describe("findMachines: the reading inside another of the same weight gives way", () => {
  const own = (label: string, n: number): MachineView => ({
    machineId: `M-${n}`,
    label,
    model: `XY-${n}`,
    modelName: "Generic machine",
    serial: `S-${n}`,
    site: "Works",
  });
  const base = [own("Edge bander", 1), own("Sander", 2), own("Line 3", 3), own("Line 3 welder", 4), own("Presse 2", 5)];
  const find = (text: string) =>
    findMachines(tokenizeText(text), base)
      .map((m) => m.machine.machineId)
      .sort();
  test.each([
    ["a glue roller for the edge bander", ["M-1"]],
    ["Leimwalze für den Edge Bander", ["M-1"]],
    ["contact tips for the line 3 welder", ["M-4"]],
    ["Kontaktrohre für den Line 3 Welder", ["M-4"]],
  ])("%s", (text, expected) => expect(find(text)).toEqual(expected));
  test.each([
    ["belts for the sander", ["M-2"]],
    ["belts for the sandr", ["M-2"]],
    ["conveyor chain for line 3", ["M-3"]],
    ["for the sander and the edge bander", ["M-1", "M-2"]],
  ])("guard: %s", (text, expected) => expect(find(text)).toEqual(expected));
});
