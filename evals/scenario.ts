/**
 * The scenario file format (evals/scenarios/**.json): one buyer conversation and the outcome it must produce,
 * graded by what reached the ERP's outbox. Validated with zod; a file that does not parse is reported with the
 * field at fault, never half-run. See evals/README.md for the format with a complete example.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";

const text = z.string().min(1).max(4000);

/** One step of the buyer's script. */
export const stepSchema = z.union([
  z.object({
    /** What the buyer writes. */
    say: text,
    /** Only said when the agent's last reply matches this (case-insensitive regex): a reply keyed to a question. */
    ifAsked: z.string().max(400).optional(),
  }),
  /** Answer the pending confirmation of the current draft (the widget's button): yes or no. */
  z.object({ confirm: z.boolean() }),
  /** A sales rep decides the pending approval (authenticated rep `REP-EVAL`). */
  z.object({ rep: z.enum(["approve", "reject"]), reason: text.default("eval rep decision") }),
  /** Something changes in the world between turns: stock sold, a price moved. */
  z.object({
    event: z.union([
      z.object({ stock: z.object({ sku: text, warehouse: text.optional(), onHand: z.number().int().min(0) }) }),
      z.object({ listPrice: z.object({ sku: text, cents: z.number().int().min(0) }) }),
    ]),
  }),
]);
export type Step = z.infer<typeof stepSchema>;

export const expectedLineSchema = z.object({
  sku: text,
  quantity: z.number().positive(),
  unit: z.string().optional(),
  machineId: z.string().optional(),
  /** The unit price the engine computed at hand-off (e.g. after a price event). */
  unitPriceCents: z.number().int().min(0).optional(),
  /** Option group → chosen values, as the clean order's components. */
  options: z.record(z.string(), z.array(z.string())).optional(),
});
export type ExpectedLine = z.infer<typeof expectedLineSchema>;

export const expectedOrderSchema = z.object({
  lines: z.array(expectedLineSchema).min(1),
  poReference: z.string().optional(),
  shipToId: z.string().optional(),
});
export type ExpectedOrder = z.infer<typeof expectedOrderSchema>;

export const expectSchema = z
  .object({
    /** Exactly these orders reach the outbox (in order). An empty list: no order may reach it. */
    orders: z.array(expectedOrderSchema),
    /** Block codes the engine must have raised during the conversation (e.g. because the buyer insisted). */
    blocks: z.array(z.string()).default([]),
    /** The conversation ends waiting for a rep's approval. */
    pendingApproval: z.boolean().default(false),
  })
  .refine((e) => !(e.pendingApproval && e.orders.length > 0), {
    message: "a scenario ends either with orders or waiting for approval",
    path: ["pendingApproval"],
  });
export type Expectation = z.infer<typeof expectSchema>;

export const catalogRefSchema = z.union([
  z.literal("demo"),
  /** An import-format file or folder, relative to the scenario file. */
  z.object({ import: text }),
  /** A generated catalog (catalog/generate). */
  z.object({
    generate: z.object({ seed: z.number().int(), skus: z.number().int().min(50).max(20_000).default(400) }),
  }),
]);
export type CatalogRef = z.infer<typeof catalogRefSchema>;

/**
 * A simulated buyer instead of a script: a model plays this person (evals/buyer.ts) until the goal is reached, an
 * order or a pending approval ends the conversation, or `maxTurns` buyer messages were sent. It may only state what
 * `known` holds; asked for anything else (e.g. an item of `unknown`), it says it does not know.
 */
export const personaSchema = z.object({
  /** What the buyer wants to get done, in their words. */
  goal: text,
  /** Facts the buyer knows and may state: name → value (e.g. "machine": "pump 2 in hall B"). */
  known: z.record(z.string().min(1).max(80), z.string().min(1).max(400)).default({}),
  /** Things the buyer does not know (asked for them, they say so). */
  unknown: z.array(z.string().min(1).max(200)).default([]),
  /** The buyer's first message; without it the simulator writes one. */
  opening: text.optional(),
  /** Whether the buyer confirms an order that matches the goal when asked. */
  confirms: z.boolean().default(true),
  /** Stop after this many buyer messages. */
  maxTurns: z.number().int().min(1).max(30).default(10),
});
export type Persona = z.infer<typeof personaSchema>;

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,80}$/, "lower-case letters, digits, . _ -"),
    purpose: text,
    tags: z.array(z.string().min(1).max(40)).default([]),
    catalog: catalogRefSchema.default("demo"),
    /**
     * Only these languages' texts of the catalog: a buyer writing in another language meets a catalog without texts in
     * it. The default language stays unless none of these is it and the catalog has texts in one of them: then that one
     * becomes the default and only language, its texts the base texts (`--catalog-languages de` on a catalog with
     * English base texts and German translations: a German-only shop). See catalog/import/languages.ts.
     */
    catalogLanguages: z
      .array(z.string().regex(/^[a-z]{2}$/, "ISO 639-1 code"))
      .min(1)
      .max(10)
      .optional(),
    /** The evaluation's "today" (ISO instant). Default: the demo world's reference date. */
    now: z.iso.datetime().optional(),
    customer: text,
    contact: z.string().min(1).max(128).optional(),
    /** The buyer's script (or `persona` for a simulated buyer). */
    steps: z.array(stepSchema).min(1).max(60).optional(),
    persona: personaSchema.optional(),
    expect: expectSchema,
  })
  .refine((s) => (s.steps === undefined) !== (s.persona === undefined), {
    message: "a scenario has either steps (a script) or a persona (a simulated buyer)",
    path: ["steps"],
  });
export type Scenario = z.infer<typeof scenarioSchema> & { file: string };

export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = "ScenarioFileError";
  }
}

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listJson(path);
      return name.endsWith(".json") ? [path] : [];
    });
}

/** Parse one scenario file (an object, or an array of scenarios). */
export function parseScenarioFile(file: string, raw: string): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new ScenarioFileError(file, "(file)", `not JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    const parsed = scenarioSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = [...(Array.isArray(data) ? [i] : []), ...issue.path].join(".") || "(root)";
      throw new ScenarioFileError(file, at, issue.message);
    }
    return { ...parsed.data, file };
  });
}

/** Every scenario under `dir` (recursively), ids unique across files. */
export function loadScenarios(dir: string): Scenario[] {
  const all = listJson(dir).flatMap((file) =>
    parseScenarioFile(relative(process.cwd(), file), readFileSync(file, "utf8")),
  );
  const seen = new Map<string, string>();
  for (const s of all) {
    const before = seen.get(s.id);
    if (before) throw new ScenarioFileError(s.file, "id", `duplicate id ${s.id} (also in ${before})`);
    seen.set(s.id, s.file);
  }
  return all;
}
