import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { listDemoTenants } from "@/lib/tenants";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return { title: { absolute: translator(locale)("Home.title") } };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = translator(locale);
  const tenants = await listDemoTenants();
  return (
    <PageShell locale={locale}>
      <div className="space-y-8">
        <section className="space-y-3">
          <h1 className="text-3xl font-bold">{t("Home.title")}</h1>
          <p className="max-w-3xl text-lg">{t("Home.intro")}</p>
          <ul className="flex flex-wrap gap-4" data-testid="home-actions">
            <li>
              <a href={`/${locale}/signup`} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white no-underline">
                {t("Home.signup")}
              </a>
            </li>
            <li>
              <a href={`/${locale}/signin`} className="inline-block rounded border border-gray-600 px-4 py-2 font-medium no-underline">
                {t("Home.signin")}
              </a>
            </li>
            <li>
              <a href={`/${locale}/authorities`} className="inline-block px-4 py-2">
                {t("Home.authorities")}
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="demo-heading" className="space-y-3">
          <h2 id="demo-heading" className="text-2xl font-semibold">
            {t("Home.demoTitle")}
          </h2>
          <p>{t("Home.demoIntro")}</p>
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="tenant-list">
            {tenants.map((tenant) => (
              <li key={tenant.slug} className="rounded border border-line p-4">
                <a href={`/${locale}/t/${tenant.slug}`}>{t("Home.readStatement", { company: tenant.name })}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </PageShell>
  );
}
