import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { effectiveDueAt } from "@/lib/requests/deadline";
import { exportSchemaVersion, type AccessInformation, type ExportConsentState, type ExportCustomField, type ExportMeta, type ExportProfile, type ExportRequest } from "./schema";

/**
 * summary.html of an export: a self-contained page (no scripts, no outside files) in
 * the chosen language that explains the archive and shows the main facts. Every value
 * is escaped.
 */

export interface SummaryData {
  meta: ExportMeta;
  accessInformation: AccessInformation;
  profile: ExportProfile;
  customFields: ExportCustomField[];
  consents: ExportConsentState[];
  requests: ExportRequest[];
  categories: Array<{ category: string; count: number; file: string }>;
  profileChangeCount: number;
  accessCount: number;
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const profileKeys = ["email", "name", "phone", "postalAddress", "companyName", "vatNumber", "preferredLocale"] as const;

function table(headers: string[], rows: unknown[][]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function summaryHtml(data: SummaryData): string {
  const locale: Locale = data.meta.locale;
  const t = translator(locale);
  const date = (iso: string | null) => (iso ? formatDate(new Date(iso), locale) : "");
  const tenant = data.meta.tenant.name;
  const languageName = (code: string) => (code === "en" ? "English" : code === "nl" ? "Nederlands" : code);

  const files: Array<[string, string]> = [
    ["summary.html", t("Export.files.summary")],
    ["data.json", t("Export.files.data", { version: exportSchemaVersion })],
    ["profile.csv", t("Export.files.profile")],
    ["consents.csv", t("Export.files.consents")],
    ["requests.csv", t("Export.files.requests")],
    ...data.categories.map((c): [string, string] => [c.file, t("Export.files.records", { category: c.category, count: c.count })]),
  ];

  const profileRows: unknown[][] = [
    ...profileKeys.map((key) => [t(`Export.fields.${key}`), key === "preferredLocale" ? languageName(data.profile[key]) : data.profile[key]]),
    ...data.customFields.map((field) => [field.label, field.value]),
    [t("Export.fields.notifyStatementChanges"), data.profile.notifyStatementChanges ? t("Export.yes") : t("Export.no")],
    [t("Export.fields.createdAt"), date(data.profile.createdAt)],
  ];

  const sections: string[] = [];
  sections.push(`<section><h2>${escapeHtml(t("Export.filesTitle"))}</h2>
<dl>${files.map(([file, text]) => `<dt><code>${escapeHtml(file)}</code></dt><dd>${escapeHtml(text)}</dd>`).join("\n")}</dl>
<p class="note">${escapeHtml(t("Export.csvNote"))}</p></section>`);

  const notices: string[] = [];
  if (data.profile.restricted) notices.push(`<p class="notice">${escapeHtml(t("Export.restricted"))}</p>`);
  if (data.profile.objections.length > 0) {
    notices.push(`<p class="notice">${escapeHtml(t("Export.objections", { purposes: data.profile.objections.join(", ") }))}</p>`);
  }
  sections.push(`<section><h2>${escapeHtml(t("Export.profileTitle"))}</h2>
${notices.join("\n")}
${table([t("Export.field"), t("Export.value")], profileRows)}
<p>${escapeHtml(t("Export.historyCount", { count: data.profileChangeCount }))}</p></section>`);

  sections.push(`<section><h2>${escapeHtml(t("Export.consentsTitle"))}</h2>
${
  data.consents.length === 0
    ? `<p>${escapeHtml(t("Export.noConsents"))}</p>`
    : table(
        [t("Export.purpose"), t("Export.state"), t("Export.since")],
        data.consents.map((c) => [c.purpose ?? c.purposeKey, c.given ? t("Export.given") : t("Export.withdrawn"), date(c.at)]),
      )
}</section>`);

  sections.push(`<section><h2>${escapeHtml(t("Export.requestsTitle"))}</h2>
${
  data.requests.length === 0
    ? `<p>${escapeHtml(t("Export.noRequests"))}</p>`
    : table(
        [t("Export.reference"), t("Export.type"), t("Export.status"), t("Export.received"), t("Export.due")],
        data.requests.map((r) => [
          r.reference,
          t(`Export.requestType.${r.type}`),
          t(`Export.requestStatus.${r.status}`),
          date(r.receivedAt ?? r.createdAt),
          date(effectiveDueAt(r)),
        ]),
      )
}</section>`);

  sections.push(`<section><h2>${escapeHtml(t("Export.recordsTitle"))}</h2>
${
  data.categories.length === 0
    ? `<p>${escapeHtml(t("Export.noRecords"))}</p>`
    : table(
        [t("Export.category"), t("Export.count"), t("Export.file")],
        data.categories.map((c) => [c.category, c.count.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB"), c.file]),
      )
}</section>`);

  sections.push(`<section><h2>${escapeHtml(t("Export.accessTitle"))}</h2>
<p>${escapeHtml(t("Export.accessCount", { count: data.accessCount }))}</p></section>`);

  sections.push(accessInformationHtml(data.accessInformation, locale, tenant));

  const contact = [`<p>${escapeHtml(t("Export.contact", { email: data.meta.tenant.contactEmail }))}</p>`];
  if (data.meta.tenant.dpoEmail) contact.push(`<p>${escapeHtml(t("Export.dpo", { email: data.meta.tenant.dpoEmail }))}</p>`);

  const title = t("Export.title", { tenant });
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#111827;max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d1d5db;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border:1px solid #d1d5db;padding:.35rem .5rem;white-space:pre-wrap;overflow-wrap:anywhere}
th{background:#f3f4f6}dt{font-weight:600;margin-top:.5rem}dd{margin-left:1rem}.note{color:#4b5563;font-size:.9rem}
.notice{border-left:4px solid #1e40af;background:#eff6ff;padding:.5rem .75rem}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("Export.intro", { tenant }))}</p>
<p>${escapeHtml(t("Export.generatedFor", { email: data.profile.email, date: date(data.meta.generatedAt) }))}</p>
${sections.join("\n")}
${contact.join("\n")}
</main>
</body>
</html>
`;
}

/**
 * Art. 15(1)(a)–(h) and 15(2) in summary.html: every item, and "not stated in the privacy
 * statement" where the statement says nothing (lib/export/access-information.ts).
 */
function accessInformationHtml(info: AccessInformation, locale: Locale, company: string): string {
  const t = translator(locale);
  const e = escapeHtml;
  const notStated = `<p class="note">${e(info.notStated)}</p>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join("\n")}</ul>` : notStated);
  const part = (heading: string, body: string) => `<h3>${e(heading)}</h3>\n${body}`;
  const parts: string[] = [];
  parts.push(
    info.statement
      ? `<p>${e(t("AccessInfo.from", { company, version: info.statement.version, date: formatDate(new Date(info.statement.publishedAt), locale) }))} ${e(info.statement.url)}</p>`
      : `<p class="notice">${e(t("AccessInfo.noStatement", { company }))}</p>`,
  );
  parts.push(
    part(
      t("AccessInfo.purposes"),
      list(
        info.purposes.map((p) =>
          [
            `<strong>${e(p.name)}</strong>`,
            p.description ? `<br>${e(p.description)}` : "",
            `<br>${e(t("AccessInfo.legalBasis", { basis: p.legalBasis.label }))}`,
            p.legitimateInterest ? `<br>${e(t("AccessInfo.legitimateInterest", { interest: p.legitimateInterest }))}` : "",
            p.dataCategories.length ? `<br>${e(t("AccessInfo.dataUsed", { categories: p.dataCategories.join(", ") }))}` : "",
          ].join(""),
        ),
      ),
    ),
  );
  parts.push(
    part(
      t("AccessInfo.categories"),
      list(info.categories.statement.map((c) => `<strong>${e(c.name)}</strong>${c.description ? `: ${e(c.description)}` : ""}`)) +
        (info.categories.records.length
          ? `<p>${e(t("AccessInfo.recordCategories", { company, categories: info.categories.records.map((c) => c.category).join(", ") }))}</p>`
          : ""),
    ),
  );
  parts.push(
    part(
      t("AccessInfo.recipients"),
      list(
        info.recipients.map(
          (r) =>
            `<strong>${e(r.name)}</strong> (${e(r.role.label)}${r.country ? `, ${e(r.country.name)}${r.outsideEea ? `, ${e(t("AccessInfo.outsideEea"))}` : ""}` : `, ${e(t("AccessInfo.countryNotStated"))}`})${r.purpose ? `: ${e(r.purpose)}` : ""}`,
        ),
      ),
    ),
  );
  parts.push(
    part(
      t("AccessInfo.retention"),
      list(
        info.retention.map((r) => {
          const facts = [r.period ? t("AccessInfo.period", { period: r.period }) : "", r.criteria ? t("AccessInfo.criteria", { criteria: r.criteria }) : ""].filter(Boolean);
          return `<strong>${e(r.category)}</strong>: ${e(facts.length ? facts.join(" ") : info.notStated)}`;
        }),
      ),
    ),
  );
  parts.push(part(t("AccessInfo.rights"), list(info.rights.map((r) => `<strong>${e(r.title)}</strong>: ${e(r.description)}`))));
  parts.push(part(t("AccessInfo.complaintTitle"), `<p>${e(info.complaint.text)}</p>`));
  const sources = [
    ...(info.sources.systems.length ? [e(t("AccessInfo.systems", { company, systems: info.sources.systems.join(", ") }))] : []),
    ...info.sources.statement.map((s) => `<strong>${e(s.category)}</strong>: ${e(s.source)}`),
  ];
  parts.push(part(t("AccessInfo.sources"), list(sources)));
  parts.push(part(t("AccessInfo.automated"), `<p>${e(info.automatedDecisions.text)}</p>`));
  parts.push(
    part(
      t("AccessInfo.transfers"),
      info.transfers.length
        ? list(
            info.transfers.map(
              (x) =>
                `<strong>${e(x.recipient)}</strong> (${e(x.country ? x.country.name : t("AccessInfo.countryNotStated"))}): ${e(t("AccessInfo.safeguard", { safeguard: x.safeguard ? x.safeguard.label : info.notStated }))}`,
            ),
          )
        : `<p>${e(t("AccessInfo.noTransfers"))}</p>`,
    ),
  );
  return `<section data-part="access-information"><h2>${e(t("AccessInfo.title"))}</h2>\n${parts.join("\n")}</section>`;
}
