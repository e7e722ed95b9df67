import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in the source is shown as text, never interpreted; the sanitiser below is a
// second line that keeps only the tags markdown itself produces.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const allowedSchemes = ["http", "https", "mailto", "tel"];

export function renderMarkdown(source: string): string {
  const html = markdown.render(source);
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td"],
    allowedAttributes: { a: ["href", "title", "rel"], th: ["scope"], ol: ["start"] },
    allowedSchemes,
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    transformTags: {
      h1: "h3",
      h2: "h3",
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "nofollow noopener noreferrer" } }),
    },
  });
}
