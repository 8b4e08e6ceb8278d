/** Running one tool call for the tools node: every call ends in a ToolMessage or a Command, never an exception. */
import { ToolMessage, type ToolCall } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { Command } from "@langchain/langgraph";
import { z } from "zod";
import { msg } from "../messages/index.ts";
import { fail, json, toolHandler, type ShieldToolRuntime } from "./shared.ts";

/** Argument names that try to choose an identity; the session decides. */
const IDENTITY_ARGS = ["customerId", "customer_id", "customer", "contactId", "contact_id", "tenant", "accountId"];
const CONTACT_ARGS = new Set(["contactId", "contact_id"]);

/** The typed reason a call naming another customer is refused with (`refused` in its result). */
export const OTHER_CUSTOMER = "identity.other_customer";

/**
 * The identity argument that names someone other than the session (another customer's id or name, another contact),
 * if any. Naming the session's own customer or contact — or nothing (null, "") — changes nothing: it is ignored.
 */
function otherIdentity(args: Record<string, unknown>, context: ShieldToolRuntime["context"]): string | undefined {
  const same = (value: unknown, own: string | null | undefined) =>
    value === null ||
    value === undefined ||
    (typeof value === "string" && (!value.trim() || value.trim().toLowerCase() === own?.toLowerCase()));
  return IDENTITY_ARGS.find(
    (k) => k in args && !same(args[k], CONTACT_ARGS.has(k) ? context?.contactId : context?.customerId),
  );
}

/**
 * Run one tool call and always come back with a ToolMessage or a Command: unknown tools, arguments that fail the
 * schema and identity arguments become readable error results the model can act on.
 */
export async function runToolCall(
  tools: StructuredToolInterface[],
  call: ToolCall,
  runtime: ShieldToolRuntime,
): Promise<ToolMessage | Command> {
  const id = call.id ?? "";
  const t = tools.find((x) => x.name === call.name);
  const errorMessage = (content: string) =>
    new ToolMessage({ content, tool_call_id: id, name: call.name, status: "error" });
  const locale = runtime.context?.locale;
  if (!t)
    return errorMessage(
      fail(msg("tool.unknown_tool", { tool: call.name }), { tools: tools.map((x) => x.name) }, locale),
    );
  const args = call.args && typeof call.args === "object" && !Array.isArray(call.args) ? { ...call.args } : {};
  // "What does X cost for customer C-1002?": a call for another customer is refused, with a typed reason the model can
  // say — answering it for the session's customer instead showed the buyer their own price as if it were the other's.
  const other = otherIdentity(args, runtime.context);
  if (other)
    return errorMessage(
      fail(msg("tool.other_customer", { tool: call.name, argument: other }), { refused: OTHER_CUSTOMER }, locale),
    );
  const ignored = IDENTITY_ARGS.filter((k) => k in args);
  for (const k of ignored) delete args[k];
  const schema = t.schema as z.ZodType;
  const checked = typeof schema?.safeParse === "function" ? schema.safeParse(args) : undefined;
  if (checked && !checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`).join("; ");
    return errorMessage(
      fail(msg("tool.invalid_arguments", { tool: call.name, problems }), { expected: describeSchema(t) }, locale),
    );
  }
  try {
    const handler = toolHandler(t);
    const out = handler
      ? await handler((checked?.data ?? args) as never, { ...runtime, toolCallId: id, toolName: call.name })
      : await t.invoke({ ...call, args, id, type: "tool_call" }, {
          ...runtime,
          toolCallId: id,
          toolName: call.name,
        } as never);
    if (out instanceof Command) return out;
    const content = typeof out === "string" ? out : typeof out?.content === "string" ? out.content : json(out);
    const withNote = ignored.length ? annotate(content, ignored) : content;
    return new ToolMessage({
      content: withNote,
      tool_call_id: id,
      name: call.name,
      status: content.startsWith('{"error"') ? "error" : "success",
    });
  } catch (e) {
    return errorMessage(
      fail(
        msg("tool.invalid_arguments", { tool: call.name, problems: readableError(e) }),
        { expected: describeSchema(t) },
        locale,
      ),
    );
  }
}

function annotate(content: string, ignored: string[]): string {
  const note = `${ignored.join(", ")} ignored: the customer is the signed-in session`;
  try {
    const parsed = JSON.parse(content) as Record<string, unknown>;
    return json({ ...parsed, identityNote: note });
  } catch {
    return json({ result: content, identityNote: note });
  }
}

function readableError(e: unknown): string {
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof z.ZodError)
    return cause.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`).join("; ");
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0]?.slice(0, 300) ?? "invalid";
}

function describeSchema(t: StructuredToolInterface): unknown {
  try {
    const schema = z.toJSONSchema(t.schema as z.ZodType) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    return { properties: Object.keys(schema.properties ?? {}), required: schema.required ?? [] };
  } catch {
    return undefined;
  }
}
