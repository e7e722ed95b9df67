import { describe, expect, it } from "vitest";
import { etagMatches, publicJson, publicPreflight, publicProblem, strongEtag } from "./public-json";

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/t/x/policy", { headers });

describe("publicJson", () => {
  it("answers with the body, a strong ETag and CORS for any origin", async () => {
    const response = publicJson(get({ origin: "https://other.example" }), { a: 1 }, { "Cache-Control": "public, max-age=60" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(response.headers.get("etag")).toBe(strongEtag('{"a":1}'));
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("answers 304 without a body when If-None-Match names the tag", async () => {
    const etag = strongEtag('{"a":1}');
    const response = publicJson(get({ "if-none-match": `"other", W/${etag}` }), { a: 1 });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 200 when the body changed since the client's tag", () => {
    const response = publicJson(get({ "if-none-match": strongEtag('{"a":1}') }), { a: 2 });
    expect(response.status).toBe(200);
  });

  it("compares tags weakly and accepts *", () => {
    expect(etagMatches('W/"x"', '"x"')).toBe(true);
    expect(etagMatches("*", '"x"')).toBe(true);
    expect(etagMatches('"y"', '"x"')).toBe(false);
    expect(etagMatches(null, '"x"')).toBe(false);
  });

  it("answers the preflight and errors with CORS too", () => {
    const preflight = publicPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(publicProblem(404, "x", "y").headers.get("access-control-allow-origin")).toBe("*");
  });
});
