import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { exportDocumentText, type ExportDocumentParts } from "./document";
import { exportDocument, type AccessInformation, type ExportRecord } from "./schema";
import { escapeHtml, summaryHtml } from "./summary";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync("docs/export.schema.json", "utf8")));

async function* batches<T>(...lists: T[][]): AsyncGenerator<T[]> {
  for (const list of lists) yield list;
}

const at = "2026-03-01T10:00:00.000Z";

const information: AccessInformation = {
  statement: { version: 3, publishedAt: at, url: "http://localhost:3000/en/t/acme/v/3" },
  notStated: "Not stated in the privacy statement.",
  purposes: [{ name: "Orders <i>", description: "", legalBasis: { code: "CONTRACT", label: "Contract" }, legitimateInterest: null, dataCategories: ["Contact details"] }],
  categories: { statement: [{ key: "contact", name: "Contact details", description: "" }], records: [{ category: "orders", count: 3 }] },
  recipients: [],
  retention: [{ category: "Contact details", period: null, criteria: null }],
  rights: [{ code: "erasure", title: "Erasure", description: "…" }],
  complaint: { authority: null, authoritiesUrl: "http://localhost:3000/en/authorities", text: "You may complain." },
  sources: { systems: ["shop"], statement: [] },
  automatedDecisions: { stated: false, text: "Not stated in the privacy statement." },
  transfers: [{ recipient: "Cloud Inc", country: { code: "US", name: "United States" }, safeguard: null }],
};

function parts(overrides: Partial<ExportDocumentParts> = {}): ExportDocumentParts {
  const record = (n: number): ExportRecord => ({
    id: `rec${n}`,
    category: "orders",
    sourceSystem: "shop",
    receivedAt: at,
    fields: { total: n * 1.5, note: `line "${n}"\n</script>`, nested: { a: [1, null] } },
  });
  return {
    meta: {
      generatedAt: at,
      locale: "en",
      tenant: { slug: "acme", name: "Acme <b>", legalName: "Acme B.V.", contactEmail: "privacy@acme.example", dpoEmail: null },
      files: ["summary.html", "data.json"],
    },
    accessInformation: information,
    profile: {
      email: "anne@example.com",
      name: "Anne \u2028 de Vries",
      phone: null,
      postalAddress: "Straat 1\n1234 AB Utrecht",
      companyName: null,
      vatNumber: null,
      preferredLocale: "nl",
      restricted: true,
      objections: ["profiling"],
      notifyStatementChanges: false,
      createdAt: at,
      updatedAt: at,
    },
    customFields: [{ key: "customerNumber", label: "Customer number", value: "C-1" }],
    records: batches([record(1), record(2)], [], [record(3)]),
    profileChanges: batches([{ id: "pc1", field: "name", oldValue: null, newValue: "Anne", changedBy: "api", changedAt: at }]),
    consentsCurrent: [{ purposeKey: "newsletter", purpose: "Newsletter", given: false, at, statementVersion: 2 }],
    consentHistory: batches([
      { id: "ce1", purposeKey: "newsletter", given: true, statementVersion: 1, wording: "Yes, send me news", locale: "en", channel: "portal", at },
    ]),
    requests: [
      {
        reference: "R-2026-0001",
        type: "ACCESS",
        status: "COMPLETED",
        channel: "portal",
        locale: "en",
        details: "",
        target: null,
        receivedAt: at,
        dueAt: at,
        extendedDueAt: null,
        extensionReason: null,
        closedAt: at,
        rejectionReason: null,
        createdAt: at,
        events: [{ kind: "status", fromStatus: "RECEIVED", toStatus: "COMPLETED", actor: "staff", actorLabel: "Ed", body: null, at }],
      },
    ],
    accessLog: batches([{ id: "a1", at, actorType: "apiKey", actorLabel: "CRM (inz_abcdef…)", action: "subject.read", targetType: "Subject" }]),
    ...overrides,
  };
}

async function text(input: ExportDocumentParts): Promise<string> {
  let out = "";
  for await (const chunk of exportDocumentText(input)) out += chunk;
  return out;
}

describe("data.json", () => {
  it("is one JSON document that matches the zod schema and docs/export.schema.json", async () => {
    const document = JSON.parse(await text(parts()));
    expect(exportDocument.parse(document)).toEqual(document);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.records.map((r: ExportRecord) => r.id)).toEqual(["rec1", "rec2", "rec3"]);
    expect(document.records[0].fields.note).toBe('line "1"\n</script>');
    expect(document.profile.name).toBe("Anne \u2028 de Vries");
  });

  it("is valid with every list empty", async () => {
    const empty = parts({
      customFields: [],
      records: batches(),
      profileChanges: batches([]),
      consentsCurrent: [],
      consentHistory: batches(),
      requests: [],
      accessLog: batches(),
    });
    const document = JSON.parse(await text(empty));
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.records).toEqual([]);
    expect(document.consents).toEqual({ current: [], history: [] });
  });

  it("puts one list item per line", async () => {
    const lines = (await text(parts())).split("\n");
    expect(lines.filter((line) => line.trimStart().startsWith('{"id":"rec')).length).toBe(3);
  });

  it("is refused by the schema when a field is missing", () => {
    expect(validate({ schemaVersion: 1 })).toBe(false);
  });
});

describe("summary.html", () => {
  it("escapes every value and is in the chosen language", () => {
    const p = parts();
    const html = summaryHtml({
      meta: p.meta,
      accessInformation: information,
      profile: { ...p.profile, name: '<img src=x onerror="alert(1)">' },
      customFields: p.customFields,
      consents: p.consentsCurrent,
      requests: p.requests,
      categories: [{ category: "orders", count: 3, file: "records/orders.csv" }],
      profileChangeCount: 1,
      accessCount: 2,
    });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Acme &lt;b&gt;");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("records/orders.csv");
    expect(html).not.toMatch(/<script|src="http|href="http/);
    // Art. 15: the statement's items, and "not stated" where it says nothing.
    expect(html).toContain("Orders &lt;i&gt;");
    expect(html).toContain("Purposes and legal bases (art. 15(1)(a))");
    expect(html).toMatch(/Contact details<\/strong>: Not stated in the privacy statement\./);
    expect(html).toContain("Cloud Inc</strong> (United States): Safeguard: Not stated in the privacy statement.");
    const nl = summaryHtml({
      meta: { ...p.meta, locale: "nl" },
      accessInformation: { ...information, statement: null },
      profile: p.profile,
      customFields: [],
      consents: [],
      requests: [],
      categories: [],
      profileChangeCount: 0,
      accessCount: 0,
    });
    expect(nl).toContain("Uw gegevens bij");
    expect(nl).toContain("had geen privacyverklaring gepubliceerd");
    expect(nl).toContain('<html lang="nl">');
  });

  it("escapeHtml escapes the five characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
