/**
 * The ERP side's configuration: the zod fields server/env.ts spreads into its one schema, and how they resolve into
 * what the worker, routes and demo ERP need. With no ERP_WEBHOOK_URL the server delivers to its own demo ERP.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";

const secretKey = z.string().min(16, "at least 16 characters");
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, "whsec_ followed by base64 of at least 24 bytes");

export const erpEnvShape = {
  /** Where order webhooks go; unset = the built-in demo ERP at {base}/demo-erp/webhook. */
  ERP_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Standard Webhooks signing secret, `whsec_` + base64 (at least 24 bytes); required with ERP_WEBHOOK_URL. */
  ERP_WEBHOOK_SECRET: webhookSecret.optional(),
  /**
   * Verifies signed acknowledgements from the ERP, when the ERP signs them with a secret of its own (the secret that
   * signs our webhooks then stays ours alone); unset = ERP_WEBHOOK_SECRET verifies them, as before.
   */
  ERP_ACK_SECRET: webhookSecret.optional(),
  /** Per-request timeout of a webhook delivery. */
  ERP_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  /** Bearer key the ERP sends with acknowledgements (signed acknowledgements need none). */
  ERP_ACK_KEY: secretKey.optional(),
  /** Bearer key for stock/price events and the outbox admin routes; unset = those routes refuse every call. */
  INTEGRATION_KEY: secretKey.optional(),
};

export const erpEnvSchema = z.object(erpEnvShape);
export type ErpEnv = z.infer<typeof erpEnvSchema>;

export interface ErpConfig {
  webhookUrl: string;
  webhookSecret: string;
  /** What verifies signed acknowledgements: ERP_ACK_SECRET, else the webhook secret. */
  ackSecret: string;
  timeoutMs: number;
  ackKey: string | undefined;
  integrationKey: string | undefined;
  /** Delivering to the built-in demo ERP (mount it at `/demo-erp`). */
  demo: boolean;
}

/** A fresh signing secret for the demo ERP (lives as long as the process). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * @param baseUrl where the server listens, e.g. `http://127.0.0.1:3000` (the demo ERP's webhook URL is built from it)
 * @throws Error naming ERP_WEBHOOK_SECRET when a real ERP URL has no secret
 */
export function resolveErpConfig(env: ErpEnv, baseUrl: string): ErpConfig {
  const demo = !env.ERP_WEBHOOK_URL;
  if (!demo && !env.ERP_WEBHOOK_SECRET)
    throw new Error("Invalid configuration:\n  ERP_WEBHOOK_SECRET: required when ERP_WEBHOOK_URL is set");
  const webhookSecret = env.ERP_WEBHOOK_SECRET ?? generateWebhookSecret();
  return {
    webhookUrl: env.ERP_WEBHOOK_URL ?? `${baseUrl.replace(/\/$/, "")}/demo-erp/webhook`,
    webhookSecret,
    ackSecret: env.ERP_ACK_SECRET ?? webhookSecret,
    timeoutMs: env.ERP_WEBHOOK_TIMEOUT_MS,
    ackKey: env.ERP_ACK_KEY,
    integrationKey: env.INTEGRATION_KEY,
    demo,
  };
}
