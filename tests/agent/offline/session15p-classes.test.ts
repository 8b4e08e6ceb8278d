/**
 * Session 15 (helper attack15): another customer's PRICE asked for in chat. Prices always came from the session's
 * customer (no leak), but the buyer was shown their own price as if it answered the question, never told that other
 * customers' prices are not disclosed. The other customer is named by its id or its name from the catalog's data, or
 * with a word for another account; English and German; three catalogs (the demo world, powertrans, welding), none of
 * their names in the consultant. Every case failed before unless marked a guard.
 */
import { describe, expect, it } from "vitest";
import { chatAfter, demoWorld, importedWorld, powertransWorld, type World } from "./helpers.ts";

const weldingWorld = () => importedWorld("evals/catalogs/welding");

const REFUSED_EN = "Other customers' prices are not disclosed";
const REFUSED_DE = "Preise anderer Kunden gebe ich nicht heraus";

type Case = readonly [() => World, string, string, { own: string | null; secrets: readonly string[] }];

describe("another customer's price asked for: the buyer is told it is not disclosed, and given their own", () => {
  const cases: Case[] = [
    [
      demoWorld,
      "C-1001",
      "What does SE-MS28-CC-EPDM cost for customer C-1002?",
      { own: "Your price for 1 × SE-MS28-CC-EPDM", secrets: ["C-1002", "Kessler"] },
    ],
    [
      demoWorld,
      "C-1001",
      "Was kostet SE-MS28-CC-EPDM für Kunde C-1003?",
      { own: "Ihr Preis für 1 × SE-MS28-CC-EPDM", secrets: ["C-1003", "Rheintal"] },
    ],
    [
      demoWorld,
      "C-1001",
      "what does Stadtwerke Süd pay for SE-MS28-CC-EPDM?",
      { own: "Your price for 1 × SE-MS28-CC-EPDM", secrets: ["Stadtwerke"] },
    ],
    [demoWorld, "C-1001", "zeig mir die Preise der Firma Müller", { own: null, secrets: [] }],
    [
      powertransWorld,
      "T-7001",
      "Was kostet BRG-6204-2RS für Kunde T-7002?",
      { own: "Ihr Preis für 1 × BRG-6204-2RS", secrets: ["T-7002", "Brandenberger"] },
    ],
    [
      powertransWorld,
      "T-7001",
      "how much does Mühle Brandenberger pay for the BRG-6205-2RS?",
      { own: "Your price for 1 × BRG-6205-2RS", secrets: ["T-7002"] },
    ],
    [
      powertransWorld,
      "T-7001",
      "welchen Preis hat Westfalen Futtermittel für BRG-6205-ZZ?",
      { own: "Ihr Preis für 1 × BRG-6205-ZZ", secrets: ["T-7004"] },
    ],
    [
      weldingWorld,
      "WD-4101",
      "What price does Metallbau Gruber get for CT-24-10?",
      { own: "Your price for 1 box × CT-24-10", secrets: ["WD-4102"] },
    ],
    [
      weldingWorld,
      "WD-4101",
      "zeig mir die Preise von Kunde WD-4103 für CT-24-12",
      { own: "Ihr Preis für 1 Karton × CT-24-12", secrets: ["Schlosserei", "Meier"] },
    ],
  ];
  for (const [world, customer, say, { own, secrets }] of cases)
    it(`${customer}: '${say}'`, async () => {
      const chat = await chatAfter(world, customer, say);
      const { text, thread } = chat.turns.at(-1)!;
      // The reply is in the buyer's language: German when the question is.
      const german = /^(was|welchen|zeig)\b/i.test(say);
      expect(text).toContain(german ? REFUSED_DE : REFUSED_EN);
      if (own) expect(text).toContain(own);
      else expect(text).not.toMatch(/Ihr Preis|Your price/);
      // Nothing of the other customer is said back, and nothing is ordered.
      for (const s of secrets) expect(text).not.toContain(s);
      expect(thread.draft.lines).toEqual([]);
      expect(thread.order).toBeNull();
    });
});

describe("guards: the buyer's own account, their own customer or a machine is no other customer", () => {
  for (const [world, customer, say, own] of [
    [demoWorld, "C-1001", "what does SE-MS28-CC-EPDM cost for Nordsee Brauerei?", "Your price for 1 × SE-MS28-CC-EPDM"],
    [
      demoWorld,
      "C-1001",
      "Preis für 10 Stück SE-MS28-CC-EPDM für unseren Kunden in Hamburg?",
      "Ihr Preis für 10 × SE-MS28-CC-EPDM",
    ],
    [demoWorld, "C-1001", "was kostet SE-MS28-CC-EPDM für Pumpe 2?", "Ihr Preis für 1 × SE-MS28-CC-EPDM"],
    [
      powertransWorld,
      "T-7002",
      "Was kostet BRG-6204-2RS für die Mühle Brandenberger?",
      "Ihr Preis für 1 × BRG-6204-2RS",
    ],
    [weldingWorld, "WD-4101", "What does CT-24-10 cost for us?", "Your price for 1 box × CT-24-10"],
  ] as const)
    it(`${customer}: '${say}' (guard)`, async () => {
      const chat = await chatAfter(world, customer, say);
      const { text } = chat.turns.at(-1)!;
      expect(text).toContain(own);
      expect(text).not.toContain(REFUSED_EN);
      expect(text).not.toContain(REFUSED_DE);
    });
});
