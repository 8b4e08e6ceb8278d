/**
 * Rep credentials, separate from buyer sessions: an API key that maps to a rep id. Every rep action runs in a
 * `rep` run context whose contact id is that rep, so the agent audits it under `rep:<id>`. Keys are compared by
 * their SHA-256 digest so a lookup takes the same time whatever the key.
 */
import { createHash } from "node:crypto";
import { AppError } from "../errors.ts";

export interface RepSession {
  kind: "rep";
  repId: string;
}

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

export type VerifyRepKey = (key: string) => RepSession;

/** `keys`: API key → rep id (from REP_API_KEYS). */
export function createRepVerifier(keys: ReadonlyMap<string, string>): VerifyRepKey {
  const byDigest = new Map([...keys].map(([key, repId]) => [digest(key), repId]));
  return (key) => {
    const repId = key.length <= 512 ? byDigest.get(digest(key)) : undefined;
    if (!repId)
      throw new AppError("unauthorized:rep", "a rep API key is required", [
        { field: "header.authorization", message: "unknown rep key" },
      ]);
    return { kind: "rep", repId };
  };
}
