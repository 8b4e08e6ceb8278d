/**
 * What the buyer's turn does to the draft given the conversation so far (issue 9, dialogue classes from the voices5
 * run): a removal of something the order does not hold never adds it; a machine correction ("for X, not Y", "nicht
 * für Y, sondern für X") moves the line, also with a new quantity in the same message; a machine named for "all" the
 * lines answers the machine question for each of them; the quantity and machine of a request asked about first
 * (stock, price) survive the follow-up questions; a switch to another variant with a quantity takes both. What the
 * buyer would notice: the draft's lines and what the reply says.
 */
import { describe, expect, it } from "vitest";
import { Chat, hvacWorld, fluidWorld, automationWorld, draftLines } from "./helpers.ts";

const hvac = hvacWorld;
const fluid = fluidWorld;
const automation = automationWorld;
const lines = draftLines;

describe("a removal of what the order does not hold", { timeout: 120_000 }, () => {
  it('"make it 3 pails, and drop the seal kit" with no seal kit in the order: 3 pails, nothing added', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("1 pail of HVLP 32 for the lift table in shipping");
    await chat.say("actually make it 3 pails, and drop the seal kit, we found one in the store");
    expect(lines(chat)).toEqual([["OIL-HVLP32-20", 3, "M-4001-04"]]);
  });

  it('"streich den Schütz" (German, one clause) on an order without a contactor: nothing added, said so', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 PSU-24-5 für das Infeed conveyor");
    await chat.say("streich den Schütz bitte");
    expect(lines(chat)).toEqual([["PSU-24-5", 2, "M-3001-03"]]);
    expect(chat.turns.at(-1)!.text).toMatch(/nicht in Ihrer Bestellung/i);
  });

  it('"remove the sight glass and make it 2 driers" (hvac): the drier line changes, no sight glass added', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("1 FD-DML-084 for freezer 3");
    await chat.say("remove the sight glass, and make it 2 driers");
    expect(lines(chat)).toEqual([["FD-DML-084", 2, "M-2006-01"]]);
  });
});

describe("a machine correction", { timeout: 120_000 }, () => {
  it('"it\'s for freezer 3, not freezer 1": the line moves to freezer 3', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("1 TXV-TE2-R404A-LT for freezer 1 please");
    await chat.say("sorry, my mistake - it's for freezer 3, not freezer 1");
    expect(lines(chat)).toEqual([["TXV-TE2-R404A-LT", 1, "M-2006-01"]]);
  });

  it('"nicht für Zelle 4, sondern für die Entgratpresse, und 5 Eimer": machine and quantity both change', async () => {
    const chat = new Chat(fluid(), "F-4004");
    await chat.say("4 Eimer HFC 46 für Zelle 4");
    await chat.say("Korrektur: nicht für Zelle 4, sondern für die Entgratpresse, und 5 Eimer statt 4");
    expect(lines(chat)).toEqual([["OIL-HFC46-20", 5, "M-4004-03"]]);
  });

  it('"make it 3, and for the palletiser instead of line 3" (one message, English): both change', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 PSU-24-5 for line 3");
    await chat.say("make it 3 and put them on the palletiser instead of line 3");
    expect(lines(chat)).toEqual([["PSU-24-5", 3, "M-3001-02"]]);
  });

  it("a machine correction on an empty order says there is nothing to move", async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("sorry, it's for freezer 3, not freezer 1");
    expect(lines(chat)).toEqual([]);
    expect(chat.turns.at(-1)!.text).toMatch(/order is empty|nothing in your order/i);
  });
});

describe("a machine named for all the lines", { timeout: 120_000 }, () => {
  it('"yes all for IMM 9" after several lines that need a machine: every line is for IMM 9', async () => {
    const chat = new Chat(fluid(), "F-4002");
    await chat.say("1 KIT-IM180-FLT, 2 FE-RF-160-10 and 1 PUMP-VP-28");
    await chat.say("yes all for IMM 9");
    expect(lines(chat)).toEqual([
      ["KIT-IM180-FLT", 1, "M-4002-02"],
      ["FE-RF-160-10", 2, "M-4002-02"],
      ["PUMP-VP-28", 1, "M-4002-02"],
    ]);
  });

  it('"alles für die IMM 7" (German)', async () => {
    const chat = new Chat(fluid(), "F-4002");
    await chat.say("1 KIT-IM180-FLT und 2 FE-RF-160-10");
    await chat.say("alles für die IMM 7");
    expect(lines(chat)).toEqual([
      ["KIT-IM180-FLT", 1, "M-4002-01"],
      ["FE-RF-160-10", 2, "M-4002-01"],
    ]);
  });

  it('"both for freezer 3" (hvac)', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("1 TXV-TE2-R404A-LT and 1 FD-DML-084");
    await chat.say("both for freezer 3");
    expect(lines(chat).map((l) => l[2])).toEqual(["M-2006-01", "M-2006-01"]);
  });
});

describe("the request asked about first still counts", { timeout: 120_000 }, () => {
  it("stock, then price, then go ahead: 2 kits for Press 3, as the first message said", async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("do you have SK-CD-80-45-FKM in stock? need 2 for press 3");
    await chat.say("and what's the price per kit?");
    await chat.say("ok go ahead");
    expect(lines(chat)).toEqual([["SK-CD-80-45-FKM", 2, "M-4001-02"]]);
  });

  it("German: Lieferbarkeit, dann Preis, dann ja: 3 Stück für Freezer 3", async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("Ist TXV-TE2-R404A-LT lieferbar? Brauche 3 für Freezer 3");
    await chat.say("und was kostet das Stück?");
    await chat.say("ok, hinzufügen");
    expect(lines(chat)).toEqual([["TXV-TE2-R404A-LT", 3, "M-2006-01"]]);
  });

  it("price, then stock, then add it: 4 for the palletiser", async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("what does PSU-24-10 cost? need 4 for the palletiser");
    await chat.say("in stock?");
    await chat.say("ok add them");
    expect(lines(chat)).toEqual([["PSU-24-10", 4, "M-3001-02"]]);
  });
});

describe("a switch to another variant with a quantity", { timeout: 120_000 }, () => {
  it('"go with the 10A one instead, 1 pc": the 10 A supply, one of it', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("PSU 24V 5A x2 for the infeed conveyor");
    await chat.say("actually, go with the 10A one instead, 1 pc");
    expect(lines(chat)).toEqual([["PSU-24-10", 1, "M-3001-03"]]);
  });

  it('"lieber das mit 10 A, 3 Stück" (German)', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 Netzteile 24 V 5 A für das Infeed conveyor");
    await chat.say("doch lieber das mit 10 A, 3 Stück");
    expect(lines(chat)).toEqual([["PSU-24-10", 3, "M-3001-03"]]);
  });

  it('"take the 25 A one instead, 2 of them" (hvac contactor)', async () => {
    const chat = new Chat(hvac(), "H-2006");
    await chat.say("1 CT-CI16-230 for chill room 2");
    await chat.say("take the 25 A one instead, 2 of them");
    expect(lines(chat)).toEqual([["CT-CI25-230", 2, "M-2006-03"]]);
  });
});

describe("corrections, more wordings", { timeout: 120_000 }, () => {
  it('"not for line 3 but for the palletiser" (no comma before "but"): the palletiser, not line 3', async () => {
    const chat = new Chat(automation(), "A-3001");
    await chat.say("2 PSU-24-5 for line 3");
    await chat.say("correction: not for line 3 but for the palletiser");
    expect(lines(chat)).toEqual([["PSU-24-5", 2, "M-3001-02"]]);
  });

  it("a machine correction while a list is open: the list again, checked against the corrected machine", async () => {
    const chat = new Chat(hvac(), "H-2006");
    // A request several valves answer (with low temp and 1/2" it names exactly one, which is added instead).
    await chat.say("TXV for freezer 1 please, R404A");
    expect(chat.turns.at(-1)!.text).toMatch(/For Freezer 1/);
    await chat.say("sorry, my mistake - it's for freezer 3, not freezer 1");
    expect(chat.turns.at(-1)!.text).toMatch(/For Freezer 3/);
    expect(lines(chat)).toEqual([]);
  });

  it('"make it 3 pails, and drop the seal kit" with the seal kit in the order: it is removed', async () => {
    const chat = new Chat(fluid(), "F-4001");
    await chat.say("1 pail of HVLP 32 for the lift table in shipping");
    await chat.say("and 1 SK-LP60 for the lift table in shipping");
    expect(lines(chat)).toHaveLength(2);
    await chat.say("actually make it 3 pails, and drop the seal kit, we found one in the store");
    expect(lines(chat)).toEqual([["OIL-HVLP32-20", 3, "M-4001-04"]]);
  });
});
