/** Builders of annotated entity cases (`EntityCase`) over the demo world and the generated catalog. */
import type { EntityCase } from "../../agent/models/offline/nlu/evaluate.ts";

export const demo = (
  lang: "en" | "de",
  text: string,
  entities: EntityCase["entities"],
  customer = "C-1001",
): EntityCase => ({ world: "demo", customer, lang, text, entities });

export const gen = (lang: "en" | "de", text: string, entities: EntityCase["entities"]): EntityCase => ({
  world: "generated",
  customer: "CUST-00001",
  lang,
  text,
  entities,
});
