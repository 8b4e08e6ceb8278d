/** The draft tools: add/update/remove lines, options, machine, order details, clear. Each returns the engine's verdict. */
import { ToolMessage } from "@langchain/core/messages";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { Command } from "@langchain/langgraph";
import { z } from "zod";
import { optionsAfterReplace } from "../checks/alternatives.ts";
import { codeField, dateField, discountPctField, lineIdField, poReferenceField, unitField } from "../limits.ts";
import { msg } from "../messages/index.ts";
import { EMPTY_DRAFT, type Draft, type DraftLine } from "../types.ts";
import {
  compactLine,
  currentDraft,
  DATA_NOTE,
  fail,
  json,
  lineOutOfBounds,
  machineArg,
  machineOf,
  MAX_DRAFT_LINES,
  normaliseOptions,
  optionsArg,
  qtyArg,
  requestedPriceArg,
  session,
  shieldTool,
  skuArg,
  type SessionContext,
  type ShieldToolRuntime,
  type ToolDeps,
} from "./shared.ts";

/** Argument schemas, built once per process (zod compiles a schema on its first parse; one per agent paid it again). */
const ADD_LINE_ARGS = z.object({
  sku: skuArg,
  quantity: qtyArg,
  unit: unitField.optional(),
  options: optionsArg.optional(),
  machineId: machineArg.optional(),
  requestedUnitPriceCents: requestedPriceArg.optional(),
});
const UPDATE_LINE_ARGS = z.object({
  lineId: lineIdField,
  sku: skuArg.optional(),
  quantity: qtyArg.optional(),
  unit: unitField.optional(),
  options: optionsArg.optional(),
  machineId: machineArg.optional(),
  requestedUnitPriceCents: requestedPriceArg.optional(),
});
const REMOVE_LINE_ARGS = z.object({ lineId: lineIdField });
const SET_OPTIONS_ARGS = z.object({ lineId: lineIdField, options: optionsArg });
const SET_MACHINE_ARGS = z.object({ machineId: machineArg, lineId: lineIdField.optional() });
const SET_ORDER_DETAILS_ARGS = z.object({
  poReference: poReferenceField.optional(),
  shipToId: codeField.optional(),
  requestedDate: dateField.optional(),
  requestedDiscountPct: discountPctField.optional().describe("Discount the buyer asks for, in percent"),
});
const CLEAR_DRAFT_ARGS = z.object({});

export function createDraftTools({ data, validate, noSession }: ToolDeps): StructuredToolInterface[] {
  const productsOf = (from: string, to: string) => {
    const found = data.products([from, to]);
    return [found.get(from), found.get(to)] as const;
  };
  const draftResult = (
    runtime: unknown,
    draft: Draft,
    customerId: string,
    focusLineId: string | undefined,
    text: Record<string, unknown>,
  ) => {
    const report = validate(draft, customerId, session(runtime)?.locale);
    const line = focusLineId ? report.lines.find((l) => l.lineId === focusLineId) : undefined;
    const content = json({
      ...text,
      draft: {
        lines: draft.lines,
        machineId: draft.machineId,
        shipToId: draft.shipToId,
        poReference: draft.poReference,
        requestedDate: draft.requestedDate,
      },
      ...(line ? { line: compactLine(line) } : {}),
      orderClean: report.clean,
      needsApproval: report.needsApproval,
      totals: report.totals,
      currency: report.currency,
      note: DATA_NOTE,
    });
    const id = (runtime as ShieldToolRuntime).toolCallId ?? "";
    return new Command({
      update: {
        draft,
        report,
        messages: [
          new ToolMessage({ content, tool_call_id: id, name: (runtime as ShieldToolRuntime).toolName ?? "draft" }),
        ],
      },
    });
  };

  const nextLineId = (draft: Draft) => {
    const n = draft.lines.reduce((max, l) => Math.max(max, Number(/^L(\d+)$/.exec(l.lineId)?.[1] ?? 0)), 0);
    return `L${n + 1}`;
  };

  const checkMachine = (s: SessionContext, machineId: string | undefined) =>
    !machineId || machineOf(data.customer(s.customerId), machineId)
      ? undefined
      : fail(msg("tool.unknown_machine", {}), {}, s.locale);

  const add_line = shieldTool(
    ({ sku, quantity, unit, options, machineId, requestedUnitPriceCents }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const bad = checkMachine(s, machineId);
      if (bad) return bad;
      const draft = currentDraft(runtime);
      if (draft.lines.length >= MAX_DRAFT_LINES)
        return fail(msg("tool.too_many_lines", { max: MAX_DRAFT_LINES }), {}, s.locale);
      const line: DraftLine = {
        lineId: nextLineId(draft),
        sku,
        quantity,
        ...(unit ? { unit } : {}),
        ...(options ? { options: normaliseOptions(options) } : {}),
        ...(machineId ? { machineId } : {}),
        ...(requestedUnitPriceCents !== undefined ? { requestedUnitPriceCents } : {}),
      };
      const outOfBounds = lineOutOfBounds(line, s.locale);
      if (outOfBounds) return outOfBounds;
      return draftResult(runtime, { ...draft, lines: [...draft.lines, line] }, s.customerId, line.lineId, {
        added: line.lineId,
      });
    },
    {
      name: "add_line",
      description: "Add a line to the buyer's draft order. Returns the draft and the engine's verdict for the line.",
      schema: ADD_LINE_ARGS,
    },
  );

  const withLine = (
    runtime: unknown,
    lineId: string,
    edit: (l: DraftLine, s: SessionContext, d: Draft) => DraftLine | string,
  ) => {
    const s = session(runtime);
    if (!s) return noSession;
    const draft = currentDraft(runtime);
    const line = draft.lines.find((l) => l.lineId === lineId);
    if (!line)
      return fail(msg("tool.no_such_line", { lineId }), { lineIds: draft.lines.map((l) => l.lineId) }, s.locale);
    const next = edit(line, s, draft);
    if (typeof next === "string") return next;
    const outOfBounds = lineOutOfBounds(next, s.locale);
    if (outOfBounds) return outOfBounds;
    return draftResult(
      runtime,
      { ...draft, lines: draft.lines.map((l) => (l.lineId === lineId ? next : l)) },
      s.customerId,
      lineId,
      { updated: lineId },
    );
  };

  const update_line = shieldTool(
    ({ lineId, sku, quantity, unit, options, machineId, requestedUnitPriceCents }, runtime) =>
      withLine(runtime, lineId, (l, s) => {
        const bad = checkMachine(s, machineId);
        if (bad) return bad;
        // Another product drops the old one's options unless both share a configuration model (a `replace_sku` fix).
        const { options: old, ...rest } = l;
        const kept =
          options !== undefined
            ? normaliseOptions(options)
            : sku !== undefined && sku !== l.sku
              ? optionsAfterReplace(...productsOf(l.sku, sku), old)
              : old;
        return {
          ...rest,
          ...(sku !== undefined ? { sku } : {}),
          ...(kept !== undefined ? { options: kept } : {}),
          ...(quantity !== undefined ? { quantity } : {}),
          ...(unit !== undefined ? { unit } : {}),
          ...(machineId !== undefined ? { machineId } : {}),
          ...(requestedUnitPriceCents !== undefined ? { requestedUnitPriceCents } : {}),
        };
      }),
    {
      name: "update_line",
      description: "Change a draft line: SKU (e.g. a successor or alternative), quantity, unit, options or machine.",
      schema: UPDATE_LINE_ARGS,
    },
  );

  const remove_line = shieldTool(
    ({ lineId }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const draft = currentDraft(runtime);
      if (!draft.lines.some((l) => l.lineId === lineId))
        return fail(msg("tool.no_such_line", { lineId }), { lineIds: draft.lines.map((l) => l.lineId) }, s.locale);
      return draftResult(
        runtime,
        { ...draft, lines: draft.lines.filter((l) => l.lineId !== lineId) },
        s.customerId,
        undefined,
        { removed: lineId },
      );
    },
    {
      name: "remove_line",
      description: "Remove a line from the draft.",
      schema: REMOVE_LINE_ARGS,
    },
  );

  const set_options = shieldTool(
    ({ lineId, options }, runtime) =>
      withLine(runtime, lineId, (l) => {
        // An empty list removes the group: that is how the engine's `set_option` fixes with no values are applied.
        const merged: Record<string, string[]> = { ...(l.options ?? {}), ...normaliseOptions(options) };
        for (const [group, values] of Object.entries(merged)) if (values.length === 0) delete merged[group];
        return { ...l, options: merged };
      }),
    {
      name: "set_options",
      description:
        "Choose configuration options on a draft line (merged into the options already chosen; an empty list removes that group).",
      schema: SET_OPTIONS_ARGS,
    },
  );

  const set_machine = shieldTool(
    ({ machineId, lineId }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const bad = checkMachine(s, machineId);
      if (bad) return bad;
      if (lineId) return withLine(runtime, lineId, (l) => ({ ...l, machineId }));
      return draftResult(runtime, { ...currentDraft(runtime), machineId }, s.customerId, undefined, { machineId });
    },
    {
      name: "set_machine",
      description: "Set the target machine for the whole order, or for one line.",
      schema: SET_MACHINE_ARGS,
    },
  );

  const set_order_details = shieldTool(
    ({ poReference, shipToId, requestedDate, requestedDiscountPct }, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      if (shipToId && !data.customer(s.customerId)?.shipTos.some((t) => t.id === shipToId)) {
        return fail(msg("tool.unknown_ship_to", {}), {
          shipTos: data.customer(s.customerId)?.shipTos.map((t) => ({ id: t.id, label: t.label, city: t.city })),
        });
      }
      const draft: Draft = {
        ...currentDraft(runtime),
        ...(poReference !== undefined ? { poReference } : {}),
        ...(shipToId !== undefined ? { shipToId } : {}),
        ...(requestedDate !== undefined ? { requestedDate } : {}),
        ...(requestedDiscountPct !== undefined ? { requestedDiscountPct } : {}),
      };
      return draftResult(runtime, draft, s.customerId, undefined, { updated: "order details" });
    },
    {
      name: "set_order_details",
      description:
        "Set the buyer's PO reference, ship-to address id, requested delivery date (YYYY-MM-DD), or a discount the buyer asks for (a request: a sales rep may have to approve it).",
      schema: SET_ORDER_DETAILS_ARGS,
    },
  );

  const clear_draft = shieldTool(
    (_args, runtime) => {
      const s = session(runtime);
      if (!s) return noSession;
      const revision = currentDraft(runtime).revision;
      return draftResult(
        runtime,
        revision !== undefined ? { lines: [], revision } : EMPTY_DRAFT,
        s.customerId,
        undefined,
        { cleared: true },
      );
    },
    { name: "clear_draft", description: "Start over with an empty draft.", schema: CLEAR_DRAFT_ARGS },
  );

  return [
    add_line,
    update_line,
    remove_line,
    set_options,
    set_machine,
    set_order_details,
    clear_draft,
  ] as StructuredToolInterface[];
}
