import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { can, type Permission } from "@/lib/auth/permissions";
import { actionForm, actionState, consoleSignIn, HttpClient, portalSignIn, serverActionIds } from "./fixtures/http-client";
import { uniqueEmail } from "./fixtures/mail";

/**
 * The server refuses what a role may not do; hiding the button is not the protection
 * (issue 7). Members of inONE post every console action their role lacks directly, the
 * way a browser without JavaScript posts a form, and open the pages and downloads their
 * role lacks; a person signed in to the portal only and an anonymous visitor try the
 * console. Who may do what is lib/auth/permissions.ts with the permission each action
 * file passes to consoleAction; lib/console/roles.int.test.ts holds the full matrix and
 * runs the allowed side too.
 */

/** Every consoleAction("<permission>", …) in app/: "<file>#<export>" -> permission. */
function consoleActions(): Map<string, Permission> {
  const found = new Map<string, Permission>();
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
  for (const file of walk(path.resolve("app")).filter((f) => f.endsWith("actions.ts"))) {
    for (const match of readFileSync(file, "utf8").matchAll(/export const (\w+) = consoleAction\(\s*"([\w.]+)"/g)) {
      found.set(`${path.relative(process.cwd(), file)}#${match[1]}`, match[2] as Permission);
    }
  }
  return found;
}

/** A page that runs the action (from the build), with its dynamic parts filled in. */
function pageFor(key: string): string {
  const pages = serverActionIds().get(key)!.pages.sort((x, y) => x.split("[").length - y.split("[").length);
  return pages[0].replace("[locale]", "nl").replace("[reference]", "R-0000-0000");
}

/** Pages and downloads guarded by a permission: a role without it gets 404, as if they did not exist. */
const guarded: Array<{ path: string; permission: Permission }> = [
  { path: "/nl/admin/statement/publish", permission: "statement.publish" },
  { path: "/nl/admin/integrations", permission: "integrations.manage" },
  { path: "/nl/admin/webhooks", permission: "integrations.manage" },
  { path: "/nl/admin/audit", permission: "audit.view" },
  { path: "/api/admin/audit", permission: "audit.view" },
  { path: "/nl/admin/requests/new", permission: "requests.handle" },
];

const members = [
  { role: "EDITOR", email: "editor@inone.example" },
  { role: "VIEWER", email: "viewer@inone.example" },
] as const;

for (const member of members) {
  test(`${member.role.toLowerCase()}: every console action the role lacks is refused by the server, and its pages are not there`, async ({ baseURL }) => {
    test.setTimeout(60_000);
    const client = await consoleSignIn(new HttpClient(baseURL!), baseURL!, member.email);
    const refused = [...consoleActions()].filter(([, permission]) => !can(member.role, permission));
    expect(refused.length).toBeGreaterThan(member.role === "EDITOR" ? 20 : 25);
    // The ones the issue names in particular.
    const names = refused.map(([key]) => key.split("#")[1]);
    if (member.role === "EDITOR") expect(names).toContain("publishStatementDraft");
    if (member.role === "VIEWER") expect(names).toContain("saveStatementDraft");
    for (const [key, permission] of refused) {
      const response = await client.post(pageFor(key), actionForm(serverActionIds().get(key)!.id, { locale: "nl" }));
      expect(actionState(response.body), `${member.role} posts ${key} (${permission})`).toMatchObject({ status: "error", formError: "forbidden" });
    }
    for (const page of guarded) {
      const status = (await client.get(page.path)).status;
      expect(status, `${member.role} opens ${page.path}`).toBe(can(member.role, page.permission) ? 200 : 404);
    }
    // A console session is no key to the tenant API, and no session in the portal.
    expect((await client.get("/api/v1/requests")).status).toBe(401);
    const portal = await client.post("/nl/t/inone/portal/consent", actionForm(serverActionIds().get("app/[locale]/t/[tenant]/portal/actions.ts#toggleConsent")!.id, { tenant: "inone", locale: "nl", purpose: "newsletter", given: "true" }));
    expect(actionState(portal.body)).toMatchObject({ status: "error", formError: "signedOut" });
  });
}

test("a person signed in to the portal and an anonymous visitor get nothing from the console", async ({ baseURL }) => {
  test.setTimeout(60_000);
  // A person of inONE's, made through its API by its admin, signs in to the portal.
  const admin = await consoleSignIn(new HttpClient(baseURL!), baseURL!, "admin@inone.example");
  const made = await admin.post("/nl/admin/integrations", actionForm(serverActionIds().get("app/[locale]/admin/integrations/actions.ts#createKey")!.id, { locale: "nl", name: `Rollen ${Date.now().toString(36)}` }));
  const key = (actionState(made.body)!.result as { secret: string }).secret;
  const email = uniqueEmail("roles-person");
  const put = await admin.request("PUT", `/api/v1/subjects/${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ name: "Rollen Proef" }) });
  expect(put.status).toBe(201);
  const endUser = await portalSignIn(new HttpClient(baseURL!), baseURL!, "inone", email);
  const anonymous = new HttpClient(baseURL!);

  for (const [who, client] of [
    ["end user", endUser],
    ["anonymous", anonymous],
  ] as const) {
    for (const page of ["/nl/admin", "/nl/admin/statement", "/nl/admin/team", ...guarded.filter((g) => g.path.startsWith("/nl/")).map((g) => g.path)]) {
      const response = await client.get(page);
      expect(`${response.status} ${response.location}`, `${who} opens ${page}`).toBe(`307 /nl/signin?next=${encodeURIComponent(page)}`);
    }
    expect((await client.get("/api/admin/audit")).status, `${who}: audit download`).toBe(401);
    for (const [key] of consoleActions()) {
      const response = await client.post(pageFor(key), actionForm(serverActionIds().get(key)!.id, { locale: "nl" }));
      expect(actionState(response.body), `${who} posts ${key}`).toMatchObject({ status: "error", formError: "signedOut" });
    }
  }
  // What the end user may do is theirs to do: their portal.
  const notify = await endUser.post("/nl/t/inone/portal/profile", actionForm(serverActionIds().get("app/[locale]/t/[tenant]/portal/actions.ts#saveNotifications")!.id, { tenant: "inone", locale: "nl", notify: "on" }));
  expect(actionState(notify.body)).toMatchObject({ status: "success" });
  const refused = await anonymous.post("/nl/t/inone/portal/profile", actionForm(serverActionIds().get("app/[locale]/t/[tenant]/portal/actions.ts#saveNotifications")!.id, { tenant: "inone", locale: "nl", notify: "on" }));
  expect(actionState(refused.body)).toMatchObject({ status: "error", formError: "signedOut" });
});
