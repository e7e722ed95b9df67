import { execFileSync } from "node:child_process";

/**
 * What a reader gets out of a PDF, by Debian's poppler-utils (`apt-get install
 * poppler-utils`; .ci/run installs it): the text as pdftotext extracts it, the
 * document information and the structure tree (tagged PDF) with its text.
 */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** pdfinfo's fields, e.g. { Title: "…", Tagged: "yes", Pages: "3", "PDF version": "1.7" }. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-enc", "UTF-8", "-"], { input: pdf, encoding: "utf8" });
  const fields: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]] = match[2];
  }
  return fields;
}

export interface StructElement {
  type: string;
  /** The element's own text (its marked content), whitespace collapsed. */
  text: string;
  depth: number;
}

/** The structure tree in reading order, as `pdfinfo -struct-text` prints it. */
export function pdfStructure(pdf: Uint8Array): StructElement[] {
  const out = execFileSync("pdfinfo", ["-struct-text", "-"], { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const elements: StructElement[] = [];
  for (const line of out.split("\n")) {
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (!content || content.startsWith("/")) continue;
    if (content.startsWith('"')) {
      const owner = elements.at(-1);
      if (owner) owner.text = collapse(`${owner.text} ${content.slice(1, content.endsWith('"') ? -1 : undefined)}`);
    } else {
      elements.push({ type: content.replace(/[:\s].*$/, ""), text: "", depth: indent / 2 });
    }
  }
  return elements;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
