/**
 * One error base for the server and one translation point: an `AppError` carries a `type:surface` code
 * (`not_found:thread`, `unauthorized:session`…); `problemOf` maps it — and the agent's typed errors — to an RFC 9457
 * `application/problem+json` body. Internal details are logged, never sent: a 500 says only "internal error" and the
 * request id.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { isAgentError, isDatabaseBusy, ThreadAccessError } from "../agent/index.ts";

export const ERROR_TYPES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limit: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorType = keyof typeof ERROR_TYPES;
export type ErrorCode = `${ErrorType}:${string}`;

export interface FieldError {
  /** Where: `body.text`, `query.q`, `header.authorization`, `path.id`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.type = code.slice(0, code.indexOf(":")) as ErrorType;
    this.status = ERROR_TYPES[this.type] ?? 500;
    this.headers = options?.headers ?? {};
  }
  readonly headers: Record<string, string>;
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The problem+json body every 4xx/5xx answer carries (documented in the OpenAPI document). */
export const problemSchema = z
  .object({
    type: z.string().meta({ example: "https://ordershield.dev/problems/not_found" }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ example: "not_found:thread" }),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<ErrorType, string> = {
  bad_request: "Bad request",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  not_acceptable: "Not acceptable",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limit: "Too many requests",
  internal: "Internal error",
  unavailable: "Service unavailable",
};

/** Turn anything thrown into an AppError: known errors keep their meaning, the rest become `internal:server`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Another customer's thread answers exactly like a missing one: existence is not leaked.
  if (error instanceof ThreadAccessError) return notFound("thread");
  if (isAgentError(error)) {
    const fields = error.field ? [{ field: error.field, message: error.message }] : [];
    return new AppError(error.code, error.message, fields, { cause: error });
  }
  if (isDatabaseBusy(error))
    return new AppError("unavailable:database", "the order system is busy; try again", [], {
      cause: error,
      headers: { "retry-after": "1" },
    });
  if (error instanceof z.ZodError) return new AppError("bad_request:input", "invalid input", zodFields(error, "body"));
  if (error instanceof HTTPException) {
    const body = bodyProblem(error.status);
    if (body) return new AppError(body.code, body.message, [body.field], { cause: error });
    const type = (Object.entries(ERROR_TYPES).find(([, s]) => s === error.status)?.[0] ?? "bad_request") as ErrorType;
    return new AppError(`${type}:request`, error.message || TITLES[type]);
  }
  return new AppError("internal:server", "internal error", [], { cause: error });
}

/**
 * Hono's body validation throws an HTTPException with a status and no field: 400 when a body declared as JSON does not
 * parse, 415 when a body is not declared as JSON. Routes read no other body, so the status alone says which field is at
 * fault — named, like every other 4xx (a client reading `errors[].field` must not get an empty list).
 */
export function bodyProblem(status: number): { code: ErrorCode; message: string; field: FieldError } | undefined {
  if (status === 400)
    return {
      code: "bad_request:body",
      message: "the body is not valid JSON",
      field: { field: "body", message: "not valid JSON" },
    };
  if (status === 415)
    return {
      code: "unsupported_media_type:body",
      message: "send the body as application/json",
      field: { field: "header.content-type", message: "expected application/json" },
    };
  return undefined;
}

/**
 * A 413 is answered before the body is read; Node then resets the socket rather than read megabytes it will not use.
 * Saying `Connection: close` makes the client open a new connection for its next request instead of reusing that one
 * (which failed like a network outage: the buyer's shortened message never arrived).
 */
export const closeAfter = (status: number): Record<string, string> => (status === 413 ? { connection: "close" } : {});

export const notFound = (surface: string) => new AppError(`not_found:${surface}`, `${surface} not found`);

export function zodFields(error: z.ZodError, where: string): FieldError[] {
  return error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].join("."),
    message: i.message,
  }));
}

export function problemOf(error: AppError, requestId?: string): Problem {
  const internal = error.status >= 500;
  return {
    type: `https://ordershield.dev/problems/${error.type}`,
    title: TITLES[error.type],
    status: error.status,
    code: error.code,
    detail: internal ? "internal error" : error.message,
    ...(error.fields.length ? { errors: error.fields } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  const requestId = c.get("requestId" as never) as string | undefined;
  return new Response(JSON.stringify(problemOf(error, requestId)), {
    status: error.status,
    headers: { "content-type": "application/problem+json", ...closeAfter(error.status), ...error.headers },
  });
}
