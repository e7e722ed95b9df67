import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/** A table of the person's data under column headings (the rows are the children); scrolls sideways on a phone. */
export function PortalTable({
  label,
  testId,
  columns,
  small,
  caption,
  children,
}: {
  label: string;
  testId: string;
  columns: string[];
  small?: boolean;
  /** For screen readers only. */
  caption?: string;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label}>
      <table className={small ? "min-w-full border-collapse text-sm" : "min-w-full border-collapse"} data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-line text-left">
            {columns.map((column, index) => (
              <th key={index} scope="col" className="py-1 pe-4">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

/** The history under a portal page: a heading, and the table of what happened or a line that nothing did. */
export function HistorySection({
  headingId,
  heading,
  empty,
  testId,
  columns,
  children,
}: {
  headingId: string;
  heading: string;
  empty: string;
  testId: string;
  columns: string[];
  children: ReactNode[];
}) {
  return (
    <section className="space-y-3">
      <h2 id={headingId} className="text-2xl font-semibold">
        {heading}
      </h2>
      {children.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <PortalTable label={heading} testId={testId} small columns={columns}>
          {children}
        </PortalTable>
      )}
    </section>
  );
}
