import { isInEea } from "@/lib/geo/countries";
import type { RecipientContent } from "./content";

/**
 * Where personal data may go on an adequacy decision of the European Commission
 * (GDPR art. 45), the one list Inzage keeps of them.
 *
 * Checked 2026-12-03 against the Commission's page "Adequacy decisions"
 * (commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en),
 * the Luxembourg CNPD's list of the same decisions (cnpd.public.lu, "transferts hors EEE:
 * protection adéquate") and, for the European Patent Organisation, the EPO's announcement
 * of the Commission's decision of 15 July 2025 (epo.org). Canada's decision covers
 * commercial organisations (PIPEDA); the United States' covers only organisations
 * certified under the EU-US Data Privacy Framework, so "adequacy decision" is never the
 * safeguard for a US recipient: that is DATA_PRIVACY_FRAMEWORK, for certified recipients.
 * The European Patent Organisation is an international organisation, not a country, and
 * has no country code; a recipient there is entered without one.
 */
export const adequacyCheckedOn = "2026-12-03";

export const adequateCountries: ReadonlySet<string> = new Set([
  "AD", // Andorra
  "AR", // Argentina
  "CA", // Canada (commercial organisations)
  "FO", // Faroe Islands
  "GG", // Guernsey
  "IL", // Israel
  "IM", // Isle of Man
  "JP", // Japan
  "JE", // Jersey
  "NZ", // New Zealand
  "KR", // Republic of Korea
  "CH", // Switzerland
  "GB", // United Kingdom
  "UY", // Uruguay
]);

/** The one country whose adequacy decision is the EU-US Data Privacy Framework (certified organisations only). */
export const dataPrivacyFrameworkCountry = "US";

export type TransferProblem = "countryUnknown" | "safeguardMissing" | "safeguardUnfit" | null;

/**
 * What is wrong with a recipient's transfer (art. 13(1)(f), 14(1)(f)): an unknown
 * country (where the data goes is not stated), a country outside the EEA without a
 * safeguard, or a safeguard that cannot apply there (an adequacy decision for a country
 * without one, the Data Privacy Framework outside the US, any safeguard inside the EEA,
 * where none is needed and naming one would tell people something untrue).
 */
export function transferProblem(recipient: Pick<RecipientContent, "country" | "safeguard">): TransferProblem {
  const { country, safeguard } = recipient;
  if (!country) return "countryUnknown";
  if (country === "EU" || isInEea(country)) return safeguard ? "safeguardUnfit" : null;
  if (!safeguard) return "safeguardMissing";
  if (safeguard === "ADEQUACY_DECISION" && !adequateCountries.has(country)) return "safeguardUnfit";
  if (safeguard === "DATA_PRIVACY_FRAMEWORK" && country !== dataPrivacyFrameworkCountry) return "safeguardUnfit";
  return null;
}

/** Safeguards under art. 46/47 of which people may obtain a copy (art. 13(1)(f)); adequacy and derogations have none. */
export const copyableSafeguards: ReadonlySet<string> = new Set(["STANDARD_CONTRACTUAL_CLAUSES", "BINDING_CORPORATE_RULES"]);
