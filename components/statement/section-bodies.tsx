import type { PublicStatement } from "@/lib/policy/public-statement";

/** The tenant's free-text sections that belong after one structured block. */
export function SectionBodies({
  statement,
  placement,
}: {
  statement: PublicStatement;
  placement: PublicStatement["sections"][number]["placement"];
}) {
  const sections = statement.sections.filter((s) => s.placement === placement);
  return sections.map((section, index) => (
    <div key={index} className="space-y-2">
      <h3 className="text-lg font-semibold">{section.title}</h3>
      <div className="prose-statement" dangerouslySetInnerHTML={{ __html: section.html }} />
    </div>
  ));
}
