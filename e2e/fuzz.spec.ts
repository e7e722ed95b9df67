import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { appRoutes, serverActionFiles } from "./fixtures/app-routes";
import { actionForm, actionState, formsOf, HttpClient, loopbackAddress, mailWith, portalSignIn, serverActionIds, type HttpResponse } from "./fixtures/http-client";
import { uniqueEmail } from "./fixtures/mail";

/**
 * Bad input gets a 4xx, never a 500 (issue 10). Malformed values (NUL, %00, lone
 * surrogates, invalid UTF-8, deep and huge JSON, __proto__ keys, 1e400, overlong
 * strings, odd content types, bad ids) go to every route on disk, in path segments and
 * query strings, to every API body and to every server action of the build, as a
 * signed-in owner, a signed-in portal user, an API key and nobody. Any 5xx, a cut-off
 * answer or a connection the server drops fails the suite.
 *
 * The inputs come from fast-check with a fixed seed, so a failure repeats; fast-check
 * prints the shrunk counterexample. Everything happens in a company of its own, made
 * by signing up, so no other suite's data is touched.
 */

test.describe.configure({ mode: "default" });

const seed = 20261210;
const runsPerRoute = 6;
const runsPerAction = 6;

// ---- Malformed values ---------------------------------------------------------------

const corpus = [
  "\u0000",
  "a\u0000b",
  "%00",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "\uffff\ufffe",
  "1e400",
  "-1e400",
  "NaN",
  "-1",
  "0",
  "99999999999999999999999",
  "__proto__",
  "constructor",
  "prototype",
  "../../../etc/passwd",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "\u202e\u200b",
  "",
  " ",
  "x".repeat(5000),
  "é".repeat(3000),
  "2026-13-45",
  "null",
  "[]",
  "{}",
];

const badText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...corpus) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...corpus), fc.string({ unit: "binary", maxLength: 10 })).map(([a, b]) => a + b) },
);

/** Percent-encodes every UTF-16 unit, a lone surrogate as the (invalid) UTF-8 bytes of its code. */
function encodeAny(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** JSON no schema of the app accepts as it is: deep, huge, __proto__ keys, 1e400, NUL and lone surrogates. */
function deep(levels: number, open = "[", close = "]"): string {
  return open.repeat(levels) + close.repeat(levels);
}
const jsonCorpus = [
  deep(130),
  deep(5000),
  deep(200, '{"a":', "}"),
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{}}}',
  '{"a":1e400}',
  '{"a":-1e400}',
  '{"a":"\\u0000"}',
  '{"\\u0000":1}',
  '{"a":"\\ud800"}',
  '{"a":',
  "",
  "null",
  "[]",
  '"text"',
  "1e400",
  JSON.stringify({ a: "x".repeat(2_000_000) }),
];
const badJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...jsonCorpus),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.dictionary(badText, badText, { maxKeys: 4 }).map((value) => JSON.stringify(value)),
);

/** Bodies for the tenant API: the right shape with one malformed part. */
const apiBody = (path: string): fc.Arbitrary<string> => {
  const record = (fields: string) => `{"records":[{"category":"orders","sourceSystem":"shop","fields":${fields}}]}`;
  const shaped = path.endsWith("/records")
    ? fc.oneof(
        fc.constantFrom(
          record('{"__proto__":"x"}'),
          record('{"total":1e400}'),
          record('{"note":"a\\u0000b"}'),
          record('{"note":"\\udfff"}'),
          record(deep(200, '{"a":', "}")),
          record('{"\\u0000":1}'),
        ),
        badText.map((value) => record(JSON.stringify({ note: value }))),
        badText.map((value) => `{"records":[{"category":${JSON.stringify(value)},"sourceSystem":${JSON.stringify(value)},"fields":{}}]}`),
      )
    : fc.oneof(
        fc.constantFrom('{"customFields":{"__proto__":"x"}}', '{"name":"a\\u0000b"}', '{"name":"\\ud800"}', '{"customFields":{"constructor":"x"}}', '{"name":1e400}'),
        fc.constantFrom("name", "phone", "postalAddress", "companyName", "vatNumber", "preferredLocale").chain((field) =>
          badText.map((value) => JSON.stringify({ [field]: value })),
        ),
        badText.map((value) => JSON.stringify({ customFields: { [value]: value } })),
      );
  return fc.oneof(shaped, badJson);
};

const contentTypes = ["application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/vnd.api+json", "", "application/json\u0000"];

/** Query parameters the app's pages and routes read. */
const queryNames = ["q", "status", "type", "due", "after", "before", "cursor", "limit", "recordsLimit", "action", "actor", "from", "to", "category", "source", "token", "email", "confirmed", "lang", "locale", "country", "signedOut", "next", "error", "version", "callbackUrl"];

// ---- Checking an answer ---------------------------------------------------------------

function expectHandled(response: HttpResponse, what: string): void {
  expect(response.status, `${what} answered ${response.status}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
  expect(response.status, `${what} answered ${response.status}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
}

/** A loopback address of its own to connect from, so each call has its own rate-limit bucket (scripts/server.js). */
function freshAddress(): string {
  return loopbackAddress(91);
}

// ---- The company under test -------------------------------------------------------------

let baseURL = "";
let slug = "";
let owner: HttpClient;
let portal: HttpClient;
let apiKey = "";
let person = "";

function clientFor(path: string): HttpClient {
  if (path.includes("/portal")) return portal;
  if (path.startsWith("/api/v1/")) return new HttpClient(baseURL, undefined, { authorization: `Bearer ${apiKey}` });
  if (path.includes("/admin")) return owner;
  return new HttpClient(baseURL);
}

test.beforeAll(async ({ baseURL: base }) => {
  test.setTimeout(90_000);
  baseURL = base!;
  const ids = serverActionIds();
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  slug = `fuzz-${id}`;
  const adminEmail = uniqueEmail("fuzz-owner");
  owner = new HttpClient(baseURL, undefined, {}, freshAddress());
  const signedUp = await owner.post(
    "/nl/signup",
    actionForm(ids.get("app/[locale]/signup/actions.ts#signUp")!.id, {
      locale: "nl",
      companyName: `Fuzz ${id}`,
      slug,
      legalName: `Fuzz ${id} B.V.`,
      address: "Teststraat 1\n1234 AB Utrecht",
      country: "NL",
      registrationNumber: "",
      contactEmail: `privacy@${slug}.example`,
      adminEmail,
    }),
  );
  expect(actionState(signedUp.body), "sign-up").toMatchObject({ status: "success" });
  const mail = await mailWith(adminEmail, baseURL, "/api/auth/callback/email");
  const link = new URL(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(mail.text)![0]);
  expect((await owner.get(link.pathname + link.search, { follow: true })).status).toBe(200);

  const key = await owner.post("/nl/admin/integrations", actionForm(ids.get("app/[locale]/admin/integrations/actions.ts#createKey")!.id, { locale: "nl", name: "fuzz" }));
  apiKey = (actionState(key.body)!.result as { secret: string }).secret;
  person = uniqueEmail("fuzz-person");
  const api = new HttpClient(baseURL, undefined, { authorization: `Bearer ${apiKey}`, "content-type": "application/json" });
  expect((await api.request("PUT", `/api/v1/subjects/${encodeURIComponent(person)}`, { body: JSON.stringify({ name: "Fuzz Person" }) })).status).toBe(201);
  const records = JSON.stringify({ records: [{ category: "orders", sourceSystem: "shop", fields: { order: "O-1" } }] });
  expect((await api.request("POST", `/api/v1/subjects/${encodeURIComponent(person)}/records`, { body: records })).status).toBe(201);
  portal = await portalSignIn(new HttpClient(baseURL, undefined, {}, freshAddress()), baseURL, slug, person);
});

// ---- What the issue found, one by one ----------------------------------------------------

test("the reproductions of issue 10 get 4xx answers", async () => {
  const api = new HttpClient(baseURL, undefined, { authorization: `Bearer ${apiKey}`, "content-type": "application/json" });
  const records = `/api/v1/subjects/${encodeURIComponent(person)}/records`;
  const subject = `/api/v1/subjects/${encodeURIComponent(person)}`;
  const record = (fields: string) => `{"records":[{"category":"orders","sourceSystem":"shop","fields":${fields}}]}`;
  const cases: Array<[string, Promise<HttpResponse>, number, string?]> = [
    ["a record field named __proto__", api.request("POST", records, { body: record('{"__proto__":"x","a":1}') }), 400, "records.0.fields.__proto__"],
    ["a record value of 1e400", api.request("POST", records, { body: record('{"total":1e400}') }), 400, "records.0.fields.total"],
    ["NUL in a record", api.request("POST", records, { body: record('{"note":"a\\u0000b"}') }), 400, "records.0.fields.note"],
    ["a lone surrogate in a record", api.request("POST", records, { body: record('{"note":"\\ud800"}') }), 400, "records.0.fields.note"],
    ["a record nested 130 levels", api.request("POST", records, { body: record(deep(130)) }), 400],
    ["customFields.__proto__", api.request("PUT", subject, { body: '{"customFields":{"__proto__":"x"}}' }), 400, "customFields.__proto__"],
    ["NUL in a profile field", api.request("PUT", subject, { body: '{"name":"a\\u0000b"}' }), 400, "name"],
    ["a lone surrogate in a profile field", api.request("PUT", subject, { body: '{"name":"\\udc00"}' }), 400, "name"],
    ["%00 in the requests search", owner.get("/nl/admin/requests?status=all&q=%00"), 400],
    ["%00 in the audit filters", owner.get("/nl/admin/audit?actor=%00&action=a%00"), 400],
    ["%00 in the audit CSV", owner.get("/api/admin/audit?actor=%00"), 400],
    ["%00 in the outbox filter", owner.get("/nl/dev/outbox?to=%00"), 400],
    ["%00 in the portal's records page", portal.get(`/nl/t/${slug}/portal/records?category=orders%00&before=%00`), 400],
    ["%00 in the portal's log page", portal.get(`/nl/t/${slug}/portal/log?before=%00`), 400],
    ["%00 in an attachment id", owner.get("/api/admin/requests/ABC-123/attachments/%00"), 400],
    ["%00 in a portal attachment id", portal.get(`/api/t/${slug}/portal/requests/ABC-123/attachments/a%00`), 400],
    ["a path that is not UTF-8", owner.get("/nl/admin/requests/%ED%A0%80"), 400],
    ["an API path that is not UTF-8", api.get("/api/v1/subjects/%ED%A0%80"), 400],
    ["a server action posted to /robots.txt", owner.request("POST", "/robots.txt", { body: "[]", headers: { "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" } }), 404],
  ];
  for (const [what, answer, status, path] of cases) {
    const response = await answer;
    expect(response.status, `${what}: ${response.body.slice(0, 300)}`).toBe(status);
    if (path) expect(JSON.parse(response.body).error.issues.map((issue: { path: string }) => issue.path), what).toContain(path);
  }
  // Nothing of it was stored.
  const stored = await api.get(records);
  expect(stored.status).toBe(200);
  expect((JSON.parse(stored.body) as { items: unknown[] }).items).toHaveLength(1);
});

test("the audit CSV answers with a whole file, not a cut-off stream", async () => {
  const response = await owner.get(`/api/admin/audit?action=${encodeAny("\ud800")}&actor=${encodeAny("é\udfff")}`);
  expect(response.status).toBe(200);
  expect(response.body).toMatch(/^time,actor_type,actor,action/);
});

// ---- Every route --------------------------------------------------------------------------

/** A concrete path for a route pattern, with `bad` in every segment that the visitor chooses (the tenant stays ours, so the route is reached). */
function concretePath(pattern: string, bad: string): string {
  return pattern
    .replace("[locale]", "nl")
    .replace("[tenant]", slug)
    .replace("[action]", bad.length % 2 ? "confirm" : "stop")
    .replace(/\[\.\.\.[^\]]+\]/g, encodeAny(bad) || "x")
    .replace(/\[[^\]]+\]/g, encodeAny(bad) || "x");
}

for (const route of appRoutes()) {
  for (const method of route.methods) {
    test(`${method} ${route.pattern} with malformed segments, queries and bodies`, async () => {
      test.setTimeout(60_000);
      const withBody = method !== "GET";
      await fc.assert(
        fc.asyncProperty(
          badText,
          fc.subarray(queryNames, { minLength: 1, maxLength: 4 }),
          badText,
          withBody ? (route.pattern.startsWith("/api/v1/") ? apiBody(route.pattern) : badJson) : fc.constant(""),
          fc.constantFrom(...contentTypes),
          async (segment, names, value, body, contentType) => {
            const path = concretePath(route.pattern, segment);
            const query = names.map((name) => `${name}=${encodeAny(value)}`).join("&");
            const target = `${path}?${query}`;
            const client = clientFor(path);
            const headers = { ...(withBody ? { "content-type": contentType.startsWith("application/json") ? contentType.replace("\u0000", "") : contentType } : {}) };
            const response = await client.request(method, target, withBody ? { body, headers, from: freshAddress() } : { headers, from: freshAddress() });
            expectHandled(response, `${method} ${target.slice(0, 200)}`);
          },
        ),
        {
          seed,
          numRuns: runsPerRoute,
          endOnFailure: true,
          // Always tried first: NUL and a lone surrogate in every place at once.
          examples: [
            ["a\u0000b", ["q", "before", "category", "actor", "to", "token"], "\u0000", withBody ? '{"__proto__":{"a":1e400}}' : "", "application/json"],
            ["\ud800", ["q", "after", "source", "action", "from", "email"], "x\udfff", withBody ? deep(5000) : "", "application/json"],
          ],
        },
      );
    });
  }
}

// ---- Every server action ----------------------------------------------------------------

/** The page an action is posted to, and what it holds for a browser to send. */
async function formFields(client: HttpClient, page: string): Promise<Record<string, string>> {
  const response = await client.get(page);
  const fields: Record<string, string> = {};
  for (const form of formsOf(response.body)) Object.assign(fields, form);
  return fields;
}

const actionFiles = serverActionFiles();

for (const { file, actions } of actionFiles) {
  for (const name of actions) {
    test(`server action ${file}#${name} with malformed fields`, async () => {
      test.setTimeout(60_000);
      const action = serverActionIds().get(`${file}#${name}`);
      expect(action, `${file}#${name} is in the build`).toBeTruthy();
      const pattern = action!.pages[0] ?? "/[locale]";
      const page = concretePath(pattern, "x");
      // Signing out would end the sessions the rest of the suite uses: those run without one.
      const ends = /sign ?out|chooseTenant/i.test(name);
      const client = ends ? new HttpClient(baseURL) : clientFor(page);
      const defaults: Record<string, string> = { locale: "nl", tenant: slug, ...(await formFields(client, page)) };
      const names = Object.keys(defaults);
      await fc.assert(
        fc.asyncProperty(
          fc.subarray(names, { minLength: 1 }),
          badText,
          fc.constantFrom("form", "plainForm", "jsCall"),
          badJson,
          async (badNames, value, shape, json) => {
            const from = freshAddress();
            let response: HttpResponse;
            if (shape === "jsCall") {
              // The way React calls an action from script, with arguments no form would make.
              response = await client.request("POST", page, { body: json, from, headers: { "next-action": action!.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" } });
            } else {
              const fields = Object.fromEntries(names.map((field) => [field, badNames.includes(field) ? value : defaults[field]]));
              response = await client.post(page, actionForm(action!.id, fields, shape === "form"), { from });
            }
            expectHandled(response, `${file}#${name} (${shape}) with ${JSON.stringify(badNames)} = ${JSON.stringify(value).slice(0, 80)}`);
          },
        ),
        {
          seed,
          numRuns: runsPerAction,
          endOnFailure: true,
          examples: [
            [names, "a\u0000b", "form", ""],
            [names, "", "jsCall", '["not","a form"]'],
          ],
        },
      );
    });
  }
}

test("a server action called from script with a list of arguments still works; anything else gets 400", async () => {
  const id = serverActionIds().get("app/[locale]/admin/integrations/actions.ts#createKey")!.id;
  const from = freshAddress();
  const headers = { "next-action": id, accept: "text/x-component" };
  const form = new FormData();
  // As React encodes it: the form's fields under "_1_", then the arguments in "0".
  form.set("_1_name", "called from script");
  form.set("_1_locale", "nl");
  form.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const real = await owner.request("POST", "/nl/admin/integrations", { body: form, headers, from });
  expect(real.status).toBe(200);
  expect(real.body).toContain('"status":"success"');
  for (const body of ['"text"', "{}", "null"]) {
    const refused = await owner.request("POST", "/nl/admin/integrations", { body, from, headers: { ...headers, "content-type": "text/plain;charset=UTF-8" } });
    expect(refused.status, body).toBe(400);
  }
});

test("server-action posts to files and API routes get 404", async () => {
  const ids = serverActionIds();
  const someAction = [...ids.values()][0].id;
  for (const path of ["/robots.txt", "/favicon.ico", "/_next/static/chunks/missing.js", "/api/v1/requests", "/api/schemas/policy", `/api/t/${slug}/policy`]) {
    for (const id of [someAction, "00ab", "\u0000"]) {
      const response = await owner.request("POST", path, { body: "[]", from: freshAddress(), headers: { "next-action": id.replace("\u0000", "%00"), "content-type": "text/plain;charset=UTF-8" } });
      expect(response.status, `${path} with Next-Action ${id}`).toBe(404);
    }
  }
});

test("the server is still there", async () => {
  expect((await new HttpClient(baseURL).get("/robots.txt")).status).toBe(200);
});
