import type { AccessInformation as Info } from "@/lib/export/schema";
import { formatDate, translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

/**
 * Art. 15(1)(a)–(h) and 15(2) on a completed access request (the portal's request page
 * and the download page behind the mailed link), from lib/export/access-information.ts:
 * the same content as summary.html in the export.
 */
export function AccessInformation({ info, locale, company }: { info: Info; locale: Locale; company: string }) {
  const t = translator(locale);
  const notStated = <p className="text-muted">{info.notStated}</p>;
  const part = (id: string, heading: string, body: React.ReactNode) => (
    <section aria-labelledby={`access-${id}`} className="space-y-1" data-testid={`access-${id}`}>
      <h3 id={`access-${id}`} className="text-lg font-semibold">
        {heading}
      </h3>
      {body}
    </section>
  );
  const list = (items: React.ReactNode[]) =>
    items.length ? (
      <ul className="list-disc space-y-1 ps-6">
        {items.map((item, n) => (
          <li key={n}>{item}</li>
        ))}
      </ul>
    ) : (
      notStated
    );
  return (
    <section aria-labelledby="access-information-heading" className="max-w-3xl space-y-4" data-testid="access-information">
      <h2 id="access-information-heading" className="text-xl font-semibold">
        {t("AccessInfo.title")}
      </h2>
      {info.statement ? (
        <p>
          {t("AccessInfo.from", { company, version: info.statement.version, date: formatDate(new Date(info.statement.publishedAt), locale) })}{" "}
          <a href={info.statement.url}>{info.statement.url}</a>
        </p>
      ) : (
        <p>{t("AccessInfo.noStatement", { company })}</p>
      )}
      {part(
        "purposes",
        t("AccessInfo.purposes"),
        list(
          info.purposes.map((p) => (
            <>
              <strong>{p.name}</strong>
              {p.description && <span className="block">{p.description}</span>}
              <span className="block">{t("AccessInfo.legalBasis", { basis: p.legalBasis.label })}</span>
              {p.legitimateInterest && <span className="block">{t("AccessInfo.legitimateInterest", { interest: p.legitimateInterest })}</span>}
              {p.dataCategories.length > 0 && <span className="block">{t("AccessInfo.dataUsed", { categories: p.dataCategories.join(", ") })}</span>}
            </>
          )),
        ),
      )}
      {part(
        "categories",
        t("AccessInfo.categories"),
        <>
          {list(
            info.categories.statement.map((c) => (
              <>
                <strong>{c.name}</strong>
                {c.description && `: ${c.description}`}
              </>
            )),
          )}
          {info.categories.records.length > 0 && (
            <p>{t("AccessInfo.recordCategories", { company, categories: info.categories.records.map((c) => c.category).join(", ") })}</p>
          )}
        </>,
      )}
      {part(
        "recipients",
        t("AccessInfo.recipients"),
        list(
          info.recipients.map((r) => (
            <>
              <strong>{r.name}</strong> ({r.role.label}, {r.country ? r.country.name : t("AccessInfo.countryNotStated")}
              {r.outsideEea && `, ${t("AccessInfo.outsideEea")}`}){r.purpose && `: ${r.purpose}`}
            </>
          )),
        ),
      )}
      {part(
        "retention",
        t("AccessInfo.retention"),
        list(
          info.retention.map((r) => {
            const facts = [r.period ? t("AccessInfo.period", { period: r.period }) : "", r.criteria ? t("AccessInfo.criteria", { criteria: r.criteria }) : ""].filter(Boolean);
            return (
              <>
                <strong>{r.category}</strong>: {facts.length ? facts.join(" ") : info.notStated}
              </>
            );
          }),
        ),
      )}
      {part(
        "rights",
        t("AccessInfo.rights"),
        list(
          info.rights.map((r) => (
            <>
              <strong>{r.title}</strong>: {r.description}
            </>
          )),
        ),
      )}
      {part(
        "complaint",
        t("AccessInfo.complaintTitle"),
        <p>
          {info.complaint.text} {info.complaint.authority && <a href={info.complaint.authority.complaintUrl ?? info.complaint.authority.website}>{info.complaint.authority.name}</a>}
        </p>,
      )}
      {part(
        "sources",
        t("AccessInfo.sources"),
        list([
          ...(info.sources.systems.length ? [t("AccessInfo.systems", { company, systems: info.sources.systems.join(", ") })] : []),
          ...info.sources.statement.map((s) => (
            <>
              <strong>{s.category}</strong>: {s.source}
            </>
          )),
        ]),
      )}
      {part("automated", t("AccessInfo.automated"), <p>{info.automatedDecisions.text}</p>)}
      {part(
        "transfers",
        t("AccessInfo.transfers"),
        info.transfers.length ? (
          list(
            info.transfers.map((x) => (
              <>
                <strong>{x.recipient}</strong> ({x.country ? x.country.name : t("AccessInfo.countryNotStated")}):{" "}
                {t("AccessInfo.safeguard", { safeguard: x.safeguard ? x.safeguard.label : info.notStated })}
              </>
            )),
          )
        ) : (
          <p>{t("AccessInfo.noTransfers")}</p>
        ),
      )}
    </section>
  );
}

/** Art. 15: the plain answer that the company holds no personal data on the address. */
export function NothingHeld({ locale, company, email }: { locale: Locale; company: string; email: string }) {
  return (
    <p role="status" className="max-w-3xl rounded border-2 border-brand bg-blue-50 p-3" data-testid="nothing-held">
      {translator(locale)("AccessInfo.nothingHeld", { company, email })}
    </p>
  );
}
