import type { PublicStatement } from "@/lib/policy/public-statement";
import type { TenantPage } from "@/lib/tenant-page";
import { PageShell } from "@/components/page-shell";
import { StatementView } from "./statement-view";

/** A tenant's public statement page: the shell in the tenant's colours around the statement. */
export function StatementPage({ page, statement }: { page: TenantPage; statement: PublicStatement }) {
  const { tenant, locale, href } = page;
  const versionQuery = statement.version.superseded ? `&version=${statement.version.number}` : "";
  return (
    <PageShell locale={locale} tenant={{ name: tenant.name, accentColor: tenant.accentColor, href: href() }}>
      <StatementView
        statement={statement}
        links={{
          subscribeSlug: tenant.slug,
          current: href(),
          history: href("/history"),
          json: `/api/t/${tenant.slug}/policy?locale=${locale}${versionQuery}`,
          authorities: `/${locale}/authorities`,
          request: href("/request"),
        }}
      />
    </PageShell>
  );
}
