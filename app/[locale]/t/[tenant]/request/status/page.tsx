import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { NothingHeld } from "@/components/portal/access-information";
import { RequestDetail } from "@/components/portal/request-detail";
import { RequesterActions } from "@/components/portal/requester-actions";
import { TokenForm } from "@/components/portal/token-form";
import { formatDate, translator } from "@/lib/i18n/messages";
import { findRequest } from "@/lib/requests/requests";
import { isOpen } from "@/lib/requests/status";
import { resolveTenantPage } from "@/lib/tenant-page";
import { confirmPublicRequest } from "../actions";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ token?: string; confirmed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Requests.follow.title", { company: tenant.name }), robots: { index: false } };
}

/**
 * Behind the link mailed for a request without an account: first the button that
 * confirms it, later its status and history, with adding information and withdrawing.
 */
export default async function RequestStatusPage({ params, searchParams }: Props) {
  const page = await resolveTenantPage(params);
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token.slice(0, 200) : "";
  const request = token ? await findRequest(tenant, { token }) : null;
  const target = { token };
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <ClientMessages namespaces={["Errors", "Requests"]}>
        <div className="space-y-6" data-testid="request-status-page">
          <h1 className="text-3xl font-bold">{request ? t("Requests.detail.title", { reference: request.reference }) : t("Requests.follow.title", { company: tenant.name })}</h1>
          {!request && (
            <>
              <p role="alert">{t("Requests.follow.invalid")}</p>
              <p>
                <a href={href("/request")}>{t("Requests.follow.again")}</a>
              </p>
            </>
          )}
          {request?.status === "AWAITING_CONFIRMATION" && (
            <div className="max-w-2xl space-y-3">
              <p>{t("Requests.follow.confirmIntro", { reference: request.reference, company: tenant.name })}</p>
              <TokenForm action={confirmPublicRequest} tenant={tenant.slug} locale={locale} token={token} label={t("Requests.follow.confirm")} testId="confirm-request" />
            </div>
          )}
          {request && query.confirmed === "1" && request.status !== "AWAITING_CONFIRMATION" && request.dueAt && (
            <p role="status" className="max-w-2xl rounded border border-green-700 bg-green-50 p-3 text-green-900" data-testid="request-confirmed">
              {t("Requests.follow.confirmed", { reference: request.reference, due: formatDate(request.dueAt, locale) })}
            </p>
          )}
          {request?.nothingHeld && request.requesterEmail && <NothingHeld locale={locale} company={tenant.name} email={request.requesterEmail} />}
          {request && (
            <RequestDetail
              request={request}
              locale={locale}
              company={tenant.name}
              actions={
                request.status === "AWAITING_CONFIRMATION" ? null : (
                  <RequesterActions open={isOpen(request.status)} tenant={tenant.slug} locale={locale} company={tenant.name} target={target} />
                )
              }
            />
          )}
        </div>
      </ClientMessages>
    </PageShell>
  );
}
