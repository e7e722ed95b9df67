import type { Metadata } from "next";
import { PortalShell } from "@/components/portal/portal-shell";
import { RequestDetail } from "@/components/portal/request-detail";
import { RequesterActions } from "@/components/portal/requester-actions";
import { ClientMessages } from "@/components/client-messages";
import { AccessInformation, NothingHeld } from "@/components/portal/access-information";
import { accessInformation } from "@/lib/export/access-information";
import { ReminderForm } from "@/components/complaints/reminder-form";
import { complaintGround, countingDueAt, extensionMoment, timeliness } from "@/lib/complaints/late";
import { nextReminderAt, remindersOf } from "@/lib/complaints/reminders";
import { formatDate, translator } from "@/lib/i18n/messages";
import { consentStates, localized } from "@/lib/portal/consent";
import { formatDateTime } from "@/components/portal/format";
import { requesterAttachments } from "@/lib/requests/attachments";
import { recipientsTold } from "@/lib/requests/recipients";
import { RecipientsTold } from "@/components/portal/recipients-told";
import { resolvePortalPage } from "@/lib/portal/page";
import { normalizeReference } from "@/lib/requests/reference";
import { tenantCalendar } from "@/lib/requests/deadline";
import { findRequest } from "@/lib/requests/requests";
import { isActive, isOpen } from "@/lib/requests/status";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string; reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  const reference = normalizeReference((await params).reference) ?? "";
  return { title: translator(locale)("Requests.detail.title", { reference }), robots: { index: false } };
}

/** One of the person's requests: status, deadline, history; add information or withdraw while open. */
export default async function RequestPage({ params }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const reference = normalizeReference((await params).reference);
  const request = reference ? await findRequest(tenant, { subjectId: subject.id }, reference) : null;
  if (!request) {
    return (
      <PortalShell page={page} subject={subject} section="requests">
        <h1 className="mb-4 text-3xl font-bold">{t("Requests.list.title")}</h1>
        <p role="alert">{t("Errors.notFound")}</p>
        <p className="mt-4">
          <a href={href("/portal/requests")}>{t("Requests.detail.back")}</a>
        </p>
      </PortalShell>
    );
  }
  const purposeTitle =
    request.type === "OBJECTION" && request.target
      ? (await consentStates(tenant, subject.id)).find((p) => p.key === request.target)
      : undefined;
  const attachments = await requesterAttachments(tenant, subject.id, request.reference);
  const recipients = await recipientsTold(tenant, subject.id, request.reference);
  const target = { reference: request.reference };
  const now = new Date();
  const calendar = tenantCalendar(tenant);
  const facts = { ...request, extendedAt: extensionMoment(request.events) };
  const ground = complaintGround(facts, calendar, now);
  const due = countingDueAt(facts, calendar);
  const dueText = due ? formatDate(due, locale, calendar.timeZone) : "";
  const openLate = timeliness(facts, calendar, now) === "open-late";
  const groundText =
    ground === "late"
      ? t(openLate ? "Complaint.request.late" : "Complaint.request.closedLate", { company: tenant.name, due: dueText })
      : t("Complaint.request.rejected", { company: tenant.name });
  // Art. 15(1)/(2): a completed access request shows what the statement in force at its answer said.
  const answered = request.type === "ACCESS" && request.status === "COMPLETED";
  const information = answered && !request.nothingHeld ? await accessInformation(tenant, subject.id, request.closedAt ?? now, locale) : null;
  const reminders = isActive(request.status) ? await remindersOf(tenant.id, request.id) : [];
  const lastReminder = reminders.at(-1) ?? null;
  const waitUntil = nextReminderAt(lastReminder, now);
  return (
    <PortalShell page={page} subject={subject} section="requests">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("Requests.detail.title", { reference: request.reference })}</h1>
        {ground && (
          <div className="max-w-3xl space-y-1 rounded border-2 border-brand bg-blue-50 p-3" data-testid="request-complaint">
            <p>{groundText}</p>
            <p>
              <a href={href("/portal/complain")} className="font-semibold" data-testid="complain-link">
                {t("Complaint.link")}
              </a>
            </p>
          </div>
        )}
        <RequestDetail
          request={request}
          locale={locale}
          company={tenant.name}
          targetLabel={purposeTitle ? localized(purposeTitle.title, locale) : null}
          actions={<RequesterActions open={isOpen(request.status)} tenant={tenant.slug} locale={locale} company={tenant.name} target={target} />}
        />
        {isActive(request.status) && (
          <section aria-labelledby="reminder-heading" className="max-w-3xl space-y-2" data-testid="request-reminder">
            <h2 id="reminder-heading" className="text-xl font-semibold">
              {t("Complaint.reminder.heading")}
            </h2>
            <p>{t("Complaint.reminder.intro", { company: tenant.name })}</p>
            {openLate && <p className="font-semibold">{t("Complaint.reminder.late", { company: tenant.name, due: dueText })}</p>}
            {lastReminder && (
              <p data-testid="reminders-sent">{t("Complaint.reminder.last", { count: reminders.length, date: formatDateTime(lastReminder, locale) })}</p>
            )}
            {waitUntil ? (
              <p className="text-muted" data-testid="reminder-wait">
                {t("Complaint.reminder.wait", { date: formatDateTime(waitUntil, locale) })}
              </p>
            ) : (
              <ClientMessages namespaces={["Errors", "Complaint"]}>
                <ReminderForm tenant={tenant.slug} locale={locale} reference={request.reference} company={tenant.name} />
              </ClientMessages>
            )}
          </section>
        )}
        {answered && request.nothingHeld && <NothingHeld locale={locale} company={tenant.name} email={subject.email} />}
        {information && <AccessInformation info={information} locale={locale} company={tenant.name} />}
        {recipients && <RecipientsTold recipients={recipients} locale={locale} company={tenant.name} />}
        {attachments.length > 0 && (
          <section aria-labelledby="attachments-heading" className="space-y-2" data-testid="request-attachments">
            <h2 id="attachments-heading" className="text-xl font-semibold">
              {t("RequestAdmin.portal.attachments")}
            </h2>
            <p className="max-w-3xl text-sm">{t("RequestAdmin.portal.attachmentsIntro", { company: tenant.name })}</p>
            <ul className="list-disc ps-6">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/t/${tenant.slug}/portal/requests/${request.reference}/attachments/${a.id}`} download data-testid="request-attachment-link">
                    {a.filename}
                  </a>{" "}
                  <span className="text-sm text-muted">({formatDateTime(a.createdAt, locale)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <a href={href("/portal/requests")}>{t("Requests.detail.back")}</a>
        </p>
      </div>
    </PortalShell>
  );
}
