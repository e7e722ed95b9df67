import { NextResponse } from "next/server";
import { translator } from "@/lib/i18n/messages";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { isLocale } from "@/lib/i18n/routing";

/**
 * What no input may carry into the database, checked once where input enters (the
 * form-action wrapper, the API's JSON bodies, query strings and ids) rather than field
 * by field:
 *
 * - NUL (U+0000): PostgreSQL text and jsonb cannot hold it, so a query or insert with it fails;
 * - a UTF-16 surrogate without its pair: it has no UTF-8 encoding, so it cannot be stored as sent;
 * - in JSON, a number that overflows to Infinity (1e400), which would be stored as null;
 * - in JSON, an own key `__proto__`, `constructor` or `prototype`, which copying an object
 *   into a plain one drops or turns into a prototype;
 * - in JSON, nesting deeper than maxJsonDepth.
 *
 * Refusing beats repairing: what the app does not store must not be answered with success.
 */

export const maxJsonDepth = 64;

/** Own keys that a plain JavaScript object cannot keep as data. */
export const reservedKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export type InputProblemKind = "characters" | "reservedKey" | "tooDeep" | "notFinite";

export interface InputProblem {
  /** Where the problem is, e.g. ["records", 0, "fields", "__proto__"]; [] for the whole value. */
  path: Array<string | number>;
  kind: InputProblemKind;
}

/** True when the text holds NUL or a lone surrogate. */
export function hasUnsafeCharacters(value: string): boolean {
  return value.includes("\u0000") || !value.isWellFormed();
}

/**
 * The problems in a value parsed from JSON or read from a form, at most `limit` of them.
 * Walks without recursion, so no nesting can overflow the stack.
 */
export function inputProblems(value: unknown, { maxDepth = maxJsonDepth, limit = 20 } = {}): InputProblem[] {
  const problems: InputProblem[] = [];
  // A key's own problem travels on the stack with it, so problems come out in document order.
  const stack: Array<{ value: unknown; path: Array<string | number>; keyProblem?: InputProblemKind }> = [{ value, path: [] }];
  while (stack.length > 0 && problems.length < limit) {
    const { value: current, path, keyProblem } = stack.pop()!;
    if (keyProblem) {
      problems.push({ path, kind: keyProblem });
    } else if (typeof current === "string") {
      if (hasUnsafeCharacters(current)) problems.push({ path, kind: "characters" });
    } else if (typeof current === "number") {
      if (!Number.isFinite(current)) problems.push({ path, kind: "notFinite" });
    } else if (current !== null && typeof current === "object") {
      if (path.length >= maxDepth) {
        problems.push({ path, kind: "tooDeep" });
        continue;
      }
      const entries: Array<[string | number, unknown]> = Array.isArray(current)
        ? current.map((item, index) => [index, item])
        : Object.keys(current).map((key) => [key, (current as Record<string, unknown>)[key]]);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const keyProblem =
          typeof key !== "string" ? undefined : hasUnsafeCharacters(key) ? "characters" : reservedKeys.has(key) ? "reservedKey" : undefined;
        stack.push({ value: item, path: [...path, key], keyProblem });
      }
    }
  }
  return problems.slice(0, limit);
}

/** A problem as the API names it (its messages are English, for developers). */
export function describeInputProblem(kind: InputProblemKind): string {
  switch (kind) {
    case "characters":
      return "contains a NUL character (\\u0000) or an unpaired UTF-16 surrogate, which cannot be stored";
    case "reservedKey":
      return `the names ${[...reservedKeys].join(", ")} cannot be used as keys`;
    case "tooDeep":
      return `nested deeper than ${maxJsonDepth} levels`;
    case "notFinite":
      return "a number too large to store (it would become Infinity)";
  }
}

/**
 * A text from a query string or path made safe to compare with stored text: NUL and
 * lone surrogates become U+FFFD, which no stored text holds, so a search for them finds
 * nothing instead of failing.
 */
export function searchText(value: string): string {
  return value.replaceAll("\u0000", "\uFFFD").toWellFormed();
}

/** Ids the app hands out (cuid-like): anything else is not found without asking the database. */
export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function isIdLike(value: unknown): value is string {
  return typeof value === "string" && idPattern.test(value);
}

/**
 * A request whose path or query holds %00 (NUL once decoded), or whose path does not
 * decode as UTF-8 (%ED%A0%80, a lone surrogate's bytes), is refused with 400 before any
 * route sees it: no page, id or search can contain them; Next.js fails with a 500 on a
 * path segment it cannot decode; and every reader of a path segment or query value would
 * otherwise have to check. Raw NUL bytes never get this far (the HTTP parser refuses
 * them), and invalid UTF-8 in a query decodes to U+FFFD, so these are the ways a URL
 * carries what cannot be stored.
 */
export function refuseBadUrl(request: Request): NextResponse | null {
  const url = new URL(request.url);
  if (!/%00/i.test(url.pathname + url.search) && decodes(url.pathname)) return null;
  const headers = { "Cache-Control": "no-store" };
  if (url.pathname.startsWith("/api/")) {
    const message = "The URL holds %00 (a NUL character) or a path that is not UTF-8, which no path or query value may contain.";
    return NextResponse.json({ error: { code: "invalid_url", message } }, { status: 400, headers });
  }
  const first = url.pathname.split("/")[1] ?? "";
  const locale = isLocale(first) ? first : negotiateLocale(request.headers.get("accept-language"));
  return new NextResponse(translator(locale)("Errors.urlCharacters"), {
    status: 400,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8", "content-language": locale },
  });
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A posted form, or null when the body is none (another content type, a broken multipart body). */
export async function formBody(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/**
 * A server-action post (header Next-Action) to something that is no page (an API route,
 * a build asset, a file such as /robots.txt) is answered 404: no action lives there, and
 * Next.js would otherwise fail on it with a 500.
 */
export function refuseMisdirectedAction(request: Request): NextResponse | null {
  if (!request.headers.has("next-action")) return null;
  const { pathname } = new URL(request.url);
  const page = !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
  if (page) return null;
  return NextResponse.json({ error: { code: "not_found", message: "There is no server action here." } }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

/**
 * A server action called from script (header Next-Action) is applied by Next.js to the
 * decoded arguments; a body whose arguments are not a list makes Next.js fail with a 500
 * before the action runs. Such a call is refused with 400 here. The app's actions take a
 * form, so a real call is multipart; its arguments are the JSON in field "0".
 */
export async function refuseMalformedActionCall(request: Request): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const type = request.headers.get("content-type") ?? "";
  let root: string | null;
  if (/^multipart\/form-data/i.test(type)) {
    const form = await formBody(request.clone());
    const first = form?.get("0");
    root = form ? (typeof first === "string" ? first : null) : "";
  } else {
    root = await request.clone().text();
  }
  if (root === null) return null;
  try {
    if (Array.isArray(JSON.parse(root))) return null;
  } catch {
    // not JSON: refused below
  }
  return NextResponse.json({ error: { code: "invalid_action_call", message: "The arguments of a server action must be a list." } }, { status: 400, headers: { "Cache-Control": "no-store" } });
}
