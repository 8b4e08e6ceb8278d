/**
 * "2 shaft seals for pump 2": the pump's own description mentions its shaft and its seal, the seals listed for the
 * pump hold only "seal" in their names. A search for a machine whose every-word matches merely mention the words in a
 * description lets the machine's listed parts holding all words but one compete — they fit, so they lead. Where a
 * listed part holds every word, the every-word match stands.
 */
import { describe, expect, it } from "vitest";
import { createCatalogSearch } from "../../catalog/queries/search.ts";
import { demoDatabase } from "../support/db-images.ts";
import { draftAfter, demoWorld } from "../agent/offline/helpers.ts";

describe("a machine's listed parts compete when every-word matches only mention the words", () => {
  for (const query of ["shaft seals", "shaft seal"])
    it(`demo search: '${query}' for the NCP 32-160 lists its 28 mm mechanical seals, not the pumps`, () => {
      const search = createCatalogSearch(demoDatabase());
      const hits = search.search({ query, machineModel: "NCP-32-160", serial: "21877", limit: 5 });
      expect(hits[0]?.name).toMatch(/mechanical seal 28 mm/i);
      expect(hits.some((h) => h.category === "pumps")).toBe(false);
    });

  it("guard: 'shaft seal' for a VSD 07 keeps its shaft seal set, which holds every word", () => {
    const search = createCatalogSearch(demoDatabase());
    const hits = search.search({ query: "shaft seal", machineModel: "VSD-07", serial: "70551", limit: 5 });
    expect(hits[0]?.sku).toBe("SE-VSD07-SEAL");
  });

  for (const text of [
    "2 shaft seals for pump 2 in hall B",
    "our pump 2 in hall B is leaking at the shaft, which seal do I need? 2 pcs",
  ])
    it(`consultant: "${text}" never puts a pump on the order`, async () => {
      const lines = await draftAfter(demoWorld, "C-1001", text, "the first one");
      expect(lines.length).toBe(1);
      expect(String(lines[0]![0])).toMatch(/^SE-MS28-/);
    });
});
