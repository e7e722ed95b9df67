"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { ActionError } from "@/lib/action";
import { complaintDetailsSchema, saveComplaintDetails } from "@/lib/complaints/details";
import { sendReminder } from "@/lib/complaints/reminders";
import { portalAction } from "@/lib/portal/action";
import { normalizeReference } from "@/lib/requests/reference";
import { locale } from "@/lib/validation";

/** The complaint's forms in the portal: the person's details for the dossier, and a reminder to the tenant. */

export const saveDetails = portalAction(complaintDetailsSchema.extend({ locale }), async ({ tenant, subject }, input) => {
  if (!(await saveComplaintDetails(tenant.id, subject.id, input))) throw new ActionError("notFound");
  refresh();
});

const reference = z
  .string()
  .transform((value) => normalizeReference(value))
  .refine((value): value is string => value !== null, "notFound");

/** Not followed by a refresh: the page would swap the form (and its confirmation) for "sent; the next one from …". */
export const remind = portalAction(z.object({ locale, reference }), async ({ tenant, subject }, input) => {
  const { sentAt } = await sendReminder(tenant, subject.id, input.reference);
  return { sentAt: sentAt.toISOString() };
});
