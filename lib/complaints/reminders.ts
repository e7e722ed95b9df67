import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { withTenant } from "@/lib/db/tenant-db";
import { formatDate, translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { tenantCalendar } from "@/lib/requests/deadline";
import { findRequest } from "@/lib/requests/requests";
import { isActive } from "@/lib/requests/status";
import { countingDueAt, daysLate, extensionMoment, timeliness } from "./late";
import { reminderKind } from "./schema";

/**
 * "Send a reminder": the person chases the tenant about an open request from its page
 * in the portal. An authority's complaint form asks whether and when the complainant
 * contacted the controller first (GDPR art. 77; the Dutch AP's form, for instance), so
 * each reminder is recorded in the request's history (RequestEvent kind "reminder",
 * actor "requester") and listed in the complaint dossier. The tenant's contact address
 * and its owners and admins are mailed. One reminder per request per day.
 */

export { reminderKind };
/** At most one reminder per request in this many hours. */
export const reminderIntervalHours = 24;

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "hashSalt" | "contactEmail" | "country" | "timeZone">;

/** Reminders the person sent about a request, oldest first. */
export async function remindersOf(tenantId: string, requestId: string): Promise<Date[]> {
  const events = await withTenant(tenantId, (tx) =>
    tx.requestEvent.findMany({ where: { tenantId, requestId, kind: reminderKind }, select: { at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
  );
  return events.map((event) => event.at);
}

/** When the next reminder may be sent, given the last one (null: now). */
export function nextReminderAt(last: Date | null, now = new Date()): Date | null {
  if (!last) return null;
  const next = new Date(last.getTime() + reminderIntervalHours * 3_600_000);
  return next.getTime() > now.getTime() ? next : null;
}

/**
 * Records a reminder about one of the person's own open requests and mails the tenant's
 * staff. Refuses a request that is not theirs ("notFound"), not open ("requestNotOpen")
 * or reminded within the last day ("reminderTooSoon").
 */
export async function sendReminder(tenant: TenantRef, subjectId: string, reference: string, now = new Date()): Promise<{ sentAt: Date }> {
  const request = await findRequest(tenant, { subjectId }, reference);
  if (!request) throw new ActionError("notFound");
  if (!isActive(request.status)) throw new ActionError("requestNotOpen");
  await withTenant(tenant.id, async (tx) => {
    // One reminder at a time per request: the row lock makes a second, simultaneous one wait and then see the first.
    await tx.$queryRaw`SELECT id FROM "DataRequest" WHERE id = ${request.id} AND "tenantId" = ${tenant.id} FOR UPDATE`;
    const last = await tx.requestEvent.findFirst({
      where: { tenantId: tenant.id, requestId: request.id, kind: reminderKind },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    if (nextReminderAt(last?.at ?? null, now)) throw new ActionError("reminderTooSoon");
    await tx.requestEvent.create({
      data: { tenantId: tenant.id, requestId: request.id, kind: reminderKind, actor: "requester", actorLabel: "portal", at: now },
    });
    await recordAudit(tx, tenant.id, {
      actorType: "subject",
      actorId: subjectId,
      actorLabel: "portal",
      action: "request.reminder",
      targetType: "DataRequest",
      targetId: request.id,
      subjectId,
    });
  });

  const calendar = tenantCalendar(tenant);
  const facts = { ...request, extendedAt: extensionMoment(request.events) };
  const due = countingDueAt(facts, calendar);
  const late = timeliness(facts, calendar, now) === "open-late" ? daysLate(facts, calendar, now) : null;
  for (const { email, locale } of await staffToTell(tenant)) {
    const t = translator(locale);
    const type = t(`Requests.types.${request.type}.title`);
    await sendMail({
      to: email,
      tenantId: tenant.id,
      subject: t("Complaint.reminder.mail.subject", { reference: request.reference }),
      ...composeMail({
        paragraphs: [
          t("Complaint.reminder.mail.intro", { reference: request.reference, type }),
          due ? t(late ? "Complaint.reminder.mail.late" : "Complaint.reminder.mail.due", { due: formatDate(due, locale, calendar.timeZone), days: late ?? 0 }) : "",
          t("Complaint.reminder.mail.record"),
        ].filter(Boolean),
        action: { label: t("Complaint.reminder.mail.action"), url: `${publicOrigin()}/${locale}/admin/requests/${request.reference}` },
        footer: t("Mail.footer"),
      }),
    });
  }
  return { sentAt: now };
}

/** The tenant's contact address (in Dutch) and its owners and admins (in their language), each once. */
async function staffToTell(tenant: TenantRef): Promise<Array<{ email: string; locale: Locale }>> {
  const staff = await withTenant(tenant.id, (tx) =>
    tx.membership.findMany({
      where: { tenantId: tenant.id, role: { in: ["OWNER", "ADMIN"] } },
      include: { user: { select: { email: true, locale: true } } },
      orderBy: { id: "asc" },
    }),
  );
  const seen = new Map<string, Locale>();
  for (const { user } of staff) seen.set(user.email.toLowerCase(), user.locale === "en" ? "en" : "nl");
  if (tenant.contactEmail && !seen.has(tenant.contactEmail.toLowerCase())) seen.set(tenant.contactEmail.toLowerCase(), "nl");
  return [...seen].map(([email, locale]) => ({ email, locale }));
}
