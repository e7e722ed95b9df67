import type { StatementContent } from "./content";

/**
 * The rights every public statement prints from Inzage's own texts (GDPR art. 13(2)(b)-(d),
 * 14(2)(c)-(e)), and the right to complain (art. 77). Kept apart from the public
 * statement so the completeness check (which also runs in the browser) reads the same list.
 */
export const rightCodes = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
  "withdrawConsent",
] as const;
export type RightCode = (typeof rightCodes)[number];

/** The rights of arts. 15-21 that every statement names (art. 13(2)(b), 14(2)(c)). */
export const subjectRights: readonly RightCode[] = rightCodes.filter((code) => code !== "withdrawConsent");

export interface PrintedByInzage {
  rights: readonly RightCode[];
  /** The block on complaining to a supervisory authority (art. 13(2)(d), 14(2)(e)). */
  complaint: boolean;
}

/**
 * What the public page prints besides the tenant's content. Withdrawing consent is named
 * where a purpose relies on consent (art. 13(2)(c), 14(2)(d)); elsewhere it would tell
 * people of a consent they never gave.
 */
export function printedByInzage(content: Pick<StatementContent, "purposes">): PrintedByInzage {
  const consent = content.purposes.some((purpose) => purpose.legalBasis === "CONSENT");
  return { rights: consent ? rightCodes : subjectRights, complaint: true };
}
