import type { Tenant } from "@/generated/prisma/client";
import { authorityById } from "@/lib/authorities/data";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { countryName, isInEea } from "@/lib/geo/countries";
import { translator, type Translator } from "@/lib/i18n/messages";
import type { Declarations, Locale, LocalizedText } from "@/lib/policy/content";
import { durationLabel } from "@/lib/policy/public-statement";
import { readVersionContent } from "@/lib/policy/store";
import { publicOrigin } from "@/lib/public-origin";
import { tenantPath } from "@/lib/tenant-host";
import { recordCategories } from "./queries";
import type { AccessInformation } from "./schema";

/**
 * Art. 15(1): the person who asks for access gets, besides a copy of their data (art.
 * 15(3)), the purposes (a), the categories of data (b), the recipients (c), the retention
 * period or its criteria (d), the rights to rectification, erasure, restriction and
 * objection (e), the right to complain to a supervisory authority (f), the source of data
 * not collected from them (g) and any automated decision-making (h); art. 15(2) adds the
 * safeguards of a transfer to a third country. Inzage takes all of it from the privacy
 * statement version in force at the moment of the answer, never from anywhere else: an
 * item the statement does not state is answered with "not stated in the privacy
 * statement", not made up. Only (b) and (g) also read the person's own records (their
 * categories and the systems that recorded them), and (f) the tenant's lead authority.
 *
 * The one owner of this content: the export (data.json and summary.html), the portal's
 * completed access request and the download page behind the mailed link all use it.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "leadAuthorityId">;

/** The rights art. 15(1)(e) names. */
export const accessRightCodes = ["rectification", "erasure", "restriction", "objection"] as const;

/** The published version in force at `at`: the newest one published at or before it. */
export async function statementVersionAt(tx: TenantTx, tenantId: string, at: Date) {
  return tx.policyVersion.findFirst({
    where: { tenantId, status: "PUBLISHED", publishedAt: { lte: at } },
    orderBy: { number: "desc" },
  });
}

function automatedDecisionAnswer(
  declarations: Declarations | undefined,
  pick: (text: LocalizedText) => string,
  t: Translator,
  notStated: string,
): { stated: boolean; text: string } {
  switch (declarations?.automatedDecisions ?? "NOT_STATED") {
    case "NONE":
      return { stated: true, text: t("Statement.automated.none") };
    case "DESCRIBED": {
      const logic = pick(declarations!.automatedDecisionLogic);
      const consequences = pick(declarations!.automatedDecisionConsequences);
      const lines = [t("Statement.automated.described"), `${t("Statement.automated.logic")}: ${logic || notStated}`, `${t("Statement.automated.consequences")}: ${consequences || notStated}`];
      return { stated: true, text: lines.join("\n") };
    }
    default:
      return { stated: false, text: notStated };
  }
}

/**
 * The art. 15(1)(a)–(h) and 15(2) information for a person (subjectId, or null for
 * someone the tenant holds nothing on) at the tenant, as of `at`, in `locale`.
 */
export async function accessInformation(tenant: TenantRef, subjectId: string | null, at: Date, locale: Locale): Promise<AccessInformation> {
  const t = translator(locale);
  const pick = (text: LocalizedText) => text[locale] || text[locale === "nl" ? "en" : "nl"];
  const notStated = t("AccessInfo.notStated");

  const { version, content, records, systems } = await withTenant(tenant.id, async (tx) => {
    const version = await statementVersionAt(tx, tenant.id, at);
    const content = version ? await readVersionContent(tx, tenant.id, version.id) : null;
    const records = subjectId ? await recordCategories(tx, tenant.id, subjectId) : [];
    const systems = subjectId
      ? await tx.subjectRecord.findMany({
          where: { tenantId: tenant.id, subjectId, receivedAt: { lte: at } },
          distinct: ["sourceSystem"],
          select: { sourceSystem: true },
          orderBy: { sourceSystem: "asc" },
        })
      : [];
    return { version, content, records, systems: systems.map((s) => s.sourceSystem) };
  });

  const categories = content?.dataCategories ?? [];
  const categoryName = new Map(categories.map((c) => [c.key, pick(c.name)]));
  const country = (code: string) => ({ code, name: countryName(code, locale) });
  const recipients = content?.recipients ?? [];

  // (f) The tenant's lead authority as it is now: the right to complain is exercised now.
  const authority = tenant.leadAuthorityId ? authorityById(tenant.leadAuthorityId) : undefined;
  const authoritiesUrl = `${publicOrigin()}/${locale}/authorities`;
  const authorityName = authority ? (locale === "en" ? authority.name.en : authority.name.local) : null;

  return {
    statement: version
      ? {
          version: version.number!,
          publishedAt: version.publishedAt!.toISOString(),
          url: `${publicOrigin()}${tenantPath(locale, tenant.slug, `/v/${version.number}`)}`,
        }
      : null,
    notStated,
    // (a) Purposes with their legal basis (and the interest, where that is the basis).
    purposes: (content?.purposes ?? []).map((p) => ({
      name: pick(p.name),
      description: pick(p.description),
      legalBasis: { code: p.legalBasis, label: t(`Enums.legalBasis.${p.legalBasis}`) },
      legitimateInterest: p.legalBasis === "LEGITIMATE_INTEREST" ? pick(p.legitimateInterest) || notStated : null,
      dataCategories: p.dataCategoryKeys.map((key) => categoryName.get(key) ?? key),
    })),
    // (b) The categories the statement names, and those of the records held on the person.
    categories: {
      statement: categories.map((c) => ({ key: c.key, name: pick(c.name), description: pick(c.description) })),
      records,
    },
    // (c) Recipients, with where the data go.
    recipients: recipients.map((r) => ({
      name: r.name,
      role: { code: r.role, label: t(`Enums.recipientRole.${r.role}`) },
      purpose: pick(r.purpose),
      country: r.country ? country(r.country) : null,
      outsideEea: r.country ? !isInEea(r.country) : false,
    })),
    // (d) Per category of the statement: its rule's period and criteria; a category without a rule is not stated.
    retention: categories.map((c) => {
      const rule = content!.retention.find((r) => r.dataCategoryKey === c.key);
      return {
        category: pick(c.name),
        period: rule && rule.periodValue !== null && rule.periodUnit ? durationLabel(locale, rule.periodValue, rule.periodUnit) : null,
        criteria: rule ? pick(rule.criteria) || null : null,
      };
    }),
    // (e) Rights given by the GDPR itself, whatever the statement says.
    rights: accessRightCodes.map((code) => ({ code, title: t(`Statement.rights.${code}.title`), description: t(`Statement.rights.${code}.body`) })),
    complaint: {
      authority: authority ? { id: authority.id, name: authorityName!, website: authority.website, complaintUrl: authority.complaintUrl } : null,
      authoritiesUrl,
      text: authority
        ? t("AccessInfo.complaint.lead", { company: tenant.name, authority: authorityName!, url: authoritiesUrl })
        : t("AccessInfo.complaint.any", { url: authoritiesUrl }),
    },
    // (g) The systems that recorded the person's records, and the sources the statement names.
    sources: {
      systems,
      statement: categories.filter((c) => pick(c.source).trim()).map((c) => ({ category: pick(c.name), source: pick(c.source) })),
    },
    // (h) Automated decision-making as the statement in force declares it (none, described, or not stated).
    automatedDecisions: automatedDecisionAnswer(content?.declarations, pick, t, notStated),
    // 15(2) Every recipient outside the EEA, or whose country the statement does not name.
    transfers: recipients
      .filter((r) => !r.country || !isInEea(r.country))
      .map((r) => ({
        recipient: r.name,
        country: r.country ? country(r.country) : null,
        safeguard: r.safeguard ? { code: r.safeguard, label: t(`Enums.safeguard.${r.safeguard}`) } : null,
      })),
  };
}
