import type { Metadata } from "next";
import { CompanyForm } from "@/components/console/company-form";
import { ConsoleShell } from "@/components/console/console-shell";
import { authorities } from "@/lib/authorities/data";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { countryName, countryOptions } from "@/lib/geo/countries";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { controllerFromTenant } from "@/lib/policy/versions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.settings.title") };
}

export default async function SettingsPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/settings`);
  const t = translator(locale);
  const { tenant } = context;
  const authorityOptions = authorities
    .map((a) => ({ value: a.id, label: `${countryName(a.country, locale)}: ${locale === "en" ? a.name.en : a.name.local}${a.acronym ? ` (${a.acronym})` : ""}` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <ConsoleShell context={context} locale={locale} section="settings">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Console.settings.title")}</h1>
        <p className="max-w-3xl text-muted">{t("Console.settings.intro")}</p>
        <CompanyForm
          readOnly={!can(context.role, "settings.edit")}
          countries={countryOptions(locale)}
          authorities={authorityOptions}
          company={{
            ...controllerFromTenant(tenant),
            accentColor: tenant.accentColor,
            embedOrigins: tenant.embedOrigins,
            erasureGraceDays: tenant.erasureGraceDays,
            timeZone: tenant.timeZone,
          }}
          timeZones={Intl.supportedValuesOf("timeZone").map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        />
      </div>
    </ConsoleShell>
  );
}
