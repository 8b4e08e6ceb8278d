/**
 * Session 23 (lead), found by chatting with the product as a buyer who narrows a list down (forklift tyres, mechanical
 * seals, filter driers). None of these was in a scenario.
 *
 * 1. "die grauen bitte, 4 Stück" to a list of tyres for a truck left two grey tyres to choose from — and forgot the 4:
 *    "wann wären die da?" answered for 1 piece, and picking one then asked "Wie viele benötigen Sie?". A count said
 *    with a pick that narrows a list is kept with the narrowed list: questions about the list are for that count, and
 *    when the pick asked for the item ("bitte", "please", "we need"), the item picked next is taken in that count.
 * 2. "4 graue Reifen" searched for "graü": a German word spelled with "ue" that is itself a form of a catalog word
 *    ("graue" of "grau") was read as a transliterated umlaut ("Kuehlzelle" for "Kühlzelle") and the tyre's colour lost.
 *
 * From voices23's visible transcripts (after its one-shot):
 * 3. A forwarded mail ("From: … Sent: 01 December 2026 16:40 … Subject: … Kind regards, Sarah Jones, T: 0151 …") was
 *    read as a list of requests: a 340-character mail was cut as "more than I can handle", the date in a header line
 *    was a count (16 service kits, 30 filter driers). A mail is read as the message it carries — not its header
 *    lines, quote marks, separators, closing or signature.
 * 4. "PO 4500-8812" while a list or an offer was open and the order still empty got the help text and was lost: it is
 *    noted, goes on the order with the line the answer adds, and the open question stays.
 * 5. "yes order please" to the one alternative offered for a discontinued part (its successor) added the discontinued
 *    part: assent to a single offered alternative takes it; insisting says so ("order the old one anyway").
 * 6. To the fixes offered for a flagged line, "put 2 black in, that's what is fitted" switched to a black tyre of
 *    another size (the first fix whose name carries "black"), and "no, the 400 V 50 Hz one, like on the plate" to the
 *    60 Hz motor it had just ruled out — or added the same motor as a second line. When the buyer says to keep what is
 *    there ("that's what is fitted", "wie sie drauf sind", "like on the old plate"), words the line's own product
 *    carries choose no fix: naming the line's product keeps the line, checked again as it is. (A first version without
 *    the keep words cost a held-out automation and a held-out printing conversation — bisected.)
 */
import { describe, expect, test } from "vitest";
import {
  automationWorld,
  fluidWorld,
  chatAfter,
  demoWorld,
  draftLines,
  hvacWorld,
  intralogisticsWorld,
  lastTurn,
  type World,
} from "./helpers.ts";

const T = 90_000;

describe("a count said with a pick that narrows a list is kept", () => {
  // [world, customer, the question that lists, the narrowing pick with a count, the pick that decides, the line]
  const cases: [() => World, string, string, string, string, [string, number, string]][] = [
    [
      intralogisticsWorld,
      "L-8001",
      "hi, der Stapler 7 braucht neue Reifen, was passt da?",
      "die grauen bitte, 4 Stück",
      "die 18x7-8",
      ["TYR-SE-18x7-8-NM", 4, "M-8001-01"],
    ],
    [
      intralogisticsWorld,
      "L-8001",
      "which tyres fit stapler 7?",
      "the non-marking ones please, 4 pcs",
      "the 15x4.5-8",
      ["TYR-SE-15x45-8-NM", 4, "M-8001-01"],
    ],
    [
      demoWorld,
      "C-1001",
      "which mechanical seals fit pump 2?",
      "the carbon/ceramic ones, 3 please",
      "EPDM",
      ["SE-MS28-CC-EPDM", 3, "M-1001-02"],
    ],
    [
      hvacWorld,
      "H-2001",
      "welche Filtertrockner passen in den Huber Kühlraum?",
      "die DML, 2 Stück",
      "den 084er",
      ["FD-DML-084", 2, "M-2001-01"],
    ],
  ];
  test.each(cases)("%#: %s → %s → %s", { timeout: T }, async (world, customer, ask, narrowing, pick, line) => {
    const chat = await chatAfter(world, customer, ask, narrowing);
    expect(draftLines(chat)).toEqual([]);
    await chat.say(pick);
    expect(draftLines(chat)).toEqual([line]);
  });

  test.each([
    [
      intralogisticsWorld,
      "L-8001",
      "which tyres fit stapler 7?",
      "the non-marking ones, 4 pcs",
      "when could they be here?",
      [/TYR-SE-18x7-8-NM\b[^\n]*\b4\b/, /TYR-SE-15x45-8-NM\b[^\n]*\b4\b/],
    ],
    [
      hvacWorld,
      "H-2001",
      "welche Filtertrockner passen in den Huber Kühlraum?",
      "die DML, 2 Stück",
      "was kosten die?",
      [/FD-DML-083\b/, /FD-DML-084\b/],
    ],
  ] as [() => World, string, string, string, string, RegExp[]][])(
    "a question about the narrowed list is answered for the count said: %#",
    { timeout: T },
    async (world, customer, ask, narrowing, question, answers) => {
      const { text, lines } = await lastTurn(world, customer, ask, narrowing, question);
      expect(lines).toEqual([]);
      for (const answer of answers) expect(text).toMatch(answer);
      // The count is known: the answer is not for one piece and does not ask for the count again.
      expect(text).not.toMatch(/— 1:|\b1 ×|how many|wie viele/i);
    },
  );

  test("guard: a narrowing question with a count only asks — nothing is taken", { timeout: T }, async () => {
    const chat = await chatAfter(intralogisticsWorld, "L-8001", "which tyres fit stapler 7?");
    await chat.say("what do 4 of the non-marking ones cost?");
    expect(draftLines(chat)).toEqual([]);
  });
});

describe("a German word with 'ue' that is a form of a catalog word is no transliterated umlaut", () => {
  test("'4 graue Reifen 18x7-8' takes the grey tyre", { timeout: T }, async () => {
    const lines = draftLines(await chatAfter(intralogisticsWorld, "L-8001", "4 graue Reifen 18x7-8 für den Stapler 7"));
    expect(lines).toEqual([["TYR-SE-18x7-8-NM", 4, "M-8001-01"]]);
  });

  test("guard: a transliterated umlaut is still read ('Schauglaeser fuer die Kuehlzelle')", {
    timeout: T,
  }, async () => {
    const { text } = await lastTurn(hvacWorld, "H-2001", "2 Schauglaeser fuer den Huber Kuehlraum");
    expect(text).toMatch(/Schauglas/);
  });

  test("guard: 'graue Steuerleitung' by the metre", { timeout: T }, async () => {
    const lines = draftLines(await chatAfter(automationWorld, "A-3006", "wir brauchen 20 m graue Steuerleitung 7G1,5"));
    expect(lines).toEqual([["CBL-CTRL-7G1.5", 20, null]]);
  });
});

describe("a forwarded mail is read as the message it carries", () => {
  const cases: [() => World, string, string, [string, number, string]][] = [
    [
      fluidWorld,
      "F-4001",
      "Hi team, please see below from our fitter, can you order?\n\nFrom: Dave Price\nSent: 01 December 2026 16:40\nTo: Purchasing\nSubject: Press 3 return filter\n\nHi, the return filter on press 3 is blocked again, element says FE-RF-330-10. Need 3, one for stock, thanks, Dave\n\nKind regards\nSarah Jones\nPurchasing, Harbour Plastics Ltd\nT: 0151 496 0123",
      ["FE-RF-330-10", 3, "M-4001-02"],
    ],
    [
      hvacWorld,
      "H-2001",
      "-----Ursprüngliche Nachricht-----\nVon: Jürgen Maier\nGesendet: Montag, 30. November 2026 07:12\nAn: Einkauf\nBetreff: Kühlraum Huber\n\nHallo, bitte 2 Filtertrockner DML 083 für den Huber Kühlraum bestellen.\n\nMit freundlichen Grüßen\nJürgen Maier\nKältetechnik, Tel. 0711 123456",
      ["FD-DML-083", 2, "M-2001-01"],
    ],
    [
      demoWorld,
      "C-1001",
      "fwd from the workshop:\n> need 3 casing gaskets for pump 2, the old ones are leaking\n> --\n> Olaf | Instandhaltung | +49 421 5550123\n\ncan you order that?",
      ["SE-CG-NCP32", 3, "M-1001-02"],
    ],
  ];
  test.each(cases)("%#", { timeout: T }, async (world, customer, mail, line) => {
    const { text, lines } = await lastTurn(world, customer, mail);
    expect(lines).toEqual([line]);
    expect(text).not.toMatch(/more than I can handle|mehr, als ich auf einmal|Not added yet|Noch nicht/);
  });

  test("guard: a list on several lines is read line by line", { timeout: T }, async () => {
    const lines = draftLines(
      await chatAfter(hvacWorld, "H-2001", "für den Huber Kühlraum:\n2 Filtertrockner DML 083\n1 Schauglas SGN 10"),
    );
    expect(lines).toEqual([
      ["FD-DML-083", 2, "M-2001-01"],
      ["SG-SGN-10", 1, "M-2001-01"],
    ]);
  });
});

describe("a PO given while a question is open and the order empty is kept", () => {
  const cases: [() => World, string, string, string, string, string, [string, number, string]][] = [
    [
      demoWorld,
      "C-1001",
      "which mechanical seals fit pump 2?",
      "PO NB-26-1300",
      "NB-26-1300",
      "the carbon/ceramic EPDM one, 2 pcs",
      ["SE-MS28-CC-EPDM", 2, "M-1001-02"],
    ],
    [
      hvacWorld,
      "H-2001",
      "welche Filtertrockner passen in den Huber Kühlraum?",
      "unsere Bestellnummer ist PO KR-7781",
      "KR-7781",
      "2 vom DML 084",
      ["FD-DML-084", 2, "M-2001-01"],
    ],
  ];
  test.each(cases)("%#: %s → %s", { timeout: T }, async (world, customer, ask, po, ref, pick, line) => {
    const chat = await chatAfter(world, customer, ask);
    const noted = await chat.say(po);
    expect(noted.text).toContain(ref);
    expect(noted.text).not.toMatch(/I can help you|Ich kann Ihnen/);
    const picked = await chat.say(pick);
    expect(draftLines(chat)).toEqual([line]);
    expect(picked.thread.draft.poReference).toBe(ref);
  });
});

describe("assent to the one alternative offered takes it", () => {
  const mail = "the prox switch on Wrapper 5 is dead, label says SN-IND-M12-PNP-V1. can you quote 2 and order?";
  test.each([
    ["yes order please", "SN-IND-M12-PNP"],
    ["ja, bitte bestellen", "SN-IND-M12-PNP"],
    ["I know, order it anyway", "SN-IND-M12-PNP-V1"],
  ])("%s → %s", { timeout: T }, async (answer, sku) => {
    const chat = await chatAfter(automationWorld, "A-3006", mail, "stock?");
    await chat.say(answer);
    expect(draftLines(chat)).toEqual([[sku, 2, "M-3006-02"]]);
  });
});

describe("words of the line's own product choose no fix: the line is kept and checked again", () => {
  const cases: [() => World, string, string, string, RegExp, [string, number, string]][] = [
    [
      intralogisticsWorld,
      "L-8004",
      "truck 4 needs 2 tyres 18x7-8, black like the ones on it now",
      "thats what is fitted, put 2 black in please",
      /non-marking/,
      ["TYR-SE-18x7-8-BK", 2, "M-8004-01"],
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "2 Reifen 18x7-8 für Truck 4, schwarz wie die jetzigen",
      "die schwarzen, wie sie drauf sind, 2 Stück",
      /Spurlos/,
      ["TYR-SE-18x7-8-BK", 2, "M-8004-01"],
    ],
    [
      hvacWorld,
      "H-2005",
      "1 fan motor FM-AX500-400 for the MS Elbe chiller",
      "no, the 400 V 50 Hz one, like on the old motor plate",
      /does not match the unit's supply/,
      ["FM-AX500-400", 1, "M-2005-01"],
    ],
  ];
  test.each(cases)("%#: %s → %s", { timeout: T }, async (world, customer, order, keep, problem, line) => {
    const { text, lines } = await lastTurn(world, customer, order, keep);
    expect(lines).toEqual([line]);
    expect(text).toMatch(problem);
  });

  test("guard: a fix named by its own words is still taken", { timeout: T }, async () => {
    const lines = draftLines(
      await chatAfter(
        intralogisticsWorld,
        "L-8004",
        "truck 4 needs 2 tyres 18x7-8, black like the ones on it now",
        "ok then 2 of the grey non-marking ones",
      ),
    );
    expect(lines).toEqual([["TYR-SE-18x7-8-NM", 2, "M-8004-01"]]);
  });
});
