import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { Tenant } from "@/generated/prisma/client";
import { auth } from "@/lib/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/tenant-db";
import type { Locale } from "@/lib/policy/content";
import { membershipsOf, type TenantMembership } from "./memberships";

/** Who is using the admin console and for which tenant; resolved once per request. */

export const activeTenantCookie = "inzage-tenant";

export interface ConsoleUser {
  id: string;
  email: string;
}

export interface ConsoleContext {
  user: ConsoleUser;
  memberships: TenantMembership[];
  tenant: Tenant;
  role: Role;
}

export const currentUser = cache(async (): Promise<ConsoleUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const email = session?.user?.email;
  return id && email ? { id, email } : null;
});

export interface ConsoleState {
  user: ConsoleUser;
  memberships: TenantMembership[];
  active: TenantMembership | undefined;
}

/** The signed-in person and their tenants, with the active one when it is chosen (or the only one). */
export const consoleState = cache(async (): Promise<ConsoleState | null> => {
  const user = await currentUser();
  if (!user) return null;
  const memberships = await membershipsOf(user.id);
  const chosen = (await cookies()).get(activeTenantCookie)?.value;
  const active = memberships.find((m) => m.tenant.id === chosen) ?? (memberships.length === 1 ? memberships[0] : undefined);
  return { user, memberships, active };
});

export function signInPath(locale: Locale, next: string): string {
  return `/${locale}/signin?next=${encodeURIComponent(next)}`;
}

/**
 * For console pages: the context, or a redirect to sign in or to pick a tenant. A role
 * without the permission gets a 404, as if the page did not exist.
 */
export async function requireConsole(locale: Locale, permission: Permission = "tenant.view", here = `/${locale}/admin`): Promise<ConsoleContext> {
  const state = await consoleState();
  if (!state) redirect(signInPath(locale, here));
  if (!state.active) redirect(`/${locale}/admin/tenants`);
  if (!can(state.active.role, permission)) notFound();
  const tenant = await activeTenant(state.active.tenant.id);
  return { user: state.user, memberships: state.memberships, tenant, role: state.active.role };
}

/** The full row of a tenant the person is a member of. */
export function activeTenant(tenantId: string): Promise<Tenant> {
  return withTenant(tenantId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }));
}
