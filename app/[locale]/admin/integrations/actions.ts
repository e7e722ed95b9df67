"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, consoleAction } from "@/lib/action";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { locale, text } from "@/lib/validation";

const id = z.string().min(1).max(64);

/** Makes a key; the result carries the full key, which the form shows this once. */
export const createKey = consoleAction("integrations.manage", z.object({ name: text(100), locale }), async (context, input) => {
  const { key, secret } = await createApiKey(context.tenant.id, input.name, { userId: context.user.id, email: context.user.email });
  revalidatePath(`/${input.locale}/admin/integrations`);
  return { id: key.id, name: key.name, secret };
});

export const revokeKey = consoleAction("integrations.manage", z.object({ keyId: id, locale }), async (context, input) => {
  const revoked = await revokeApiKey(context.tenant.id, input.keyId, { userId: context.user.id, email: context.user.email });
  if (!revoked) throw new ActionError("notFound");
  revalidatePath(`/${input.locale}/admin/integrations`);
});
