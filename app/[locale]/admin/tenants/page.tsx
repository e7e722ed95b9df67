import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { chooseTenant } from "@/app/[locale]/admin/actions";
import { consoleState, signInPath } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.tenantsTitle") };
}

/** Lists the tenants the signed-in person belongs to, to pick the active one. */
export default async function TenantsPage({ params }: Props) {
  const locale = await localeParam(params);
  const state = await consoleState();
  if (!state) redirect(signInPath(locale, `/${locale}/admin/tenants`));
  const t = translator(locale);
  return (
    <PageShell locale={locale}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Console.tenantsTitle")}</h1>
        {state.memberships.length === 0 ? (
          <p>{t("Console.noTenants")}</p>
        ) : (
          <ul className="space-y-2" data-testid="tenant-choices">
            {state.memberships.map((membership) => (
              <li key={membership.tenant.id}>
                <form action={chooseTenant} className="flex flex-wrap items-center gap-3 rounded border border-line p-3">
                  <input type="hidden" name="tenantId" value={membership.tenant.id} />
                  <input type="hidden" name="locale" value={locale} />
                  <span className="font-semibold">{membership.tenant.name}</span>
                  <span className="text-sm text-muted">{t(`Console.roles.${membership.role}`)}</span>
                  <button type="submit" className="ms-auto rounded border border-gray-600 px-3 py-1">
                    {t("Console.choose", { name: membership.tenant.name })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/${locale}/signup`}>{t("Console.addTenant")}</a>
        </p>
      </div>
    </PageShell>
  );
}
