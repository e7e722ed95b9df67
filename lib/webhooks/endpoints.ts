import { randomBytes } from "node:crypto";
import { ActionError } from "@/lib/action";
import { auditByUser } from "@/lib/audit";
import type { ConsoleContext } from "@/lib/console/context";
import { withTenant } from "@/lib/db/tenant-db";
import { checkEndpointUrl } from "./endpoint-url";
import type { WebhookEvent } from "./events";
import { resendDelivery } from "./worker";

/** A tenant's webhook endpoints and the log of their deliveries. */

export async function listEndpoints(tenantId: string) {
  return withTenant(tenantId, (tx) => tx.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } }));
}

export async function recentDeliveries(tenantId: string, take = 50) {
  return withTenant(tenantId, (tx) =>
    tx.webhookDelivery.findMany({
      where: { tenantId },
      orderBy: { createdAt: "desc" },
      take,
      include: { endpoint: { select: { url: true } } },
    }),
  );
}

/**
 * A tenant keeps at most this many endpoints: every one is a receiver the workers
 * serve (lib/webhooks/worker.ts limits how many of a tenant's deliveries run at once).
 */
export const maxEndpointsPerTenant = 20;

/** Adding one more endpoint than `maxEndpointsPerTenant`. */
export class EndpointLimitError extends ActionError {
  constructor() {
    super("webhookEndpointLimit");
  }
}

export async function addEndpoint(context: ConsoleContext, input: { url: string; description: string; events: WebhookEvent[] }): Promise<void> {
  const problem = await checkEndpointUrl(input.url);
  if (problem) throw new ActionError(problem, "url");
  await withTenant(context.tenant.id, async (tx) => {
    // One addition per tenant at a time, so two at once cannot both pass the count.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${context.tenant.id}`}))`;
    if ((await tx.webhookEndpoint.count({ where: { tenantId: context.tenant.id } })) >= maxEndpointsPerTenant) throw new EndpointLimitError();
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        tenantId: context.tenant.id,
        url: input.url,
        description: input.description,
        events: input.events,
        secret: `whsec_${randomBytes(24).toString("base64url")}`,
        createdById: context.user.id,
      },
    });
    await auditByUser(tx, context, { action: "webhook.created", targetType: "webhook", targetId: endpoint.id, details: { url: input.url, events: input.events } });
  });
}

export async function setEndpointActive(context: ConsoleContext, endpointId: string, active: boolean): Promise<void> {
  await withTenant(context.tenant.id, async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, tenantId: context.tenant.id }, data: { active } });
    if (count !== 1) throw new ActionError("notFound");
    await auditByUser(tx, context, { action: active ? "webhook.enabled" : "webhook.disabled", targetType: "webhook", targetId: endpointId });
  });
}

export async function deleteEndpoint(context: ConsoleContext, endpointId: string): Promise<void> {
  await withTenant(context.tenant.id, async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, tenantId: context.tenant.id } });
    if (count !== 1) throw new ActionError("notFound");
    await auditByUser(tx, context, { action: "webhook.deleted", targetType: "webhook", targetId: endpointId });
  });
}

export async function resend(context: ConsoleContext, deliveryId: string): Promise<void> {
  if (!(await resendDelivery(context.tenant.id, deliveryId))) throw new ActionError("notFound");
  await withTenant(context.tenant.id, (tx) => auditByUser(tx, context, { action: "webhook.resent", targetType: "webhookDelivery", targetId: deliveryId }));
}
