import { describe, expect, it } from "vitest";
import { overHttps, requestOrigin } from "./public-origin";

const env = (values: Record<string, string>) => ({ ...values }) as NodeJS.ProcessEnv;
const headers = (values: Record<string, string>) => new Headers(values);

describe("requestOrigin: the origin Auth.js sees a request under", () => {
  const local = env({ PUBLIC_URL: "http://127.0.0.1:3700" });

  it("is PUBLIC_URL for the platform, whatever Host the request came with", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:3700" }), local)).toBe("http://127.0.0.1:3700");
    expect(requestOrigin(headers({ host: "localhost:3700" }), local)).toBe("http://127.0.0.1:3700");
    expect(requestOrigin(headers({ host: "evil.example" }), local)).toBe("http://127.0.0.1:3700");
    expect(requestOrigin(headers({}), local)).toBe("http://127.0.0.1:3700");
  });

  it("is the tenant's own host with PUBLIC_URL's scheme and port, and never X-Forwarded-Host", () => {
    expect(requestOrigin(headers({ host: "inone.localhost:3700" }), local)).toBe("http://inone.localhost:3700");
    const proxied = env({ PUBLIC_URL: "https://privacy.example", PLATFORM_HOST: "privacy.example" });
    expect(requestOrigin(headers({ host: "inone.privacy.example", "x-forwarded-host": "evil.example" }), proxied)).toBe("https://inone.privacy.example");
    expect(requestOrigin(headers({ host: "privacy.example", "x-forwarded-host": "inone.privacy.example" }), proxied)).toBe("https://privacy.example");
  });
});

describe("overHttps: the one rule for Secure cookies and HSTS", () => {
  it("is true when the public origin is https, with or without a proxy's word", () => {
    expect(overHttps(headers({}), env({ PUBLIC_URL: "https://privacy.example" }))).toBe(true);
    expect(overHttps(headers({ "x-forwarded-proto": "http" }), env({ PUBLIC_URL: "https://privacy.example" }))).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy, and then the nearest one's entry", () => {
    const direct = env({ PUBLIC_URL: "http://127.0.0.1:3700" });
    const proxied = env({ PUBLIC_URL: "http://127.0.0.1:3700", TRUSTED_PROXIES: "1" });
    expect(overHttps(headers({ "x-forwarded-proto": "https" }), direct)).toBe(false);
    expect(overHttps(headers({ "x-forwarded-proto": "https" }), proxied)).toBe(true);
    expect(overHttps(headers({ "x-forwarded-proto": "HTTPS" }), proxied)).toBe(true);
    expect(overHttps(headers({ "x-forwarded-proto": "https, http" }), proxied)).toBe(false);
    expect(overHttps(headers({ "x-forwarded-proto": "http" }), proxied)).toBe(false);
    expect(overHttps(headers({}), proxied)).toBe(false);
  });
});
