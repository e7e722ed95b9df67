/** The name of an export archive: inzage-<slug>-<yyyy-mm-dd>.zip, the date in Amsterdam. */
export function exportFileName(slug: string, at: Date): string {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return `inzage-${slug}-${date}.zip`;
}
