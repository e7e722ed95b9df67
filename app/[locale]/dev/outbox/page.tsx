import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { db } from "@/lib/db/client";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";
import { outboxVisible } from "@/lib/mail/send";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ to?: string }> };

export const metadata: Metadata = { robots: { index: false } };

/** The mail the app would have sent, for developers running without SMTP. Not reachable in production. */
export default async function OutboxPage({ params, searchParams }: Props) {
  if (!outboxVisible()) notFound();
  const locale = await localeParam(params);
  const { to } = await searchParams;
  const t = translator(locale);
  const mails = await (await db()).outboxMail.findMany({
    where: typeof to === "string" && to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return (
    <PageShell locale={locale}>
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("Outbox.title")}</h1>
        <p className="text-muted">{t("Outbox.intro")}</p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label htmlFor="outbox-to" className="block font-medium">
            {t("Outbox.filter")}
          </label>
          <input id="outbox-to" name="to" type="email" defaultValue={typeof to === "string" ? to : ""} className="rounded border border-gray-500 px-3 py-2" />
          <button type="submit" className="rounded border border-gray-600 px-3 py-2">
            {t("Outbox.apply")}
          </button>
        </form>
        {mails.length === 0 && <p>{t("Outbox.empty")}</p>}
        <ol className="space-y-4" data-testid="outbox">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded border border-line p-4">
              <h2 className="font-semibold">{mail.subject}</h2>
              <p className="text-sm text-muted">
                {t("Outbox.to", { to: mail.to })} · {formatDate(mail.createdAt, locale)} {mail.createdAt.toISOString().slice(11, 16)} UTC
              </p>
              <pre className="mt-2 whitespace-pre-wrap wrap-anywhere font-sans">{linkify(mail.text)}</pre>
            </li>
          ))}
        </ol>
      </div>
    </PageShell>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
