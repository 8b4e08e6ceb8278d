/**
 * "eine neue Batterie, 24 Volt 375 Ah": a buyer who names the kind of product and states values that a ready-made
 * product of that kind carries gets that product (in stock, no build time), not the configure-to-order one with those
 * options — unless a value has no ready-made counterpart (a fieldbus option) or the buyer names the build ("nach Maß").
 * Found on the intralogistics catalog (written after the consultant, by an outside author); proven on automation. The
 * automation cases fail on the old code; the intralogistics ones are guards (they pass since the session-8 merges read
 * the battery's values, yet the whole conversation il-reinraum-ameise-battery-credit-rep-approves-austrian failed).
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, draftLines, intralogisticsWorld } from "./helpers.ts";

describe("a ready-made product over a build to order", { timeout: 120_000 }, () => {
  it("automation: 'Frequenzumrichter 4 kW, 3x400 V' is the stocked 4 kW drive", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("Wir brauchen einen Frequenzumrichter 4 kW, 3~ 400 V für das Palletiser");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["VFD-4.0-400"]);
  });

  it("automation: a value no ready-made drive has (PROFINET) keeps the configuration", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("a frequency inverter 4 kW 400 V 3-phase with PROFINET for the Palletiser");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["VFD-CFG"]);
  });

  it("intralogistics: 'a new battery, 24 V 375 Ah' is the ready-made battery", async () => {
    const chat = new Chat(intralogisticsWorld(), "L-8003");
    await chat.say("we need a new battery for the Reinraum-Ameise, 24 V 375 Ah");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["BAT-24-375-PT"]);
  });

  it("automation: 'a frequency inverter 4 kW 400 V three phase' in English is the stocked drive", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    await chat.say("need a frequency inverter 4 kW 400 V three phase for the Palletiser");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["VFD-4.0-400"]);
  });

  it("intralogistics: 'eine neue Batterie, 24 Volt 375 Ah' in German is the ready-made battery", async () => {
    const chat = new Chat(intralogisticsWorld(), "L-8003");
    await chat.say("Wir brauchen eine neue Batterie für die Reinraum-Ameise, 24 Volt, 375 Ah");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["BAT-24-375-PT"]);
  });

  it("intralogistics: 'Batterie nach Maß' names the build", async () => {
    const chat = new Chat(intralogisticsWorld(), "L-8003");
    await chat.say("bitte 1 Batterie nach Maß für die Reinraum-Ameise, 24 Volt 375 Ah");
    expect(draftLines(chat).map(([sku]) => sku)).toEqual(["BAT-CFG"]);
  });
});
