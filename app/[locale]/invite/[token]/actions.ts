"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, ActionError } from "@/lib/action";
import { activeTenantCookie, currentUser } from "@/lib/console/context";
import { acceptInvitation } from "@/lib/console/team";
import { locale } from "@/lib/validation";
import { secureCookies } from "@/lib/request";

export const accept = publicAction(z.object({ token: z.string().min(10).max(100), locale }), async (_context, input) => {
  const user = await currentUser();
  if (!user) throw new ActionError("signedOut");
  const tenantId = await acceptInvitation(input.token, user);
  (await cookies()).set(activeTenantCookie, tenantId, { httpOnly: true, sameSite: "lax", path: "/", secure: await secureCookies() });
  redirect(`/${input.locale}/admin`);
});
