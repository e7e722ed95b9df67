import { createId } from "@/lib/ids";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantTx } from "@/lib/db/tenant-db";

/** The events a tenant's endpoints can subscribe to. */
export const webhookEvents = [
  "request.created",
  "request.status_changed",
  "request.message",
  "subject.erasure_due",
  "subject.erased",
  "subject.restricted",
  "subject.objected",
  "consent.changed",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/**
 * Whom an event concerns: the person (Subject id) and the request, either null when
 * there is none. Stored with each delivery (WebhookDelivery.subjectId / requestId), so
 * that an erasure finds the person's payloads by these ids, never by searching payload
 * text (lib/erasure/erasure.ts). Required of every caller, so no event goes unlinked.
 */
export interface EventLink {
  subjectId: string | null;
  requestId: string | null;
}

/** The link of an event about a request: the request and the person it belongs to. */
export const requestLink = (request: { id: string; subjectId: string | null }): EventLink => ({ subjectId: request.subjectId, requestId: request.id });

/**
 * Records an event for every active endpoint that wants it, inside the caller's
 * transaction: the event and its deliveries are stored together or not at all, and a
 * worker sends them afterwards (lib/webhooks/worker.ts).
 */
export async function emitEvent(tx: TenantTx, tenantId: string, type: WebhookEvent, link: EventLink, data: Prisma.InputJsonObject): Promise<string | null> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { tenantId, active: true, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const eventId = `evt_${createId()}`;
  const payload = { id: eventId, type, createdAt: new Date().toISOString(), data };
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({ tenantId, endpointId: endpoint.id, eventId, eventType: type, subjectId: link.subjectId, requestId: link.requestId, payload })),
  });
  return eventId;
}
