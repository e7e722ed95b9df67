import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { rawSql } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { notifyMaterialChange } from "@/lib/subscriptions/statement-changed";
import { askConsentFor } from "@/test/consent-purposes";
import { platformDb, useTestDatabase } from "@/test/database";
import { consentHistory, consentStates, setConsent } from "./consent";
import { accessLog, recordOverview, recordPage } from "./data";
import { confirmEmailChange, profileSchema, setStatementNotifications, updateProfile } from "./profile";
import { createConsentPurpose, setConsentPurposeActive, updateConsentPurpose, updateProfileField } from "./settings";
import { limits } from "@/lib/rate-limit";
import { hashCode, issuePortalSignIn, requestPortalSignIn, verifyPortalCode, verifyPortalLink } from "./sign-in";

useTestDatabase();

let inone: Tenant;
let web1on1: Tenant;
const jan = "jan.jansen@example.com";

async function subjectOf(tenant: Tenant, email: string) {
  return platformDb().subject.findFirstOrThrow({ where: { tenantId: tenant.id, email } });
}

async function outboxTo(email: string) {
  return platformDb().outboxMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function expectRefused(work: Promise<unknown>, key = "notFound") {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).key).toBe(key);
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  const client = platformDb();
  inone = await client.tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  web1on1 = await client.tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
  await askConsentFor(inone, [{ key: "newsletter", directMarketing: true }, { key: "product-updates" }, { key: "profiling" }]);
});

describe("signing in with a code", () => {
  it("the same address at two tenants is two subjects that know nothing of each other", async () => {
    const a = await subjectOf(inone, jan);
    const b = await subjectOf(web1on1, jan);
    expect(a.id).not.toBe(b.id);
    expect(a.name).not.toBe(b.name);
  });

  it("mails a code and link for a known address, stores only hashes, and signs in once", async () => {
    const before = (await outboxTo(jan)).length;
    await requestPortalSignIn(inone, jan, "nl");
    const mails = await outboxTo(jan);
    expect(mails).toHaveLength(before + 1);
    const code = /: (\d{6})/.exec(mails.at(-1)!.text)![1];
    const rows = await withTenant(inone.id, (tx) => tx.subjectSignIn.findMany({ where: { tenantId: inone.id, email: jan } }));
    expect(rows.at(-1)!.codeHash).toBe(hashCode(inone.id, jan, code));
    expect(JSON.stringify(rows)).not.toContain(code);
    const subject = await subjectOf(inone, jan);
    expect(await verifyPortalCode(inone, jan, code)).toEqual({ subjectId: subject.id });
    expect((await verifyPortalCode(inone, jan, code)).subjectId).toBeNull();
  });

  it("says nothing and sends nothing for an address the tenant does not know, and creates no subject", async () => {
    const stranger = "nobody-here@example.com";
    await requestPortalSignIn(inone, stranger, "en");
    expect(await outboxTo(stranger)).toEqual([]);
    expect(await issuePortalSignIn(inone, stranger)).toBeNull();
    expect(await platformDb().subject.count({ where: { email: stranger } })).toBe(0);
    expect(await platformDb().subjectSignIn.count({ where: { email: stranger } })).toBe(0);
    expect((await verifyPortalCode(inone, stranger, "123456")).subjectId).toBeNull();
  });

  // The tests below run on their own days, later than now, so each starts with fresh limits and its sign-ins are the newest.
  let day = Math.ceil(Date.now() / 86_400_000) * 86_400_000;
  const nextDay = () => new Date((day += 86_400_000));
  const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

  it("a code expires after ten minutes", async () => {
    const issuedAt = nextDay();
    const issued = (await issuePortalSignIn(inone, "overdue@example.com", issuedAt))!;
    expect((await verifyPortalCode(inone, "overdue@example.com", issued.code, new Date(issuedAt.getTime() + 10 * 60_000 + 1))).subjectId).toBeNull();
    expect(await verifyPortalLink(inone, issued.token, new Date(issuedAt.getTime() + 10 * 60_000 + 1))).toBeNull();
    expect((await verifyPortalCode(inone, "overdue@example.com", issued.code, new Date(issuedAt.getTime() + 9 * 60_000))).subjectId).not.toBeNull();
  });

  it("wrong codes count down the tries left; once they are used up even the right code is refused, but the link in the mail still signs in", async () => {
    const now = nextDay();
    const issued = (await issuePortalSignIn(web1on1, jan, now))!;
    const triesLeft = [];
    for (let i = 0; i < limits.portalCodeTriesPerAddress.max; i++) {
      const checked = await verifyPortalCode(web1on1, jan, wrongCode(issued.code), now);
      expect(checked.subjectId).toBeNull();
      if (checked.subjectId === null) triesLeft.push(checked.triesLeft);
    }
    expect(triesLeft).toEqual([4, 3, 2, 1, 0]);
    expect(await verifyPortalCode(web1on1, jan, issued.code, now)).toEqual({ subjectId: null, triesLeft: 0 });
    expect(await verifyPortalLink(web1on1, issued.token, minutes(now, 1))).toBe((await subjectOf(web1on1, jan)).id);
  });

  it("four wrong tries still leave the right code usable", async () => {
    const now = nextDay();
    const issued = (await issuePortalSignIn(web1on1, jan, now))!;
    for (let i = 0; i < limits.portalCodeTriesPerAddress.max - 1; i++) expect((await verifyPortalCode(web1on1, jan, wrongCode(issued.code), now)).subjectId).toBeNull();
    expect(await verifyPortalCode(web1on1, jan, issued.code, now)).toEqual({ subjectId: (await subjectOf(web1on1, jan)).id });
  });

  it("a stranger who used up the tries blocks typing codes for a quarter of an hour at most: then a newly mailed code works", async () => {
    const now = nextDay();
    const first = (await issuePortalSignIn(web1on1, jan, now))!;
    for (let i = 0; i < limits.portalCodeTriesPerAddress.max; i++) await verifyPortalCode(web1on1, jan, wrongCode(first.code), now);
    const later = minutes(now, limits.portalCodeTriesPerAddress.windowSeconds / 60);
    const second = (await issuePortalSignIn(web1on1, jan, later))!;
    expect(await verifyPortalCode(web1on1, jan, second.code, later)).toEqual({ subjectId: (await subjectOf(web1on1, jan)).id });
  });

  it("only the newest code counts, so one guess is compared with one code; an older mail's link still works", async () => {
    const now = nextDay();
    const older = (await issuePortalSignIn(inone, jan, now))!;
    const newer = (await issuePortalSignIn(inone, jan, minutes(now, 1)))!;
    expect((await verifyPortalCode(inone, jan, older.code, minutes(now, 2))).subjectId).toBeNull();
    expect(await verifyPortalLink(inone, older.token, minutes(now, 2))).toBe((await subjectOf(inone, jan)).id);
    const third = (await issuePortalSignIn(inone, jan, minutes(now, 3)))!;
    expect((await verifyPortalCode(inone, jan, newer.code, minutes(now, 4))).subjectId).toBeNull();
    expect((await verifyPortalCode(inone, jan, third.code, minutes(now, 4))).subjectId).toBe((await subjectOf(inone, jan)).id);
  });

  it("an address gets at most the daily number of tries, over all its codes, and an unknown address gets the same answers as a known one", async () => {
    const unknown = "guess-me@example.com";
    const start = nextDay();
    const answers: Record<string, Array<number | null>> = { known: [], unknown: [] };
    const windows = limits.portalCodeTriesPerAddressDaily.max / limits.portalCodeTriesPerAddress.max;
    for (let w = 0; w <= windows; w++) {
      const at = minutes(start, (w * limits.portalCodeTriesPerAddress.windowSeconds) / 60);
      await issuePortalSignIn(web1on1, jan, at);
      for (let i = 0; i < limits.portalCodeTriesPerAddress.max; i++) {
        for (const [who, email] of [["known", jan], ["unknown", unknown]] as const) {
          const checked = await verifyPortalCode(web1on1, email, "000000", at);
          answers[who].push(checked.subjectId === null ? checked.triesLeft : null);
        }
      }
    }
    expect(answers.known).toEqual(answers.unknown);
    // After the daily tries no code is compared at all, however many new ones are mailed.
    const tomorrowish = minutes(start, (windows * limits.portalCodeTriesPerAddress.windowSeconds) / 60 + 1);
    const fresh = (await issuePortalSignIn(web1on1, jan, tomorrowish))!;
    expect(await verifyPortalCode(web1on1, jan, fresh.code, tomorrowish)).toEqual({ subjectId: null, triesLeft: 0 });
    expect(await verifyPortalLink(web1on1, fresh.token, tomorrowish)).toBe((await subjectOf(web1on1, jan)).id);
  });

  it("a code or link issued at tenant A does not sign in at tenant B", async () => {
    const now = nextDay();
    const issued = (await issuePortalSignIn(inone, jan, now))!;
    expect((await verifyPortalCode(web1on1, jan, issued.code, now)).subjectId).toBeNull();
    expect(await verifyPortalLink(web1on1, issued.token, now)).toBeNull();
    // Still unused at A: the failed tries at B did not touch it.
    expect(await verifyPortalLink(inone, issued.token, now)).toBe((await subjectOf(inone, jan)).id);
    expect(await verifyPortalLink(inone, issued.token, now)).toBeNull();
  });

  it("mails an address at most three codes in ten minutes, counted alike for known and unknown addresses", async () => {
    const stranger = "unknown-flood@example.com";
    const overdue = "overdue@example.com";
    const before = (await outboxTo(overdue)).length;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(nextDay());
      const refusals: Record<string, string[]> = { [overdue]: [], [stranger]: [] };
      for (const email of [overdue, stranger]) {
        for (let i = 0; i <= limits.portalCodePerAddress.max; i++) {
          const error = await requestPortalSignIn(inone, email, "nl").then(
            () => null,
            (e: unknown) => e,
          );
          refusals[email].push(error instanceof ActionError ? error.key : "sent");
        }
      }
      expect(refusals[overdue]).toEqual([...Array(limits.portalCodePerAddress.max).fill("sent"), "rateLimited"]);
      expect(refusals[stranger]).toEqual(refusals[overdue]);
      expect((await outboxTo(overdue)).length).toBe(before + limits.portalCodePerAddress.max);
      // Ten minutes later, when the last code mailed has just expired, the owner can ask again.
      vi.setSystemTime(new Date(Date.now() + limits.portalCodePerAddress.windowSeconds * 1000));
      await requestPortalSignIn(inone, overdue, "nl");
      expect((await outboxTo(overdue)).length).toBe(before + limits.portalCodePerAddress.max + 1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("consent", () => {
  it("giving and withdrawing append events with version, wording and channel; the latest counts", async () => {
    const subject = await subjectOf(inone, jan);
    expect((await consentStates(inone, subject.id)).find((s) => s.key === "newsletter")?.given).toBe(null);
    expect(await setConsent(inone, subject.id, { purposeKey: "newsletter", given: true, locale: "nl", channel: "portal" })).toEqual({ changed: true });
    expect((await consentStates(inone, subject.id)).find((s) => s.key === "newsletter")?.given).toBe(true);
    expect(await setConsent(inone, subject.id, { purposeKey: "newsletter", given: false, locale: "en", channel: "portal" })).toEqual({ changed: true });
    expect(await setConsent(inone, subject.id, { purposeKey: "newsletter", given: false, locale: "en", channel: "portal" })).toEqual({ changed: false });
    await setConsent(inone, subject.id, { purposeKey: "profiling", given: true, locale: "nl", channel: "portal" });
    const states = await consentStates(inone, subject.id);
    expect(states.find((s) => s.key === "newsletter")?.given).toBe(false);
    expect(states.find((s) => s.key === "profiling")?.given).toBe(true);
    const history = await consentHistory(inone, subject.id);
    const withdrawal = history.find((e) => e.purposeKey === "newsletter" && !e.given)!;
    const published = await platformDb().policyVersion.findFirst({ where: { tenantId: inone.id, status: "PUBLISHED" }, orderBy: { number: "desc" } });
    expect(withdrawal).toMatchObject({ statementVersion: published!.number, channel: "portal", locale: "en" });
    expect(withdrawal.wording).toBe("Consent newsletter\n\nWe ask your consent for newsletter.");
  });

  it("a change emits consent.changed to endpoints that subscribe, in the same transaction, without the address", async () => {
    const subject = await subjectOf(inone, jan);
    const endpoint = await platformDb().webhookEndpoint.create({
      data: { tenantId: inone.id, url: "https://hooks.example.com/consent", secret: "s", events: ["consent.changed"] },
    });
    try {
      const at = new Date("2026-03-01T10:00:00Z");
      expect(await setConsent(inone, subject.id, { purposeKey: "product-updates", given: true, locale: "nl", channel: "portal" }, at)).toEqual({ changed: true });
      const deliveries = await platformDb().webhookDelivery.findMany({ where: { tenantId: inone.id, endpointId: endpoint.id, eventType: "consent.changed" } });
      expect(deliveries).toHaveLength(1);
      expect((deliveries[0].payload as { data: unknown }).data).toEqual({
        subjectId: subject.id,
        purposeKey: "product-updates",
        given: true,
        channel: "portal",
        wordingVersion: 1,
        at: at.toISOString(),
      });
      expect(JSON.stringify(deliveries[0].payload)).not.toContain(jan);
      // No change, no event.
      await setConsent(inone, subject.id, { purposeKey: "product-updates", given: true, locale: "nl", channel: "portal" });
      expect(await platformDb().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    } finally {
      await platformDb().webhookDelivery.deleteMany({ where: { endpointId: endpoint.id } });
      await platformDb().webhookEndpoint.delete({ where: { id: endpoint.id } });
    }
  });

  it("the consent history is append-only: UPDATE and DELETE by SQL both fail", async () => {
    const raw = await rawSql();
    try {
      const [row] = await raw.query<{ id: string }>(`SELECT id FROM "ConsentEvent" LIMIT 1`);
      await expect(raw.query(`UPDATE "ConsentEvent" SET "given" = NOT "given" WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      await expect(raw.query(`DELETE FROM "ConsentEvent" WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
      const [still] = await raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM "ConsentEvent" WHERE id = $1`, [row.id]);
      expect(still.count).toBe(1);
    } finally {
      await raw.close();
    }
  });

  it("a deactivated purpose can be withdrawn but not given", async () => {
    const subject = await subjectOf(inone, jan);
    const purpose = await platformDb().consentPurpose.findFirstOrThrow({ where: { tenantId: inone.id, key: "profiling" } });
    await setConsentPurposeActive({ tenant: inone, user: { id: "u", email: "owner@inone.example" } }, { id: purpose.id, active: false });
    expect((await consentStates(inone, subject.id)).some((s) => s.key === "profiling" && !s.active)).toBe(true);
    await setConsent(inone, subject.id, { purposeKey: "profiling", given: false, locale: "nl", channel: "portal" });
    await expectRefused(setConsent(inone, subject.id, { purposeKey: "profiling", given: true, locale: "nl", channel: "portal" }), "consentInactive");
    expect((await consentStates(inone, subject.id)).some((s) => s.key === "profiling")).toBe(false);
  });
});

describe("consent that proves itself (art. 7(1))", () => {
  const owner = () => ({ tenant: inone, user: { id: "u", email: "owner@inone.example" } });
  const texts = { titleNl: "Persoonlijke aanbevelingen", titleEn: "Personal recommendations", descriptionNl: "Voorstellen op basis van uw bestellingen.", descriptionEn: "Suggestions based on your orders." };

  it("the portal asks consent for exactly the statement's consent-based purposes", async () => {
    const seeded = await platformDb().tenant.findMany({ where: { slug: { in: ["allatonce", "inqonto", "superoffice"] } }, orderBy: { slug: "asc" } });
    const asked = async (tenant: Tenant) => {
      const someone = await platformDb().subject.create({ data: { tenantId: tenant.id, email: `asked-${tenant.slug}@example.com` } });
      return (await consentStates(tenant, someone.id)).map((s) => [s.key, localizedTitle(s.title)]);
    };
    const localizedTitle = (title: { en: string }) => title.en;
    // ALL@ONCE's statement bases nothing on consent; inqonto and SuperOffice one purpose each.
    expect(await Promise.all(seeded.map(asked))).toEqual([[], [["newsletter", "Newsletter"]], [["marketing", "Marketing you signed up for"]]]);
    const w = await subjectOf(web1on1, jan);
    expect((await consentStates(web1on1, w.id)).map((s) => [s.key, s.title.en, s.given])).toEqual([["marketing", "Marketing and newsletter", true]]);
  });

  it("a purpose not tied to a consent-based purpose of the statement in force is not asked, and giving it is refused", async () => {
    const subject = await subjectOf(inone, jan);
    await createConsentPurpose(owner(), { ...texts, key: "untied" });
    expect((await consentStates(inone, subject.id)).some((s) => s.key === "untied")).toBe(false);
    await expectRefused(setConsent(inone, subject.id, { purposeKey: "untied", given: true, locale: "nl", channel: "portal" }), "consentInactive");
    // Tying it to a purpose the statement bases on contract is refused too.
    const contract = await platformDb().purpose.findFirstOrThrow({ where: { tenantId: inone.id, legalBasis: { not: "CONSENT" } } });
    const untied = await platformDb().consentPurpose.findFirstOrThrow({ where: { tenantId: inone.id, key: "untied" } });
    await expectRefused(updateConsentPurpose(owner(), { id: untied.id, ...texts, statementPurpose: contract.uid }), "notConsentBasedPurpose");
  });

  it("a reworded purpose asks again: consent to the old wording shows as such, and a stale form is refused", async () => {
    const subject = await subjectOf(inone, jan);
    await createConsentPurpose(owner(), { ...texts, key: "recommendations", statementPurpose: "test-profiling" });
    const purpose = await platformDb().consentPurpose.findFirstOrThrow({ where: { tenantId: inone.id, key: "recommendations" } });
    const first = (await consentStates(inone, subject.id)).find((s) => s.key === "recommendations")!;
    expect(first).toMatchObject({ version: 1, given: null, asked: true, earlierWording: false });
    await setConsent(inone, subject.id, { purposeKey: "recommendations", given: true, locale: "en", channel: "portal", versionId: first.versionId });

    // Saving the same wording makes no new version and keeps the consent current.
    await updateConsentPurpose(owner(), { id: purpose.id, ...texts });
    expect((await consentStates(inone, subject.id)).find((s) => s.key === "recommendations")).toMatchObject({ version: 1, given: true, earlierWording: false });

    // "Personal recommendations" renamed to "Profiling and resale": a new version, and the portal asks again.
    await updateConsentPurpose(owner(), { id: purpose.id, ...texts, titleEn: "Profiling and resale", titleNl: "Profilering en doorverkoop" });
    const reworded = (await consentStates(inone, subject.id)).find((s) => s.key === "recommendations")!;
    expect(reworded).toMatchObject({ version: 2, given: true, givenVersion: 1, earlierWording: true });
    expect(reworded.title.en).toBe("Profiling and resale");
    expect(reworded.versionId).not.toBe(first.versionId);

    // The form that still showed version 1 is refused; the record keeps the words the person saw.
    await expectRefused(setConsent(inone, subject.id, { purposeKey: "recommendations", given: true, locale: "en", channel: "portal", versionId: first.versionId }), "consentWordingChanged");
    const [given] = (await consentHistory(inone, subject.id)).filter((e) => e.purposeKey === "recommendations");
    expect(given).toMatchObject({ given: true, purposeVersionId: first.versionId, purposeVersion: 1, wording: "Personal recommendations\n\nSuggestions based on your orders." });

    // Consent to the new wording counts as a change and is current again.
    expect(await setConsent(inone, subject.id, { purposeKey: "recommendations", given: true, locale: "en", channel: "portal", versionId: reworded.versionId })).toEqual({ changed: true });
    expect((await consentStates(inone, subject.id)).find((s) => s.key === "recommendations")).toMatchObject({ given: true, givenVersion: 2, earlierWording: false });
    const latest = (await consentHistory(inone, subject.id)).find((e) => e.purposeKey === "recommendations")!;
    expect(latest.wording).toBe("Profiling and resale\n\nSuggestions based on your orders.");

    // Withdrawing is never refused for a stale form (art. 7(3)); it records the wording that form showed.
    expect(await setConsent(inone, subject.id, { purposeKey: "recommendations", given: false, locale: "en", channel: "portal", versionId: first.versionId })).toEqual({ changed: true });
    expect((await consentHistory(inone, subject.id)).find((e) => e.purposeKey === "recommendations")).toMatchObject({ given: false, purposeVersion: 1 });
  });

  it("a wording once stored cannot be changed by SQL", async () => {
    const raw = await rawSql();
    try {
      const [row] = await raw.query<{ id: string }>(`SELECT id FROM "ConsentPurposeVersion" LIMIT 1`);
      await expect(raw.query(`UPDATE "ConsentPurposeVersion" SET "title" = '{}' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    } finally {
      await raw.close();
    }
  });
});

describe("profile", () => {
  const input = (overrides: Record<string, string>) =>
    profileSchema.parse({ name: "Jan Jansen", email: jan, phone: "+31 6 12345678", postalAddress: "Dorpsstraat 12\n1234 AB Ergenshuizen", companyName: "Bakkerij Jansen", vatNumber: "NL123456789B01", preferredLocale: "nl", ...overrides });

  it("appends each change to the history, by the subject", async () => {
    const subject = await subjectOf(inone, jan);
    const result = await updateProfile(inone, subject.id, input({ phone: "+31 6 87654321" }), { customerNumber: "IN-10042" }, "nl");
    expect(result).toEqual({ changed: ["phone"], pendingEmail: null });
    const changes = await platformDb().profileChange.findMany({ where: { subjectId: subject.id } });
    expect(changes).toEqual([expect.objectContaining({ field: "phone", oldValue: "+31 6 12345678", newValue: "+31 6 87654321", changedBy: "subject" })]);
  });

  it("checks phone and VAT numbers", () => {
    const bad = profileSchema.safeParse({ ...input({}), phone: "call me", vatNumber: "12" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message).sort()).toEqual(["phone", "vatNumber"]);
  });

  it("uses a new address only after the link sent to it is followed", async () => {
    const subject = await subjectOf(web1on1, jan);
    const result = await updateProfile(web1on1, subject.id, input({ email: "jan.new@example.com", name: subject.name!, preferredLocale: "en", phone: subject.phone!, postalAddress: "", companyName: subject.companyName!, vatNumber: "" }), { dealerCode: "W1-7781" }, "en");
    expect(result.pendingEmail).toBe("jan.new@example.com");
    expect((await subjectOf(web1on1, jan)).pendingEmail).toBe("jan.new@example.com");
    const mail = (await outboxTo("jan.new@example.com")).at(-1)!;
    const token = /\/portal\/email\?token=(\S+)/.exec(mail.text)![1];
    expect(await confirmEmailChange(inone, token)).toBe("invalid");
    expect(await confirmEmailChange(web1on1, token)).toBe("confirmed");
    const moved = await platformDb().subject.findFirstOrThrow({ where: { id: subject.id } });
    expect(moved).toMatchObject({ email: "jan.new@example.com", pendingEmail: null, pendingEmailHash: null });
    expect(await confirmEmailChange(web1on1, token)).toBe("invalid");
    expect((await outboxTo(jan)).at(-1)!.subject).toMatch(/changed/);
    // Put it back for the other tests.
    await platformDb().subject.update({ where: { id: subject.id }, data: { email: jan } });
  });
});

describe("records and the access log", () => {
  it("groups records by category and source, newest first, and pages on", async () => {
    const subject = await subjectOf(inone, jan);
    const overview = await recordOverview(inone, subject.id, 2);
    expect(overview.map((c) => [c.category, c.count])).toEqual([
      ["orders", 4],
      ["support", 2],
    ]);
    const platform = overview[0].groups.find((g) => g.sourceSystem === "ordering-platform")!;
    expect(platform.count).toBe(3);
    expect(platform.newest.map((r) => (r.fields as { order: string }).order)).toEqual(["IN-2026-01020", "IN-2026-00954"]);
    const first = await recordPage(inone, subject.id, { category: "orders", sourceSystem: "ordering-platform" }, null, 2);
    expect(first.records).toHaveLength(2);
    const second = await recordPage(inone, subject.id, { category: "orders", sourceSystem: "ordering-platform" }, first.nextBefore, 2);
    expect(second.records.map((r) => (r.fields as { order: string }).order)).toEqual(["IN-2026-00871"]);
    expect(second.nextBefore).toBeNull();
  });

  it("shows staff and systems, not the person's own actions", async () => {
    const subject = await subjectOf(inone, jan);
    await withTenant(inone.id, (tx) =>
      tx.auditEvent.createMany({
        data: [
          { tenantId: inone.id, actorType: "user", actorLabel: "owner@inone.example", action: "subject.read", subjectId: subject.id },
          { tenantId: inone.id, actorType: "apiKey", actorLabel: "CRM", action: "subject.update", subjectId: subject.id },
        ],
      }),
    );
    const log = await accessLog(inone, subject.id);
    expect(log.events.map((e) => e.actorType).sort()).toEqual(["apiKey", "user"]);
    expect((await accessLog(web1on1, subject.id)).events).toEqual([]);
  });
});

describe("another tenant's people cannot be reached by guessing", () => {
  it("ids and addresses of tenant A give not-found at tenant B and change nothing", async () => {
    const a = await subjectOf(inone, jan);
    const before = await platformDb().subject.findUniqueOrThrow({ where: { id: a.id } });
    await expectRefused(updateProfile(web1on1, a.id, profileSchema.parse({ email: jan, name: "X", phone: "", postalAddress: "", companyName: "", vatNumber: "", preferredLocale: "en" }), {}, "en"));
    await expectRefused(setConsent(web1on1, a.id, { purposeKey: "newsletter", given: true, locale: "en", channel: "portal" }));
    expect(await consentStates(web1on1, a.id)).toEqual(expect.arrayContaining([expect.objectContaining({ given: null })]));
    expect(await recordOverview(web1on1, a.id)).toEqual([]);
    expect((await recordPage(web1on1, a.id, { category: "orders" })).records).toEqual([]);
    const after = await platformDb().subject.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toEqual(before);
  });

  it("settings rows of tenant A cannot be changed from tenant B", async () => {
    const purpose = await platformDb().consentPurpose.findFirstOrThrow({ where: { tenantId: inone.id, key: "newsletter" } });
    const field = await platformDb().profileField.findFirstOrThrow({ where: { tenantId: inone.id } });
    const actor = { tenant: web1on1, user: { id: "u", email: "owner@web1on1.example" } };
    await expectRefused(updateConsentPurpose(actor, { id: purpose.id, titleNl: "x", titleEn: "x", descriptionNl: "x", descriptionEn: "x" }));
    await expectRefused(setConsentPurposeActive(actor, { id: purpose.id, active: false }));
    await expectRefused(updateProfileField(actor, { id: field.id, labelNl: "x", labelEn: "x" }));
    expect(await platformDb().consentPurpose.findUniqueOrThrow({ where: { id: purpose.id } })).toEqual(purpose);
    expect(await platformDb().profileField.findUniqueOrThrow({ where: { id: field.id } })).toEqual(field);
  });

  it("purpose keys are unique per tenant, not across tenants", async () => {
    const actor = { tenant: web1on1, user: { id: "u", email: "owner@web1on1.example" } };
    await createConsentPurpose(actor, { key: "profiling", titleNl: "Profilering", titleEn: "Profiling", descriptionNl: "x", descriptionEn: "x" });
    await expectRefused(createConsentPurpose(actor, { key: "profiling", titleNl: "a", titleEn: "a", descriptionNl: "a", descriptionEn: "a" }), "keyTaken");
  });
});

describe("statement changes", () => {
  it("portal users who asked are mailed in their own language, once even when also subscribed", async () => {
    const english = await subjectOf(web1on1, jan);
    await setStatementNotifications(web1on1, english.id, true);
    await withTenant(web1on1.id, (tx) =>
      tx.statementSubscription.create({ data: { tenantId: web1on1.id, email: jan, locale: "nl", tokenHash: "test-subscription", confirmedAt: new Date() } }),
    );
    const before = (await outboxTo(jan)).length;
    const told = await notifyMaterialChange(web1on1, { number: 9, changeSummary: { nl: "Nieuwe ontvangers", en: "New recipients" } });
    expect(told).toBe(1);
    const mails = (await outboxTo(jan)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/privacy statement has changed/);
    expect(mails[0].text).toContain("New recipients");
    expect(mails[0].text).toContain("privacy portal of Web1on1");
    await setStatementNotifications(web1on1, english.id, false);
    await expectRefused(setStatementNotifications(inone, english.id, true));
  });
});
