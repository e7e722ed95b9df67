import { displayName, hostOf } from "@/components/authorities/display";
import type { Authority } from "@/lib/authorities/data";
import { countryName } from "@/lib/geo/countries";
import { formatDate, translator, type Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { reminderKind, type Dossier, type DossierRequest } from "./schema";

/**
 * The complaint dossier as a document: an outline of titled blocks in the reader's
 * language, which the printable page renders as HTML and the PDF writer lays out, so
 * both say the same. The JSON is the dossier itself.
 */

export interface OutlineField {
  label: string;
  value: string;
  /** Where the value links to on screen (a website or mailto:); the PDF shows the text. */
  href?: string;
}

export type OutlineBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string; level: 1 | 2; id: string }
  | { kind: "paragraph"; text: string; small?: boolean; strong?: boolean; testId?: string }
  | { kind: "fields"; rows: OutlineField[]; testId?: string }
  | { kind: "list"; items: string[]; testId?: string }
  | {
      kind: "table";
      caption: string;
      columns: Array<{ header: string; width: number }>;
      rows: Array<{ key: string; cells: string[]; late: boolean }>;
    };

export function eventText(t: Translator, event: { kind: string; toStatus: string | null }): string {
  if (event.kind === "status" && event.toStatus) return t("Requests.detail.events.status", { status: t(`Requests.status.${event.toStatus as "RECEIVED"}`) });
  if (event.kind === reminderKind) return t("Complaint.reminder.event");
  if (["created", "information", "merged", "message"].includes(event.kind)) return t(`Requests.detail.events.${event.kind as "created"}`);
  return event.kind;
}

export function actorText(t: Translator, actor: string, company: string): string {
  return actor === "requester" || actor === "staff" || actor === "system" ? t(`Requests.detail.by.${actor}`, { company }) : actor;
}

/** Moments with their time (the history, reminders, mails), on the tenant's clock. */
function dateTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

export function timelinessText(t: Translator, request: Pick<DossierRequest, "timeliness" | "daysLate">): string {
  const label = t(`Complaint.timeliness.${request.timeliness}`);
  return request.daysLate ? `${label} (${t("Complaint.daysLate", { days: request.daysLate })})` : label;
}

function authorityFields(t: Translator, authority: Authority, locale: Locale): OutlineField[] {
  const name = displayName(authority, locale).text;
  const notListed = t("Authorities.entry.notListed");
  return [
    { label: t("Complaint.doc.authorityName"), value: authority.acronym ? `${name} (${authority.acronym})` : name },
    { label: t("Authorities.entry.website"), value: hostOf(authority.website), href: authority.website },
    {
      label: t("Authorities.entry.complaintPage"),
      value: authority.complaintUrl ? hostOf(authority.complaintUrl) : t("Authorities.entry.noComplaintPage"),
      href: authority.complaintUrl ?? undefined,
    },
    { label: t("Authorities.entry.email"), value: authority.email ?? notListed, href: authority.email ? `mailto:${authority.email}` : undefined },
    { label: t("Authorities.entry.phone"), value: authority.phone ?? notListed },
    { label: t("Authorities.entry.address"), value: authority.address ?? notListed },
  ];
}

export function dossierOutline(dossier: Dossier, locale: Locale): OutlineBlock[] {
  const t = translator(locale);
  const company = dossier.controller.name;
  const zone = dossier.controller.timeZone;
  const date = (iso: string | null) => (iso ? formatDate(new Date(iso), locale, zone) : t("Portal.empty"));
  const { complainant, controller, authorities, summary } = dossier;
  const blocks: OutlineBlock[] = [
    { kind: "title", text: t("Complaint.doc.title") },
    { kind: "paragraph", text: t("Complaint.doc.subtitle", { company }), strong: true },
    { kind: "paragraph", text: t("Complaint.doc.generated", { date: date(dossier.generatedAt), company }), small: true },
    { kind: "paragraph", text: t("Complaint.doc.purpose", { company }) },

    { kind: "heading", level: 1, id: "dossier-complainant", text: t("Complaint.doc.complainantHeading") },
    {
      kind: "fields",
      testId: "dossier-complainant",
      rows: [
        { label: t("Complaint.doc.name"), value: complainant.name ?? t("Portal.empty") },
        { label: t("Complaint.doc.email"), value: complainant.email },
        ...(complainant.postalAddress ? [{ label: t("Complaint.doc.postalAddress"), value: complainant.postalAddress }] : []),
        ...(complainant.phone ? [{ label: t("Complaint.doc.yourPhone"), value: complainant.phone }] : []),
      ],
    },
    { kind: "paragraph", strong: true, text: t("Complaint.doc.outcomeHeading") },
    { kind: "paragraph", testId: "dossier-outcome", text: complainant.outcome ?? t("Complaint.doc.noOutcome") },

    { kind: "heading", level: 1, id: "dossier-controller", text: t("Complaint.doc.controllerHeading") },
    {
      kind: "fields",
      testId: "dossier-controller",
      rows: [
        { label: t("Complaint.doc.tradeName"), value: controller.name },
        ...(controller.legalName && controller.legalName !== controller.name ? [{ label: t("Complaint.doc.legalName"), value: controller.legalName }] : []),
        { label: t("Complaint.doc.address"), value: controller.address },
        { label: t("Complaint.doc.country"), value: controller.country ? countryName(controller.country, locale) : t("Portal.empty") },
        ...(controller.registrationNumber ? [{ label: t("Complaint.doc.registration"), value: controller.registrationNumber }] : []),
        { label: t("Complaint.doc.contactEmail"), value: controller.contactEmail, href: `mailto:${controller.contactEmail}` },
        ...(controller.phone ? [{ label: t("Complaint.doc.phone"), value: controller.phone }] : []),
        ...(controller.website ? [{ label: t("Complaint.doc.website"), value: hostOf(controller.website), href: controller.website }] : []),
        ...(controller.dpoName || controller.dpoEmail
          ? [
              {
                label: t("Complaint.doc.dpo"),
                value: [controller.dpoName, controller.dpoEmail].filter(Boolean).join(", "),
                href: controller.dpoEmail ? `mailto:${controller.dpoEmail}` : undefined,
              },
            ]
          : []),
      ],
    },

    { kind: "heading", level: 1, id: "dossier-summary", text: t("Complaint.doc.summaryHeading") },
    { kind: "paragraph", testId: "dossier-summary", text: t("Complaint.doc.summary", { ...summary, company }) },
  ];

  blocks.push({ kind: "heading", level: 1, id: "dossier-requests", text: t("Complaint.doc.requestsHeading") });
  if (dossier.requests.length === 0) {
    blocks.push({ kind: "paragraph", text: t("Complaint.doc.none", { company }) });
  } else {
    blocks.push({
      kind: "table",
      caption: t("Complaint.doc.requestsHeading"),
      columns: [
        { header: t("Complaint.doc.col.reference"), width: 1.25 },
        { header: t("Complaint.doc.col.type"), width: 1.1 },
        { header: t("Complaint.doc.col.received"), width: 1.15 },
        { header: t("Complaint.doc.col.due"), width: 1.15 },
        { header: t("Complaint.doc.col.status"), width: 1.2 },
        { header: t("Complaint.doc.col.timeliness"), width: 1.5 },
      ],
      rows: dossier.requests.map((request) => ({
        key: request.reference,
        late: request.late,
        cells: [
          request.reference,
          t(`Requests.types.${request.type}.title`),
          date(request.receivedAt),
          date(request.effectiveDueAt),
          t(`Requests.status.${request.status}`),
          timelinessText(t, request),
        ],
      })),
    });
    for (const request of dossier.requests) blocks.push(...requestBlocks(t, request, locale, company, zone));
  }

  blocks.push({ kind: "heading", level: 1, id: "dossier-authorities", text: t("Complaint.doc.authoritiesHeading") });
  if (authorities.country && authorities.countryAuthority) {
    const country = countryName(authorities.country, locale);
    blocks.push({ kind: "heading", level: 2, id: "dossier-country-authority", text: t("Complaint.doc.countryAuthority", { country }) });
    blocks.push({ kind: "fields", testId: "dossier-country-authority", rows: authorityFields(t, authorities.countryAuthority, locale) });
    if (authorities.countrySource === "guessed") blocks.push({ kind: "paragraph", small: true, text: t("Complaint.doc.countryGuessed") });
  } else {
    blocks.push({ kind: "paragraph", text: t("Complaint.doc.noCountry") });
  }
  blocks.push({ kind: "heading", level: 2, id: "dossier-lead-authority", text: t("Complaint.doc.leadAuthority", { company }) });
  if (authorities.leadAuthority) {
    blocks.push({ kind: "fields", testId: "dossier-lead-authority", rows: authorityFields(t, authorities.leadAuthority, locale) });
  } else {
    blocks.push({ kind: "paragraph", text: t("Complaint.doc.noLead", { company }) });
  }
  return blocks;
}

function requestBlocks(t: Translator, request: DossierRequest, locale: Locale, company: string, zone: string): OutlineBlock[] {
  const date = (iso: string) => formatDate(new Date(iso), locale, zone);
  const lastDay = (iso: string) => t("Complaint.doc.dueDay", { date: date(iso) });
  const moment = (iso: string) => dateTime(iso, locale, zone);
  const facts: OutlineField[] = [
    { label: t("Complaint.doc.status"), value: t(`Requests.status.${request.status}`) },
    { label: t("Complaint.doc.filed"), value: date(request.filedAt) },
  ];
  if (request.receivedAt) facts.push({ label: t("Complaint.doc.received"), value: date(request.receivedAt) });
  if (request.dueAt) facts.push({ label: t("Complaint.doc.due"), value: lastDay(request.dueAt) });
  if (request.extendedDueAt) facts.push({ label: t("Complaint.doc.extendedDue"), value: lastDay(request.extendedDueAt) });
  if (request.extensionReason) facts.push({ label: t("Complaint.doc.extensionReason"), value: request.extensionReason });
  if (request.extensionAfterDeadline && request.extendedAt) facts.push({ label: "", value: t("Complaint.doc.extendedLate", { date: date(request.extendedAt) }) });
  if (request.closedAt) facts.push({ label: t("Complaint.doc.closed"), value: date(request.closedAt) });
  facts.push({ label: t("Complaint.doc.timeliness"), value: timelinessText(t, request) });
  if (request.rejectionReason) facts.push({ label: t("Complaint.doc.rejectionReason"), value: request.rejectionReason });
  if (request.target) facts.push({ label: t("Complaint.doc.target"), value: request.target });
  if (request.details) facts.push({ label: t("Complaint.doc.details"), value: request.details });

  const id = `dossier-${request.reference.toLowerCase()}`;
  return [
    { kind: "heading", level: 2, id, text: t("Complaint.doc.requestHeading", { reference: request.reference, type: t(`Requests.types.${request.type}.title`) }) },
    { kind: "fields", testId: `dossier-facts-${request.reference}`, rows: facts },
    { kind: "paragraph", strong: true, text: t("Complaint.doc.answersHeading", { company }) },
    request.answers.length > 0
      ? { kind: "list", testId: `dossier-answers-${request.reference}`, items: request.answers.map((a) => `${moment(a.at)}: ${a.body}`) }
      : { kind: "paragraph", text: t("Complaint.doc.noAnswers", { company }) },
    { kind: "paragraph", strong: true, text: t("Complaint.doc.remindersHeading") },
    request.reminders.length > 0
      ? { kind: "list", testId: `dossier-reminders-${request.reference}`, items: request.reminders.map(moment) }
      : { kind: "paragraph", text: t("Complaint.doc.noReminders", { company }) },
    { kind: "paragraph", strong: true, text: t("Complaint.doc.historyHeading") },
    {
      kind: "list",
      items: request.history.map((event) => {
        const line = `${moment(event.at)} · ${actorText(t, event.actor, company)}: ${eventText(t, event)}`;
        // The tenant's own words are under its answers already.
        return event.body && event.actor !== "staff" ? `${line}\n${event.body}` : line;
      }),
    },
    { kind: "paragraph", strong: true, text: t("Complaint.doc.mailsHeading") },
    request.mails.length > 0
      ? {
          kind: "list",
          testId: `dossier-mails-${request.reference}`,
          items: request.mails.map((mail) => `${moment(mail.sentAt)} · ${t("Complaint.doc.mailSubject", { subject: mail.subject })}\n${mail.text}`),
        }
      : { kind: "paragraph", text: t("Complaint.doc.noMails") },
  ];
}
