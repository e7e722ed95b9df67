import { withPlatform, withTenant } from "@/lib/db/tenant-db";
import { formatDate, translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { dueSoonUntil, effectiveDueAt } from "./deadline";

/**
 * A daily digest for each tenant's owners and admins: the requests due within seven
 * days and those already overdue. At most one digest per person, tenant and day
 * (ReminderDigest), in the person's language. This job reads across tenants, which
 * is why it lives here and not behind withTenant.
 */

const openForDeadline = ["RECEIVED", "IDENTITY_CONFIRMED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "EXTENDED"] as const;

export async function sendReminderDigests(now = new Date()): Promise<{ digests: number }> {
  const horizon = dueSoonUntil(now);
  const day = now.toISOString().slice(0, 10);
  const due = await withPlatform((tx) =>
    tx.dataRequest.findMany({
      where: {
        status: { in: [...openForDeadline] },
        effectiveDueAt: { lte: horizon },
      },
      select: { tenantId: true, reference: true, type: true, dueAt: true, extendedDueAt: true },
      orderBy: { dueAt: "asc" },
    }),
  );
  const byTenant = new Map<string, typeof due>();
  for (const request of due) byTenant.set(request.tenantId, [...(byTenant.get(request.tenantId) ?? []), request]);
  let digests = 0;
  for (const [tenantId, requests] of byTenant) {
    const { tenant, staff } = await withTenant(tenantId, async (tx) => ({
      tenant: await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, name: true } }),
      staff: await tx.membership.findMany({
        where: { tenantId, role: { in: ["OWNER", "ADMIN"] } },
        include: { user: { select: { id: true, email: true, locale: true } } },
      }),
    }));
    for (const { user } of staff) {
      const claimed = await withTenant(tenantId, (tx) =>
        tx.reminderDigest.createMany({ data: [{ tenantId, userId: user.id, day }], skipDuplicates: true }),
      );
      if (claimed.count === 0) continue;
      await sendMail({ to: user.email, tenantId, ...digestMail(tenant.name, requests, user.locale === "en" ? "en" : "nl", now) });
      digests++;
    }
  }
  return { digests };
}

type DueRequest = { reference: string; type: string; dueAt: Date | null; extendedDueAt: Date | null };

function digestMail(company: string, requests: DueRequest[], locale: Locale, now: Date) {
  const t = translator(locale);
  const deadline = (r: DueRequest) => effectiveDueAt(r)!;
  const overdue = requests.filter((r) => deadline(r) < now);
  const soon = requests.filter((r) => deadline(r) >= now);
  const line = (r: DueRequest) => `${r.reference} (${t(`Reminders.types.${r.type as "ACCESS"}`)}) — ${formatDate(deadline(r), locale)}`;
  const paragraphs = [
    t("Reminders.intro", { company, overdue: overdue.length, soon: soon.length }),
    ...(overdue.length ? [`${t("Reminders.overdue")}\n${overdue.map(line).join("\n")}`] : []),
    ...(soon.length ? [`${t("Reminders.soon")}\n${soon.map(line).join("\n")}`] : []),
  ];
  return {
    subject: t("Reminders.subject", { company, count: requests.length }),
    ...composeMail({ paragraphs, action: { label: t("Reminders.action"), url: `${publicOrigin()}/${locale}/admin/requests` }, footer: t("Mail.footer") }),
  };
}
