import { describe, expect, it } from "vitest";
import { csvBom, csvCell, csvRow, parseCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain values as they are", () => {
    expect(csvCell("Jansen")).toBe("Jansen");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks and doubles quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('zei "hallo"')).toBe('"zei ""hallo"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvCell("regel 1\r\nregel 2")).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('"')).toBe('""""');
  });

  it("writes objects and lists as JSON, quoted", () => {
    expect(csvCell({ a: 1, b: "x" })).toBe('"{""a"":1,""b"":""x""}"');
    expect(csvCell([1, 2])).toBe('"[1,2]"');
    expect(csvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });

  it("defuses texts a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+31 6 12345678")).toBe("'+31 6 12345678");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("+3")).toBe("+3");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("csvRow and parseCsv", () => {
  it("end rows with CRLF and read back what was written", () => {
    const rows = [
      ["id", "name", "note"],
      ["1", "Anne, de Vries", 'said "yes"\non two lines'],
      ["2", "", "ü é ß 😀"],
    ];
    const text = csvBom + rows.map(csvRow).join("");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
