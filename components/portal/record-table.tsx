import type { SubjectRecord } from "@/generated/prisma/client";
import { translator } from "@/lib/i18n/messages";
import { recordFields } from "@/lib/portal/data";
import type { Locale } from "@/lib/policy/content";
import { formatDateTime } from "./format";
import { PortalTable } from "./portal-table";

const maxColumns = 12;

/** Records of one group as a table: one column per field name, the time received first. Scrolls sideways on a phone. */
export function RecordTable({ records, locale, caption }: { records: SubjectRecord[]; locale: Locale; caption: string }) {
  const t = translator(locale);
  if (records.length === 0) return <p>{t("Portal.records.none")}</p>;
  const rows = records.map((record) => ({ record, fields: new Map(recordFields(record.fields)) }));
  const columns = [...new Set(rows.flatMap((row) => [...row.fields.keys()]))].slice(0, maxColumns);
  return (
    <PortalTable label={caption} caption={caption} testId="record-table" small columns={[t("Portal.log.when"), ...columns]}>
      {rows.map(({ record, fields }) => (
        <tr key={record.id} className="border-b border-line align-top">
          <td className="whitespace-nowrap py-1 pe-4">{formatDateTime(record.receivedAt, locale)}</td>
          {columns.map((column) => (
            <td key={column} className="py-1 pe-4">
              {fields.get(column) ?? ""}
            </td>
          ))}
        </tr>
      ))}
    </PortalTable>
  );
}
