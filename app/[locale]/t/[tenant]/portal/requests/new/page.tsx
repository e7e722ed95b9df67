import type { Metadata } from "next";
import { PortalShell } from "@/components/portal/portal-shell";
import { RequestForm } from "@/components/portal/request-form";
import { RequestTypeChoice } from "@/components/portal/request-types";
import { translator } from "@/lib/i18n/messages";
import { consentStates, localized } from "@/lib/portal/consent";
import { resolvePortalPage } from "@/lib/portal/page";
import { requestTypes } from "@/lib/requests/requests";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = {
  params: Promise<{ locale: string; tenant: string }>;
  searchParams: Promise<{ type?: string; category?: string; source?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Requests.list.newHeading"), robots: { index: false } };
}

const param = (value: unknown) => (typeof value === "string" ? value.slice(0, 200) : "");

/** A new request of one type; a rectification can start from a group of records that is wrong. */
export default async function NewRequestPage({ params, searchParams }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const query = await searchParams;
  const type = requestTypes.find((candidate) => candidate === query.type);
  const chooseHref = (choice: string) => `${href("/portal/requests/new")}?type=${choice}`;
  if (!type) {
    return (
      <PortalShell page={page} subject={subject} section="requests">
        <h1 className="mb-4 text-3xl font-bold">{t("Requests.list.newHeading")}</h1>
        <RequestTypeChoice locale={locale} heading={t("Requests.list.chooseType")} hrefFor={chooseHref} />
      </PortalShell>
    );
  }
  const purposes = type === "OBJECTION" ? (await consentStates(tenant, subject.id)).map((p) => ({ key: p.key, title: localized(p.title, locale) })) : [];
  const category = param(query.category);
  const source = param(query.source);
  const initialDetails = type === "RECTIFICATION" && category ? `${t("Requests.form.aboutRecords", { category, source: source || "—" })}\n` : undefined;
  return (
    <PortalShell page={page} subject={subject} section="requests">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Requests.form.title", { type: t(`Requests.types.${type}.title`) })}</h1>
        <p className="max-w-3xl">{t(`Requests.types.${type}.description`)}</p>
        <RequestForm
          mode="portal"
          tenant={tenant.slug}
          locale={locale}
          company={tenant.name}
          type={type}
          purposes={purposes}
          initialDetails={initialDetails}
          requestHref={href("/portal/requests/{reference}")}
        />
        <p>
          <a href={href("/portal/requests/new")}>{t("Requests.form.chooseOther")}</a>
        </p>
      </div>
    </PortalShell>
  );
}
