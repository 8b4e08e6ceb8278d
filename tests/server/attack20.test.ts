/**
 * Session 20's adversarial review of the server: catalog text stored with hidden characters (before the importer
 * refused them) reached the ERP's clean order and the draft/report events as stored — only replies and transcripts
 * were cleaned.
 */
import { describe, expect, it } from "vitest";
import { Buyer, parseSse, sendKeyed, testServer } from "./helpers.ts";

/** Bidi controls, zero-width characters, soft hyphen, BOM, control characters other than tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those looked for
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u00AD\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In JSON text: a hidden character as is, or a control character as JSON escapes it. */
const HIDDEN_IN_JSON = new RegExp(`${HIDDEN.source}|\\\\u00(0[0-8bcef]|1[0-9a-f]|7f)`, "i");
const OLD_NAME = "\uFEFFMechanical seal \u202EMDPE\u202C 28\u00AD mm\u200B\u0007";

describe("a product name stored with hidden characters (imported before the importer refused them)", () => {
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
