/**
 * "Fett", "Kabel bitte": a German buyer names the kind of thing; the catalog's names are compounds of it
 * ("Wälzlagerfett", "Leistungskabel"). The search finds them (by keywords and compound parts), and the list the
 * consultant shows keeps them — not only the few products that carry the bare word in a longer name (a service kit
 * "(…, Fett)", a level probe "…, 10 m Kabel"). Power transmission and automation.
 */
import { describe, expect, it } from "vitest";
import { automationWorld, Chat, powertransWorld } from "./helpers.ts";

const listed = (text: string) => [...text.matchAll(/^\d+\) (\S+) — /gmu)].map((m) => m[1]!);

describe("a kind of product named by the head of the catalog's compounds", { timeout: 120_000 }, () => {
  it("power transmission: 'Fett' lists greases, not only the kits that contain grease", async () => {
    const chat = new Chat(powertransWorld(), "T-7003");
    const t = await chat.say("1 Kartusche Fett bitte");
    const skus = listed(t.text);
    expect(skus.filter((s) => s.startsWith("LUB-")).length).toBeGreaterThanOrEqual(2);
  });

  it("automation: 'Kabel bitte' lists cables, not a level probe that comes with a cable", async () => {
    const chat = new Chat(automationWorld(), "A-3001");
    const t = await chat.say("Kabel bitte");
    const skus = listed(t.text);
    expect(skus.filter((s) => s.startsWith("CBL-")).length).toBeGreaterThanOrEqual(2);
  });
});
