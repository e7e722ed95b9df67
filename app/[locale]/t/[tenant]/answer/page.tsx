import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { AccessInformation } from "@/components/portal/access-information";
import { AnswerCodeForm } from "@/components/portal/answer-code-form";
import { TokenForm } from "@/components/portal/token-form";
import { accessInformation } from "@/lib/export/access-information";
import { answerDownloadState, answerGrantCookie } from "@/lib/export/answer-download";
import { translator } from "@/lib/i18n/messages";
import { resolveTenantPage } from "@/lib/tenant-page";
import { confirmAnswerCodeAction, sendAnswerCodeAction } from "./actions";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("AccessInfo.download.title", { company: tenant.name }), robots: { index: false } };
}

/**
 * Behind the link mailed with an access answer for a request not filed in the portal
 * (lib/export/answer-download.ts): confirm the address again with a mailed code, then
 * the download and the art. 15 information. An unknown or expired link, or one of
 * another tenant, is a 404 (not-found.tsx explains download links).
 */
export default async function AnswerPage({ params, searchParams }: Props) {
  const { tenant, locale, href } = await resolveTenantPage(params);
  const t = translator(locale);
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token.slice(0, 200) : "";
  const grant = (await cookies()).get(answerGrantCookie)?.value;
  const state = await answerDownloadState(tenant, token, grant);
  if (state.kind === "unknown" || state.kind === "expired") notFound();
  const until = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: tenant.timeZone }).format(state.expiresAt);
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <ClientMessages namespaces={["Errors", "AccessInfo"]}>
        <div className="space-y-6" data-testid="answer-page">
          <h1 className="text-3xl font-bold">{t("AccessInfo.download.title", { company: tenant.name })}</h1>
          {state.kind === "confirm" && (
            <div className="max-w-2xl space-y-4">
              <p>{t("AccessInfo.download.intro", { company: tenant.name, reference: state.reference, email: state.maskedEmail })}</p>
              {state.codeSent && (
                <>
                  <p role="status" data-testid="answer-code-sent">
                    {t("AccessInfo.download.codeSent", { email: state.maskedEmail })}
                  </p>
                  <AnswerCodeForm
                    action={confirmAnswerCodeAction}
                    tenant={tenant.slug}
                    locale={locale}
                    token={token}
                    label={t("AccessInfo.download.code")}
                    submit={t("AccessInfo.download.confirm")}
                  />
                </>
              )}
              <TokenForm action={sendAnswerCodeAction} tenant={tenant.slug} locale={locale} token={token} label={t("AccessInfo.download.send")} testId="answer-send-code" />
            </div>
          )}
          {state.kind === "ready" && (
            <>
              <div className="max-w-2xl space-y-3">
                <p role="status">{t("AccessInfo.download.ready", { date: until })}</p>
                <p>
                  <a
                    href={`/api/t/${tenant.slug}/answer?${new URLSearchParams({ token, locale })}`}
                    download
                    className="font-semibold"
                    data-testid="answer-download-link"
                  >
                    {t("AccessInfo.download.file", { filename: state.filename })}
                  </a>
                </p>
              </div>
              <AccessInformation info={await accessInformation(tenant, state.subjectId, state.answeredAt ?? new Date(), locale)} locale={locale} company={tenant.name} />
            </>
          )}
        </div>
      </ClientMessages>
    </PageShell>
  );
}
