import { NotFoundMessage } from "@/components/not-found-message";
import { translator } from "@/lib/i18n/messages";
import { pathLocale } from "@/lib/request";
import "./globals.css";

/** Reached for a path whose first segment is not a supported locale, such as /fr/t/acme. */
export default async function RootNotFound() {
  const locale = await pathLocale();
  const t = translator(locale);
  return (
    <html lang={locale}>
      <body>
        <NotFoundMessage locale={locale} title={t("NotFound.title")} body={t("NotFound.body")} />
      </body>
    </html>
  );
}
