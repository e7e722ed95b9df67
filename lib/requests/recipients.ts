import type { RecipientNotice, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { findRequest } from "./requests";
import { noticeTypes } from "./staff-view";

/**
 * Art. 19, second sentence: the controller informs the person, if they request it, about
 * the recipients it told of a rectification, erasure or restriction. Their portal's
 * request page lists them (RecipientNotice), only on their own request of those types.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "hashSalt">;
export type RecipientTold = Pick<RecipientNotice, "recipientName" | "notifiedAt">;

/** The recipients told about this request of the person, or null when the request is not one art. 19 covers. */
export async function recipientsTold(tenant: TenantRef, subjectId: string, reference: string): Promise<RecipientTold[] | null> {
  const request = await findRequest(tenant, { subjectId }, reference);
  if (!request || !noticeTypes.has(request.type)) return null;
  return withTenant(tenant.id, (tx) =>
    tx.recipientNotice.findMany({
      where: { tenantId: tenant.id, requestId: request.id },
      select: { recipientName: true, notifiedAt: true },
      orderBy: [{ notifiedAt: "asc" }, { recipientName: "asc" }],
    }),
  );
}
