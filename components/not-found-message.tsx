import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { PageShell } from "./page-shell";

interface Link {
  href: string;
  label: string;
}

export function NotFoundMessage({
  locale,
  title,
  body,
  link,
  secondLink,
  testId = "not-found",
}: {
  locale: Locale;
  title: string;
  body: string;
  link?: Link;
  secondLink?: Link;
  testId?: string;
}) {
  const t = translator(locale);
  const links = [link ?? { href: `/${locale}`, label: t("NotFound.home") }, ...(secondLink ? [secondLink] : [])];
  return (
    <PageShell locale={locale}>
      <div data-testid={testId} className="space-y-3">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p>{body}</p>
        <ul className="flex flex-wrap gap-4">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </PageShell>
  );
}
