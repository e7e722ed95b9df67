import { translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";

export type StatementPage = "edit" | "preview-nl" | "preview-en" | "compare" | "publish";

/** The links between the statement's console pages: editor, previews, comparison, publishing. */
export function StatementNav({ locale, current, canPublish }: { locale: Locale; current: StatementPage; canPublish: boolean }) {
  const t = translator(locale);
  const base = `/${locale}/admin/statement`;
  const links: Array<{ id: StatementPage; href: string; label: string }> = [
    { id: "edit", href: base, label: t("Editor.title") },
    { id: "preview-nl", href: `${base}/preview?lang=nl`, label: t("Editor.nav.preview", { language: t("Editor.language.nl") }) },
    { id: "preview-en", href: `${base}/preview?lang=en`, label: t("Editor.nav.preview", { language: t("Editor.language.en") }) },
    { id: "compare", href: `${base}/compare`, label: t("Editor.nav.compare") },
    ...(canPublish ? [{ id: "publish" as const, href: `${base}/publish`, label: t("Editor.nav.publish") }] : []),
  ];
  return (
    <nav aria-label={t("Editor.nav.label")}>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.id}>
            <a
              href={link.href}
              aria-current={link.id === current ? "page" : undefined}
              className="block rounded border border-gray-400 px-3 py-1 text-sm no-underline hover:bg-gray-100 aria-[current=page]:border-brand aria-[current=page]:bg-brand aria-[current=page]:text-white"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
