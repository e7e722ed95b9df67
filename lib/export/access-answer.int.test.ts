import type { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { readVersionContent } from "@/lib/policy/store";
import { createDraft, publishDraft } from "@/lib/policy/versions";
import { completeRequest, recordRequest, recordSchema, type StaffContext } from "@/lib/requests/admin";
import { createRequest } from "@/lib/requests/requests";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { accessInformation } from "./access-information";
import { answerDownloadFile, answerDownloadState, confirmAnswerCode, linkDays, sendAnswerCode } from "./answer-download";
import type { ExportDocument } from "./schema";

useTestDatabase();

let inone: Tenant;
let web1on1: Tenant;
let staff: StaffContext;
const jan = "jan.jansen@example.com";

const outboxTo = (email: string) => platformDb().outboxMail.findMany({ where: { to: email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const subjectOf = (tenant: Tenant, email: string) => platformDb().subject.findFirstOrThrow({ where: { tenantId: tenant.id, email } });
const today = () => new Date().toISOString().slice(0, 10);

/** A request staff record as arrived by e-mail (no portal account needed). */
const recorded = (email: string, type: "ACCESS" | "PORTABILITY" = "ACCESS", locale: "nl" | "en" = "nl") =>
  recordRequest(
    staff,
    recordSchema.parse({ type, channel: "email", requesterEmail: email, requesterName: "", locale, details: "", purpose: "", target: type === "PORTABILITY" ? "Other B.V." : "", receivedOn: today() }),
  );

async function rejection(work: Promise<unknown>): Promise<string | null> {
  return work.then(
    () => null,
    (error: unknown) => (error instanceof ActionError ? error.key : String(error)),
  );
}

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on("end", () => resolve(files));
      zip.on("entry", (entry: yauzl.Entry) =>
        zip.openReadStream(entry, async (openError, stream) => {
          if (openError || !stream) return reject(openError);
          const chunks: Buffer[] = [];
          for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
          files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
          zip.readEntry();
        }),
      );
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants.filter((d) => ["inone", "web1on1"].includes(d.tenant.slug)));
  inone = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "inone" } });
  web1on1 = await platformDb().tenant.findUniqueOrThrow({ where: { slug: "web1on1" } });
  const user = await platformDb().user.findUniqueOrThrow({ where: { email: "owner@inone.example" } });
  staff = { tenant: inone, user: { id: user.id, email: user.email } };
});

describe("accessInformation: art. 15(1)(a)–(h) and 15(2) from inONE's statement in force", () => {
  let info: Awaited<ReturnType<typeof accessInformation>>;
  beforeAll(async () => {
    info = await accessInformation(inone, (await subjectOf(inone, jan)).id, new Date(), "en");
  });

  it("names the statement version it was taken from: the newest published at that moment", async () => {
    expect(info.statement).toMatchObject({ version: 2, publishedAt: "2026-02-16T09:00:00.000Z" });
    expect(info.statement!.url).toMatch(/\/en\/t\/inone\/v\/2$/);
    // Version 1 was in force in mid-2025; it had no Mixpanel among the recipients.
    const earlier = await accessInformation(inone, null, new Date("2025-06-01T00:00:00Z"), "en");
    expect(earlier.statement?.version).toBe(1);
    expect(earlier.recipients.map((r) => r.name)).not.toContain("Mixpanel");
    expect(info.recipients.map((r) => r.name)).toContain("Mixpanel");
  });

  it("art. 15(1)(a): the purposes, each with its legal basis and the legitimate interest", () => {
    const informing = info.purposes.find((p) => p.name === "Informing people who are exploring inONE")!;
    expect(informing.legalBasis.code).toBe("LEGITIMATE_INTEREST");
    expect(informing.legitimateInterest).toMatch(/^Keeping people who show interest in our platform up to date/);
    expect(informing.dataCategories).toEqual(["Contact details", "Usage and device data"]);
    expect(info.purposes.some((p) => p.legalBasis.code === "CONTRACT")).toBe(true);
  });

  it("art. 15(1)(b): the statement's categories and those of the records held on the person", () => {
    expect(info.categories.statement.map((c) => c.key)).toEqual(["contact", "payment", "usage"]);
    expect(info.categories.records.map((c) => c.category)).toContain("orders");
  });

  it("art. 15(1)(c): the recipients, with third countries", () => {
    // inONE's statement does not say where each processor processes data: no country, and so no transfer claimed.
    expect(info.recipients.find((r) => r.name === "Salesforce")).toMatchObject({ country: null, outsideEea: false, role: { code: expect.any(String) } });
    expect(info.recipients.find((r) => r.name === "Adyen")).toMatchObject({ country: null, outsideEea: false });
  });

  it("art. 15(1)(d): retention per category: inONE states criteria, no fixed period", () => {
    expect(info.retention).toHaveLength(3);
    expect(info.retention[0]).toMatchObject({ category: "Contact details", period: null, criteria: expect.stringMatching(/^No fixed period/) });
  });

  it("art. 15(1)(e): the rights to rectification, erasure, restriction and objection", () => {
    expect(info.rights.map((r) => r.code)).toEqual(["rectification", "erasure", "restriction", "objection"]);
    expect(info.rights.every((r) => r.title && r.description)).toBe(true);
  });

  it("art. 15(1)(f): the right to complain and the authorities page; inONE names no lead authority", () => {
    expect(info.complaint.authority).toBeNull();
    expect(info.complaint.authoritiesUrl).toMatch(/\/en\/authorities$/);
    expect(info.complaint.text).toContain(info.complaint.authoritiesUrl);
  });

  it("art. 15(1)(g): the source: the systems that recorded the person's records, and the statement's sources", () => {
    expect(info.sources.systems).toEqual(expect.arrayContaining(["app", "ordering-platform"]));
    expect(info.sources.statement).toEqual([{ category: "Contact details", source: expect.stringMatching(/^suppliers on the platform/) }]);
  });

  it("art. 15(1)(h): automated decision-making is not declared in the statement, and the answer says so", () => {
    expect(info.automatedDecisions).toEqual({ stated: false, text: "Not stated in the privacy statement." });
    expect(info.notStated).toBe("Not stated in the privacy statement.");
  });

  it("art. 15(2): transfers outside the EEA with their safeguard, and those whose country is not stated", () => {
    // inONE's statement does not say where its processors process data (issue 12: no country is made up).
    expect(info.transfers.find((x) => x.recipient === "Salesforce")).toEqual({ recipient: "Salesforce", country: null, safeguard: null });
    expect(info.transfers.find((x) => x.recipient === "NewVoiceMedia")).toEqual({ recipient: "NewVoiceMedia", country: null, safeguard: null });
  });

  it("before any published statement: every statement item is not stated, nothing is made up", async () => {
    const none = await accessInformation(inone, null, new Date("2020-01-01T00:00:00Z"), "nl");
    expect(none.statement).toBeNull();
    expect(none).toMatchObject({ purposes: [], recipients: [], retention: [], transfers: [], categories: { statement: [], records: [] }, sources: { systems: [], statement: [] } });
    expect(none.notStated).toBe("Niet vermeld in de privacyverklaring.");
    expect(none.rights).toHaveLength(4);
  });
});

describe("completing an access request", () => {
  it("attaches an export whose data.json and summary.html carry the art. 15 information; a portal request is answered in the portal", async () => {
    const subject = await subjectOf(inone, jan);
    const { request } = await createRequest(inone, { kind: "subject", subjectId: subject.id }, { type: "ACCESS", details: "", target: null, locale: "nl" });
    await completeRequest(staff, { reference: request.reference, note: "" });
    const attachment = await withTenant(inone.id, (tx) => tx.requestAttachment.findFirstOrThrow({ where: { tenantId: inone.id, requestId: request.id } }));
    const files = await unzip(Buffer.from(attachment.data));
    const document = JSON.parse(files.get("data.json")!) as ExportDocument;
    expect(document.schemaVersion).toBe(2);
    expect(document.accessInformation.statement?.version).toBe(2);
    expect(document.accessInformation.transfers.map((x) => x.recipient)).toContain("Salesforce");
    expect(files.get("summary.html")).toContain("Doelen en rechtsgronden (art. 15 lid 1 onder a)");
    expect(await platformDb().answerDownload.count({ where: { attachmentId: attachment.id } })).toBe(0);
    const mail = (await outboxTo(jan)).at(-1)!;
    expect(mail.text).toContain("Uw kopie staat klaar in het portaal van inONE");
    expect(mail.text).not.toContain("/answer?token=");
  });

  it("says plainly that no personal data is held when the tenant has nothing on the address, instead of an empty export", async () => {
    const request = await recorded("nobody-here@example.net");
    const completed = await completeRequest(staff, { reference: request.reference, note: "" });
    expect(completed).toMatchObject({ status: "COMPLETED", nothingHeld: true });
    expect(await withTenant(inone.id, (tx) => tx.requestAttachment.count({ where: { tenantId: inone.id, requestId: request.id } }))).toBe(0);
    const mail = (await outboxTo("nobody-here@example.net")).at(-1)!;
    expect(mail.text).toContain("inONE heeft geen persoonsgegevens over u (nobody-here@example.net) vastgelegd");
    const audit = await platformDb().auditEvent.findFirstOrThrow({ where: { tenantId: inone.id, action: "request.complete", targetId: request.id } });
    expect(audit.details).toMatchObject({ attachedExport: false, nothingHeld: true });
  });

  it("does not say nothing is held when the address made another request (the tenant holds that)", async () => {
    await recorded("asked-before@example.net", "PORTABILITY");
    const request = await recorded("asked-before@example.net");
    expect(await completeRequest(staff, { reference: request.reference, note: "" })).toMatchObject({ nothingHeld: false });
    expect((await outboxTo("asked-before@example.net")).at(-1)!.text).not.toContain("geen persoonsgegevens");
  });
});

describe("the expiring download link for a requester without a portal request", () => {
  let token: string;
  let reference: string;

  beforeAll(async () => {
    const request = await recorded(jan, "ACCESS", "en");
    reference = request.reference;
    await completeRequest(staff, { reference, note: "" });
    const mail = (await outboxTo(jan)).at(-1)!;
    token = /\/nl\/t\/inone\/answer\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  });

  it("is mailed on completion, stored only as a hash, and works for 7 days", async () => {
    const rows = await platformDb().answerDownload.findMany({ where: { tenantId: inone.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(linkDays * 86_400_000);
    // Jan's portal language is Dutch, so the mail is; the link names the request's copy, not the data.
    expect((await outboxTo(jan)).at(-1)!.text).toContain("Uw kopie staat klaar. Open de link hieronder");
  });

  it("hands over nothing before the address is confirmed again", async () => {
    expect(await answerDownloadState(inone, token, undefined)).toMatchObject({ kind: "confirm", reference, maskedEmail: "j…@example.com", codeSent: false });
    expect(await answerDownloadFile(inone, token, undefined)).toEqual({ status: 403 });
    expect(await rejection(confirmAnswerCode(inone, token, "123456"))).toBe("signInCode");
  });

  it("is unknown at another tenant (404), whatever it holds", async () => {
    expect(await answerDownloadState(web1on1, token, undefined)).toEqual({ kind: "unknown" });
    expect(await answerDownloadFile(web1on1, token, undefined)).toEqual({ status: 404 });
    expect(await rejection(sendAnswerCode(web1on1, token))).toBe("linkInvalid");
    expect(await answerDownloadFile(inone, "not-a-token", undefined)).toEqual({ status: 404 });
  });

  it("works once the fresh code mailed to the same address is typed, for that browser only", async () => {
    const before = (await outboxTo(jan)).length;
    await sendAnswerCode(inone, token);
    const mails = await outboxTo(jan);
    expect(mails).toHaveLength(before + 1);
    const code = /: (\d{6})\./.exec(mails.at(-1)!.text)![1];
    expect(await answerDownloadState(inone, token, undefined)).toMatchObject({ kind: "confirm", codeSent: true });
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await rejection(confirmAnswerCode(inone, token, wrong))).toBe("signInCode");
    expect(await rejection(confirmAnswerCode(web1on1, token, code))).toBe("linkInvalid");

    const { grant } = await confirmAnswerCode(inone, token, code);
    expect(await answerDownloadState(inone, token, grant)).toMatchObject({ kind: "ready", reference, filename: expect.stringMatching(/^inzage-inone-.*\.zip$/) });
    const file = await answerDownloadFile(inone, token, grant);
    expect(file.status).toBe(200);
    if (file.status === 200) expect(Buffer.from(file.attachment.data.subarray(0, 2)).toString()).toBe("PK");
    // The code is used up; another browser (no grant, or a made-up one) still gets nothing.
    expect(await rejection(confirmAnswerCode(inone, token, code))).toBe("signInCode");
    expect(await answerDownloadFile(inone, token, "forged-grant")).toEqual({ status: 403 });
    expect(await answerDownloadFile(web1on1, token, grant)).toEqual({ status: 404 });
  });

  it("is gone after 7 days (410): no code, no file", async () => {
    const later = new Date(Date.now() + (linkDays + 1) * 86_400_000);
    expect(await answerDownloadState(inone, token, undefined, later)).toEqual({ kind: "expired" });
    expect(await answerDownloadFile(inone, token, undefined, later)).toEqual({ status: 410 });
    expect(await rejection(sendAnswerCode(inone, token, later))).toBe("linkInvalid");
  });
});

describe("art. 15(1)(h) as the statement in force declares it", () => {
  it("a statement that describes automated decisions gives its logic and consequences in the answer", async () => {
    await withPlatform(async (tx) => {
      const latest = await tx.policyVersion.findFirstOrThrow({ where: { tenantId: web1on1.id, status: "PUBLISHED" }, orderBy: { number: "desc" } });
      const content = await readVersionContent(tx, web1on1.id, latest.id);
      const declarations = {
        ...content.declarations,
        automatedDecisions: "DESCRIBED" as const,
        automatedDecisionLogic: { nl: "Een score op betaalgedrag.", en: "A score on payment history." },
        automatedDecisionConsequences: { nl: "U kunt op rekening kopen of niet.", en: "Whether you may buy on account." },
      };
      await createDraft(tx, web1on1.id, { ...content, declarations });
      await publishDraft(tx, web1on1, { changeSummary: { nl: "Test", en: "Test" }, materialChange: false, gaps: [] });
    });
    const info = await accessInformation(web1on1, null, new Date(), "en");
    expect(info.automatedDecisions.stated).toBe(true);
    expect(info.automatedDecisions.text).toContain("A score on payment history.");
    expect(info.automatedDecisions.text).toContain("Whether you may buy on account.");
  });
});
