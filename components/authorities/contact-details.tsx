import type { ReactNode } from "react";
import type { Authority } from "@/lib/authorities/data";
import type { Translator } from "@/lib/i18n/messages";
import { hostOf } from "./display";

/** Website, complaint page, e-mail, phone and postal address; what is unknown says so. */
export function ContactDetails({ authority, t }: { authority: Authority; t: Translator }) {
  const notListed = <span className="text-muted">{t("Authorities.entry.notListed")}</span>;
  const rows: Array<{ key: string; label: string; value: ReactNode; testId?: string }> = [
    {
      key: "website",
      label: t("Authorities.entry.website"),
      value: <a href={authority.website}>{hostOf(authority.website)}</a>,
    },
    {
      key: "complaint",
      label: t("Authorities.entry.complaintPage"),
      value: authority.complaintUrl ? (
        <a href={authority.complaintUrl}>{hostOf(authority.complaintUrl)}</a>
      ) : (
        <span className="text-muted">{t("Authorities.entry.noComplaintPage")}</span>
      ),
    },
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
  );
}
