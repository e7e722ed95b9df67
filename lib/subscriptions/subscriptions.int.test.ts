import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { limits } from "@/lib/rate-limit";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { seedDemoTenants } from "@/prisma/seed/seed";
import { platformDb, useTestDatabase } from "@/test/database";
import { requestSubscription } from "./subscriptions";

useTestDatabase();

let tenants: Tenant[];

beforeAll(async () => {
  delete process.env.SMTP_HOST;
  await seedDemoTenants(demoTenants);
  tenants = await platformDb().tenant.findMany({ orderBy: { slug: "asc" } });
});

describe("asking to be told about statement changes", () => {
  it("mails one address a few confirmations a day over all tenants, then refuses without a mail", async () => {
    const victim = "does-not-want-mail@example.com";
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const tenant = tenants[i % tenants.length];
      const error = await requestSubscription(tenant, i % 2 ? victim.toUpperCase() : victim, "nl").then(
        () => null,
        (e: unknown) => e,
      );
      outcomes.push(error instanceof ActionError ? error.key : "sent");
    }
    const max = limits.subscriptionPerAddress.max;
    expect(outcomes).toEqual([...Array(max).fill("sent"), ...Array(10 - max).fill("rateLimited")]);
    const mails = await platformDb().outboxMail.findMany({ where: { to: { in: [victim, victim.toUpperCase()] } } });
    expect(mails).toHaveLength(max);
  });

  it("the confirmation's subject does not carry the company's name, which its sign-up chose", async () => {
    const tenant = tenants[0];
    await platformDb().tenant.update({ where: { id: tenant.id }, data: { name: "Win a prize at spam.example" } });
    await requestSubscription({ ...tenant, name: "Win a prize at spam.example" }, "subject-check@example.com", "en");
    const [mail] = await platformDb().outboxMail.findMany({ where: { to: "subject-check@example.com" } });
    expect(mail.subject).toBe("Confirm your subscription to a privacy statement");
  });
});
