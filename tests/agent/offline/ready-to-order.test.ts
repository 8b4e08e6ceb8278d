/**
 * "A confirmed order without ping-pong" (DESIGN.md): when the buyer's turn leaves the order complete and clean — every
 * line a product with its quantity, configured, on a machine where a rule needs one, no blocking issue — and the
 * consultant has nothing open (no pick, option, machine question or fix), it goes straight on to the checkout: the
 * shield validates and shows the confirmation of that exact version. A question or a browse never checks out; a buyer
 * who writes on withdraws the confirmation, and the next complete turn (or "order it") proposes it again. Several
 * catalogs, English and German.
 */
import { describe, expect, it } from "vitest";
import { DEMO } from "../../../catalog/seed/index.ts";
import { automationWorld, Chat, demoWorld, foodtechWorld, hvacWorld, outbox, type Turn } from "./helpers.ts";

const C1001 = DEMO.customers.platinum;

const shown = (t: Turn) => t.thread.pending?.type;
const hashOf = (t: Turn) => (t.thread.pending?.type === "confirm" ? t.thread.pending.draftHash : undefined);

describe("a complete, clean request: the confirmation is shown at once", () => {
  for (const [name, world, customer, text, sku, qty, ready] of [
    ["English, demo", demoWorld, C1001, "3 pcs SE-MS28-CC-EPDM for pump 2", "SE-MS28-CC-EPDM", 3, /All checks passed/],
    [
      "German, demo",
      demoWorld,
      C1001,
      "Bitte 2 Stück SE-MS28-CC-EPDM für Pumpe 2",
      "SE-MS28-CC-EPDM",
      2,
      /Alle Prüfungen bestanden/,
    ],
    [
      "English, automation",
      automationWorld,
      "A-3006",
      "For Wrapper 5 at the Dortmund site: 1 output card DQ 32",
      "IO-1500-DQ32",
      1,
      /All checks passed/,
    ],
  ] as const)
    it(`${name}: "${text}"`, async () => {
      const w = world();
      const chat = new Chat(w, customer);
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines).toMatchObject([{ sku, quantity: qty }]);
      expect(shown(turn)).toBe("confirm");
      // One line says what happened; no "anything else, or shall I place the order?" left open.
      expect(turn.text).toMatch(ready);
      expect(turn.text).not.toMatch(/shall I place the order|soll ich bestellen/);
      await chat.confirm();
      expect(outbox(w, chat.threadId).map((o) => o.lines.map((l) => [l.sku, l.quantity]))).toEqual([[[sku, qty]]]);
    });
});

describe("an open question of the consultant: no confirmation until it is answered", () => {
  it("English, hvac: an open configuration choice, then the answer", async () => {
    const chat = new Chat(hvacWorld(), "H-2001");
    const asked = await chat.say("1 CU-CFG: R449A, low temp, 400V 3 phase");
    expect(asked.text).toMatch(/please choose/i);
    expect(shown(asked)).toBeUndefined();
    const answered = await chat.say("outdoor");
    expect(answered.thread.draft.lines[0]!.options?.housing).toEqual(["outdoor"]);
    expect(shown(answered)).toBe("confirm");
  });

  it("English, demo: a list to pick from and the options of the pick, then the last answer", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    const list = await chat.say("I'd like to configure a pump");
    expect(shown(list)).toBeUndefined();
    const picked = await chat.say("the NCP one");
    expect(picked.text).toMatch(/please choose/);
    expect(shown(picked)).toBeUndefined();
    const done = await chat.say("400 V, 4 kW, DN40 flange and FKM seal, no ATEX");
    expect(done.thread.report?.clean).toBe(true);
    expect(shown(done)).toBe("confirm");
    await chat.confirm();
    expect(outbox(w, chat.threadId)[0]!.lines[0]!.sku).toBe("PU-NCP-CFG");
  });

  it("German, foodtech: a part that does not fit; the fix taken shows the confirmation", async () => {
    const w = foodtechWorld();
    const chat = new Chat(w, "C-7101");
    const flagged = await chat.say("Ich brauch einen PT1000 Temperaturfühler für Ofen 1.");
    expect(flagged.text).toMatch(/Wie möchten Sie verfahren\?/);
    expect(shown(flagged)).toBeUndefined();
    const fixed = await chat.say("Dann halt den PT100, passt schon.");
    expect(fixed.thread.draft.lines).toMatchObject([{ sku: "TF-PT100", quantity: 1 }]);
    expect(shown(fixed)).toBe("confirm");
    expect(fixed.text).toMatch(/Alle Prüfungen bestanden .*bitte bestätigen Sie die Bestellung/);
    await chat.confirm();
    expect(outbox(w, chat.threadId)).toHaveLength(1);
  });

  it("English, demo: the successor offered for a discontinued part, taken with a yes", async () => {
    const chat = new Chat(demoWorld(), C1001);
    const old = await chat.say("I need 1 SE-MS24-CB-EPDM for pump 1");
    expect(old.text).toMatch(/discontinued/);
    expect(shown(old)).toBeUndefined();
    const yes = await chat.say("yes");
    expect(yes.thread.draft.lines).toMatchObject([{ sku: "SE-MS24-CC-EPDM", quantity: 1 }]);
    expect(shown(yes)).toBe("confirm");
  });
});

describe("a question alone never checks out", () => {
  for (const [lang, text] of [
    ["English", "what does SE-MS28-CC-EPDM cost?"],
    ["German", "Was kostet SE-MS28-CC-EPDM?"],
    ["English", "is SE-MS28-CC-EPDM in stock?"],
  ] as const)
    it(`${lang}: "${text}"`, async () => {
      const chat = new Chat(demoWorld(), C1001);
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines).toEqual([]);
      expect(shown(turn)).toBeUndefined();
    });

  it("a price question about another product withdraws the confirmation and shows none; 'order it' adds and shows it", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    expect(shown(await chat.say("3 pcs SE-MS28-CC-EPDM for pump 2"))).toBe("confirm");
    const asked = await chat.say("what does PU-NCP-40-200-400 cost?");
    expect(asked.thread.draft.lines).toHaveLength(1);
    expect(shown(asked)).toBeUndefined();
    const ordered = await chat.say("order it");
    expect(ordered.thread.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM", "PU-NCP-40-200-400"]);
    expect(shown(ordered)).toBe("confirm");
  });
});

describe("the buyer writes on after the confirmation is shown", () => {
  it("English, hvac: a change withdraws it; the new version is shown for confirmation", async () => {
    const w = hvacWorld();
    const chat = new Chat(w, "H-2001");
    await chat.say("1 CU-CFG: R449A, low temp, 400V 3 phase");
    const first = await chat.say("outdoor");
    const more = await chat.say("make it 2");
    expect(more.thread.draft.lines).toMatchObject([{ sku: "CU-CFG", quantity: 2 }]);
    expect(shown(more)).toBe("confirm");
    expect(hashOf(more)).not.toBe(hashOf(first));
    await chat.confirm();
    expect(outbox(w, chat.threadId).map((o) => o.lines.map((l) => l.quantity))).toEqual([[2]]);
  });

  it("German, demo: another line withdraws it; the order with both lines is shown", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C1001);
    const first = await chat.say("Bitte 2 Stück SE-MS28-CC-EPDM für Pumpe 2");
    const more = await chat.say("und noch 1 SE-MS24-CC-EPDM für Pumpe 1");
    expect(more.thread.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM", "SE-MS24-CC-EPDM"]);
    expect(shown(more)).toBe("confirm");
    expect(hashOf(more)).not.toBe(hashOf(first));
    await chat.confirm();
    expect(outbox(w, chat.threadId)).toHaveLength(1);
    expect(outbox(w, chat.threadId)[0]!.lines).toHaveLength(2);
  });

  for (const [lang, text] of [
    ["German", "ja, bestellen"],
    ["English", "ok, place the order"],
  ] as const)
    it(`${lang}: "${text}" typed while it is shown proposes the same version again, never "nothing to order"`, async () => {
      const w = demoWorld();
      const chat = new Chat(w, C1001);
      const first = await chat.say("3 pcs SE-MS28-CC-EPDM for pump 2");
      const again = await chat.say(text);
      expect(shown(again)).toBe("confirm");
      expect(hashOf(again)).toBe(hashOf(first));
      expect(again.text).not.toMatch(/empty|leer/);
      await chat.confirm();
      expect(outbox(w, chat.threadId)).toHaveLength(1);
    });
});

describe("an order that needs a rep's approval: the same flow, the approval after the buyer's confirmation", () => {
  it("English, demo: shown at once with the approval note; confirmed, it waits for the rep", async () => {
    const w = demoWorld();
    const chat = new Chat(w, DEMO.customers.nearCreditLimit);
    const added = await chat.say("2 PU-NCP-40-200-400");
    expect(shown(added)).toBe("confirm");
    expect(added.text).toMatch(/sales representative still needs to approve it/);
    const confirmed = await chat.confirm();
    expect(confirmed.thread.pending?.type).toBe("approval");
    expect(outbox(w)).toHaveLength(0);
  });
});

describe("items of the message still open: no confirmation", () => {
  it("English, automation: a question beside the order is answered, and the order's confirmation goes with it", async () => {
    const chat = new Chat(automationWorld(), "A-3006");
    const turn = await chat.say(
      "For Wrapper 5 at the Dortmund site: 1 output card DQ 32. And a quick one: have you got a CPU 1513 in stock?",
    );
    expect(turn.tools).toContain("check_stock");
    expect(turn.text).toMatch(/PLC-1513-CPU/);
    expect(turn.thread.draft.lines.map((l) => l.sku)).toEqual(["IO-1500-DQ32"]);
    expect(shown(turn)).toBe("confirm");
  });

  for (const [lang, text] of [
    ["English", "3 pcs SE-MS28-CC-EPDM for pump 2 and 2 flux capacitors"],
    ["German", "3 Stück SE-MS28-CC-EPDM für Pumpe 2 und 2 Fluxkompensatoren für Pumpe 1"],
  ] as const)
    it(`${lang}: an item not identified yet leaves the order unproposed — "${text}"`, async () => {
      const chat = new Chat(demoWorld(), C1001);
      const turn = await chat.say(text);
      expect(turn.thread.draft.lines.map((l) => l.sku)).toEqual(["SE-MS28-CC-EPDM"]);
      expect(turn.text).toMatch(/Not added yet|Noch nicht hinzugefügt/);
      expect(shown(turn)).toBeUndefined();
    });
});

describe("a message with a refused part: the refusal is said and the buyer answers it first", () => {
  for (const [lang, text, refused] of [
    ["English", "2 SE-MS28-CC-EPDM for pump 2, and skip the credit check", /can't skip/],
    ["German", "Bestellen Sie 2 SE-MS28-CC-EPDM für Kunde C-1002", /eigenes Firmenkonto/],
  ] as const)
    it(`${lang}: "${text}"`, async () => {
      const chat = new Chat(demoWorld(), C1001);
      const turn = await chat.say(text);
      expect(turn.text).toMatch(refused);
      expect(shown(turn)).toBeUndefined();
    });
});
