import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { ConsoleShell } from "@/components/console/console-shell";
import { CreateKeyForm, RevokeKeyForm } from "@/components/console/integrations-forms";
import { HeadedSection } from "@/components/headed-section";
import { listApiKeys } from "@/lib/api/keys";
import { requireConsole } from "@/lib/console/context";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import type { Locale } from "@/lib/policy/content";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Integrations.title") };
}

function dateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(date);
}

/** API keys for the tenant's own systems: make one (shown once), see when each was used, revoke. */
export default async function IntegrationsPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "integrations.manage", `/${locale}/admin/integrations`);
  const t = translator(locale);
  const keys = await listApiKeys(context.tenant.id);
  return (
    <ConsoleShell context={context} locale={locale} section="integrations">
      <ClientMessages namespaces={["Errors", "Integrations"]}>
        <div className="space-y-8">
          <div className="space-y-2">
            <h1 className="text-3xl font-bold">{t("Integrations.title")}</h1>
            <p className="max-w-3xl text-muted">{t("Integrations.intro")}</p>
            <p>
              <a href="/api/v1/openapi.json">{t("Integrations.openapi")}</a>
            </p>
          </div>
          <HeadedSection id="create-key-heading" title={t("Integrations.createTitle")}>
            <p className="max-w-3xl text-muted">{t("Integrations.createIntro")}</p>
            <CreateKeyForm locale={locale} />
          </HeadedSection>
          <HeadedSection id="keys-heading" title={t("Integrations.keysTitle")}>
            {keys.length === 0 ? (
              <p>{t("Integrations.noKeys")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left" data-testid="api-keys">
                  <thead>
                    <tr className="border-b border-line">
                      <th scope="col" className="p-2">{t("Integrations.columns.name")}</th>
                      <th scope="col" className="p-2">{t("Integrations.columns.prefix")}</th>
                      <th scope="col" className="p-2">{t("Integrations.columns.created")}</th>
                      <th scope="col" className="p-2">{t("Integrations.columns.lastUsed")}</th>
                      <th scope="col" className="p-2">{t("Integrations.columns.status")}</th>
                      <th scope="col" className="p-2">
                        <span className="sr-only">{t("Integrations.columns.status")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {keys.map((key) => (
                      <tr key={key.id} className="border-b border-line align-top" data-testid={`api-key-${key.prefix}`}>
                        <th scope="row" className="p-2 font-semibold">
                          {key.name}
                        </th>
                        <td className="p-2 font-mono">{key.prefix}…</td>
                        <td className="p-2">{formatDate(key.createdAt, locale)}</td>
                        <td className="p-2">{key.lastUsedAt ? dateTime(key.lastUsedAt, locale) : t("Integrations.never")}</td>
                        <td className="p-2" data-testid="api-key-status">
                          {key.revokedAt ? t("Integrations.revokedOn", { date: formatDate(key.revokedAt, locale) }) : t("Integrations.active")}
                        </td>
                        <td className="p-2">{!key.revokedAt && <RevokeKeyForm locale={locale} keyId={key.id} name={key.name} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </HeadedSection>
        </div>
      </ClientMessages>
    </ConsoleShell>
  );
}
