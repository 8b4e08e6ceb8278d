/**
 * Session 24 (lead), found by chatting with the product as a buyer who calls a machine what it is, not by its label.
 *
 * 1. "2 filter driers DML 083 for the cold room" (the buyer's machine is labelled "Huber cold room") asked which
 *    machine among the others; "for the freezer" ("Edeka freezer") listed every drier unchecked; "door gaskets for the
 *    cold room" put a cold-room controller on the order. The label's kind words without the name, adjective or number
 *    that tells one such machine from another — "the cold room", "die Kühltheke" of "Kühltheke Kruse", "den Enthärter"
 *    of "Enthärter Halle 2", "the flow wrapper" of "Line 2 flow wrapper", "den Kemper" of "der alte Kemper" — said as
 *    a definite thing (an article or a possessive before it) name that machine, unless a product word follows ("the
 *    cold room controller"). Said of two machines of one model ("die Formatsäge" with an old and a new one) they name
 *    both: the parts that fit that model are listed (before: a blade for the edge bander was put on the order).
 *
 * From voices24's visible transcripts (after its one-shot):
 * 2. To the fixes offered for a flagged line, the buyer who insists on what is there — "black is cheaper and we always
 *    had black, just put them in", "put them in anyway", "keep the 400 V ones, we always had those", "die schwarzen
 *    trotzdem, die hatten wir immer" — got a switch to a black tyre of another size (the cheaper fix, or the first
 *    whose name carries "black"), or "not sure what you mean". Insisting keeps the line as it is and checks it again
 *    (the engine says again what stands against it); the buyer's next pick ("the grey non-marking ones then") takes
 *    the fix of the same size.
 * 3. "the 28 mm EPDM one", "die Gehäusedichtung NCP 32" — a product named by a definite reference, with no count and
 *    no word of addition, while it is on the order — put a second line of 1 on the order. It points at the line: the
 *    answer says which line it is and asks whether to place the order; "… too", "noch eine …" still add.
 * 4. "actually 3 cartons, the big kitchen job starts monday" set the requested date and dropped the 3: a count for the
 *    line in focus said with a date changes the line, and the date goes on the order with it.
 * 5. While a configured line's choices are asked, "add 1 pack of calibrated underlay sheets", "add 2 auxiliary contact
 *    blocks as well" — another product named outright with a count of its own — was read as the configured line's
 *    extra ("with calibrated underlay", "auxiliary contacts") and nothing was added. It is a product of its own: it
 *    goes on the order and the choices are still asked; the extra said without a count of its own is still the extra.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  demoWorld,
  draftLines,
  foodtechWorld,
  hvacWorld,
  intralogisticsWorld,
  chatAfter,
  lastTurn,
  packagingWorld,
  printingWorld,
  watertreatWorld,
  weldingWorld,
  woodworkWorld,
  type World,
} from "./helpers.ts";

const T = 90_000;
const ASKS_MACHINE = /which machine|welche Maschine/i;

describe("a machine named by its label's kind words", () => {
  // [world, customer, the request, the machine's label the answer is for, its id]
  const cases: [() => World, string, string, string, string][] = [
    [hvacWorld, "H-2001", "2 filter driers DML 083 for the cold room", "Huber cold room", "M-2001-01"],
    [hvacWorld, "H-2001", "I need 2 filter driers for the freezer", "Edeka freezer", "M-2001-02"],
    [hvacWorld, "H-2001", "door gaskets for the cold room", "Huber cold room", "M-2001-01"],
    [hvacWorld, "H-2003", "wir brauchen einen neuen Lüftermotor für die Kühltheke", "Kühltheke Kruse", "M-2003-03"],
    [watertreatWorld, "W-8104", "Harz für den Enthärter, was passt?", "Enthärter Halle 2", "M-8104-02"],
    [packagingWorld, "PK-2104", "sealing jaws for the flow wrapper please", "Line 2 flow wrapper", "M-2104-01"],
    [weldingWorld, "WD-4105", "contact tips for the arcwell, 1 pack", "Blue Arcwell", "M-4105-01"],
    [foodtechWorld, "C-7101", "Knethaken für den Kemper", "der alte Kemper", "M-7101-01"],
  ];
  for (const [world, customer, say, label, machineId] of cases)
    test(`${customer}: "${say}" is for ${label}`, { timeout: T }, async () => {
      const t = await lastTurn(world, customer, say);
      expect(t.text).toContain(label);
      expect(t.text).not.toMatch(ASKS_MACHINE);
      // Nothing for another machine, and nothing the machine's words alone found went on the order.
      for (const [, , on] of t.lines) expect(on).toBe(machineId);
    });

  test("two machines of one model called alike: the parts for that model are listed, none for another machine", {
    timeout: T,
  }, async () => {
    const t = await lastTurn(woodworkWorld, "WW-3101", "Sägeblatt für die Formatsäge, 2 Stück");
    expect(t.lines).toEqual([]);
    expect(t.text).toMatch(/Kreissägeblatt/);
  });

  test("guard: a product named with the machine's words is that product, for no machine", { timeout: T }, async () => {
    const t = await lastTurn(hvacWorld, "H-2001", "I need the cold room controller EKC 202");
    expect(t.lines).toEqual([["CTR-EKC202", 1, null]]);
  });

  test("guard: the kind words without an article name no machine", { timeout: T }, async () => {
    const t = await lastTurn(hvacWorld, "H-2001", "price of a cold room controller EKC 202?");
    expect(t.text).not.toContain("Huber cold room");
  });
});

describe("insisting on a flagged line keeps it as it is", () => {
  // [world, customer, the order that is flagged, the insisting reply, the line kept]
  const cases: [() => World, string, string, string, [string, number, string]][] = [
    [
      intralogisticsWorld,
      "L-8004",
      "need 4 superelastic tyres 18x7-8 black for Truck 4",
      "black is cheaper and we always had black, just put them in",
      ["TYR-SE-18x7-8-BK", 4, "M-8004-01"],
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "need 4 superelastic tyres 18x7-8 black for Truck 4",
      "put them in anyway",
      ["TYR-SE-18x7-8-BK", 4, "M-8004-01"],
    ],
    [
      intralogisticsWorld,
      "L-8004",
      "4 Superelastikreifen 18x7-8 schwarz für Truck 4",
      "die schwarzen trotzdem, die hatten wir immer",
      ["TYR-SE-18x7-8-BK", 4, "M-8004-01"],
    ],
    [
      hvacWorld,
      "H-2005",
      "2 axial fan motors 500 mm 400 V for the MS Elbe chiller please",
      "keep the 400 V ones, we always had those",
      ["FM-AX500-400", 2, "M-2005-01"],
    ],
    [
      agripartsWorld,
      "A-9004",
      "2 rolls of the 1.40 m net wrap for Big Red please",
      "just put the 1.40 in, we always used it",
      ["NET-140-3000", 2, "M-9004-01"],
    ],
  ];
  for (const [world, customer, order, insist, line] of cases)
    test(`${customer}: "${insist}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, order, insist);
      expect(draftLines(chat)).toEqual([line]);
      // The engine's objection is said again: nothing is placed behind the buyer's back.
      expect(chat.turns.at(-1)!.text).toContain("⚠");
    });

  test("then the fix named by words: the one of the line's size", { timeout: T }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8004",
      "need 4 superelastic tyres 18x7-8 black for Truck 4",
      "black is cheaper and we always had black, just put them in",
      "fine, the grey non-marking ones then",
    );
    expect(draftLines(chat)).toEqual([["TYR-SE-18x7-8-NM", 4, "M-8004-01"]]);
  });
});

describe("a product on the order named by a definite reference points at its line", () => {
  const cases: [() => World, string, string, string, [string, number, string][]][] = [
    [
      demoWorld,
      "C-1001",
      "hi, need 2 mechanical seals for pump 2 in hall B, the carbon/ceramic EPDM ones, and 2 casing gaskets for the same pump",
      "the 28 mm EPDM one",
      [
        ["SE-MS28-CC-EPDM", 2, "M-1001-02"],
        ["SE-CG-NCP32", 2, "M-1001-02"],
      ],
    ],
    [
      demoWorld,
      "C-1001",
      "2 Gehäusedichtungen NCP 32 für Pumpe 2",
      "die Gehäusedichtung NCP 32",
      [["SE-CG-NCP32", 2, "M-1001-02"]],
    ],
    [
      hvacWorld,
      "H-2001",
      "2 filter driers DML 083 for the Huber cold room",
      "ok the DML 083",
      [["FD-DML-083", 2, "M-2001-01"]],
    ],
  ];
  for (const [world, customer, order, point, lines] of cases)
    test(`${customer}: "${point}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, order, point);
      expect(draftLines(chat)).toEqual(lines);
      expect(chat.turns.at(-1)!.text).toMatch(/L\d/);
    });

  test("guard: a word of addition still adds it", { timeout: T }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1001",
      "2 casing gaskets NCP 32 for pump 2",
      "the casing gasket NCP 32 too",
    );
    expect(draftLines(chat)).toHaveLength(2);
  });
});

describe("a count for the line said with a date: both", () => {
  const cases: [() => World, string, string, string, [string, number, string], string][] = [
    [
      woodworkWorld,
      "WW-3106",
      "hi, 8 PUR glue cartridges 2 kg for the Kantix",
      "actually 3 cartons, the big kitchen job starts monday",
      ["LM-PUR-N-2KP", 3, "M-3106-02"],
      "2026-12-07",
    ],
    [
      hvacWorld,
      "H-2001",
      "2 filter driers DML 083 for the Huber cold room",
      "make it 3, we need them by friday",
      ["FD-DML-083", 3, "M-2001-01"],
      "2026-12-04",
    ],
    [
      hvacWorld,
      "H-2001",
      "2 Filtertrockner DML 083 für den Huber Kühlraum",
      "doch 4 Stück, bis Freitag bitte",
      ["FD-DML-083", 4, "M-2001-01"],
      "2026-12-04",
    ],
  ];
  for (const [world, customer, order, change, line, date] of cases)
    test(`${customer}: "${change}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, order, change);
      expect(draftLines(chat)).toEqual([line]);
      expect(chat.turns.at(-1)!.thread.draft.requestedDate).toBe(date);
    });
});

describe("a product named outright with its own count while a configured line's choices are asked", () => {
  const cases: [() => World, string, string, string, string][] = [
    [
      printingWorld,
      "PR-4105",
      "1 blanket made to measure for Big Heidi",
      "add 1 pack of calibrated underlay sheets for the same press",
      "UL-",
    ],
    [
      printingWorld,
      "PR-4105",
      "1 Gummituch nach Maß für Big Heidi",
      "dazu noch 1 Pack kalibrierte Unterlagebogen",
      "UL-",
    ],
    [
      automationWorld,
      "A-3006",
      "1 motor starter combination MSC configured",
      "add 2 auxiliary contact blocks as well",
      "ACC-AUX-11",
    ],
  ];
  for (const [world, customer, order, add, sku] of cases)
    test(`${customer}: "${add}"`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, order, add);
      const lines = draftLines(chat);
      expect(lines).toHaveLength(2);
      expect(String(lines[1]![0])).toContain(sku);
      // The configured line's choices are as the request left them (none taken from the message; a value the
      // machine's model names may be set with the request).
      expect(chat.turns.at(-1)!.thread.draft.lines[0]!.options ?? {}).toEqual(
        chat.turns[0]!.thread.draft.lines[0]!.options ?? {},
      );
    });
  test("guard: the extra said among the choices is still the extra", { timeout: T }, async () => {
    const chat = await chatAfter(
      automationWorld,
      "A-3006",
      "1 motor starter combination MSC configured",
      "S9, 24 V DC, 4-6.3 A, with auxiliary contacts",
    );
    expect(draftLines(chat)).toHaveLength(1);
    expect(JSON.stringify(chat.turns.at(-1)!.thread.draft.lines[0]!.options)).toMatch(/aux/i);
  });
});
