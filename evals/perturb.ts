/**
 * The noisy buyer (`npm run evals -- --perturb case,punct,typo,chatter --seed S`): every buyer message of a scripted
 * scenario rewritten by the noise a maintenance buyer's chat really shows — all lower case, punctuation left out, a
 * slip of the finger in an ordinary word, a greeting or sign-off around the request. The scenario's expectations,
 * `ifAsked` keys and grading stay as they are: the same buyer, typing less carefully.
 *
 * Why seeded per (seed, scenario, step): a failing trial replays exactly, and a trial's noise does not shift when
 * another scenario is added or a step is inserted elsewhere. Codes, numbers, units, PO references and e-mail addresses
 * are never changed (a buyer who mistypes a part number is another test): only words made of letters are.
 */
import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Scenario } from "./scenario.ts";

export const PERTURB_KINDS = ["case", "punct", "typo", "chatter"] as const;
export type PerturbKind = (typeof PERTURB_KINDS)[number];

export class PerturbKindError extends Error {
  constructor(readonly kind: string) {
    super(`unknown perturbation "${kind}" (one or more of ${PERTURB_KINDS.join(", ")}, comma-separated)`);
    this.name = "PerturbKindError";
  }
}

/** `"case,typo"` → `["case", "typo"]`; an unknown or empty kind throws PerturbKindError. */
export function parsePerturbKinds(raw: string): PerturbKind[] {
  const kinds = raw.split(",").map((k) => k.trim().toLowerCase());
  for (const k of kinds) if (!(PERTURB_KINDS as readonly string[]).includes(k)) throw new PerturbKindError(k);
  return [...new Set(kinds as PerturbKind[])];
}

/** A random source for one message: integers in [from, to] and chances. */
interface Dice {
  int(from: number, to: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function diceFor(...parts: (string | number)[]): Dice {
  const seed = createHash("sha256").update(parts.join("\u0000")).digest().readInt32LE(0);
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  return {
    int,
    chance: (p) => int(0, 9999) < p * 10_000,
    pick: (items) => items[int(0, items.length - 1)]!,
  };
}

/** A token the noise never touches: it holds a digit, an @, or is a code (letters joined by - / . _). */
const PROTECTED = /[0-9@]|[A-Za-z][-/._][A-Za-z]/;
/** An ordinary word a typo may hit: letters only (umlauts included), at least six, not an all-capitals abbreviation. */
const ORDINARY = /^[A-Za-zÄÖÜäöüß]{6,}$/;

const QWERTY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const QWERTZ_ROWS = ["qwertzuiop", "asdfghjkl", "yxcvbnm"];

/** Keys beside `ch` on the same row of the buyer's keyboard (QWERTZ for German, QWERTY otherwise). */
function neighbours(ch: string, german: boolean): string[] {
  const rows = german ? QWERTZ_ROWS : QWERTY_ROWS;
  for (const row of rows) {
    const i = row.indexOf(ch);
    if (i >= 0) return [row[i - 1], row[i + 1]].filter((c): c is string => c !== undefined);
  }
  return [];
}

const GERMAN_WORDS = new Set(
  "ich wir und für bitte brauche brauchen die der das den dem des ist nicht mit noch auch ein eine einen haben hallo danke von zu wie was welche gibt bestellen bestelle ja nein stück nur doch dann gut passt lieber bei nach unsere unser".split(
    " ",
  ),
);
const ENGLISH_WORDS = new Set(
  "i we and for please need the is not with also a an have hello thanks of to how what which order yes no can do our".split(
    " ",
  ),
);

/** German or English, by common words (umlauts count for German). */
export function looksGerman(text: string): boolean {
  const words = text.toLowerCase().match(/[a-zäöüß]+/g) ?? [];
  let de = /[äöüß]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const w of words) {
    if (GERMAN_WORDS.has(w)) de++;
    if (ENGLISH_WORDS.has(w)) en++;
  }
  return de > en;
}

/** One slip in `word` (never its first letter): a neighbouring key, a dropped or doubled letter, two swapped. */
function misspell(word: string, german: boolean, dice: Dice): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = dice.int(1, word.length - 1);
    const ch = word[i]!;
    if (!/[a-z]/.test(ch)) continue;
    const kind = dice.int(0, 3);
    if (kind === 0) {
      const keys = neighbours(ch, german);
      if (keys.length) return word.slice(0, i) + dice.pick(keys) + word.slice(i + 1);
    } else if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
    else if (kind === 2) return word.slice(0, i) + ch + word.slice(i);
    else if (i < word.length - 1 && word[i + 1] !== ch && /[a-z]/.test(word[i + 1]!))
      return word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2);
  }
  return word;
}

/** Splits text into words (with their punctuation) and the whitespace between them, so joining gives it back. */
const tokens = (text: string) => text.split(/(\s+)/);
/** A token's letters without the punctuation around it. */
const core = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

function typo(text: string, dice: Dice, german: boolean): string {
  const parts = tokens(text);
  const eligible = parts
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => !PROTECTED.test(t) && ORDINARY.test(core(t)) && core(t) !== core(t).toUpperCase());
  const count = Math.min(eligible.length, dice.chance(0.3) ? 2 : 1);
  for (let n = 0; n < count; n++) {
    const { t, i } = eligible.splice(dice.int(0, eligible.length - 1), 1)[0]!;
    const word = core(t);
    parts[i] = t.replace(word, misspell(word, german, dice));
  }
  return parts.join("");
}

/** Sentence punctuation dropped; a question mark kept in about half the messages; codes and decimals untouched. */
function punct(text: string, dice: Dice): string {
  const keepQuestion = dice.chance(0.5);
  const marks = keepQuestion ? /[.,;:!]+$/ : /[.,;:!?]+$/;
  const parts = tokens(text);
  return parts
    .map((t, i) => {
      if (/^\s+$/.test(t)) return t;
      const last = parts.slice(i + 1).every((p) => /^\s*$/.test(p));
      // "3. Pumpe" or "2, 3 seals": the mark after a number can carry meaning inside a message; at its end it cannot.
      if (/[0-9][.,;:!?]+$/.test(t) && !last) return t;
      return t.replace(marks, "");
    })
    .join("")
    .replace(/\s+$/, "");
}

/** Everything in lower case but codes, numbers, PO references and e-mail addresses. */
function lower(text: string): string {
  return tokens(text)
    .map((t) => (PROTECTED.test(t) ? t : t.toLowerCase()))
    .join("");
}

const GREETINGS = {
  en: ["Hi,", "Hello,", "Good morning,", "Hi there,", "Morning,", "Hello team,"],
  de: ["Hallo,", "Guten Morgen,", "Moin,", "Guten Tag,", "Hallo zusammen,", "Servus,"],
};
const SIGN_OFFS = {
  en: ["Thanks in advance", "Thanks!", "Cheers", "Best regards", "Thank you", "Many thanks"],
  de: ["Danke im Voraus", "Vielen Dank!", "Grüße", "Viele Grüße", "Danke", "Gruß"],
};

/** A greeting before and/or a sign-off after the message, in its language; the first message is greeted more often. */
function chatter(text: string, dice: Dice, first: boolean, german: boolean): string {
  const lang = german ? "de" : "en";
  let greet = dice.chance(first ? 0.7 : 0.2);
  const signOff = dice.chance(first ? 0.6 : 0.7);
  if (!greet && !signOff) greet = true;
  const gap = () => (dice.chance(0.3) ? "\n" : " ");
  let out = text;
  if (greet) out = `${dice.pick(GREETINGS[lang])}${gap()}${out}`;
  if (signOff) out = `${out}${gap()}${dice.pick(SIGN_OFFS[lang])}`;
  return out;
}

export interface PerturbOptions {
  kinds: readonly PerturbKind[];
  seed: number;
  /**
   * The language the buyer writes in (chatter in it, the keyboard for typos); default: read from the message. A
   * scenario's buyer keeps one language — "5 Ringe H07V-K 1,5 schwarz" alone has no German word to tell.
   */
  german?: boolean;
}

/**
 * One buyer message as the noisy buyer types it: the typo hits the buyer's own words, the chatter goes around them,
 * then punctuation and capitals go for the whole message.
 * @example perturbText("Please order 2 seals for pump 2.", { kinds: ["case", "punct"], seed: 1 }, "s1", 0)
 *   // "please order 2 seals for pump 2"
 */
export function perturbText(
  text: string,
  options: PerturbOptions,
  scenarioId: string,
  step: number,
  first = step === 0,
): string {
  const has = (k: PerturbKind) => options.kinds.includes(k);
  // The language of what the buyer meant to write, not of its misspelt copy.
  const german = options.german ?? looksGerman(text);
  let out = text;
  if (has("typo")) out = typo(out, diceFor(options.seed, scenarioId, step, "typo"), german);
  if (has("chatter")) out = chatter(out, diceFor(options.seed, scenarioId, step, "chatter"), first, german);
  if (has("punct")) out = punct(out, diceFor(options.seed, scenarioId, step, "punct"));
  if (has("case")) out = lower(out);
  return out;
}

/** The scenario with every scripted `say` perturbed (a persona scenario's buyer writes its own text: unchanged). */
export function perturbScenario(scenario: Scenario, options: PerturbOptions): Scenario {
  if (!scenario.steps || options.kinds.length === 0) return scenario;
  const firstSay = scenario.steps.findIndex((step) => "say" in step);
  const says = scenario.steps.flatMap((step) => ("say" in step ? [step.say] : []));
  options = { ...options, german: options.german ?? looksGerman(says.join("\n")) };
  const steps = scenario.steps.map((step, i) =>
    "say" in step ? { ...step, say: perturbText(step.say, options, scenario.id, i, i === firstSay) } : step,
  );
  return { ...scenario, steps };
}
