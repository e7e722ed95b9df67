import type { Prisma } from "@/generated/prisma/client";
import type { ConsoleContext } from "@/lib/console/context";
import type { TenantTx } from "@/lib/db/tenant-db";
import { requestIp } from "@/lib/request-ip";

/**
 * The tenant's audit trail: who did what, when and from where. Rows are only ever
 * added; the database refuses to change or remove them.
 */
export interface AuditEntry {
  actorType: "user" | "apiKey" | "subject" | "system";
  actorId?: string | null;
  actorLabel: string;
  action: string;
  targetType?: string;
  targetId?: string;
  /** The person whose data this concerns; their portal lists these entries. */
  subjectId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: TenantTx, tenantId: string, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { tenantId, ...entry, details: entry.details ?? {} } });
}

/** Records what a console user did, with their address. */
export async function auditByUser(
  tx: TenantTx,
  context: Pick<ConsoleContext, "tenant" | "user">,
  entry: Omit<AuditEntry, "actorType" | "actorId" | "actorLabel" | "ip">,
): Promise<void> {
  await recordAudit(tx, context.tenant.id, {
    ...entry,
    actorType: "user",
    actorId: context.user.id,
    actorLabel: context.user.email,
    ip: await requestIp(),
  });
}
