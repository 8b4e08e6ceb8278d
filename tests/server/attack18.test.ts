/**
 * Session 18's adversarial review of the server: a buyer's message sent again by a network retry.
 */
import { describe, expect, it } from "vitest";
import { Buyer, detailsSettingModel, parseSse, sendKeyed, testServer } from "./helpers.ts";

const send = sendKeyed;

const buyerTexts = async (buyer: Buyer, threadId: string) =>
  (await buyer.thread(threadId)).messages.filter((m) => m.role === "buyer").map((m) => m.text);

describe("a buyer's message sent again (a network retry, a double send)", { timeout: 120_000 }, () => {
  it("with the same Idempotency-Key is one message and one turn: the draft is not added to twice", async () => {
    // Found in session 18: the widget keeps a message whose request failed on the network and sends it again on
    // retry — but a request can fail after the server took it (a proxy's 502, a connection reset while the reply
    // streamed). The server then ran the turn twice: "add 2 seals" became 4 seals in the draft, and the buyer's
    // message stood twice in the transcript.
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const first = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "msg-7f3a");
    expect(first.status).toBe(200);
    const after = await buyer.thread(threadId);
    expect(after.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);

    const again = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "msg-7f3a");
    expect(again.status).toBe(200);
    expect((await buyer.thread(threadId)).draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    const events = parseSse(again.body);
    expect(events.at(-1)).toMatchObject({ event: "run_finished", data: { status: "completed" } });
    // Nothing new was said or changed; the client is told to read the thread (its message and the reply are there).
    expect(events.map((e) => e.event)).not.toContain("draft");
    expect(events.map((e) => e.event)).toContain("resync");
    const thread = await buyer.thread(threadId);
    expect(thread.draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    expect(thread.messages).toHaveLength(after.messages.length);
    expect(await buyerTexts(buyer, threadId)).toEqual(["add 2 SE-MS28-CC-EPDM"]);

    // Still so after the conversation went on: the retry arrives late, the key is still the one message.
    await send(server, buyer, threadId, "what does it cost?", "msg-7f3b");
    const late = await send(server, buyer, threadId, "add 2 SE-MS28-CC-EPDM", "msg-7f3a");
    expect(late.status).toBe(200);
    expect((await buyer.thread(threadId)).draft.lines).toMatchObject([{ sku: "SE-MS28-CC-EPDM", quantity: 2 }]);
    expect(await buyerTexts(buyer, threadId)).toHaveLength(2);

    // Without a key a message is a new message, as before.
    await send(server, buyer, threadId, "what does it cost?");
    expect(await buyerTexts(buyer, threadId)).toHaveLength(3);
  });

  it("a key used for another text is a 409 naming the header; a malformed key is a 400 naming it; nothing is kept", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    await send(server, buyer, threadId, "I need 2 mechanical seals for pump 2 in hall B", "k-1");

    const other = await send(server, buyer, threadId, "I need 5 mechanical seals", "k-1");
    expect(other.status).toBe(409);
    expect(JSON.parse(other.body)).toMatchObject({
      code: "conflict:idempotency_key",
      errors: [{ field: "header.idempotency-key" }],
    });
    for (const key of ["", " ", "x".repeat(201), "key with\u0007bell"]) {
      const bad = await send(server, buyer, threadId, "hello", key);
      expect(bad.status, JSON.stringify(key)).toBe(400);
      expect(JSON.parse(bad.body).errors[0].field).toBe("header.idempotency-key");
    }
    expect(await buyerTexts(buyer, threadId)).toEqual(["I need 2 mechanical seals for pump 2 in hall B"]);
  });

  it("one key in two threads is two messages: a key is the buyer's per conversation", async () => {
    const server = testServer();
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const a = await buyer.start();
    const b = await buyer.start();
    expect((await send(server, buyer, a, "hello", "k-1")).status).toBe(200);
    expect((await send(server, buyer, b, "hello", "k-1")).status).toBe(200);
    expect(await buyerTexts(buyer, a)).toEqual(["hello"]);
    expect(await buyerTexts(buyer, b)).toEqual(["hello"]);
  });
});

describe("the confirmation a client is asked for", { timeout: 60_000 }, () => {
  it("names the order's details — ship-to with its address, PO reference, requested date — not only lines and total", async () => {
    // A client that renders the `interrupt` event (an app, another widget) showed the buyer lines and a total to
    // confirm; the ship-to a model set was in the draft hash the buyer confirmed, but not in what they were shown.
    const server = testServer({ model: () => detailsSettingModel() });
    const buyer = await Buyer.of(server, { customerId: "C-1001" });
    const threadId = await buyer.start();
    const events = await buyer.say(threadId, "2 seals for pump 2");
    const ask = events.find((e) => e.event === "interrupt");
    expect(ask?.data).toMatchObject({
      type: "confirm",
      summary: {
        details: {
          shipTo: {
            id: "ST-1001-HAMBURG",
            label: "Bottling plant Hamburg",
            street: "Veddeler Damm 40",
            postalCode: "20457",
            city: "Hamburg",
            country: "DE",
          },
          poReference: "INJ-1",
          requestedDate: "2026-12-22",
        },
      },
    });
    expect((await buyer.thread(threadId)).pending).toMatchObject({
      summary: { details: { shipTo: { id: "ST-1001-HAMBURG" }, poReference: "INJ-1" } },
    });
  });
});
