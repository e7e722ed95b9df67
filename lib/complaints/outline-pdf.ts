import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { OutlineBlock } from "./outline";

/**
 * Lays out an outline (lib/complaints/outline.ts) as an A4 PDF with PDFKit: a tagged
 * PDF 1.7 (a structure tree of H1-H3, P, L/LI/Lbl/LBody and Table/TR/TH/TD; page
 * footers, rules and repeated table headers are artifacts), with the document's
 * language, its title shown in the viewer's title bar, bookmarks for the headings,
 * and DejaVu Sans embedded (subset), so every Latin, Greek and Cyrillic letter comes
 * out as written and can be searched and copied.
 */

export interface OutlinePdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47 language of the text, e.g. "nl". */
  language: string;
  creationDate?: Date;
  /** The footer of each page, e.g. "Page 2 of 3". */
  footer?: (page: number, pages: number) => string;
}

type Font = "regular" | "bold";
type Struct = PDFKit.PDFStructureElement;

let dejaVu: Record<Font, Buffer> | null = null;

/**
 * DejaVu Sans (Latin with its extensions, Greek, Cyrillic and more) from the
 * dejavu-fonts-ttf package, read once. TrueType rather than WOFF: fontkit inflates a
 * WOFF's glyph table anew for every glyph it reads, which made a dossier take seconds.
 * `new URL(…, import.meta.url)` lets the bundler of `next build` copy the files into
 * the build and point here; tsx and Vitest read them where they are.
 */
function fonts(): Record<Font, Buffer> {
  dejaVu ??= {
    regular: readFileSync(new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", import.meta.url)),
    bold: readFileSync(new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", import.meta.url)),
  };
  return dejaVu;
}

/** A4 in points. */
const pageWidth = 595.28;
const margin = 50;
const footerHeight = 24;
const contentWidth = pageWidth - 2 * margin;
const body = 9.5;
const small = 8;
const tableSize = 8.5;
const lineGap = 2.5;
const tableLineGap = 1;
const labelWidth = 140;
const labelGap = 8;
const bulletIndent = 14;
const cellGap = 6;
const textColor = "#000000";
const mutedColor = "#4d4d4d";

/** Lays out the blocks and returns the PDF file. */
export function renderOutlinePdf(blocks: readonly OutlineBlock[], options: OutlinePdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: margin, left: margin, right: margin, bottom: margin + footerHeight },
    pdfVersion: "1.7",
    tagged: true,
    lang: options.language,
    displayTitle: true,
    bufferPages: true,
    // No default font: PDFKit would otherwise load Helvetica, which is never used.
    font: null as unknown as string,
    info: {
      Title: options.title,
      ...(options.author ? { Author: options.author } : {}),
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: "Inzage",
      Producer: "Inzage (PDFKit)",
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  const { regular, bold } = fonts();
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  doc.font("regular").fontSize(body).fillColor(textColor);

  const chunks: Buffer[] = [];
  const file = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const layout = new Layout(doc, root);
  layout.blocks(blocks);
  root.end();

  if (options.footer) {
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      doc.switchToPage(index);
      layout.artifact("Pagination", () => {
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc
          .font("regular")
          .fontSize(small)
          .fillColor(mutedColor)
          .text(options.footer!(index - start + 1, count), margin, doc.page.height - margin - small, { lineBreak: false });
        doc.page.margins.bottom = bottom;
      });
    }
  }
  doc.end();
  return file;
}

/**
 * The text as it is drawn: tabs become spaces, other control characters vanish, and a
 * line that ends at a line break keeps a space at its end, so that text taken from the
 * PDF (copied, or read aloud from the structure tree) does not run "7" and "00-001"
 * of an address together; a line that wraps keeps its space anyway.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(/ *\n/g, "\n")
    .replace(/([^\n])\n/g, "$1 \n");
}

class Layout {
  private bookmark: PDFKit.PDFOutline | null = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly root: Struct,
  ) {}

  blocks(blocks: readonly OutlineBlock[]): void {
    for (const [index, block] of blocks.entries()) {
      switch (block.kind) {
        case "title":
          this.text(this.root, "H1", block.text, { font: "bold", size: 18 });
          this.space(6);
          break;
        case "heading": {
          const size = block.level === 2 ? 11.5 : 14;
          this.space(block.level === 2 ? 6 : 10);
          // Keep a heading with at least three lines of what follows.
          const next = blocks[index + 1];
          const keep = next && next.kind !== "heading" ? 3 * this.lineHeight("regular", body) : 0;
          this.ensure(this.height(block.text, "bold", size, contentWidth) + keep);
          this.bookmarkHeading(block.text, block.level);
          this.text(this.root, block.level === 2 ? "H3" : "H2", block.text, { font: "bold", size });
          this.space(3);
          break;
        }
        case "paragraph":
          this.text(this.root, "P", block.text, {
            font: block.strong ? "bold" : "regular",
            size: block.small ? small : body,
            color: block.small ? mutedColor : textColor,
          });
          this.space(5);
          break;
        case "list":
          this.list(block.items);
          this.space(5);
          break;
        case "fields":
          this.fields(block.rows);
          this.space(5);
          break;
        case "table":
          this.table(block);
          this.space(8);
          break;
      }
    }
  }

  // ------------------------------------------------------------ primitives

  private get bottom(): number {
    return this.doc.page.maxY();
  }

  /** Starts a new page unless `height` still fits on this one (and something is on it already). */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top) this.doc.addPage();
  }

  private space(height: number): void {
    if (this.doc.y <= this.doc.page.margins.top) return;
    this.doc.y = Math.min(this.doc.y + height, this.bottom);
  }

  private lineHeight(font: Font, size: number): number {
    return this.doc.font(font).fontSize(size).currentLineHeight(true) + lineGap;
  }

  private height(text: string, font: Font, size: number, width: number, gap = lineGap): number {
    return this.doc.font(font).fontSize(size).heightOfString(printable(text), { width, lineGap: gap });
  }

  /** Text drawn at x (default: the margin) from the cursor down, wrapped to `width`, flowing on to the next page. */
  private draw(text: string, style: { font: Font; size: number; color?: string }, x = margin, width = contentWidth, y = this.doc.y): void {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? textColor)
      .text(printable(text), x, y, { width, lineGap });
  }

  /** A structure element of `type` under `parent` whose content is the text. */
  private text(parent: Struct, type: string, text: string, style: { font: Font; size: number; color?: string }, x = margin, width = contentWidth): void {
    this.ensure(this.lineHeight(style.font, style.size));
    parent.add(this.doc.struct(type, {}, () => this.draw(text, style, x, width)));
  }

  /** Content that is not part of the document's text (PDF 1.7, 14.8.2.2): a reader skips it. */
  artifact(type: "Pagination" | "Layout", draw: () => void): void {
    this.doc.markContent("Artifact", { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.doc.endMarkedContent();
  }

  private rule(y: number, width: number, gray: string): void {
    this.artifact("Layout", () => {
      this.doc.save().strokeColor(gray).lineWidth(width).moveTo(margin, y).lineTo(pageWidth - margin, y).stroke().restore();
    });
  }

  private bookmarkHeading(text: string, level: 1 | 2): void {
    if (level === 1 || !this.bookmark) this.bookmark = this.doc.outline.addItem(text);
    else this.bookmark.addItem(text);
  }

  // ------------------------------------------------------------ blocks

  private list(items: readonly string[]): void {
    const list = this.doc.struct("L");
    this.root.add(list);
    for (const item of items) {
      this.ensure(this.lineHeight("regular", body));
      const top = this.doc.y;
      const li = this.doc.struct("LI");
      list.add(li);
      li.add(this.doc.struct("Lbl", {}, () => this.draw("•", { font: "regular", size: body }, margin + 3, bulletIndent - 3, top)));
      li.add(this.doc.struct("LBody", {}, () => this.draw(item, { font: "regular", size: body }, margin + bulletIndent, contentWidth - bulletIndent, top)));
      li.end();
    }
    list.end();
  }

  /** Label/value rows as a two-column table whose first column heads its row. */
  private fields(rows: ReadonlyArray<{ label: string; value: string }>): void {
    const valueX = margin + labelWidth + labelGap;
    const valueWidth = contentWidth - labelWidth - labelGap;
    const table = this.doc.struct("Table");
    this.root.add(table);
    for (const { label, value } of rows) {
      const text = value || "-";
      const height = Math.max(label ? this.height(label, "bold", body, labelWidth) : 0, this.height(text, "regular", body, valueWidth));
      // Short rows stay together; a long value may run on to the next page.
      this.ensure(Math.min(height, 4 * this.lineHeight("regular", body)));
      const top = this.doc.y;
      const page = this.doc.page;
      const tr = this.doc.struct("TR");
      table.add(tr);
      let labelBottom = top;
      if (label) {
        tr.add(
          this.doc.struct("TH", { scope: "Row" } as PDFKit.Mixins.StructureElementOptions, () => {
            this.draw(label, { font: "bold", size: body }, margin, labelWidth, top);
            labelBottom = this.doc.y;
          }),
        );
      }
      tr.add(this.doc.struct("TD", {}, () => this.draw(text, { font: "regular", size: body }, valueX, valueWidth, top)));
      tr.end();
      this.doc.x = margin;
      this.doc.y = (this.doc.page === page ? Math.max(labelBottom, this.doc.y) : this.doc.y) + 2;
    }
    table.end();
  }

  private table(block: Extract<OutlineBlock, { kind: "table" }>): void {
    const total = block.columns.reduce((sum, column) => sum + column.width, 0) || 1;
    const widths = block.columns.map((column) => (column.width / total) * contentWidth);
    const xs = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const rowHeight = (cells: readonly string[], font: Font) =>
      Math.max(this.lineHeight(font, tableSize), ...cells.map((cell, i) => this.height(cell, font, tableSize, widths[i] - cellGap, tableLineGap))) + 4;
    const headers = block.columns.map((column) => column.header);
    const headerHeight = rowHeight(headers, "bold");

    const table = this.doc.struct("Table");
    this.root.add(table);
    const drawRow = (cells: readonly string[], font: Font, into: ((i: number, draw: () => void) => void) | null) => {
      const top = this.doc.y;
      const page = this.doc.page;
      let bottom = top;
      cells.forEach((cell, i) => {
        const draw = () => {
          this.doc.font(font).fontSize(tableSize).fillColor(textColor).text(printable(cell), xs[i], top, { width: widths[i] - cellGap, lineGap: tableLineGap });
          if (this.doc.page === page) bottom = Math.max(bottom, this.doc.y);
          else bottom = this.doc.y;
        };
        if (into) into(i, draw);
        else this.artifact("Pagination", draw);
      });
      this.doc.x = margin;
      this.doc.y = bottom + 2;
    };
    // The header row in the structure once; on later pages it is repeated as an artifact.
    const header = (repeat: boolean) => {
      if (repeat) {
        drawRow(headers, "bold", null);
      } else {
        const tr = this.doc.struct("TR");
        table.add(tr);
        drawRow(headers, "bold", (_, draw) => tr.add(this.doc.struct("TH", { scope: "Column" } as PDFKit.Mixins.StructureElementOptions, draw)));
        tr.end();
      }
      this.rule(this.doc.y - 1, 0.8, "#333333");
      this.doc.y += 2;
    };

    this.ensure(headerHeight + this.lineHeight("regular", tableSize) + 6);
    header(false);
    for (const row of block.rows) {
      const height = rowHeight(row.cells, "regular");
      // A row that fits on a fresh page is not split: it starts one, under the header again.
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        header(true);
      }
      const tr = this.doc.struct("TR");
      table.add(tr);
      drawRow(row.cells, "regular", (_, draw) => tr.add(this.doc.struct("TD", {}, draw)));
      tr.end();
      this.rule(this.doc.y - 1, 0.4, "#bfbfbf");
      this.doc.y += 2;
    }
    table.end();
  }
}
