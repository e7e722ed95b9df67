/** Wraps a mail's paragraphs and one optional button link into text and HTML versions. */
export function composeMail(parts: { greeting?: string; paragraphs: string[]; action?: { label: string; url: string }; footer: string }) {
  const text = [
    parts.greeting,
    ...parts.paragraphs,
    parts.action ? `${parts.action.label}: ${parts.action.url}` : undefined,
    "--",
    parts.footer,
  ]
    .filter(Boolean)
    .join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:36rem">
${parts.greeting ? `<p>${escapeHtml(parts.greeting)}</p>` : ""}
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${parts.action ? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#1e3a8a;color:#fff;text-decoration:none;border-radius:.25rem">${escapeHtml(parts.action.label)}</a></p><p style="font-size:.85rem;color:#4b5563">${escapeHtml(parts.action.url)}</p>` : ""}
<hr><p style="font-size:.85rem;color:#4b5563">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { text, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
