"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction, formValues } from "@/lib/action";
import { addEndpoint, deleteEndpoint, resend, setEndpointActive } from "@/lib/webhooks/endpoints";
import { webhookEvents } from "@/lib/webhooks/events";
import { locale } from "@/lib/validation";

const id = z.string().min(1).max(64);
const refresh = (l: string) => revalidatePath(`/${l}/admin/webhooks`);

/** Checkboxes named "events" arrive as one value or several. */
function readEndpointForm(formData: FormData) {
  return { ...formValues(formData), events: formData.getAll("events").map(String) };
}

export const createEndpoint = consoleAction(
  "integrations.manage",
  z.object({
    locale,
    url: z.string().trim().min(1, "required").max(500, "tooLong"),
    description: z.string().trim().max(200, "tooLong"),
    events: z.array(z.enum(webhookEvents)).min(1, "chooseEvent"),
  }),
  async (context, input) => {
    await addEndpoint(context, input);
    refresh(input.locale);
  },
  readEndpointForm,
);

export const toggleEndpoint = consoleAction("integrations.manage", z.object({ locale, endpointId: id, active: z.enum(["true", "false"]) }), async (context, input) => {
  await setEndpointActive(context, input.endpointId, input.active === "true");
  refresh(input.locale);
});

export const removeEndpoint = consoleAction("integrations.manage", z.object({ locale, endpointId: id }), async (context, input) => {
  await deleteEndpoint(context, input.endpointId);
  refresh(input.locale);
});

export const resendDeliveryAction = consoleAction("integrations.manage", z.object({ locale, deliveryId: id }), async (context, input) => {
  await resend(context, input.deliveryId);
  refresh(input.locale);
});
