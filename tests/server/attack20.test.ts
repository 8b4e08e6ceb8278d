/**
 * Session 20's adversarial review of the server: catalog text stored with hidden characters (before the importer
 * refused them) reached the ERP's clean order and the draft/report events as stored — only replies and transcripts
 * were cleaned. And a buyer message already being answered when a rep took over was still answered by the agent.
 */
import { describe, expect, it } from "vitest";
import { Buyer, parseSse, REP_ID, REP_KEY, repHeaders, sendKeyed, testServer } from "./helpers.ts";
import { heldWhenAsked } from "./slow-model.ts";

/** Bidi controls, zero-width characters, soft hyphen, BOM, control characters other than tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those looked for
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u00AD\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In JSON text: a hidden character as is, or a control character as JSON escapes it. */
const HIDDEN_IN_JSON = new RegExp(`${HIDDEN.source}|\\\\u00(0[0-8bcef]|1[0-9a-f]|7f)`, "i");
const OLD_NAME = "\uFEFFMechanical seal \u202EMDPE\u202C 28\u00AD mm\u200B\u0007";

describe("a product name stored with hidden characters (imported before the importer refused them)", {
  timeout: 120_000,
}, () => {
  it("reaches neither the draft and report events nor the thread nor the clean order the ERP gets", async () => {
    const server = testServer();
    server.db.$client.prepare("UPDATE products SET name = ? WHERE sku = 'SE-MS28-CC-EPDM'").run(OLD_NAME);
    server.db.$client
      .prepare("UPDATE ship_tos SET label = ?, street = ? WHERE customer_id = 'C-1001'")
      .run("Hall\u200B B \u2067dock\u2069", "Am Kai\u00AD 1\u0007");
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();

    const add = parseSse((await sendKeyed(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "k-1")).body);
    const events = add.filter((e) => e.event === "draft" || e.event === "report");
    expect(events.length).toBeGreaterThan(0);
    const draftEvent = JSON.stringify(events.map((e) => e.data));
    expect(draftEvent).toContain("Mechanical seal MDPE 28 mm");
    expect(draftEvent).not.toMatch(HIDDEN_IN_JSON);

    const place = await buyer.say(threadId, "place the order");
    expect(JSON.stringify(place.map((e) => e.data))).not.toMatch(HIDDEN_IN_JSON);
    const view = await buyer.thread(threadId);
    expect(JSON.stringify(view)).not.toMatch(HIDDEN_IN_JSON);
    const done = await buyer.confirm(threadId, view.pending!.draftHash);
    const orderId = String(done.at(-1)!.data.orderId);
    expect(orderId).not.toBe("null");

    const row = server.db.$client.prepare("SELECT payload FROM outbox WHERE order_id = ?").get(orderId) as {
      payload: string;
    };
    const order = JSON.parse(row.payload) as {
      lines: { sku: string; description: string }[];
      header: { parties: { shipTo: { label: string; street: string } } };
    };
    expect(order.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", description: "Mechanical seal MDPE 28 mm" }]);
    expect(order.header.parties.shipTo).toMatchObject({ label: "Hall B dock", street: "Am Kai 1" });
    expect(row.payload).not.toMatch(HIDDEN_IN_JSON);
    const stored = server.db.$client.prepare("SELECT * FROM order_lines WHERE order_id = ?").all(orderId);
    expect(JSON.stringify(stored)).not.toMatch(HIDDEN_IN_JSON);
  });
});

describe("a rep takes over while the agent is answering the buyer's message (two concurrent requests)", {
  timeout: 120_000,
}, () => {
  it("the agent's reply is not given: the buyer's message is left to the rep, the draft as it was", async () => {
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const server = testServer({
      model: (db) =>
        heldWhenAsked(db, "[hold]", (signal) => {
          held();
          // A real model call ends when the run is aborted; otherwise it answers once the test lets it.
          return new Promise<void>((resolve, reject) => {
            void released.then(resolve);
            signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
          });
        }),
    });
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const asking = sendKeyed(server, buyer, threadId, "[hold] add 2 SE-MS28-CC-EPDM", "k-race");
    await holding;
    const takeover = await server.request(`/v1/rep/threads/${threadId}/takeover`, {
      method: "POST",
      headers: repHeaders(REP_KEY),
      body: "{}",
    });
    expect(takeover.status).toBe(200);
    release();
    const answered = await asking;
    expect(answered.status).toBe(200);
    const events = parseSse(answered.body);
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "aborted" } });
    expect(events.some((e) => e.event === "message" && e.data.role === "assistant")).toBe(false);

    // The rep sees the buyer's message, unanswered, and answers it; nothing the agent did reached the draft.
    const rep = (await (
      await server.request(`/v1/rep/threads/${threadId}`, { headers: repHeaders(REP_KEY) })
    ).json()) as { heldBy: string | null; messages: { role: string; text: string }[] };
    expect(rep.heldBy).toBe(REP_ID);
    expect(rep.messages.map((m) => [m.role, m.text])).toEqual([["buyer", "[hold] add 2 SE-MS28-CC-EPDM"]]);
    const view = await buyer.thread(threadId);
    expect(view.messages.filter((m) => m.role === "assistant")).toEqual([]);
    expect(view.draft?.lines ?? []).toEqual([]);

    // The buyer's retry of that message is no new turn of the agent while the rep holds the thread.
    const retry = await sendKeyed(server, buyer, threadId, "[hold] add 2 SE-MS28-CC-EPDM", "k-race");
    expect(parseSse(retry.body).some((e) => e.event === "message" && e.data.role === "assistant")).toBe(false);
  });
});
