import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AuthorityList } from "@/components/authorities/authority-list";
import { CountryGrid, type CountryGroups } from "@/components/authorities/country-grid";
import { MineBox } from "@/components/authorities/mine-box";
import { PageShell } from "@/components/page-shell";
import { parseLand, residenceAuthority } from "@/lib/authorities/competence";
import { authorities } from "@/lib/authorities/data";
import { parseCountryParam, parseQueryParam } from "@/lib/authorities/search";
import { guessResidenceCountry, residenceCountries, residenceCountriesByName } from "@/lib/authorities/residence";
import { euCountries } from "@/lib/geo/countries";
import { translator } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const EU: ReadonlySet<string> = new Set(euCountries);
const GRID: CountryGroups = {
  eu: residenceCountries.filter((c) => EU.has(c)),
  eea: residenceCountries.filter((c) => ["IS", "LI", "NO"].includes(c)),
  other: residenceCountries.filter((c) => !EU.has(c) && !["IS", "LI", "NO"].includes(c)),
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = translator(locale);
  return { title: t("Authorities.title"), description: t("Authorities.intro") };
}

export default async function AuthoritiesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const query = await searchParams;
  const t = translator(locale);
  const country = parseCountryParam(query.country, [...residenceCountries, "EU"]);
  const q = parseQueryParam(query.q);
  const guessed = country ? null : guessResidenceCountry((await headers()).get("accept-language"));
  const mineCountry = country && country !== "EU" ? country : null;
  // Germany: the person chooses their Land; never the BfDI by default.
  const land = mineCountry === "DE" ? parseLand(query.land) : null;
  const byName = residenceCountriesByName(locale);

  return (
    <PageShell locale={locale}>
      <div className="space-y-10">
        <section className="space-y-3">
          <h1 className="text-3xl font-bold">{t("Authorities.title")}</h1>
          <p className="max-w-3xl text-lg">{t("Authorities.intro")}</p>
        </section>
        <MineBox
          locale={locale}
          t={t}
          countries={byName}
          chosen={mineCountry}
          guessed={guessed}
          land={land}
          authority={mineCountry ? (residenceAuthority(mineCountry, land).authority ?? undefined) : undefined}
        />
        <CountryGrid groups={GRID} chosen={mineCountry} locale={locale} t={t} />
        <AuthorityList
          authorities={authorities}
          filter={{ q, country }}
          countries={[...byName, "EU"]}
          locale={locale}
          t={t}
        />
      </div>
    </PageShell>
  );
}
