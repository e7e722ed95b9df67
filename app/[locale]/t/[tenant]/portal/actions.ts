"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, formValues } from "@/lib/action";
import { formatDate } from "@/lib/i18n/messages";
import { portalAction, tenantAction, tenantHref } from "@/lib/portal/action";
import { setConsent } from "@/lib/portal/consent";
import { confirmEmailChange, profileSchema, setStatementNotifications, updateProfile } from "@/lib/portal/profile";
import { endPortalSession, startPortalSession } from "@/lib/portal/session";
import { requestPortalSignIn, verifyPortalCode, verifyPortalLink } from "@/lib/portal/sign-in";
import { normalizeReference } from "@/lib/requests/reference";
import { addInformation, checkRequestFields, createRequest, requestFields, requestTarget, withdrawRequest } from "@/lib/requests/requests";
import { enforceLimits, limits } from "@/lib/rate-limit";
import { requestContext } from "@/lib/request";
import { requestIp } from "@/lib/request-ip";
import { findTenantBySlug } from "@/lib/tenants";
import { email, locale, optionalText, text } from "@/lib/validation";

/** The forms of a tenant's privacy portal. Each names its tenant in a hidden field. */

export const requestCode = tenantAction(z.object({ email, locale }), async ({ tenant }, input) => {
  // Counted before the address is looked up, so that known and unknown addresses get the same answers (the limit per address is counted in requestPortalSignIn).
  await enforceLimits([[limits.portalCodePerIp, await requestIp()]]);
  await requestPortalSignIn(tenant, input.email, input.locale, (await requestContext()).tenantHost === tenant.slug);
  return { email: input.email };
});

export const verifyCode = tenantAction(
  z.object({ email, locale, code: z.string().trim().regex(/^\d{6}$/, "signInCode") }),
  async ({ tenant }, input) => {
    await enforceLimits([[limits.portalCodeTries, await requestIp()]]);
    const checked = await verifyPortalCode(tenant, input.email, input.code);
    if (checked.subjectId === null) {
      throw checked.triesLeft > 0 ? new ActionError("signInCodeTries", "code", { tries: String(checked.triesLeft) }) : new ActionError("signInCodeNoTries", "code");
    }
    await startPortalSession(tenant, checked.subjectId);
    redirect(await tenantHref(tenant, input.locale, "/portal"));
  },
);

export const signInWithLink = tenantAction(z.object({ locale, token: z.string().min(1).max(200) }), async ({ tenant }, input) => {
  await enforceLimits([[limits.portalCodeTries, await requestIp()]]);
  const subjectId = await verifyPortalLink(tenant, input.token);
  if (!subjectId) throw new ActionError("linkInvalid");
  await startPortalSession(tenant, subjectId);
  redirect(await tenantHref(tenant, input.locale, "/portal"));
});

export async function signOut(formData: FormData): Promise<void> {
  const values = formValues(formData);
  const pageLocale = locale.safeParse(values.locale).data ?? "nl";
  const tenant = await findTenantBySlug(String(values.tenant ?? ""));
  if (!tenant) redirect(`/${pageLocale}`);
  await endPortalSession(tenant);
  redirect(`${await tenantHref(tenant, pageLocale, "/portal")}?signedOut=1`);
}

export const saveProfile = portalAction(profileSchema.extend({ locale }), async ({ tenant, subject }, input) => {
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (key.startsWith("custom_")) custom[key.slice("custom_".length)] = value;
  const result = await updateProfile(tenant, subject.id, input, custom, input.locale);
  refresh();
  return result;
});

export const confirmEmail = tenantAction(z.object({ locale, token: z.string().min(1).max(200) }), async ({ tenant }, input) => {
  return { outcome: await confirmEmailChange(tenant, input.token) };
});

/** version: the wording version the form showed; consent to a wording changed since is refused and the page shows the new one (art. 7(1)). */
export const toggleConsent = portalAction(
  z.object({ locale, purpose: z.string().min(1).max(40), version: z.string().min(1).max(60), given: z.enum(["true", "false"]) }),
  async ({ tenant, subject }, input) => {
    try {
      const result = await setConsent(tenant, subject.id, { purposeKey: input.purpose, given: input.given === "true", locale: input.locale, channel: "portal", versionId: input.version });
      refresh();
      return result;
    } catch (error) {
      if (error instanceof ActionError && error.key === "consentWordingChanged") refresh();
      throw error;
    }
  },
);

export const saveNotifications = portalAction(z.object({ locale, notify: z.string().optional() }), async ({ tenant, subject }, input) => {
  await setStatementNotifications(tenant, subject.id, input.notify === "on");
  refresh();
});

export const fileRequest = portalAction(z.object({ ...requestFields, locale }).superRefine(checkRequestFields), async ({ tenant, subject }, input) => {
  const { request, merged } = await createRequest(
    tenant,
    { kind: "subject", subjectId: subject.id },
    { type: input.type, details: input.details, target: requestTarget(input), locale: input.locale },
  );
  refresh();
  return { reference: request.reference, merged, due: request.dueAt ? formatDate(request.dueAt, input.locale) : null };
});

const referenceField = z
  .string()
  .transform((value) => normalizeReference(value))
  .refine((value): value is string => value !== null, "notFound");

export const addRequestInformation = portalAction(z.object({ locale, reference: referenceField, body: text(5000) }), async ({ tenant, subject }, input) => {
  await addInformation(tenant, { subjectId: subject.id }, input.reference, input.body);
  refresh();
});

export const withdraw = portalAction(z.object({ locale, reference: referenceField, reason: optionalText(2000) }), async ({ tenant, subject }, input) => {
  await withdrawRequest(tenant, { subjectId: subject.id }, input.reference, input.reason);
  refresh();
});
