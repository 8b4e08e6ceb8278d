/**
 * Session 32 (helper P), a class of phrasing ordinary buyers share:
 * - An item of a list said "like last time" ("… und Pressfassungen M22 wie beim letzten Mal", "… and the high-pressure
 *   switch like last time", "und das Kreissägeblatt wie letztes Mal") is the line of the last order that holds the
 *   product its words name — with the count it had there, unless the message counts it. The words that name the last
 *   order are no words of the item: "the high-pressure switch like last time" is an item of its own by its definite
 *   article. Before, the item was joined to the one before it or lost (only the first product of the history was taken),
 *   and a counted item beside it whose words left several products open lost its count to the history or went unread.
 * - A sentence after a list that asks about an earlier item by a word of what it is ("2 mechanical seals and 2 casing
 *   gaskets. Which seal fits? Maintenance says carbon ceramic EPDM.") describes that item, and the sentence after it
 *   goes with it. Before, both were joined to the last item ("2 casing gaskets"), which was then read as a seal.
 * Guards: "same as last time" alone is the last order; "the same X as last time …, 2 pcs - the red ones" is one line; an item beside it that no earlier order holds is read as before;
 * a list without "last time" is read as before.
 */
import { describe, expect, test } from "vitest";
import {
  agripartsWorld,
  chatAfter,
  demoWorld,
  draftLines,
  fluidWorld,
  hvacWorld,
  powertransWorld,
  sorted,
  woodworkWorld,
} from "./helpers.ts";

const T = 60_000;

describe("an item of a list said 'like last time' is the last order's line of its product", () => {
  test("F-4001: '1 Rolle Hydraulikschlauch … und Pressfassungen M22 wie beim letzten Mal'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "Hallo, für die Big Bertha bräucht ich 1 Rolle Hydraulikschlauch 2SN DN12 und Pressfassungen M22 wie beim letzten Mal",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 FIT-P-12-M22", "1 HOSE-2SN-12-R50"]);
  });
  test("A-9001: '4 Rollen Netz 1,23 x 3600 und Bindegarn wie beim letzten Mal'", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9001",
      "Für Presse 2 brauch ich 4 Rollen Netz 1,23 x 3600 und Bindegarn wie beim letzten Mal",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 TWN-130-P2", "4 NET-123-3600"]);
  });
  test("A-9001: '… and the baler twine same as last time' takes the count it had", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9001",
      "for Presse 2 I need 4 rolls of net wrap 1.23 and the baler twine same as last time",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 TWN-130-P2", "4 NET-123-3600"]);
  });
  test("H-2001: '2 filter driers … and the high-pressure switch like last time'", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 filter driers DML 084 for the roof chiller and the high-pressure switch like last time",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 PS-KP6W", "2 FD-DML-084"]);
  });
  test("WW-3101: '3 Vorritzsägeblätter und das Kreissägeblatt wie letztes Mal'", { timeout: T }, async () => {
    const chat = await chatAfter(
      woodworkWorld,
      "WW-3101",
      "Für die Alte Formatsäge 3 Vorritzsägeblätter und das Kreissägeblatt wie letztes Mal",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 KS-300-30-96FT", "3 VR-120-20-24K"]);
  });
});

describe("guards", () => {
  test("H-2001: 'same as last time please' is the last order", { timeout: T }, async () => {
    const chat = await chatAfter(hvacWorld, "H-2001", "same as last time please");
    expect(sorted(draftLines(chat))).toEqual(["1 FD-DML-084", "2 REF-R449A-10"]);
  });
  test("H-2001: an item no earlier order holds, 'like last time', is read as said", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 filter driers DML 084 for the roof chiller and a sight glass SGN 10 like last time",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 SG-SGN-10", "2 FD-DML-084"]);
  });
  test("H-2001: the same list without 'last time'", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "2 filter driers DML 084 for the roof chiller and the high-pressure switch",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 PS-KP6W", "2 FD-DML-084"]);
  });
  test("T-7004: 'the same spyders as last time for Schnecke 1, 2 pcs - the red ones' is one line", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      powertransWorld,
      "T-7004",
      "need the same spyders as last time for Schnecke 1, 2 pcs - the red 98 shore ones",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 SPD-28-98A"]);
  });
  test("A-9001: 'same baler twine as last time for Presse 2, 3 packs - the 130 m/kg one'", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9001",
      "same baler twine as last time for Presse 2, 3 packs - the 130 m/kg one",
    );
    expect(sorted(draftLines(chat))).toEqual(["3 TWN-130-P2"]);
  });
  test("F-4001: '12 m hose … and the crimp fittings M22 as last time'", { timeout: T }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "for Big Bertha 12 m hose 2SN DN12 and the crimp fittings M22 as last time",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 FIT-P-12-M22", "12 HOSE-2SN-12"]);
  });
});

describe("a sentence that asks about an earlier item by its word describes that item, not the one before it", () => {
  test("C-1003: '2 mechanical seals and 2 casing gaskets. Which seal fits? … carbon ceramic EPDM.'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1003",
      "For Pump 4 we need 2 mechanical seals and 2 casing gaskets. Which seal fits? Maintenance says carbon ceramic EPDM.",
    );
    expect(sorted(draftLines(chat))).toEqual(["2 SE-CG-NCP40", "2 SE-MS28-CC-EPDM"]);
  });
  test("C-1003: '2 Gleitringdichtungen und 2 Gehäusedichtungen. Welche Gleitringdichtung …? … Kohle/Keramik EPDM.'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      demoWorld,
      "C-1003",
      "Für Pumpe 4 brauchen wir 2 Gleitringdichtungen und 2 Gehäusedichtungen. Welche Gleitringdichtung ist die richtige? Die Instandhaltung sagt Kohle/Keramik EPDM.",
    );
    expect(sorted(draftLines(chat))).toContain("2 SE-MS28-CC-EPDM");
  });
  test("F-4001: '2 Rücklauffilterelemente und einen Belüftungsfilter. Welches Rücklauffilterelement …? RF 330 mit 10 µm.'", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      fluidWorld,
      "F-4001",
      "Für die Big Bertha brauchen wir 2 Rücklauffilterelemente und einen Belüftungsfilter. Welches Rücklauffilterelement ist das richtige? Es soll RF 330 mit 10 µm sein.",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 BF-AIR-3", "2 FE-RF-330-10"]);
  });
  test("guard H-2001: a sentence that names no earlier item describes the one before", { timeout: T }, async () => {
    const chat = await chatAfter(
      hvacWorld,
      "H-2001",
      "For the roof chiller we need 2 filter driers and 1 sight glass with moisture indicator. Which drier is the right one? The fitter says 1/2 inch flare, 46 bar.",
    );
    expect(sorted(draftLines(chat))).toEqual(["1 SG-SGN-12", "2 FD-DML-084"]);
  });
});
