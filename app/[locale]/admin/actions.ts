"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues } from "@/lib/action";
import { signOut } from "@/lib/auth";
import { activeTenantCookie, consoleState } from "@/lib/console/context";
import { locale } from "@/lib/validation";
import { secureCookies } from "@/lib/request";

/** Makes one of the signed-in person's tenants the active one in the console. */
export async function chooseTenant(formData: FormData): Promise<void> {
  const input = z.object({ tenantId: z.string().min(1), locale }).safeParse(formValues(formData));
  const state = await consoleState();
  if (!input.success || !state) redirect("/");
  const membership = state.memberships.find((m) => m.tenant.id === input.data.tenantId);
  if (membership) {
    (await cookies()).set(activeTenantCookie, membership.tenant.id, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: await secureCookies(),
    });
  }
  redirect(`/${input.data.locale}/admin`);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const parsed = locale.safeParse(formValues(formData).locale);
  (await cookies()).delete(activeTenantCookie);
  await signOut({ redirectTo: `/${parsed.success ? parsed.data : "nl"}/signin` });
}
