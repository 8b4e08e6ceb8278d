/**
 * Errors of the ERP routes as `application/problem+json` (RFC 9457), naming the field at fault.
 *
 * Why local: the server's shared `AppError` + `onError` (server/errors.ts) is built on another branch at the same time.
 * This module keeps its shape — `type:surface` codes whose type gives the status, `errors[]` naming the field as
 * `body.x.0.y` / `header.x` / `path.x` / `query.x` — so `ErpError` can be swapped for `AppError` at merge.
 */
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { bodyProblem, closeAfter } from "../errors.ts";

export interface FieldError {
  /** Where, as the server names it: `body.changes.2.sku`, `header.idempotency-key`, `path.orderId`, `query.limit`. */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
}

/** Error types and their statuses — the same vocabulary as the server's `AppError` (`type:surface` codes). */
export const ERP_ERROR_TYPES = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErpErrorType = keyof typeof ERP_ERROR_TYPES;
export type ErpErrorCode = `${ErpErrorType}:${string}`;

const TITLES: Record<ErpErrorType, string> = {
  bad_request: "Bad request",
  unauthorized: "Unauthorized",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  internal: "Internal error",
};

/** A failure with a stable `type:surface` code; its status follows from the type, mapped once in `erpErrorHandler`. */
export class ErpError extends Error {
  readonly type: ErpErrorType;
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErpErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = "ErpError";
    this.type = code.slice(0, code.indexOf(":")) as ErpErrorType;
    this.status = ERP_ERROR_TYPES[this.type];
  }
}

export const isErpError = (e: unknown): e is ErpError => e instanceof ErpError;

export function problemOf(error: ErpError): Problem {
  return {
    type: `https://ordershield.dev/problems/${error.type}`,
    title: TITLES[error.type],
    status: error.status,
    code: error.code,
    detail: error.status >= 500 ? "internal error" : error.message,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}

export function problemResponse(error: ErpError): Response {
  return new Response(JSON.stringify(problemOf(error)), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...closeAfter(error.status) },
  });
}

const WHERE: Record<string, string> = { json: "body", header: "header", param: "path", query: "query" };

export function zodFields(target: string, error: ZodError): FieldError[] {
  const where = WHERE[target] ?? target;
  return error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join("."), message: i.message }));
}

/** OpenAPIHono `defaultHook`: a failed zod validation answers 400, naming each field at fault. */
export function validationHook(
  result: { target: string } & ({ success: true } | { success: false; error: ZodError }),
): Response | undefined {
  if (result.success) return undefined;
  const fields = zodFields(result.target, result.error);
  const first = fields[0];
  return problemResponse(
    new ErpError("bad_request:input", first ? `${first.field}: ${first.message}` : "invalid input", fields),
  );
}

/** The sub-app's `onError`: typed errors and Hono's own (malformed JSON) as problem+json, never a stack. */
export function erpErrorHandler(log?: (error: unknown) => void): ErrorHandler {
  return (error) => {
    if (isErpError(error)) return problemResponse(error);
    if (error instanceof HTTPException && error.status < 500) {
      const body = bodyProblem(error.status);
      if (body) return problemResponse(new ErpError(body.code as ErpErrorCode, body.message, [body.field]));
      const type = (Object.entries(ERP_ERROR_TYPES).find(([, s]) => s === error.status)?.[0] ??
        "bad_request") as ErpErrorType;
      return problemResponse(new ErpError(`${type}:request`, error.message || TITLES[type]));
    }
    log?.(error);
    return problemResponse(new ErpError("internal:server", "internal error"));
  };
}

/**
 * How far ahead of the shield's clock a time stamp from the ERP or the WMS may be (`asOf`, `issuedAt`): clocks drift a
 * little; more is a wrong clock or a typed year. Such a stamp outranked every correct one after it — a stock row kept
 * a count nobody sent since, an order's later acknowledgements were all `superseded` — so it is refused instead.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

/** The field error for a stamp later than `now` plus the tolerance, or nothing. */
export function futureStamp(field: string, stamp: string | undefined, now: Date): FieldError | undefined {
  if (stamp === undefined || Date.parse(stamp) <= now.getTime() + CLOCK_SKEW_TOLERANCE_MS) return undefined;
  return {
    field,
    message: `${stamp} is later than the shield's clock (${now.toISOString()}) by more than ${CLOCK_SKEW_TOLERANCE_MS / 60_000} minutes; check the sender's clock`,
  };
}
