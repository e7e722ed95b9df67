import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { LanguageSwitch } from "@/components/language-switch";
import { signOutAction } from "@/app/[locale]/admin/actions";
import { can } from "@/lib/auth/permissions";
import type { ConsoleContext } from "@/lib/console/context";
import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

export type ConsoleSection = "overview" | "statement" | "requests" | "consent" | "team" | "settings" | "integrations" | "webhooks" | "audit";

/** The frame of every admin console page: the active tenant, the navigation, who is signed in. */
export function ConsoleShell({
  context,
  locale,
  section,
  children,
}: {
  context: ConsoleContext;
  locale: Locale;
  section: ConsoleSection;
  children: ReactNode;
}) {
  const t = translator(locale);
  const links: Array<{ id: ConsoleSection; href: string; label: string; show: boolean }> = [
    { id: "overview", href: `/${locale}/admin`, label: t("Console.nav.overview"), show: true },
    { id: "statement", href: `/${locale}/admin/statement`, label: t("Console.nav.statement"), show: true },
    { id: "requests", href: `/${locale}/admin/requests`, label: t("Console.nav.requests"), show: can(context.role, "requests.view") },
    { id: "team", href: `/${locale}/admin/team`, label: t("Console.nav.team"), show: true },
    { id: "settings", href: `/${locale}/admin/settings`, label: t("Console.nav.settings"), show: true },
    { id: "consent", href: `/${locale}/admin/consent`, label: t("Console.nav.consent"), show: true },
    { id: "integrations", href: `/${locale}/admin/integrations`, label: t("Console.nav.integrations"), show: can(context.role, "integrations.manage") },
    { id: "webhooks", href: `/${locale}/admin/webhooks`, label: t("Console.nav.webhooks"), show: can(context.role, "integrations.manage") },
    { id: "audit", href: `/${locale}/admin/audit`, label: t("Console.nav.audit"), show: can(context.role, "audit.view") },
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("Common.skipToContent")}
      </a>
      <header className="border-b border-line bg-gray-50" style={{ borderTop: `4px solid ${context.tenant.accentColor}` }}>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-3">
            <a href={`/${locale}/admin`} className="text-lg font-semibold no-underline">
              {t("Meta.siteName")}
            </a>
            <span aria-hidden="true">/</span>
            <span data-testid="active-tenant" className="font-semibold">
              {context.tenant.name}
            </span>
            {context.memberships.length > 1 && (
              <a href={`/${locale}/admin/tenants`} className="text-sm">
                {t("Console.switchTenant")}
              </a>
            )}
            <span className="rounded bg-gray-200 px-2 py-0.5 text-sm" data-testid="active-role">
              {t(`Console.roles.${context.role}`)}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <span>{context.user.email}</span>
            <form action={signOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="underline">
                {t("SignIn.signOut")}
              </button>
            </form>
            <LanguageSwitch locale={locale} />
          </div>
        </div>
        <nav aria-label={t("Console.nav.label")} className="mx-auto max-w-6xl px-4">
          <ul className="flex flex-wrap gap-1">
            {links
              .filter((link) => link.show)
              .map((link) => (
                <li key={link.id}>
                  <a
                    href={link.href}
                    aria-current={link.id === section ? "page" : undefined}
                    className="block border-b-4 border-transparent px-3 py-2 no-underline aria-[current=page]:border-brand aria-[current=page]:font-semibold"
                  >
                    {link.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <ClientMessages namespaces={["Errors", "Console", "Editor", "Completeness", "RequestAdmin"]}>{children}</ClientMessages>
      </main>
    </div>
  );
}

