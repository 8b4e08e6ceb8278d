/**
 * Session 15 (lead), found by chatting with the product as a buyer: a message that answers or restates the line in
 * focus and, in another clause, asks for something new ("ok, und noch 2 Magnetspulen 230V", "fine, make that 2 boxes,
 * and 4 DIN rails"). The new item was dropped (the "ok" placed the order), merged into the line in focus (its count
 * added to the line's, or the line swapped for it), or took the first clause's count. Each clause is served: the
 * line keeps (or gets) its count, the new item is added with its own count — or asked about, never lost.
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  chatAfter,
  demoWorld,
  draftLines,
  fluidWorld,
  hvacWorld,
  powertransWorld,
  type World,
} from "./helpers.ts";

const T = 60_000;

/** The draft after the buyer's messages, and the open question's kind (if any) — what the buyer sees next. */
async function draftAndReply(world: () => World, customer: string, ...says: string[]) {
  const chat = await chatAfter(world, customer, ...says);
  return { lines: draftLines(chat), text: chat.turns.at(-1)!.text };
}

describe("a yes or a restated count, and a new item in another clause: both served", () => {
  const automation: [string, string, string, number][] = [
    // [first message, second message, new SKU, its count]
    ["2 boxes of wire end ferrules 1.5", "ok, and also 4 DIN rails 35 mm", "ACC-DIN35-2M", 4],
    ["2 boxes of wire end ferrules 1.5", "fine, make that 2 boxes, and 4 DIN rails 35 mm", "ACC-DIN35-2M", 4],
    ["2 boxes of wire end ferrules 1.5", "yes thanks, plus 4 DIN rails 35 mm", "ACC-DIN35-2M", 4],
    ["2 Kartons Aderendhülsen 1,5", "passt, dazu noch 3 DIN-Schienen 35 mm", "ACC-DIN35-2M", 3],
    ["2 Kartons Aderendhülsen 1,5", "ok dann 2 Kartons, und noch 3 DIN-Schienen 35 mm", "ACC-DIN35-2M", 3],
    ["2 Kartons Aderendhülsen 1,5", "jo passt, und 3 DIN-Schienen 35 mm bitte", "ACC-DIN35-2M", 3],
  ];
  for (const [first, second, sku, n] of automation)
    test(`automation: "${first}" / "${second}"`, { timeout: T }, async () => {
      const { lines, text } = await draftAndReply(automationWorld, "A-3001", first, second);
      expect(lines.find((l) => l[0] === "ACC-FERR-15-B500")?.[1], text).toBe(2);
      const added = lines.find((l) => l[0] === sku);
      // Added with its count — or, when the words leave a choice, the candidates listed with it among them.
      if (added) expect(added[1], text).toBe(n);
      else expect(text).toContain(sku);
    });

  const hvac: [string, string, string, number][] = [
    [
      "1 Lüftermotor 450mm 400V für die edeka truhe",
      "ok dann 1 stück, und noch 2 magnetspulen 230V für die edeka",
      "COIL-018F-230",
      2,
    ],
    [
      "1 Lüftermotor 450mm 400V für die edeka truhe",
      "ok, und noch 2 magnetspulen 230V für die edeka",
      "COIL-018F-230",
      2,
    ],
    [
      "one fan motor 450mm 400V for the edeka freezer",
      "fine, keep 1 of those, and add 3 solenoid coils 230V for the edeka freezer",
      "COIL-018F-230",
      3,
    ],
    [
      "one fan motor 450mm 400V for the edeka freezer",
      "great, and 3 solenoid coils 230V for the edeka freezer as well",
      "COIL-018F-230",
      3,
    ],
  ];
  for (const [first, second, sku, n] of hvac)
    test(`hvac: "${first}" / "${second}"`, { timeout: T }, async () => {
      const { lines, text } = await draftAndReply(hvacWorld, "H-2001", first, second);
      expect(lines.find((l) => l[0] === "FM-AX450-400")?.[1], text).toBe(1);
      expect(lines.find((l) => l[0] === sku)?.slice(1), text).toEqual([n, "M-2001-02"]);
    });

  // Written after the fix, on a catalog it was not built from.
  const powertrans: [string, string, string, number, string, number][] = [
    ["2 Kugellager 6205 2RS", "gut, und dazu 4 Stehlager UCP 206", "BRG-6205-2RS", 2, "UCP-206", 4],
    ["3 bearings 6206 2RS", "yes, and 2 SPA 1800 v-belts too", "BRG-6206-2RS", 3, "VB-SPA-1800", 2],
    ["2 bearings 6205 2RS", "ok keep 2, plus 5 bearings 6308 2RS", "BRG-6205-2RS", 2, "BRG-6308-2RS", 5],
    ["2 Lager 6205 2RS", "passt so, noch 1 Flanschlager UCF 206 dazu", "BRG-6205-2RS", 2, "UCF-206", 1],
  ];
  for (const [first, second, kept, k, sku, n] of powertrans)
    test(`powertrans: "${first}" / "${second}"`, { timeout: T }, async () => {
      const { lines, text } = await draftAndReply(powertransWorld, "T-7002", first, second);
      expect(lines.find((l) => l[0] === kept)?.[1], text).toBe(k);
      const added = lines.find((l) => l[0] === sku);
      if (added) expect(added[1], text).toBe(n);
      else expect(text).toContain(sku);
    });

  test("the machine asked for afterwards: the count said with the new item is kept", { timeout: T }, async () => {
    const { lines, text } = await draftAndReply(
      hvacWorld,
      "H-2001",
      "1 Lüftermotor 450mm 400V für die edeka truhe",
      "ok dann 1 stück, und noch 2 magnetspulen 230V",
      "die edeka",
    );
    expect(lines.find((l) => l[0] === "COIL-018F-230")?.[1], text).toBe(2);
  });
});

describe("guards: what the yes or the count alone meant still holds", () => {
  test("a plain yes to the order still asks to confirm it (nothing added)", { timeout: T }, async () => {
    const chat = await chatAfter(automationWorld, "A-3001", "2 boxes of wire end ferrules 1.5", "ok, order it");
    const t = await chat.w.agent.getThread(chat.threadId, chat.ctx);
    expect(t.pending?.type).toBe("confirm");
    expect(draftLines(chat)).toEqual([["ACC-FERR-15-B500", 2, null]]);
  });
  test("a new count for the line alone changes the line", { timeout: T }, async () => {
    const { lines } = await draftAndReply(
      automationWorld,
      "A-3001",
      "2 Kartons Aderendhülsen 1,5",
      "ok dann doch 3 Kartons",
    );
    expect(lines).toEqual([["ACC-FERR-15-B500", 3, null]]);
  });
});

describe("to 'which machine is it for?', a machine of the buyer's that was not offered: the item is not dropped", () => {
  const cases: [string, string, string][] = [
    ["one fan motor 450mm 400V for the edeka freezer", "fine, keep 1 of those, and add 3 solenoid coils 24V", "edeka"],
    ["1 Lüftermotor 450mm 400V für die edeka truhe", "ok, und noch 3 Magnetspulen 24 V", "für die edeka truhe"],
  ];
  for (const [first, second, third] of cases)
    test(`hvac: "${second}" / "${third}"`, { timeout: T }, async () => {
      const chat = await chatAfter(hvacWorld, "H-2001", first, second);
      const asked = chat.turns.at(-1)!.text;
      // Only when the consultant asked for a machine among others is this the class; then the answer keeps the item.
      if (!/which machine|welche maschine/i.test(asked)) throw new Error(`no machine question: ${asked}`);
      await chat.say(third);
      const lines = draftLines(chat);
      const text = chat.turns.at(-1)!.text;
      // The coil is on the order for the machine named (the engine then says it does not fit there and what does),
      // or the reply names it — never silently gone while the fan motor line is "updated".
      const coil = lines.find((l) => l[0] === "COIL-018F-24" || l[0] === "COIL-018F-230");
      expect(coil ?? text.includes("COIL-018F"), text).toBeTruthy();
      expect(lines.find((l) => l[0] === "FM-AX450-400")?.[1]).toBe(1);
    });
});

describe("a count right after the letter of a machine's site ('in Halle B zwei …') is the count", () => {
  const cases: [() => World, string, string][] = [
    [demoWorld, "C-1001", "für die pumpe 2 in halle B zwei gleitringdichtungen bitte"],
    [demoWorld, "C-1001", "for pump 2 in hall B two mechanical seals please"],
    [demoWorld, "C-1001", "Pumpe 2 Halle B 2 Gleitringdichtungen"],
    [fluidWorld, "F-4002", "for the IMM 7 in hall A two directional valves NG6 spool J 24V"],
    [fluidWorld, "F-4002", "für die IMM 9 in Halle A zwei Wegeventile NG6 J 24 V"],
  ];
  for (const [world, customer, text] of cases)
    test(text, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, text);
      // Added at once, or picked from the list offered: the line holds two.
      if (draftLines(chat).length === 0) await chat.say(/[äöü]|für|zwei/i.test(text) ? "die erste" : "the first");
      const lines = draftLines(chat);
      expect(lines.length, chat.transcript()).toBe(1);
      expect(lines[0]![1], chat.transcript()).toBe(2);
    });
});

describe("a price or stock question about the listed candidates is answered for each of them, the list kept", () => {
  const cases: [() => World, string, string, string][] = [
    [demoWorld, "C-1001", "we need 2 mechanical seals for pump 2", "how much are they and are they in stock?"],
    [
      demoWorld,
      "C-1001",
      "wir brauchen für die pumpe 2 zwei gleitringdichtungen",
      "was kosten die und sind die lagernd?",
    ],
    [fluidWorld, "F-4001", "need a seal kit for the press 3 cylinder 63/36", "what do they cost?"],
    [hvacWorld, "H-2001", "Filtertrockner 3/8 Bördel", "wann könnt ihr die liefern?"],
  ];
  for (const [world, customer, first, question] of cases)
    test(`"${first}" / "${question}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, first);
      const listed = /^\s*\d\) (\S+)/gmu;
      const skus = [...chat.turns.at(-1)!.text.matchAll(listed)].map((m) => m[1]!);
      if (skus.length < 2) throw new Error(`no list: ${chat.turns.at(-1)!.text}`);
      const reply = (await chat.say(question)).text;
      // Every listed candidate (up to five) is answered with a figure — a price or a date — and nothing is ordered.
      for (const sku of skus.slice(0, 5))
        expect(reply, reply).toMatch(
          new RegExp(`${sku}\\b[^\\n]*(\\d+[.,]\\d\\d|\\d{4}-\\d\\d-\\d\\d|\\d\\d\\.\\d\\d\\.\\d{4})`, "u"),
        );
      expect(draftLines(chat)).toEqual([]);
      // The list is still open: "the first" picks its first candidate (added, or asked about: which machine).
      const picked = await chat.say(/[äöü]|wir|wann/i.test(first + question) ? "den ersten" : "the first one");
      expect(draftLines(chat)[0]?.[0] ?? picked.text.match(/^\S+/u)?.[0], chat.transcript()).toBe(skus[0]);
    });
});
