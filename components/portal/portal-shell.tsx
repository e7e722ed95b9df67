import type { ReactNode } from "react";
import type { Subject } from "@/generated/prisma/client";
import { signOut } from "@/app/[locale]/t/[tenant]/portal/actions";
import { ClientMessages } from "@/components/client-messages";
import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n/messages";
import type { TenantPage } from "@/lib/tenant-page";

export type PortalSection = "overview" | "profile" | "consent" | "requests" | "log" | "complain";

/** The frame of the portal's pages: the tenant's shell, who is signed in, the portal's navigation. */
export function PortalShell({
  page,
  subject,
  section,
  children,
}: {
  page: TenantPage;
  subject: Subject | null;
  section?: PortalSection;
  children: ReactNode;
}) {
  const { tenant, locale, href } = page;
  const t = translator(locale);
  const links: Array<{ id: PortalSection; path: string; label: string }> = [
    { id: "overview", path: "/portal", label: t("Portal.nav.overview") },
    { id: "profile", path: "/portal/profile", label: t("Portal.nav.profile") },
    { id: "consent", path: "/portal/consent", label: t("Portal.nav.consent") },
    { id: "requests", path: "/portal/requests", label: t("Portal.nav.requests") },
    { id: "log", path: "/portal/log", label: t("Portal.nav.log") },
    { id: "complain", path: "/portal/complain", label: t("Complaint.nav") },
  ];
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      {subject && (
        <div className="no-print mb-6 space-y-2 border-b border-line pb-2" data-testid="portal-bar">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span data-testid="portal-user">{t("Portal.signedInAs", { email: subject.email })}</span>
            <form action={signOut}>
              <input type="hidden" name="tenant" value={tenant.slug} />
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="underline">
                {t("Portal.signOut")}
              </button>
            </form>
          </div>
          <nav aria-label={t("Portal.nav.label")}>
            <ul className="flex flex-wrap gap-1">
              {links.map((link) => (
                <li key={link.id}>
                  <a
                    href={href(link.path)}
                    aria-current={link.id === section ? "page" : undefined}
                    className="block border-b-4 border-transparent px-2 py-2 no-underline aria-[current=page]:font-semibold"
                    style={link.id === section ? { borderColor: "var(--accent)" } : undefined}
                  >
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      )}
      <ClientMessages namespaces={["Errors", "Portal", "Requests"]}>{children}</ClientMessages>
    </PageShell>
  );
}
