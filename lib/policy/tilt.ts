import { createHash } from "node:crypto";
import { translator } from "@/lib/i18n/messages";
import type { LegalBasisCode } from "./content";
import type { PublicStatement } from "./public-statement";

/**
 * The published statement as a TILT document (Transparency Information Language and
 * Toolkit: a JSON schema for the information of GDPR arts. 13 and 14; the schema, its source
 * and MIT licence are in docs/tilt/). Served at /api/t/{slug}/policy.tilt.json.
 *
 * TILT states every point as a fact and requires many of them; a statement may leave a point
 * unsaid. Nothing is made up to fill the schema: where the statement says nothing, the
 * optional field is left out, and a required one gets the least the schema accepts (an empty
 * text or list) with an `_declared` extension saying "NONE" or "NOT_STATED" (TILT allows
 * additional properties everywhere; Inzage's own fields start with `_`, as TILT's `_id` does).
 * Two required fields cannot be empty: an e-mail address and a country. Where the statement
 * names no DPO, or no representative with an e-mail address, they carry the controller's own
 * contact and country, which the statement does give, marked with `_declared`.
 */

/** The GDPR article behind each legal basis, in TILT's reference form (art. 6(1)(a)-(f)). */
const legalBasisReference: Record<LegalBasisCode, string> = {
  CONSENT: "GDPR-6-1-a",
  CONTRACT: "GDPR-6-1-b",
  LEGAL_OBLIGATION: "GDPR-6-1-c",
  VITAL_INTEREST: "GDPR-6-1-d",
  PUBLIC_TASK: "GDPR-6-1-e",
  LEGITIMATE_INTEREST: "GDPR-6-1-f",
};

/** TILT's pattern for phone numbers; a number written otherwise is left out rather than rewritten. */
const tiltPhone = /^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s./0-9]*$/;
const emailIn = /[^\s<>(),;:"]+@[^\s<>(),;:"]+\.[^\s<>(),;:"]+/;

export type TiltDocument = Record<string, unknown> & { meta: Record<string, unknown> };

/** A UUID-shaped id derived from text, so the same version in the same language keeps its id. */
function derivedId(text: string): string {
  const hash = createHash("sha256").update(text).digest("hex");
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
}

const nonEmpty = (texts: string[]) => [...new Set(texts.map((text) => text.trim()).filter(Boolean))];

/**
 * The statement as TILT. origin: where the platform is reached (PUBLIC_URL), for the
 * statement's and the portal's addresses.
 */
export function statementToTilt(statement: PublicStatement, origin: string): TiltDocument {
  const t = translator(statement.locale);
  const { controller, declarations, version } = statement;
  const statementUrl = `${origin}/${statement.locale}/t/${statement.tenant.slug}${version.superseded ? `/v/${version.number}` : ""}`;
  const portalUrl = `${origin}/${statement.locale}/t/${statement.tenant.slug}/portal`;
  const phone = (value: string | null | undefined) => (value && tiltPhone.test(value) ? { phone: value } : {});
  const right = (code: PublicStatement["rights"][number]["code"]) => statement.rights.find((r) => r.code === code);
  const rightAnswer = (...codes: Array<PublicStatement["rights"][number]["code"]>) => {
    const rights = codes.map(right).filter((r) => r !== undefined);
    if (rights.length === 0) return { available: false };
    return {
      available: true,
      description: rights.map((r) => `${r.title}: ${r.description}`).join(" "),
      url: portalUrl,
      email: controller.email,
    };
  };

  // Art. 13(1)(a): the controller's representative (art. 27), where one is declared with an e-mail address.
  const declaredRepresentative = declarations.representative;
  const representativeEmail = declaredRepresentative?.contact.match(emailIn)?.[0];
  const representative =
    declaredRepresentative && representativeEmail
      ? { name: declaredRepresentative.name, email: representativeEmail, _contact: declaredRepresentative.contact }
      : {
          name: controller.legalName,
          email: controller.email,
          ...phone(controller.phone),
          _declared: "NOT_STATED",
          _note: "no representative with an e-mail address is declared; these are the controller's own contact details",
        };

  // Art. 13(1)(b): the DPO's contact details. The statement holds the DPO's name and e-mail address only.
  const dataProtectionOfficer = controller.dpo
    ? { name: controller.dpo.name ?? "", address: "", country: controller.country.code, email: controller.dpo.email, _declared: "APPOINTED" }
    : {
        name: "",
        address: "",
        country: controller.country.code,
        email: controller.email,
        _declared: declarations.dpo,
        _note: "no data protection officer is named; these are the controller's own contact details",
      };

  const dataDisclosed = statement.dataCategories.map((category) => {
    const purposes = statement.purposes.filter((purpose) => purpose.dataCategories.some((c) => c.key === category.key));
    const bases = [...new Map(purposes.map((p) => [p.legalBasis.code, p.legalBasis])).values()];
    const rules = statement.retention.filter((rule) => rule.dataCategory.key === category.key);
    const provisions = new Set(purposes.map((p) => p.provision.code));
    return {
      _id: category.id,
      _key: category.key,
      _origin: category.origin,
      category: category.name,
      purposes: purposes.map((p) => ({ purpose: p.name, description: p.description, _id: p.id })),
      legalBases: bases.map((basis) => ({ reference: legalBasisReference[basis.code], description: basis.label })),
      legitimateInterests: purposes
        .filter((p) => p.legitimateInterest !== null)
        .map((p) => ({ exists: true, reasoning: p.legitimateInterest ?? "", _purposeId: p.id })),
      // The statement names its recipients for the data as a whole, not per category (see _recipients).
      recipients: [],
      // Art. 13(2)(a): a fixed period where the rule states one, else the criteria.
      storage: rules.map((rule) => ({
        temporal: rule.isoDuration ? [{ description: rule.criteria || rule.period?.label || "", ttl: rule.isoDuration }] : [],
        purposeConditional: rule.isoDuration || !rule.criteria ? [] : [rule.criteria],
        aggregationFunction: "max",
      })),
      // Art. 13(2)(e): whether providing the data is required, by law or contract, and what follows if not.
      nonDisclosure: {
        legalRequirement: provisions.has("STATUTORY"),
        contractualRegulation: provisions.has("CONTRACTUAL"),
        obligationToProvide: provisions.has("STATUTORY") || provisions.has("CONTRACTUAL"),
        consequences: nonEmpty(purposes.map((p) => p.provisionNote)).join(" "),
      },
    };
  });

  // Art. 13(1)(f): transfers to recipients outside the EEA, with the safeguard the statement names.
  const thirdCountryTransfers = statement.recipients
    .filter((recipient) => recipient.outsideEea && recipient.country)
    .map((recipient) => {
      const safeguard = recipient.safeguard;
      const description = nonEmpty([safeguard?.label ?? "", declarations.safeguardCopy]).join(" ");
      const basis =
        safeguard?.code === "ADEQUACY_DECISION" || safeguard?.code === "DATA_PRIVACY_FRAMEWORK"
          ? { adequacyDecision: { available: true, description } }
          : safeguard?.code === "STANDARD_CONTRACTUAL_CLAUSES"
            ? { standardDataProtectionClause: { available: true, description } }
            : safeguard?.code === "BINDING_CORPORATE_RULES"
              ? { appropriateGuarantees: { available: true, description } }
              : safeguard?.code === "DEROGATION"
                ? { _derogation: description }
                : { _declared: "NOT_STATED" };
      return { country: recipient.country!.code, _recipientId: recipient.id, _recipient: recipient.name, ...basis };
    });

  // Art. 14(2)(f): where data not obtained from the person comes from.
  const sources = statement.dataCategories
    .filter((category) => category.origin === "OTHER" || category.origin === "BOTH")
    .map((category) => ({
      _id: category.id,
      dataCategory: category.name,
      sources:
        category.source && category.publiclyAccessible !== null
          ? [{ description: category.source, url: "", publiclyAvailable: category.publiclyAccessible }]
          : [],
      ...(category.source && category.publiclyAccessible === null
        ? { _source: category.source, _publiclyAvailable: "NOT_STATED" }
        : category.source
          ? {}
          : { _declared: "NOT_STATED" }),
    }));

  const authority = statement.leadAuthority;
  const automated = declarations.automatedDecisions;

  const document = {
    meta: {
      _id: derivedId(`${origin}\n${statement.tenant.slug}\n${version.number}\n${statement.locale}`),
      name: controller.name,
      created: version.publishedAt,
      modified: version.publishedAt,
      version: version.number,
      language: statement.locale,
      status: version.superseded ? "inactive" : "active",
      url: statementUrl,
    },
    controller: {
      name: controller.legalName,
      address: controller.address,
      country: controller.country.code,
      representative,
    },
    dataProtectionOfficer,
    dataDisclosed,
    thirdCountryTransfers,
    // Art. 15 and 20: Inzage gives every tenant's people a portal to see and export their data.
    accessAndDataPortability: {
      available: true,
      description: rightAnswer("access", "portability").description,
      url: portalUrl,
      email: controller.email,
    },
    sources,
    rightToInformation: rightAnswer("access"),
    rightToRectificationOrDeletion: rightAnswer("rectification", "erasure"),
    rightToDataPortability: rightAnswer("portability"),
    // Art. 13(2)(c): only where a purpose relies on consent.
    rightToWithdrawConsent: rightAnswer("withdrawConsent"),
    // Art. 13(2)(d), 77.
    rightToComplain: {
      available: true,
      description: authority ? t("Statement.complaint.intro") : `${t("Statement.complaint.intro")} ${t("Statement.complaint.noLead")}`,
      supervisoryAuthority: authority
        ? {
            name: authority.name,
            ...(authority.address ? { address: authority.address } : {}),
            country: authority.country.code,
            ...(authority.email ? { email: authority.email } : {}),
            ...phone(authority.phone),
            _id: authority.id,
          }
        : { name: "", _declared: "NOT_STATED" },
      ...(authority?.complaintUrl ? { url: authority.complaintUrl } : {}),
    },
    // Art. 13(2)(f): inUse only where declared; TILT's object may stay empty when not stated.
    automatedDecisionMaking:
      automated.status === "DESCRIBED"
        ? { inUse: true, logicInvolved: automated.logic, scopeAndIntendedEffects: automated.consequences }
        : automated.status === "NONE"
          ? { inUse: false }
          : { _declared: "NOT_STATED" },
    // Art. 13(3): Inzage records no planned change of purpose; a new version is published instead.
    changesOfPurpose: [],
    _recipients: {
      _declared: declarations.recipients,
      list: statement.recipients.map((recipient) => ({
        _id: recipient.id,
        name: recipient.name,
        ...(recipient.country ? { country: recipient.country.code } : {}),
        category: recipient.role.label,
        purpose: recipient.purpose,
        dataShared: recipient.dataShared,
      })),
    },
    _statement: { schema: "/api/schemas/policy", json: `/api/t/${statement.tenant.slug}/policy?locale=${statement.locale}&version=${version.number}` },
  };
  // "The hash is based on one SHA256 calculation of the document": here, of the document without _hash.
  const hash = createHash("sha256").update(JSON.stringify(document)).digest("hex");
  return { ...document, meta: { ...document.meta, _hash: hash } };
}
