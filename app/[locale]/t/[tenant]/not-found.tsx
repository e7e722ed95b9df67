import { NotFoundMessage } from "@/components/not-found-message";
import { translator } from "@/lib/i18n/messages";
import { publishedHistory } from "@/lib/policy/published";
import { pathLocale, requestContext } from "@/lib/request";
import { tenantPath } from "@/lib/tenant-host";
import { findTenantBySlug } from "@/lib/tenants";

/** Tells apart: no such tenant, a tenant that has not published yet, and a missing version. */
export default async function TenantNotFound() {
  const locale = await pathLocale();
  const t = translator(locale);
  const { path, tenantHost } = await requestContext();
  const slug = tenantHost ?? path.split("?")[0].split("/")[3] ?? "";
  const tenant = await findTenantBySlug(slug);
  if (!tenant) {
    return <NotFoundMessage locale={locale} title={t("NotFound.tenantTitle")} body={t("NotFound.tenantBody")} />;
  }
  // The page behind an access answer's download link: unknown, expired or another tenant's link.
  if (path.split("?")[0].split("/")[tenantHost ? 2 : 4] === "answer") {
    return <NotFoundMessage locale={locale} title={t("AccessInfo.download.notFoundTitle")} body={t("AccessInfo.download.notFoundBody")} testId="answer-not-found" />;
  }
  const versions = await publishedHistory(tenant);
  const home = tenantPath(locale, tenant.slug, "", tenantHost === tenant.slug);
  if (versions.length === 0) {
    return (
      <NotFoundMessage
        locale={locale}
        title={t("NotFound.unpublishedTitle")}
        body={t("NotFound.unpublishedBody", { company: tenant.name })}
        testId="not-published"
      />
    );
  }
  return (
    <NotFoundMessage
      locale={locale}
      title={t("NotFound.versionTitle")}
      body={t("NotFound.versionBody", { company: tenant.name })}
      link={{ href: tenantPath(locale, tenant.slug, "/history", tenantHost === tenant.slug), label: t("NotFound.toHistory") }}
      secondLink={{ href: home, label: t("NotFound.toStatement") }}
    />
  );
}
