"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { consoleAction } from "@/lib/action";
import { approveErasure, approveErasureSchema, cancelErasure, erasureSchema } from "@/lib/erasure/erasure";
import {
  changeStatus,
  checkStaffAction,
  completeRequest,
  completeSchema,
  correctProfile,
  extendDeadline,
  extendSchema,
  markRecipientNotified,
  messageSchema,
  noticeSchema,
  objectionSchema,
  recordObjection,
  recordRequest,
  recordSchema,
  rejectRequest,
  rejectSchema,
  restrictSchema,
  sendStaffMessage,
  setRestriction,
  staffProfileSchema,
  statusSchema,
} from "@/lib/requests/admin";
import { locale } from "@/lib/validation";

/** The console's actions on requests; each needs requests.handle and names the request by reference. */

function refresh(input: { locale: string; reference: string }) {
  revalidatePath(`/${input.locale}/admin/requests/${input.reference}`);
  revalidatePath(`/${input.locale}/admin/requests`);
}

export const setStatusAction = consoleAction("requests.handle", statusSchema.extend({ locale }), async (context, input) => {
  await changeStatus(context, input);
  refresh(input);
});

export const extendAction = consoleAction("requests.handle", extendSchema.extend({ locale }), async (context, input) => {
  await extendDeadline(context, input);
  refresh(input);
});

export const rejectAction = consoleAction("requests.handle", rejectSchema.extend({ locale }), async (context, input) => {
  await rejectRequest(context, input);
  refresh(input);
});

export const completeAction = consoleAction("requests.handle", completeSchema.extend({ locale }), async (context, input) => {
  await completeRequest(context, input);
  refresh(input);
});

export const messageAction = consoleAction("requests.handle", messageSchema.extend({ locale }), async (context, input) => {
  await sendStaffMessage(context, input);
  refresh(input);
});

export const correctProfileAction = consoleAction("requests.handle", staffProfileSchema.extend({ locale }), async (context, input) => {
  const changed = await correctProfile(context, input);
  refresh(input);
  return changed;
});

export const restrictAction = consoleAction("requests.handle", restrictSchema.extend({ locale }), async (context, input) => {
  await setRestriction(context, input);
  refresh(input);
});

export const objectionAction = consoleAction("requests.handle", objectionSchema.extend({ locale }), async (context, input) => {
  await recordObjection(context, input);
  refresh(input);
});

export const noticeAction = consoleAction("requests.handle", noticeSchema.extend({ locale }), async (context, input) => {
  await markRecipientNotified(context, input);
  refresh(input);
});

export const approveErasureAction = consoleAction("requests.handle", approveErasureSchema.and(z.object({ locale })), async (context, input) => {
  await checkStaffAction(context, input.reference, "approveErasure");
  await approveErasure(context, input);
  refresh(input);
});

export const cancelErasureAction = consoleAction("requests.handle", erasureSchema.extend({ locale }), async (context, input) => {
  await checkStaffAction(context, input.reference, "cancelErasure");
  await cancelErasure(context, input);
  refresh(input);
});

export const recordRequestAction = consoleAction("requests.handle", recordSchema.and(z.object({ pageLocale: locale })), async (context, input) => {
  const request = await recordRequest(context, input);
  revalidatePath(`/${input.pageLocale}/admin/requests`);
  redirect(`/${input.pageLocale}/admin/requests/${request.reference}?recorded=1`);
});
