import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { runConsoleAction } from "@/lib/action";
import { withTenant } from "@/lib/db/tenant-db";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { addEndpoint, maxEndpointsPerTenant } from "./endpoints";
import { emitEvent } from "./events";
import { standardSecret, verify } from "./signature";
import { claimDue, DeliveryPool, deliver, resendDelivery, runDueDeliveries, tenantInFlight } from "./worker";

useTestDatabase();
// The receivers below run on this machine: the operator's allowlist lets deliveries reach them.
process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.1/32";

interface Received {
  eventId: string;
  body: string;
  signature: string | null;
  headers: http.IncomingHttpHeaders;
}

/** A receiver that records deliveries and answers with whatever the test sets. */
function receiver() {
  const received: Received[] = [];
  let answer: number | "hang" = 200;
  let waiters: Array<{ count: number; resolve: () => void }> = [];
  const closed: Array<() => void> = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ eventId: String(request.headers["inzage-event-id"]), body, signature: request.headers["inzage-signature"] as string, headers: request.headers });
      waiters = waiters.filter((waiter) => (received.length >= waiter.count ? (waiter.resolve(), false) : true));
      if (answer !== "hang") response.writeHead(answer).end();
    });
    request.socket.on("close", () => closed.forEach((listener) => listener()));
  });
  return {
    received,
    setAnswer: (value: number | "hang") => (answer = value),
    nextRequest: () => new Promise<void>((resolve) => waiters.push({ count: received.length + 1, resolve })),
    /** Resolves once `count` requests arrived in all. */
    requests: (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : waiters.push({ count, resolve }))),
    onConnectionClosed: (listener: () => void) => closed.push(listener),
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let tenantId = "";
let otherTenantId = "";
const hook = receiver();
const secret = "whsec_test_secret";

async function freshEvent(): Promise<string> {
  const id = await withTenant(tenantId, (tx) => emitEvent(tx, tenantId, "request.created", { subjectId: null, requestId: null }, { reference: "R-TEST" }));
  return id!;
}

async function deliveryOf(eventId: string) {
  return platformDb().webhookDelivery.findFirstOrThrow({ where: { eventId }, include: { attemptLog: true } });
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 2));
  tenantId = (await platformDb().tenant.findFirstOrThrow({ where: { slug: demoTenants[0].tenant.slug } })).id;
  otherTenantId = (await platformDb().tenant.findFirstOrThrow({ where: { slug: demoTenants[1].tenant.slug } })).id;
  const url = await hook.listen();
  await platformDb().webhookEndpoint.create({ data: { tenantId, url, secret, events: ["request.created"] } });
});

afterAll(() => hook.close());

describe("webhooks", () => {
  it("writes nothing when the transaction of the event rolls back", async () => {
    const before = await platformDb().webhookDelivery.count();
    await expect(
      withTenant(tenantId, async (tx) => {
        await emitEvent(tx, tenantId, "request.created", { subjectId: null, requestId: null }, { reference: "R-ROLLED-BACK" });
        throw new Error("business step failed");
      }),
    ).rejects.toThrow("business step failed");
    expect(await platformDb().webhookDelivery.count()).toBe(before);
  });

  it("delivers a signed JSON body that the receiver can verify", async () => {
    hook.setAnswer(200);
    const eventId = await freshEvent();
    expect(await runDueDeliveries()).toBeGreaterThanOrEqual(1);
    const got = hook.received.find((r) => r.eventId === eventId)!;
    expect(JSON.parse(got.body)).toMatchObject({ id: eventId, type: "request.created", data: { reference: "R-TEST" } });
    expect(verify(secret, got.signature, got.body)).toBe(true);
    expect(verify("other-secret", got.signature, got.body)).toBe(false);
    expect(verify(secret, got.signature, got.body.replace("R-TEST", "R-EVIL"))).toBe(false);
    const delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200 });
    expect(delivery.attemptLog).toHaveLength(1);
  });

  it("signs the same delivery the Standard Webhooks way, verified by the standardwebhooks library", async () => {
    hook.setAnswer(200);
    const eventId = await freshEvent();
    await runDueDeliveries();
    const got = hook.received.find((r) => r.eventId === eventId)!;
    const headers = {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    };
    expect(headers["webhook-id"]).toBe(eventId);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(standardSecret(secret)).verify(got.body, headers)).toMatchObject({ id: eventId, type: "request.created" });
    expect(() => new Webhook(standardSecret("whsec_other")).verify(got.body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(standardSecret(secret)).verify(got.body.replace("R-TEST", "R-EVIL"), headers)).toThrow(WebhookVerificationError);
    // The existing header is still sent and still verifies.
    expect(verify(secret, got.signature, got.body)).toBe(true);
  });

  it("retries a failed delivery later with a growing pause, and logs each attempt", async () => {
    hook.setAnswer(503);
    const eventId = await freshEvent();
    await runDueDeliveries();
    let delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503 });
    const firstPause = delivery.nextAttemptAt.getTime() - Date.now();
    expect(firstPause).toBeGreaterThan(20_000);
    expect(await claimDue(10)).toEqual([]);

    await platformDb().webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date() } });
    await runDueDeliveries();
    delivery = await deliveryOf(eventId);
    expect(delivery.attempts).toBe(2);
    expect(delivery.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(firstPause);

    hook.setAnswer(200);
    await platformDb().webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date() } });
    await runDueDeliveries();
    delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3 });
    expect(delivery.attemptLog.map((a) => a.statusCode).sort()).toEqual([200, 503, 503]);
  });

  it("gives up once the event is older than 24 hours", async () => {
    hook.setAnswer(500);
    const eventId = await freshEvent();
    const delivery = await deliveryOf(eventId);
    await platformDb().webhookDelivery.update({ where: { id: delivery.id }, data: { createdAt: new Date(Date.now() - 24 * 3600_000) } });
    await runDueDeliveries();
    expect((await deliveryOf(eventId)).status).toBe("FAILED");
  });

  it("a delivery whose worker died is sent again with the same event id, and none is lost", async () => {
    hook.setAnswer("hang");
    const eventId = await freshEvent();
    const arrived = hook.nextRequest();
    if (process.env.TEST_DB === "postgres") {
      // A real worker process, killed while the receiver holds its request open.
      const worker = spawn("npx", ["tsx", "--conditions=react-server", "scripts/webhook-worker.ts"], {
        env: { ...process.env, WEBHOOK_CLAIM_MS: "1500", NODE_ENV: "test" },
        stdio: "ignore",
        detached: true,
      });
      await arrived;
      process.kill(-worker.pid!, "SIGKILL");
    } else {
      // The embedded database allows one process: a claim that is never finished stands in for the crash.
      const claimed = await claimDue(10, new Date());
      expect(claimed.map((d) => d.eventId)).toContain(eventId);
      await platformDb().webhookDelivery.updateMany({ where: { eventId }, data: { lockedUntil: new Date(Date.now() + 1500) } });
    }
    expect((await deliveryOf(eventId)).status).toBe("PENDING");
    expect(await claimDue(10)).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 1700));
    hook.setAnswer(200);
    await runDueDeliveries();
    expect((await deliveryOf(eventId)).status).toBe("SUCCEEDED");
    const copies = hook.received.filter((r) => r.eventId === eventId);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(new Set(copies.map((c) => JSON.parse(c.body).id))).toEqual(new Set([eventId]));
  });
});

/** Endpoints of the other tenant on a receiver that never answers; removed (with their deliveries) by `remove`. */
async function hangingEndpoints(count: number) {
  const hanging = receiver();
  hanging.setAnswer("hang");
  const url = await hanging.listen();
  const endpoints = [];
  for (let i = 0; i < count; i++) {
    endpoints.push(await platformDb().webhookEndpoint.create({ data: { tenantId: otherTenantId, url: `${url}/${i}`, secret, events: ["request.created"] } }));
  }
  const ids = endpoints.map((endpoint) => endpoint.id);
  return {
    hanging,
    ids,
    emit: () => withTenant(otherTenantId, (tx) => emitEvent(tx, otherTenantId, "request.created", { subjectId: null, requestId: null }, { reference: "R-SLOW" })).then((id) => id!),
    remove: async () => {
      await hanging.close();
      await platformDb().webhookEndpoint.deleteMany({ where: { id: { in: ids } } });
    },
  };
}

describe("webhook workers share out the work", () => {
  it("a tenant with a dozen receivers that never answer does not hold up another tenant's delivery", async () => {
    const slow = await hangingEndpoints(12);
    const slowEvent = await slow.emit();
    hook.setAnswer(200);
    const pool = new DeliveryPool({ refill: true });
    try {
      await pool.fill();
      // The other tenant's deliveries are in flight and hang, at most `tenantInFlight` at once.
      await slow.hanging.requests(tenantInFlight);
      const eventId = await freshEvent();
      const arrived = hook.nextRequest();
      await pool.fill(); // the background job's next tick
      await arrived;
      expect(hook.received.map((r) => r.eventId)).toContain(eventId);
      // It arrived while every hanging delivery was still waiting for its answer (none has
      // finished an attempt), not after their 10-second timeouts.
      const stuck = await platformDb().webhookDelivery.findMany({ where: { eventId: slowEvent }, include: { attemptLog: true } });
      expect(stuck).toHaveLength(12);
      expect(stuck.flatMap((delivery) => delivery.attemptLog)).toEqual([]);
      expect(stuck.filter((delivery) => delivery.lockedUntil !== null)).toHaveLength(tenantInFlight);
      expect(slow.hanging.received).toHaveLength(tenantInFlight);
    } finally {
      await slow.hanging.close(); // the hanging requests fail now
      await pool.drain();
      await slow.remove();
    }
  });

  it("two workers claiming at once take one delivery per endpoint between them, and no delivery twice", async () => {
    const slow = await hangingEndpoints(2);
    try {
      for (let i = 0; i < 3; i++) await slow.emit();
      const [first, second] = await Promise.all([claimDue(10), claimDue(10)]);
      const ours = [...first, ...second].filter((delivery) => slow.ids.includes(delivery.endpointId));
      expect(ours.map((delivery) => delivery.endpointId).sort()).toEqual([...slow.ids].sort());
      expect(new Set(ours.map((delivery) => delivery.id)).size).toBe(ours.length);
      // While those are held, neither endpoint gets a second one.
      expect((await claimDue(10)).filter((delivery) => slow.ids.includes(delivery.endpointId))).toEqual([]);
      // A lapsed claim frees the endpoint again, for one delivery.
      await platformDb().webhookDelivery.updateMany({ where: { id: ours[0].id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
      expect((await claimDue(10)).filter((delivery) => slow.ids.includes(delivery.endpointId)).map((delivery) => delivery.endpointId)).toEqual([ours[0].endpointId]);
    } finally {
      await slow.remove();
    }
  });

  it("gives up a request before its claim lapses, so a worker that takes it over never sends alongside", async () => {
    const slow = await hangingEndpoints(1);
    try {
      const eventId = await slow.emit();
      const [claimed] = (await claimDue(10)).filter((delivery) => delivery.eventId === eventId);
      // A claim that ends in 8 seconds (a stalled worker's, say), shorter than the 10-second timeout.
      const claimEnds = new Date(Date.now() + 8_000);
      await platformDb().webhookDelivery.update({ where: { id: claimed.id }, data: { lockedUntil: claimEnds } });
      const closedAt = new Promise<number>((resolve) => slow.hanging.onConnectionClosed(() => resolve(Date.now())));
      expect(await deliver({ ...claimed, lockedUntil: claimEnds })).toBe(false);
      expect(slow.hanging.received).toHaveLength(1);
      // The worker hung up on the receiver before the claim ended.
      expect(await closedAt).toBeLessThan(claimEnds.getTime());
      expect(await deliveryOf(eventId)).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    } finally {
      await slow.remove();
    }
  });

  it("a worker whose claim was taken over records its attempt but leaves the delivery to the new owner", async () => {
    hook.setAnswer(200);
    const eventId = await freshEvent();
    const [mine] = (await claimDue(10)).filter((delivery) => delivery.eventId === eventId);
    const later = new Date(Date.now() + 60_000);
    await platformDb().webhookDelivery.update({ where: { id: mine.id }, data: { claimToken: "another-worker", lockedUntil: later } });
    expect(await deliver(mine)).toBe(true);
    const delivery = await deliveryOf(eventId);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 0, claimToken: "another-worker", lockedUntil: later });
    expect(delivery.attemptLog).toHaveLength(1);
    await platformDb().webhookDelivery.update({ where: { id: mine.id }, data: { status: "SUCCEEDED", lockedUntil: null, claimToken: null } });
  });

  it("resending a delivery that is being sent does not send it a second time alongside", async () => {
    const eventId = await freshEvent();
    const [claimed] = (await claimDue(10)).filter((delivery) => delivery.eventId === eventId);
    expect(await resendDelivery(tenantId, claimed.id)).toBe(true);
    expect((await claimDue(10)).map((delivery) => delivery.id)).not.toContain(claimed.id);
    await platformDb().webhookDelivery.update({ where: { id: claimed.id }, data: { status: "SUCCEEDED", lockedUntil: null, claimToken: null } });
  });
});

describe("webhook endpoints", () => {
  const owner = async () => {
    const email = `owner@${demoTenants[0].tenant.slug}.example`;
    const user = await platformDb().user.findUniqueOrThrow({ where: { email } });
    const membership = { tenant: { id: tenantId, slug: demoTenants[0].tenant.slug, name: demoTenants[0].tenant.name }, role: "OWNER" as const };
    return { user: { id: user.id, email }, memberships: [membership], active: membership };
  };
  const add = async (url: string) =>
    runConsoleAction(await owner(), "integrations.manage", z.object({}), {}, (context) => addEndpoint(context, { url, description: "", events: ["request.created"] }));

  it("refuses a private address when it is saved, as an error on the field", async () => {
    expect(await add("https://[::ffff:a9fe:a9fe]/latest/meta-data")).toMatchObject({ status: "error", fieldErrors: { url: "privateAddress" } });
    expect(await add("http://[::ffff:10.0.0.1]/hook")).toMatchObject({ status: "error", fieldErrors: { url: "privateAddress" } });
  });

  it(`refuses more than ${maxEndpointsPerTenant} endpoints per tenant, with a translated form error`, async () => {
    const existing = await platformDb().webhookEndpoint.count({ where: { tenantId } });
    for (let i = existing; i < maxEndpointsPerTenant - 1; i++) {
      await platformDb().webhookEndpoint.create({ data: { tenantId, url: `https://hooks.example.com/${i}`, secret, events: ["request.created"], active: false } });
    }
    expect(await add("https://127.0.0.1/last")).toMatchObject({ status: "success" });
    expect(await add("https://127.0.0.1/one-too-many")).toMatchObject({ status: "error", formError: "webhookEndpointLimit" });
    expect(await platformDb().webhookEndpoint.count({ where: { tenantId } })).toBe(maxEndpointsPerTenant);
    expect(nl.Errors.webhookEndpointLimit).toBeTruthy();
    expect(en.Errors.webhookEndpointLimit).toBeTruthy();
  });
});
