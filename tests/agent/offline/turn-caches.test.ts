/**
 * The offline model's memos for speed (perf, session 13): each answers exactly what the work it saves would answer,
 * never hands out an object a caller could change for the next caller, and is keyed on everything its answer
 * depends on.
 */
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../catalog/db.ts";
import { createCatalogReader } from "../../../catalog/queries/index.ts";
import { createCatalogSearch } from "../../../catalog/queries/search.ts";
import type { ConfigModel } from "../../../catalog/queries/types.ts";
import { seedDemo } from "../../../catalog/seed/index.ts";
import { oncePerText } from "../../../agent/models/offline/index.ts";
import { buildKnowledge, findOptions, readCatalogWords } from "../../../agent/models/offline/recognise.ts";
import type { Ctx } from "../../../agent/models/offline/context.ts";
import { valuedFeatures } from "../../../agent/models/offline/references.ts";

const db = openDatabase();
seedDemo(db);
const reader = createCatalogReader(db);
const model = reader.configModel(reader.products(["PU-NCP-CFG"]).get("PU-NCP-CFG")!.configModelId!)!;
/** The same model as another object: nothing read for `model` is shared with it. */
const fresh = (): ConfigModel => structuredClone(model);

describe("findOptions: once per model object, text, groups and glossary", () => {
  const texts = ["400V with FKM seal, DN32", "2,2 kW", "ATEX nein", "how much is it?", "with ATEX please, 4 kW"];

  it("answers as a model read afresh does, asked again or not", () => {
    for (const text of texts) {
      const first = findOptions(text, model);
      expect(findOptions(text, model)).toEqual(first);
      expect(findOptions(text, fresh())).toEqual(first);
    }
  });

  it("a caller changing its answer changes nothing for the next caller", () => {
    const first = findOptions("400V with FKM seal", model);
    first.voltage!.push("230");
    first.extra = ["x"];
    expect(findOptions("400V with FKM seal", model)).toEqual({ voltage: ["400"], sealMaterial: ["FKM"] });
  });

  it("the groups asked for and the glossary are part of the key", () => {
    const all = findOptions("400V with FKM seal", model);
    expect(findOptions("400V with FKM seal", model, ["voltage"])).toEqual({ voltage: ["400"] });
    expect(findOptions("400V with FKM seal", model, ["sealMaterial"])).toEqual({ sealMaterial: ["FKM"] });
    expect(findOptions("400V with FKM seal", model)).toEqual(all);
    // A glossary that names the seal group's FKM value by another word: found with it, not without it.
    const gloss = (label: string) => (/FKM/.test(label) ? ["vitonish"] : []);
    expect(findOptions("vitonish", model, undefined, gloss)).toEqual({ sealMaterial: ["FKM"] });
    expect(findOptions("vitonish", model)).toEqual({});
    expect(findOptions("vitonish", model, undefined, (label) => gloss(label))).toEqual({ sealMaterial: ["FKM"] });
    expect(findOptions("vitonish", model, undefined, () => [])).toEqual({});
  });
});

describe("oncePerText", () => {
  it("reads each text once and returns what it read", () => {
    const read = vi.fn((t: string) => [t.length]);
    const masks = oncePerText(read);
    const a = masks("3 seals");
    expect(masks("3 seals")).toBe(a);
    expect(masks("")).toEqual([0]);
    expect(masks("")).toEqual([0]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("a text read as undefined is not read again", () => {
    const read = vi.fn((_: string) => undefined);
    const once = oncePerText(read);
    once("x");
    once("x");
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe("knowledge built from shared catalog words (eval trials on copies of one catalog)", () => {
  it("reads inflected name words as the knowledge of its own words does", () => {
    const words = readCatalogWords(db.$client, new Set());
    const copy = openDatabase();
    seedDemo(copy);
    const shared = [db, copy].map((d) =>
      buildKnowledge(createCatalogReader(d), createCatalogSearch(d), d.$client, new Set(), words),
    );
    const own = buildKnowledge(createCatalogReader(copy), createCatalogSearch(copy), copy.$client, new Set());
    for (const w of ["seals", "dichtungen", "pumpen", "gleitringdichtung", "weather", "flanges", "xyzzy"])
      for (const k of shared) expect(k.inflectedNameWord(w), w).toBe(own.inflectedNameWord(w));
    copy.$client.close();
  });
});

describe("valuedFeatures: once per knowledge", () => {
  const k = buildKnowledge(reader, createCatalogSearch(db), db.$client, new Set());
  const ctx = { k } as unknown as Ctx;
  const skus = [...reader.products(["PU-NCP-CFG", "SE-MS28-CC-EPDM"]).keys()];

  it("answers as a knowledge built afresh does, asked again or not", () => {
    const first = valuedFeatures(ctx, skus);
    expect(first.size).toBe(2);
    expect(valuedFeatures(ctx, skus)).toEqual(first);
    const other = { k: buildKnowledge(reader, createCatalogSearch(db), db.$client, new Set()) } as unknown as Ctx;
    expect(valuedFeatures(other, skus)).toEqual(first);
  });

  it("a caller changing its answer changes nothing for the next caller", () => {
    const before = valuedFeatures(ctx, skus).get(skus[0]!)!;
    const mine = valuedFeatures(ctx, skus).get(skus[0]!)!;
    mine.injected = "x";
    expect(valuedFeatures(ctx, skus).get(skus[0]!)).toEqual(before);
  });
});
