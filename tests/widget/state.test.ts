/**
 * The widget's conversation state and SSE client without a browser: what the buyer would see go wrong if they broke
 * (a reply shown twice after a reconnect, a token-by-token transcript, a stale confirm button, a lost order number).
 */
import { describe, expect, it } from "vitest";
import { chatReducer, errorCodeOf, INITIAL, type ChatState } from "../../widget/chat/state.ts";
import { parseEvent, type ServerEvent } from "../../widget/shared/events.ts";
import { i18n } from "../../widget/shared/i18n.ts";
import { readSse } from "../../widget/shared/sse.ts";

let nextId = 1;
const ev = (event: string, data: unknown, id = nextId++): ServerEvent =>
  parseEvent(event, JSON.stringify(data), String(id))!;
const apply = (s: ChatState, ...events: ServerEvent[]) =>
  events.reduce((acc, event) => chatReducer(acc, { type: "event", event }), s);

describe("chat state", () => {
  it("streams a reply outside the transcript and adds it once when the run finishes", () => {
    let s = chatReducer(INITIAL, { type: "send", id: "local-1", text: "seal for pump 2" });
    s = apply(s, ev("run_started", { runId: "r1", kind: "message", by: "buyer" }));
    s = apply(
      s,
      ev("text", { runId: "r1", delta: "For Pump 2 ", messageId: "m1" }),
      ev("text", { runId: "r1", delta: "I found", messageId: "m1" }),
    );
    expect(s.streaming?.text).toBe("For Pump 2 I found");
    expect(s.messages.map((m) => m.role)).toEqual(["user"]);
    s = apply(s, ev("run_finished", { runId: "r1", status: "completed", pending: null, orderId: null }));
    expect(s.streaming).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "seal for pump 2"],
      ["assistant", "For Pump 2 I found"],
    ]);
  });

  it("applies an event once when it arrives on both the run's stream and the thread's stream", () => {
    const reply = ev("message", { role: "assistant", text: "Added L1", messageId: "m2" });
    const s = apply(INITIAL, reply, reply, ev("message", { role: "buyer", text: "hello" }, reply.id));
    expect(s.messages).toHaveLength(1);
  });

  it("does not show the buyer's own message twice when the server echoes it", () => {
    let s = chatReducer(INITIAL, { type: "send", id: "local-2", text: "make it 3" });
    s = apply(s, ev("message", { role: "buyer", text: "make it 3", messageId: "h1" }));
    expect(s.messages.filter((m) => m.role === "user")).toHaveLength(1);
  });

  it("withdraws the confirm step when the run ends without a pending confirmation", () => {
    let s = apply(INITIAL, ev("interrupt", { runId: "r", type: "confirm", draftHash: "h-1", summary: {} }));
    expect(s.pending).toEqual({ type: "confirm", draftHash: "h-1" });
    s = apply(s, ev("run_finished", { runId: "r", status: "completed", pending: null, orderId: null }));
    expect(s.pending).toBeNull();
  });

  it("shows the order after the hand-off, clears the placed draft and takes the ERP's number", () => {
    let s = apply(INITIAL, ev("draft", { draft: { lines: [{ lineId: "L1", sku: "X", quantity: 1 }] }, report: null }));
    s = apply(s, ev("run_finished", { runId: "r", status: "completed", pending: null, orderId: "ord_1" }));
    expect(s.order).toEqual({ orderId: "ord_1", status: "handed_off" });
    expect(s.draft).toBeNull();
    s = apply(
      s,
      ev("order_status", {
        orderId: "ord_1",
        threadId: "t",
        customerId: "C",
        status: "accepted",
        erpOrderNumber: "SO-9",
        at: "",
      }),
    );
    expect(s.order).toEqual({ orderId: "ord_1", status: "accepted", erpOrderNumber: "SO-9" });
  });

  it("turns server problem codes into what the buyer is told", () => {
    expect(errorCodeOf("rate_limit:session")).toBe("rate_limited");
    expect(errorCodeOf("unauthorized:session")).toBe("session_expired");
    expect(errorCodeOf("internal:run")).toBe("server");
    const s = apply(INITIAL, ev("error", { code: "unavailable:model", detail: "x" }));
    expect(s.error).toEqual({ code: "server" });
  });
});

describe("events and SSE", () => {
  it("ignores unknown and malformed events instead of throwing", () => {
    expect(parseEvent("future_event", "{}")).toBeNull();
    expect(parseEvent("text", "{not json")).toBeNull();
    expect(parseEvent("draft", JSON.stringify({ draft: { lines: "no" } }))).toBeNull();
  });

  it("reads events split across network chunks", async () => {
    const body =
      'id: 1\nevent: text\ndata: {"runId":"r","delta":"Hel"}\n\nid: 2\nevent: text\ndata: {"runId":"r","delta":"lo"}\n\n: ping\n\n';
    const chunks = [body.slice(0, 17), body.slice(17, 50), body.slice(50)];
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
    const seen: string[] = [];
    for await (const m of readSse(new Response(stream))) seen.push(`${m.id}:${m.event}:${m.data}`);
    expect(seen).toEqual(['1:text:{"runId":"r","delta":"Hel"}', '2:text:{"runId":"r","delta":"lo"}']);
  });
});

describe("fix buttons", () => {
  it("say the fix in the buyer's language, naming the line's product", () => {
    const fix = { kind: "replace_sku", lineId: "L1", sku: "SE-MS28-CC-EPDM", reason: "" } as const;
    expect(i18n("en").fixMessage(fix, "SE-MS24-CC-EPDM")).toBe("Use SE-MS28-CC-EPDM instead of SE-MS24-CC-EPDM");
    expect(i18n("de").fixMessage(fix, "SE-MS24-CC-EPDM")).toBe("Bitte SE-MS28-CC-EPDM statt SE-MS24-CC-EPDM");
    expect(i18n("en").fix({ kind: "set_quantity", lineId: "L2", quantity: 5, unit: "BOX" })).toBe("Change to 5 boxes");
  });

  it("name order units in words of the buyer's language, one or many; a code without words stays the code", () => {
    expect(i18n("de").fix({ kind: "set_quantity", lineId: "L2", quantity: 1, unit: "BOX" })).toMatch(/1 Karton\b/);
    expect(i18n("de").qty(2.5, "ROL")).toBe("2,5 Rollen");
    expect(i18n("en").qty(1, "PCE")).toBe("1 piece");
    expect(i18n("de").qty(12, "MTR")).toBe("12 m");
    expect(i18n("de").qty(3, "RNG")).toBe("3 Ringe");
    expect(i18n("de").qty(3, "XYZ")).toBe("3 XYZ");
  });
});

describe("chat state, interleaved streams", () => {
  it("keeps one bubble when more text of a message arrives after a tool call finished it", () => {
    let s = apply(
      INITIAL,
      ev("text", { runId: "r", delta: "All checks passed. ", messageId: "m9" }),
      ev("tool", { runId: "r", name: "place_order", status: "ok", label: "x" }),
      ev("text", { runId: "r", delta: "Please confirm.", messageId: "m9" }),
      ev("run_finished", { runId: "r", status: "completed", pending: "confirm", orderId: null }),
    );
    expect(s.messages.map((m) => m.text)).toEqual(["All checks passed. Please confirm."]);
    s = apply(s, ev("message", { role: "assistant", text: "All checks passed. Please confirm.", messageId: "m9" }));
    expect(s.messages).toHaveLength(1);
  });
});
