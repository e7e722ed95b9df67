import { randomUUID } from "node:crypto";
import http from "node:http";
import { renderNonce } from "@/lib/security-headers";
import { platformHost, tenantSlugFromHost } from "@/lib/tenant-host";

/**
 * Finished HTML of tenants' public statement pages, so that reading a statement does
 * not render React or touch the database. proxy.ts serves pages from here and fills a
 * missing one by asking this same server to render it once (marked with a per-process
 * secret header, so that request passes straight through). A tenant's pages are
 * dropped when it publishes or changes its details (lib/tenant-changes.ts).
 */

export interface CachedPage {
  status: number;
  contentType: string;
  /** The HTML as bytes, cut where the stand-in nonce was, so a response only joins them. */
  parts: Buffer[];
}

/** The page's bytes with this response's nonce in place of the stand-in. */
export function pageWithNonce(page: CachedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const nonceBytes = Buffer.from(nonce);
  const pieces = page.parts.flatMap((part, i) => (i === 0 ? [part] : [nonceBytes, part]));
  const body = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    body.set(piece, offset);
    offset += piece.length;
  }
  return body;
}

export function cutAtNonce(html: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = html.indexOf(renderNonce, start); at >= 0; at = html.indexOf(renderNonce, start)) {
    parts.push(html.subarray(start, at));
    start = at + renderNonce.length;
  }
  parts.push(html.subarray(start));
  return parts;
}

interface Store {
  secret: string;
  pages: Map<string, { slug: string; page: Promise<CachedPage> }>;
  keysBySlug: Map<string, Set<string>>;
}

const maxPages = Number(process.env.PAGE_CACHE_MAX ?? 5000);
export const renderHeader = "x-inzage-render";

function store(): Store {
  const g = globalThis as typeof globalThis & { __inzagePageCache?: Store };
  g.__inzagePageCache ??= { secret: randomUUID(), pages: new Map(), keysBySlug: new Map() };
  return g.__inzagePageCache;
}

/** The tenant slug when an (internal, rewritten) path is one of its public statement pages. */
export function statementPageSlug(path: string): string | null {
  const match = /^\/(?:nl|en)\/t\/([a-z0-9-]+)(?:\/history|\/v\/[1-9]\d{0,8})?$/.exec(path);
  return match ? match[1] : null;
}

export function isRenderRequest(headers: Headers): boolean {
  return headers.get(renderHeader) === store().secret;
}

/**
 * Where a statement page is kept: its host without port, lowercased, and the path, or
 * null when the Host is neither the platform's nor this tenant's own, which is never
 * cached. A raw Host would give every port and spelling an entry (and a render) of
 * its own; this way a tenant's page has at most two keys per path.
 */
export function pageCacheKey(slug: string, host: string, path: string): { key: string; hostname: string } | null {
  const hostname = host.toLowerCase().replace(/:\d{1,5}$/, "");
  if (hostname !== platformHost() && tenantSlugFromHost(hostname) !== slug) return null;
  return { key: `${hostname}${path}`, hostname };
}

/**
 * The page for this host and path, from the cache or rendered now; null when the host
 * is not one to cache for (pageCacheKey). Only answers with status 200 are kept;
 * others (a 404 for an unknown version) are passed on uncached.
 */
export async function cachedPage(slug: string, host: string, path: string, port: string): Promise<{ page: CachedPage; hit: boolean } | null> {
  const { pages, keysBySlug, secret } = store();
  const cacheKey = pageCacheKey(slug, host, path);
  if (!cacheKey) return null;
  const { key, hostname } = cacheKey;
  const existing = pages.get(key);
  if (existing) {
    pages.delete(key);
    pages.set(key, existing);
    return { page: await existing.page, hit: true };
  }
  // Rendered for the host without its port, so what the page holds cannot depend on it.
  const rendering = renderOnce(hostname, path, port, secret);
  pages.set(key, { slug, page: rendering });
  let keys = keysBySlug.get(slug);
  if (!keys) keysBySlug.set(slug, (keys = new Set()));
  keys.add(key);
  if (pages.size > maxPages) drop(pages.keys().next().value!);
  const page = await rendering.catch((error: unknown) => {
    drop(key);
    throw error;
  });
  if (page.status !== 200) drop(key);
  return { page, hit: false };
}

/** How many pages the cache holds. */
export function cachedPageCount(): number {
  return store().pages.size;
}

function drop(key: string): void {
  const { pages, keysBySlug } = store();
  const entry = pages.get(key);
  pages.delete(key);
  if (entry) keysBySlug.get(entry.slug)?.delete(key);
}

export function forgetPages(slug: string): void {
  const { pages, keysBySlug } = store();
  for (const key of keysBySlug.get(slug) ?? []) pages.delete(key);
  keysBySlug.delete(slug);
}

function renderOnce(host: string, path: string, port: string, secret: string): Promise<CachedPage> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: "127.0.0.1", port, path, headers: { host, [renderHeader]: secret } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 500,
            contentType: String(response.headers["content-type"] ?? "text/html; charset=utf-8"),
            parts: cutAtNonce(Buffer.concat(chunks)),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}
