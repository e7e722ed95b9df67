import type { DataRequest, Tenant } from "@/generated/prisma/client";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { createId } from "@/lib/ids";
import type { Translator } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/policy/content";
import { answerDownloadUrl, createAnswerDownload } from "./answer-download";
import { exportFileName } from "./file-name";
import { ExportSubjectNotFound, subjectExportStream } from "./stream";

/**
 * What completing an access or portability request hands over (art. 15, 20), for
 * completeRequest in lib/requests/admin.ts:
 *
 * - the person's export as of that moment, attached to the request; with it the art.
 *   15(1)(a)–(h) and 15(2) information (data.json and summary.html, and the request's
 *   pages, from lib/export/access-information.ts);
 * - when the tenant holds nothing on the address (no subject, no records, no other
 *   request), no empty archive but the plain answer that no personal data is held
 *   (`DataRequest.nothingHeld`, said in the mail and on the request's pages);
 * - for a request not filed in the portal, a link that expires (lib/export/answer-download.ts)
 *   instead of a portal account the requester may not have.
 */

type TenantRef = Pick<Tenant, "id" | "slug" | "name" | "hashSalt">;
type AnsweredRequest = Pick<DataRequest, "id" | "type" | "subjectId" | "requesterEmail" | "requesterEmailHash" | "channel">;

/** Types whose completion hands over the person's data. */
export const answerTypes = new Set<DataRequest["type"]>(["ACCESS", "PORTABILITY"]);

export interface AccessAnswer {
  archive: { filename: string; data: Buffer } | null;
  nothingHeld: boolean;
}

/**
 * Art. 15: the tenant holds nothing on the address when no person of the tenant has it
 * and no request but this one came from it (the request itself is the one thing held,
 * and it is the question). Records always belong to a subject, so no subject means no records.
 */
async function holdsNothing(tx: TenantTx, tenantId: string, request: AnsweredRequest): Promise<boolean> {
  if (request.subjectId) return false;
  if (!request.requesterEmail) return false;
  const [subject, otherRequest] = await Promise.all([
    tx.subject.findFirst({ where: { tenantId, email: { equals: request.requesterEmail, mode: "insensitive" } }, select: { id: true } }),
    tx.dataRequest.findFirst({ where: { tenantId, requesterEmailHash: request.requesterEmailHash, id: { not: request.id } }, select: { id: true } }),
  ]);
  return !subject && !otherRequest;
}

/** Builds the answer before the completing transaction (the export streams in its own short transactions). */
export async function prepareAccessAnswer(tenant: TenantRef, request: AnsweredRequest, now: Date): Promise<AccessAnswer | null> {
  if (!answerTypes.has(request.type)) return null;
  if (!request.subjectId) {
    const nothingHeld = await withTenant(tenant.id, (tx) => holdsNothing(tx, tenant.id, request));
    return { archive: null, nothingHeld: request.type === "ACCESS" && nothingHeld };
  }
  const subject = await withTenant(tenant.id, (tx) => tx.subject.findFirst({ where: { tenantId: tenant.id, id: request.subjectId! }, select: { preferredLocale: true } }));
  const locale: Locale = subject?.preferredLocale === "en" ? "en" : "nl";
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await subjectExportStream(tenant.id, request.subjectId, locale, { now })) chunks.push(chunk as Buffer);
    return { archive: { filename: exportFileName(tenant.slug, now), data: Buffer.concat(chunks) }, nothingHeld: false };
  } catch (error) {
    if (!(error instanceof ExportSubjectNotFound)) throw error;
    return { archive: null, nothingHeld: false };
  }
}

/** What the completion mail adds: where the copy is, or that nothing is held. */
export interface AnswerNotice {
  attachmentId: string | null;
  nothingHeld: boolean;
  link: { token: string; expiresAt: Date } | null;
}

/** Stores the answer inside the completing transaction: the attachment, its link, or the "nothing held" mark. */
export async function storeAccessAnswer(tx: TenantTx, tenantId: string, request: AnsweredRequest, answer: AccessAnswer, now: Date): Promise<AnswerNotice> {
  if (answer.nothingHeld) {
    await tx.dataRequest.updateMany({ where: { tenantId, id: request.id }, data: { nothingHeld: true } });
    return { attachmentId: null, nothingHeld: true, link: null };
  }
  if (!answer.archive) return { attachmentId: null, nothingHeld: false, link: null };
  const attachmentId = createId();
  // Plain SQL with the bytes as base64: the embedded database's driver adapter does not take Prisma's Bytes.
  await tx.$executeRaw`
    INSERT INTO "RequestAttachment" ("id", "tenantId", "requestId", "filename", "contentType", "size", "data", "createdAt")
    VALUES (${attachmentId}, ${tenantId}, ${request.id}, ${answer.archive.filename}, 'application/zip', ${answer.archive.data.length}, decode(${answer.archive.data.toString("base64")}, 'base64'), ${now.toISOString()}::timestamp)`;
  // A request filed in the portal is answered in the portal; any other gets the expiring link.
  const link = request.channel === "portal" ? null : await createAnswerDownload(tx, tenantId, attachmentId, now);
  return { attachmentId, nothingHeld: false, link };
}

/** The completion mail's paragraphs about the answer, in the requester's language. */
export function answerParagraphs(tenant: Pick<Tenant, "slug" | "name" | "timeZone">, requesterEmail: string | null, notice: AnswerNotice) {
  return (t: Translator, locale: Locale): string[] => {
    const company = tenant.name;
    if (notice.nothingHeld) return [t("AccessInfo.nothingHeld", { company, email: requesterEmail ?? "" })];
    if (!notice.attachmentId) return [];
    const where = notice.link
      ? t("AccessInfo.mail.link", {
          url: answerDownloadUrl(tenant, locale, notice.link.token),
          date: new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: tenant.timeZone }).format(notice.link.expiresAt),
        })
      : t("AccessInfo.mail.portal", { company });
    return [where, t("AccessInfo.mail.info", { company })];
  };
}
