import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNonce } from "@/lib/security-headers";
import { cachedPage, cachedPageCount, cutAtNonce, forgetPages, pageCacheKey, pageWithNonce } from "./page-cache";

const page = (html: string) => ({ status: 200, contentType: "text/html; charset=utf-8", parts: cutAtNonce(Buffer.from(html)) });
const decoded = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("a cached page's nonce", () => {
  it("is replaced everywhere the stand-in stood, including at the very start and end", () => {
    const html = `${renderNonce}<script nonce="${renderNonce}">x</script><p>Privacyverklaring — één</p><script nonce="${renderNonce}"></script>${renderNonce}`;
    expect(decoded(pageWithNonce(page(html), "fresh-nonce"))).toBe(html.replaceAll(renderNonce, "fresh-nonce"));
  });

  it("leaves a page without the stand-in as it is", () => {
    const html = "<!DOCTYPE html><p>geen scripts</p>";
    expect(page(html).parts).toHaveLength(1);
    expect(decoded(pageWithNonce(page(html), "fresh-nonce"))).toBe(html);
  });

  it("gives each response its own nonce from the same cached parts", () => {
    const cached = page(`<script nonce="${renderNonce}"></script>`);
    expect(decoded(pageWithNonce(cached, "first"))).toBe('<script nonce="first"></script>');
    expect(decoded(pageWithNonce(cached, "second"))).toBe('<script nonce="second"></script>');
  });
});

describe("the page cache's key", () => {
  it("is the host without port, lowercased, for the platform and the tenant's own host", () => {
    expect(pageCacheKey("inone", "inone.localhost:3000", "/nl")?.key).toBe("inone.localhost/nl");
    expect(pageCacheKey("inone", "INONE.localhost:1", "/nl")?.key).toBe("inone.localhost/nl");
    expect(pageCacheKey("inone", "localhost:4000", "/nl/t/inone")?.key).toBe("localhost/nl/t/inone");
  });

  it("is none for any other host", () => {
    for (const host of ["web1on1.localhost", "evil.example", "127.0.0.1:3000", "localhost.:3000", "inone.localhost.", "localhost:3000:3000", "a.inone.localhost", ""]) {
      expect(pageCacheKey("inone", host, "/nl"), host).toBeNull();
    }
  });
});

describe("the page cache", () => {
  let server: http.Server;
  let port = "";
  const rendered: Array<string | undefined> = [];

  beforeAll(async () => {
    delete process.env.PLATFORM_HOST;
    server = http.createServer((request, response) => {
      rendered.push(request.headers.host);
      response.writeHead(200, { "content-type": "text/html" }).end(`<p>${request.headers.host}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = String((server.address() as AddressInfo).port);
  });

  afterAll(async () => {
    forgetPages("inone");
    await new Promise((resolve) => server.close(resolve));
  });

  it("renders a page once however many ports and spellings of the host ask for it", async () => {
    const before = cachedPageCount();
    for (let p = 1; p <= 1500; p++) {
      const host = p % 2 ? `inone.localhost:${p}` : `INONE.LOCALHOST:${p}`;
      const cached = await cachedPage("inone", host, "/nl", port);
      expect(cached?.hit).toBe(p > 1);
    }
    expect(cachedPageCount()).toBe(before + 1);
    expect(rendered).toEqual(["inone.localhost"]);
  });

  it("neither renders nor keeps anything for an unknown host", async () => {
    const before = cachedPageCount();
    for (const host of ["evil.example", "web1on1.localhost", "127.0.0.1:3000", "inone.localhost.evil.example"]) {
      expect(await cachedPage("inone", host, "/nl/history", port)).toBeNull();
    }
    expect(cachedPageCount()).toBe(before);
    expect(rendered).toEqual(["inone.localhost"]);
  });
});
