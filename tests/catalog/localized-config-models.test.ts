/**
 * The catalog reader in a buyer's language hands out one configuration model object per model of the base reader and
 * language: the offline consultant keeps its option readings per model object (findOptions), and a new object on
 * every call read every text anew. A catalog change (a label edited) gives a new object with the new label.
 */
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../catalog/db.ts";
import { createCatalogReader } from "../../catalog/queries/index.ts";
import { seedDemo } from "../../catalog/seed/index.ts";

describe("configuration models in a buyer's language", () => {
  const db = openDatabase();
  seedDemo(db);
  const reader = createCatalogReader(db);
  const id = reader.products(["PU-NCP-CFG"]).get("PU-NCP-CFG")!.configModelId!;
  const voltageLabel = (lang: string) =>
    reader.inLanguage!(lang)
      .configModel(id)!
      .groups.find((g) => g.code === "voltage")!.label;

  it("are the same object call after call, reader after reader, with the language's labels", () => {
    const first = reader.inLanguage!("de").configModel(id)!;
    expect(first.groups.find((g) => g.code === "voltage")!.label).toBe("Motorspannung");
    expect(reader.inLanguage!("de").configModel(id)).toBe(first);
    expect(reader.inLanguage!("de-CH").configModel(id)).toBe(first);
    // The default language is the base reader's own model.
    expect(reader.inLanguage!("en").configModel(id)).toBe(reader.configModel(id));
  });

  it("a label edited in the catalog is read: a new object with the new label", () => {
    const before = reader.inLanguage!("de").configModel(id)!;
    db.$client
      .prepare(
        "UPDATE config_texts SET label = ? WHERE model_id = ? AND group_code = 'voltage' AND value = '' AND lang = 'de'",
      )
      .run("Netzspannung", id);
    expect(voltageLabel("de")).toBe("Netzspannung");
    expect(reader.inLanguage!("de").configModel(id)).not.toBe(before);
    expect(before.groups.find((g) => g.code === "voltage")!.label).toBe("Motorspannung");
  });
});
