import type { OutlineBlock } from "@/lib/complaints/outline";

/**
 * The complaint dossier as HTML, from the same outline as the PDF: headings, label and
 * value lists, the overview table (late requests marked) and lists.
 */
export function DossierDocument({ blocks }: { blocks: readonly OutlineBlock[] }) {
  return (
    <article className="print-document space-y-3 wrap-break-word" data-testid="dossier">
      {blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </article>
  );
}

function Block({ block }: { block: OutlineBlock }) {
  switch (block.kind) {
    case "title":
      return <h1 className="text-3xl font-bold">{block.text}</h1>;
    case "heading":
      return block.level === 1 ? (
        <h2 id={block.id} className="pt-4 text-2xl font-semibold">
          {block.text}
        </h2>
      ) : (
        <h3 id={block.id} className="pt-3 text-xl font-semibold">
          {block.text}
        </h3>
      );
    case "paragraph":
      return (
        <p className={`max-w-3xl whitespace-pre-line ${block.small ? "text-sm text-muted" : ""} ${block.strong ? "font-semibold" : ""}`} data-testid={block.testId}>
          {block.text}
        </p>
      );
    case "fields":
      return (
        <dl className="grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]" data-testid={block.testId}>
          {block.rows.map((row, i) => (
            <div key={i} className="contents">
              <dt className="font-semibold">{row.label}</dt>
              <dd className="mb-2 min-w-0 whitespace-pre-line wrap-anywhere sm:mb-0">{row.href ? <a href={row.href}>{row.value}</a> : row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "list":
      return (
        <ul className="max-w-3xl list-disc space-y-1 ps-6" data-testid={block.testId}>
          {block.items.map((item, i) => (
            <li key={i} className="whitespace-pre-line">
              {item}
            </li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table className="data-table" data-testid="dossier-requests">
          <caption className="sr-only">{block.caption}</caption>
          <thead>
            <tr>
              {block.columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.key} data-testid={`dossier-request-${row.key}`} data-late={row.late ? "true" : "false"}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="whitespace-nowrap" data-label={block.columns[i].header}>
                      {cell}
                    </th>
                  ) : (
                    <td key={i} data-label={block.columns[i].header} className={row.late && i === row.cells.length - 1 ? "font-semibold" : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
