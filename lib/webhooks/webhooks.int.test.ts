import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/lib/db/tenant-db";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { emitEvent } from "./events";
import { verify } from "./signature";
import { claimDue, deliver, runDueDeliveries } from "./worker";

useTestDatabase();

interface Received {
  eventId: string;
  body: string;
  signature: string | null;
}

/** A receiver that records deliveries and answers with whatever the test sets. */
function receiver() {
  const received: Received[] = [];
  let answer: number | "hang" = 200;
  let onRequest: () => void = () => {};
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ eventId: String(request.headers["inzage-event-id"]), body, signature: request.headers["inzage-signature"] as string });
      onRequest();
      if (answer !== "hang") response.writeHead(answer).end();
    });
  });
  return {
    received,
    setAnswer: (value: number | "hang") => (answer = value),
    nextRequest: () => new Promise<void>((resolve) => (onRequest = resolve)),
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://localhost:${(server.address() as AddressInfo).port}/hook`))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let tenantId = "";
const hook = receiver();
const secret = "whsec_test_secret";

async function freshEvent(): Promise<string> {
  const id = await withTenant(tenantId, (tx) => emitEvent(tx, tenantId, "request.created", { reference: "R-TEST" }));
  return id!;
}

async function deliveryOf(eventId: string) {
  return platformDb().webhookDelivery.findFirstOrThrow({ where: { eventId }, include: { attemptLog: true } });
}

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 1));
  tenantId = (await platformDb().tenant.findFirstOrThrow({ where: { slug: demoTenants[0].tenant.slug } })).id;
  const url = await hook.listen();
  await platformDb().webhookEndpoint.create({ data: { tenantId, url, secret, events: ["request.created"] } });
});

afterAll(() => hook.close());

describe("webhooks", () => {
  it("writes nothing when the transaction of the event rolls back", async () => {
    const before = await platformDb().webhookDelivery.count();
    await expect(
      withTenant(tenantId, async (tx) => {
        await emitEvent(tx, tenantId, "request.created", { reference: "R-ROLLED-BACK" });
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
