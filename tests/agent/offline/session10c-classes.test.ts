/**
 * Buyer classes closed by gen10c in session 10 (from the voices10 failures), each played in phrasings that are not the
 * scenarios' and on more than one catalog; every case failed on the code before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import {
  agripartsWorld,
  automationWorld,
  Chat,
  demoWorld,
  draftLines,
  fluidWorld,
  hvacWorld,
  intralogisticsWorld,
  powertransWorld,
  type World,
} from "./helpers.ts";

const OTHER_ACCOUNT = /only order for your own company account|nur für Ihr eigenes Firmenkonto/;

describe("the buyer naming their own company is not ordering for another account", () => {
  for (const [world, customer, text, sku] of [
    [
      demoWorld,
      "C-1006",
      "Grüß Gott, Huber von der Alpen Molkerei. Wir brauchen 2 SE-MS28-CC-EPDM.",
      "SE-MS28-CC-EPDM",
    ],
    [
      demoWorld,
      "C-1001",
      "Good morning, Meyer of Nordsee Brauerei. For pump 2 please 2 SE-MS28-CC-EPDM.",
      "SE-MS28-CC-EPDM",
    ],
  ] as const)
    it(`"${text}" (${customer}) is served without a refusal`, async () => {
      const chat = new Chat(world(), customer);
      const turn = await chat.say(text);
      expect(turn.text).not.toMatch(OTHER_ACCOUNT);
      // The request is served: added, or the machine it is for asked.
      expect(turn.text).toContain(sku);
    });

  it("guard: naming the own company beside another customer's account is still refused", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    const turn = await chat.say(
      "Hier ist Meyer von der Nordsee Brauerei, bestellen Sie 2 SE-MS28-CC-EPDM für Kunde C-1002",
    );
    expect(turn.text).toMatch(OTHER_ACCOUNT);
  });
});

describe("a number that is how long, or what a class or series is called, is not how many", () => {
  for (const [world, customer, text, sku] of [
    [
      hvacWorld,
      "H-2002",
      "Der Lüftermotor in der Eistheke ist nach 8 Jahren hinüber, ich brauch den FM-SP10-230 neu.",
      "FM-SP10-230",
    ],
    [
      demoWorld,
      "C-1001",
      "Our old pump on the hot water line died after 12 years. We want a configured NCP pump: 400 V, 4 kW, FKM seal, no ATEX.",
      "PU-NCP-CFG",
    ],
    [
      agripartsWorld,
      "A-9002",
      "Für de Hansi en hydraulische Oberlenker nach Mass, Kategorie 3, 80er Zylinder, 280 Hub",
      "TLK-CFG",
    ],
  ] as const)
    it(`"${text}" orders one ${sku}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([[sku, 1]]);
    });

  for (const [world, customer, text] of [
    [
      intralogisticsWorld,
      "L-8004",
      "Truck 4 has been leaking for 3 weeks now, please send the seal kit for the lift cylinder",
    ],
    [powertransWorld, "T-7002", "Am Absauggebläse sind seit 2 Wochen die Lager laut, bitte BRG-6308-2RS"],
  ] as const)
    it(`"${text}" puts nothing on the order as many as the weeks`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(text);
      expect(draftLines(chat).filter(([, q]) => q === 3 || q === 2)).toEqual([]);
    });

  it("guard: 'same type, 1 piece' is one piece", async () => {
    const chat = new Chat(fluidWorld(), "F-4002");
    const turn = await chat.say(
      "the pump from IMM 7 is broken, we need new pump same type, 1 piece. you can send fast?",
    );
    expect(turn.text).toMatch(/^1 × /m);
  });
});

describe("a reorder by the month of the earlier order takes that order's lines, with the count it changes", () => {
  it("'same as in March …, but 8 instead of 6' (English-only words of a German buyer's catalog)", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("Hi, same as in March for line 3 please, the sensors and their cables, but 8 instead of 6.");
    expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([
      ["SN-IND-M12-PNP", 8],
      ["CBL-M12-4P-5M", 8],
    ]);
  });

  it("'same as in May … but 3 bearings instead of 2': the whole May order, the bearings changed", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say("Same as in May 2025 for pump 2 please, but 3 bearings instead of 2");
    expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([
      ["SE-MS28-CC-EPDM", 1],
      ["SP-BRG-6306-2Z", 3],
      ["AC-PT-0-16-420", 1],
      ["AC-CBL-M12-5M", 1],
    ]);
  });

  it("an item of a list 'wie im April' is that month's line for the machine", async () => {
    const chat = new Chat(demoWorld(), "C-1001");
    await chat.say(
      "Für die Pumpe 1 bitte nochmal die Dichtungen wie im April, 2 Stück, und 6 Kartuschen Lebensmittelfett.",
    );
    expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([
      ["SE-MS24-CC-EPDM", 2],
      ["CO-FOODGREASE-400G", 6],
    ]);
  });

  // Lost in the session-10 merge; served again since session 11: "gleich" is a filler word (before, it searched as a
  // product word and found another belt).
  it("a list item reordered 'like last time, but three instead of two'", async () => {
    const chat = new Chat(powertransWorld(), "T-7002");
    await chat.say(
      "Am Absauggebläse sind die Lager kaputt, wir brauchen 2 Stück 6308 2RS. Und noch Keilriemen SPZ 1400, gleich wie letztes Mal, aber drei statt zwei.",
    );
    expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([
      ["BRG-6308-2RS", 2],
      ["VB-SPZ-1400", 3],
    ]);
  });
});

describe("'for the same machine' is the machine of the order's lines", () => {
  for (const [world, customer, first, then, sku, machine] of [
    [
      fluidWorld,
      "F-4003",
      "tray sealer 2: 4 pcs PV-52-24DC and 25 m PU-TUBE-08",
      "also add 2 ISO cylinders bore 50 stroke 200 for the same machine please",
      "PC-ISO-50-200",
      "M-4003-02",
    ],
    [
      powertransWorld,
      "T-7002",
      "2 BRG-6308-2RS fürs Absauggebläse",
      "und noch 2 Keilriemen SPZ 1400 für die gleiche Maschine",
      "VB-SPZ-1400",
      "M-7002-03",
    ],
    [
      hvacWorld,
      "H-2001",
      "6 FD-DML-083 für die Huber Kühlzelle",
      "dazu 2 Schaugläser SGN 10 für dieselbe Anlage",
      "SG-SGN-10",
      "M-2001-01",
    ],
  ] as const)
    it(`"${then}" adds ${sku} for ${machine} without asking which machine`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      const turn = await chat.say(then);
      expect(turn.text).not.toMatch(/Which machine|Für welche Maschine/);
      expect(draftLines(chat).find(([s]) => s === sku)).toEqual([sku, 2, machine]);
    });
});

describe("a corrected count that keeps the rest of the order asks for nothing else", () => {
  for (const [world, customer, first, then, expected] of [
    [
      hvacWorld,
      "H-2001",
      "Für die Huber Kühlzelle 6x FD-DML-083 und 2 SG-SGN-10",
      "ah moment, wir brauchen 8 Trockner nicht 6, rest bleibt wie gehabt",
      [
        ["FD-DML-083", 8],
        ["SG-SGN-10", 2],
      ],
    ],
    [
      powertransWorld,
      "T-7002",
      "2 BRG-6308-2RS und 2 VB-SPZ-1400 fürs Absauggebläse",
      "sorry, 3 belts instead of 2, everything else as is",
      [
        ["BRG-6308-2RS", 2],
        ["VB-SPZ-1400", 3],
      ],
    ],
  ] as const)
    it(`"${then}" changes one line and adds nothing from earlier orders`, async () => {
      const chat = new Chat((world as () => World)(), customer);
      await chat.say(first);
      await chat.say(then);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual(expected);
    });
});

describe("'N of those X' about a line of the order is that line's new count (the minimum order value met in words)", () => {
  for (const [world, customer, first, then, sku, n] of [
    [
      hvacWorld,
      "H-2002",
      "I need the FM-SP10-230 for the ice cream counter.",
      "Oh, a minimum order value? Fine, then I will take two of those motors, one as a spare.",
      "FM-SP10-230",
      2,
    ],
    [fluidWorld, "F-4003", "2 PV-52-24DC for tray sealer 2", "ok then take 4 of those valves", "PV-52-24DC", 4],
    [intralogisticsWorld, "L-8004", "4 TYR-SE-18x7-8-NM for Truck 4", "make it 6 of the tyres", "TYR-SE-18x7-8-NM", 6],
  ] as const)
    it(`"${then}" makes ${n} × ${sku}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      await chat.say(then);
      expect(draftLines(chat).map(([s, q]) => [s, q])).toEqual([[sku, n]]);
    });

  it("guard: '2 of the V-belts SPZ 1400' is a new product, not the bearings' count", async () => {
    const chat = new Chat(powertransWorld(), "T-7002");
    await chat.say("1 BRG-6308-2RS fürs Absauggebläse");
    await chat.say("and 2 of the V-belts SPZ 1400");
    expect(draftLines(chat).find(([s]) => s === "BRG-6308-2RS")?.[1]).toBe(1);
  });
});

describe("a delivery question about the order offers nothing from earlier orders or from words that resemble a name", () => {
  for (const [world, customer, first, then, line, other] of [
    [
      hvacWorld,
      "H-2003",
      "1 CMP-SZ45-400 for TK-Zelle Kruse",
      "how fast can you deliver to Kiel? the bakery needs the cold room before christmas",
      "CMP-SZ45-400",
      "CTR-EKC202",
    ],
    [
      powertransWorld,
      "T-7002",
      "2 BRG-6308-2RS fürs Absauggebläse",
      "wann ist das da? wir brauchen es vor Weihnachten",
      "BRG-6308-2RS",
      "SP-08B2-Z19-PB",
    ],
  ] as const)
    it(`"${then}" answers for ${line}`, async () => {
      const chat = new Chat(world(), customer);
      await chat.say(first);
      const turn = await chat.say(then);
      expect(turn.text).toContain(line);
      expect(turn.text).not.toContain(other);
      expect(turn.tools).not.toContain("get_order_history");
    });
});
