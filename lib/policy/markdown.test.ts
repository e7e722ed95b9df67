import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

/** What an HTML string would run or load in a browser: dangerous elements, event handlers, script URLs. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (["script", "iframe", "svg", "img", "style", "object", "embed", "form", "math"].includes(name)) found.push(`<${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute.startsWith("on") || attribute === "style") found.push(`${name}[${attribute}]`);
        if (["href", "src", "action"].includes(attribute) && !/^(https?:|mailto:|tel:|#|\/)/i.test(value.trim())) {
          found.push(`${name}[${attribute}=${value}]`);
        }
      }
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

const payloads = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"></svg>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<iframe src=https://evil.example></iframe>",
  '"><script>alert(1)</script>',
  "![img](x\" onerror=\"alert(1))",
  "<style>body{display:none}</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
];

describe("renderMarkdown", () => {
  it("renders the markdown a statement needs", () => {
    const html = renderMarkdown("Some **bold** text and a [link](https://example.com).\n\n- one\n- two");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer">link</a>');
    expect(html).toContain("<ul>");
  });

  it.each(payloads)("no script survives: %s", (payload) => {
    expect(activeContent(renderMarkdown(payload))).toEqual([]);
  });

  it("the checker itself sees active content", () => {
    expect(activeContent('<a href="javascript:x" onclick="y">z</a><script></script>')).toHaveLength(3);
  });

  it("keeps mailto links", () => {
    expect(renderMarkdown("[mail](mailto:privacy@example.com)")).toContain('href="mailto:privacy@example.com"');
  });
});
