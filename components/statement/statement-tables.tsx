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
  const unknown = statement.recipients.filter((r) => r.country === null).length;

  return (
    <>
      <Block id="data" heading={headings.data}>
        {statement.dataCategories.length > 0 && (
          <>
            <h3 className="text-lg font-semibold">{t("Statement.data.categoriesHeading")}</h3>
            <Table
              caption={t("Statement.data.categoriesHeading")}
              columns={[t("Statement.data.category"), t("Statement.data.description"), t("Statement.data.source")]}
              rows={statement.dataCategories.map((c) => [c.name, c.description, <Source key="source" category={c} locale={statement.locale} />])}
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
        <AutomatedDecisions statement={statement} />
        <SectionBodies statement={statement} placement="DATA" />
      </Block>

      <Block id="recipients" heading={headings.recipients}>
        {statement.declarations.recipients === "NONE" && <p data-testid="recipients-none">{t("Statement.recipients.none")}</p>}
        {statement.declarations.recipients === "NOT_STATED" && <p data-testid="recipients-not-stated">{t("Statement.recipients.notStated")}</p>}
        {statement.recipients.length > 0 && (
          <>
          <p>{t("Statement.recipients.intro")}</p>
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
          </>
        )}
        {statement.recipients.length > 0 && (
          <h3 className="text-lg font-semibold">{t("Statement.recipients.transfersHeading")}</h3>
        )}
        {statement.recipients.length > 0 && transfers.length === 0 && unknown === 0 && <p>{t("Statement.recipients.noTransfers")}</p>}
        {unknown > 0 && <p data-testid="unknown-transfers">{t("Statement.recipients.unknownTransfers")}</p>}
        {transfers.length > 0 && (
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
        {statement.declarations.safeguardCopy && (
          <p>{t("Statement.recipients.safeguardCopy", { how: statement.declarations.safeguardCopy })}</p>
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
        {statement.declarations.cookies === "NONE" && <p data-testid="cookies-none">{t("Statement.cookies.none")}</p>}
        {statement.declarations.cookies === "NOT_STATED" && <p data-testid="cookies-not-stated">{t("Statement.cookies.notStated")}</p>}
        {statement.cookies.length > 0 && (
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

/** Where a category's data comes from; "not stated" when the statement does not say, never "from you" (art. 14(2)(f)). */
function Source({ category, locale }: { category: PublicStatement["dataCategories"][number]; locale: PublicStatement["locale"] }) {
  const t = translator(locale);
  if (category.origin === null) return <>{t("Statement.data.sourceNotStated")}</>;
  if (category.origin === "SUBJECT") return <>{t("Statement.data.fromYou")}</>;
  const source = category.source || t("Statement.data.sourceNotStated");
  return (
    <>
      {category.origin === "BOTH" ? t("Statement.data.fromYouAndOthers", { source }) : source}
      {category.publiclyAccessible !== null && (
        <span className="block text-sm">
          {t(category.publiclyAccessible ? "Statement.data.publicSource" : "Statement.data.nonPublicSource")}
        </span>
      )}
    </>
  );
}

/** Automated decision-making including profiling (art. 13(2)(f), 14(2)(g)): declared none, described, or not stated. */
function AutomatedDecisions({ statement }: { statement: PublicStatement }) {
  const t = translator(statement.locale);
  const { status, logic, consequences } = statement.declarations.automatedDecisions;
  return (
    <div className="space-y-2" data-testid="automated-decisions">
      <h3 className="text-lg font-semibold">{t("Statement.automated.heading")}</h3>
      {status === "NONE" && <p>{t("Statement.automated.none")}</p>}
      {status === "NOT_STATED" && <p>{t("Statement.automated.notStated")}</p>}
      {status === "DESCRIBED" && (
        <>
          <p>{t("Statement.automated.described")}</p>
          <dl className="space-y-2">
            <dt className="font-semibold">{t("Statement.automated.logic")}</dt>
            <dd className="whitespace-pre-line">{logic}</dd>
            <dt className="font-semibold">{t("Statement.automated.consequences")}</dt>
            <dd className="whitespace-pre-line">{consequences}</dd>
          </dl>
        </>
      )}
    </div>
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
