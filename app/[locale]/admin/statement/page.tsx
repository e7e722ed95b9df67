import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { editorOptions } from "@/components/editor/options";
import { StatementEditor } from "@/components/editor/statement-editor";
import { StatementNav } from "@/components/editor/statement-nav";
import { can } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { loadDraft } from "@/lib/policy/draft";
import { blockHeadings } from "@/lib/policy/public-statement";
import { controllerFromTenant } from "@/lib/policy/versions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Editor.title") };
}

export default async function StatementEditorPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/statement`);
  const t = translator(locale);
  const draft = await loadDraft(context.tenant);
  const canPublish = can(context.role, "statement.publish");
  return (
    <ConsoleShell context={context} locale={locale} section="statement">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Editor.title")}</h1>
        <p className="max-w-3xl">{t("Editor.intro")}</p>
        <StatementNav locale={locale} current="edit" canPublish={canPublish} />
        <StatementEditor
          locale={locale}
          draft={{
            base: draft.base,
            draftId: draft.draftId,
            revision: draft.revision,
            latestNumber: draft.latestNumber,
            content: draft.content,
            pending: draft.pending,
          }}
          controller={controllerFromTenant(context.tenant)}
          options={editorOptions(locale)}
          canEdit={can(context.role, "statement.edit")}
          links={{ settings: `/${locale}/admin/settings` }}
          headings={blockHeadings()}
        />
      </div>
    </ConsoleShell>
  );
}
