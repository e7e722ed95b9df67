import { expect, test } from "@playwright/test";
import { HttpClient } from "./fixtures/http-client";

/** Canonical and alternate links come from PUBLIC_URL and the tenant's configured host, not from X-Forwarded-Host. */
const links = (html: string) => [...html.matchAll(/<link[^>]+rel="(?:canonical|alternate)"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? "");

test("a forged X-Forwarded-Host does not reach canonical or alternate links", async ({ baseURL }) => {
  const origin = new URL(baseURL!);
  const tenantHost = `inone.${origin.hostname}:${origin.port}`;
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  for (const [host, path, expected] of [
    [origin.host, "/nl/t/inone/history", origin.origin],
    [origin.host, "/en/signin", origin.origin],
    [tenantHost, "/nl/history", `${origin.protocol}//${tenantHost}`],
  ]) {
    const response = await new HttpClient(baseURL!, host, forged).get(path);
    expect(response.status, path).toBe(200);
    expect(response.body, path).not.toContain("evil.example");
    const found = links(response.body);
    expect(found.length, path).toBeGreaterThanOrEqual(3);
    for (const link of found) expect(link.startsWith(`${expected}/`), `${host}${path}: ${link}`).toBe(true);
  }
});
