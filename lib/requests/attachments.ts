import type { RequestAttachment, Tenant } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant-db";
import { findRequest } from "./requests";

/**
 * Files attached to a request (the export that completed an access request), as the
 * requester sees them in the portal: only on their own requests, while the request
 * exists (an erasure removes them).
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "hashSalt">;
export type AttachmentSummary = Pick<RequestAttachment, "id" | "filename" | "size" | "createdAt">;

export async function requesterAttachments(tenant: TenantRef, subjectId: string, reference: string): Promise<AttachmentSummary[]> {
  const request = await findRequest(tenant, { subjectId }, reference);
  if (!request) return [];
  return withTenant(tenant.id, (tx) =>
    tx.requestAttachment.findMany({
      where: { tenantId: tenant.id, requestId: request.id },
      select: { id: true, filename: true, size: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  );
}

export async function requesterAttachment(tenant: TenantRef, subjectId: string, reference: string, attachmentId: string): Promise<RequestAttachment | null> {
  if (!attachmentId || attachmentId.length > 64) return null;
  const request = await findRequest(tenant, { subjectId }, reference);
  if (!request) return null;
  return withTenant(tenant.id, (tx) => tx.requestAttachment.findFirst({ where: { tenantId: tenant.id, requestId: request.id, id: attachmentId } }));
}

/** The response that hands over an attachment: never cached, never sniffed, always a download. */
export function attachmentResponse(attachment: Pick<RequestAttachment, "data" | "filename" | "contentType" | "size">): Response {
  const filename = attachment.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(attachment.data), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.data.length),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
