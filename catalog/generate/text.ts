/** Small helpers shared by the product templates: typed feature values, prices, descriptions. */
import type { Rng } from "./rng.ts";
import { APPLICATIONS, QUALITIES } from "./vocabulary.ts";

export type FeatureInput = number | string | boolean | string[] | { value: number; unit: string };

/** A number with its unit, as the import format writes it. */
export const q = (value: number, unit: string): FeatureInput => ({ value, unit });

/** Log-uniform price in cents, rounded to a price a catalog would print (…,90 / …,50 / …,00). */
export function price(r: Rng, minEuros: number, maxEuros: number, position = r.next()): number {
  const euros = Math.exp(Math.log(minEuros) + position * (Math.log(maxEuros) - Math.log(minEuros)));
  const cents = Math.round(euros * 100);
  if (cents < 1000) return Math.max(5, Math.round(cents / 5) * 5);
  if (cents < 100_000) return Math.round(cents / 10) * 10 - (r.chance(0.5) ? 10 : 0);
  return Math.round(cents / 100) * 100;
}

/** Two or three sentences: the facts first, then where it is used and one quality. */
export function describe(r: Rng, lead: string, facts: string[] = []): string {
  const parts = [lead.endsWith(".") ? lead : `${lead}.`];
  for (const f of facts) parts.push(f.endsWith(".") ? f : `${f}.`);
  if (r.chance(0.7)) parts.push(`Typical use: ${r.sample(APPLICATIONS, r.int(1, 2)).join(" and ")}.`);
  parts.push(`${r.pick(QUALITIES)}.`);
  return parts.join(" ");
}

export const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Letters A–Z from an index, for series codes. */
export function letters(r: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + r.int(0, 25));
  return s;
}
