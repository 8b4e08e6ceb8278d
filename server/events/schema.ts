/**
 * The SSE event schema: the `event:` names and the JSON in `data:` that the buyer's and the rep's streams carry.
 * Published in the OpenAPI document (`components.schemas.SseEvent`) and described in the README. Every event has an
 * `id:` (per thread, increasing); send it back as `Last-Event-ID` to resume.
 */
import { z } from "zod";

const draftHash = z.string().describe("the draft version the buyer confirms");
const opaque = (what: string) => z.record(z.string(), z.unknown()).describe(what);

export const sseEventSchemas = {
  run_started: z.object({
    runId: z.string(),
    kind: z.enum(["message", "confirm", "decision"]),
    by: z.enum(["buyer", "rep"]),
  }),
  text: z.object({ runId: z.string(), delta: z.string(), messageId: z.string().optional() }),
  message: z.object({
    role: z.enum(["assistant", "buyer", "rep"]),
    text: z.string(),
    messageId: z.string().optional(),
    runId: z.string().optional(),
    repId: z.string().optional(),
  }),
  tool: z.object({
    runId: z.string(),
    name: z.string(),
    status: z.enum(["ok", "error"]),
    label: z.string().describe('what the buyer sees, e.g. "Checking stock"'),
  }),
  draft: z.object({
    runId: z.string(),
    draft: opaque("the draft order"),
    report: opaque("validation report").nullable(),
  }),
  report: z.object({ runId: z.string(), report: opaque("the engine's ValidationReport") }),
  interrupt: z.object({
    runId: z.string(),
    type: z.enum(["confirm", "approval"]),
    draftHash,
    summary: opaque("lines, totals and promise date of the draft to confirm or approve"),
    codes: z.array(z.string()).optional().describe("approval: the policy codes that need a rep"),
  }),
  handoff: z.object({ runId: z.string(), status: z.string() }),
  order_status: z.object({
    orderId: z.string(),
    threadId: z.string(),
    customerId: z.string(),
    status: z.string(),
    erpOrderNumber: z.string().optional(),
    message: z.string().optional(),
    at: z.string(),
  }),
  takeover: z.object({ heldBy: z.string().nullable().describe("the rep holding the thread; null: handed back") }),
  note: z.object({ repId: z.string(), text: z.string(), at: z.string() }).describe("rep streams only"),
  thread: z
    .object({
      threadId: z.string(),
      status: z.string(),
      customerId: z.string().nullable(),
      customerName: z.string().nullable().optional(),
      heldBy: z.string().nullable(),
    })
    .describe("rep queue stream: a thread changed"),
  error: z.object({ runId: z.string().optional(), code: z.string(), detail: z.string() }),
  run_finished: z.object({
    runId: z.string(),
    status: z.enum(["completed", "aborted", "failed"]),
    pending: z.enum(["confirm", "approval"]).nullable(),
    orderId: z.string().nullable(),
  }),
  resync: z.object({ reason: z.string() }).describe("events were missed and are no longer held: re-read the thread"),
} as const;

export type SseEventName = keyof typeof sseEventSchemas;
export type SseEventData<K extends SseEventName> = z.infer<(typeof sseEventSchemas)[K]>;

/** One schema for the documentation: `{ event, data }` tagged by event name. */
export const sseEventSchema = z
  .discriminatedUnion(
    "event",
    Object.entries(sseEventSchemas).map(([event, data]) =>
      z.object({ event: z.literal(event), id: z.number(), data }),
    ) as unknown as [
      z.ZodObject<{ event: z.ZodLiteral<string>; id: z.ZodNumber; data: z.ZodType }>,
      ...z.ZodObject<{ event: z.ZodLiteral<string>; id: z.ZodNumber; data: z.ZodType }>[],
    ],
  )
  .meta({
    id: "SseEvent",
    description: "One Server-Sent Event: `event:` is the name, `data:` the JSON, `id:` the id.",
  });

/** What the buyer sees while a tool runs. */
export const TOOL_LABELS: Record<string, string> = {
  search_catalog: "Searching the catalog",
  get_product: "Reading product details",
  get_installed_base: "Looking up your machines",
  get_order_history: "Looking up your order history",
  check_compatibility: "Checking compatibility",
  check_stock: "Checking stock in the warehouses",
  get_configuration: "Checking the configuration",
  get_price: "Looking up your price",
  add_line: "Updating the order",
  update_line: "Updating the order",
  remove_line: "Updating the order",
  set_options: "Updating the order",
  set_machine: "Updating the order",
  set_order_details: "Updating the order",
  clear_draft: "Updating the order",
  review_order: "Validating the order",
  place_order: "Validating the order",
};
