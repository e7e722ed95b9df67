import { redirect } from "next/navigation";
import type { Subject } from "@/generated/prisma/client";
import { resolveTenantPage, type TenantPage } from "@/lib/tenant-page";
import { currentSubject } from "./session";

export interface PortalPage extends TenantPage {
  subject: Subject;
}

/** A portal page's tenant and the signed-in person; without a session, the visitor goes to the portal's sign-in. */
export async function resolvePortalPage(params: Promise<{ locale: string; tenant: string }>): Promise<PortalPage> {
  const page = await resolveTenantPage(params);
  const subject = await currentSubject(page.tenant);
  if (!subject) redirect(page.href("/portal"));
  return { ...page, subject };
}
