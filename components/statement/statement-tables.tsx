import type { ReactNode } from "react";
import { translator } from "@/lib/i18n/messages";
import type { PublicStatement } from "@/lib/policy/public-statement";
import { SectionBodies } from "./section-bodies";
import { Block } from "./statement-view";

type Headings = Record<"data" | "recipients" | "retention" | "cookies", string>;

/** The structured blocks: data and purposes, recipients and transfers, retention, cookies. */
export function StatementTables({ statement, headings }: { statement: PublicStatement; headings: Headings }) {
  const t = translator(statement.locale);
  const transfers = statement.recipients.filter((r) => r.outsideEea);

  return (
    <>
      <Block id="data" heading={headings.data}>
        {statement.dataCategories.length > 0 && (
          <>
            <h3 className="text-lg font-semibold">{t("Statement.data.categoriesHeading")}</h3>
            <Table
              caption={t("Statement.data.categoriesHeading")}
              columns={[t("Statement.data.category"), t("Statement.data.description"), t("Statement.data.source")]}
              rows={statement.dataCategories.map((c) => [c.name, c.description, c.source || t("Statement.data.fromYou")])}
              testId="categories-table"
            />
          </>
        )}
        <h3 className="text-lg font-semibold">{t("Statement.data.purposesHeading")}</h3>
        {statement.purposes.length === 0 ? (
          <p>{t("Statement.data.noPurposes")}</p>
        ) : (
          <Table
            caption={t("Statement.data.purposesHeading")}
            columns={[t("Statement.data.purpose"), t("Statement.data.legalBasis"), t("Statement.data.dataUsed"), t("Statement.data.required")]}
            rows={statement.purposes.map((p) => [
              <>
                <strong>{p.name}</strong>
                {p.description && <span className="block">{p.description}</span>}
              </>,
              <>
                {p.legalBasis.label}
                {p.legitimateInterest && (
                  <span className="block text-sm">{t("Statement.data.interest", { interest: p.legitimateInterest })}</span>
                )}
              </>,
              p.dataCategories.map((c) => c.name).join(", "),
              <>
                {p.provision.label}
                {p.provisionNote && <span className="block text-sm">{p.provisionNote}</span>}
              </>,
            ])}
            testId="purposes-table"
          />
        )}
        <SectionBodies statement={statement} placement="DATA" />
      </Block>

      <Block id="recipients" heading={headings.recipients}>
        <p>{t("Statement.recipients.intro")}</p>
        {statement.recipients.length === 0 ? (
          <p>{t("Statement.recipients.none")}</p>
        ) : (
          <Table
            caption={headings.recipients}
            columns={[
              t("Statement.recipients.name"),
              t("Statement.recipients.role"),
              t("Statement.recipients.purpose"),
              t("Statement.recipients.dataShared"),
              t("Statement.recipients.location"),
            ]}
            rows={statement.recipients.map((r) => [
              r.policyUrl ? (
                <a href={r.policyUrl} aria-label={t("Statement.recipients.policyLink", { name: r.name })}>
                  {r.name}
                </a>
              ) : (
                r.name
              ),
              r.role.label,
              r.purpose,
              r.dataShared,
              r.country?.name ?? t("Statement.recipients.unknownLocation"),
            ])}
            testId="recipients-table"
          />
        )}
        <h3 className="text-lg font-semibold">{t("Statement.recipients.transfersHeading")}</h3>
        {transfers.length === 0 ? (
          <p>{t("Statement.recipients.noTransfers")}</p>
        ) : (
          <>
            <p>{t("Statement.recipients.transfersIntro")}</p>
            <Table
              caption={t("Statement.recipients.transfersHeading")}
              columns={[t("Statement.recipients.name"), t("Statement.recipients.location"), t("Statement.recipients.safeguard")]}
              rows={transfers.map((r) => [
                r.name,
                r.country?.name ?? "",
                r.safeguard?.label ?? t("Statement.recipients.missingSafeguard"),
              ])}
              testId="transfers-table"
            />
          </>
        )}
        <SectionBodies statement={statement} placement="RECIPIENTS" />
      </Block>

      <Block id="retention" heading={headings.retention}>
        {statement.retention.length === 0 ? (
          <p>{t("Statement.retention.none")}</p>
        ) : (
          <Table
            caption={headings.retention}
            columns={[t("Statement.retention.category"), t("Statement.retention.period"), t("Statement.retention.criteria")]}
            rows={statement.retention.map((r) => [
              r.dataCategory.name,
              r.period?.label ?? t("Statement.retention.noFixedPeriod"),
              r.criteria,
            ])}
            testId="retention-table"
          />
        )}
        <SectionBodies statement={statement} placement="RETENTION" />
      </Block>

      <Block id="cookies" heading={headings.cookies}>
        {statement.cookies.length === 0 ? (
          <p>{t("Statement.cookies.none")}</p>
        ) : (
          <>
            <p>{t("Statement.cookies.intro")}</p>
            <Table
              caption={headings.cookies}
              columns={[
                t("Statement.cookies.name"),
                t("Statement.cookies.provider"),
                t("Statement.cookies.purpose"),
                t("Statement.cookies.category"),
                t("Statement.cookies.lifetime"),
              ]}
              rows={statement.cookies.map((c) => [<code key="n">{c.name}</code>, c.provider, c.purpose, c.category.label, c.lifetime.label])}
              testId="cookies-table"
            />
          </>
        )}
        <SectionBodies statement={statement} placement="COOKIES" />
      </Block>
    </>
  );
}

/** A table whose first cell in each row is the row header; on phones it stacks (see globals.css). */
function Table({ caption, columns, rows, testId }: { caption: string; columns: string[]; rows: ReactNode[][]; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, rowIndex) => (
            <tr key={rowIndex}>
              {cells.map((cell, cellIndex) =>
                cellIndex === 0 ? (
                  <th key={cellIndex} scope="row" className="font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex} data-label={columns[cellIndex]}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
