/**
 * CSV as RFC 4180 describes it: fields separated by commas, rows by CRLF, a field
 * quoted when it holds a comma, quote, CR or LF, quotes inside doubled. Files start
 * with a UTF-8 byte order mark so that spreadsheet programs read accents correctly.
 *
 * A text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * CR, other than a plain number) gets a leading apostrophe, so that opening a file
 * cannot run anything. data.json always holds the values exactly.
 */

export const csvBom = "\uFEFF";

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** One value as a CSV field: texts as they are, null as empty, objects and lists as JSON. */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text = String(value);
  else if (value instanceof Date) text = value.toISOString();
  else text = JSON.stringify(value);
  if (typeof value === "string" && formulaStart.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** Parses CSV text (as written here) into rows; for tests and for reading back. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(csvBom) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && source[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
