/**
 * The decide stage's dialogue state: references resolved against the focus (the last listed candidates) by ordinal,
 * price or a feature of the listed items; yes/no answering the last question; a clarifying question below the
 * confidence threshold; relative dates read against the run's clock; German replies with the catalog's German names;
 * a machine question only when the product's verdict depends on the machine. Written before the state machine, on
 * the demo world and on a generated catalog (phrasings not used to tune the model).
 */
import { describe, expect, it } from "vitest";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { validateDraft } from "../../../tools/engine.ts";
import { Chat, demoWorld, generatedWorld, type World } from "./helpers.ts";

const C = "C-1001"; // Nordsee Brauerei: Pump 1 (Brewhouse), Pump 2 (Hall B), Wort pump (Brewhouse), Glycol pump

/** The SKUs of the numbered list in a reply ("1) SKU — name"). */
const listed = (text: string) => [...text.matchAll(/^\d+\) (\S+) — /gm)].map((m) => m[1]!);

/** The customer's unit price of each SKU, from the engine (what get_price answers). */
function prices(w: World, customerId: string, skus: string[]): Map<string, number> {
  const data = createCatalogReader(w.db);
  return new Map(
    skus.map((sku) => {
      const moq = data.products([sku]).get(sku)?.moq ?? 1;
      const r = validateDraft({ lines: [{ lineId: "L1", sku, quantity: moq }] }, { customerId, now: w.now, data });
      return [sku, r.lines[0]!.unitPriceCents ?? Number.NaN];
    }),
  );
}

function featureRows(w: World, skus: string[]) {
  return w.db.$client
    .prepare(
      `SELECT sku, key, num_value AS num, text_value AS text FROM product_features WHERE sku IN (${skus.map(() => "?").join(",")})`,
    )
    .all(...skus) as { sku: string; key: string; num: number | null; text: string | null }[];
}

/** Next `weekday` (0 = Sunday) strictly after `from`, as an ISO date. */
function nextWeekday(from: Date, weekday: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== weekday);
  return d.toISOString().slice(0, 10);
}

describe("references to the listed items (demo world)", { timeout: 60_000 }, () => {
  it("'the cheaper one' takes the listed candidate of the kind asked for with the lowest price from the engine", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const list = await chat.say("I need 2 mechanical seals for pump 2");
    // Of the listed mechanical seals (the casing gasket listed beside them is no mechanical seal).
    const skus = [...list.text.matchAll(/^\d+\) (\S+) — Mechanical seal/gm)].map((m) => m[1]!);
    expect(skus.length).toBeGreaterThan(1);
    expect(listed(list.text).length).toBeGreaterThan(skus.length);
    const p = prices(w, C, skus);
    const cheapest = [...p].sort((a, b) => a[1] - b[1])[0]![0];
    const t = await chat.say("the cheaper one");
    expect(t.tools).not.toContain("search_catalog");
    expect(t.thread.draft.lines).toMatchObject([{ sku: cheapest, quantity: 2 }]);
  });

  it("'die günstigste' in German does the same and answers in German", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const list = await chat.say("Ich brauche 2 Gleitringdichtungen für Pumpe 2");
    const skus = listed(list.text);
    const p = prices(w, C, skus);
    const cheapest = [...p].sort((a, b) => a[1] - b[1])[0]![0];
    const t = await chat.say("die günstigste bitte");
    expect(t.thread.draft.lines).toMatchObject([{ sku: cheapest, quantity: 2 }]);
    expect(t.text).toMatch(/Hinzugefügt|Bestellung bisher/);
  });

  it("'the high-temperature one' takes the listed item with the highest temperature rating", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const list = await chat.say("I need 2 mechanical seals for pump 2");
    const skus = listed(list.text);
    const temp = featureRows(w, skus)
      .filter((r) => r.key === "tempRating" && r.num !== null)
      .sort((a, b) => b.num! - a.num!);
    const t = await chat.say("the high-temperature one");
    expect(t.thread.draft.lines).toMatchObject([{ sku: temp[0]!.sku, quantity: 2 }]);
  });

  it("'that one' after asking about one product adds that product", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    await chat.say("what does SE-MS28-CC-EPDM cost?");
    const t = await chat.say("ok, 3 of that one for pump 2");
    expect(t.thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 3 }]);
  });
});

describe("yes and no answer the last question (demo world)", { timeout: 60_000 }, () => {
  it("'no' to 'shall I place the order?' places nothing and keeps the draft", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    await chat.say("2 SE-MS28-CC-EPDM for pump 2");
    const t = await chat.say("no");
    expect(t.thread.pending).toBeNull();
    expect(t.tools).toEqual([]);
    expect(t.thread.draft.lines).toHaveLength(1);
    expect(t.text).toMatch(/else|anything/i);
  });

  it("'nein danke' in German answers in German and keeps the draft", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    await chat.say("2 SE-MS28-CC-EPDM für Pumpe 2 bitte");
    const t = await chat.say("nein danke");
    expect(t.thread.pending).toBeNull();
    expect(t.thread.draft.lines).toHaveLength(1);
    expect(t.text).not.toMatch(/\bthe\b/);
  });
});

describe("below the confidence threshold it asks instead of acting (demo world)", { timeout: 60_000 }, () => {
  // The clarify threshold (0.6) is calibrated on the validation split (`npx tsx scripts/nlu-validation.ts`: below it,
  // a best reading with a runner-up is right about two times in three; from it up, 9 times in 10). With the broader
  // training corpus "hmm the order thing" reads checkout 0.38 / show_order 0.34 — below it, so the consultant asks.
  // "hmm the order thing" reads cancel 0.42 / checkout 0.19: no runner-up at RUNNER_UP, so nothing to name. Typed
  // while the complete order is shown for confirmation, it withdraws it: the same order is shown again, unchanged.
  it("an unclear message typed while the order is shown for confirmation shows it again, and nothing changes", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    const first = await chat.say("2 SE-MS28-CC-EPDM for pump 2");
    const t = await chat.say("hmm the order thing");
    expect(t.thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    expect(t.tools.filter((n) => n !== "get_installed_base")).toEqual(["place_order"]);
    expect(t.text).toMatch(/did not get that.*unchanged/);
    expect(t.thread.pending).toMatchObject({ type: "confirm" });
    expect(first.thread.pending?.type === "confirm" && first.thread.pending.draftHash).toBe(
      t.thread.pending?.type === "confirm" && t.thread.pending.draftHash,
    );
  });

  // OPEN: nlp.js is overconfident on a German phrase whose one known word is "Bestellung" (checkout 0.92), so the
  // consultant reviews the order and asks to confirm (safe: nothing is placed without the buyer's confirmation)
  // instead of asking which reading was meant. A threshold cannot fix a confident score; the scores need evidence
  // weighting (how many words of the message the reading rests on).
  it.fails("the same in German: one question naming the readings, and nothing changes", async () => {
    const w = demoWorld();
    const chat = new Chat(w, C);
    await chat.say("2 SE-MS28-CC-EPDM für Pumpe 2");
    const t = await chat.say("hmm, die Bestellung");
    expect(t.thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    expect(t.tools.filter((n) => n !== "get_installed_base")).toEqual([]);
    expect(t.text.split("?").length - 1).toBe(1);
    expect(t.text).toMatch(/ oder /);
  });
});

describe("the run's clock, the buyer's language, the machine question (demo world)", { timeout: 60_000 }, () => {
  it("a German request lists the catalog's German product names", async () => {
    const w = demoWorld();
    const list = await new Chat(w, C).say("Ich brauche 2 Gleitringdichtungen für Pumpe 2");
    const skus = listed(list.text);
    expect(skus.length).toBeGreaterThan(0);
    const names = w.db.$client
      .prepare(`SELECT sku, name FROM product_texts WHERE lang = 'de' AND sku IN (${skus.map(() => "?").join(",")})`)
      .all(...skus) as { sku: string; name: string }[];
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(list.text).toContain(`${n.sku} — ${n.name}`);
  });

  it("asks which machine for a part whose machine rules give different verdicts on the buyer's machines", async () => {
    const w = demoWorld();
    // A part without fitment whose features a machine rule (compat_rules) compares, passing on some of the buyer's
    // machines only.
    const data = createCatalogReader(w.db);
    const machines = data.customer(C)!.machines;
    const ruleCodes = new Set(data.compatRules().map((r) => r.code));
    const candidates = w.db.$client
      .prepare(
        `SELECT p.sku, p.moq FROM products p WHERE p.lifecycle = 'active' AND p.config_model_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM fitment f WHERE f.part_sku = p.sku) ORDER BY p.sku`,
      )
      .all() as { sku: string; moq: number }[];
    const split = candidates.find((c) => {
      const verdicts = machines.map((m) =>
        validateDraft(
          { lines: [{ lineId: "L1", sku: c.sku, quantity: c.moq, machineId: m.id }] },
          { customerId: C, now: w.now, data },
        ).lines[0]!.issues.some((i) => ruleCodes.has(i.code) && i.severity === "block"),
      );
      return verdicts.includes(true) && verdicts.includes(false);
    });
    expect(split).toBeDefined();
    const t = await new Chat(w, C).say(`${split!.moq} x ${split!.sku} please`);
    expect(t.thread.draft.lines).toHaveLength(0);
    expect(t.text).toMatch(/which machine/i);
  });
});

describe("held out: references on a generated catalog", { timeout: 60_000 }, () => {
  /** A customer, a machine and a numbered list of at least three candidates for it. */
  async function listFor(w: World) {
    const s = w.db.$client;
    const rows = s
      .prepare(
        `SELECT m.customer_id AS customerId, m.label, p.name FROM machines m
           JOIN customers c ON c.id = m.customer_id AND c.blocked = 0
           JOIN fitment f ON f.machine_model = m.model JOIN products p ON p.sku = f.part_sku
         WHERE p.lifecycle = 'active' AND p.config_model_id IS NULL ORDER BY m.id, p.sku`,
      )
      .all() as { customerId: string; label: string; name: string }[];
    for (const r of rows) {
      const word = r.name.split(/[\s,]+/)[0]!.toLowerCase();
      const chat = new Chat(w, r.customerId);
      const t = await chat.say(`looking for 2 ${word} for ${r.label}`);
      const skus = listed(t.text);
      if (skus.length >= 3) return { chat, skus, customerId: r.customerId };
    }
    throw new Error("no list of three");
  }

  it("'the cheapest of those' picks by the customer's price", async () => {
    const w = generatedWorld();
    const { chat, skus, customerId } = await listFor(w);
    const p = [...prices(w, customerId, skus)].sort((a, b) => a[1] - b[1]);
    expect(p[0]![1]).toBeLessThan(p[1]![1]);
    const t = await chat.say("the cheapest of those pls");
    expect(t.thread.draft.lines).toMatchObject([{ sku: p[0]![0] }]);
  });

  it("'deliver by friday' is the Friday after the run's clock (the catalog's as-of date), not the process clock", async () => {
    const w = generatedWorld();
    const { chat } = await listFor(w);
    const first = await chat.say("the first one");
    expect(first.thread.draft.lines).toHaveLength(1);
    const t = await chat.say("can you deliver by friday");
    expect(t.thread.draft.requestedDate).toBe(nextWeekday(w.now, 5));
  });

  it("'the one with <feature value>' picks the listed item with that value, also when its name does not say it", async () => {
    const w = generatedWorld();
    const { chat, skus } = await listFor(w);
    const names = createCatalogReader(w.db).products(skus);
    const rows = featureRows(w, skus).filter((r) => r.text && /^[\p{L}][\p{L}\d -]{2,}$/u.test(r.text));
    const unique = rows.find(
      (r) =>
        rows.filter((x) => x.text!.toLowerCase() === r.text!.toLowerCase()).length === 1 &&
        skus.every((s) => !(names.get(s)?.name ?? "").toLowerCase().includes(r.text!.toLowerCase())),
    );
    expect(unique).toBeDefined();
    const t = await chat.say(`the one with ${unique!.text}`);
    expect(t.thread.draft.lines).toMatchObject([{ sku: unique!.sku }]);
  });
});
