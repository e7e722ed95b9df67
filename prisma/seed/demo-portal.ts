import type { ConsentPurposeVersion, Prisma, Tenant } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import type { TenantTx } from "@/lib/db/tenant-db";
import type { LocalizedText } from "@/lib/policy/content";
import { dueDate, tenantCalendar } from "@/lib/requests/deadline";
import { newReference, requesterEmailHash } from "@/lib/requests/reference";

/**
 * Portal demo data per demo tenant: consent purposes (only where the statement bases a
 * purpose on consent), profile fields, and for inONE and Web1on1 the person
 * jan.jansen@example.com with a profile, records, an open request and, at Web1on1, a consent; inONE also has overdue@example.com with an access request
 * received 40 days ago. Rows that are already there are left alone.
 */

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const day = 86_400_000;

/**
 * A consent purpose of a demo tenant. Its wording is that of the statement purpose it is
 * asked for (found by its English name among the published statement's purposes with
 * legal basis CONSENT), so the portal asks exactly what the statement bases on consent
 * (../shared/reference/seed-facts.md); a statement without one asks nothing.
 */
interface DemoPurpose {
  key: string;
  statementPurpose: string;
  /**
   * Art. 21(2)-(3): set only where the tenant's statement (../shared/reference/seed-facts.md)
   * names the purpose as marketing or a newsletter.
   */
  directMarketing?: boolean;
}

interface DemoSubject {
  email: string;
  profile: Omit<Prisma.SubjectCreateInput, "tenant" | "email">;
  records: Array<{ category: string; sourceSystem: string; fields: Prisma.InputJsonObject; daysAgo: number }>;
  consents: string[];
  request?: { type: RequestType; status: RequestStatus; details: string; target?: string; daysAgo: number };
}

interface DemoPortal {
  purposes: DemoPurpose[];
  fields: Array<{ key: string; label: LocalizedText }>;
  subjects: DemoSubject[];
}

const portals: Record<string, DemoPortal> = {
  inone: {
    // inONE's statement bases nothing on consent (contract and legitimate interest only).
    purposes: [],
    fields: [{ key: "customerNumber", label: t("Klantnummer", "Customer number") }],
    subjects: [
      {
        email: "jan.jansen@example.com",
        profile: {
          name: "Jan Jansen",
          phone: "+31 6 12345678",
          postalAddress: "Dorpsstraat 12\n1234 AB Ergenshuizen",
          companyName: "Bakkerij Jansen",
          vatNumber: "NL123456789B01",
          preferredLocale: "nl",
          customFields: { customerNumber: "IN-10042" },
        },
        records: [
          { category: "orders", sourceSystem: "ordering-platform", daysAgo: 30, fields: { order: "IN-2026-00871", supplier: "Meelfabriek Noord", lines: 4, total: "€ 312,40" } },
          { category: "orders", sourceSystem: "ordering-platform", daysAgo: 16, fields: { order: "IN-2026-00954", supplier: "Zuivelhoeve", lines: 2, total: "€ 86,10" } },
          { category: "orders", sourceSystem: "ordering-platform", daysAgo: 3, fields: { order: "IN-2026-01020", supplier: "Meelfabriek Noord", lines: 5, total: "€ 401,95" } },
          { category: "orders", sourceSystem: "app", daysAgo: 1, fields: { order: "IN-2026-01047", supplier: "Verpakkingen BV", lines: 1, total: "€ 54,00" } },
          { category: "support", sourceSystem: "helpdesk", daysAgo: 20, fields: { ticket: "HD-5512", subject: "Levering niet compleet", status: "closed" } },
          { category: "support", sourceSystem: "helpdesk", daysAgo: 2, fields: { ticket: "HD-5690", subject: "Factuuradres wijzigen", status: "open" } },
        ],
        consents: [],
        request: { type: "ACCESS", status: "IN_PROGRESS", details: "Ik wil graag weten welke gegevens u van mij heeft.", daysAgo: 5 },
      },
      {
        email: "overdue@example.com",
        profile: { name: "Olga de Vries", preferredLocale: "nl", customFields: { customerNumber: "IN-09931" } },
        records: [],
        consents: [],
        request: { type: "ACCESS", status: "RECEIVED", details: "Graag een kopie van al mijn gegevens.", daysAgo: 40 },
      },
    ],
  },
  allatonce: {
    // ALL@ONCE bases its marketing on legitimate interest, with a right to object; nothing on consent.
    purposes: [],
    fields: [],
    subjects: [],
  },
  inqonto: {
    purposes: [{ key: "newsletter", statementPurpose: "Newsletter", directMarketing: true }],
    fields: [{ key: "administration", label: t("Administratienummer", "Administration number") }],
    subjects: [],
  },
  web1on1: {
    purposes: [{ key: "marketing", statementPurpose: "Marketing and newsletter", directMarketing: true }],
    fields: [{ key: "dealerCode", label: t("Dealercode", "Dealer code") }],
    subjects: [
      {
        email: "jan.jansen@example.com",
        profile: {
          name: "J. Jansen",
          phone: "+31 30 765 4321",
          companyName: "Autobedrijf Jansen",
          preferredLocale: "en",
          customFields: { dealerCode: "W1-7781" },
        },
        records: [
          { category: "conversations", sourceSystem: "web1on1-chat", daysAgo: 12, fields: { channel: "WhatsApp", topic: "Proefrit", messages: 14 } },
          { category: "conversations", sourceSystem: "web1on1-chat", daysAgo: 4, fields: { channel: "Web chat", topic: "Onderhoud", messages: 6 } },
          { category: "demo-requests", sourceSystem: "crm", daysAgo: 60, fields: { requested: "Demo platform", jobTitle: "Sales manager" } },
        ],
        consents: ["marketing"],
        request: { type: "RECTIFICATION", status: "RECEIVED", details: "My job title is wrong: I am the owner, not the sales manager.", daysAgo: 3 },
      },
    ],
  },
  superoffice: {
    purposes: [{ key: "marketing", statementPurpose: "Marketing you signed up for", directMarketing: true }],
    fields: [],
    subjects: [],
  },
};

export async function seedDemoPortal(tx: TenantTx, tenant: Pick<Tenant, "id" | "slug" | "hashSalt" | "country" | "timeZone">, now = new Date()): Promise<void> {
  const portal = portals[tenant.slug];
  if (!portal) return;
  const tenantId = tenant.id;
  const published = await tx.policyVersion.findFirst({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true } });
  const statementPurposes = published ? await tx.purpose.findMany({ where: { tenantId, versionId: published.id, legalBasis: "CONSENT" } }) : [];
  const wordings = new Map<string, ConsentPurposeVersion>();
  for (const [position, purpose] of portal.purposes.entries()) {
    const source = statementPurposes.find((p) => (p.name as LocalizedText).en === purpose.statementPurpose);
    if (!source) throw new Error(`${tenant.slug}: the statement has no consent-based purpose "${purpose.statementPurpose}"`);
    const wording = { title: source.name as LocalizedText, description: source.description as LocalizedText };
    const row = await tx.consentPurpose.upsert({
      where: { tenantId_key: { tenantId, key: purpose.key } },
      create: { tenantId, key: purpose.key, ...wording, position, directMarketing: purpose.directMarketing ?? false, statementPurposeUid: source.uid },
      update: {},
    });
    const version =
      (await tx.consentPurposeVersion.findFirst({ where: { tenantId, purposeId: row.id }, orderBy: { version: "desc" } })) ??
      (await tx.consentPurposeVersion.create({ data: { tenantId, purposeId: row.id, version: 1, ...wording } }));
    wordings.set(purpose.key, version);
  }
  for (const [position, field] of portal.fields.entries()) {
    await tx.profileField.upsert({
      where: { tenantId_key: { tenantId, key: field.key } },
      create: { tenantId, key: field.key, label: field.label, position },
      update: {},
    });
  }
  const version = await tx.policyVersion.findFirst({ where: { tenantId, status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { number: true } });
  for (const demo of portal.subjects) {
    if (await tx.subject.findFirst({ where: { tenantId, email: demo.email }, select: { id: true } })) continue;
    const subject = await tx.subject.create({ data: { ...demo.profile, tenant: { connect: { id: tenantId } }, email: demo.email, createdAt: new Date(now.getTime() - 90 * day) } });
    if (demo.records.length > 0) {
      await tx.subjectRecord.createMany({
        data: [...demo.records]
          .sort((a, b) => b.daysAgo - a.daysAgo)
          .map((record) => ({ tenantId, subjectId: subject.id, category: record.category, sourceSystem: record.sourceSystem, fields: record.fields, receivedAt: new Date(now.getTime() - record.daysAgo * day) })),
      });
    }
    for (const key of demo.consents) {
      const wording = wordings.get(key)!;
      const locale = demo.profile.preferredLocale === "en" ? "en" : "nl";
      await tx.consentEvent.create({
        data: {
          tenantId,
          subjectId: subject.id,
          purposeKey: key,
          given: true,
          statementVersion: version?.number ?? null,
          // As lib/portal/consent.ts consentWording writes it (not imported: it pulls in the app's auth).
          wording: `${(wording.title as LocalizedText)[locale]}\n\n${(wording.description as LocalizedText)[locale]}`,
          locale,
          channel: "portal",
          at: new Date(now.getTime() - 45 * day),
          purposeVersionId: wording.id,
          purposeVersion: wording.version,
        },
      });
    }
    if (demo.request) {
      const receivedAt = new Date(now.getTime() - demo.request.daysAgo * day);
      const request = await tx.dataRequest.create({
        data: {
          tenantId,
          reference: await newReference(tx, tenantId),
          subjectId: subject.id,
          type: demo.request.type,
          status: demo.request.status,
          requesterEmail: demo.email,
          requesterName: demo.profile.name ?? null,
          requesterEmailHash: requesterEmailHash(tenant, demo.email),
          locale: demo.profile.preferredLocale === "en" ? "en" : "nl",
          channel: "portal",
          details: demo.request.details,
          target: demo.request.target ?? null,
          receivedAt,
          dueAt: dueDate(receivedAt, tenantCalendar(tenant)),
          createdAt: receivedAt,
        },
      });
      await tx.requestEvent.create({
        data: { tenantId, requestId: request.id, kind: "created", toStatus: "RECEIVED", actor: "requester", actorLabel: "portal", at: receivedAt },
      });
      if (demo.request.status !== "RECEIVED") {
        await tx.requestEvent.create({
          data: { tenantId, requestId: request.id, kind: "status", fromStatus: "RECEIVED", toStatus: demo.request.status, actor: "staff", actorLabel: "demo", at: new Date(receivedAt.getTime() + day) },
        });
      }
    }
  }
}
