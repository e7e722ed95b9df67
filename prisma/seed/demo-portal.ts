import type { Prisma, Tenant } from "@/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/generated/prisma/enums";
import type { TenantTx } from "@/lib/db/tenant-db";
import type { LocalizedText } from "@/lib/policy/content";
import { dueDate, tenantCalendar } from "@/lib/requests/deadline";
import { newReference, requesterEmailHash } from "@/lib/requests/reference";

/**
 * Portal demo data per demo tenant: consent purposes, profile fields, and for inONE
 * and Web1on1 the person jan.jansen@example.com with a profile, records, a consent
 * and an open request; inONE also has overdue@example.com with an access request
 * received 40 days ago. Rows that are already there are left alone.
 */

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
const day = 86_400_000;

interface DemoPurpose {
  key: string;
  title: LocalizedText;
  description: LocalizedText;
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
    purposes: [
      {
        key: "newsletter",
        directMarketing: true,
        title: t("Nieuwsbrief voor inkopers", "Newsletter for buyers"),
        description: t(
          "Eens per maand een e-mail met nieuwe leveranciers op het platform, nieuwe functies in de bestel-app en tips om slimmer in te kopen.",
          "Once a month an e-mail about new suppliers on the platform, new features in the ordering app and tips for buying smarter.",
        ),
      },
      {
        key: "product-updates",
        title: t("Productberichten per e-mail", "Product updates by e-mail"),
        description: t(
          "Berichten over nieuwe functies en gepland onderhoud van het bestelplatform die niet strikt nodig zijn om het te gebruiken.",
          "Messages about new features and planned maintenance of the ordering platform that you do not strictly need in order to use it.",
        ),
      },
      {
        key: "profiling",
        title: t("Persoonlijke aanbevelingen", "Personal recommendations"),
        description: t(
          "We gebruiken uw bestelgeschiedenis om producten en leveranciers voor te stellen die bij uw bedrijf passen (profilering).",
          "We use your order history to suggest products and suppliers that suit your business (profiling).",
        ),
      },
    ],
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
        consents: ["newsletter"],
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
    purposes: [
      {
        key: "newsletter",
        directMarketing: true,
        title: t("Nieuwsbrief", "Newsletter"),
        description: t(
          "Een paar keer per jaar nieuws over onze factuursoftware en de helpcentrum-tool, met tips om sneller betaald te worden.",
          "A few times a year, news about our invoicing software and the help-centre tool, with tips to get paid sooner.",
        ),
      },
      {
        key: "offers",
        directMarketing: true,
        title: t("Aanbiedingen per e-mail", "Offers by e-mail"),
        description: t("Af en toe een e-mail met een aanbieding voor een uitgebreider abonnement.", "Now and then an e-mail with an offer for a larger plan."),
      },
    ],
    fields: [],
    subjects: [],
  },
  inqonto: {
    purposes: [
      {
        key: "newsletter",
        directMarketing: true,
        title: t("Nieuwsbrief met boekhoudtips", "Newsletter with bookkeeping tips"),
        description: t(
          "Maandelijks praktische tips voor uw administratie en de belangrijkste fiscale data.",
          "Monthly practical tips for your books and the key tax dates.",
        ),
      },
      {
        key: "product-updates",
        title: t("Productnieuws per e-mail", "Product news by e-mail"),
        description: t("Berichten over nieuwe functies van inqonto.", "Messages about new features of inqonto."),
      },
      {
        key: "research",
        title: t("Gebruikersonderzoek", "User research"),
        description: t(
          "Af en toe een uitnodiging om mee te denken over nieuwe functies, bijvoorbeeld in een kort interview.",
          "Now and then an invitation to help shape new features, for example in a short interview.",
        ),
      },
    ],
    fields: [{ key: "administration", label: t("Administratienummer", "Administration number") }],
    subjects: [],
  },
  web1on1: {
    purposes: [
      {
        key: "newsletter",
        directMarketing: true,
        title: t("Nieuwsbrief voor autobedrijven", "Newsletter for car businesses"),
        description: t(
          "Nieuws en praktijkvoorbeelden over chatten met klanten in de autobranche.",
          "News and case studies about chatting with customers in the automotive sector.",
        ),
      },
      {
        key: "webinars",
        title: t("Uitnodigingen voor webinars", "Webinar invitations"),
        description: t("Uitnodigingen voor onze webinars en demodagen.", "Invitations to our webinars and demo days."),
      },
    ],
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
        consents: ["webinars"],
        request: { type: "RECTIFICATION", status: "RECEIVED", details: "My job title is wrong: I am the owner, not the sales manager.", daysAgo: 3 },
      },
    ],
  },
  superoffice: {
    purposes: [
      {
        key: "newsletter",
        directMarketing: true,
        title: t("Nieuwsbrief", "Newsletter"),
        description: t("Nieuws over CRM en klantenservice, eens per maand.", "News about CRM and customer service, once a month."),
      },
      {
        key: "events",
        directMarketing: true,
        title: t("Evenementen en webinars", "Events and webinars"),
        description: t("Uitnodigingen voor onze evenementen en webinars.", "Invitations to our events and webinars."),
      },
      {
        key: "profiling",
        title: t("Gepersonaliseerde marketing", "Personalised marketing"),
        description: t(
          "We stemmen onze berichten af op wat u op onze websites bekijkt en downloadt (profilering).",
          "We tailor our messages to what you view and download on our websites (profiling).",
        ),
      },
    ],
    fields: [],
    subjects: [],
  },
};

export async function seedDemoPortal(tx: TenantTx, tenant: Pick<Tenant, "id" | "slug" | "hashSalt" | "country" | "timeZone">, now = new Date()): Promise<void> {
  const portal = portals[tenant.slug];
  if (!portal) return;
  const tenantId = tenant.id;
  for (const [position, purpose] of portal.purposes.entries()) {
    await tx.consentPurpose.upsert({
      where: { tenantId_key: { tenantId, key: purpose.key } },
      create: { tenantId, key: purpose.key, title: purpose.title, description: purpose.description, position, directMarketing: purpose.directMarketing ?? false },
      update: {},
    });
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
      const purpose = portal.purposes.find((p) => p.key === key)!;
      const locale = demo.profile.preferredLocale === "en" ? "en" : "nl";
      await tx.consentEvent.create({
        data: {
          tenantId,
          subjectId: subject.id,
          purposeKey: key,
          given: true,
          statementVersion: version?.number ?? null,
          wording: `${purpose.title[locale]}\n\n${purpose.description[locale]}`,
          locale,
          channel: "portal",
          at: new Date(now.getTime() - 45 * day),
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
