import { beforeEach, describe, expect, it, vi } from "vitest";

const requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const { requestContext } = await import("@/lib/request");
const { localeAlternates } = await import("@/lib/i18n/paths");

/** Canonical and alternate links are made absolute against requestContext().origin (app/[locale]/layout.tsx). */
async function links(): Promise<string[]> {
  const { path, origin } = await requestContext();
  const base = new URL(origin);
  return [path.split("?")[0], ...Object.values(localeAlternates(path))].map((link) => new URL(link, base).toString());
}

describe("the origin of canonical and alternate links", () => {
  beforeEach(() => {
    for (const name of [...requestHeaders.keys()]) requestHeaders.delete(name);
    vi.unstubAllEnvs();
    vi.stubEnv("PUBLIC_URL", "https://privacy.example.com");
    vi.stubEnv("PLATFORM_HOST", "privacy.example.com");
  });

  it("ignores a forged X-Forwarded-Host and Host on the platform", async () => {
    requestHeaders.set("host", "attacker.example");
    requestHeaders.set("x-forwarded-host", "evil.example");
    requestHeaders.set("x-forwarded-proto", "http");
    requestHeaders.set("x-inzage-path", "/nl/t/inone/history");
    expect(await links()).toEqual([
      "https://privacy.example.com/nl/t/inone/history",
      "https://privacy.example.com/nl/t/inone/history",
      "https://privacy.example.com/en/t/inone/history",
      "https://privacy.example.com/nl/t/inone/history",
    ]);
  });

  it("is the tenant's configured host on the tenant's own host, whatever X-Forwarded-Host says", async () => {
    requestHeaders.set("host", "inone.privacy.example.com:8443");
    requestHeaders.set("x-forwarded-host", "evil.example");
    requestHeaders.set("x-inzage-path", "/en");
    requestHeaders.set("x-inzage-tenant-host", "inone");
    const all = await links();
    expect(all).toContain("https://inone.privacy.example.com/nl");
    expect(all.every((link) => link.startsWith("https://inone.privacy.example.com/"))).toBe(true);
  });

  it("keeps the port of PUBLIC_URL", async () => {
    vi.stubEnv("PUBLIC_URL", "http://localhost:3210");
    vi.stubEnv("PLATFORM_HOST", "localhost");
    requestHeaders.set("x-forwarded-host", "evil.example:1");
    requestHeaders.set("x-inzage-tenant-host", "inone");
    expect((await requestContext()).origin).toBe("http://inone.localhost:3210");
  });
});
