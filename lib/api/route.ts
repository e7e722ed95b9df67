import { STATUS_CODES } from "node:http";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import type { ApiKey, Tenant } from "@/generated/prisma/client";
import type { AuditEntry } from "@/lib/audit";
import { clientAddress } from "@/lib/client-address";
import { hit, limits, type Limit, type LimitResult } from "@/lib/rate-limit";
import { describeInputProblem, inputProblems } from "@/lib/safe-input";
import { readUpTo } from "./body";
import { idempotencyHeader, idempotent } from "./idempotency";
import { apiKeyLabel, authenticateApiKey, touchApiKey } from "./keys";

/**
 * The one wrapper for /api/v1 route handlers: it authenticates the key (401, and 429
 * once the caller's address has made too many calls without a valid key), holds
 * it to its rate limit (429 with Retry-After), notes its use, turns an ApiError into its JSON answer and anything unexpected into a
 * JSON 500 without details. Handlers get the key's tenant and scope every query to it.
 *
 * Every answer that counted against a limit says so in the headers of the IETF draft
 * "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "key";q=600;w=60` and `RateLimit: "key";r=<left>;t=<seconds to the
 * window's end>`; answers without a valid key name the policy "address". Only the 400 for
 * a key in the query comes before any count, and carries neither.
 *
 * Every error answer is an RFC 9457 problem (`application/problem+json`): `type`
 * (`urn:inzage:problem:<code>`), `title` (the status's reason phrase), `status`,
 * `detail`, and the extension members `code` and `issues`; the same code and message
 * stay under `error` ({error: {code, message, issues?}}) for clients written before.
 */

export interface ApiIssue {
  /** Where in the body or query the problem is, such as "records.3.category"; "" for the whole. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const problemContentType = "application/problem+json";

/** The problem type of an error code (RFC 9457 `type`): a URN, as no page describes it beyond docs/openapi.json. */
export const problemType = (code: string) => `urn:inzage:problem:${code}`;

export function apiError(
  status: number,
  code: string,
  message: string,
  issues?: ApiIssue[],
  headers?: HeadersInit,
  extra: { retryAfterSeconds?: number } = {},
): NextResponse {
  const more = { ...(issues ? { issues } : {}), ...extra };
  const problem = { type: problemType(code), title: STATUS_CODES[status] ?? "Error", status, detail: message, code, ...more, error: { code, message, ...more } };
  const response = NextResponse.json(problem, { status, headers });
  response.headers.set("Content-Type", problemContentType);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** The draft's two fields for one policy: its quota and window, and what is left of it. */
export function rateLimitHeaders(policy: string, limit: Limit, result: LimitResult): Record<string, string> {
  return {
    "RateLimit-Policy": `"${policy}";q=${result.max};w=${limit.windowSeconds}`,
    RateLimit: `"${policy}";r=${result.remaining};t=${result.retryAfterSeconds}`,
  };
}

function tooManyRequests(retryAfterSeconds: number, message: string): NextResponse {
  return apiError(429, "rate_limited", message, undefined, { "Retry-After": String(retryAfterSeconds) }, { retryAfterSeconds });
}

const routeMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type RouteMethod = (typeof routeMethods)[number];

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/**
 * Handlers for the methods a route does not serve: 405 with `Allow` (RFC 9110 §15.5.6),
 * once the key is checked and counted like any call. HEAD and OPTIONS come with GET from Next.js.
 */
export function otherMethods<A extends RouteMethod>(...allowed: A[]): Record<Exclude<RouteMethod, A>, RouteHandler> {
  const served: readonly string[] = allowed;
  const allow = [...allowed, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const refuse = apiRoute<Record<string, string | string[] | undefined>>(async () => {
    throw new ApiError(405, "method_not_allowed", `This address answers ${allow} only.`, undefined, { Allow: allow });
  });
  const handlers: Partial<Record<RouteMethod, RouteHandler>> = {};
  for (const method of routeMethods) if (!served.includes(method)) handlers[method] = refuse;
  return handlers as Record<Exclude<RouteMethod, A>, RouteHandler>;
}

/** What a handler knows about the caller. */
export interface ApiContext<P> {
  tenant: Tenant;
  key: ApiKey;
  request: NextRequest;
  params: P;
  /** The actor fields of an audit entry for this call. */
  actor: Pick<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">;
}

/** Names of query parameters that would carry a key; keys belong in the Authorization header only. */
const keyParams = ["api_key", "apikey", "key", "token", "access_token", "authorization"];

export function apiRoute<P extends Record<string, string | string[] | undefined> = Record<string, never>>(
  handler: (context: ApiContext<P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    let counted: Record<string, string> = {};
    const answer = await answerOf(request, context, (headers) => (counted = headers));
    for (const [name, value] of Object.entries(counted)) answer.headers.set(name, value);
    return answer;
  };

  async function answerOf(request: NextRequest, context: { params: Promise<P> }, count: (headers: Record<string, string>) => void): Promise<Response> {
    try {
      const query = new URL(request.url).searchParams;
      for (const name of query.keys()) {
        if (keyParams.includes(name.toLowerCase())) {
          return apiError(
            400,
            "key_in_query",
            "API keys are accepted only in the Authorization header (Authorization: Bearer inz_…). A key that was sent in a URL may have been logged: revoke it and make a new one.",
          );
        }
      }
      const auth = await authenticateApiKey(request.headers.get("authorization"));
      if (!auth) {
        const ip = clientAddress(request.headers);
        const refused = ip ? await hit(limits.apiUnauthorizedPerIp, ip) : null;
        if (refused) count(rateLimitHeaders("address", limits.apiUnauthorizedPerIp, refused));
        if (refused && !refused.allowed) {
          return tooManyRequests(refused.retryAfterSeconds, "Too many requests without a valid API key from this address; wait and try again.");
        }
        return apiError(
          401,
          "unauthorized",
          "Send a valid, unrevoked API key in the Authorization header: Authorization: Bearer inz_…",
          undefined,
          { "WWW-Authenticate": 'Bearer realm="inzage"' },
        );
      }
      const limit = await hit(limits.apiKey, auth.key.id);
      count(rateLimitHeaders("key", limits.apiKey, limit));
      if (!limit.allowed) {
        return tooManyRequests(limit.retryAfterSeconds, `This key made more than ${limits.apiKey.max} requests in ${limits.apiKey.windowSeconds} seconds; wait and try again.`);
      }
      await touchApiKey(auth.key);
      const params = await context.params;
      const run = () =>
        handler({
          tenant: auth.tenant,
          key: auth.key,
          request,
          params,
          actor: { actorType: "apiKey", actorId: auth.key.id, actorLabel: apiKeyLabel(auth.key), ip: clientAddress(request.headers) },
        });
      const idempotencyKey = request.method === "POST" || request.method === "PUT" ? request.headers.get(idempotencyHeader) : null;
      const response = idempotencyKey !== null ? await idempotent(auth.tenant.id, idempotencyKey, request, run) : await run();
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      if (error instanceof ApiError) return apiError(error.status, error.code, error.message, error.issues, error.headers);
      console.error("API error", error);
      return apiError(500, "internal_error", "Something went wrong on our side. Nothing was changed if the request failed before the answer; try again later.");
    }
  }
}

export const megabyte = 1024 * 1024;

/**
 * The JSON body, checked against the schema: 415 when it is not JSON, 413 when it is
 * larger than maxBytes (read no further than that), 400 with each problem otherwise.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = megabyte): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as JSON with the header Content-Type: application/json.");
  }
  const tooLarge = () => new ApiError(413, "body_too_large", `The body is larger than ${describeBytes(maxBytes)}. Send the data in smaller parts.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const bytes = await readLimited(request, maxBytes, tooLarge);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid UTF-8 text.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(error as Error).message}`);
  }
  // Before the schema: a schema would drop a __proto__ key or pass on what cannot be stored.
  const problems = inputProblems(value);
  if (problems.length > 0) {
    throwIssues("invalid_body", "The body", problems.map((problem) => ({ path: problem.path.join("."), message: describeInputProblem(problem.kind) })));
  }
  return parseOrThrow(schema, value, "invalid_body", "The body");
}

/** Validates a value (a body or query) and throws a 400 that lists every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code: string, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throwIssues(code, what, zodIssues(parsed.error));
}

function throwIssues(code: string, what: string, issues: ApiIssue[]): never {
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "invalid";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""}, see issues)` : "";
  throw new ApiError(400, code, `${what} is not valid: ${summary}${more}`, issues);
}

export function zodIssues(error: z.ZodError, limit = 50): ApiIssue[] {
  return error.issues.slice(0, limit).map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

async function readLimited(request: Request, maxBytes: number, tooLarge: () => ApiError): Promise<Uint8Array> {
  const bytes = await readUpTo(request.body, maxBytes);
  if (!bytes) throw tooLarge();
  return bytes;
}

function describeBytes(bytes: number): string {
  return bytes % megabyte === 0 ? `${bytes / megabyte} MB` : `${bytes} bytes`;
}

/** The query string as an object for a schema; names in arrayNames become lists ("a,b" or repeated). */
export function readQuery<S extends z.ZodType>(request: Request, schema: S, arrayNames: string[] = []): z.output<S> {
  const params = new URL(request.url).searchParams;
  const value: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    value[name] = arrayNames.includes(name)
      ? params
          .getAll(name)
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(Boolean)
      : (params.get(name) ?? "");
  }
  return parseOrThrow(schema, value, "invalid_query", "The query");
}

const emailInPath = z.email();

/**
 * The e-mail address in a path segment: URL-decoded (unless the router already did)
 * and lowercased; 400 when it is not an address.
 */
export function emailFromPath(raw: string | undefined): string {
  let value = raw ?? "";
  if (!value.includes("@")) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it as it is; the check below refuses it
    }
  }
  value = value.trim().toLowerCase();
  if (value.length > 254 || !emailInPath.safeParse(value).success) {
    throw new ApiError(400, "invalid_email", "The path must hold an e-mail address, URL-encoded, such as /api/v1/subjects/jan%40example.com.", [
      { path: "email", message: "not an e-mail address" },
    ]);
  }
  return value;
}
