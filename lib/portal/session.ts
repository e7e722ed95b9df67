import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import type { Subject, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { secureCookies } from "@/lib/request";

/**
 * Sessions of a tenant's end users in its portal. Each tenant has its own cookie, so
 * being signed in at one tenant says nothing at another. A session ends after 60
 * minutes without activity, on sign-out, and when the person is erased.
 */

export const portalIdleMinutes = 60;
const touchAfterMs = 60_000;

type TenantRef = Pick<Tenant, "id" | "slug">;

export const portalCookieName = (tenant: Pick<Tenant, "slug">) => `inzage_portal_${tenant.slug.replace(/-/g, "_")}`;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function startPortalSession(tenant: TenantRef, subjectId: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await withTenant(tenant.id, (tx) => tx.subjectSession.create({ data: { tenantId: tenant.id, subjectId, tokenHash: hash(token) } }));
  (await cookies()).set(portalCookieName(tenant), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: await secureCookies(),
  });
}

/** The signed-in person of this tenant's portal, or null. Keeps an active session alive. */
export async function currentSubject(tenant: TenantRef): Promise<Subject | null> {
  const token = (await cookies()).get(portalCookieName(tenant))?.value;
  if (!token) return null;
  return withTenant(tenant.id, async (tx) => {
    const session = await tx.subjectSession.findFirst({
      where: { tenantId: tenant.id, tokenHash: hash(token) },
      include: { subject: true },
    });
    if (!session) return null;
    const idleMs = Date.now() - session.lastSeenAt.getTime();
    if (idleMs > portalIdleMinutes * 60_000) {
      await tx.subjectSession.deleteMany({ where: { id: session.id, tenantId: tenant.id } });
      return null;
    }
    if (idleMs > touchAfterMs) {
      await tx.subjectSession.updateMany({ where: { id: session.id, tenantId: tenant.id }, data: { lastSeenAt: new Date() } });
    }
    return session.subject;
  });
}

export async function endPortalSession(tenant: TenantRef): Promise<void> {
  const jar = await cookies();
  const token = jar.get(portalCookieName(tenant))?.value;
  if (token) {
    await withTenant(tenant.id, (tx) => tx.subjectSession.deleteMany({ where: { tenantId: tenant.id, tokenHash: hash(token) } }));
  }
  jar.delete(portalCookieName(tenant));
}
