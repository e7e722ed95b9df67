"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { ActionError } from "@/lib/action";
import { tenantAction, tenantHref } from "@/lib/portal/action";
import { addInformation, checkRequestFields, confirmRequest, createRequest, requestFields, requestTarget, withdrawRequest } from "@/lib/requests/requests";
import { enforceLimits, limits } from "@/lib/rate-limit";
import { requestIp } from "@/lib/request-ip";
import { email, locale, optionalText, text } from "@/lib/validation";

/**
 * The public request form and the page behind the mailed link. The form's answer is
 * the same for a new request and a merged one, so it tells nothing about the address;
 * the mail to the address says which it was.
 */

export const filePublicRequest = tenantAction(
  z.object({ ...requestFields, email, name: optionalText(120), locale }).superRefine(checkRequestFields),
  async ({ tenant }, input) => {
    await enforceLimits([
      [limits.publicRequestPerIp, await requestIp()],
      [limits.publicRequestPerAddress, `${tenant.id}:${input.email}`],
    ]);
    await createRequest(
      tenant,
      { kind: "public", email: input.email, name: input.name },
      { type: input.type, details: input.details, target: requestTarget(input), locale: input.locale },
    );
  },
);

const token = z.string().min(1).max(200);

export const confirmPublicRequest = tenantAction(z.object({ locale, token }), async ({ tenant }, input) => {
  const { outcome } = await confirmRequest(tenant, input.token);
  if (outcome === "confirmed") redirect(`${await tenantHref(tenant, input.locale, "/request/status")}?${new URLSearchParams({ token: input.token, confirmed: "1" })}`);
  if (outcome !== "already") throw new ActionError(outcome === "expired" ? "confirmationExpired" : "linkInvalid");
  refresh();
});

export const addPublicInformation = tenantAction(z.object({ locale, token, body: text(5000) }), async ({ tenant }, input) => {
  await addInformation(tenant, { token: input.token }, undefined, input.body);
  refresh();
});

export const withdrawPublic = tenantAction(z.object({ locale, token, reason: optionalText(2000) }), async ({ tenant }, input) => {
  await withdrawRequest(tenant, { token: input.token }, undefined, input.reason);
  refresh();
});
