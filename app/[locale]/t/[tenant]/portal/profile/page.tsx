import type { Metadata } from "next";
import { formatDateTime } from "@/components/portal/format";
import { PageHeader } from "@/components/portal/page-header";
import { PortalShell } from "@/components/portal/portal-shell";
import { HistorySection } from "@/components/portal/portal-table";
import { ProfileForm } from "@/components/portal/profile-form";
import { translator } from "@/lib/i18n/messages";
import { customValues, profileFields, profileHistory } from "@/lib/portal/profile";
import { resolvePortalPage } from "@/lib/portal/page";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Portal.profile.title"), robots: { index: false } };
}

const standardLabels = ["name", "email", "phone", "postalAddress", "companyName", "vatNumber", "preferredLocale"] as const;

/** Correcting one's profile, and the history of every change to it. */
export default async function ProfilePage({ params }: Props) {
  const page = await resolvePortalPage(params);
  const { tenant, locale, href, subject } = page;
  const t = translator(locale);
  const [fields, history] = await Promise.all([profileFields(tenant), profileHistory(tenant, subject.id)]);
  const custom = customValues(subject.customFields);
  const labelOf = (field: string): string => {
    if ((standardLabels as readonly string[]).includes(field)) return t(`Portal.fields.${field as (typeof standardLabels)[number]}`);
    const key = field.replace(/^customFields\./, "");
    return fields.find((f) => f.key === key)?.label[locale] || key;
  };
  const byLabel = (by: string) =>
    by === "subject" || by === "user" || by === "api" || by === "system" ? t(`Portal.profile.changedBy.${by}`, { company: tenant.name }) : by;
  return (
    <PortalShell page={page} subject={subject} section="profile">
      <div className="space-y-8">
        <PageHeader title={t("Portal.profile.title")} intro={t("Portal.profile.intro")} />
        {subject.pendingEmail && (
          <p role="note" className="max-w-2xl rounded border border-amber-600 bg-amber-50 p-3" data-testid="pending-email">
            {t("Portal.profile.pendingEmail", { email: subject.pendingEmail, current: subject.email })}
          </p>
        )}
        <ProfileForm
          tenant={tenant.slug}
          locale={locale}
          profile={{
            name: subject.name,
            email: subject.email,
            phone: subject.phone,
            postalAddress: subject.postalAddress,
            companyName: subject.companyName,
            vatNumber: subject.vatNumber,
            preferredLocale: subject.preferredLocale === "en" ? "en" : "nl",
            custom: fields.map((field) => ({ key: field.key, label: field.label[locale] || field.key, value: custom[field.key] ?? null })),
          }}
        />
        <HistorySection
          headingId="history-heading"
          heading={t("Portal.profile.historyHeading")}
          empty={t("Portal.profile.historyEmpty")}
          testId="profile-history"
          columns={[t("Portal.profile.when"), t("Portal.profile.field"), t("Portal.profile.oldValue"), t("Portal.profile.newValue"), t("Portal.profile.by")]}
        >
          {history.map((change) => (
            <tr key={change.id} className="border-b border-line align-top">
              <td className="whitespace-nowrap py-1 pe-4">{formatDateTime(change.changedAt, locale)}</td>
              <td className="py-1 pe-4">{labelOf(change.field)}</td>
              <td className="whitespace-pre-line py-1 pe-4">{change.oldValue ?? t("Portal.empty")}</td>
              <td className="whitespace-pre-line py-1 pe-4">{change.newValue ?? t("Portal.empty")}</td>
              <td className="py-1 pe-4">{byLabel(change.changedBy)}</td>
            </tr>
          ))}
        </HistorySection>
      </div>
    </PortalShell>
  );
}
