/** Pieces every route file uses: path/header schemas, problem+json responses, SSE responses for the OpenAPI document. */
import { z } from "@hono/zod-openapi";
import { MAX_MESSAGE_KEY_CHARS, threadIdSchema } from "../../agent/index.ts";
import { visibleText } from "../../tools/limits.ts";
import { problemSchema } from "../errors.ts";
import { sseEventSchema } from "../events/schema.ts";

/** The agent's own thread-id schema: one definition of what a thread id may be. */
export const threadIdParam = z.object({
  id: z
    .string()
    .max(128)
    .openapi({ param: { name: "id", in: "path" }, example: "3f1c9c2e-4a1b-4c1e-9f0e-1a2b3c4d5e6f" })
    .pipe(threadIdSchema),
});

/**
 * Text a person types (a buyer's or rep's message, a note, a reason): invisible characters removed (tools/limits.ts
 * `visibleText`), trimmed, then 1 to `max` characters — a text of nothing but invisible characters is empty (400).
 */
export const typedText = (max: number) => z.string().overwrite(visibleText).trim().min(1).max(max);

/** The optional `Idempotency-Key` header of a message endpoint (the buyer's, the rep's): what a retry under it does. */
export const messageKeyHeaders = (description: string, example: string) =>
  z.object({
    "idempotency-key": z
      .string()
      .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
      .max(MAX_MESSAGE_KEY_CHARS)
      .optional()
      .describe(description)
      .openapi({ param: { name: "idempotency-key", in: "header" }, example }),
  });

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input (the fields at fault are listed)",
  401: "Missing, expired or invalid credentials",
  403: "Not allowed",
  404: "Not found (or not yours)",
  409: "Conflict (a run is in progress)",
  413: "Body too large",
  429: "Rate limit exceeded",
  503: "Not ready",
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: STATUS_TEXT[s] ?? "Error", content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
}

export const sseResponse = (description: string) => ({
  description: `${description} — \`text/event-stream\`; each event's \`data\` is JSON (see components.schemas.SseEvent).`,
  content: { "text/event-stream": { schema: sseEventSchema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A buyer session, or none (a guest). */
export const buyerSecurity: Record<string, string[]>[] = [{ buyerSession: [] }, {}];
export const repSecurity: Record<string, string[]>[] = [{ repKey: [] }];
