import { expect, test } from "@playwright/test";

/** Canonical and alternate links come from PUBLIC_URL and the tenant's configured host, not from X-Forwarded-Host. */
const links = (html: string) => [...html.matchAll(/<link[^>]+rel="(?:canonical|alternate)"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? "");

test("a forged X-Forwarded-Host does not reach canonical or alternate links", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!);
  const tenantOrigin = `${origin.protocol}//inone.${origin.hostname}:${origin.port}`;
  for (const [url, expected] of [
    [`${origin.origin}/nl/t/inone/history`, origin.origin],
    [`${origin.origin}/en/signin`, origin.origin],
    [`${tenantOrigin}/nl/history`, tenantOrigin],
  ]) {
    const response = await request.get(url, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expect(html, url).not.toContain("evil.example");
    const found = links(html);
    expect(found.length, url).toBeGreaterThanOrEqual(3);
    for (const link of found) expect(link.startsWith(`${expected}/`), `${url}: ${link}`).toBe(true);
  }
});
