/**
 * Buyer behaviours found by the voices6 conversations, each checked in other wordings, the other language and other
 * catalogs than the scenario that showed it: what the buyer would notice on the draft (its lines, PO reference) and
 * whether the order goes to the confirmation.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, fluidWorld, hvacWorld } from "./helpers.ts";

describe("a PO reference said with the go-ahead or with an edit goes on the order", () => {
  it("'ok, please make the order, our reference …' (hvac): the PO is set before the confirmation", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    await chat.say("2 sight glasses SGN 12 for the Edeka freezer");
    const t = await chat.say("ok, please place the order, our reference HB-0412");
    expect(t.thread.draft.poReference).toBe("HB-0412");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'Ja, bitte bestellen, Bestellnummer ist …' (fluid power, German)", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    await chat.say("2 Belüftungsfilter 3 µm mit Peilstab");
    const t = await chat.say("Ja, bitte bestellen. Unsere Bestellnummer ist KA-55-101.");
    expect(t.thread.draft.poReference).toBe("KA-55-101");
    expect(t.thread.pending?.type).toBe("confirm");
  });

  it("'make it 3, PO number …' (automation): the quantity and the PO", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("2 MCB C16 1-pole for Line 3");
    const t = await chat.say("make it 3, PO number BR-77-12");
    expect(draftLines(chat)).toEqual([["CB-C16-1P", 3, "M-3001-01"]]);
    expect(t.thread.draft.poReference).toBe("BR-77-12");
  });
});

describe("a counted property with its count word written apart chooses among candidates", () => {
  it.each([
    ["10 pcs MCB C16 single pole for Line 3", "CB-C16-1P", 10],
    ["4 MCB C16 three pole for Line 3", "CB-C16-3P", 4],
    ["4 Leitungsschutzschalter C16 drei Pole für Linie 3", "CB-C16-3P", 4],
  ])("%s", async (text, sku, quantity) => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say(text);
    expect(draftLines(chat)).toEqual([[sku, quantity, "M-3001-01"]]);
  });
});

describe("an order pasted from an e-mail: each listed line an item, remarks no items", () => {
  it("German positions with a comma inside an item and a delivery remark (fluid power)", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    const t = await chat.say(
      "Guten Tag,\nBestellung Nr. 77-KA-1:\nPos. 1: 3 Stk. Rücklauffilterelement RF 160, 10 µm, für IMM 9\n" +
        "Pos. 2: 1 Fass Hydrauliköl HLP 46, 208 L\n\nAnlieferung an Rampe 2, Mo–Fr 6–14 Uhr.\nGruß, Einkauf",
    );
    expect(draftLines(chat)).toEqual([
      ["FE-RF-160-10", 3, "M-4002-02"],
      ["OIL-HLP46-208", 1, "M-4002-02"],
    ]);
    expect(t.thread.draft.poReference).toBe("77-KA-1");
    expect(t.text).not.toContain("Rampe");
  });

  it("English 'pos. N:' lines with a note for the driver (automation)", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const t = await chat.say(
      "PO number: XX-1\npos. 1: 2 pcs DIN rail power supply 24 V DC 10 A\npos. 2: 1 box end stops for DIN rail\n" +
        "pos. 3: 6 pcs MCB C16 single pole\n\nDelivery to our assembly hall. Note for the driver: goods-in closes at 14:00.",
    );
    expect(draftLines(chat)).toEqual([
      ["PSU-24-10", 2, null],
      ["ACC-ENDSTOP-B50", 1, null],
      ["CB-C16-1P", 6, null],
    ]);
    expect(t.thread.draft.poReference).toBe("XX-1");
    expect(t.text).not.toContain("Not added yet");
  });

  it("numbered '1)' lines with the delivery hours on a line of their own (hvac)", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const t = await chat.say(
      'Order for the Edeka freezer, ref HB-77:\n1) 2 x filter drier DML 084, 1/2" flare\n2) 1 x sight glass SGN 12, flare\n' +
        "Delivery to gate 4, Mon-Fri 7-15.",
    );
    expect(draftLines(chat)).toEqual([
      ["FD-DML-084", 2, "M-2001-02"],
      ["SG-SGN-12", 1, "M-2001-02"],
    ]);
    expect(t.text).not.toContain("Not added yet");
  });
});

describe("a configured product described in words: the words of its option groups and labels, in either language", () => {
  const options = (chat: Chat) => chat.turns.at(-1)!.thread.draft.lines.map((l) => [l.sku, l.options]);

  it("'FrostLine-Verflüssigungssatz: Kältemittel R449A, Tiefkühlung, 400 Volt, …' is the condensing unit, not the refrigerant", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say(
      "Für die neue Zelle brauchen wir einen FrostLine-Verflüssigungssatz: Kältemittel R449A, Tiefkühlung, 400 Volt, " +
        "Außenaufstellung, mit Winterregelung und Fernüberwachungsmodul.",
    );
    expect(options(chat)).toEqual([
      [
        "CU-CFG",
        {
          refrigerant: ["R449A"],
          supply: ["400-3"],
          application: ["LT"],
          housing: ["outdoor"],
          extras: ["monitoring", "winter"],
        },
      ],
    ]);
  });

  it("both choices of a multi-choice group named in German ('mit STO und Bremschopper': STO in both languages)", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say(
      "1 Frequenzumrichter VX-Drive nach Konfiguration für die Linie 3: 1,5 kW, 400 V, IP55, Profinet, mit STO und Bremschopper",
    );
    const [sku, opts] = options(chat)[0]!;
    expect(sku).toBe("VFD-CFG");
    expect((opts as Record<string, string[]>).options?.sort()).toEqual(["brake", "sto"]);
  });

  it("a word that ends the labels of two values ('Aufstellung' of Innen-/Außenaufstellung) chooses neither", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say(
      "1 Verflüssigungssatz FrostLine nach Konfiguration: Kältemittel R449A, Tiefkühlung, Aufstellung auf dem Dach",
    );
    const [sku, opts] = options(chat)[0]!;
    expect(sku).toBe("CU-CFG");
    expect((opts as Record<string, string[]>).housing).toBeUndefined();
  });
  it("an option label's word in another inflection ('mit Schwenkzapfe', label 'Schwenkzapfen Mitte'), group words in the name", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say(
      "Hydraulikzylinder nach Mass für die Hot press: Baureihe CD250, Kolben 63, Stange 36, Hub 300, " +
        "Befestigung mit Schwenkzapfe, Dichtungen FKM. Was kostet das?",
    );
    await chat.say("gut, dann bestellen wir einen");
    const [sku, opts] = options(chat)[0]!;
    expect(sku).toBe("HZ-CFG");
    expect(opts).toMatchObject({
      series: ["CD250"],
      bore: ["63"],
      rod: ["36"],
      stroke: ["300"],
      mounting: ["trunnion"],
    });
  });
});

describe("an earlier order named by its reference is ordered again; the new PO is the other reference", () => {
  it("'repeat our PO KA-26-3110 for IMM 7, but 4 this time … new PO number …' (fluid power)", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    const t = await chat.say("Please repeat our PO KA-26-3110 for IMM 7, but 4 this time. New PO number: KA-26-4410.");
    expect(draftLines(chat)).toEqual([["FE-RF-160-10", 4, "M-4002-01"]]);
    expect(t.thread.draft.poReference).toBe("KA-26-4410");
  });

  it("'die gleichen Teile wie bei unserer Bestellung PK-25-0917, Bestellnummer …' (hvac, German, two lines)", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const t = await chat.say(
      "Bitte nochmal die gleichen Teile wie bei unserer Bestellung PK-25-0917. Unsere Bestellnummer ist PK-26-77.",
    );
    expect(draftLines(chat)).toEqual([
      ["FD-DML-084", 2, "M-2001-03"],
      ["PS-KP6W", 1, "M-2001-03"],
    ]);
    expect(t.thread.draft.poReference).toBe("PK-26-77");
  });

  it("'same as order SO-A-2026-0311 please' by the order's own number (automation)", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("same as order SO-A-2026-0311 please");
    expect(draftLines(chat)).toEqual([
      ["SN-IND-M12-PNP", 6, "M-3001-01"],
      ["CBL-M12-4P-5M", 6, null],
    ]);
  });
});

describe("a PO reused from an earlier order, with items of the buyer's own, is this order's PO", () => {
  it("'3 m hose 2SN DN12 and 1 bag of straight DN12 fittings 15L for Big Bertha, Bestellnr RP-4471' (fluid power)", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    const t = await chat.say(
      "3 m Schlauch 2SN DN12 und 1 Beutel Pressfittings DN12 gerade 15L für die Bertha, Bestellnr RP-4471",
    );
    expect(draftLines(chat)).toEqual([
      ["HOSE-2SN-12", 3, "M-4001-01"],
      ["FIT-P-12-M22", 1, "M-4001-01"],
    ]);
    expect(t.thread.draft.poReference).toBe("RP-4471");
  });
});

describe("numbers that are no count: a place of the buyer's machines, a signed value", () => {
  it("'fan on freezer 3 hall 2 is dead again.. need 1 new fan motor' orders one (hall 2 is where it stands)", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("fan on freezer 3 hall 2 is dead again.. need 1 new fan motor asap pls");
    expect(draftLines(chat)).toEqual([["FM-EC450-400", 1, "M-2006-01"]]);
  });

  it("'need a fan motor for freezer 3, room at -18' orders one, not eighteen", async () => {
    const chat = new Chat(hvacWorld(), "H-2006");
    await chat.say("need a fan motor for freezer 3, room at -18");
    expect(draftLines(chat)).toEqual([["FM-EC450-400", 1, "M-2006-01"]]);
  });
});

describe("a line restated without a machine is that line, not a second one", () => {
  it.each([
    [
      "fluid power, the line for Big Bertha",
      fluidWorld,
      "F-4001",
      "2 m Schlauch 2SN DN12 und 1 Beutel Pressfassungen 15L für Big Bertha",
      "die geraden dkol m22x1,5, 1 beutel",
      [
        ["HOSE-2SN-12", 2, "M-4001-01"],
        ["FIT-P-12-M22", 1, "M-4001-01"],
      ],
    ],
    [
      "hvac, the draft's machine",
      hvacWorld,
      "H-2001",
      "2 sight glasses SGN 12 for the Edeka freezer",
      "sight glass SGN 12, 2 pieces",
      [["SG-SGN-12", 2, "M-2001-02"]],
    ],
    [
      "automation, the draft's machine",
      automationWorld,
      "A-3001",
      "4 MCB C16 1-pole for Line 3",
      "the C16 single pole breakers, 4 pcs",
      [["CB-C16-1P", 4, "M-3001-01"]],
    ],
  ])("%s", async (_label, world, customer, first, second, lines) => {
    const chat = new Chat(world(), customer);
    await chat.say(first);
    await chat.say(second);
    expect(draftLines(chat)).toEqual(lines);
  });
});

describe("a side clause read as 'which machines do we have?' does not hijack an order for a named product", () => {
  it.each([
    [
      "automation",
      automationWorld,
      "A-3006",
      "6x SN-IND-M12-PNP for Wrapper 5 please. No cables, we have cordsets.",
      [["SN-IND-M12-PNP", 6, "M-3006-02"]],
    ],
    [
      "hvac",
      hvacWorld,
      "H-2001",
      "2 sight glasses SGN 12 for the Edeka freezer please. No gaskets, we have plenty.",
      [["SG-SGN-12", 2, "M-2001-02"]],
    ],
  ])("%s", async (_label, world, customer, text, lines) => {
    const chat = new Chat(world(), customer);
    await chat.say(text);
    expect(draftLines(chat)).toEqual(lines);
  });
});
