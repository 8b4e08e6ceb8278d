/**
 * The draft's identity: a confirmation names a draft by this hash, and the idempotency key of the hand-off is
 * thread + hash, so two drafts that differ in anything the order depends on must hash differently, and the same
 * draft must hash the same however its objects were built (key order, absent vs undefined keys).
 */
import { createHash } from "node:crypto";
import type { Draft } from "./types.ts";

/**
 * sha256 (hex) of the draft's canonical JSON: object keys sorted, `undefined` members dropped, arrays (lines,
 * option values) kept in their order because the order of lines is part of what the buyer confirmed.
 *
 * @example hashDraft({ lines: [{ lineId: "1", sku: "P-1", quantity: 2 }] }) // "3f1c…" (64 hex chars)
 */
export function hashDraft(draft: Draft): string {
  return createHash("sha256").update(canonicalJson(draft)).digest("hex");
}

/** Deterministic JSON: sorted keys, no `undefined`, non-finite numbers as null (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    return s === undefined ? "null" : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== "function")
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}
