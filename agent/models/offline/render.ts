/**
 * Stage 3, render: the tool results the consultant phrases, checked with zod before a word is written (a result of
 * another shape is said to be unreadable, never guessed at), and an issue's text in the buyer's language. An issue
 * that carries a typed code with parameters (`params`, or the engine's `details`) is rendered from those where a
 * template exists for its code; otherwise the engine's own message is shown as it came.
 */
import { z } from "zod";
import { engineMessageSchema, type EngineMessage, renderMessage } from "../../../tools/messages/index.ts";
import type { ToolResult } from "./conversation.ts";
import type { Lang } from "./language.ts";
import { money, say } from "./replies.ts";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const issueSchema = z.looseObject({
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  fixes: z.array(z.looseObject({ kind: z.string() })).optional(),
  params: z.record(z.string(), scalar).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RenderIssue = z.infer<typeof issueSchema>;

const schedule = z.array(
  z.object({ quantity: z.number(), date: z.string(), warehouse: z.string(), source: z.string() }),
);

export const priceResult = z.looseObject({
  sku: z.string(),
  quantity: z.number(),
  unit: z.string().optional(),
  unitPriceCents: z.number(),
  amountCents: z.number(),
  priceSource: z.string().optional(),
  currency: z.string().optional(),
});

export const stockResult = z.looseObject({
  sku: z.string(),
  quantity: z.number(),
  unit: z.string().optional(),
  verdict: z.string().optional(),
  promiseDate: z.string().optional(),
  schedule: schedule.optional(),
  issues: z.array(issueSchema).optional(),
});

export const compatResult = z.looseObject({
  sku: z.string(),
  machineId: z.string(),
  compatible: z.boolean(),
  issues: z.array(issueSchema),
});

export const searchResult = z.looseObject({
  data: z.array(
    z.looseObject({
      sku: z.string(),
      name: z.string(),
      category: z.string().optional(),
      lifecycle: z.string().optional(),
      successorSku: z.string().optional(),
      fitsMachine: z.boolean().optional(),
    }),
  ),
});

/** The result's data in the schema's shape, or undefined when the tool answered something else. */
export function typed<S extends z.ZodType>(schema: S, r: ToolResult): z.infer<S> | undefined {
  const parsed = schema.safeParse(r.data);
  return parsed.success ? parsed.data : undefined;
}

/** Said when a tool's answer has not the shape this model reads: nothing is made up in its place. */
export function unreadable(r: ToolResult, lang: Lang): string {
  return say(
    lang,
    `I could not read the answer of ${r.name}; please ask me again.`,
    `Die Antwort von ${r.name} konnte ich nicht lesen; bitte fragen Sie noch einmal.`,
  );
}

type Params = Record<string, unknown>;
const num = (p: Params, k: string) => (typeof p[k] === "number" ? (p[k] as number) : undefined);

/** Templates by issue code over its typed parameters; a template that lacks a parameter it needs is not used. */
const TEMPLATES: Record<string, (p: Params, lang: Lang) => string | undefined> = {
  "policy.order_value_approval": (p, lang) => {
    const net = num(p, "netCents");
    const max = num(p, "maxOrderValueCents");
    if (net === undefined || max === undefined) return undefined;
    return say(
      lang,
      `The order value ${money(net, "EUR", lang)} is above ${money(max, "EUR", lang)}: a sales representative approves it.`,
      `Der Bestellwert ${money(net, "EUR", lang)} liegt über ${money(max, "EUR", lang)}: Der Vertrieb muss ihn freigeben.`,
    );
  },
  "policy.min_order_value": (p, lang) => {
    const net = num(p, "netCents");
    const min = num(p, "minOrderValueCents");
    if (net === undefined || min === undefined) return undefined;
    return say(
      lang,
      `The order value ${money(net, "EUR", lang)} is below the minimum order value of ${money(min, "EUR", lang)}.`,
      `Der Bestellwert ${money(net, "EUR", lang)} liegt unter dem Mindestbestellwert von ${money(min, "EUR", lang)}.`,
    );
  },
  "policy.discount_approval": (p, lang) => {
    const asked = num(p, "requestedDiscountPct");
    const max = num(p, "maxDiscountPct");
    if (asked === undefined || max === undefined) return undefined;
    return say(
      lang,
      `A discount of ${asked}% is above the ${max}% that can be granted without approval.`,
      `Ein Rabatt von ${asked} % liegt über den ${max} %, die ohne Freigabe möglich sind.`,
    );
  },
  "product.restricted": (p, lang) =>
    typeof p.requires === "string"
      ? say(
          lang,
          `This product may only be sold with the ${p.requires} certification on file.`,
          `Dieser Artikel darf nur mit hinterlegter Zertifizierung „${p.requires}“ verkauft werden.`,
        )
      : undefined,
};

/**
 * An issue in the buyer's language: for a buyer not writing the engine's language (English), from its code and
 * parameters where a template exists; else the engine's own text.
 */
export function issueText(
  issue: { code: string; message: string; text?: unknown; params?: Params; details?: Params },
  lang: Lang,
): string {
  // The engine's typed message (key + params, zod-checked) rendered in the buyer's language: never its English string.
  const typed = engineMessageSchema.safeParse(issue.text);
  if (typed.success) return renderMessage(typed.data as EngineMessage, lang);
  const params = issue.params ?? issue.details;
  const template = params && lang !== "en" ? TEMPLATES[issue.code] : undefined;
  return (template && params ? template(params, lang) : undefined) ?? issue.message;
}
