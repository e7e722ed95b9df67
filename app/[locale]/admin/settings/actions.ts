"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/action";
import { companySchema, updateCompany } from "@/lib/console/company";

export const saveCompany = consoleAction("settings.edit", companySchema, async (context, input) => {
  await updateCompany(context, input);
  revalidatePath("/", "layout");
});
