/**
 * `--perturb`: the noisy buyer. Each kind does what it says and nothing else — codes, numbers, units, PO references and
 * e-mail addresses come through untouched — the same seed gives the same messages, another seed other ones, and a
 * kind that does not exist is a clear error (exit 2), not a silently clean run.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  PerturbKindError,
  parsePerturbKinds,
  perturbScenario,
  perturbText,
  type PerturbKind,
  type Scenario,
} from "../../evals/index.ts";

const MESSAGES = [
  "Hello, we need 2 mechanical seals SE-MS28-SIC-FKM for Centrifugal pump 2. Our PO is KA-26-3110.",
  "Für die Presse 3 bitte 5 m Schlauch 2SN DN12 und 10 Pressarmaturen M22x1,5 (15L). Bestellnummer RP-4520.",
  "Could you check whether the replacement filter element 10 µ is available? Mail to j.doe@example.com please.",
  "Bitte die passende Flügelzellenpumpe bestellen, Lieferung nach Krefeld.",
  'we need 200 m of the 4G2.5 power cable in 100 m rings and 3/4" fittings, 1/2 inch hose',
];
/** What no kind may change: codes, numbers with their units, PO references, e-mail addresses. */
const UNTOUCHABLE = /[^\s,;:!?()]*[0-9@][^\s,;:!?()]*/g;
const untouchable = (text: string) => (text.match(UNTOUCHABLE) ?? []).map((t) => t.replace(/[.]+$/, ""));
const words = (text: string) => text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
const p = (text: string, kinds: PerturbKind[], seed = 1, step = 0) => perturbText(text, { kinds, seed }, "s-1", step);

describe("--perturb kinds", () => {
  it("parses a comma list, and an unknown kind is an error naming the kinds there are", () => {
    expect(parsePerturbKinds("case, typo,case")).toEqual(["case", "typo"]);
    expect(() => parsePerturbKinds("case,shout")).toThrow(PerturbKindError);
    expect(() => parsePerturbKinds("shout")).toThrow(/unknown perturbation "shout".*case, punct, typo, chatter/);
    expect(() => parsePerturbKinds("")).toThrow(PerturbKindError);
  });

  it("is deterministic per (seed, scenario, step) and differs across seeds", () => {
    const all: PerturbKind[] = ["case", "punct", "typo", "chatter"];
    for (const m of MESSAGES) expect(p(m, all, 7, 3)).toBe(p(m, all, 7, 3));
    const bySeed = (seed: number) => MESSAGES.map((m) => p(m, all, seed));
    expect(bySeed(1)).not.toEqual(bySeed(2));
    expect(MESSAGES.map((m) => p(m, all, 1, 0))).not.toEqual(MESSAGES.map((m) => p(m, all, 1, 1)));
  });

  it("never changes a code, a number with its unit, a PO reference or an e-mail address", () => {
    for (let seed = 1; seed <= 40; seed++)
      for (const m of MESSAGES) {
        const out = p(m, ["case", "punct", "typo", "chatter"], seed);
        for (const token of untouchable(m)) expect(out, `seed ${seed}`).toContain(token);
      }
  });

  it("case: all lower case but the codes", () => {
    const out = p(MESSAGES[0]!, ["case"]);
    expect(out).toBe("hello, we need 2 mechanical seals SE-MS28-SIC-FKM for centrifugal pump 2. our po is KA-26-3110.");
  });

  it("punct: sentence punctuation dropped, a question mark kept in some messages only, decimals kept", () => {
    const out = p(MESSAGES[0]!, ["punct"]);
    expect(out).toBe("Hello we need 2 mechanical seals SE-MS28-SIC-FKM for Centrifugal pump 2. Our PO is KA-26-3110");
    const question = "Is it in stock? And the price?";
    const kept = Array.from({ length: 20 }, (_, seed) => p(question, ["punct"], seed).includes("?"));
    expect(kept).toContain(true);
    expect(kept).toContain(false);
    expect(p("we need 2.5 m, thanks.", ["punct"])).toBe("we need 2.5 m thanks");
  });

  it("typo: one or two ordinary words of six letters or more, one slip each, never the first letter", () => {
    for (let seed = 1; seed <= 40; seed++)
      for (const m of MESSAGES) {
        const before = words(m);
        const after = words(p(m, ["typo"], seed));
        const changed = before.flatMap((w, i) => (after[i] === w ? [] : [[w, after[i] ?? ""] as const]));
        // A dropped letter can split nothing and join nothing: the word count stays.
        expect(after.length).toBe(before.length);
        expect(changed.length).toBeGreaterThanOrEqual(1);
        expect(changed.length).toBeLessThanOrEqual(2);
        for (const [was, now] of changed) {
          expect(was.length).toBeGreaterThanOrEqual(6);
          expect(now[0]).toBe(was[0]);
          expect(Math.abs(now.length - was.length)).toBeLessThanOrEqual(1);
        }
      }
    expect(p("2 SE-MS28 for pump 2", ["typo"])).toBe("2 SE-MS28 for pump 2");
  });

  it("chatter: a greeting and/or a sign-off in the message's language around the unchanged message", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const en = p(MESSAGES[0]!, ["chatter"], seed);
      expect(en).toContain(MESSAGES[0]);
      expect(en.length).toBeGreaterThan(MESSAGES[0]!.length);
      expect(en).not.toMatch(/Hallo|Moin|Danke|Grüße|Gruß|Servus|Guten/);
      const de = p(MESSAGES[3]!, ["chatter"], seed);
      expect(de).toContain(MESSAGES[3]);
      expect(de).not.toMatch(/Hi|Hello|Thanks|Cheers|regards|Morning/);
    }
  });

  it("chatter keeps the scenario's language on a message with no word of it", () => {
    const scenario = {
      id: "s-de",
      purpose: "x",
      tags: [],
      catalog: "demo",
      customer: "C-1",
      file: "x.json",
      steps: [{ say: "Ich brauche Kabel für die Linie 3." }, { say: "5 Ringe H07V-K 1,5 schwarz" }],
      expect: { orders: [], blocks: [], pendingApproval: false },
    } satisfies Scenario;
    for (let seed = 1; seed <= 10; seed++) {
      const second = (perturbScenario(scenario, { kinds: ["chatter"], seed }).steps![1] as { say: string }).say;
      expect(second).not.toMatch(/Hi|Hello|Thanks|Cheers|regards|Morning|Thank/);
    }
  });

  it("perturbScenario rewrites every say (and only those), keeping ifAsked, the other steps and the expectations", () => {
    const scenario = {
      id: "s-1",
      purpose: "x",
      tags: [],
      catalog: "demo",
      customer: "C-1",
      file: "x.json",
      steps: [
        { say: "Please order 2 seals for Centrifugal pump 2." },
        { say: "Yes, the mechanical one.", ifAsked: "which" },
        { confirm: true },
      ],
      expect: { orders: [{ lines: [{ sku: "SE-1", quantity: 2 }] }], blocks: [], pendingApproval: false },
    } satisfies Scenario;
    const out = perturbScenario(scenario, { kinds: ["case", "punct"], seed: 1 });
    expect(out.steps).toEqual([
      { say: "please order 2 seals for centrifugal pump 2" },
      { say: "yes the mechanical one", ifAsked: "which" },
      { confirm: true },
    ]);
    expect(out.expect).toBe(scenario.expect);
    expect(scenario.steps[0]).toEqual({ say: "Please order 2 seals for Centrifugal pump 2." });
  });

  it("npm run evals -- --perturb with a bad kind exits 2 with the reason", async () => {
    const run = promisify(execFile)("node_modules/.bin/tsx", ["scripts/evals.ts", "--perturb", "case,shout"], {
      env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "" },
    });
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--perturb: unknown perturbation "shout"/),
    });
  }, 60_000);
});
