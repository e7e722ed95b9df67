import type { ReactNode } from "react";
import type { Authority } from "@/lib/authorities/data";
import { formatDate, type Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { hostOf } from "./display";

/**
 * Website, where to complain (the form or procedure, a complaint e-mail, what else to
 * know, when it was checked and where), e-mail, phone and postal address; what is
 * unknown says so.
 */
export function ContactDetails({
  authority,
  t,
  locale,
}: {
  authority: Authority;
  t: Translator;
  /** The page language; without it (older callers) the note and the checked line are left out. */
  locale?: Locale;
}) {
  const notListed = <span className="text-muted">{t("Authorities.entry.notListed")}</span>;
  const route = authority.complaint;
  const routeUrl = route.url ?? route.infoUrl;
  const rows: Array<{ key: string; label: string; value: ReactNode; testId?: string }> = [
    {
      key: "website",
      label: t("Authorities.entry.website"),
      value: <a href={authority.website}>{hostOf(authority.website)}</a>,
    },
    {
      key: "complaint",
      label: route.kind === "form" ? t("Authorities.entry.complaintForm") : t("Authorities.entry.complaintPage"),
      value: routeUrl ? (
        <a href={routeUrl}>{hostOf(routeUrl)}</a>
      ) : (
        <span className="text-muted">{t("Authorities.entry.noComplaintPage")}</span>
      ),
      testId: "authority-complaint",
    },
    ...(route.email
      ? [
          {
            key: "complaint-email",
            label: t("Authorities.entry.complaintEmail"),
            value: <a href={`mailto:${route.email}`}>{route.email}</a>,
            testId: "authority-complaint-email",
          },
        ]
      : []),
    {
      key: "email",
      label: t("Authorities.entry.email"),
      value: authority.email ? <a href={`mailto:${authority.email}`}>{authority.email}</a> : notListed,
    },
    {
      key: "phone",
      label: t("Authorities.entry.phone"),
      value: authority.phone ? <a href={`tel:${authority.phone.replace(/\s+/g, "")}`}>{authority.phone}</a> : notListed,
      testId: "authority-phone",
    },
    {
      key: "address",
      label: t("Authorities.entry.address"),
      value: authority.address ? <span className="whitespace-pre-line">{authority.address}</span> : notListed,
      testId: "authority-address",
    },
  ];
  return (
    <div className="space-y-2">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="font-semibold">{row.label}</dt>
            <dd className="min-w-0 wrap-anywhere" data-testid={row.testId}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
      {locale && route.note && (
        <p className="max-w-3xl" data-testid="authority-complaint-note">
          {route.note[locale]}
        </p>
      )}
      {locale && (
        <p className="text-sm text-muted wrap-anywhere" data-testid="authority-complaint-checked">
          {t("Authorities.entry.routeChecked", { date: formatDate(new Date(`${route.checkedOn}T12:00:00Z`), locale) })}{" "}
          {route.sources.map((source, index) => (
            <span key={source}>
              {index > 0 && ", "}
              <a href={source}>{new URL(source).hostname}</a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
