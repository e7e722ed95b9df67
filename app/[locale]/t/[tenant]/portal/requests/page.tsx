import type { Metadata } from "next";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import { PortalTable } from "@/components/portal/portal-table";
import { RequestTypeChoice } from "@/components/portal/request-types";
import { complaintGrounds } from "@/lib/complaints/grounds";
import { formatDate, translator } from "@/lib/i18n/messages";
import { resolvePortalPage } from "@/lib/portal/page";
import { erasureState } from "@/lib/erasure/erasure";
import { listRequests } from "@/lib/requests/requests";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Requests.list.title"), robots: { index: false } };
}

/** The person's requests with their status and deadline, and the way to make a new one. */
export default async function RequestsPage({ params }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const requests = await listRequests(tenant, { subjectId: subject.id });
  const grounds = await complaintGrounds(tenant, requests);
  return (
    <PortalShell page={page} subject={subject} section="requests">
      <div className="space-y-8">
        <PageHeader title={t("Requests.list.title")} intro={t("Requests.list.intro", { company: tenant.name })} />
        {requests.length === 0 ? (
          <p>{t("Requests.list.empty")}</p>
        ) : (
          <PortalTable
            label={t("Requests.list.title")}
            testId="request-list"
            columns={[t("Requests.list.reference"), t("Requests.list.type"), t("Requests.list.status"), t("Requests.list.received"), t("Requests.list.due")]}
          >
            {requests.map((request) => (
              <tr key={request.id} className="border-b border-line align-top" data-testid={`request-${request.reference}`}>
                <td className="whitespace-nowrap py-1 pe-4">
                  <a href={href(`/portal/requests/${request.reference}`)}>{request.reference}</a>
                </td>
                <td className="py-1 pe-4">{t(`Requests.types.${request.type}.title`)}</td>
                <td className="py-1 pe-4">
                  {t(`Requests.status.${request.status}`)}
                  {request.erasureDueAt && erasureState(request) === "scheduled" && (
                    <span className="block text-sm" data-testid={`erasure-due-${request.reference}`}>
                      {t("Requests.list.erasureDue", { date: formatDate(request.erasureDueAt, locale) })}
                    </span>
                  )}
                  {grounds.get(request.id) === "late" && (
                    <span className="ms-2 rounded border border-current px-1 text-xs font-semibold uppercase">{t("Complaint.request.lateBadge")}</span>
                  )}
                  {grounds.has(request.id) && (
                    <a href={href("/portal/complain")} className="mt-1 block text-sm" data-testid={`complain-link-${request.reference}`}>
                      {t("Complaint.link")}
                    </a>
                  )}
                </td>
                <td className="whitespace-nowrap py-1 pe-4">{request.receivedAt ? formatDate(request.receivedAt, locale) : t("Portal.empty")}</td>
                <td className="whitespace-nowrap py-1 pe-4">
                  {request.extendedDueAt ? formatDate(request.extendedDueAt, locale) : request.dueAt ? formatDate(request.dueAt, locale) : t("Portal.empty")}
                </td>
              </tr>
            ))}
          </PortalTable>
        )}
        <RequestTypeChoice locale={locale} heading={t("Requests.list.newHeading")} hrefFor={(type) => `${href("/portal/requests/new")}?type=${type}`} />
      </div>
    </PortalShell>
  );
}
