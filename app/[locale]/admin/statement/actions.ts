"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/action";
import { draftContentSchema, publishStatement, saveDraft } from "@/lib/policy/draft";
import { text } from "@/lib/validation";

/** The statement editor's server actions: checking the input and calling lib/policy/draft.ts. */

const saveSchema = z.object({
  base: z.string().min(1, "invalid").max(200, "invalid"),
  content: draftContentSchema,
  dismiss: z.array(z.string().max(200)).max(100).default([]),
});

/** The editor posts the draft as JSON in one hidden field; "overwrite" is the deliberate save after a conflict. */
function readSave(formData: FormData): Record<string, unknown> {
  let content: unknown;
  try {
    content = JSON.parse(String(formData.get("content") ?? ""));
  } catch {
    content = undefined;
  }
  const overwrite = formData.get("overwrite");
  return {
    base: String(overwrite || formData.get("base") || ""),
    content,
    dismiss: formData.getAll("dismiss").map(String),
  };
}

export const saveStatementDraft = consoleAction("statement.edit", saveSchema, (context, input) => saveDraft(context, input), readSave);

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

const publishSchema = z.object({
  base: z.string().min(1, "invalid").max(200, "invalid"),
  summaryNl: text(1000),
  summaryEn: text(1000),
  materialChange: checkbox,
  confirmGaps: checkbox,
});

export const publishStatementDraft = consoleAction("statement.publish", publishSchema, (context, input) =>
  publishStatement(context, {
    base: input.base,
    changeSummary: { nl: input.summaryNl, en: input.summaryEn },
    materialChange: input.materialChange,
    confirmGaps: input.confirmGaps,
  }),
);
