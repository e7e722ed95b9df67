import { describe, expect, it } from "vitest";
import { isValidSlug, tenantPath, tenantSlugFromHost } from "./tenant-host";

describe("tenantSlugFromHost", () => {
  it("finds the slug on any port", () => {
    expect(tenantSlugFromHost("acme.localhost:3000", "localhost")).toBe("acme");
    expect(tenantSlugFromHost("acme.localhost", "localhost")).toBe("acme");
    expect(tenantSlugFromHost("ACME.inzage.example:8443", "inzage.example")).toBe("acme");
  });

  it("is null for the platform itself, deeper hosts, reserved names and other domains", () => {
    expect(tenantSlugFromHost("localhost:3000", "localhost")).toBeNull();
    expect(tenantSlugFromHost("a.b.localhost", "localhost")).toBeNull();
    expect(tenantSlugFromHost("www.localhost", "localhost")).toBeNull();
    expect(tenantSlugFromHost("acme.evil.example", "localhost")).toBeNull();
    expect(tenantSlugFromHost(null, "localhost")).toBeNull();
  });
});

describe("isValidSlug", () => {
  it.each(["acme", "web1on1", "my-company", "abc"])("accepts %s", (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(["ab", "Acme", "-acme", "acme-", "ac--me", "admin", "api", "www", "app", "t", "a".repeat(41), "ac_me"])(
    "refuses %s",
    (slug) => expect(isValidSlug(slug)).toBe(false),
  );
});

describe("tenantPath", () => {
  it("uses /t/slug on the platform and leaves it out on the tenant's host", () => {
    expect(tenantPath("nl", "acme", "/history")).toBe("/nl/t/acme/history");
    expect(tenantPath("en", "acme", "history", true)).toBe("/en/history");
    expect(tenantPath("en", "acme", "", true)).toBe("/en");
  });
});
