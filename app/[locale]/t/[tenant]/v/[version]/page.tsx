import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatementPage } from "@/components/statement/statement-page";
import { translator } from "@/lib/i18n/messages";
import { parseVersionNumber } from "@/lib/policy/version-number";
import { publishedStatement } from "@/lib/policy/published";
import { resolveTenantPage } from "@/lib/tenant-page";

type Props = { params: Promise<{ locale: string; tenant: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  const { version } = await params;
  return {
    title: `${translator(locale)("Statement.title", { company: tenant.name })} (${translator(locale)("History.version", { number: version })})`,
  };
}

export default async function StatementVersionPage({ params }: Props) {
  const page = await resolveTenantPage(params);
  const number = parseVersionNumber((await params).version);
  const statement = number === null ? null : await publishedStatement(page.tenant, page.locale, number);
  if (!statement) notFound();
  return <StatementPage page={page} statement={statement} />;
}
