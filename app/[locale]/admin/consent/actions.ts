"use server";

import { refresh } from "next/cache";
import { consoleAction } from "@/lib/action";
import {
  createConsentPurpose,
  createProfileField,
  editProfileFieldSchema,
  editPurposeSchema,
  newProfileFieldSchema,
  newPurposeSchema,
  purposeActiveSchema,
  setConsentPurposeActive,
  updateConsentPurpose,
  updateProfileField,
} from "@/lib/portal/settings";

/** The admin console's settings for the portal: consent purposes and profile fields. */

export const addPurpose = consoleAction("settings.edit", newPurposeSchema, async (context, input) => {
  await createConsentPurpose(context, input);
  refresh();
});

export const editPurpose = consoleAction("settings.edit", editPurposeSchema, async (context, input) => {
  await updateConsentPurpose(context, input);
  refresh();
});

export const togglePurpose = consoleAction("settings.edit", purposeActiveSchema, async (context, input) => {
  await setConsentPurposeActive(context, input);
  refresh();
});

export const addProfileField = consoleAction("settings.edit", newProfileFieldSchema, async (context, input) => {
  await createProfileField(context, input);
  refresh();
});

export const editProfileField = consoleAction("settings.edit", editProfileFieldSchema, async (context, input) => {
  await updateProfileField(context, input);
  refresh();
});
