/**
 * A number the catalog writes inside a name is never the quantity: "Spannbuchse 1610" (a bush size the names carry
 * right after that word), "i=20" (a value the names glue to a letter with "="), "the red 98 shore spider" (a number
 * an option label carries right before that word). Read on the power-transmission catalog and, for the same class, on
 * catalogs the rule was not written for (fluid power, automation, hvac).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildKnowledge,
  findQuantities,
  guessProduct,
  type Knowledge,
  tokenizeText,
} from "../../../agent/models/offline/recognise.ts";
import { openDatabase } from "../../../catalog/db.ts";
import { importCatalog } from "../../../catalog/import/index.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";

function open(trade: string): Knowledge {
  const db = openDatabase(":memory:");
  importCatalog(db, resolve("evals/catalogs", trade));
  return buildKnowledge(createCatalogReader(db), createCatalogSearch(db), db.$client);
}

const quantities = (k: Knowledge, text: string) =>
  findQuantities(tokenizeText(text), k, new Set()).map(({ value, unit }) => (unit ? `${value} ${unit}` : `${value}`));

describe("a number the catalog's names carry beside the buyer's word is part of the name", () => {
  const powertrans = open("powertrans");
  it.each([
    ["dazu spannbuchse 1610 mit 30er bohrung", []],
    ["2 taper bush 1610 with 30 mm bore", ["2"]],
    ["Getriebemotor fürs Steigband: 1,1 kW, i=20, 400V 50Hz, Aufsteck (Hohlwelle), ohne Bremse, IP55", []],
    ["gear motor i=28, 0.55 kW, foot mounted, 3 of them", ["3"]],
    ["jaw coupling size 28/38, with the red 98 shore spider", []],
    ["4 spiders 92 shore for the 24/32 coupling", ["4"]],
    ["20 Stück 6004 2RS für die Rollenbahn Versand", ["20 PCE"]],
    ["need 6 bearings 6205 2RS C3", ["6"]],
  ])("powertrans: %s", (text, expected) => {
    expect(quantities(powertrans, text)).toEqual(expected);
  });

  const fluid = open("fluidpower");
  it.each([
    ["seal kit for cylinder 80 please", []],
    ["2 seal kits for cylinder 63", ["2"]],
    ["2 FE-RF 330 elements, 10 µm", ["2"]],
  ])("fluidpower: %s", (text, expected) => {
    expect(quantities(fluid, text)).toEqual(expected);
  });

  const automation = open("automation");
  it.each([
    ["ein Frontstecker 40 für die VX-1500", ["1"]],
    ["Frontstecker 40 bitte", []],
    ["1 PLC-CPU 1513 please", ["1"]],
  ])("automation: %s", (text, expected) => {
    expect(quantities(automation, text)).toEqual(expected);
  });
});

describe("the number of a type designation chooses the product its code leaves open", () => {
  const powertrans = open("powertrans");
  const named = (k: Knowledge, text: string) => {
    const tokens = tokenizeText(text);
    const taken = new Set(findQuantities(tokens, k, new Set()).flatMap((q) => q.tokens));
    const g = guessProduct(tokens, taken, k);
    return g?.confident ? g.hits[0]!.sku : undefined;
  };
  it.each([
    ["20 Stück 6004 2RS für die Rollenbahn Versand", "BRG-6004-2RS-B10"],
    ["2 bearings 6206 2RS please", "BRG-6206-2RS"],
  ])("powertrans: %s → %s", (text, sku) => {
    expect(named(powertrans, text)).toBe(sku);
  });
});
