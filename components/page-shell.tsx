import type { CSSProperties, ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

interface Props {
  locale: string;
  children: ReactNode;
  /** Shown instead of the Inzage brand on a tenant's pages. */
  tenant?: { name: string; accentColor: string; href: string };
}

/** The frame of every page: a skip link, the header with the language switch, and the footer. */
export async function PageShell({ locale, children, tenant }: Props) {
  const t = await getTranslations({ locale: locale as "nl" | "en" });
  const style = tenant ? ({ "--accent": tenant.accentColor } as CSSProperties) : undefined;
  return (
    <div style={style} className="flex min-h-screen flex-col">
      <a href="#main" className="no-print sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("Common.skipToContent")}
      </a>
      <header className="border-b border-line" style={{ borderTop: "4px solid var(--accent)" }}>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          {tenant ? (
            <a href={tenant.href} className="text-lg font-semibold no-underline" style={{ color: "var(--accent)" }}>
              {tenant.name}
            </a>
          ) : (
            <a href={`/${locale}`} className="text-lg font-semibold no-underline">
              {t("Meta.siteName")}
            </a>
          )}
          <LanguageSwitch locale={locale} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="no-print border-t border-line">
        <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">
          <a href={`/${locale}`}>{t("Meta.siteName")}</a> · {t("Meta.tagline")}
        </div>
      </footer>
    </div>
  );
}
