import { expect, test } from "@playwright/test";
import { appRoutes, serverActionFiles } from "./fixtures/app-routes";
import {
  actionForm,
  actionState,
  consoleSignIn,
  formsOf,
  hiddenValues as hidden,
  HttpClient,
  loopbackAddress,
  mailWith,
  portalSignIn,
  serverActionIds,
  type FormStateAnswer,
  type HttpResponse,
} from "./fixtures/http-client";
import { mailsTo, uniqueEmail } from "./fixtures/mail";

/**
 * Tenant isolation, attacked from outside the browser (issue 7). Tenant A is inONE,
 * tenant B is Web1on1. The attackers are:
 *
 * - anonymous: no cookies at all;
 * - endUserA: a person signed in to A's portal, whose address B knows too;
 * - adminA: admin@inone.example, signed in to A's console;
 * - keyA: an API key of A, in the Authorization header.
 *
 * Each tries every page, API route and server action of the app with B's slug, ids,
 * references, tokens and e-mail addresses, which B's owner and B's own API key read
 * beforehand. Server actions are posted the way a browser without JavaScript posts a
 * form, with the action ids of the build (what any visitor can read from the client
 * code). Afterwards B's data, read through B's key and B's owner, must be as before,
 * and B's audit trail must hold nothing from the attackers' address.
 *
 * The tables below are keyed by the app's own route patterns and action names
 * (e2e/fixtures/app-routes.ts): a route or action without an entry fails the suite.
 */

// One setup, then the attacks in order, then the check that B is unchanged.
test.describe.configure({ mode: "serial" });

type Caller = "anonymous" | "endUserA" | "adminA" | "keyA";
const callers: Caller[] = ["anonymous", "endUserA", "adminA", "keyA"];

// ---- The one table of expected answers ------------------------------------------

/**
 * What each kind of caller gets from each class of route or action. For actions the
 * answer is the FormState the action returns (formError), read from the page a no-JS
 * post renders; "refusal" means the action's own refusal for a foreign id, named with
 * the action (notFound nearly everywhere: ids are looked up in the caller's tenant only).
 */
const expected = {
  // Pages and API routes
  /** Public by design (platform pages, B's published statement, schemas): 200, or 404 where there is nothing. */
  public: { anonymous: "open", endUserA: "open", adminA: "open", keyA: "open" },
  /** Console pages: always the caller's own tenant; signed-out visitors are sent to sign in. */
  consolePage: { anonymous: "signIn", endUserA: "signIn", adminA: "ownTenant", keyA: "signIn" },
  /** A console page for one of B's records (a request by reference). */
  consoleItem: { anonymous: "signIn", endUserA: "signIn", adminA: "notFound", keyA: "signIn" },
  /** Console downloads: 401 without a console session; B's ids are not found; lists show the caller's tenant. */
  consoleApi: { anonymous: "unauthorized", endUserA: "unauthorized", adminA: "notFound", keyA: "unauthorized" },
  consoleExport: { anonymous: "unauthorized", endUserA: "unauthorized", adminA: "ownTenant", keyA: "unauthorized" },
  /** B's portal pages: a session at A means nothing at B: back to B's sign-in form. */
  portalPage: { anonymous: "portalSignIn", endUserA: "portalSignIn", adminA: "portalSignIn", keyA: "portalSignIn" },
  /** A's portal pages with B's references: the portal's own "not found" (200), nothing of B. */
  portalItem: { anonymous: "portalSignIn", endUserA: "portalNotFound", adminA: "portalSignIn", keyA: "portalSignIn" },
  /** B's portal downloads: 401 without a session at B. */
  portalApi: { anonymous: "unauthorized", endUserA: "unauthorized", adminA: "unauthorized", keyA: "unauthorized" },
  /** A's portal downloads with B's references and attachment ids: 404. */
  portalApiItem: { anonymous: "unauthorized", endUserA: "notFound", adminA: "unauthorized", keyA: "unauthorized" },
  /** The tenant API with B's people: 401 without a key; A's key finds nothing of B. */
  tenantApi: { anonymous: "unauthorized", endUserA: "unauthorized", adminA: "unauthorized", keyA: "notFound" },
  /** The tenant API with an address both tenants know: A's key reads and writes A's person only. */
  tenantApiShared: { anonymous: "unauthorized", endUserA: "unauthorized", adminA: "unauthorized", keyA: "ownTenant" },
  /** An API key in the query string: refused before anything else, whoever sends it. */
  keyInQuery: { anonymous: "badRequest", endUserA: "badRequest", adminA: "badRequest", keyA: "badRequest" },
  /** A's pages that take a token from a mail, given B's token: the token is unknown there. */
  tokenPage: { anonymous: "tokenUnknown", endUserA: "tokenUnknown", adminA: "tokenUnknown", keyA: "tokenUnknown" },
  /** Development-only pages and paths that do not exist: 404 in production. */
  absent: { anonymous: "notFound", endUserA: "notFound", adminA: "notFound", keyA: "notFound" },
  /** Form posts to tenant routes with B's mailed token at A: the token is unknown there (303 to ?status=unknown). */
  formPost: { anonymous: "tokenUnknown", endUserA: "tokenUnknown", adminA: "tokenUnknown", keyA: "tokenUnknown" },
  /** A's answer page and file with B's mailed download token (an access answer without a portal account): 404, the link is B's. */
  answerLink: { anonymous: "notFound", endUserA: "notFound", adminA: "notFound", keyA: "notFound" },
  /** B's file with B's token, without the cookie of the browser that confirmed the address again: 403, nothing handed over. */
  answerFile: { anonymous: "unconfirmed", endUserA: "unconfirmed", adminA: "unconfirmed", keyA: "unconfirmed" },
  /** Any form post from another site: 403 before anything runs. */
  crossSite: { anonymous: "forbidden", endUserA: "forbidden", adminA: "forbidden", keyA: "forbidden" },

  // Server actions
  /** Console actions with B's ids: signed-out callers are refused first; A's admin gets the action's refusal. */
  consoleAction: { anonymous: "signedOut", endUserA: "signedOut", adminA: "refusal", keyA: "signedOut" },
  /** Console actions that name no record (create, save settings): signed-out callers refused; A's admin acts on A only. */
  consoleCreate: { anonymous: "signedOut", endUserA: "signedOut", adminA: "ownTenant", keyA: "signedOut" },
  /** Portal actions naming B (tenant=web1on1): nobody here has a session at B. */
  portalAtB: { anonymous: "signedOut", endUserA: "signedOut", adminA: "signedOut", keyA: "signedOut" },
  /** Portal actions at A naming B's references or purposes: A's person gets the action's refusal. */
  portalWithBIds: { anonymous: "signedOut", endUserA: "refusal", adminA: "signedOut", keyA: "signedOut" },
  /** Actions that take a mailed token or code, given B's at A: the action's refusal, for anyone. */
  tokenAction: { anonymous: "refusal", endUserA: "refusal", adminA: "refusal", keyA: "refusal" },
  /** Public actions (sign-up, sign-in links, asking for a portal code, a request without an account). */
  publicAction: { anonymous: "refusal", endUserA: "refusal", adminA: "refusal", keyA: "refusal" },
  /** Session actions (sign out, choose a tenant): they touch only the caller's own session. */
  sessionAction: { anonymous: "ownSession", endUserA: "ownSession", adminA: "ownSession", keyA: "ownSession" },
} as const satisfies Record<string, Record<Caller, string>>;

type RouteClass = keyof typeof expected;

// ---- What the attackers know of B -----------------------------------------------

interface Victim {
  tenantId: string;
  readKey: string;
  victimKeyId: string;
  victimKey: string;
  /** An address both tenants know. */
  shared: string;
  /** An address only B knows. */
  onlyB: string;
  openRef: string;
  doneRef: string;
  attachmentId: string;
  publicRef: string;
  publicToken: string;
  endpointId: string;
  deliveryId: string;
  invitationId: string;
  invitationToken: string;
  ownerMembershipId: string;
  purposeId: string;
  /** The wording version of B's consent purpose, as B's portal shows it. */
  purposeVersionId: string;
  fieldId: string;
  draftBase: string;
  draftContent: string;
  portalCode: string;
  portalLinkToken: string;
  emailToken: string;
  subscriptionToken: string;
  /** The download link mailed with the answer to doneRef (recorded by e-mail, so no portal request). */
  answerToken: string;
  /** Texts only B's private data holds: no answer to an attacker may contain them. */
  secrets: string[];
}

interface Attacker {
  ref: string;
  key: string;
}

const b = { slug: "web1on1", name: "Web1on1", owner: "owner@web1on1.example" };
const a = { slug: "inone", name: "inONE", admin: "admin@inone.example" };
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Concrete attempts per route pattern. `as` overrides the class for one attempt; a
 * pattern may have several attempts (B's slug, then A's slug with B's ids).
 */
interface Attempt {
  path: string;
  class: RouteClass;
  method?: "GET" | "POST" | "PUT";
  body?: FormData | string;
  headers?: Record<string, string>;
}

const routes: Record<string, (v: Victim, me: Attacker) => Attempt[]> = {
  "/[locale]": () => [{ path: "/nl", class: "public" }],
  "/[locale]/admin": () => [{ path: "/nl/admin", class: "consolePage" }],
  "/[locale]/admin/audit": () => [{ path: `/nl/admin/audit?actor=${encodeURIComponent(b.owner)}`, class: "consolePage" }],
  "/[locale]/admin/consent": () => [{ path: "/nl/admin/consent", class: "consolePage" }],
  "/[locale]/admin/integrations": () => [{ path: "/nl/admin/integrations", class: "consolePage" }],
  "/[locale]/admin/requests": (v) => [{ path: `/nl/admin/requests?status=all&q=${encodeURIComponent(v.shared)}`, class: "consolePage" }],
  "/[locale]/admin/requests/[reference]": (v) => [
    { path: `/nl/admin/requests/${v.openRef}`, class: "consoleItem" },
    { path: `/nl/admin/requests/${v.doneRef}`, class: "consoleItem" },
  ],
  "/[locale]/admin/requests/new": () => [{ path: "/nl/admin/requests/new", class: "consolePage" }],
  "/[locale]/admin/settings": () => [{ path: "/nl/admin/settings", class: "consolePage" }],
  "/[locale]/admin/statement": () => [{ path: "/nl/admin/statement", class: "consolePage" }],
  "/[locale]/admin/statement/compare": () => [{ path: "/nl/admin/statement/compare?from=1&to=2", class: "consolePage" }],
  "/[locale]/admin/statement/preview": () => [{ path: "/nl/admin/statement/preview?lang=en", class: "consolePage" }],
  "/[locale]/admin/statement/publish": () => [{ path: "/nl/admin/statement/publish", class: "consolePage" }],
  "/[locale]/admin/team": () => [{ path: "/nl/admin/team", class: "consolePage" }],
  "/[locale]/admin/tenants": () => [{ path: "/nl/admin/tenants", class: "consolePage" }],
  "/[locale]/admin/webhooks": () => [{ path: "/nl/admin/webhooks", class: "consolePage" }],
  "/[locale]/authorities": () => [{ path: "/nl/authorities", class: "public" }],
  "/[locale]/authorities/[id]": () => [{ path: "/nl/authorities/nl-ap", class: "public" }],
  "/[locale]/dev/outbox": () => [{ path: "/nl/dev/outbox", class: "absent" }],
  // The token is the invitee's credential: the page may name B to whoever holds it; accepting is refused (see the actions).
  "/[locale]/invite/[token]": () => [{ path: "/nl/invite/not-a-real-invitation-token", class: "public" }],
  "/[locale]/signin": () => [{ path: "/nl/signin", class: "public" }],
  "/[locale]/signin/error": () => [{ path: "/nl/signin/error?error=Verification", class: "public" }],
  "/[locale]/signup": () => [{ path: "/nl/signup", class: "public" }],
  "/[locale]/t/[tenant]": () => [{ path: `/nl/t/${b.slug}`, class: "public" }],
  "/[locale]/t/[tenant]/history": () => [{ path: `/nl/t/${b.slug}/history`, class: "public" }],
  "/[locale]/t/[tenant]/history/compare": () => [{ path: `/nl/t/${b.slug}/history/compare?from=1&to=2`, class: "public" }],
  "/[locale]/t/[tenant]/v/[version]": () => [{ path: `/nl/t/${b.slug}/v/1`, class: "public" }],
  "/[locale]/t/[tenant]/request": () => [{ path: `/nl/t/${b.slug}/request`, class: "public" }],
  "/[locale]/t/[tenant]/request/status": (v) => [{ path: `/nl/t/${a.slug}/request/status?token=${v.publicToken}`, class: "tokenPage" }],
  "/[locale]/t/[tenant]/answer": (v) => [{ path: `/nl/t/${a.slug}/answer?token=${v.answerToken}`, class: "answerLink" }],
  "/[locale]/t/[tenant]/subscription": (v) => [{ path: `/nl/t/${a.slug}/subscription?token=${v.subscriptionToken}`, class: "tokenPage" }],
  "/[locale]/t/[tenant]/portal": () => [{ path: `/nl/t/${b.slug}/portal`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/complain": () => [{ path: `/nl/t/${b.slug}/portal/complain`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/complain/dossier": () => [{ path: `/nl/t/${b.slug}/portal/complain/dossier`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/consent": () => [{ path: `/nl/t/${b.slug}/portal/consent`, class: "portalPage" }],
  // The mailed token is the new address's credential at B; at A it is unknown.
  "/[locale]/t/[tenant]/portal/email": (v) => [{ path: `/nl/t/${a.slug}/portal/email?token=${v.emailToken}`, class: "tokenPage" }],
  "/[locale]/t/[tenant]/portal/log": () => [{ path: `/nl/t/${b.slug}/portal/log`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/profile": () => [{ path: `/nl/t/${b.slug}/portal/profile`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/records": () => [{ path: `/nl/t/${b.slug}/portal/records?category=attack`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/requests": () => [{ path: `/nl/t/${b.slug}/portal/requests`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/requests/new": () => [{ path: `/nl/t/${b.slug}/portal/requests/new`, class: "portalPage" }],
  "/[locale]/t/[tenant]/portal/requests/[reference]": (v) => [
    { path: `/nl/t/${b.slug}/portal/requests/${v.openRef}`, class: "portalPage" },
    { path: `/nl/t/${a.slug}/portal/requests/${v.openRef}`, class: "portalItem" },
    { path: `/nl/t/${a.slug}/portal/requests/${v.doneRef}`, class: "portalItem" },
  ],
  "/[locale]/t/[tenant]/portal/signin": (v) => [{ path: `/nl/t/${a.slug}/portal/signin?token=${v.portalLinkToken}`, class: "tokenPage" }],

  "/api/admin/audit": () => [{ path: `/api/admin/audit?actor=${encodeURIComponent(b.owner)}`, class: "consoleExport" }],
  "/api/admin/requests/[reference]/attachments/[id]": (v, me) => [
    { path: `/api/admin/requests/${v.doneRef}/attachments/${v.attachmentId}`, class: "consoleApi" },
    { path: `/api/admin/requests/${me.ref}/attachments/${v.attachmentId}`, class: "consoleApi" },
  ],
  "/api/auth/[...nextauth]": () => [
    { path: "/api/auth/session", class: "public" },
    { path: "/api/auth/providers", class: "public" },
  ],
  "/api/schemas/complaint-dossier": () => [{ path: "/api/schemas/complaint-dossier", class: "public" }],
  "/api/schemas/export": () => [{ path: "/api/schemas/export", class: "public" }],
  "/api/schemas/policy": () => [{ path: "/api/schemas/policy", class: "public" }],
  "/api/t/[tenant]/answer": (v) => [
    { path: `/api/t/${a.slug}/answer?token=${v.answerToken}`, class: "answerLink" },
    { path: `/api/t/${b.slug}/answer?token=${v.answerToken}`, class: "answerFile" },
  ],
  "/api/t/[tenant]/policy": () => [{ path: `/api/t/${b.slug}/policy`, class: "public" }],
  "/api/t/[tenant]/policy.tilt.json": () => [{ path: `/api/t/${b.slug}/policy.tilt.json`, class: "public" }],
  "/api/t/[tenant]/portal/complain/dossier.json": () => [{ path: `/api/t/${b.slug}/portal/complain/dossier.json`, class: "portalApi" }],
  "/api/t/[tenant]/portal/consent-records.json": () => [{ path: `/api/t/${b.slug}/portal/consent-records.json`, class: "portalApi" }],
  "/api/t/[tenant]/portal/complain/dossier.pdf": () => [{ path: `/api/t/${b.slug}/portal/complain/dossier.pdf`, class: "portalApi" }],
  "/api/t/[tenant]/portal/export": () => [{ path: `/api/t/${b.slug}/portal/export`, class: "portalApi" }],
  "/api/t/[tenant]/portal/requests/[reference]/attachments/[id]": (v, me) => [
    { path: `/api/t/${b.slug}/portal/requests/${v.doneRef}/attachments/${v.attachmentId}`, class: "portalApi" },
    { path: `/api/t/${a.slug}/portal/requests/${v.doneRef}/attachments/${v.attachmentId}`, class: "portalApiItem" },
    { path: `/api/t/${a.slug}/portal/requests/${me.ref}/attachments/${v.attachmentId}`, class: "portalApiItem" },
  ],
  "/api/t/[tenant]/subscriptions": () => [
    // A form of another site subscribing someone at B.
    { path: `/api/t/${b.slug}/subscriptions`, method: "POST", body: formOf({ email: "someone@example.com", locale: "nl" }), headers: { origin: "https://evil.example" }, class: "crossSite" },
  ],
  "/api/t/[tenant]/subscriptions/[action]": (v) => [
    { path: `/api/t/${a.slug}/subscriptions/confirm`, class: "formPost", method: "POST", body: formOf({ token: v.subscriptionToken, locale: "nl" }) },
    { path: `/api/t/${a.slug}/subscriptions/stop`, class: "formPost", method: "POST", body: formOf({ token: v.subscriptionToken, locale: "nl" }) },
    { path: `/api/t/${b.slug}/subscriptions/stop`, class: "crossSite", method: "POST", body: formOf({ token: v.subscriptionToken, locale: "nl" }), headers: { origin: "https://evil.example" } },
  ],
  "/api/v1/openapi.json": () => [{ path: "/api/v1/openapi.json", class: "public" }],
  "/api/v1/requests": (v) => [
    { path: "/api/v1/requests", class: "tenantApiShared" },
    { path: `/api/v1/requests?api_key=${v.readKey}`, class: "keyInQuery" },
    { path: `/api/v1/requests?access_token=${v.readKey}`, class: "keyInQuery" },
  ],
  "/api/v1/subjects/[email]": (v) => [
    { path: subjectPath(v.onlyB), class: "tenantApi" },
    // PUT creates or updates: with A's key it can only ever write A's person of that address.
    { path: subjectPath(v.shared), class: "tenantApiShared", method: "PUT", body: JSON.stringify({ name: `A-person-${tag}` }), headers: { "content-type": "application/json" } },
    { path: subjectPath(v.shared), class: "tenantApiShared" },
    { path: `${subjectPath(v.shared)}?key=${v.readKey}`, class: "keyInQuery" },
  ],
  "/api/v1/subjects/[email]/consents": (v) => [
    {
      path: `${subjectPath(v.onlyB)}/consents`,
      class: "tenantApi",
      method: "POST",
      body: JSON.stringify({ purposeKey: "marketing", given: true, channel: "phone", collectedAt: "2026-01-01T00:00:00Z", wordingVersion: 1, proofReference: "attack" }),
      headers: { "content-type": "application/json" },
    },
  ],
  "/api/v1/subjects/[email]/records": (v) => [
    { path: `${subjectPath(v.onlyB)}/records`, class: "tenantApi" },
    {
      path: `${subjectPath(v.onlyB)}/records`,
      class: "tenantApi",
      method: "POST",
      body: JSON.stringify({ records: [{ category: "injected", sourceSystem: "attacker", fields: { by: "A" } }] }),
      headers: { "content-type": "application/json" },
    },
    { path: `${subjectPath(v.shared)}/records`, class: "tenantApiShared" },
  ],
};

// ---- Server actions ---------------------------------------------------------------

interface ActionAttack {
  class: RouteClass;
  /** The page to post to: one that can run the action (checked against the build). */
  page: (v: Victim, me: Attacker) => string;
  fields: (v: Victim, me: Attacker) => Record<string, string | string[]>;
  /** What "refusal" means for this action, when the class table says so. */
  refusal?: (state: FormStateAnswer | null, response: HttpResponse) => void;
  /** Forms posted with <form action={fn}> (no useActionState): no previous state is sent. */
  plain?: boolean;
  /** B's texts the page may show: the invitation page names the invited address to whoever holds its token. */
  shows?: (v: Victim) => string[];
  /** Callers this action is not posted for, and why (the table still states their answer). */
  skip?: Partial<Record<Caller, string>>;
}

const formError = (key: string) => (state: FormStateAnswer | null) => expect(state, `formError ${key}`).toMatchObject({ status: "error", formError: key });
const fieldError = (field: string, key: string) => (state: FormStateAnswer | null) =>
  expect(state?.fieldErrors?.[field], `${field} refused with ${key}`).toBe(key);
const notFound = formError("notFound");
const requestPage = "/nl/admin/requests/new";
const team = "/nl/admin/team";
const hooks = "/nl/admin/webhooks";
const consent = "/nl/admin/consent";
const createsOnlyAtA = { adminA: "names no record: the tenant is always the session's (createKey shows it below)" };

const actions: Record<string, ActionAttack> = {
  // app/[locale]/admin/actions.ts
  "app/[locale]/admin/actions.ts#chooseTenant": {
    class: "sessionAction",
    plain: true,
    page: () => "/nl/admin/tenants",
    fields: (v) => ({ tenantId: v.tenantId, locale: "nl" }),
  },
  "app/[locale]/admin/actions.ts#signOutAction": { class: "sessionAction", plain: true, page: () => "/nl/admin", fields: () => ({ locale: "nl" }), skip: { adminA: "would end the session the suite attacks with" } },

  // app/[locale]/admin/consent/actions.ts
  "app/[locale]/admin/consent/actions.ts#addPurpose": {
    class: "consoleCreate",
    page: () => consent,
    fields: () => ({ key: "attack", titleNl: "x", titleEn: "x", descriptionNl: "x", descriptionEn: "x" }),
    skip: createsOnlyAtA,
  },
  "app/[locale]/admin/consent/actions.ts#editPurpose": {
    class: "consoleAction",
    page: () => consent,
    fields: (v) => ({ id: v.purposeId, titleNl: "Overgenomen", titleEn: "Taken over", descriptionNl: "x", descriptionEn: "x" }),
    refusal: notFound,
  },
  "app/[locale]/admin/consent/actions.ts#togglePurpose": { class: "consoleAction", page: () => consent, fields: (v) => ({ id: v.purposeId, active: "false" }), refusal: notFound },
  "app/[locale]/admin/consent/actions.ts#addProfileField": {
    class: "consoleCreate",
    page: () => consent,
    fields: () => ({ key: "attack", labelNl: "x", labelEn: "x" }),
    skip: createsOnlyAtA,
  },
  "app/[locale]/admin/consent/actions.ts#editProfileField": {
    class: "consoleAction",
    page: () => consent,
    fields: (v) => ({ id: v.fieldId, labelNl: "Overgenomen", labelEn: "Taken over" }),
    refusal: notFound,
  },

  // app/[locale]/admin/integrations/actions.ts
  "app/[locale]/admin/integrations/actions.ts#createKey": {
    class: "consoleCreate",
    page: () => "/nl/admin/integrations",
    // B's tenant named every way a form could: ignored, the key is A's.
    fields: (v) => ({ locale: "nl", name: `injected-${v.tenantId}`, tenant: b.slug, tenantId: v.tenantId }),
  },
  "app/[locale]/admin/integrations/actions.ts#revokeKey": { class: "consoleAction", page: () => "/nl/admin/integrations", fields: (v) => ({ locale: "nl", keyId: v.victimKeyId }), refusal: notFound },

  // app/[locale]/admin/requests/actions.ts
  "app/[locale]/admin/requests/actions.ts#setStatusAction": {
    class: "consoleAction",
    page: () => requestPage,
    fields: (v) => ({ locale: "nl", reference: v.openRef, status: "IN_PROGRESS", message: "" }),
    refusal: notFound,
  },
  "app/[locale]/admin/requests/actions.ts#extendAction": {
    class: "consoleAction",
    page: () => requestPage,
    fields: (v) => ({ locale: "nl", reference: v.openRef, until: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10), reason: "Taken over" }),
    refusal: notFound,
  },
  "app/[locale]/admin/requests/actions.ts#rejectAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, ground: "other", reason: "Taken over" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#completeAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, note: "Taken over" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#messageAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, body: "Taken over" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#correctProfileAction": {
    class: "consoleAction",
    page: () => requestPage,
    fields: (v) => ({ locale: "nl", reference: v.openRef, name: "Taken over", phone: "", postalAddress: "", companyName: "", vatNumber: "" }),
    refusal: notFound,
  },
  "app/[locale]/admin/requests/actions.ts#restrictAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, restricted: "true" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#objectionAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, purpose: "marketing" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#noticeAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef, recipient: "Taken over" }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#approveErasureAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#cancelErasureAction": { class: "consoleAction", page: () => requestPage, fields: (v) => ({ locale: "nl", reference: v.openRef }), refusal: notFound },
  "app/[locale]/admin/requests/actions.ts#recordRequestAction": {
    class: "consoleCreate",
    page: () => requestPage,
    fields: () => ({ pageLocale: "nl", type: "ACCESS", channel: "email", receivedOn: today(), requesterEmail: uniqueEmail("recorded"), requesterName: "", locale: "nl", details: "", purpose: "", target: "" }),
    skip: createsOnlyAtA,
  },

  // app/[locale]/admin/settings/actions.ts
  "app/[locale]/admin/settings/actions.ts#saveCompany": { class: "consoleCreate", page: () => "/nl/admin/settings", fields: () => ({ name: "Taken over", legalName: "x" }), skip: createsOnlyAtA },

  // app/[locale]/admin/statement/actions.ts — the draft's base names B's draft by id.
  "app/[locale]/admin/statement/actions.ts#saveStatementDraft": {
    class: "consoleAction",
    page: () => "/nl/admin/statement",
    fields: (v) => ({ base: v.draftBase, content: v.draftContent }),
    // Someone else's base is a conflict: nothing is written, the caller gets their own draft back.
    refusal: (state) => expect(state).toMatchObject({ status: "success", result: { kind: "conflict" } }),
  },
  "app/[locale]/admin/statement/actions.ts#publishStatementDraft": {
    class: "consoleAction",
    page: () => "/nl/admin/statement/publish",
    fields: (v) => ({ base: v.draftBase, summaryNl: "x", summaryEn: "x", materialChange: "on", confirmGaps: "on" }),
    refusal: (state) => expect(["draftChanged", "nothingToPublish"]).toContain(state?.formError),
  },

  // app/[locale]/admin/team/actions.ts
  "app/[locale]/admin/team/actions.ts#invite": { class: "consoleCreate", page: () => team, fields: () => ({ locale: "nl", email: uniqueEmail("attack-invite"), role: "OWNER" }), skip: createsOnlyAtA },
  "app/[locale]/admin/team/actions.ts#changeRole": { class: "consoleAction", page: () => team, fields: (v) => ({ locale: "nl", membershipId: v.ownerMembershipId, role: "VIEWER" }), refusal: notFound },
  "app/[locale]/admin/team/actions.ts#removeMember": { class: "consoleAction", page: () => team, fields: (v) => ({ locale: "nl", membershipId: v.ownerMembershipId }), refusal: notFound },
  "app/[locale]/admin/team/actions.ts#revoke": { class: "consoleAction", page: () => team, fields: (v) => ({ locale: "nl", invitationId: v.invitationId }), refusal: notFound },

  // app/[locale]/admin/webhooks/actions.ts
  "app/[locale]/admin/webhooks/actions.ts#createEndpoint": {
    class: "consoleCreate",
    page: () => hooks,
    fields: () => ({ locale: "nl", url: "https://203.0.113.9/attack", description: "", events: ["request.created"] }),
    skip: createsOnlyAtA,
  },
  "app/[locale]/admin/webhooks/actions.ts#toggleEndpoint": { class: "consoleAction", page: () => hooks, fields: (v) => ({ locale: "nl", endpointId: v.endpointId, active: "false" }), refusal: notFound },
  "app/[locale]/admin/webhooks/actions.ts#removeEndpoint": { class: "consoleAction", page: () => hooks, fields: (v) => ({ locale: "nl", endpointId: v.endpointId }), refusal: notFound },
  "app/[locale]/admin/webhooks/actions.ts#resendDeliveryAction": { class: "consoleAction", page: () => hooks, fields: (v) => ({ locale: "nl", deliveryId: v.deliveryId }), refusal: notFound },

  // app/[locale]/invite/[token]/actions.ts — B's invitation, sent to someone else.
  "app/[locale]/invite/[token]/actions.ts#accept": {
    class: "consoleAction",
    page: (v) => `/nl/invite/${v.invitationToken}`,
    fields: (v) => ({ token: v.invitationToken, locale: "nl" }),
    refusal: formError("invitationOtherEmail"),
    shows: (v) => v.secrets.filter((secret) => secret.startsWith("attack-invitee")),
  },

  // Public by design; what must not work is shown.
  "app/[locale]/signin/actions.ts#requestSignIn": {
    class: "publicAction",
    page: () => "/nl/signin",
    // The same answer for any address (where its link leads: see the Host test below).
    fields: () => ({ locale: "nl", email: uniqueEmail("nobody"), next: "https://evil.example/nl/admin" }),
    refusal: (state) => expect(state).toMatchObject({ status: "success" }),
  },
  "app/[locale]/signup/actions.ts#signUp": {
    class: "publicAction",
    page: () => "/nl/signup",
    fields: () => ({
      locale: "nl",
      companyName: "Overname",
      slug: b.slug,
      legalName: "Overname B.V.",
      address: "Straat 1",
      country: "NL",
      registrationNumber: "",
      contactEmail: "privacy@evil.example",
      adminEmail: uniqueEmail("takeover"),
    }),
    refusal: fieldError("slug", "slugTaken"),
  },

  // app/[locale]/t/[tenant]/portal/actions.ts
  "app/[locale]/t/[tenant]/portal/actions.ts#requestCode": {
    class: "publicAction",
    page: () => `/nl/t/${b.slug}/portal`,
    // The same answer for any address: nothing tells whether B knows it.
    fields: () => ({ tenant: b.slug, locale: "nl", email: uniqueEmail("unknown-at-b") }),
    refusal: (state) => expect(state).toMatchObject({ status: "success" }),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#verifyCode": {
    class: "tokenAction",
    page: () => `/nl/t/${a.slug}/portal`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", email: v.shared, code: v.portalCode }),
    // A wrong or used code says how many tries are left (none, once the address's tries are used up).
    refusal: (state) => expect(["signInCodeTries", "signInCodeNoTries"]).toContain(state?.fieldErrors?.code),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#signInWithLink": {
    class: "tokenAction",
    page: () => `/nl/t/${a.slug}/portal/signin`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.portalLinkToken }),
    refusal: formError("linkInvalid"),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#signOut": { class: "sessionAction", plain: true, page: () => `/nl/t/${b.slug}/portal`, fields: () => ({ tenant: b.slug, locale: "nl" }) },
  "app/[locale]/t/[tenant]/portal/actions.ts#saveProfile": {
    class: "portalAtB",
    page: () => `/nl/t/${b.slug}/portal/profile`,
    fields: (v) => ({ tenant: b.slug, locale: "nl", name: "Taken over", email: v.shared, phone: "", postalAddress: "", companyName: "", vatNumber: "", preferredLocale: "nl" }),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#confirmEmail": {
    class: "tokenAction",
    page: () => `/nl/t/${a.slug}/portal/email`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.emailToken }),
    refusal: (state) => expect(state).toMatchObject({ status: "success", result: { outcome: "invalid" } }),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#toggleConsent": {
    class: "portalWithBIds",
    page: () => `/nl/t/${a.slug}/portal/consent`,
    // "marketing" is a purpose of B only (A's statement bases nothing on consent), with the wording version B's portal shows.
    fields: (v) => ({ tenant: a.slug, locale: "nl", purpose: "marketing", version: v.purposeVersionId, given: "true" }),
    refusal: notFound,
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#saveNotifications": { class: "portalAtB", page: () => `/nl/t/${b.slug}/portal/profile`, fields: () => ({ tenant: b.slug, locale: "nl", notify: "on" }) },
  "app/[locale]/t/[tenant]/portal/actions.ts#fileRequest": {
    class: "portalAtB",
    page: () => `/nl/t/${b.slug}/portal/requests/new`,
    fields: () => ({ tenant: b.slug, locale: "nl", type: "ERASURE", details: "Filed by A", purpose: "", target: "" }),
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#addRequestInformation": {
    class: "portalWithBIds",
    page: (_v, me) => `/nl/t/${a.slug}/portal/requests/${me.ref}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", reference: v.openRef, body: "Added by A" }),
    refusal: notFound,
  },
  "app/[locale]/t/[tenant]/portal/actions.ts#withdraw": {
    class: "portalWithBIds",
    page: (_v, me) => `/nl/t/${a.slug}/portal/requests/${me.ref}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", reference: v.openRef, reason: "Withdrawn by A" }),
    refusal: notFound,
  },

  // app/[locale]/t/[tenant]/portal/complain/actions.ts
  "app/[locale]/t/[tenant]/portal/complain/actions.ts#saveDetails": {
    class: "portalAtB",
    page: () => `/nl/t/${b.slug}/portal/complain`,
    fields: () => ({ tenant: b.slug, locale: "nl", postalAddress: "Taken over", phone: "", outcome: "Taken over", country: "NL" }),
  },
  "app/[locale]/t/[tenant]/portal/complain/actions.ts#remind": {
    class: "portalWithBIds",
    page: (_v, me) => `/nl/t/${a.slug}/portal/requests/${me.ref}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", reference: v.openRef }),
    refusal: notFound,
  },

  // app/[locale]/t/[tenant]/answer/actions.ts — B's download link, used at A: the page is a 404 there,
  // so a no-JS post may get the 404 instead of the action's refusal; either way nothing is sent or granted.
  "app/[locale]/t/[tenant]/answer/actions.ts#sendAnswerCodeAction": {
    class: "tokenAction",
    page: (v) => `/nl/t/${a.slug}/answer?token=${v.answerToken}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.answerToken }),
    refusal: (state, response) => (state ? formError("linkInvalid")(state) : expect(response.status).toBe(404)),
  },
  "app/[locale]/t/[tenant]/answer/actions.ts#confirmAnswerCodeAction": {
    class: "tokenAction",
    page: (v) => `/nl/t/${a.slug}/answer?token=${v.answerToken}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.answerToken, code: "123456" }),
    refusal: (state, response) => (state ? formError("linkInvalid")(state) : expect(response.status).toBe(404)),
  },

  // app/[locale]/t/[tenant]/request/actions.ts — B's mailed token, used at A.
  "app/[locale]/t/[tenant]/request/actions.ts#filePublicRequest": {
    class: "publicAction",
    page: () => `/nl/t/${a.slug}/request`,
    fields: () => ({ tenant: a.slug, locale: "nl", type: "ERASURE", details: "", purpose: "", target: "", email: "not-an-address", name: "" }),
    refusal: fieldError("email", "email"),
  },
  "app/[locale]/t/[tenant]/request/actions.ts#confirmPublicRequest": {
    class: "tokenAction",
    page: (v) => `/nl/t/${a.slug}/request/status?token=${v.publicToken}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.publicToken }),
    refusal: formError("linkInvalid"),
  },
  "app/[locale]/t/[tenant]/request/actions.ts#addPublicInformation": {
    class: "tokenAction",
    page: (v) => `/nl/t/${a.slug}/request/status?token=${v.publicToken}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.publicToken, body: "Added by A" }),
    refusal: notFound,
  },
  "app/[locale]/t/[tenant]/request/actions.ts#withdrawPublic": {
    class: "tokenAction",
    page: (v) => `/nl/t/${a.slug}/request/status?token=${v.publicToken}`,
    fields: (v) => ({ tenant: a.slug, locale: "nl", token: v.publicToken, reason: "Withdrawn by A" }),
    refusal: notFound,
  },
};

// ---- Helpers ----------------------------------------------------------------------

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

function subjectPath(email: string): string {
  return `/api/v1/subjects/${encodeURIComponent(email)}`;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Turns "/[locale]/t/[tenant]/portal" into a pattern that matches "/nl/t/inone/portal". */
function matchesPattern(path: string, pattern: string): boolean {
  const regex = pattern.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+");
  return new RegExp(`^${regex}$`).test(path.split("?")[0]);
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

// ---- The setup: B's data, read by B itself; the attackers signed in ----------------

let baseURL = "";
let port = "";
let victim: Victim;
let attacker: Attacker;
let clients: Record<Caller, HttpClient>;
let ownerB: HttpClient;
let snapshotBefore: unknown;
const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Attackers and B's owner connect from loopback addresses of their own, so that B's audit trail tells them apart.
const attackerIp = loopbackAddress(66);
const ownerIp = loopbackAddress(77);

async function act(client: HttpClient, key: string, page: string, fields: Record<string, string | string[]>, plain = false): Promise<{ response: HttpResponse; state: FormStateAnswer | null }> {
  const action = serverActionIds().get(key);
  if (!action) throw new Error(`no server action ${key} in the build`);
  const response = await client.post(page, actionForm(action.id, fields, !plain));
  return { response, state: actionState(response.body) };
}

async function succeed(client: HttpClient, key: string, page: string, fields: Record<string, string | string[]>): Promise<FormStateAnswer | null> {
  const { response, state } = await act(client, key, page, fields);
  expect(state?.status ?? (response.status === 303 ? "redirected" : response.status), `${key} as B's owner`).not.toBe("error");
  return state;
}

async function setUpVictim(): Promise<Victim> {
  const owner = ownerB;
  const secretName = `B-private-${tag}`;
  const recordMarker = `b-record-${tag}`;
  const shared = uniqueEmail("attack-shared");
  const onlyB = uniqueEmail("attack-only-b");

  const readKeyState = await succeed(owner, "app/[locale]/admin/integrations/actions.ts#createKey", "/nl/admin/integrations", { locale: "nl", name: `attack-read-${tag}` });
  const readKey = (readKeyState!.result as { secret: string }).secret;
  const victimKeyName = `attack-victim-${tag}`;
  const victimState = await succeed(owner, "app/[locale]/admin/integrations/actions.ts#createKey", "/nl/admin/integrations", { locale: "nl", name: victimKeyName });
  const { id: victimKeyId, secret: victimKey } = victimState!.result as { id: string; secret: string };

  const endpointUrl = `https://203.0.113.7/inzage-${tag}`;
  await succeed(owner, "app/[locale]/admin/webhooks/actions.ts#createEndpoint", hooks, { locale: "nl", url: endpointUrl, description: `attack ${tag}`, events: ["request.created"] });

  for (const [email, name] of [
    [shared, secretName],
    [onlyB, `${secretName}-only`],
  ]) {
    const put = await owner.request("PUT", subjectPath(email), { headers: { ...bearer(readKey), "content-type": "application/json" }, body: JSON.stringify({ name, preferredLocale: "nl" }) });
    expect(put.status, put.body).toBe(201);
    const records = await owner.request("POST", `${subjectPath(email)}/records`, {
      headers: { ...bearer(readKey), "content-type": "application/json" },
      body: JSON.stringify({ records: [{ category: "attack", sourceSystem: "attack-suite", fields: { marker: recordMarker } }] }),
    });
    expect(records.status, records.body).toBe(201);
  }

  const record = async (type: string) => {
    const { response } = await act(owner, "app/[locale]/admin/requests/actions.ts#recordRequestAction", requestPage, {
      pageLocale: "nl", type, channel: "email", receivedOn: today(), requesterEmail: shared, requesterName: "", locale: "nl", details: "", purpose: "", target: "",
    });
    expect(response.status, `recording a ${type} request at B`).toBe(303);
    return /R-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(response.location ?? "")![0];
  };
  const openRef = await record("ERASURE");
  const doneRef = await record("ACCESS");
  await succeed(owner, "app/[locale]/admin/requests/actions.ts#completeAction", `/nl/admin/requests/${doneRef}`, { locale: "nl", reference: doneRef, note: "" });
  const detail = await owner.get(`/nl/admin/requests/${doneRef}`);
  const attachmentId = new RegExp(`/api/admin/requests/${doneRef}/attachments/([^"?]+)`).exec(detail.body)![1];
  // doneRef was recorded as arrived by e-mail: its answer went out as an expiring download link.
  const answerToken = /\/answer\?token=([^\s"<>&]+)/.exec((await mailWith(shared, baseURL, "/answer?token=")).text)![1];

  const webhooks = (await owner.get(hooks)).body;
  const endpointId = new RegExp(`${endpointUrl.replace(/[./]/g, "\\$&")}[\\s\\S]*?name="endpointId" value="([^"]+)"`).exec(webhooks)![1];
  const deliveryId = hidden(webhooks, "deliveryId")[0];
  expect(deliveryId, "a delivery of B's endpoint").toBeTruthy();

  const invitee = uniqueEmail("attack-invitee");
  await succeed(owner, "app/[locale]/admin/team/actions.ts#invite", team, { locale: "nl", email: invitee, role: "VIEWER" });
  const invitationMail = await mailWith(invitee, baseURL, "/invite/");
  const invitationToken = /\/invite\/([^\s"<>&]+)/.exec(invitationMail.text)![1];
  const teamPage = (await owner.get(team)).body;
  const invitationId = new RegExp(`${invitee.replace(/[.]/g, "\\.")}[\\s\\S]*?name="invitationId" value="([^"]+)"`).exec(teamPage)![1];
  const ownerMembershipId = hidden(teamPage, "membershipId")[0];

  const consentForms = formsOf((await owner.get(consent)).body);
  const purposeId = consentForms.find((f) => "titleNl" in f && f.id)!.id;
  const fieldId = consentForms.find((f) => "labelNl" in f && f.id)!.id;
  const tenantId = hidden((await owner.get("/nl/admin/tenants")).body, "tenantId")[0];

  // B's draft: saved once by its owner, so that its base names it by id.
  const editor = (await owner.get("/nl/admin/statement")).body;
  const draftContent = hidden(editor, "content")[0];
  const saved = await succeed(owner, "app/[locale]/admin/statement/actions.ts#saveStatementDraft", "/nl/admin/statement", { base: hidden(editor, "base")[0], content: draftContent });
  const draftBase = (saved!.result as { kind: string; draft: { base: string } }).draft.base;
  expect(draftBase).toMatch(/^draft:/);

  // A request without an account at B, awaiting confirmation through its mailed link.
  const requester = uniqueEmail("attack-public");
  const filed = await act(new HttpClient(baseURL, undefined, {}, ownerIp), "app/[locale]/t/[tenant]/request/actions.ts#filePublicRequest", `/nl/t/${b.slug}/request`, {
    tenant: b.slug, locale: "nl", type: "ACCESS", details: "", purpose: "", target: "", email: requester, name: "",
  });
  expect(filed.state).toMatchObject({ status: "success" });
  const publicToken = /\/request\/status\?token=([^\s"<>&]+)/.exec((await mailWith(requester, baseURL, "/request/status?token=")).text)![1];
  const awaiting = JSON.parse((await owner.get("/api/v1/requests?status=AWAITING_CONFIRMATION&limit=200", { headers: bearer(readKey) })).body) as { items: Array<{ reference: string; requesterEmail: string }> };
  const publicRef = awaiting.items.find((r) => r.requesterEmail === requester)!.reference;

  // The shared person signs in at B (a portal of their own), asks to change their address,
  // and asks for one more code, left unused for the attack.
  const personAtB = await portalSignIn(new HttpClient(baseURL, undefined, {}, ownerIp), baseURL, b.slug, shared);
  const newAddress = uniqueEmail("attack-new-address");
  const changed = await act(personAtB, "app/[locale]/t/[tenant]/portal/actions.ts#saveProfile", `/nl/t/${b.slug}/portal/profile`, {
    tenant: b.slug, locale: "nl", name: secretName, email: newAddress, phone: "", postalAddress: "", companyName: "", vatNumber: "", preferredLocale: "nl", custom_dealerCode: "",
  });
  expect(changed.state).toMatchObject({ status: "success" });
  const emailToken = /\/portal\/email\?token=([^\s"<>&]+)/.exec((await mailWith(newAddress, baseURL, "/portal/email?token=")).text)![1];
  const purposeVersionId = hidden((await personAtB.get(`/nl/t/${b.slug}/portal/consent`)).body, "version")[0];
  expect(purposeVersionId, "B's portal shows the wording version of its consent purpose").toBeTruthy();
  const codesBefore = (await mailsTo(shared)).filter((m) => m.text.includes(baseURL) && m.text.includes(`/t/${b.slug}/`)).length;
  await act(personAtB, "app/[locale]/t/[tenant]/portal/actions.ts#requestCode", `/nl/t/${b.slug}/portal`, { tenant: b.slug, locale: "nl", email: shared });
  const codeMail = await mailWith(shared, baseURL, `/t/${b.slug}/`, codesBefore + 1);
  const portalCode = /: (\d{6})/.exec(codeMail.text)![1];
  const portalLinkToken = /\/portal\/signin\?token=([^\s"<>&]+)/.exec(codeMail.text)![1];

  // A subscription to B's statement, not yet confirmed.
  const subscriber = uniqueEmail("attack-subscriber");
  const subscribed = await owner.post(`/api/t/${b.slug}/subscriptions`, formOf({ email: subscriber, locale: "nl" }));
  expect(subscribed.status).toBe(303);
  const subscriptionToken = /\/subscription\?token=([^\s"<>&]+)/.exec((await mailWith(subscriber, baseURL, "/subscription?token=")).text)![1];

  return {
    tenantId, readKey, victimKeyId, victimKey, shared, onlyB, openRef, doneRef, attachmentId, publicRef, publicToken,
    endpointId, deliveryId, invitationId, invitationToken, ownerMembershipId, purposeId, purposeVersionId, fieldId, draftBase, draftContent,
    portalCode, portalLinkToken, emailToken, subscriptionToken, answerToken,
    secrets: [secretName, recordMarker, onlyB, endpointUrl, victimKeyName, invitee, newAddress, subscriber, requester],
  };
}

/** B's data as B sees it: through its own key and its owner's console, limited to what this suite made. */
async function snapshotOfB(v: Victim) {
  const api = async (path: string, key = v.readKey) => {
    const response = await ownerB.get(path, { headers: bearer(key) });
    return { status: response.status, body: response.status === 200 ? JSON.parse(response.body) : null };
  };
  const requests = (await api("/api/v1/requests?status=AWAITING_CONFIRMATION,RECEIVED,IDENTITY_CONFIRMED,IN_PROGRESS,WAITING_FOR_REQUESTER,EXTENDED,COMPLETED,REJECTED,WITHDRAWN&limit=200")).body as {
    items: Array<{ reference: string }>;
  };
  const teamPage = (await ownerB.get(team)).body;
  const webhooks = (await ownerB.get(hooks)).body;
  const consentPage = (await ownerB.get(consent)).body;
  const settings = formsOf((await ownerB.get("/nl/admin/settings")).body).find((f) => "legalName" in f);
  const requestPages = await Promise.all([v.openRef, v.doneRef].map(async (ref) => {
    const page = (await ownerB.get(`/nl/admin/requests/${ref}`)).body;
    // The history as the page lists it: its entries' text, without the times.
    return (/data-testid="timeline"[\s\S]*?<\/ol>/.exec(page)?.[0] ?? "").replace(/<time[^>]*>[\s\S]*?<\/time>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  }));
  return {
    shared: await api(subjectPath(v.shared)),
    onlyB: await api(subjectPath(v.onlyB)),
    requests: requests.items.filter((r) => [v.openRef, v.doneRef, v.publicRef].includes(r.reference)),
    requestPages,
    victimKeyWorks: (await api("/api/v1/requests", v.victimKey)).status,
    victimKeyListed: hidden((await ownerB.get("/nl/admin/integrations")).body, "keyId").includes(v.victimKeyId),
    members: formsOf(teamPage).filter((f) => f.membershipId && f.role).map((f) => `${f.membershipId}:${f.role}`),
    invitations: hidden(teamPage, "invitationId"),
    endpoints: formsOf(webhooks).filter((f) => f.endpointId && f.active).map((f) => `${f.endpointId}:${f.active}`),
    deliveryListed: hidden(webhooks, "deliveryId").includes(v.deliveryId),
    consentSettings: formsOf(consentPage).filter((f) => f.id),
    settings,
    draftBase: hidden((await ownerB.get("/nl/admin/statement")).body, "base")[0],
    subscriptionPending: (await ownerB.get(`/nl/t/${b.slug}/subscription?token=${v.subscriptionToken}`)).body.includes(`/api/t/${b.slug}/subscriptions/confirm`),
    publicRequestOpen: (await ownerB.get(`/nl/t/${b.slug}/request/status?token=${v.publicToken}`)).body.includes('data-testid="confirm-request"'),
    // Nobody asked for a code on B's download link: it asks for the address to be confirmed, no code sent yet.
    answerLink: await ownerB.get(`/nl/t/${b.slug}/answer?token=${v.answerToken}`).then(({ body }) =>
      !body.includes('data-testid="answer-send-code"') ? "other" : body.includes('data-testid="answer-code-sent"') ? "codeSent" : "awaitingCode",
    ),
  };
}

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  baseURL = String(testInfo.project.use.baseURL);
  port = new URL(baseURL).port;
  const asAttacker = () => new HttpClient(baseURL, undefined, {}, attackerIp);

  const adminA = await consoleSignIn(asAttacker(), baseURL, a.admin);
  ownerB = await consoleSignIn(new HttpClient(baseURL, undefined, {}, ownerIp), baseURL, b.owner);
  victim = await setUpVictim();

  // A's own side: a key, the shared person at A, signed in to A's portal, with a request of their own.
  const keyState = await succeed(adminA, "app/[locale]/admin/integrations/actions.ts#createKey", "/nl/admin/integrations", { locale: "nl", name: `attack-a-${tag}` });
  const key = (keyState!.result as { secret: string }).secret;
  const put = await adminA.request("PUT", subjectPath(victim.shared), { headers: { ...bearer(key), "content-type": "application/json" }, body: JSON.stringify({ name: `A-person-${tag}` }) });
  expect(put.status).toBe(201);
  const endUserA = await portalSignIn(asAttacker(), baseURL, a.slug, victim.shared);
  const filed = await act(endUserA, "app/[locale]/t/[tenant]/portal/actions.ts#fileRequest", `/nl/t/${a.slug}/portal/requests/new`, {
    tenant: a.slug, locale: "nl", type: "ACCESS", details: "", purpose: "", target: "",
  });
  const ref = (filed.state?.result as { reference: string }).reference;
  attacker = { ref, key };
  clients = { anonymous: asAttacker(), endUserA, adminA, keyA: new HttpClient(baseURL, undefined, bearer(key), attackerIp) };
  snapshotBefore = await snapshotOfB(victim);
  // The snapshot sees what the attacks aim at, so that "unchanged" means something.
  expect(snapshotBefore).toMatchObject({
    shared: { status: 200, body: { profile: { name: victim.secrets[0] }, records: { items: [expect.anything()] } } },
    onlyB: { status: 200 },
    requests: [expect.anything(), expect.anything(), expect.anything()],
    victimKeyWorks: 200,
    victimKeyListed: true,
    members: [expect.stringContaining(victim.ownerMembershipId)],
    invitations: expect.arrayContaining([victim.invitationId]),
    endpoints: expect.arrayContaining([`${victim.endpointId}:false`]),
    deliveryListed: true,
    settings: expect.objectContaining({ name: b.name }),
    draftBase: victim.draftBase,
    subscriptionPending: true,
    publicRequestOpen: true,
    answerLink: "awaitingCode",
  });
  expect((snapshotBefore as { consentSettings: unknown[] }).consentSettings.length).toBeGreaterThanOrEqual(3);
  expect((snapshotBefore as { requestPages: string[] }).requestPages.every((text) => text.length > 20)).toBe(true);
});

// ---- The checks of an answer ----------------------------------------------------------

function expectNoSecrets(response: HttpResponse, what: string, shown: string[] = []) {
  for (const secret of victim.secrets.filter((s) => !shown.includes(s))) expect(response.body.includes(secret), `${what} shows B's private "${secret}"`).toBe(false);
}

/** A short excerpt of a page for messages: its title and first alert. */
function gist(response: HttpResponse): string {
  const title = /<title>([^<]*)/.exec(response.body)?.[1];
  const alert = /role="alert"[^>]*>([^<]*)/.exec(response.body)?.[1];
  return `${response.status} ${response.location ?? ""} ${title ?? response.body.slice(0, 120)}${alert ? ` | ${alert}` : ""}`;
}

function checkRoute(answer: string, response: HttpResponse, what: string) {
  expectNoSecrets(response, what);
  const has = (text: string | RegExp) => (typeof text === "string" ? response.body.includes(text) : text.test(response.body));
  const ok = (condition: boolean) => expect(condition, `${what}: expected ${answer}, got ${gist(response)}`).toBe(true);
  switch (answer) {
    case "open":
      ok([200, 404].includes(response.status));
      break;
    case "signIn":
      ok(response.status === 307 && /^\/nl\/signin\?next=/.test(response.location ?? ""));
      break;
    case "portalSignIn":
      ok(response.status === 200 ? has('data-testid="portal-signed-out"') : response.status === 307 && /\/portal$/.test(response.location ?? ""));
      break;
    case "portalNotFound":
      ok(response.status === 200 && has('data-testid="portal-bar"') && has('role="alert"'));
      break;
    case "ownTenant": {
      ok(response.status === 200 && !has(victim.tenantId));
      const type = String(response.headers["content-type"]);
      // The console shows the active tenant; the tenant chooser lists the caller's own.
      if (/text\/html/.test(type)) ok(has(new RegExp(`data-testid="active-tenant"[^>]*>${a.name}<|data-testid="tenant-choices"`)) && has(a.name));
      if (/json/.test(type)) ok(!has(b.name));
      break;
    }
    case "notFound":
      ok(response.status === 404);
      break;
    case "unauthorized":
      ok(response.status === 401);
      break;
    case "badRequest":
      ok(response.status === 400 && has("key_in_query"));
      break;
    case "tokenUnknown":
      // A's page says the link is not valid (200), or sends a signed-out visitor to sign in (307); a form post answers ?status=unknown.
      ok([200, 303, 307].includes(response.status) && !has('data-testid="confirm-request"') && (response.status !== 303 || /status=unknown/.test(response.location ?? "")));
      break;
    case "unconfirmed":
      ok(response.status === 403 && !/zip/.test(String(response.headers["content-type"])));
      break;
    case "forbidden":
      ok(response.status === 403 && has("cross_site"));
      break;
    default:
      throw new Error(`no check for ${answer}`);
  }
}

// ---- The tests ------------------------------------------------------------------------

test("the tables cover every page, API route and server action of the app", () => {
  const missingRoutes = appRoutes().map((r) => r.pattern).filter((pattern) => !(pattern in routes));
  expect(missingRoutes, "routes without an attack in e2e/attack.spec.ts").toEqual([]);
  const known = new Set(appRoutes().map((r) => r.pattern));
  expect(Object.keys(routes).filter((pattern) => !known.has(pattern)), "attacks on routes that no longer exist").toEqual([]);

  const declared = serverActionFiles().flatMap((f) => f.actions.map((name) => `${f.file}#${name}`));
  expect(declared.filter((key) => !(key in actions)), "server actions without an attack in e2e/attack.spec.ts").toEqual([]);
  expect(Object.keys(actions).filter((key) => !declared.includes(key)), "attacks on actions that no longer exist").toEqual([]);
  // The build knows the same actions, so every one of them can be posted.
  const built = serverActionIds();
  expect(declared.filter((key) => !built.has(key)), "actions missing from the build (rebuild?)").toEqual([]);
  for (const [route, methods] of appRoutes().filter((r) => r.kind === "api").map((r) => [r.pattern, r.methods] as const)) {
    expect(methods.length, `${route} exports a method`).toBeGreaterThan(0);
  }
});

/** Guessed paths that no route matches. */
const unrouted = (v: Victim): Attempt[] => [{ path: `/nl/t-${b.slug}/portal/requests/${v.openRef}`, class: "absent" }];

test("every page and API route answers B's slug, ids and references as the table says", async () => {
  test.setTimeout(120_000);
  const routed = Object.entries(routes).flatMap(([pattern, make]) => make(victim, attacker).map((attempt) => ({ pattern, attempt })));
  for (const { pattern, attempt } of routed) expect(matchesPattern(attempt.path, pattern), `${attempt.path} is a path of ${pattern}`).toBe(true);
  const attempts = [...routed, ...unrouted(victim).map((attempt) => ({ pattern: "(no route)", attempt }))];
  const runs = attempts.flatMap(({ pattern, attempt }) => callers.map((caller) => ({ pattern, attempt, caller })));
  await inBatches(runs, 6, async ({ pattern, attempt, caller }) => {
    const client = clients[caller];
    // A's admin names B as the active tenant in the console's own cookie: it is ignored.
    const headers = { ...attempt.headers, ...(caller === "adminA" ? { cookie: `${client.cookieHeader()}; inzage-tenant=${victim.tenantId}` } : {}) };
    const response = await client.request(attempt.method ?? "GET", attempt.path, { body: attempt.body, headers });
    checkRoute(expected[attempt.class][caller], response, `${caller} ${attempt.method ?? "GET"} ${attempt.path} (${pattern}, ${attempt.class})`);
  });
});

test("A's API key reaches only A's people, and keys count only in the Authorization header", async () => {
  const key = attacker.key;
  const anonymous = clients.anonymous;
  const shared = await clients.keyA.get(subjectPath(victim.shared));
  expect(shared.status).toBe(200);
  expect(JSON.parse(shared.body).profile.name).toBe(`A-person-${tag}`);
  expect(JSON.parse(shared.body).records.items).toEqual([]);
  // The same 404 as for nobody at all: nothing tells that B knows the address.
  const foreign = await clients.keyA.get(subjectPath(victim.onlyB));
  const nobody = await clients.keyA.get(subjectPath(uniqueEmail("nobody")));
  expect(foreign.status).toBe(404);
  expect(foreign.body).toBe(nobody.body);
  const listed = JSON.parse((await clients.keyA.get("/api/v1/requests?limit=200")).body) as { items: Array<{ reference: string }> };
  expect(listed.items.map((r) => r.reference)).not.toContain(victim.openRef);

  // B's own key, anywhere but the Authorization header, counts for nothing.
  const elsewhere: Array<Record<string, string>> = [{ "x-api-key": victim.readKey }, { authorization: `Basic ${Buffer.from(`${victim.readKey}:`).toString("base64")}` }, { authorization: victim.readKey }, { cookie: `api_key=${victim.readKey}` }];
  for (const headers of elsewhere) {
    expect((await anonymous.get(subjectPath(victim.shared), { headers })).status, JSON.stringify(Object.keys(headers))).toBe(401);
  }
  for (const name of ["api_key", "apikey", "key", "token", "access_token", "Authorization"]) {
    const inQuery = await anonymous.get(`${subjectPath(victim.shared)}?${name}=${victim.readKey}`);
    expect(inQuery.status, name).toBe(400);
    expect(JSON.parse(inQuery.body).error.code).toBe("key_in_query");
  }
  // Even with a valid key in the header, a key in the query is refused.
  expect((await anonymous.get(`/api/v1/requests?api_key=${key}`, { headers: bearer(victim.readKey) })).status).toBe(400);
});

test("on B's own host, A's portal session and console session mean nothing", async () => {
  const host = `${b.slug}.localhost:${port}`;
  const portalToken = clients.endUserA.cookies.get(`inzage_portal_${a.slug}`)!;
  expect(portalToken).toBeTruthy();
  const onB = clients.anonymous.onHost(host);
  const cookies = [
    "",
    // The browser would not send A's cookie to B's host; an attacker sends it anyway, as is and renamed to B's.
    `inzage_portal_${a.slug}=${portalToken}`,
    `inzage_portal_${b.slug}=${portalToken}`,
    clients.adminA.cookieHeader(),
  ];
  for (const cookie of cookies) {
    const what = `B's host with cookie ${cookie.split("=")[0] || "(none)"}`;
    const portal = await onB.get("/nl/portal", { headers: { cookie } });
    checkRoute("portalSignIn", portal, `${what}: /nl/portal`);
    expect(portal.body.includes(b.name), `${what}: B's portal`).toBe(true);
    checkRoute("portalSignIn", await onB.get(`/nl/portal/requests/${victim.openRef}`, { headers: { cookie } }), `${what}: a request of B`);
    checkRoute("portalSignIn", await onB.get("/nl/portal/profile", { headers: { cookie } }), `${what}: profile`);
    checkRoute("unauthorized", await onB.get(`/api/t/${b.slug}/portal/export`, { headers: { cookie } }), `${what}: export`);
    // The console is not there on a tenant's host.
    expect((await onB.get("/nl/admin", { headers: { cookie } })).status, `${what}: console`).toBe(404);
    const toggled = await onB.post("/nl/portal/consent", actionForm(serverActionIds().get("app/[locale]/t/[tenant]/portal/actions.ts#toggleConsent")!.id, { tenant: b.slug, locale: "nl", purpose: "marketing", version: victim.purposeVersionId, given: "false" }), {
      headers: { cookie },
    });
    expect(actionState(toggled.body), `${what}: consent`).toMatchObject({ status: "error", formError: "signedOut" });
  }
  // A's own host cannot reach B's pages by path either.
  const onA = clients.endUserA.onHost(`${a.slug}.localhost:${port}`);
  expect((await onA.get(`/nl/t/${b.slug}/portal`, { headers: { cookie: `inzage_portal_${a.slug}=${portalToken}` } })).status).toBe(404);
  // Cross-site form posts are refused before any action runs.
  const crossSite = await clients.endUserA.post(`/nl/t/${a.slug}/portal/consent`, actionForm(serverActionIds().get("app/[locale]/t/[tenant]/portal/actions.ts#toggleConsent")!.id, { tenant: a.slug, locale: "nl", purpose: "newsletter", given: "true" }), {
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status).toBe(403);
});

test("a sign-in link asked for under a forged Host still points at this site", async () => {
  // B's invitee is known to the platform, so a sign-in link is mailed to them.
  const invitee = victim.secrets[5];
  for (const [what, client] of [
    ["Host", new HttpClient(baseURL, `evil.example:${port}`, {}, attackerIp)],
    // Sent without an Origin (a script, not a browser): Next.js compares an Origin with X-Forwarded-Host.
    ["X-Forwarded-Host", new HttpClient(baseURL, undefined, { "x-forwarded-host": "evil.example" }, attackerIp)],
  ] as const) {
    const marker = `h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const next = `/nl/admin?via=${marker}`;
    const action = serverActionIds().get("app/[locale]/signin/actions.ts#requestSignIn")!.id;
    const response = await client.post("/nl/signin", actionForm(action, { locale: "nl", email: invitee, next }), { headers: { origin: what === "Host" ? `http://evil.example:${port}` : "" } });
    const state = actionState(response.body);
    if (!state) throw new Error(`${what}: ${gist(response)} ${response.body.slice(0, 300)}`);
    expect(state, what).toMatchObject({ status: "success" });
    let link = "";
    await expect
      .poll(async () => (link = (await mailsTo(invitee)).map((m) => /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(m.text)?.[0] ?? "").find((l) => l.includes(marker)) ?? ""), {
        timeout: 15_000,
        message: `sign-in mail asked for with a forged ${what}`,
      })
      .not.toBe("");
    expect(link.startsWith(`${baseURL}/api/auth/callback/email?`), `${what}: ${link}`).toBe(true);
    expect(new URL(link).searchParams.get("callbackUrl"), what).toBe(`${baseURL}${next}`);
  }
});

test("every server action, posted without JavaScript with B's ids, is refused as the table says", async () => {
  test.setTimeout(120_000);
  const built = serverActionIds();
  const runs = Object.entries(actions).flatMap(([key, attack]) => callers.map((caller) => ({ key, attack, caller })));
  await inBatches(runs, 4, async ({ key, attack, caller }) => {
    if (attack.skip?.[caller]) return;
    const page = attack.page(victim, attacker);
    expect(built.get(key)!.pages.some((pattern) => matchesPattern(page, pattern)), `${key} runs on ${page}`).toBe(true);
    const answer = expected[attack.class][caller];
    const { response, state } = await act(clients[caller], key, page, attack.fields(victim, attacker), attack.plain);
    const what = `${caller} posts ${key} to ${page}`;
    expectNoSecrets(response, what, attack.shows?.(victim));
    expect(response.status, `${what}: no server error`).toBeLessThan(500);
    switch (answer) {
      case "signedOut":
        expect(state, what).toMatchObject({ status: "error", formError: "signedOut" });
        break;
      case "refusal":
        attack.refusal!(state, response);
        break;
      case "ownTenant":
        // Only createKey is posted by A's admin (the others are skipped, see `skip`): the key is A's, not B's.
        expect(state, what).toMatchObject({ status: "success" });
        expect((state!.result as { name: string }).name).toBe(`injected-${victim.tenantId}`);
        break;
      case "ownSession":
        expect(response.status, what).toBe(303);
        break;
      default:
        throw new Error(`no check for ${answer}`);
    }
  });

  // The console stays A's although A's admin asked for B (chooseTenant with B's id).
  const console = await clients.adminA.get("/nl/admin");
  expect(new RegExp(`data-testid="active-tenant"[^>]*>${a.name}<`).test(console.body), "A's console stays A's").toBe(true);
  // The key A's admin made while naming B is listed at A, and B has no such key.
  expect((await clients.adminA.get("/nl/admin/integrations")).body.includes(`injected-${victim.tenantId}`), "the key is A's").toBe(true);
  expect((await ownerB.get("/nl/admin/integrations")).body.includes(`injected-${victim.tenantId}`), "B has the key").toBe(false);
});

test("afterwards B's data is as it was, and B's audit trail holds nothing of the attackers", async () => {
  expect(await snapshotOfB(victim)).toEqual(snapshotBefore);
  const audit = await ownerB.get("/api/admin/audit");
  expect(audit.status).toBe(200);
  expect(audit.body.includes(attackerIp), "an audit entry at B from the attackers' address").toBe(false);
  expect(audit.body.includes(a.admin), "B's audit names A's admin").toBe(false);
  // B's people can still use what the attackers named: the victim key, the unused portal code.
  expect((await ownerB.get("/api/v1/requests", { headers: bearer(victim.victimKey) })).status).toBe(200);
  const person = new HttpClient(baseURL, undefined, {}, ownerIp);
  const verified = await act(person, "app/[locale]/t/[tenant]/portal/actions.ts#verifyCode", `/nl/t/${b.slug}/portal`, { tenant: b.slug, locale: "nl", email: victim.shared, code: victim.portalCode });
  expect(verified.response.status, "B's code still signs the person in at B").toBe(303);
  const mine = await person.get(`/nl/t/${b.slug}/portal`);
  expect(mine.body.includes(victim.secrets[0]), "the person sees their data at B").toBe(true);
  // Tidy up: B's endpoint points nowhere, so its deliveries would only ever fail.
  await succeed(ownerB, "app/[locale]/admin/webhooks/actions.ts#removeEndpoint", hooks, { locale: "nl", endpointId: victim.endpointId });
});
