import { cookies } from "next/headers";
import { answerDownloadFile, answerGrantCookie } from "@/lib/export/answer-download";
import { translator } from "@/lib/i18n/messages";
import { attachmentResponse } from "@/lib/requests/attachments";
import { findTenantBySlug } from "@/lib/tenants";
import { locale as localeField } from "@/lib/validation";

/**
 * The file of an access answer behind its mailed link, for the browser that confirmed
 * the address (lib/export/answer-download.ts): 404 for a link this tenant does not
 * have, 410 once it expired, 403 before the address is confirmed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const url = new URL(request.url);
  const locale = localeField.safeParse(url.searchParams.get("locale")).data ?? "nl";
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const t = translator(locale);
  const tenant = await findTenantBySlug(slug);
  const token = (url.searchParams.get("token") ?? "").slice(0, 200);
  const answer = tenant ? await answerDownloadFile(tenant, token, (await cookies()).get(answerGrantCookie)?.value) : ({ status: 404 } as const);
  if (answer.status === 200) return attachmentResponse(answer.attachment);
  if (answer.status === 410) return plain(410, t("AccessInfo.download.gone"));
  if (answer.status === 403) return plain(403, t("AccessInfo.download.confirmFirst"));
  return plain(404, t("AccessInfo.download.notFoundBody"));
}
