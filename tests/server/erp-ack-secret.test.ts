/**
 * Session 20: the ERP may sign its acknowledgements with a secret of its own (ERP_ACK_SECRET), so the secret that
 * signs our webhooks stays ours alone. Without it ERP_WEBHOOK_SECRET verifies them as before. The real server
 * (`startServer`) over real HTTP; the variable validated at start-up like every other.
 */
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, test } from "vitest";
import { readEnv } from "../../server/env.ts";
import type { RunningServer } from "../../server/start.ts";
import { placeOrder, SECRET } from "./erp-helpers.ts";
import { startRealServer } from "./helpers.ts";

const ACK_SECRET = `whsec_${Buffer.from("the ERP's own ack secret, 32 b!!").toString("base64")}`;
const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.close(0);
});

async function serve(env: Record<string, string>) {
  // A real ERP URL nobody answers on: the orders stay in the outbox; only acknowledgements matter here.
  const server = await startRealServer("ack-secret", {
    ERP_WEBHOOK_URL: "http://127.0.0.1:9/hook",
    ERP_WEBHOOK_SECRET: SECRET,
    ...env,
  });
  running.push(server);
  const ack = (orderId: string, secret: string, n: number) => {
    const body = JSON.stringify({
      status: "accepted",
      erpOrderNumber: `SO-9${n}`,
      confirmedDeliveryDate: "2026-12-04",
    });
    const at = new Date();
    return fetch(`${server.base}/v1/erp/orders/${orderId}/ack`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": `ack-${n}`,
        "webhook-timestamp": `${Math.floor(at.getTime() / 1000)}`,
        "webhook-signature": new Webhook(secret).sign(`ack-${n}`, at, body),
      },
      body,
    });
  };
  return { server, ack };
}

describe("ERP_ACK_SECRET", { timeout: 60_000 }, () => {
  test("set: acknowledgements signed with it are accepted, with the webhook secret refused", async () => {
    const { server, ack } = await serve({ ERP_ACK_SECRET: ACK_SECRET });
    const orderId = placeOrder(server.db, "t-ack-secret");
    const refused = await ack(orderId, SECRET, 1);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("unauthorized:erp");
    expect((await ack(orderId, ACK_SECRET, 2)).status).toBe(200);
  });

  test("unset: the webhook secret verifies acknowledgements, as before", async () => {
    const { server, ack } = await serve({});
    const orderId = placeOrder(server.db, "t-ack-fallback");
    expect((await ack(orderId, ACK_SECRET, 3)).status).toBe(401);
    expect((await ack(orderId, SECRET, 4)).status).toBe(200);
  });

  test("malformed: start-up fails naming the variable", () => {
    expect(() => readEnv({ ERP_ACK_SECRET: "not-a-whsec-secret" })).toThrow(/ERP_ACK_SECRET/);
    expect(readEnv({ ERP_ACK_SECRET: "" }).ERP_ACK_SECRET).toBeUndefined();
  });
});
