/**
 * The widget's one way to call the server: JSON in, JSON or an SSE stream out, and every failure turned into an
 * ApiError whose `code` says what the buyer should be told (offline, rate limited, session expired, server error).
 * Problem details (RFC 9457) from the server keep their own `code` in `problem`.
 */

export type ApiErrorCode =
  | "offline"
  | "rate_limited"
  | "session_expired"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "bad_request"
  | "server";

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status = 0,
    /** The server's problem code, e.g. `not_found:thread`. */
    readonly problem?: string,
    /** Seconds to wait before retrying (429 Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

function codeOfStatus(status: number): ApiErrorCode {
  if (status === 401) return "session_expired";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "bad_request";
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  /** Extra headers, e.g. a rep's `x-api-key` or `last-event-id`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  accept?: "json" | "sse";
}

/** One request; throws ApiError for a network failure or any non-2xx answer. */
export async function request(url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    accept: options.accept === "sse" ? "text/event-stream" : "application/json",
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError("offline", "network unreachable");
  }
  if (response.ok) return response;
  let problem: { code?: string; detail?: string } = {};
  try {
    problem = (await response.json()) as typeof problem;
  } catch {
    // A proxy's HTML error page: the status alone decides.
  }
  const retry = Number(response.headers.get("retry-after"));
  throw new ApiError(
    codeOfStatus(response.status),
    problem.detail ?? response.statusText,
    response.status,
    problem.code,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(url, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** `api-base` joined with a path, tolerant of a trailing slash on either side. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;
