/** Pieces the ERP route files share: problem+json responses, security requirements, body limits, the route context. */
import { z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../../../catalog/db.ts";
import { ErpError } from "../problem.ts";
import type { ErpLogger } from "../worker.ts";
import type { ErpRoutesDeps } from "../routes.ts";

/** What every handler needs, resolved once from the deps. */
export interface RouteContext {
  db: Db;
  now: () => Date;
  log: ErpLogger;
  deps: ErpRoutesDeps;
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const erpSecurity: Record<string, string[]>[] = [{ erpAckKey: [] }, { erpSignature: [] }];
export const integrationSecurity: Record<string, string[]>[] = [{ integrationKey: [] }];

export const ACK_BODY_LIMIT = 64 * 1024;
export const EVENT_BODY_LIMIT = 2 * 1024 * 1024;

export const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ErpError("payload_too_large:body", `The body is larger than ${maxSize} bytes.`, [
        { field: "body", message: `larger than ${maxSize} bytes` },
      ]);
    },
  });
