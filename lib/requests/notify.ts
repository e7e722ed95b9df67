import type { DataRequest, RequestEvent, Tenant } from "@/generated/prisma/client";
import { authorityById } from "@/lib/authorities/data";
import { withTenant } from "@/lib/db/tenant-db";
import { keptText, partText, type ErasedPart, type ErasureKept } from "@/lib/erasure/kept";
import { formatDate, translator, type Translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { keepMailCopy } from "@/lib/complaints/mail-copies";
import { sendMail, type Mail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { tenantPath } from "@/lib/tenant-host";

/**
 * Mail to the person behind a request, in their language: the subject's preferred
 * language when the request belongs to a portal user, else the language the request
 * was filed in. The admin side calls notifyStatusChange after every status change.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name"> & Partial<Pick<Tenant, "leadAuthorityId" | "timeZone">>;

export type NotifiedRequest = Pick<
  DataRequest,
  "tenantId" | "reference" | "type" | "status" | "subjectId" | "requesterEmail" | "locale" | "dueAt" | "extendedDueAt" | "extensionReason" | "rejectionReason"
> &
  Partial<Pick<DataRequest, "refusalGround">>;

const asLocale = (value: string | null | undefined): Locale => (value === "en" ? "en" : "nl");

async function requesterLocale(tenant: TenantRef, request: Pick<DataRequest, "subjectId" | "locale">): Promise<Locale> {
  if (request.subjectId) {
    const subject = await withTenant(tenant.id, (tx) =>
      tx.subject.findFirst({ where: { id: request.subjectId!, tenantId: tenant.id }, select: { preferredLocale: true } }),
    );
    if (subject) return asLocale(subject.preferredLocale);
  }
  return asLocale(request.locale);
}

const portalRequestUrl = (tenant: TenantRef, locale: Locale, reference: string) =>
  `${publicOrigin()}${tenantPath(locale, tenant.slug, `/portal/requests/${reference}`)}`;

type RequesterMail = { subject: string; paragraphs: string[] };

/** Sends a mail about a request and keeps a copy with the request for the complaint dossier. */
async function sendRequestMail(reference: string, mail: Mail & { tenantId: string }): Promise<void> {
  await sendMail(mail);
  await keepMailCopy(mail.tenantId, reference, mail);
}

/**
 * Mails the requester in their language what `compose` writes, with the tenant's footer
 * and, for a portal user, the button to the request in the portal. Returns false when
 * there is nobody to mail.
 */
async function mailRequester(
  tenant: TenantRef,
  request: NotifiedRequest,
  compose: (t: Translator, locale: Locale) => RequesterMail | Promise<RequesterMail>,
): Promise<boolean> {
  if (!request.requesterEmail) return false;
  const locale = await requesterLocale(tenant, request);
  const t = translator(locale);
  const { subject, paragraphs } = await compose(t, locale);
  await sendRequestMail(request.reference, {
    to: request.requesterEmail,
    tenantId: tenant.id,
    subject,
    ...composeMail({
      paragraphs,
      action: request.subjectId ? { label: t("PortalMail.status.action"), url: portalRequestUrl(tenant, locale, request.reference) } : undefined,
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
  return true;
}

/**
 * Tells the requester their request has a new status (event.toStatus), with the due
 * date, the reason of a rejection or extension, and a message from staff (the
 * event's body) when there is one. Returns false when there is nobody to mail (after
 * an erasure the address is gone) or the event is not a status change.
 */
export async function notifyStatusChange(
  tenant: TenantRef,
  request: NotifiedRequest,
  event: Pick<RequestEvent, "toStatus" | "fromStatus" | "body" | "actor">,
  /** Paragraphs after the status line: the access answer's (lib/export/access-answer.ts). */
  extra?: (t: Translator, locale: Locale) => string[],
): Promise<boolean> {
  const to = event.toStatus;
  if (!to || to === "AWAITING_CONFIRMATION") return false;
  return mailRequester(tenant, request, async (t, locale) => {
    const date = (value: Date | null) => (value ? formatDate(value, locale) : "");
    const type = t(`Requests.types.${request.type}.title`);
    const paragraphs = [
      t("PortalMail.status.intro", { company: tenant.name, reference: request.reference, type }),
      t(`PortalMail.status.${to}`, { company: tenant.name, due: date(request.dueAt), extendedDue: date(request.extendedDueAt) }),
      ...(extra ? extra(t, locale) : []),
    ];
    const reason = to === "REJECTED" ? request.rejectionReason : to === "EXTENDED" ? request.extensionReason : null;
    // Art. 12(4): why staff did not act: the ground (art. 12(5)(b), 21(1)) and the reasoning.
    if (to === "REJECTED" && request.refusalGround) paragraphs.push(t(`RequestMail.refusal.${request.refusalGround as "other"}`, { company: tenant.name }));
    if (reason) paragraphs.push(t("PortalMail.status.reason", { reason }));
    if (to === "REJECTED") paragraphs.push(await complaintParagraph(tenant, locale), t("RequestMail.judicialRemedy", { company: tenant.name }));
    // The reason may also be the event's text (so that the portal's history shows it); once is enough.
    if (event.body && event.actor === "staff" && event.body !== reason) paragraphs.push(t("PortalMail.status.message", { company: tenant.name, message: event.body }));
    return { subject: t("PortalMail.status.subject", { company: tenant.name, reference: request.reference, status: t(`Requests.status.${to}`) }), paragraphs };
  });
}

/**
 * Art. 12(4): whoever is refused must be told they may complain to a supervisory
 * authority: the tenant's lead authority by name when it has chosen one, and the page
 * that lists every authority.
 */
async function complaintParagraph(tenant: TenantRef, locale: Locale): Promise<string> {
  const t = translator(locale);
  const leadAuthorityId =
    tenant.leadAuthorityId !== undefined
      ? tenant.leadAuthorityId
      : ((await withTenant(tenant.id, (tx) => tx.tenant.findFirst({ where: { id: tenant.id }, select: { leadAuthorityId: true } })))?.leadAuthorityId ?? null);
  const authority = leadAuthorityId ? authorityById(leadAuthorityId) : undefined;
  const url = `${publicOrigin()}/${locale}/authorities`;
  return authority
    ? t("RequestMail.complaint.lead", { company: tenant.name, authority: locale === "en" ? authority.name.en : authority.name.local, url })
    : t("RequestMail.complaint.any", { url });
}

/**
 * Art. 18(3): the person who obtained a restriction is told before it is lifted. Sent
 * before the flag is cleared; false when there is nobody to mail (then it is not lifted).
 */
export async function notifyRestrictionLift(tenant: TenantRef, request: NotifiedRequest): Promise<boolean> {
  return mailRequester(tenant, request, (t) => ({
    subject: t("RequestMail.restrictionLift.subject", { company: tenant.name, reference: request.reference }),
    paragraphs: [
      t("RequestMail.restrictionLift.body", { company: tenant.name, reference: request.reference, type: t(`Requests.types.${request.type}.title`) }),
      t("RequestMail.restrictionLift.questions", { company: tenant.name }),
    ],
  }));
}

/**
 * A request filed without an account whose address was never confirmed has lapsed
 * (art. 12(4): the person is not left without an answer): nothing was done with it, and
 * this is how to file it again.
 */
export async function sendLapsedNotice(tenant: TenantRef, request: NotifiedRequest): Promise<boolean> {
  if (!request.requesterEmail) return false;
  const locale = asLocale(request.locale);
  const t = translator(locale);
  const type = t(`Requests.types.${request.type}.title`);
  await sendRequestMail(request.reference, {
    to: request.requesterEmail,
    tenantId: tenant.id,
    subject: t("RequestMail.lapsed.subject", { company: tenant.name, reference: request.reference }),
    ...composeMail({
      paragraphs: [t("RequestMail.lapsed.body", { company: tenant.name, reference: request.reference, type }), t("RequestMail.lapsed.again"), t("PortalMail.confirm.ignore")],
      action: { label: t("RequestMail.lapsed.action"), url: `${publicOrigin()}${tenantPath(locale, tenant.slug, "/request")}` },
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
  return true;
}

/** A message from staff about the request (RequestEvent kind "message"), in the requester's language. */
export async function notifyStaffMessage(tenant: TenantRef, request: NotifiedRequest, body: string): Promise<boolean> {
  return mailRequester(tenant, request, (t) => {
    const type = t(`Requests.types.${request.type}.title`);
    return {
      subject: t("RequestMail.message.subject", { company: tenant.name, reference: request.reference }),
      paragraphs: [
        t("RequestMail.message.intro", { company: tenant.name, reference: request.reference, type }),
        body,
        request.subjectId ? t("RequestMail.message.replyPortal") : t("RequestMail.message.replyLink"),
      ],
    };
  });
}

const bullet = (text: string) => `• ${text}`;

/**
 * Art. 17(3) with 12(4): what is kept, each part with its ground and the explanation; that
 * it is only stored (art. 18); and, since this much of the request is not acted on, the
 * right to complain to a supervisory authority and to a judicial remedy.
 */
async function keptParagraphs(tenant: TenantRef, t: Translator, locale: Locale, intro: string, kept: ErasureKept[]): Promise<string[]> {
  if (kept.length === 0) return [];
  return [intro, ...kept.map((k) => bullet(keptText(t, k))), t("Erasure.restricted"), await complaintParagraph(tenant, locale), t("RequestMail.judicialRemedy", { company: tenant.name })];
}

/**
 * An approved erasure (art. 17): the person is told at once when it takes place and, when
 * staff keep something under art. 17(3), what and why.
 */
export async function notifyErasureApproved(tenant: TenantRef, request: NotifiedRequest & Pick<DataRequest, "erasureDueAt">, kept: ErasureKept[]): Promise<boolean> {
  if (!request.erasureDueAt) return false;
  const due = request.erasureDueAt;
  return mailRequester(tenant, request, async (t, locale) => {
    const date = formatDate(due, locale, tenant.timeZone);
    return {
      subject: t("Erasure.approvedMail.subject", { company: tenant.name, reference: request.reference, date }),
      paragraphs: [
        t("Erasure.approvedMail.body", { company: tenant.name, reference: request.reference, date }),
        ...(await keptParagraphs(tenant, t, locale, t("Erasure.approvedMail.keptIntro", { company: tenant.name }), kept)),
        t("Erasure.approvedMail.next"),
      ],
    };
  });
}

/**
 * The confirmation that an erasure was carried out, sent just before the address itself
 * is erased (after that, there is nobody to write to): exactly what was erased, and what
 * was kept and why (art. 17(3)).
 */
export async function sendErasureConfirmation(
  tenant: TenantRef,
  reference: string,
  to: string,
  locale: Locale,
  outcome: { erased: ErasedPart[]; kept: ErasureKept[] } = { erased: [], kept: [] },
): Promise<void> {
  const t = translator(locale);
  const partial = outcome.kept.length > 0;
  await sendRequestMail(reference, {
    to,
    tenantId: tenant.id,
    subject: t("RequestMail.erased.subject", { company: tenant.name, reference }),
    ...composeMail({
      paragraphs: [
        partial ? t("Erasure.erasedMail.bodyPartial", { company: tenant.name, reference }) : t("RequestMail.erased.body", { company: tenant.name, reference }),
        t("Erasure.erasedMail.erasedIntro"),
        ...outcome.erased.map((part) => bullet(partText(t, part))),
        bullet(t(partial ? "Erasure.parts.accessKept" : "Erasure.parts.access")),
        ...(await keptParagraphs(tenant, t, locale, t("Erasure.erasedMail.keptIntro"), outcome.kept)),
        partial ? t("Erasure.erasedMail.alsoKept", { company: tenant.name }) : t("RequestMail.erased.kept", { company: tenant.name }),
        partial ? t("Erasure.erasedMail.portalKept") : t("RequestMail.erased.portal"),
      ],
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

/** The link that confirms a request filed without an account (and later shows its status). */
export async function sendRequestConfirmation(tenant: TenantRef, request: NotifiedRequest, token: string): Promise<void> {
  if (!request.requesterEmail) return;
  const locale = asLocale(request.locale);
  const t = translator(locale);
  const type = t(`Requests.types.${request.type}.title`);
  await sendRequestMail(request.reference, {
    to: request.requesterEmail,
    tenantId: tenant.id,
    subject: t("PortalMail.confirm.subject", { company: tenant.name, reference: request.reference }),
    ...composeMail({
      paragraphs: [
        t("PortalMail.confirm.body", { company: tenant.name, reference: request.reference, type }),
        t("PortalMail.confirm.keep"),
        t("PortalMail.confirm.ignore"),
      ],
      action: { label: t("PortalMail.confirm.action"), url: `${publicOrigin()}${tenantPath(locale, tenant.slug, "/request/status")}?token=${token}` },
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

/** A repeated request, confirmed, of a type that is already open: its details were added to the open one. */
export async function sendMergedNotice(tenant: TenantRef, request: NotifiedRequest): Promise<void> {
  await mailRequester(tenant, request, (t, locale) => {
    const type = t(`Requests.types.${request.type}.title`);
    return {
      subject: t("PortalMail.merged.subject", { company: tenant.name, reference: request.reference }),
      paragraphs: [
        t("PortalMail.merged.body", { company: tenant.name, reference: request.reference, type, due: request.dueAt ? formatDate(request.dueAt, locale) : "" }),
        ...(request.subjectId ? [] : [t("PortalMail.merged.follow")]),
      ],
    };
  });
}
