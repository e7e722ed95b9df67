import type { Metadata } from "next";
import { recordRequestAction } from "@/app/[locale]/admin/requests/actions";
import { ConsoleShell } from "@/components/console/console-shell";
import { AdminForm } from "@/components/requests/admin-form";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { localized } from "@/lib/portal/consent";
import { withTenant } from "@/lib/db/tenant-db";
import { channels } from "@/lib/requests/admin";
import { localDay, tenantCalendar } from "@/lib/requests/deadline";
import { requestTypes } from "@/lib/requests/inbox";
import { otherPurpose } from "@/lib/requests/requests";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("RequestAdmin.record.title") };
}

/** Staff record a request that reached the company by e-mail, phone or letter, on the requester's behalf. */
export default async function RecordRequestPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "requests.handle", `/${locale}/admin/requests/new`);
  const t = translator(locale);
  const today = localDay(new Date(), tenantCalendar(context.tenant));
  const purposes = await withTenant(context.tenant.id, (tx) =>
    tx.consentPurpose.findMany({ where: { tenantId: context.tenant.id }, orderBy: [{ position: "asc" }, { key: "asc" }] }),
  );
  return (
    <ConsoleShell context={context} locale={locale} section="requests">
      <div className="space-y-4">
        <p>
          <a href={`/${locale}/admin/requests`}>{t("RequestAdmin.backToInbox")}</a>
        </p>
        <h1 className="text-3xl font-bold">{t("RequestAdmin.record.title")}</h1>
        <p className="max-w-3xl text-muted">{t("RequestAdmin.record.intro")}</p>
        <AdminForm
          action={recordRequestAction}
          testId="record-request"
          submit={t("RequestAdmin.record.submit")}
          fields={[
            { kind: "hidden", name: "pageLocale", value: locale },
            {
              kind: "select",
              name: "type",
              label: t("RequestAdmin.record.type"),
              required: true,
              options: [{ value: "", label: t("RequestAdmin.record.choose") }, ...requestTypes.map((type) => ({ value: type, label: t(`Requests.types.${type}.title`) }))],
            },
            {
              kind: "select",
              name: "channel",
              label: t("RequestAdmin.record.channel"),
              required: true,
              options: channels.map((channel) => ({ value: channel, label: t(`Inbox.channels.${channel}`) })),
            },
            { kind: "date", name: "receivedOn", label: t("RequestAdmin.record.receivedOn"), hint: t("RequestAdmin.record.receivedOnHint"), required: true, max: today, defaultValue: today },
            { kind: "email", name: "requesterEmail", label: t("RequestAdmin.record.email"), hint: t("RequestAdmin.record.emailHint"), required: true, autoComplete: "off" },
            { kind: "text", name: "requesterName", label: t("RequestAdmin.record.name"), autoComplete: "off" },
            {
              kind: "select",
              name: "locale",
              label: t("RequestAdmin.record.language"),
              required: true,
              defaultValue: locale,
              options: (["nl", "en"] as const).map((l) => ({ value: l, label: t(`Common.languageNames.${l}`) })),
            },
            { kind: "textarea", name: "details", label: t("RequestAdmin.record.details"), hint: t("RequestAdmin.record.detailsHint") },
            {
              kind: "select",
              name: "purpose",
              label: t("RequestAdmin.record.purpose"),
              hint: t("RequestAdmin.record.purposeHint"),
              options: [
                { value: "", label: t("RequestAdmin.record.notApplicable") },
                ...purposes.map((p) => ({ value: p.key, label: localized(p.title, locale) || p.key })),
                { value: otherPurpose, label: t("RequestAdmin.record.otherPurpose") },
              ],
            },
            { kind: "text", name: "target", label: t("RequestAdmin.record.target"), hint: t("RequestAdmin.record.targetHint") },
          ]}
        />
      </div>
    </ConsoleShell>
  );
}
