import { describe, expect, it } from "vitest";
import { demoTenants } from "@/prisma/seed/demo-tenants";
import { buildPublicStatement, durationLabel, publicStatementSchema, type StatementSource } from "./public-statement";
import { parseVersionNumber } from "./version-number";
import { controllerFromTenant } from "./versions";

function source(slug: string, number = 2): StatementSource {
  const demo = demoTenants.find((d) => d.tenant.slug === slug)!;
  const version = demo.versions[number - 1];
  return {
    tenant: { slug, name: demo.tenant.name },
    version: { number, publishedAt: new Date(version.publishedAt), materialChange: version.materialChange, changeSummary: version.changeSummary },
    latestNumber: demo.versions.length,
    controller: controllerFromTenant(demo.tenant),
    content: version.content,
  };
}

describe("buildPublicStatement", () => {
  it("produces the documented shape in both locales", () => {
    for (const locale of ["nl", "en"] as const) {
      const statement = buildPublicStatement(source("inone"), locale);
      expect(publicStatementSchema.safeParse(statement).success).toBe(true);
    }
  });

  it("flags recipients outside the EEA and labels their safeguard", () => {
    const base = source("inone");
    const [first] = base.content.recipients;
    base.content = {
      ...base.content,
      recipients: [
        { ...first, name: "US host", country: "US", safeguard: "STANDARD_CONTRACTUAL_CLAUSES" },
        { ...first, name: "Dutch host", country: "NL", safeguard: null },
      ],
    };
    const statement = buildPublicStatement(base, "en");
    expect(statement.recipients.map((r) => [r.name, r.outsideEea, r.safeguard?.code ?? null])).toEqual([
      ["US host", true, "STANDARD_CONTRACTUAL_CLAUSES"],
      ["Dutch host", false, null],
    ]);
  });

  it("names the legitimate interest only where that is the basis", () => {
    const statement = buildPublicStatement(source("inone"), "nl");
    for (const purpose of statement.purposes) {
      if (purpose.legalBasis.code === "LEGITIMATE_INTEREST") expect(purpose.legitimateInterest).toBeTruthy();
      else expect(purpose.legitimateInterest).toBeNull();
    }
  });

  it("marks an older version as superseded", () => {
    expect(buildPublicStatement(source("web1on1", 1), "en").version.superseded).toBe(true);
    expect(buildPublicStatement(source("web1on1", 2), "en").version.superseded).toBe(false);
  });

  it("lists the six rights, and withdrawing consent only where a purpose relies on consent (art. 13(2)(c))", () => {
    const six = ["access", "rectification", "erasure", "restriction", "objection", "portability"];
    expect(buildPublicStatement(source("allatonce"), "nl").rights.map((r) => r.code)).toEqual(six);
    const consent = source("allatonce");
    consent.content = { ...consent.content, purposes: [{ ...consent.content.purposes[0], legalBasis: "CONSENT" }] };
    expect(buildPublicStatement(consent, "nl").rights.map((r) => r.code)).toEqual([...six, "withdrawConsent"]);
  });
});

describe("durationLabel", () => {
  it("pluralises per language", () => {
    expect(durationLabel("en", 1, "DAYS")).toBe("1 day");
    expect(durationLabel("en", 13, "MONTHS")).toBe("13 months");
    expect(durationLabel("nl", 18, "MONTHS")).toBe("18 maanden");
    expect(durationLabel("nl", 1, "YEARS")).toBe("1 jaar");
    expect(durationLabel("nl", null, "SESSION")).toBe("Tot u de browser sluit");
  });
});

describe("parseVersionNumber", () => {
  it.each([["1", 1], ["42", 42], ["0", null], ["-1", null], ["1.5", null], ["abc", null], ["", null], [null, null], ["01", null], ["9999999999", null]])(
    "%s -> %s",
    (input, expected) => expect(parseVersionNumber(input)).toBe(expected),
  );
});
