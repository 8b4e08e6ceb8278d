/**
 * Session 27a: a clause that only says where or when the goods go names no item.
 *
 * "fuer den blauen brauch ich 4 unterlenkerkugeln kat 3, 2 oberlenkerbolzen kat 3 und das 500 stunden wartungsset.
 * kommt alles nach cloppenburg auf den hof" lost the service kit without a word; "… und eine Tüte Abscherschrauben für
 * die Steinsicherung. Bitte nach Vechta in die Werkstatt liefern" put the shear bolts on the baler that stands in the
 * Vechta workshop (so the M10 bolts of the baler, not the plough's M12); "1 door glass for deck oven 2 and the door
 * seal set for deck oven 1. Please ship to Trondheim." asked which oven the glass is for and dropped the seal set. A
 * sentence after the last item of a list that is no item of its own was joined to that item as its description, and
 * its words — a town, "workshop", "asap" — were read as product words or as the place of another machine. A clause
 * with a delivery or timing word and no product word, machine name or earlier order (`logisticsOnly`) is now left
 * out where items, counts and machines are read; the address and the date are read from the whole message as before.
 *
 * 2. A count asked for one product is not taken from a message that asks for another: "does that season kit fit big
 *    red too?" ("How many do you need?"), then "and 2 boxes of the clockwise quick change blades for mower 1" added 2
 *    season kits; "passt das Türglas für Ofen 1?", then "und 4 Meter Türdichtung für Ofen 2" added 4 door glasses.
 *    Only a product named with confidence set the offer aside, and not even that when a word of the offered product's
 *    name was among the buyer's ("door seal" beside "door glass"). Words that name products of which the offered one
 *    is none, for another of the buyer's machines than the offer's, are a request of their own now (a question stays
 *    about the offer; "dann nehm mr den normale, 1 stück" names no machine and still answers it).
 */
import { describe, expect, test } from "vitest";
import { agripartsWorld, chatAfter, draftLines, foodtechWorld, intralogisticsWorld, type World } from "./helpers.ts";

const T = 120_000;

const lines = (rows: (string | number | null)[][]) => rows.map((l) => `${l[1]} ${l[0]} @${l[2]}`).sort();

describe("a delivery or timing sentence after a list names no item and no machine", () => {
  const cases: [() => World, string, string, string[]][] = [
    [
      agripartsWorld,
      "A-9001",
      "fuer den blauen brauch ich 2 oberlenkerbolzen kat 3 und das wartungsset. kommt alles nach cloppenburg auf den hof",
      ["1 KIT-TR6-500H @M-9001-06", "2 LPN-CAT3 @M-9001-06"],
    ],
    [
      agripartsWorld,
      "A-9001",
      "Für Pflug 5 brauchen wir 5 linke Schare und eine Tüte Abscherschrauben. Bitte nach Vechta in die Werkstatt liefern, nicht auf den Hof.",
      ["1 SHB-M12-10 @M-9001-05", "5 PSH-16-BO-L @M-9001-05"],
    ],
    [
      foodtechWorld,
      "C-7105",
      "1 door glass for deck oven 2 and the door seal set for deck oven 1. Please ship to Trondheim.",
      ["1 TD-EO480-SET @M-7105-01", "1 TG-EO480 @M-7105-02"],
    ],
    [
      foodtechWorld,
      "C-7105",
      "1 door glass for deck oven 2 and the door seal set for deck oven 1. Please ship asap.",
      ["1 TD-EO480-SET @M-7105-01", "1 TG-EO480 @M-7105-02"],
    ],
    [
      foodtechWorld,
      "C-7101",
      "Für Ofen 2 ein Türglas und für Ofen 1 den Türdichtungssatz. Bitte nach Ulm in die Backstube liefern.",
      ["1 TD-EO480-SET @M-7101-03", "1 TG-EO480 @M-7101-04"],
    ],
    [
      agripartsWorld,
      "A-9004",
      "For Big Red I need 20 pick-up tines and the season kit. Deliver everything to the Navan yard please.",
      ["1 KIT-RB155-SEASON @M-9004-01", "20 PUT-RB155-B @M-9004-01"],
    ],
  ];
  for (const [world, customer, text, want] of cases)
    test(text.slice(0, 90), { timeout: T }, async () => {
      expect(lines(draftLines(await chatAfter(world, customer, text)))).toEqual(want);
    });
});

describe("guards: the delivery sentence still sets the address, an item asked for with a delivery verb is still an item", () => {
  test("the address named in the delivery sentence goes on the order", { timeout: T }, async () => {
    const chat = await chatAfter(
      agripartsWorld,
      "A-9001",
      "Für Pflug 5 brauchen wir 5 linke Schare und eine Tüte Abscherschrauben. Bitte nach Vechta in die Werkstatt liefern, nicht auf den Hof.",
    );
    expect(chat.turns.at(-1)!.tools).toContain("set_order_details");
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBeTruthy();
  });
  test("'bitte den passenden Dichtsatz für den Hubzylinder schicken' asks for the seal kit", {
    timeout: T,
  }, async () => {
    const chat = await chatAfter(
      intralogisticsWorld,
      "L-8001",
      "Stapler 7 verliert Öl am Hubzylinder. Bitte den passenden Dichtsatz für den Hubzylinder schicken.",
    );
    expect(chat.turns.at(-1)!.text).toMatch(/Dichtsatz|SK-EF316/);
  });
});

describe("a count asked for one product is not taken from a message that asks for another", () => {
  const cases: [() => World, string, string, string, RegExp, string][] = [
    [
      agripartsWorld,
      "A-9004",
      "does the season kit fit big red?",
      "and 2 boxes of quick change blades for mower 1",
      /MBL-112-QC/,
      "KIT-RB155-SEASON",
    ],
    [
      agripartsWorld,
      "A-9001",
      "passt das KIT-RB155-SEASON auf Presse 3?",
      "und 2 Kartons Mähklingen 112 mm fürs Frontmähwerk",
      /MBL-112/,
      "KIT-RB155-SEASON",
    ],
    [
      foodtechWorld,
      "C-7105",
      "does the door glass fit deck oven 1?",
      "and 1 door seal for the proofer",
      /TD-GV12/,
      "TG-EO480",
    ],
    [
      foodtechWorld,
      "C-7101",
      "passt das Türglas für Ofen 1?",
      "und 4 Meter Türdichtung für Ofen 2",
      /TD-P/,
      "TG-EO480",
    ],
  ];
  for (const [world, customer, question, text, named, offered] of cases)
    test(`${question} → ${text}`, { timeout: T }, async () => {
      const chat = await chatAfter(world, customer, question, text);
      expect(chat.turns.at(-1)!.text).toMatch(named);
      expect(draftLines(chat).map((l) => l[0])).not.toContain(offered);
    });
  test("guard: a bare count still answers the question", { timeout: T }, async () => {
    expect(
      lines(draftLines(await chatAfter(foodtechWorld, "C-7105", "does the door glass fit deck oven 1?", "2 please"))),
    ).toEqual(["2 TG-EO480 @M-7105-01"]);
    expect(
      lines(draftLines(await chatAfter(foodtechWorld, "C-7101", "passt das Türglas für Ofen 1?", "2 Stück"))),
    ).toEqual(["2 TG-EO480 @M-7101-03"]);
  });
});
