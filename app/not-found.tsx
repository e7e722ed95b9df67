import { headers } from "next/headers";
import { NotFoundMessage } from "@/components/not-found-message";
import { localeAlternates } from "@/lib/i18n/paths";
import { translator } from "@/lib/i18n/messages";
import { pathLocale, requestContext } from "@/lib/request";
import { requestHeaders } from "@/lib/request-context";
import "./globals.css";

/**
 * Rendered on the server for a path no route matches: an unknown page, a locale we do
 * not have (/fr/t/acme), or a tenant that does not exist (proxy.ts sends those here).
 * No layout gives it metadata, so it names its title and language versions itself.
 */
export default async function RootNotFound() {
  const locale = await pathLocale();
  const t = translator(locale);
  const { path } = await requestContext();
  const unknownTenant = (await headers()).get(requestHeaders.notFound) === "tenant";
  const title = t(unknownTenant ? "NotFound.tenantTitle" : "NotFound.title");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white antialiased">
        <title>{`${title} · ${t("Meta.siteName")}`}</title>
        {Object.entries(localeAlternates(path)).map(([language, href]) => (
          <link key={language} rel="alternate" hrefLang={language} href={href} />
        ))}
        <NotFoundMessage locale={locale} title={title} body={t(unknownTenant ? "NotFound.tenantBody" : "NotFound.body")} />
      </body>
    </html>
  );
}
