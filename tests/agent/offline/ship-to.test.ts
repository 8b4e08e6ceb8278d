/**
 * "Lieferung bitte nicht in die Werkstatt, sondern an Servicewagen 3": the buyer names one of the account's delivery
 * addresses (by label, street, postal code or city — also as a German compound of a label word), the consultant puts
 * it on the order, and the order the ERP receives goes there. What the buyer negates is not the address; an address
 * word in a sentence that is not about delivery ("for the Bremen retrofit") changes nothing. Found on hvac (a pasted
 * German position list); proven on automation, fluid power and power transmission.
 */
import { describe, expect, it } from "vitest";
import { namedShipTo, type ShipToView } from "../../../agent/models/offline/ship-to.ts";
import { automationWorld, Chat, draftLines, fluidWorld, powertransWorld } from "./helpers.ts";

const workshop: ShipToView = {
  shipToId: "ST-ES",
  label: "Workshop Esslingen",
  street: "Fabrikstraße 8",
  postalCode: "73728",
  city: "Esslingen",
  isDefault: true,
};
const van: ShipToView = {
  shipToId: "ST-VAN3",
  label: "Service van 3 (pick-up Stuttgart)",
  street: "Heilbronner Str. 190",
  postalCode: "70191",
  city: "Stuttgart",
};
const sameCity: ShipToView[] = [
  { shipToId: "ST-RO", label: "Plant Rosenheim, goods-in", city: "Rosenheim", isDefault: true },
  { shipToId: "ST-SVC", label: "Service department", city: "Rosenheim" },
];

describe("which delivery address a message names", () => {
  it.each([
    [
      "Lieferung bitte NICHT in die Werkstatt Esslingen, sondern an Servicewagen 3 zur Abholung in Stuttgart.",
      "ST-VAN3",
    ],
    ["please deliver to Stuttgart, not Esslingen", "ST-VAN3"],
    ["ship it to the workshop instead of the van", "ST-ES"],
    ["Anlieferung an PLZ 70191", "ST-VAN3"],
    ["statt an den Servicewagen 3 bitte nach Esslingen liefern", "ST-ES"],
    // A place's German adjective names it: "Stuttgarter", "Esslinger".
    ["Lieferung bitte an den Stuttgarter Servicewagen, nicht nach Esslingen", "ST-VAN3"],
    ["bitte an die Esslinger Werkstatt liefern", "ST-ES"],
  ])("%s → %s", (text, id) => {
    expect(namedShipTo(text, [workshop, van])).toBe(id);
  });

  it.each([
    ["For the Stuttgart job we need 2 driers", "no delivery word"],
    ["deliver as usual please", "no address named"],
    ["Lieferung bitte nicht nach Stuttgart", "only a negated address"],
  ])("%s → none (%s)", (text) => {
    expect(namedShipTo(text, [workshop, van])).toBeUndefined();
  });

  it("a city both addresses share tells neither apart; the label's own word does", () => {
    expect(namedShipTo("deliver to Rosenheim", sameCity)).toBeUndefined();
    expect(namedShipTo("bitte an die Serviceabteilung in Rosenheim liefern", sameCity)).toBe("ST-SVC");
  });

  it("an account with one address needs no choice", () => {
    expect(namedShipTo("deliver to Stuttgart", [van])).toBeUndefined();
  });
});

describe("the named address goes on the order the ERP receives", { timeout: 120_000 }, () => {
  it("automation (German): the service department instead of goods-in, confirmed and handed off", async () => {
    const w = automationWorld();
    const chat = new Chat(w, "A-3001");
    const first = await chat.say("3 Schütze CT-12-24DC für Line 3, bitte an die Serviceabteilung liefern");
    expect(first.text).toContain("Service department");
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBe("ST-3001-SVC");
    await chat.say("ja bestellen");
    await chat.confirm();
    const row = w.db.$client.prepare("SELECT ship_to_id AS id FROM orders WHERE thread_id = ?").get(chat.threadId) as
      | { id: string | null }
      | undefined;
    expect(row?.id).toBe("ST-3001-SVC");
  });

  it("fluid power (English): 'send it to the Krefeld plant, not Duisburg'", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("100 m hose 2SN DN12, the 50 m reels please. Send it to the Krefeld plant, not Duisburg.");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["HOSE-2SN-12-R50"]);
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBe("ST-4001-KR");
  });

  it("fluid power (German): 'Lieferung an das Krefelder Werk' — a place's adjective is the address, no product", async () => {
    const chat = new Chat(fluidWorld(), "F-4001");
    await chat.say("2 Stück FE-RF-160-10 bitte");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["FE-RF-160-10"]);
    const turn = await chat.say("Lieferung bitte an das Krefelder Werk, nicht nach Duisburg.");
    expect(turn.thread.draft.shipToId).toBe("ST-4001-KR");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["FE-RF-160-10"]);
  });

  it("power transmission: a city in a sentence about the job, not the delivery, leaves the default", async () => {
    const chat = new Chat(powertransWorld(), "T-7001");
    await chat.say("For the Bremen retrofit we need 2 gear motors GM-H50-110-I20 for Band 4");
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBeUndefined();
    await chat.say("and deliver them to the Bremen cross-dock please");
    expect(chat.turns.at(-1)!.thread.draft.shipToId).toBe("ST-7001-BR");
  });
});
