/** The ERP side's configuration: demo ERP by default, a real ERP needs its secret, bad values name the variable. */
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { Webhook } from "standardwebhooks";
import { erpEnvShape, resolveErpConfig } from "../../server/erp/index.ts";

const schema = z.object(erpEnvShape);

describe("ERP configuration", () => {
  test("no ERP_WEBHOOK_URL: the built-in demo ERP, with a usable random secret", () => {
    const c = resolveErpConfig(schema.parse({}), "http://127.0.0.1:3000/");
    expect(c).toMatchObject({ demo: true, webhookUrl: "http://127.0.0.1:3000/demo-erp/webhook", timeoutMs: 15_000 });
    expect(() => new Webhook(c.webhookSecret).sign("id", new Date(), "{}")).not.toThrow();
    expect(resolveErpConfig(schema.parse({}), "http://x").webhookSecret).not.toBe(c.webhookSecret);
  });

  test("a real ERP needs ERP_WEBHOOK_SECRET; malformed values name the variable", () => {
    expect(() => resolveErpConfig(schema.parse({ ERP_WEBHOOK_URL: "https://erp.example.com/h" }), "http://x")).toThrow(
      /ERP_WEBHOOK_SECRET/,
    );
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(
      resolveErpConfig(
        schema.parse({ ERP_WEBHOOK_URL: "https://erp.example.com/h", ERP_WEBHOOK_SECRET: secret }),
        "http://x",
      ),
    ).toMatchObject({ demo: false, webhookUrl: "https://erp.example.com/h", webhookSecret: secret });
    const bad = schema.safeParse({
      ERP_WEBHOOK_URL: "ftp://erp",
      ERP_WEBHOOK_SECRET: "secret",
      ERP_ACK_KEY: "short",
      ERP_WEBHOOK_TIMEOUT_MS: "10",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "ERP_ACK_KEY",
      "ERP_WEBHOOK_SECRET",
      "ERP_WEBHOOK_TIMEOUT_MS",
      "ERP_WEBHOOK_URL",
    ]);
  });
});
