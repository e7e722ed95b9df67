import { z } from "zod";
import type { Translator } from "@/lib/i18n/messages";

/**
 * Art. 17(3): what staff may keep of a person's data when erasing it, and on which
 * ground. An erasure erases everything (lib/erasure/erasure.ts) except the parts staff
 * name when approving it, each with a ground of art. 17(3) and a written explanation:
 *
 * - "records": the records of one data category from the tenant's systems
 *   (SubjectRecord.category), e.g. invoices kept under a legal retention duty;
 * - "profile": the profile (name, phone, postal address, company, VAT number, the
 *   tenant's own fields) and its history;
 * - "requests": the texts of the person's requests (details, messages, attachments,
 *   mail copies), e.g. for legal claims about how a request was handled.
 *
 * Kept data are only stored (art. 18(1)(c)/(2) reading: the subject is marked
 * restricted); the person is told what was erased and what was kept, on which ground.
 */

/** Art. 17(3)(a)-(e), in the order staff are most likely to need them. */
export const erasureGrounds = ["legalObligation", "legalClaims", "archiving", "expression", "publicHealth"] as const;
export type ErasureGround = (typeof erasureGrounds)[number];

/** The point of art. 17(3) each ground is. */
export const groundPoint: Record<ErasureGround, "a" | "b" | "c" | "d" | "e"> = {
  expression: "a",
  legalObligation: "b",
  publicHealth: "c",
  archiving: "d",
  legalClaims: "e",
};

export const erasureParts = ["records", "profile", "requests"] as const;
export type ErasurePart = (typeof erasureParts)[number];

/** One kept part, as recorded on the request (DataRequest.erasureKept). */
export interface ErasureKept {
  part: ErasurePart;
  /** The SubjectRecord.category, for part "records". */
  category?: string;
  ground: ErasureGround;
  explanation: string;
}

/** What staff can choose to keep: a key for the form and what it names. */
export interface KeepOption {
  key: string;
  part: ErasurePart;
  category?: string;
  /** For records: how many the person has in that category. */
  count?: number;
}

export const keepKey = (item: { part: ErasurePart; category?: string }): string => (item.part === "records" ? `records:${item.category ?? ""}` : item.part);

const keptItem = z.object({
  part: z.enum(erasureParts),
  category: z.string().optional(),
  ground: z.enum(erasureGrounds),
  explanation: z.string(),
});

/** The kept parts stored on a request (null or anything unreadable: nothing kept). */
export function keptOf(value: unknown): ErasureKept[] {
  const parsed = z.array(keptItem).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** What erasure must leave in place. */
export function keepSets(kept: ErasureKept[]): { categories: string[]; profile: boolean; requests: boolean; any: boolean } {
  const categories = [...new Set(kept.filter((k) => k.part === "records" && k.category !== undefined).map((k) => k.category!))];
  const profile = kept.some((k) => k.part === "profile");
  const requests = kept.some((k) => k.part === "requests");
  return { categories, profile, requests, any: kept.length > 0 };
}

/** A part an erasure removed, as recorded on the request (DataRequest.erasureErased). */
export interface ErasedPart {
  part: ErasurePart;
  category?: string;
}

/** What an erasure removes and keeps, given the categories of the person's records. */
export function erasureOutcome(kept: ErasureKept[], categories: string[]): { erased: ErasedPart[]; kept: ErasureKept[] } {
  const keep = keepSets(kept);
  const erased: ErasedPart[] = [
    ...categories.filter((category) => !keep.categories.includes(category)).map((category) => ({ part: "records" as const, category })),
    ...(keep.profile ? [] : [{ part: "profile" as const }]),
    ...(keep.requests ? [] : [{ part: "requests" as const }]),
  ];
  return { erased, kept };
}

const erasedItem = z.object({ part: z.enum(erasureParts), category: z.string().optional() });

/** The erased parts stored on a request (null or unreadable: none recorded). */
export function erasedOf(value: unknown): ErasedPart[] {
  const parsed = z.array(erasedItem).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** How a part is named, to the person and to staff. */
export function partText(t: Translator, part: { part: ErasurePart; category?: string }): string {
  return part.part === "records" ? t("Erasure.parts.records", { category: part.category ?? "" }) : t(`Erasure.parts.${part.part}`);
}

/** A kept part with its ground, the point of art. 17(3) and the explanation staff wrote. */
export function keptText(t: Translator, kept: ErasureKept): string {
  return t("Erasure.kept", { part: partText(t, kept), ground: t(`Erasure.grounds.${kept.ground}`), point: groundPoint[kept.ground], explanation: kept.explanation });
}

// ---- The approval form -------------------------------------------------------------

/** Choices offered per part: the part's key (`keep-N`), erase or a ground (`ground-N`), the explanation (`explanation-N`). */
export const eraseChoice = "erase";
const maxParts = 100;
const maxExplanation = 2000;

export interface KeepChoice {
  key: string;
  ground: ErasureGround;
  explanation: string;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/**
 * The approval form: the request's reference and, for each part staff chose to keep,
 * its ground and explanation (required: the person is told why, art. 12(1), 17(3)).
 */
export const approveErasureSchema = z.looseObject({ reference: z.string().trim().min(1).max(40) }).transform((raw, ctx) => {
  const keep: KeepChoice[] = [];
  for (let i = 0; i < maxParts; i++) {
    const key = text(raw[`keep-${i}`]);
    if (!key) continue;
    const ground = text(raw[`ground-${i}`]) || eraseChoice;
    if (ground === eraseChoice) continue;
    if (!(erasureGrounds as readonly string[]).includes(ground)) {
      ctx.addIssue({ code: "custom", path: [`ground-${i}`], message: "invalid" });
      continue;
    }
    const explanation = text(raw[`explanation-${i}`]);
    if (!explanation) ctx.addIssue({ code: "custom", path: [`explanation-${i}`], message: "required" });
    else if (explanation.length > maxExplanation) ctx.addIssue({ code: "custom", path: [`explanation-${i}`], message: "tooLong" });
    else keep.push({ key, ground: ground as ErasureGround, explanation });
  }
  return { reference: raw.reference, keep };
});
