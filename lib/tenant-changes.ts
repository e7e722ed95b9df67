import type { Tenant } from "@/generated/prisma/client";
import { listenToOtherProcesses, notifyOtherProcesses, type Listener } from "@/lib/db/client";
import { forgetPages } from "@/lib/page-cache";
import { forgetPublished } from "@/lib/policy/published";
import { forgetTenant } from "@/lib/tenants";

type ChangedTenant = Pick<Tenant, "id" | "slug">;

const channel = "inzage_tenant_changed";

/**
 * Call after a tenant publishes or changes its details: every cache that holds
 * something of the tenant drops it, in this process at once and in the other app
 * processes on the same database as soon as the notification reaches them, so the
 * next visitor sees the change.
 */
export function tenantChanged(tenant: ChangedTenant): void {
  forgetEverywhereHere(tenant);
  notifyOtherProcesses(channel, JSON.stringify({ id: tenant.id, slug: tenant.slug })).catch((error: unknown) =>
    console.warn(`could not tell other processes that tenant ${tenant.slug} changed: ${String(error)}`),
  );
}

/** Drops the caches of tenants that other processes changed. */
export function followTenantChanges(): Listener {
  return listenToOtherProcesses(channel, (payload) => {
    const tenant = parseChange(payload);
    if (tenant) forgetEverywhereHere(tenant);
  });
}

function forgetEverywhereHere(tenant: ChangedTenant): void {
  forgetTenant(tenant.slug);
  forgetPublished(tenant.id);
  forgetPages(tenant.slug);
}

function parseChange(payload: string): ChangedTenant | null {
  try {
    const { id, slug } = JSON.parse(payload) as Partial<ChangedTenant>;
    return typeof id === "string" && typeof slug === "string" ? { id, slug } : null;
  } catch {
    return null;
  }
}
