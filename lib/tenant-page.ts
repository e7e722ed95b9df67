import type { Tenant } from "@/generated/prisma/client";
import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import { routing } from "@/lib/i18n/routing";
import type { Locale } from "@/lib/policy/content";
import { requestContext } from "@/lib/request";
import { tenantPath } from "@/lib/tenant-host";
import { findTenantBySlug } from "@/lib/tenants";

export interface TenantPage {
  tenant: Tenant;
  locale: Locale;
  /** Builds a link to another page of this tenant, in the shape the visitor uses (path or host). */
  href: (subPath?: string, locale?: Locale) => string;
}

/** Resolves the tenant of a /[locale]/t/[tenant] route once per request, or answers 404. */
export async function resolveTenantPage(params: Promise<{ locale: string; tenant: string }>): Promise<TenantPage> {
  const { locale, tenant: slug } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const tenant = await findTenantBySlug(slug);
  if (!tenant) notFound();
  const { tenantHost } = await requestContext();
  const onTenantHost = tenantHost === tenant.slug;
  return {
    tenant,
    locale,
    href: (subPath = "", target = locale) => tenantPath(target, tenant.slug, subPath, onTenantHost),
  };
}
