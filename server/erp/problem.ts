/**
 * Errors of the ERP routes as `application/problem+json` (RFC 9457), naming the field at fault.
 *
 * Why local: the server's shared `AppError` + `onError` (server/errors.ts) is built on another branch at the same time.
 * This module keeps the same shape (`code` like `unauthorized:integration`, a status, a detail, `errors[]` with the
 * field) so the lead can swap `ErpError` for `AppError` at merge without changing a response.
 */
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

export interface FieldError {
  /** `changes[2].sku`, `headers.idempotency-key`, `params.orderId` */
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  500: "Internal server error",
  503: "Service unavailable",
};

/** A failure with a stable code (`kind:surface`), mapped to its status once, in `erpErrorHandler`. */
export class ErpError extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  readonly errors: FieldError[] | undefined;
  constructor(code: string, status: ContentfulStatusCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = "ErpError";
    this.code = code;
    this.status = status;
    this.errors = errors;
  }
}

export const isErpError = (e: unknown): e is ErpError => e instanceof ErpError;

export function problemBody(status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `https://ordershield.dev/problems/${code.replace(":", "/")}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(status: number, code: string, detail?: string, errors?: FieldError[]): Response {
  return new Response(JSON.stringify(problemBody(status, code, detail, errors)), {
    status,
    headers: { "content-type": "application/problem+json" },
  });
}

/** `["changes", 2, "sku"]` → `changes[2].sku`, prefixed by where it came from unless it is the JSON body. */
export function fieldName(target: string, path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  const prefix = target === "json" ? "" : `${target === "header" ? "headers" : target}.`;
  return `${prefix}${out}` || target;
}

export function zodFieldErrors(target: string, error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: fieldName(target, i.path), message: i.message }));
}

/** OpenAPIHono `defaultHook`: a failed zod validation answers 400 (422 for a well-formed body) naming each field. */
export function validationHook(
  result: { target: string } & ({ success: true } | { success: false; error: ZodError }),
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const status = result.target === "json" ? 422 : 400;
  const errors = zodFieldErrors(result.target, result.error);
  const first = errors[0];
  void c;
  return problemResponse(status, "invalid:request", first ? `${first.field}: ${first.message}` : undefined, errors);
}

/** The sub-app's `onError`: typed errors and Hono's own (malformed JSON, body too large) as problem+json, never a stack. */
export function erpErrorHandler(log?: (error: unknown) => void): ErrorHandler {
  return (error) => {
    if (isErpError(error)) return problemResponse(error.status, error.code, error.message, error.errors);
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 413 ? "too_large:body" : status === 401 ? "unauthorized:request" : "invalid:request";
      // Hono's JSON validator throws 400 "Malformed JSON in request body".
      return problemResponse(status, code, error.message || undefined);
    }
    log?.(error);
    return problemResponse(500, "internal:erp", "Something went wrong; it has been logged.");
  };
}
