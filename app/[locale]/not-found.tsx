import { NotFoundMessage } from "@/components/not-found-message";
import { translator } from "@/lib/i18n/messages";
import { pathLocale } from "@/lib/request";

export default async function LocaleNotFound() {
  const locale = await pathLocale();
  const t = translator(locale);
  return <NotFoundMessage locale={locale} title={t("NotFound.title")} body={t("NotFound.body")} />;
}
