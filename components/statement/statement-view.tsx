import type { ReactNode } from "react";
import { formatDate, translator } from "@/lib/i18n/messages";
import type { PublicStatement } from "@/lib/policy/public-statement";
import { SectionBodies } from "./section-bodies";
import { SubscribeForm } from "./subscribe-form";
import { StatementTables } from "./statement-tables";

export interface StatementLinks {
  /** The tenant's slug, for the subscription form; omitted in previews. */
  subscribeSlug?: string;
  current: string;
  history: string;
  json: string;
  authorities: string;
  /** The tenant's request form for people without an account; omitted in previews. */
  request?: string;
}

const blockIds = ["controller", "data", "recipients", "retention", "cookies", "rights", "complaint", "changes"] as const;

/** A published statement as a page; also the editor's preview. */
export function StatementView({ statement, links }: { statement: PublicStatement; links: StatementLinks }) {
  const t = translator(statement.locale);
  const { version, controller } = statement;
  const intro = statement.sections.filter((s) => s.placement === "INTRO");
  const headings: Record<(typeof blockIds)[number], string> = {
    controller: t("Statement.controller.heading"),
    data: t("Statement.data.heading"),
    recipients: t("Statement.recipients.heading"),
    retention: t("Statement.retention.heading"),
    cookies: t("Statement.cookies.heading"),
    rights: t("Statement.rights.heading"),
    complaint: t("Statement.complaint.heading"),
    changes: t("Statement.changes.heading"),
  };

  return (
    <article className="space-y-10" data-testid="statement">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("Statement.title", { company: statement.tenant.name })}</h1>
        <p className="text-muted" data-testid="version-line">
          {t("Statement.versionLine", { number: version.number, date: formatDate(new Date(version.publishedAt), statement.locale) })}
        </p>
        {version.superseded && (
          <p role="note" className="rounded border border-amber-600 bg-amber-50 p-3" data-testid="superseded">
            {t("Statement.supersededNotice", { number: version.number })}{" "}
            <a href={links.current}>{t("Statement.readCurrent")}</a>
          </p>
        )}
        <p className="no-print flex flex-wrap gap-4 text-sm">
          <a href={links.history}>{t("Statement.history")}</a>
          <a href={links.json} type="application/json">
            {t("Statement.json")}
          </a>
        </p>
      </header>

      <nav aria-labelledby="toc-heading" className="no-print rounded border border-line p-4">
        <h2 id="toc-heading" className="mb-2 font-semibold">
          {t("Statement.toc")}
        </h2>
        <ol className="list-decimal space-y-1 ps-6">
          {intro.map((section, index) => (
            <li key={`intro-${index}`}>
              <a href={`#intro-${index + 1}`} className="inline-block min-h-6">
                {section.title}
              </a>
            </li>
          ))}
          {blockIds.map((id) => (
            <li key={id}>
              <a href={`#${id}`} className="inline-block min-h-6">
                {headings[id]}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {intro.map((section, index) => (
        <Block key={`intro-${index}`} id={`intro-${index + 1}`} heading={section.title}>
          <div className="prose-statement" dangerouslySetInnerHTML={{ __html: section.html }} />
        </Block>
      ))}

      <Block id="controller" heading={headings.controller}>
        <p>{t("Statement.controller.intro", { legalName: controller.legalName })}</p>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("Statement.controller.address")}</dt>
          <dd className="whitespace-pre-line">
            {controller.address}
            {"\n"}
            {controller.country.name}
          </dd>
          {controller.registrationNumber && (
            <>
              <dt className="font-semibold">{t("Statement.controller.registration")}</dt>
              <dd>{controller.registrationNumber}</dd>
            </>
          )}
          <dt className="font-semibold">{t("Statement.controller.email")}</dt>
          <dd>
            <a href={`mailto:${controller.email}`}>{controller.email}</a>
          </dd>
          {controller.phone && (
            <>
              <dt className="font-semibold">{t("Statement.controller.phone")}</dt>
              <dd>{controller.phone}</dd>
            </>
          )}
          {controller.website && (
            <>
              <dt className="font-semibold">{t("Statement.controller.website")}</dt>
              <dd>
                <a href={controller.website}>{controller.website}</a>
              </dd>
            </>
          )}
        </dl>
        {controller.dpo && (
          <p>
            {t("Statement.controller.dpoIntro")} {controller.dpo.name && <>{controller.dpo.name}, </>}
            <a href={`mailto:${controller.dpo.email}`}>{controller.dpo.email}</a>
          </p>
        )}
        {/* "No DPO" only when declared (art. 13(1)(b)); not stated, the page says nothing of one. */}
        {!controller.dpo && statement.declarations.dpo === "NONE" && (
          <p data-testid="no-dpo">{t("Statement.controller.noDpo", { name: controller.name })}</p>
        )}
        {statement.declarations.representative && (
          <p data-testid="representative">
            {t("Statement.controller.representative")}: {statement.declarations.representative.name}
            {statement.declarations.representative.contact && <>, {statement.declarations.representative.contact}</>}
          </p>
        )}
      </Block>

      <StatementTables statement={statement} headings={headings} />

      <Block id="rights" heading={headings.rights}>
        <p>{t("Statement.rights.intro")}</p>
        <dl className="space-y-3">
          {statement.rights.map((right) => (
            <div key={right.code}>
              <dt className="font-semibold">{right.title}</dt>
              <dd>{right.description}</dd>
            </div>
          ))}
        </dl>
        <p>{t("Statement.rights.howTo", { email: controller.dpo?.email ?? controller.email })}</p>
        <p>{t("Statement.rights.identity")}</p>
        {links.request && (
          <p className="no-print">
            <a href={links.request} data-testid="request-link">
              {t("Requests.statementLink")}
            </a>
          </p>
        )}
        <SectionBodies statement={statement} placement="RIGHTS" />
      </Block>

      <Block id="complaint" heading={headings.complaint}>
        <p>{t("Statement.complaint.intro")}</p>
        {statement.leadAuthority ? (
          <div className="rounded border border-line p-4" data-testid="lead-authority">
            <p>{t("Statement.complaint.lead")}</p>
            <p className="font-semibold">
              {statement.leadAuthority.name}
              {statement.leadAuthority.acronym && ` (${statement.leadAuthority.acronym})`}
            </p>
            {statement.leadAuthority.localName !== statement.leadAuthority.name && <p>{statement.leadAuthority.localName}</p>}
            {statement.leadAuthority.address && <p className="whitespace-pre-line">{statement.leadAuthority.address}</p>}
            {statement.leadAuthority.phone && <p>{statement.leadAuthority.phone}</p>}
            <p>
              <a href={statement.leadAuthority.complaintUrl ?? statement.leadAuthority.website}>
                {t("Statement.complaint.complaintPage", { name: statement.leadAuthority.acronym ?? statement.leadAuthority.name })}
              </a>
            </p>
          </div>
        ) : (
          <p>{t("Statement.complaint.noLead")}</p>
        )}
        <p className="no-print">
          <a href={links.authorities}>{t("Statement.complaint.allAuthorities")}</a>
        </p>
      </Block>

      <Block id="changes" heading={headings.changes}>
        <p>{t("Statement.changes.body")}</p>
        {statement.declarations.announcesChanges && <p data-testid="announces-changes">{t("Statement.changes.announces")}</p>}
        <SectionBodies statement={statement} placement="END" />
        {links.subscribeSlug && <SubscribeForm slug={links.subscribeSlug} locale={statement.locale} />}
      </Block>
    </article>
  );
}

export function Block({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="space-y-3 scroll-mt-4">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold" style={{ color: "var(--accent)" }}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
