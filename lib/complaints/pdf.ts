import { createHash } from "node:crypto";

/**
 * A small PDF writer without dependencies: it lays out plain text — a title,
 * headings, paragraphs, bullet lists, label/value rows and simple tables of text —
 * on A4 pages in the standard Helvetica fonts, with page breaks and a footer line.
 *
 * Text is set in WinAnsiEncoding (Windows-1252), which the 14 standard PDF fonts
 * support without embedding anything. Characters outside it are mapped to something
 * close: accents are dropped ("ė" → "e"), ligatures spelled out, dashes and spaces
 * normalised; what has no Latin likeness becomes "?". The output is PDF 1.4 with
 * uncompressed content streams and a classic cross-reference table.
 */

// ---------------------------------------------------------------- encoding

/** Unicode characters that WinAnsiEncoding has in 0x80-0x9F. */
const WIN_ANSI_HIGH: Readonly<Record<string, number>> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88,
  "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93,
  "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b,
  "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** Close ASCII for letters and signs that do not decompose into a Latin letter plus accents. */
const FALLBACK: Readonly<Record<string, string>> = {
  "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
  "ŋ": "ng", "Ŋ": "NG", "ĸ": "k", "ſ": "s", "ə": "e", "Ə": "E", "ȷ": "j",
  "‐": "-", "‑": "-", "‒": "-", "―": "-", "−": "-", "⁃": "-",
  "′": "'", "″": '"', "‛": "'", "‟": '"', "❛": "'", "❜": "'", "❝": '"', "❞": '"',
  "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~",
  "✓": "v", "✔": "v", "✗": "x", "✘": "x",
};

function winAnsiCode(char: string): number | null {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return code;
  if (code >= 0xa0 && code <= 0xff && code !== 0xad) return code;
  return WIN_ANSI_HIGH[char] ?? null;
}

function mapChar(char: string): string {
  const code = char.codePointAt(0)!;
  if (char === "\t" || char === "\n" || char === "\r") return " ";
  // Other control characters, soft hyphens and zero-width characters vanish.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad || /[\u200b-\u200f\u2060\ufeff]/.test(char)) return "";
  const direct = winAnsiCode(char);
  if (direct !== null) return String.fromCharCode(direct);
  const fallback = FALLBACK[char];
  if (fallback !== undefined) return [...fallback].map(mapChar).join("");
  // "ė" → "e" + combining dot → "e"; "ﬁ" → "fi"; a narrow no-break space → " ".
  const decomposed = char.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed && decomposed !== char) {
    const parts = [...decomposed].map((c) => {
      const mapped = winAnsiCode(c);
      return mapped === null ? (FALLBACK[c] ?? null) : String.fromCharCode(mapped);
    });
    if (parts.every((p) => p !== null)) return parts.join("");
  }
  return "?";
}

/**
 * The text in WinAnsiEncoding: a string whose character codes are the bytes (0-255).
 * Line breaks and tabs become spaces; lay out lines before encoding them.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text) out += mapChar(char);
  return out;
}

/** A PDF literal string of WinAnsi bytes, in plain ASCII: ( ) \ escaped, other bytes as octal. */
function pdfString(winAnsi: string): string {
  let out = "(";
  for (let i = 0; i < winAnsi.length; i++) {
    const code = winAnsi.charCodeAt(i);
    const char = winAnsi[i];
    if (char === "(" || char === ")" || char === "\\") out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += char;
  }
  return `${out})`;
}

/** A text string for the document information (title, author): UTF-16BE with a byte-order mark, in hex. */
function pdfTextString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

// ---------------------------------------------------------------- metrics

export type PdfFont = "regular" | "bold";

/** Advance widths (1/1000 em) of WinAnsi codes 32-255 in Helvetica and Helvetica-Bold (Adobe AFM). */
const WIDTHS: Record<PdfFont, readonly number[]> = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
    556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, 350, 222, 222, 333, 333, 350, 556, 1000,
    333, 1000, 500, 333, 944, 350, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722,
    667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584,
    611, 556, 556, 556, 556, 500, 556, 500,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
    611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350,
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, 350, 278, 278, 500, 500, 350, 556, 1000,
    333, 1000, 556, 333, 944, 350, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722,
    667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584,
    611, 611, 611, 611, 611, 556, 611, 556,
  ],
};

/** Width in points of WinAnsi text (see toWinAnsi) in the font and size. */
export function textWidth(winAnsi: string, font: PdfFont, size: number): number {
  const table = WIDTHS[font];
  let total = 0;
  for (let i = 0; i < winAnsi.length; i++) total += table[winAnsi.charCodeAt(i) - 32] ?? 556;
  return (total * size) / 1000;
}

/**
 * Breaks text into lines no wider than maxWidth: at spaces where it can, inside a
 * word only when the word alone is too wide. Line breaks in the text are kept.
 * Returns WinAnsi lines.
 */
export function wrapText(text: string, font: PdfFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    const words = toWinAnsi(paragraph).split(" ").filter((word) => word !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, font, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      // A word wider than the line is cut where it must be.
      let rest = word;
      while (textWidth(rest, font, size) > maxWidth) {
        let cut = 1;
        while (cut < rest.length && textWidth(rest.slice(0, cut + 1), font, size) <= maxWidth) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

// ---------------------------------------------------------------- blocks and layout

export type PdfBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string; level?: 1 | 2 }
  | { kind: "paragraph"; text: string; bold?: boolean; small?: boolean; indent?: number }
  | { kind: "list"; items: string[] }
  | { kind: "fields"; rows: Array<[label: string, value: string]> }
  | { kind: "table"; columns: Array<{ header: string; width: number }>; rows: string[][] }
  | { kind: "space"; height?: number }
  | { kind: "rule" };

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47 language of the text, e.g. "nl". */
  language?: string;
  /** The footer of each page, e.g. "Page 2 of 3". */
  footer?: (page: number, pages: number) => string;
  creationDate?: Date;
}

/** A4 in points. */
export const pageWidth = 595.28;
export const pageHeight = 841.89;
const margin = 50;
const footerHeight = 24;
const contentWidth = pageWidth - 2 * margin;
const top = pageHeight - margin;
const bottom = margin + footerHeight;

const body = 10;
const small = 8.5;
const leading = (size: number) => size * 1.35;
const fontName: Record<PdfFont, string> = { regular: "F1", bold: "F2" };

const num = (n: number) => (Math.round(n * 100) / 100).toString();

class Layout {
  pages: string[][] = [];
  private ops: string[] = [];
  y = top;

  constructor() {
    this.newPage();
  }

  newPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < bottom && this.y < top) this.newPage();
  }

  get room(): number {
    return this.y - bottom;
  }

  /** One line of WinAnsi text with its top at the cursor; moves the cursor down a line. */
  line(winAnsi: string, font: PdfFont, size: number, x = margin, gray = 0): void {
    const height = leading(size);
    this.ensure(height);
    this.textAt(winAnsi, font, size, x, this.y - height + (height - size) / 2 + size * 0.22, gray);
    this.y -= height;
  }

  textAt(winAnsi: string, font: PdfFont, size: number, x: number, baseline: number, gray = 0): void {
    if (!winAnsi) return;
    const color = gray ? `${num(gray)} g ` : "";
    this.ops.push(`BT ${color}/${fontName[font]} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(baseline)} Tm ${pdfString(winAnsi)} Tj ET`);
  }

  rule(x1: number, x2: number, y: number, width = 0.5, gray = 0.6): void {
    this.ops.push(`q ${num(gray)} G ${num(width)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
  }

  space(height: number): void {
    if (this.y === top) return;
    this.y = Math.max(this.y - height, bottom);
  }
}

function layoutBlocks(blocks: readonly PdfBlock[]): string[][] {
  const page = new Layout();
  for (const [index, block] of blocks.entries()) {
    switch (block.kind) {
      case "title": {
        for (const line of wrapText(block.text, "bold", 18, contentWidth)) page.line(line, "bold", 18);
        page.space(4);
        break;
      }
      case "heading": {
        const size = block.level === 2 ? 11.5 : 14;
        const lines = wrapText(block.text, "bold", size, contentWidth);
        page.space(block.level === 2 ? 6 : 10);
        // Keep a heading with at least three lines of what follows.
        const next = blocks[index + 1];
        const keep = next && next.kind !== "heading" && next.kind !== "space" ? 3 * leading(body) : 0;
        page.ensure(lines.length * leading(size) + keep);
        for (const line of lines) page.line(line, "bold", size);
        page.space(2);
        break;
      }
      case "paragraph": {
        const size = block.small ? small : body;
        const indent = block.indent ?? 0;
        for (const line of wrapText(block.text, block.bold ? "bold" : "regular", size, contentWidth - indent)) {
          page.line(line, block.bold ? "bold" : "regular", size, margin + indent, block.small ? 0.3 : 0);
        }
        page.space(4);
        break;
      }
      case "list": {
        const indent = 14;
        for (const item of block.items) {
          const lines = wrapText(item, "regular", body, contentWidth - indent);
          page.ensure(leading(body));
          const firstTop = page.y;
          lines.forEach((line, i) => {
            page.line(line, "regular", body, margin + indent);
            if (i === 0) page.textAt("\x95", "regular", body, margin + 3, firstTop - leading(body) + (leading(body) - body) / 2 + body * 0.22);
          });
        }
        page.space(4);
        break;
      }
      case "fields": {
        const labelWidth = 140;
        const gap = 8;
        for (const [label, value] of block.rows) {
          const labels = wrapText(label, "bold", body, labelWidth);
          const values = wrapText(value || "-", "regular", body, contentWidth - labelWidth - gap);
          const rows = Math.max(labels.length, values.length);
          // Short rows stay together; a long value may run on to the next page.
          page.ensure(Math.min(rows, 4) * leading(body));
          for (let i = 0; i < rows; i++) {
            page.ensure(leading(body));
            const baseline = page.y - leading(body) + (leading(body) - body) / 2 + body * 0.22;
            if (labels[i]) page.textAt(labels[i], "bold", body, margin, baseline);
            if (values[i]) page.textAt(values[i], "regular", body, margin + labelWidth + gap, baseline);
            page.y -= leading(body);
          }
          page.y -= 2;
        }
        page.space(4);
        break;
      }
      case "table":
        layoutTable(page, block);
        page.space(6);
        break;
      case "space":
        page.space(block.height ?? 8);
        break;
      case "rule":
        page.ensure(8);
        page.rule(margin, pageWidth - margin, page.y - 4);
        page.y -= 8;
        break;
    }
  }
  return page.pages;
}

function layoutTable(page: Layout, block: Extract<PdfBlock, { kind: "table" }>): void {
  const size = 9;
  const lead = leading(size);
  const gap = 6;
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const widths = block.columns.map((c) => (c.width / total) * contentWidth);
  const xs = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellLines = (cells: readonly string[], font: PdfFont) => widths.map((w, i) => wrapText(cells[i] ?? "", font, size, w - gap));
  const header = cellLines(block.columns.map((c) => c.header), "bold");
  const headerHeight = Math.max(...header.map((l) => l.length)) * lead + 4;

  const drawLines = (lines: string[][], from: number, count: number, font: PdfFont) => {
    for (let k = 0; k < count; k++) {
      const baseline = page.y - lead + (lead - size) / 2 + size * 0.22;
      lines.forEach((cell, i) => cell[from + k] && page.textAt(cell[from + k], font, size, xs[i], baseline));
      page.y -= lead;
    }
  };
  const drawHeader = () => {
    const rows = Math.max(...header.map((l) => l.length));
    drawLines(header, 0, rows, "bold");
    page.rule(margin, pageWidth - margin, page.y - 1, 0.8, 0.2);
    page.y -= 4;
  };

  page.ensure(headerHeight + lead);
  drawHeader();
  for (const row of block.rows) {
    const lines = cellLines(row, "regular");
    const height = Math.max(1, ...lines.map((l) => l.length));
    // A row that fits on a fresh page is not split; a taller one runs on, with the header repeated.
    if (height * lead + 4 > page.room && height * lead + 4 <= top - bottom - headerHeight) {
      page.newPage();
      drawHeader();
    }
    let done = 0;
    while (done < height) {
      const fit = Math.floor((page.room - 4) / lead);
      if (fit <= 0) {
        page.newPage();
        drawHeader();
        continue;
      }
      const count = Math.min(fit, height - done);
      drawLines(lines, done, count, "regular");
      done += count;
    }
    page.rule(margin, pageWidth - margin, page.y - 1.5, 0.4, 0.75);
    page.y -= 4;
  }
}

// ---------------------------------------------------------------- file

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

/** Lays out the blocks and returns the PDF file. */
export function renderPdf(blocks: readonly PdfBlock[], options: PdfOptions): Buffer {
  const pages = layoutBlocks(blocks);
  const count = pages.length;
  if (options.footer) {
    pages.forEach((ops, index) => {
      const text = toWinAnsi(options.footer!(index + 1, count));
      ops.push(`BT 0.35 g /F1 ${small} Tf 1 0 0 1 ${margin} ${num(margin)} Tm ${pdfString(text)} Tj ET`);
    });
  }

  // Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 information, then a page and its content per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  const language = options.language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(options.language) ? options.language : null;
  objects[1] = `<< /Type /Catalog /Pages 2 0 R${language ? ` /Lang (${language})` : ""} /ViewerPreferences << /DisplayDocTitle true >> >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${count} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  const created = pdfDate(options.creationDate ?? new Date());
  objects[5] =
    `<< /Title ${pdfTextString(options.title)}` +
    (options.author ? ` /Author ${pdfTextString(options.author)}` : "") +
    (options.subject ? ` /Subject ${pdfTextString(options.subject)}` : "") +
    ` /Producer (Inzage) /CreationDate (${created}) >>`;
  pages.forEach((ops, i) => {
    const content = ops.join("\n");
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(pageWidth)} ${num(pageHeight)}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    // Content is plain ASCII (pdfString escapes the rest), so its length in bytes is its length.
    objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  // The header's second line has bytes above 127, telling tools the file is binary.
  let file = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = file.length;
    file += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = file.length;
  const size = objects.length;
  file += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let id = 1; id < size; id++) file += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  const id = createHash("md5").update(file, "latin1").digest("hex");
  file += `trailer\n<< /Size ${size} /Root 1 0 R /Info 5 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is one byte (0-255), so string offsets are byte offsets.
  return Buffer.from(file, "latin1");
}
