import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { RequestForm } from "@/components/portal/request-form";
import { RequestTypeChoice } from "@/components/portal/request-types";
import { translator } from "@/lib/i18n/messages";
import { localized } from "@/lib/portal/consent";
import { withTenant } from "@/lib/db/tenant-db";
import { requestTypes } from "@/lib/requests/requests";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }>; searchParams: Promise<{ type?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Requests.public.title", { company: tenant.name }) };
}

/** A request without an account: choose the kind, fill in the form, confirm the address by mail. No JavaScript needed. */
export default async function PublicRequestPage({ params, searchParams }: Props) {
  const page = await resolveTenantPage(params);
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const asked = (await searchParams).type;
  const type = requestTypes.find((candidate) => candidate === asked);
  const purposes =
    type === "OBJECTION"
      ? await withTenant(tenant.id, (tx) =>
          tx.consentPurpose.findMany({ where: { tenantId: tenant.id, active: true }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
        )
      : [];
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <div className="space-y-6" data-testid="public-request">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold">{t("Requests.public.title", { company: tenant.name })}</h1>
          <p className="max-w-3xl">{t("Requests.public.intro", { company: tenant.name })}</p>
          <p>
            {t("Requests.public.haveAccount")} <a href={href("/portal")}>{t("Requests.public.signIn")}</a>
          </p>
        </header>
        {type ? (
          <section aria-labelledby="request-form-heading" className="space-y-3">
            <h2 id="request-form-heading" className="text-2xl font-semibold">
              {t("Requests.form.title", { type: t(`Requests.types.${type}.title`) })}
            </h2>
            <p className="max-w-3xl">{t(`Requests.types.${type}.description`)}</p>
            <ClientMessages namespaces={["Errors", "Requests"]}>
              <RequestForm
                mode="public"
                tenant={tenant.slug}
                locale={locale}
                company={tenant.name}
                type={type}
                purposes={purposes.map((p) => ({ key: p.key, title: localized(p.title, locale) }))}
              />
            </ClientMessages>
            <p>
              <a href={href("/request")}>{t("Requests.form.chooseOther")}</a>
            </p>
          </section>
        ) : (
          <RequestTypeChoice locale={locale} heading={t("Requests.list.chooseType")} hrefFor={(choice) => `${href("/request")}?type=${choice}`} />
        )}
        <p>
          <a href={href()}>{t("Requests.public.toStatement")}</a>
        </p>
      </div>
    </PageShell>
  );
}
