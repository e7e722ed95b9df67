import type { Metadata } from "next";
import { ClientMessages } from "@/components/client-messages";
import { ConsoleShell } from "@/components/console/console-shell";
import { AddFieldForm, AddPurposeForm, EditFieldForm, EditPurposeForm } from "@/components/portal/admin-forms";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { localized } from "@/lib/portal/consent";
import { portalSettings } from "@/lib/portal/settings";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Portal.admin.title") };
}

/** What the tenant's portal offers: consent purposes (nl/en) and extra profile fields. Changes need settings.edit. */
export default async function PortalSettingsPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/consent`);
  const t = translator(locale);
  const readOnly = !can(context.role, "settings.edit");
  const { purposes, fields, statementPurposes } = await portalSettings(context.tenant);
  const options = statementPurposes.map((p) => ({ uid: p.uid, name: localized(p.name, locale) }));
  return (
    <ConsoleShell context={context} locale={locale} section="settings">
      <ClientMessages namespaces={["Errors", "Portal"]}>
        <div className="space-y-10">
          <header className="space-y-2">
            <h1 className="text-3xl font-bold">{t("Portal.admin.title")}</h1>
            <p className="max-w-3xl text-muted">{t("Portal.admin.intro")}</p>
            {readOnly && <p role="note">{t("Portal.admin.readOnly")}</p>}
          </header>

          <section aria-labelledby="purposes-heading" className="space-y-4">
            <h2 id="purposes-heading" className="text-2xl font-semibold">
              {t("Portal.admin.purposesHeading")}
            </h2>
            <p className="max-w-3xl">{t("Portal.admin.purposesIntro")}</p>
            {purposes.length === 0 && <p>{t("Portal.admin.noPurposes")}</p>}
            <ul className="space-y-4" data-testid="purposes">
              {purposes.map((purpose) => (
                <li key={purpose.id} className="space-y-2 rounded border border-line p-4" data-testid={`purpose-${purpose.key}`}>
                  <h3 className="text-lg font-semibold">
                    <code>{purpose.key}</code>
                    {!purpose.active && <span className="ms-2 text-sm font-normal text-muted">{t("Portal.admin.inactive")}</span>}
                  </h3>
                  <p className="text-sm" data-testid={`purpose-statement-${purpose.key}`}>
                    {purpose.statementPurposeName
                      ? t("Portal.admin.belongsTo", { purpose: localized(purpose.statementPurposeName, locale), version: purpose.version })
                      : t("Portal.admin.notInStatement", { version: purpose.version })}
                  </p>
                  <EditPurposeForm
                    readOnly={readOnly}
                    statementPurposes={options}
                    purpose={{ ...purpose, title: { nl: purpose.title.nl ?? "", en: purpose.title.en ?? "" }, description: { nl: purpose.description.nl ?? "", en: purpose.description.en ?? "" } }}
                  />
                </li>
              ))}
            </ul>
            {!readOnly && (
              <>
                <h3 className="text-xl font-semibold">{t("Portal.admin.addPurpose")}</h3>
                <AddPurposeForm statementPurposes={options} />
              </>
            )}
          </section>

          <section aria-labelledby="fields-heading" className="space-y-4">
            <h2 id="fields-heading" className="text-2xl font-semibold">
              {t("Portal.admin.fieldsHeading")}
            </h2>
            <p className="max-w-3xl">{t("Portal.admin.fieldsIntro")}</p>
            {fields.length === 0 && <p>{t("Portal.admin.noFields")}</p>}
            <ul className="space-y-4" data-testid="profile-fields">
              {fields.map((field) => (
                <li key={field.id} className="space-y-2 rounded border border-line p-4">
                  <h3 className="text-lg font-semibold">
                    <code>{field.key}</code>
                  </h3>
                  <EditFieldForm readOnly={readOnly} field={{ ...field, label: { nl: field.label.nl ?? "", en: field.label.en ?? "" } }} />
                </li>
              ))}
            </ul>
            {!readOnly && (
              <>
                <h3 className="text-xl font-semibold">{t("Portal.admin.addField")}</h3>
                <AddFieldForm />
              </>
            )}
          </section>
        </div>
      </ClientMessages>
    </ConsoleShell>
  );
}
