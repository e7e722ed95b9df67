import type { Locale } from "@/lib/policy/content";

/** Where the complaint dossier is: the printable page (in the shape the visitor uses), the PDF and the JSON. */
export function complaintLinks(slug: string, href: (subPath?: string) => string, locale: Locale, country: string | null) {
  const query = (params: Record<string, string>) => {
    const search = new URLSearchParams(params).toString();
    return search ? `?${search}` : "";
  };
  const withCountry: Record<string, string> = country ? { country } : {};
  const api = `/api/t/${slug}/portal/complain`;
  return {
    page: `${href("/portal/complain/dossier")}${query(withCountry)}`,
    pdf: `${api}/dossier.pdf${query({ locale, ...withCountry })}`,
    json: `${api}/dossier.json${query(withCountry)}`,
  };
}
