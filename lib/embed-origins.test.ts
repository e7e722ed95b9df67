import { describe, expect, it } from "vitest";
import { parseEmbedOrigin, validEmbedOrigins } from "@/lib/embed-origins";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { embedOrigins, fieldErrorParams, fieldErrors } from "@/lib/validation";

describe("embedding origins", () => {
  it("accepts origins and writes them as the browser does", () => {
    expect(parseEmbedOrigin("https://www.example.com")).toBe("https://www.example.com");
    expect(parseEmbedOrigin("https://www.example.com/")).toBe("https://www.example.com");
    expect(parseEmbedOrigin("HTTPS://WWW.Example.com:443")).toBe("https://www.example.com");
    expect(parseEmbedOrigin("https://help.example.com:8443")).toBe("https://help.example.com:8443");
    expect(parseEmbedOrigin("https://bücher.example")).toBe("https://xn--bcher-kva.example");
    expect(parseEmbedOrigin("http://localhost:3000")).toBe("http://localhost:3000");
  });

  it.each([
    ["a semicolon, which would start another directive", "https://a.example;script-src"],
    ["a semicolon after the port", "https://a.example:443;script-src 'unsafe-inline'"],
    ["a comma, which would start another policy", "https://a.example,https://b.example"],
    ["a single quote", "https://'unsafe-inline'"],
    ["a double quote", 'https://a.example"'],
    ["a path", "https://a.example/embed"],
    ["a query", "https://a.example?x=1"],
    ["a fragment", "https://a.example#top"],
    ["credentials", "https://user:pw@a.example"],
    ["a space", "https://a.example 'unsafe-inline'"],
    ["a wildcard", "https://*.example.com"],
    ["a keyword", "'self'"],
    ["another scheme", "ftp://a.example"],
    ["http for a public host", "http://a.example"],
    ["no scheme", "a.example"],
  ])("refuses %s", (_what, entry) => {
    expect(parseEmbedOrigin(entry)).toBeNull();
  });

  it("the form field names the first bad entry", () => {
    const result = embedOrigins.safeParse("https://ok.example\nhttps://a.example;script-src\nhttps://b.example/x");
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ _form: "embedOrigin" });
    expect(fieldErrorParams(result.error!)).toEqual({ _form: { entry: "https://a.example;script-src" } });
  });

  it("the form field keeps one origin per line, as origins, without repeats", () => {
    expect(embedOrigins.parse(" https://A.example/ \r\n\nhttps://a.example\nhttp://localhost:3000\n")).toEqual(["https://a.example", "http://localhost:3000"]);
    expect(embedOrigins.safeParse("https://a.example https://b.example").success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => `https://s${i}.example`).join("\n");
    expect(fieldErrors(embedOrigins.safeParse(eleven).error!)).toEqual({ _form: "tooMany" });
  });

  it("stored entries that are not origins are left out of the header", () => {
    const stored = ["https://a.example", "https://b.example;script-src", "https://c.example,d", "https://e.example/path", "'unsafe-inline'"];
    expect(validEmbedOrigins(stored)).toEqual(["https://a.example"]);
    const policy = contentSecurityPolicy("n", { https: true, development: false, frameAncestors: stored });
    expect(policy).toContain("frame-ancestors https://a.example;");
    expect(policy).not.toContain("b.example");
    expect(policy.split(";").filter((d) => d.trim().startsWith("script-src"))).toHaveLength(1);
    expect(contentSecurityPolicy("n", { https: true, development: false, frameAncestors: ["https://b.example;x"] })).toContain("frame-ancestors 'none'");
  });
});
