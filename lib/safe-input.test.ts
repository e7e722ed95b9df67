import { describe, expect, it } from "vitest";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { hasUnsafeCharacters, inputProblems, maxJsonDepth, refuseBadUrl, refuseMalformedActionCall, searchText } from "./safe-input";

describe("inputProblems", () => {
  it("names NUL and lone surrogates in values and keys, by path", () => {
    const value = JSON.parse('{"records":[{"fields":{"note":"a\\u0000b","ok":"é😀","\\u0000":1,"half":"\\ud800","other":"x\\udfffy"}}]}');
    expect(inputProblems(value)).toEqual([
      { path: ["records", 0, "fields", "note"], kind: "characters" },
      { path: ["records", 0, "fields", "\u0000"], kind: "characters" },
      { path: ["records", 0, "fields", "half"], kind: "characters" },
      { path: ["records", 0, "fields", "other"], kind: "characters" },
    ]);
  });

  it("refuses own keys __proto__, constructor and prototype, which JSON.parse keeps and copying drops", () => {
    const value = JSON.parse('{"customFields":{"__proto__":"x"},"a":{"constructor":1,"prototype":2}}');
    expect(inputProblems(value)).toEqual([
      { path: ["customFields", "__proto__"], kind: "reservedKey" },
      { path: ["a", "constructor"], kind: "reservedKey" },
      { path: ["a", "prototype"], kind: "reservedKey" },
    ]);
  });

  it("refuses numbers that JSON.parse turns into Infinity", () => {
    expect(inputProblems(JSON.parse('{"total":1e400,"low":-1e400,"fine":1e300}'))).toEqual([
      { path: ["total"], kind: "notFinite" },
      { path: ["low"], kind: "notFinite" },
    ]);
  });

  it(`refuses nesting deeper than ${maxJsonDepth} levels, however deep, without overflowing the stack`, () => {
    expect(inputProblems(JSON.parse("[".repeat(maxJsonDepth) + "]".repeat(maxJsonDepth)))).toEqual([]);
    expect(inputProblems(JSON.parse("[".repeat(130) + "]".repeat(130)))).toEqual([{ path: Array(maxJsonDepth).fill(0), kind: "tooDeep" }]);
    const levels = 200_000;
    expect(inputProblems(JSON.parse("[".repeat(levels) + "]".repeat(levels)))).toHaveLength(1);
  });

  it("passes ordinary input and stops at its limit", () => {
    expect(inputProblems({ name: "Jan Jansen", n: 3, list: ["a", null, true], nested: { x: "ÿ\u00a0" } })).toEqual([]);
    expect(inputProblems(Array(100).fill("\u0000"), { limit: 5 })).toHaveLength(5);
  });
});

describe("text helpers", () => {
  it("hasUnsafeCharacters finds NUL and unpaired surrogates only", () => {
    expect(["\u0000", "a\u0000", "\ud800", "\udfff", "x\ud83d"].map(hasUnsafeCharacters)).toEqual([true, true, true, true, true]);
    expect(["", "plain", "😀", "\u0001\uffff", "%00"].map(hasUnsafeCharacters)).toEqual([false, false, false, false, false]);
  });

  it("searchText turns what cannot be compared into U+FFFD", () => {
    expect(searchText("a\u0000b\ud800")).toBe("a\ufffdb\ufffd");
    expect(searchText("jan@example.com")).toBe("jan@example.com");
  });
});

describe("refuseBadUrl", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

  it("answers 400 for %00 in a page's query or path, in the page's language", async () => {
    for (const url of ["/nl/admin/requests?status=all&q=%00", "/nl/admin/audit?actor=a%00", "/nl/t/inone/portal/records?category=orders%00"]) {
      const refused = refuseBadUrl(request(url));
      expect(refused?.status, url).toBe(400);
      expect(await refused!.text()).toContain("nulteken");
    }
    const english = refuseBadUrl(request("/en/t/inone/portal/log?before=%00"))!;
    expect(await english.text()).toContain("null character");
    expect(refuseBadUrl(request("/%00", { "accept-language": "en" }))!.headers.get("content-language")).toBe("en");
  });

  it("answers 400 for a path that is not UTF-8, which Next.js cannot decode (was a 500)", async () => {
    for (const url of ["/nl/admin/requests/%ED%A0%80", "/nl/t/inone/v/%FF", "/api/v1/subjects/%ED%A0%80/records"]) {
      expect(refuseBadUrl(request(url))?.status, url).toBe(400);
    }
  });

  it("answers the API's JSON error for %00 in an API path", async () => {
    const refused = refuseBadUrl(request("/api/admin/requests/ABC/attachments/%00"))!;
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("invalid_url");
  });

  it("lets everything else through, an encoded percent sign included", () => {
    for (const url of ["/nl/admin/requests?q=%2500", "/nl/t/inone", "/api/v1/subjects/jan%40example.com", "/nl?q=%C3%A9%01"]) {
      expect(refuseBadUrl(request(url)), url).toBeNull();
    }
  });
});

describe("refuseMalformedActionCall", () => {
  const call = (body: BodyInit, headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8" }) =>
    refuseMalformedActionCall(new Request("http://localhost/nl/admin", { method: "POST", body, headers: { "next-action": "abc", ...headers } }));

  it("refuses arguments that are not a list, which Next.js fails on (was a 500)", async () => {
    for (const body of ['"text"', "{}", "null", "1e400", "not json", ""]) {
      expect((await call(body))?.status, body).toBe(400);
    }
    const form = new FormData();
    form.set("0", '{"a":1}');
    expect((await call(form, {}))?.status).toBe(400);
  });

  it("lets a list of arguments, a multipart call and other requests through", async () => {
    expect(await call('["$K1"]')).toBeNull();
    const form = new FormData();
    form.set("0", '[{"status":"idle"},"$K1"]');
    form.set("_1_name", "x");
    expect(await call(form, {})).toBeNull();
    expect(await refuseMalformedActionCall(new Request("http://localhost/nl", { method: "POST", body: "{}" }))).toBeNull();
  });
});

describe("the form-action wrapper", () => {
  const action = publicAction(z.object({ name: z.string() }), async (_context, input) => input.name);

  // A lone surrogate cannot reach a FormData (it becomes U+FFFD); NUL can.
  it("refuses NUL in a field with a translated message, before the handler runs", async () => {
    for (const bad of ["a\u0000b", "\u0000"]) {
      const form = new FormData();
      form.set("name", bad);
      const state = await action({ status: "idle" }, form);
      expect(state).toMatchObject({ status: "error", formError: "invalidCharacters", fieldErrors: { name: "invalidCharacters" } });
    }
  });

  it("answers an error state, not an exception, when a script calls it without a form", async () => {
    for (const notAForm of [undefined, null, "text", 3, ["a"], { get: 1 }]) {
      const state = await action({ status: "idle" }, notAForm as unknown as FormData);
      expect(state.status).toBe("error");
    }
  });
});
