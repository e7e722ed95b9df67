import { beforeAll, describe, expect, it } from "vitest";
import type { RequestStatus } from "@/generated/prisma/enums";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { sendReminderDigests } from "./reminders";

useTestDatabase();

const now = new Date("2031-03-10T08:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 24 * 3600_000);

beforeAll(async () => {
  await seedDemoTenants(demoTenants.slice(0, 1));
  const client = platformDb();
  const tenant = await client.tenant.findFirstOrThrow({ where: { slug: demoTenants[0].tenant.slug } });
  const request = (reference: string, dueAt: Date, status: RequestStatus = "IN_PROGRESS", extendedDueAt: Date | null = null) => ({
    tenantId: tenant.id,
    reference,
    type: "ACCESS" as const,
    status,
    requesterEmail: `${reference.toLowerCase()}@example.com`,
    requesterEmailHash: reference,
    locale: "nl",
    channel: "portal",
    receivedAt: days(-30),
    dueAt,
    extendedDueAt,
  });
  await client.dataRequest.createMany({
    data: [
      request("R-SOON", days(3)),
      request("R-LATE", days(-2)),
      request("R-LATER", days(20)),
      request("R-DONE", days(-5), "COMPLETED"),
      request("R-EXTENDED", days(-1), "EXTENDED", days(40)),
      request("R-UNCONFIRMED", days(-3), "AWAITING_CONFIRMATION"),
    ],
  });
});

describe("reminder digests", () => {
  it("mails each owner and admin once a day, listing due and overdue requests only", async () => {
    expect(await sendReminderDigests(now)).toEqual({ digests: 2 });
    const mails = await platformDb().outboxMail.findMany({ where: { subject: { contains: "verzoek" } } });
    expect(mails.map((m) => m.to).sort()).toEqual([`admin@${demoTenants[0].tenant.slug}.example`, `owner@${demoTenants[0].tenant.slug}.example`]);
    const text = mails[0].text;
    expect(text).toContain("R-SOON");
    expect(text).toContain("R-LATE");
    for (const absent of ["R-LATER", "R-DONE", "R-EXTENDED", "R-UNCONFIRMED"]) expect(text).not.toContain(absent);
    expect(text.slice(text.indexOf("Te laat:"), text.indexOf("Binnen 7 dagen:"))).toContain("R-LATE");
  });

  it("sends nothing more the same day, and again the next day", async () => {
    expect(await sendReminderDigests(new Date(now.getTime() + 3600_000))).toEqual({ digests: 0 });
    expect(await sendReminderDigests(days(1))).toEqual({ digests: 2 });
  });
});
