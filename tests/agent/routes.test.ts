import { describe, expect, test } from "vitest";
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { END } from "@langchain/langgraph";
import { routeAfterConfirm, routeAfterModel, routeAfterTools, routeAfterValidate } from "../../agent/routes.ts";
import type { ValidationReport } from "../../tools/types.ts";
import { msg } from "../../tools/messages/index.ts";

const report = (over: Partial<ValidationReport> = {}): ValidationReport => ({
  clean: true,
  needsApproval: false,
  draftHash: "h",
  customerId: "C",
  currency: "EUR",
  lines: [],
  issues: [],
  totals: { netCents: 0, lines: 0 },
  checkedAt: "",
  ...over,
});
const approvalIssue = {
  code: "policy.order_value_approval",
  severity: "approval" as const,
  message: "big",
  text: msg("policy.order_value_approval", { max: { cents: 100, currency: "EUR" } }),
  fixes: [],
};

describe("routers", () => {
  test("after the model: tool calls go to tools, text ends the turn", () => {
    expect(
      routeAfterModel({ messages: [new AIMessage({ content: "", tool_calls: [{ name: "x", args: {}, id: "1" }] })] }),
    ).toBe("tools");
    expect(routeAfterModel({ messages: [new AIMessage("hi")] })).toBe(END);
    expect(routeAfterModel({ messages: [new HumanMessage("hi")] })).toBe(END);
  });

  test("after tools: only a checkout request reaches validate", () => {
    expect(routeAfterTools({ checkout: null })).toBe("model");
    expect(routeAfterTools({ checkout: { kind: "review", toolCallId: "1" } })).toBe("validate");
  });

  test("after validate: only place_order with a clean report reaches confirm", () => {
    const base = { messages: [], draft: { lines: [] } };
    expect(routeAfterValidate({ ...base, checkout: { kind: "place", toolCallId: "1" }, report: report() })).toBe(
      "confirm",
    );
    expect(
      routeAfterValidate({ ...base, checkout: { kind: "place", toolCallId: "1" }, report: report({ clean: false }) }),
    ).toBe("model");
    expect(routeAfterValidate({ ...base, checkout: { kind: "review", toolCallId: "1" }, report: report() })).toBe(
      "model",
    );
    expect(routeAfterValidate({ ...base, checkout: { kind: "place", toolCallId: "1" }, report: null })).toBe("model");
  });

  test("after confirm: approval needed until an approval covers every approval code", () => {
    const r = report({ needsApproval: true, issues: [approvalIssue] });
    const confirmation = { draftHash: "h", at: "" };
    expect(routeAfterConfirm({ report: report(), approvals: [], confirmation })).toBe("handoff");
    expect(routeAfterConfirm({ report: r, approvals: [], confirmation })).toBe("approve");
    const approval = (code: string) => ({
      decision: "approve" as const,
      actor: "rep",
      reason: "ok",
      at: "",
      codes: [code],
      draftHash: "h",
      totalCents: 0,
      issues: [{ code, amounts: {} }],
    });
    expect(routeAfterConfirm({ report: r, approvals: [approval("credit.overrun_approval")], confirmation })).toBe(
      "approve",
    );
    expect(routeAfterConfirm({ report: r, approvals: [approval("policy.order_value_approval")], confirmation })).toBe(
      "handoff",
    );
  });
});
