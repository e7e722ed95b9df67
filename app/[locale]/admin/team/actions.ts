"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/action";
import { roles } from "@/lib/auth/permissions";
import { changeMember, inviteMember, revokeInvitation } from "@/lib/console/team";
import { email, locale } from "@/lib/validation";

const role = z.enum(roles, "invalid");
const id = z.string().min(1).max(64);

export const invite = consoleAction("team.manage", z.object({ email, role, locale }), async (context, input) => {
  await inviteMember(context, input);
  revalidatePath(`/${input.locale}/admin/team`);
});

export const changeRole = consoleAction("team.manage", z.object({ membershipId: id, role, locale }), async (context, input) => {
  await changeMember(context, input.membershipId, input.role);
  revalidatePath(`/${input.locale}/admin/team`);
});

export const removeMember = consoleAction("team.manage", z.object({ membershipId: id, locale }), async (context, input) => {
  await changeMember(context, input.membershipId, null);
  revalidatePath(`/${input.locale}/admin/team`);
});

export const revoke = consoleAction("team.manage", z.object({ invitationId: id, locale }), async (context, input) => {
  await revokeInvitation(context, input.invitationId);
  revalidatePath(`/${input.locale}/admin/team`);
});
