import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatementPage } from "@/components/statement/statement-page";
import { publishedStatement } from "@/lib/policy/published";
import { resolveTenantPage } from "@/lib/tenant-page";
import { translator } from "@/lib/i18n/messages";

type Props = { params: Promise<{ locale: string; tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, locale } = await resolveTenantPage(params);
  return { title: translator(locale)("Statement.title", { company: tenant.name }) };
}

export default async function CurrentStatementPage({ params }: Props) {
  const page = await resolveTenantPage(params);
  const statement = await publishedStatement(page.tenant, page.locale);
  if (!statement) notFound();
  return <StatementPage page={page} statement={statement} />;
}
