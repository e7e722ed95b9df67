import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { localeAlternates } from "@/lib/i18n/paths";
import { routing } from "@/lib/i18n/routing";
import { requestContext } from "@/lib/request";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Meta" });
  const { path, origin } = await requestContext();
  return {
    metadataBase: new URL(origin),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("tagline"),
    alternates: { canonical: path.split("?")[0], languages: localeAlternates(path) },
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white antialiased">{children}</body>
    </html>
  );
}
