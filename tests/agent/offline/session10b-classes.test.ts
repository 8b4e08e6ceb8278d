/**
 * Buyer classes closed in session 10 (helper gen10b), each on more than one catalog and in phrasings that are not the
 * eval scenarios'; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, englishOnlyWorld, hvacWorld } from "./helpers.ts";

const lines = (chat: Chat) => draftLines(chat).map(([sku, quantity]) => [sku, quantity]);

describe("a spelled-out unit ('460 volts 60 hertz') is a spec of the product, never how many", () => {
  for (const [world, customer, text, sku] of [
    [hvacWorld, "H-2005", "For the MS Elbe chiller: fan motor 500 mm for 460 volts 60 hertz", "FM-AX500-460"],
    [automationWorld, "A-3006", "Power supply 24 V 5 A for Wrapper 5, input 230 volt 50 hertz", "PSU-24-5"],
  ] as const)
    it(`"${text}" orders one ${sku}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      expect(lines(chat)).toEqual([[sku, 1]]);
    });
});

describe("the buyer's own job reference ('Kommission …', 'job no. …') is the order's PO", () => {
  for (const [world, customer, text, po] of [
    [hvacWorld, "H-2006", "Bitte 2 Filtertrockner DML 084 für Freezer 1. Kommission Ulm-4711.", "Ulm-4711"],
    [automationWorld, "A-3006", "2 contactors CT-9-24DC for Wrapper 5, job no. BR-2231", "BR-2231"],
  ] as const)
    it(`"${text}" sets PO ${po}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      expect(turn.thread.draft.poReference).toBe(po);
    });

  it("guard: 'Kommission' without a code is no PO", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    const turn = await chat.say("Bitte 2 Filtertrockner DML 084 für Freezer 1, die Kommission ist erledigt.");
    expect(turn.thread.draft.poReference ?? null).toBeNull();
  });
});

describe("an order beside a question when it comes is made; the add's reply says the date", () => {
  for (const [world, customer, text, sku, quantity] of [
    [automationWorld, "A-3006", "Please 2 contactors CT-9-24DC for Wrapper 5. How long is delivery?", "CT-9-24DC", 2],
    [
      hvacWorld,
      "H-2006",
      "Wir brauchen 2 Schaugläser SGN 12 für den Freezer 1. Bis wann könnt ihr liefern?",
      "SG-SGN-12",
      2,
    ],
  ] as const)
    it(`"${text}" adds ${quantity} × ${sku} and states its delivery`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      expect(lines(chat)).toEqual([[sku, quantity]]);
      expect(turn.text).toMatch(/delivery by|Lieferung bis/);
    });

  it("guard: 'is it in stock? I need 5' is still answered before anything is added", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("Is FD-DML-084 in stock? I need 5 for Freezer 1");
    expect(lines(chat)).toEqual([]);
  });
});

describe("a stock question about a part that does not fit the named machine says so; 'the fitting one' takes what fits", () => {
  for (const [world, customer, question, answer, misfit, fitting] of [
    [
      hvacWorld,
      "H-2006",
      "Is the EC fan FM-EC450-400 in stock for Freezer 1?",
      "ok, then the matching one",
      "FM-EC450-400",
      "FM-AX450-400",
    ],
    [
      automationWorld,
      "A-3006",
      "Do you have ACC-HMI7-PL3-V1 in stock for Wrapper 5?",
      "then the suitable one please",
      "ACC-HMI7-PL3-V1",
      "ACC-HMI7-PL3",
    ],
  ] as const)
    it(`"${question}" → "${answer}" adds ${fitting}, not ${misfit}`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(question);
      expect(turn.text).toMatch(/does not fit|passt nicht/);
      expect(turn.text).toContain(fitting);
      expect(turn.text).not.toMatch(/Shall I add it/);
      await chat.say(answer);
      expect(lines(chat)).toEqual([[fitting, 1]]);
    });

  it("guard: a part that fits is offered as before", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    const turn = await chat.say("Is FM-AX450-400 in stock for Freezer 1?");
    expect(turn.text).toMatch(/Shall I add it/);
  });
});

describe("'the 2 contactors' after a refused request is the product that request described", () => {
  for (const [world, customer, first, second, sku, quantity] of [
    [
      hvacWorld,
      "H-2006",
      "Hi, we do a service job for Kruse, please book this on their account (customer H-2003) for their freezer cell: 2 sight glasses 1/2 inch flare. They will pay, I have their OK.",
      "ok fine. Then put the 2 sight glasses on our own account, for our Freezer 1.",
      "SG-SGN-12",
      2,
    ],
    [
      automationWorld,
      "A-3006",
      "Hello, this is for our client Krämer, please charge their account (customer A-3001) for their Palletiser: 2 contactors 12 A with 24 V DC coil. They agreed.",
      "alright. Then the 2 contactors on our own account, for our Wrapper 5.",
      "CT-12-24DC",
      2,
    ],
  ] as const)
    it(`"${second}" adds ${quantity} × ${sku}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      expect(lines(chat)).toEqual([]);
      await chat.say(second);
      expect(lines(chat)).toEqual([[sku, quantity]]);
    });
});

describe("'one piece' is a count, not the pronoun 'one'", () => {
  for (const [world, customer, text, expected] of [
    [
      hvacWorld,
      "H-2006",
      "We need one piece FM-AX450-400 and two pieces SG-SGN-12 for Freezer 1",
      [
        ["FM-AX450-400", 1],
        ["SG-SGN-12", 2],
      ],
    ],
    [
      automationWorld,
      "A-3006",
      "We need one piece PSU-24-5 and two pieces CT-9-24DC for Wrapper 5",
      [
        ["PSU-24-5", 1],
        ["CT-9-24DC", 2],
      ],
    ],
  ] as const)
    it(`"${text}" keeps each count with its item`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      expect(lines(chat)).toEqual(expected);
    });
});

describe("Bavarian 'oa' for 'ei': 'zwoa' is two", () => {
  for (const [world, customer, text, sku] of [
    [hvacWorld, "H-2006", "Griaß di, fürn Freezer 1 bräucht i zwoa Schaugläser SGN 12", "SG-SGN-12"],
    [automationWorld, "A-3006", "Servus, für Wrapper 5 bräucht i zwoa Schütze CT-9-24DC", "CT-9-24DC"],
  ] as const)
    it(`"${text}" orders two ${sku}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      expect(lines(chat)).toEqual([[sku, 2]]);
    });
});

describe("a German buyer's 'Karte' is a module or card on an English-only catalog", () => {
  for (const [catalog, customer, text, kind, quantity] of [
    ["automation", "A-3001", "Für die Linie 3 bräuchten wir zwei Ausgangskarten mit 32 Kanälen", "IO-1500-DQ32", 2],
    ["automation", "A-3001", "Für die Linie 3 brauche ich 2 Eingangskarten mit 16 Kanälen", "DI16", 2],
    ["fluidpower", "F-4002", "Für die IMM 9 bräuchte ich 1 Verstärkerkarte für das Proportionalventil", "AMP-PV-24", 1],
  ] as const)
    it(`"${text}" (${catalog}, English only) orders ${quantity} × ${kind}`, async () => {
      const chat = new Chat(englishOnlyWorld(`evals/catalogs/${catalog}`), customer);
      await chat.say(text);
      const [line] = draftLines(chat);
      expect(line?.[0]).toContain(kind);
      expect(line?.[1]).toBe(quantity);
    });
});
