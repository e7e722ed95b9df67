import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Tenant } from "@/generated/prisma/client";
import { runConsoleAction, type FormState } from "@/lib/action";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { auditPage } from "@/lib/audit-log";
import { can, roles, type Permission } from "@/lib/auth/permissions";
import { companySchema, updateCompany } from "@/lib/console/company";
import type { ConsoleState } from "@/lib/console/context";
import { changeMember, inviteMember, listTeam, revokeInvitation } from "@/lib/console/team";
import { withTenant } from "@/lib/db/tenant-db";
import { approveErasure, cancelErasure } from "@/lib/erasure/erasure";
import { loadDraft, publishStatement, saveDraft } from "@/lib/policy/draft";
import {
  createConsentPurpose,
  createProfileField,
  editProfileFieldSchema,
  editPurposeSchema,
  newProfileFieldSchema,
  newPurposeSchema,
  portalSettings,
  purposeActiveSchema,
  setConsentPurposeActive,
  updateConsentPurpose,
  updateProfileField,
} from "@/lib/portal/settings";
import { defaultCalendar, extensionBounds } from "@/lib/requests/deadline";
import {
  changeStatus,
  completeRequest,
  completeSchema,
  correctProfile,
  extendDeadline,
  extendSchema,
  markRecipientNotified,
  messageSchema,
  noticeSchema,
  objectionSchema,
  recordObjection,
  recordRequest,
  recordSchema,
  rejectRequest,
  rejectSchema,
  requestForStaff,
  restrictSchema,
  sendStaffMessage,
  setRestriction,
  staffProfileSchema,
  statusSchema,
} from "@/lib/requests/admin";
import { inboxPage, defaultFilter } from "@/lib/requests/inbox";
import { erasureSchema } from "@/lib/erasure/erasure";
import { addEndpoint, deleteEndpoint, resend, setEndpointActive } from "@/lib/webhooks/endpoints";
import { emitEvent, webhookEvents } from "@/lib/webhooks/events";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";

/**
 * The role matrix of the admin console (issue 7): every console action, run through
 * runConsoleAction (the checks of consoleAction) with a constructed session state and
 * the lib functions the real action handlers call, by every kind of caller. The source
 * of each action file is read too, so the matrix fails when an action is added or its
 * permission changes without the table following. The end-to-end side (the server
 * refuses a post, not only hides a button) is e2e/roles.spec.ts.
 */

useTestDatabase();

type Caller = Role | "END_USER" | "ANONYMOUS";
const callers: Caller[] = [...roles, "END_USER", "ANONYMOUS"];

/**
 * THE TABLE: who may do what. A member without the permission gets formError
 * "forbidden"; END_USER (signed in to a portal only: the console knows no portal
 * session, so consoleState() is null for them) and ANONYMOUS get "signedOut", before
 * anything runs. Keys are "<action file>#<export>" for actions and "read: …" for pages
 * and downloads that check a permission.
 */
const may: Record<string, { permission: Permission; allowed: readonly Role[] }> = {
  "app/[locale]/admin/statement/actions.ts#saveStatementDraft": { permission: "statement.edit", allowed: ["OWNER", "ADMIN", "EDITOR"] },
  "app/[locale]/admin/statement/actions.ts#publishStatementDraft": { permission: "statement.publish", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/team/actions.ts#invite": { permission: "team.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/team/actions.ts#changeRole": { permission: "team.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/team/actions.ts#removeMember": { permission: "team.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/team/actions.ts#revoke": { permission: "team.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/settings/actions.ts#saveCompany": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/consent/actions.ts#addPurpose": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/consent/actions.ts#editPurpose": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/consent/actions.ts#togglePurpose": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/consent/actions.ts#addProfileField": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/consent/actions.ts#editProfileField": { permission: "settings.edit", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/integrations/actions.ts#createKey": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/integrations/actions.ts#revokeKey": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/webhooks/actions.ts#createEndpoint": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/webhooks/actions.ts#toggleEndpoint": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/webhooks/actions.ts#removeEndpoint": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/webhooks/actions.ts#resendDeliveryAction": { permission: "integrations.manage", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#setStatusAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#extendAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#rejectAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#completeAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#messageAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#correctProfileAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#restrictAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#objectionAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#noticeAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#approveErasureAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#cancelErasureAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  "app/[locale]/admin/requests/actions.ts#recordRequestAction": { permission: "requests.handle", allowed: ["OWNER", "ADMIN"] },
  // Reads that pages and downloads guard with a permission (requireConsole, /api/admin/*).
  "read: the audit log (/admin/audit, /api/admin/audit)": { permission: "audit.view", allowed: ["OWNER", "ADMIN"] },
  "read: the request inbox (/admin/requests)": { permission: "requests.view", allowed: ["OWNER", "ADMIN", "EDITOR", "VIEWER"] },
  "read: a request and its attachments": { permission: "requests.view", allowed: ["OWNER", "ADMIN", "EDITOR", "VIEWER"] },
  "read: the console (/admin, team, settings, consent, statement)": { permission: "tenant.view", allowed: ["OWNER", "ADMIN", "EDITOR", "VIEWER"] },
};

let inone: Tenant;
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}${Date.now().toString(36)}`;

async function stateFor(role: Role): Promise<ConsoleState> {
  const email = `${role.toLowerCase()}@inone.example`;
  const user = await platformDb().user.findUniqueOrThrow({ where: { email } });
  const membership = { tenant: { id: inone.id, slug: "inone", name: "inONE" }, role };
  return { user: { id: user.id, email }, memberships: [membership], active: membership };
}

const stateOf = async (caller: Caller): Promise<ConsoleState | null> => (caller === "END_USER" || caller === "ANONYMOUS" ? null : stateFor(caller));

/** The owner, acting directly (not through the matrix), to prepare what an action needs. */
async function ownerContext() {
  const state = await stateFor("OWNER");
  return { user: state.user, memberships: state.memberships, tenant: inone, role: "OWNER" as const };
}

const company = {
  name: "inONE",
  legalName: "inONE B.V.",
  address: "Lekstraat 88E\n2314 VJ Leiden",
  country: "NL",
  registrationNumber: "68663684",
  contactEmail: "cs@myinone.com",
  phone: "",
  website: "https://myinone.com",
  dpoName: "",
  dpoEmail: "",
  leadAuthorityId: "nl-ap",
  accentColor: "#1d4e89",
};

/** A request recorded by the owner for an address; with `subject`, for a new person the tenant knows. */
/** An objection is to "profiling", not direct marketing at inONE: one to the newsletter takes effect on receipt and leaves staff nothing to record (art. 21(3)). */
async function freshRequest(type: "ACCESS" | "RECTIFICATION" | "ERASURE" | "RESTRICTION" | "OBJECTION", subject = false) {
  const email = `${unique("person")}@example.net`;
  if (subject) await withTenant(inone.id, (tx) => tx.subject.create({ data: { tenantId: inone.id, email, name: "Piet Proef" } }));
  return recordRequest(
    await ownerContext(),
    recordSchema.parse({
      type, channel: "email", requesterEmail: email, requesterName: "", locale: "nl", receivedOn: new Date().toISOString().slice(0, 10),
      details: type === "RECTIFICATION" || type === "OBJECTION" ? "Klopt niet" : "", purpose: type === "OBJECTION" ? "profiling" : "", target: "",
    }),
  );
}

async function freshMember(role: Role = "VIEWER"): Promise<string> {
  const user = await platformDb().user.create({ data: { email: `${unique("member")}@example.net` } });
  return withTenant(inone.id, (tx) => tx.membership.create({ data: { tenantId: inone.id, userId: user.id, role } })).then((m) => m.id);
}

async function freshEndpoint(): Promise<string> {
  return withTenant(inone.id, (tx) =>
    tx.webhookEndpoint.create({ data: { tenantId: inone.id, url: `https://hooks.example.com/${unique("hook")}`, secret: "s", events: ["request.created"] } }),
  ).then((e) => e.id);
}

type Run = (state: ConsoleState | null, permission: Permission) => Promise<FormState>;
const nothing = z.object({});

/** How each row runs: the action's schema (from lib) and the lib function its handler calls, on a target made for the run. */
const runs: Record<string, Run> = {
  "app/[locale]/admin/statement/actions.ts#saveStatementDraft": async (state, permission) => {
    const draft = await loadDraft(inone);
    return runConsoleAction(state, permission, nothing, {}, (context) => saveDraft(context, { base: draft.base, content: draft.content }));
  },
  "app/[locale]/admin/statement/actions.ts#publishStatementDraft": async (state, permission) => {
    // A draft to publish: the owner saves one first.
    const current = await loadDraft(inone);
    await saveDraft(await ownerContext(), { base: current.base, content: current.content });
    const draft = await loadDraft(inone);
    return runConsoleAction(state, permission, nothing, {}, (context) =>
      publishStatement(context, { base: draft.base, changeSummary: { nl: "Rolproef", en: "Role test" }, materialChange: false, confirmGaps: true }),
    );
  },
  "app/[locale]/admin/team/actions.ts#invite": (state, permission) =>
    runConsoleAction(state, permission, z.object({ email: z.string(), role: z.enum(roles) }), { email: `${unique("invitee")}@example.net`, role: "VIEWER" }, (context, input) =>
      inviteMember(context, { ...input, locale: "nl" }),
    ),
  "app/[locale]/admin/team/actions.ts#changeRole": async (state, permission) => {
    const id = await freshMember();
    return runConsoleAction(state, permission, nothing, {}, (context) => changeMember(context, id, "EDITOR"));
  },
  "app/[locale]/admin/team/actions.ts#removeMember": async (state, permission) => {
    const id = await freshMember();
    return runConsoleAction(state, permission, nothing, {}, (context) => changeMember(context, id, null));
  },
  "app/[locale]/admin/team/actions.ts#revoke": async (state, permission) => {
    const email = `${unique("invitee")}@example.net`;
    await inviteMember(await ownerContext(), { email, role: "VIEWER", locale: "nl" });
    const invitation = (await listTeam(inone.id)).invitations.find((i) => i.email === email)!;
    return runConsoleAction(state, permission, nothing, {}, (context) => revokeInvitation(context, invitation.id));
  },
  "app/[locale]/admin/settings/actions.ts#saveCompany": (state, permission) => runConsoleAction(state, permission, companySchema, company, updateCompany),
  "app/[locale]/admin/consent/actions.ts#addPurpose": (state, permission) =>
    runConsoleAction(state, permission, newPurposeSchema, { key: unique("p"), titleNl: "Proef", titleEn: "Test", descriptionNl: "Proef", descriptionEn: "Test" }, createConsentPurpose),
  "app/[locale]/admin/consent/actions.ts#editPurpose": async (state, permission) => {
    const purpose = (await portalSettings(inone)).purposes[0];
    return runConsoleAction(state, permission, editPurposeSchema, { id: purpose.id, titleNl: purpose.title.nl, titleEn: purpose.title.en, descriptionNl: purpose.description.nl, descriptionEn: purpose.description.en }, updateConsentPurpose);
  },
  "app/[locale]/admin/consent/actions.ts#togglePurpose": async (state, permission) => {
    const key = unique("p");
    await createConsentPurpose(await ownerContext(), { key, titleNl: "Proef", titleEn: "Test", descriptionNl: "Proef", descriptionEn: "Test" });
    const purpose = (await portalSettings(inone)).purposes.find((p) => p.key === key)!;
    return runConsoleAction(state, permission, purposeActiveSchema, { id: purpose.id, active: "false" }, setConsentPurposeActive);
  },
  "app/[locale]/admin/consent/actions.ts#addProfileField": (state, permission) =>
    runConsoleAction(state, permission, newProfileFieldSchema, { key: unique("f"), labelNl: "Veld", labelEn: "Field" }, createProfileField),
  "app/[locale]/admin/consent/actions.ts#editProfileField": async (state, permission) => {
    const field = (await portalSettings(inone)).fields[0];
    return runConsoleAction(state, permission, editProfileFieldSchema, { id: field.id, labelNl: field.label.nl, labelEn: field.label.en }, updateProfileField);
  },
  "app/[locale]/admin/integrations/actions.ts#createKey": (state, permission) =>
    runConsoleAction(state, permission, z.object({ name: z.string() }), { name: unique("key") }, (context, input) => createApiKey(context.tenant.id, input.name, { userId: context.user.id, email: context.user.email })),
  "app/[locale]/admin/integrations/actions.ts#revokeKey": async (state, permission) => {
    const { key } = await createApiKey(inone.id, unique("key"));
    return runConsoleAction(state, permission, nothing, {}, async (context) => {
      if (!(await revokeApiKey(context.tenant.id, key.id, { userId: context.user.id, email: context.user.email }))) throw new Error("not revoked");
    });
  },
  "app/[locale]/admin/webhooks/actions.ts#createEndpoint": (state, permission) =>
    runConsoleAction(state, permission, nothing, {}, (context) => addEndpoint(context, { url: `https://hooks.example.com/${unique("hook")}`, description: "", events: [...webhookEvents] })),
  "app/[locale]/admin/webhooks/actions.ts#toggleEndpoint": async (state, permission) => {
    const id = await freshEndpoint();
    return runConsoleAction(state, permission, nothing, {}, (context) => setEndpointActive(context, id, false));
  },
  "app/[locale]/admin/webhooks/actions.ts#removeEndpoint": async (state, permission) => {
    const id = await freshEndpoint();
    return runConsoleAction(state, permission, nothing, {}, (context) => deleteEndpoint(context, id));
  },
  "app/[locale]/admin/webhooks/actions.ts#resendDeliveryAction": async (state, permission) => {
    await freshEndpoint();
    await withTenant(inone.id, (tx) => emitEvent(tx, inone.id, "request.created", { subjectId: null, requestId: null }, { reference: unique("R") }));
    const delivery = await platformDb().webhookDelivery.findFirstOrThrow({ where: { tenantId: inone.id }, orderBy: { createdAt: "desc" } });
    return runConsoleAction(state, permission, nothing, {}, (context) => resend(context, delivery.id));
  },
  "app/[locale]/admin/requests/actions.ts#setStatusAction": async (state, permission) => {
    const { reference } = await freshRequest("ACCESS");
    return runConsoleAction(state, permission, statusSchema, { reference, status: "IN_PROGRESS" }, changeStatus);
  },
  "app/[locale]/admin/requests/actions.ts#extendAction": async (state, permission) => {
    const request = await freshRequest("ACCESS");
    return runConsoleAction(state, permission, extendSchema, { reference: request.reference, until: extensionBounds(request.dueAt!, defaultCalendar).max, reason: "Complex" }, extendDeadline);
  },
  "app/[locale]/admin/requests/actions.ts#rejectAction": async (state, permission) => {
    const { reference } = await freshRequest("ACCESS");
    return runConsoleAction(state, permission, rejectSchema, { reference, ground: "manifestlyUnfounded", reason: "Kennelijk ongegrond" }, rejectRequest);
  },
  "app/[locale]/admin/requests/actions.ts#completeAction": async (state, permission) => {
    const { reference } = await freshRequest("ACCESS", true);
    return runConsoleAction(state, permission, completeSchema, { reference }, completeRequest);
  },
  "app/[locale]/admin/requests/actions.ts#messageAction": async (state, permission) => {
    const { reference } = await freshRequest("ACCESS");
    return runConsoleAction(state, permission, messageSchema, { reference, body: "Een vraag" }, sendStaffMessage);
  },
  "app/[locale]/admin/requests/actions.ts#correctProfileAction": async (state, permission) => {
    const { reference } = await freshRequest("RECTIFICATION", true);
    return runConsoleAction(state, permission, staffProfileSchema, { reference, name: "Piet Verbeterd", phone: "", postalAddress: "", companyName: "", vatNumber: "" }, correctProfile);
  },
  "app/[locale]/admin/requests/actions.ts#restrictAction": async (state, permission) => {
    const { reference } = await freshRequest("RESTRICTION", true);
    return runConsoleAction(state, permission, restrictSchema, { reference, restricted: "true" }, setRestriction);
  },
  "app/[locale]/admin/requests/actions.ts#objectionAction": async (state, permission) => {
    const { reference } = await freshRequest("OBJECTION", true);
    return runConsoleAction(state, permission, objectionSchema, { reference, purpose: "profiling" }, recordObjection);
  },
  "app/[locale]/admin/requests/actions.ts#noticeAction": async (state, permission) => {
    const { reference } = await freshRequest("RECTIFICATION");
    return runConsoleAction(state, permission, noticeSchema, { reference, recipient: "Moneybird" }, markRecipientNotified);
  },
  "app/[locale]/admin/requests/actions.ts#approveErasureAction": async (state, permission) => {
    const { reference } = await freshRequest("ERASURE", true);
    return runConsoleAction(state, permission, erasureSchema, { reference }, approveErasure);
  },
  "app/[locale]/admin/requests/actions.ts#cancelErasureAction": async (state, permission) => {
    const { reference } = await freshRequest("ERASURE", true);
    await approveErasure(await ownerContext(), { reference });
    return runConsoleAction(state, permission, erasureSchema, { reference }, cancelErasure);
  },
  "app/[locale]/admin/requests/actions.ts#recordRequestAction": (state, permission) =>
    runConsoleAction(
      state,
      permission,
      recordSchema,
      { type: "ACCESS", channel: "letter", requesterEmail: `${unique("person")}@example.net`, requesterName: "", locale: "nl", receivedOn: new Date().toISOString().slice(0, 10), details: "", purpose: "", target: "" },
      recordRequest,
    ),
  "read: the audit log (/admin/audit, /api/admin/audit)": (state, permission) => runConsoleAction(state, permission, nothing, {}, (context) => auditPage(context.tenant.id, {})),
  "read: the request inbox (/admin/requests)": (state, permission) => runConsoleAction(state, permission, nothing, {}, (context) => inboxPage(context.tenant, defaultFilter)),
  "read: a request and its attachments": async (state, permission) => {
    const { reference } = await freshRequest("ACCESS");
    return runConsoleAction(state, permission, nothing, {}, async (context) => {
      if (!(await requestForStaff(context.tenant.id, reference))) throw new Error("not found");
    });
  },
  "read: the console (/admin, team, settings, consent, statement)": (state, permission) =>
    runConsoleAction(state, permission, nothing, {}, async (context) => ({ team: await listTeam(context.tenant.id), settings: await portalSettings(context.tenant) })),
};

/** Every consoleAction("<permission>", …) in app/: "<file>#<export>" -> permission. */
function consoleActionsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
  for (const file of walk(path.resolve("app")).filter((f) => f.endsWith("actions.ts"))) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/export const (\w+) = consoleAction\(\s*"([\w.]+)"/g)) found.set(`${path.relative(process.cwd(), file)}#${match[1]}`, match[2]);
  }
  return found;
}

describe("role matrix of the admin console", () => {
  beforeAll(async () => {
    delete process.env.SMTP_HOST;
    await seedDemoTenants(demoTenants);
    inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
    // inONE's statement bases nothing on consent: the tests give it consent-based purposes.
    await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
  });

  it("covers every console action of the app, with the permission its file passes to consoleAction", () => {
    const source = consoleActionsInSource();
    expect(source.size).toBeGreaterThan(20);
    for (const [key, permission] of source) {
      expect(may[key], `${key} is missing from the role matrix`).toBeDefined();
      expect(may[key].permission, `${key} checks ${permission}`).toBe(permission);
    }
    for (const key of Object.keys(may).filter((k) => !k.startsWith("read: "))) expect(source.has(key), `${key} is no longer a console action`).toBe(true);
    expect(Object.keys(runs).sort()).toEqual(Object.keys(may).sort());
  });

  it("agrees with the permission table of lib/auth/permissions.ts", () => {
    for (const [key, { permission, allowed }] of Object.entries(may)) {
      expect(roles.filter((role) => can(role, permission)), key).toEqual([...allowed]);
    }
  });

  for (const [key, { permission, allowed }] of Object.entries(may)) {
    const action = key.startsWith("read: ") ? key : key.split("#")[1];
    for (const caller of callers) {
      const answer = caller === "END_USER" || caller === "ANONYMOUS" ? "signedOut" : allowed.includes(caller) ? "success" : "forbidden";
      it(`${caller}: ${action} → ${answer}`, async () => {
        const result = await runs[key](await stateOf(caller), permission);
        if (answer === "success") expect(result, JSON.stringify(result)).toMatchObject({ status: "success" });
        else expect(result).toMatchObject({ status: "error", formError: answer });
      });
    }
  }

  it("an admin cannot touch an owner or make someone owner", async () => {
    const admin = await stateFor("ADMIN");
    const team = await listTeam(inone.id);
    const owner = team.members.find((m) => m.role === "OWNER")!;
    const editor = team.members.find((m) => m.email === "editor@inone.example")!;
    const demote = await runConsoleAction(admin, "team.manage", nothing, {}, (context) => changeMember(context, owner.id, "VIEWER"));
    expect(demote).toMatchObject({ status: "error", formError: "forbidden" });
    const promote = await runConsoleAction(admin, "team.manage", nothing, {}, (context) => changeMember(context, editor.id, "OWNER"));
    expect(promote).toMatchObject({ status: "error", formError: "forbidden" });
    const invite = await runConsoleAction(admin, "team.manage", nothing, {}, (context) => inviteMember(context, { email: "would-be-owner@example.net", role: "OWNER", locale: "nl" }));
    expect(invite).toMatchObject({ status: "error", fieldErrors: { role: "forbidden" } });
  });

  it("the last owner can neither leave nor be demoted", async () => {
    const owner = await stateFor("OWNER");
    const team = await listTeam(inone.id);
    const self = team.members.find((m) => m.role === "OWNER")!;
    for (const role of ["ADMIN", null] as const) {
      const result = await runConsoleAction(owner, "team.manage", nothing, {}, (context) => changeMember(context, self.id, role));
      expect(result).toMatchObject({ status: "error", formError: "lastOwner" });
    }
    expect((await listTeam(inone.id)).members.find((m) => m.id === self.id)?.role).toBe("OWNER");
  });

  it("bad company details come back with a message per field and the values as typed", async () => {
    const owner = await stateFor("OWNER");
    const typed = { ...company, contactEmail: "not-an-address", accentColor: "#ffff00", dpoName: "Jan" };
    const result = await runConsoleAction(owner, "settings.edit", companySchema, typed, updateCompany);
    expect(result.status).toBe("error");
    expect(result.fieldErrors).toMatchObject({ contactEmail: "email", accentColor: "colorContrast", dpoEmail: "dpoEmailRequired" });
    expect(result.values).toEqual(typed);
  });

  it("an action cannot reach a member of another tenant", async () => {
    const owner = await stateFor("OWNER");
    const other = await platformDb().membership.findFirstOrThrow({ where: { tenant: { slug: "superoffice" } } });
    const result = await runConsoleAction(owner, "team.manage", nothing, {}, (context) => changeMember(context, other.id, null));
    expect(result).toMatchObject({ status: "error", formError: "notFound" });
    expect(await platformDb().membership.findUnique({ where: { id: other.id } })).not.toBeNull();
  });
});
