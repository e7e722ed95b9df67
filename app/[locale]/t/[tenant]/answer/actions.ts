"use server";

import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { answerGrantCookie, confirmAnswerCode, sendAnswerCode } from "@/lib/export/answer-download";
import { tenantAction, tenantHref } from "@/lib/portal/action";
import { locale } from "@/lib/validation";
import { secureCookies } from "@/lib/request";

/**
 * The page behind the link that hands over an access answer without a portal account
 * (lib/export/answer-download.ts): ask for a code to the same address, then type it.
 */

const token = z.string().min(1).max(200);

export const sendAnswerCodeAction = tenantAction(z.object({ locale, token }), async ({ tenant }, input) => {
  await sendAnswerCode(tenant, input.token);
  refresh();
});

export const confirmAnswerCodeAction = tenantAction(z.object({ locale, token, code: z.string().trim().min(1, "required").max(20, "tooLong") }), async ({ tenant }, input) => {
  const { grant, expiresAt } = await confirmAnswerCode(tenant, input.token, input.code.replace(/\s+/g, ""));
  (await cookies()).set(answerGrantCookie, grant, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    expires: expiresAt,
    secure: await secureCookies(),
  });
  redirect(`${await tenantHref(tenant, input.locale, "/answer")}?${new URLSearchParams({ token: input.token })}`);
});
