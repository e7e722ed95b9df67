import { z } from "zod";
import { parseEmbedOrigin } from "@/lib/embed-origins";
import { isValidSlug, reservedSlugs, slugPattern } from "@/lib/tenant-host";

/**
 * Field rules shared by forms and API bodies. Each message is a key of the "Errors"
 * namespace in messages/*.json, so every failure reaches the user translated.
 */

export const text = (max = 2000) => z.string().trim().min(1, "required").max(max, "tooLong");
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .transform((value) => value || null);
export const email = z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").email("email");
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "tooLong")
  .refine((value) => value === "" || z.email().safeParse(value).success, "email")
  .transform((value) => value || null);
export const httpsUrl = z
  .string()
  .trim()
  .max(500, "tooLong")
  .refine((value) => value === "" || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), "url")
  .transform((value) => value || null);
export const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "country");
export const locale = z.enum(["nl", "en"], "locale");

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "slugLength")
  .max(40, "slugLength")
  .regex(slugPattern, "slugFormat")
  .refine((value) => !reservedSlugs.has(value), "slugReserved")
  .refine(isValidSlug, "slugFormat");

/**
 * Sites that may show a tenant's statement in a frame: one origin per line, https (http
 * only for localhost), without a path (lib/embed-origins.ts). At most ten. A bad entry
 * is named in the error (errorParams: { entry }).
 */
export const embedOrigins = z.string().transform((value, ctx) => {
  const entries = [...new Set(value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = parseEmbedOrigin(entry);
    if (!origin) {
      ctx.addIssue({ code: "custom", message: "embedOrigin", params: { entry: entry.length > 80 ? `${entry.slice(0, 79)}…` : entry } });
      return z.NEVER;
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  if (origins.length > 10) {
    ctx.addIssue({ code: "custom", message: "tooMany" });
    return z.NEVER;
  }
  return origins;
});

/** A colour that white text can be read on (contrast of at least 4.5:1). */
export const accentColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "color")
  .refine((value) => contrastWithWhite(value) >= 4.5, "colorContrast");

export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

/** Field path -> values for its message, where the first problem of the field has some (e.g. the bad entry). */
export function fieldErrorParams(error: z.ZodError): Record<string, Record<string, string>> | undefined {
  const params: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    if (seen.has(path)) continue;
    seen.add(path);
    const values = issue.code === "custom" ? issue.params : undefined;
    if (values) params[path] = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  }
  return Object.keys(params).length ? params : undefined;
}

/** Field path -> message key, for the first problem of each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    errors[path] ??= /^[a-zA-Z]+$/.test(issue.message) && issue.message.length < 40 ? issue.message : "invalid";
  }
  return errors;
}
