import { describe, expect, it } from "vitest";
import { renderNonce } from "@/lib/security-headers";
import { cutAtNonce, pageWithNonce } from "./page-cache";

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
