/**
 * The offline model's entity reading on the two trade catalogs (evals/catalogs/hvac, .../automation): what a number
 * in a request is (quantity, part of a model code, a counted property, a size), which candidate the stated codes and
 * attributes choose, option values written the way buyers write them, and machines named by a distinctive word.
 * Nothing of these catalogs is in the model's code; the vocabulary comes from the imported database.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { MachineView } from "../../../agent/models/offline/conversation.ts";
import {
  buildKnowledge,
  findMachines,
  findOptions,
  findQuantities,
  guessProduct,
  type Knowledge,
  tokenizeText,
} from "../../../agent/models/offline/recognise.ts";
import { openDatabase } from "../../../catalog/db.ts";
import { importCatalog } from "../../../catalog/import/index.ts";
import { type CatalogReader, createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";

function open(trade: string): { k: Knowledge; reader: CatalogReader } {
  const db = openDatabase(":memory:");
  importCatalog(db, resolve("evals/catalogs", trade));
  const reader = createCatalogReader(db);
  return { k: buildKnowledge(reader, createCatalogSearch(db), db.$client), reader };
}

const hvac = open("hvac");
const automation = open("automation");

const quantities = (k: Knowledge, text: string) =>
  findQuantities(tokenizeText(text), k, new Set()).map(({ value, unit }) => (unit ? `${value} ${unit}` : `${value}`));

/** The product the words name with confidence, read as the consultant reads them (quantity tokens taken). */
function named(k: Knowledge, text: string): string | undefined {
  const tokens = tokenizeText(text);
  const taken = new Set(findQuantities(tokens, k, new Set()).flatMap((q) => q.tokens));
  const g = guessProduct(tokens, taken, k);
  return g?.confident ? g.hits[0]!.sku : undefined;
}

describe("a number inside a model code or naming a counted property is never the quantity", () => {
  it.each([
    ["3 DML 083 for the Huber cold room", ["3"]],
    ["the DML 083, flare", []],
    ["the SGN 10", []],
    ["HP switch KP 5 for the roof chiller", []],
  ])("hvac: %s", (text, expected) => {
    expect(quantities(hvac.k, text)).toEqual(expected);
  });

  it.each([
    ["I need a 16 channel DI card for the palletiser", []],
    ["C16 3 pole MCB", []],
    ["the current SM 321", []],
    ["swap them for a single 24V 10A one", ["1"]],
  ])("automation: %s", (text, expected) => {
    expect(quantities(automation.k, text)).toEqual(expected);
  });
});

describe("stated codes, sizes and attributes choose the product", () => {
  it.each([
    ["HP switch KP 5 for the roof chiller", "PS-KP5"],
    ["2 driers DML 083", "FD-DML-083"],
    ["1 bag reducers 7/8x5/8", "CU-RD-78-58"],
  ])("hvac: %s → %s", (text, sku) => {
    expect(named(hvac.k, text)).toBe(sku);
  });

  it.each([
    ["Brauche 2 Schütze 18 A mit 230 V Spule", "CT-18-230AC"],
    ["C16 3 pole MCB", "CB-C16-3P"],
    ["2 PSU 24V 5A", "PSU-24-5"],
    ["I need a 16 channel DI card", "IO-300-DI16"],
  ])("automation: %s → %s", (text, sku) => {
    expect(named(automation.k, text)).toBe(sku);
  });
});

describe("buyer unit words of the catalog's pack units", () => {
  it("bags and rings are units where the catalog sells in them", () => {
    expect(quantities(hvac.k, "2 bags elbows 7/8")).toEqual(["2 BAG"]);
    expect(quantities(automation.k, "3 rings of single core")).toEqual(["3 RNG"]);
  });
});

describe("options and machines as buyers write them", () => {
  it("a number with its unit anywhere in an option label chooses it ('400 V' for '3~ 400 V')", () => {
    const sku = "VFD-CFG";
    const model = automation.reader.configModel(automation.reader.products([sku]).get(sku)!.configModelId!)!;
    const found = findOptions("11 kW, 400 V 3ph, PROFINET, IP20, with STO", model);
    expect(found.supply).toEqual(["400-3"]);
    expect(found.power).toEqual(["11"]);
  });

  it("an option label written with a hyphen is found written apart ('low noise fan' for 'Low-noise fan')", () => {
    const sku = "CU-CFG";
    const model = hvac.reader.configModel(hvac.reader.products([sku]).get(sku)!.configModelId!)!;
    const found = findOptions("with the winter kit and the low noise fan", model);
    expect([...(found.extras ?? [])].sort()).toEqual(["lownoise", "winter"]);
  });

  it("a configurable product named by words with two or more of its option values is that product", () => {
    expect(named(hvac.k, "we need a CU condensing unit built to order: R449A, low temp, 400V 3ph")).toBe("CU-CFG");
    expect(named(hvac.k, "Verflüssigungssatz nach Konfiguration: R449A, Tiefkühlung, 400V 3ph")).toBe("CU-CFG");
    expect(named(automation.k, "need 3 contactors 18A with 230V AC coil")).not.toBe("MSC-CFG");
    expect(named(hvac.k, "1 cylinder R449A 10 kg")).toBe("REF-R449A-10");
  });

  it("a distinctive word of a machine's label or site names it; a catalog word does not", () => {
    const customer = hvac.reader.customer("H-2001")!;
    const machines: MachineView[] = customer.machines.map((m) => ({
      machineId: m.id,
      label: m.label,
      model: m.model,
      modelName: m.modelName,
      serial: m.serial,
      site: m.site,
    }));
    const find = (text: string) =>
      findMachines(tokenizeText(text), machines, hvac.k.common).map((m) => m.machine.machineId);
    expect(find("3 sight glasses 3/8 for huber")).toEqual(["M-2001-01"]);
    expect(find("3 sight glasses 3/8")).toEqual([]);
  });
});
