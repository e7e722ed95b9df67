import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { DataRequest, RequestAttachment, Tenant } from "@/generated/prisma/client";
import { ActionError } from "@/lib/action";
import { withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import { hit, limits } from "@/lib/rate-limit";
import { tenantPath } from "@/lib/tenant-host";

/**
 * The copy of an access answer (art. 15(3)) for a requester without a portal account.
 * Completing the request mails a link (256 random bits, stored as a hash) that works for
 * `linkDays`. Opening it hands over nothing yet: the person asks for a fresh six-digit
 * code, mailed to the same address, and types it on that page (art. 12(6): the
 * controller may make sure the copy reaches the person it concerns, and a link can be
 * forwarded or leak in the days it lives). A right code gives that browser a grant (a
 * cookie, stored as a hash) for `grantMinutes`, with which it downloads the file. Only the
 * newest code counts, for `codeMinutes`; a link takes `maxTries` wrong codes in all.
 * Everything is looked up within the tenant of the page (withTenant), so another
 * tenant's link finds nothing.
 */

export const linkDays = 7;
export const codeMinutes = 10;
export const maxTries = 10;
export const grantMinutes = 60;
export const answerGrantCookie = "inzage_answer";

type TenantRef = Pick<Tenant, "id" | "slug" | "name">;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const hashLink = (token: string) => sha256(`answer-link:${token}`);
const hashGrant = (grant: string) => sha256(`answer-grant:${grant}`);
const hashCode = (downloadId: string, code: string) => sha256(`answer-code:${downloadId}:${code}`);
const sameHash = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The address shown on the page: enough to recognise, not to learn it (a link can leak). */
export function maskAddress(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "…";
  return `${local.slice(0, 1)}…@${domain}`;
}

/** Makes the link for an attachment; called by the completion of an access request, inside its transaction. */
export async function createAnswerDownload(tx: TenantTx, tenantId: string, attachmentId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + linkDays * 86_400_000);
  await tx.answerDownload.create({ data: { tenantId, attachmentId, tokenHash: hashLink(token), expiresAt, createdAt: now } });
  return { token, expiresAt };
}

export function answerDownloadUrl(tenant: Pick<Tenant, "slug">, locale: Locale, token: string): string {
  return `${publicOrigin()}${tenantPath(locale, tenant.slug, `/answer?token=${token}`)}`;
}

type Found = {
  download: { id: string; expiresAt: Date; codeHash: string | null; codeExpiresAt: Date | null; codeTries: number; grantHash: string | null; grantExpiresAt: Date | null };
  attachment: Pick<RequestAttachment, "id" | "filename" | "requestId">;
  request: Pick<DataRequest, "id" | "reference" | "requesterEmail" | "locale" | "subjectId" | "closedAt">;
};

async function findDownload(tx: TenantTx, tenantId: string, token: string): Promise<Found | null> {
  if (!token || token.length > 100) return null;
  const download = await tx.answerDownload.findFirst({
    where: { tenantId, tokenHash: hashLink(token) },
    include: { attachment: { select: { id: true, filename: true, requestId: true } } },
  });
  if (!download) return null;
  const request = await tx.dataRequest.findFirst({
    where: { tenantId, id: download.attachment.requestId },
    select: { id: true, reference: true, requesterEmail: true, locale: true, subjectId: true, closedAt: true },
  });
  // After an erasure the address is gone: there is nobody to confirm, and nothing to hand over.
  if (!request?.requesterEmail) return null;
  const { attachment, ...rest } = download;
  return { download: rest, attachment, request };
}

export type AnswerDownloadState =
  | { kind: "unknown" }
  | { kind: "expired" }
  | { kind: "confirm"; reference: string; maskedEmail: string; codeSent: boolean; expiresAt: Date }
  | { kind: "ready"; reference: string; filename: string; expiresAt: Date; subjectId: string | null; answeredAt: Date | null };

const granted = (found: Found, grant: string | undefined, now: Date) =>
  !!grant && !!found.download.grantHash && !!found.download.grantExpiresAt && found.download.grantExpiresAt > now && sameHash(found.download.grantHash, hashGrant(grant));

/** What the page behind the link shows: nothing (unknown, another tenant's), expired, the confirmation, or the download. */
export async function answerDownloadState(tenant: TenantRef, token: string, grant: string | undefined, now = new Date()): Promise<AnswerDownloadState> {
  return withTenant(tenant.id, async (tx) => {
    const found = await findDownload(tx, tenant.id, token);
    if (!found) return { kind: "unknown" };
    if (found.download.expiresAt <= now) return { kind: "expired" };
    if (granted(found, grant, now)) {
      return { kind: "ready", reference: found.request.reference, filename: found.attachment.filename, expiresAt: found.download.expiresAt, subjectId: found.request.subjectId, answeredAt: found.request.closedAt };
    }
    const codeSent = !!found.download.codeHash && !!found.download.codeExpiresAt && found.download.codeExpiresAt > now;
    return { kind: "confirm", reference: found.request.reference, maskedEmail: maskAddress(found.request.requesterEmail!), codeSent, expiresAt: found.download.expiresAt };
  });
}

/** Mails a fresh code to the request's address (the newest one alone counts). Refuses an unknown or expired link. */
export async function sendAnswerCode(tenant: TenantRef, token: string, now = new Date()): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const found = await withTenant(tenant.id, async (tx) => {
    const found = await findDownload(tx, tenant.id, token);
    if (!found || found.download.expiresAt <= now || found.download.codeTries >= maxTries) return null;
    return found;
  });
  if (!found) throw new ActionError("linkInvalid");
  // At most a few mails per link in a code's life: nobody fills the mailbox through a leaked link.
  if (!(await hit(limits.answerCodePerLink, found.download.id, now.getTime())).allowed) throw new ActionError("rateLimited");
  await withTenant(tenant.id, (tx) =>
    tx.answerDownload.updateMany({
      where: { tenantId: tenant.id, id: found.download.id },
      data: { codeHash: hashCode(found.download.id, code), codeExpiresAt: new Date(now.getTime() + codeMinutes * 60_000) },
    }),
  );
  const locale: Locale = found.request.locale === "en" ? "en" : "nl";
  const t = translator(locale);
  await sendMail({
    to: found.request.requesterEmail!,
    tenantId: tenant.id,
    subject: t("AccessInfo.download.codeMail.subject", { company: tenant.name }),
    ...composeMail({
      paragraphs: [t("AccessInfo.download.codeMail.body", { reference: found.request.reference, code }), t("AccessInfo.download.codeMail.ignore")],
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

/**
 * Checks a typed code; a right one returns the grant for this browser's cookie. Wrong
 * codes count against the link (maxTries in all); a used code is gone.
 */
export async function confirmAnswerCode(tenant: TenantRef, token: string, typed: string, now = new Date()): Promise<{ grant: string; expiresAt: Date }> {
  return withTenant(tenant.id, async (tx) => {
    const found = await findDownload(tx, tenant.id, token);
    if (!found || found.download.expiresAt <= now) throw new ActionError("linkInvalid");
    const { download } = found;
    if (download.codeTries >= maxTries || !download.codeHash || !download.codeExpiresAt || download.codeExpiresAt <= now) {
      throw new ActionError("signInCode", "code");
    }
    if (!/^\d{6}$/.test(typed) || !sameHash(download.codeHash, hashCode(download.id, typed))) {
      await tx.answerDownload.updateMany({ where: { tenantId: tenant.id, id: download.id }, data: { codeTries: { increment: 1 } } });
      throw new ActionError("signInCode", "code");
    }
    const grant = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Math.min(now.getTime() + grantMinutes * 60_000, download.expiresAt.getTime()));
    await tx.answerDownload.updateMany({
      where: { tenantId: tenant.id, id: download.id },
      data: { codeHash: null, codeExpiresAt: null, grantHash: hashGrant(grant), grantExpiresAt: expiresAt },
    });
    return { grant, expiresAt };
  });
}

export type AnswerFile =
  | { status: 200; attachment: RequestAttachment }
  /** 404: no such link here; 410: expired; 403: the address is not confirmed in this browser. */
  | { status: 404 | 410 | 403 };

/** The file behind the link, for the browser that confirmed the address. */
export async function answerDownloadFile(tenant: TenantRef, token: string, grant: string | undefined, now = new Date()): Promise<AnswerFile> {
  return withTenant(tenant.id, async (tx) => {
    const found = await findDownload(tx, tenant.id, token);
    if (!found) return { status: 404 };
    if (found.download.expiresAt <= now) return { status: 410 };
    if (!granted(found, grant, now)) return { status: 403 };
    const attachment = await tx.requestAttachment.findFirst({ where: { tenantId: tenant.id, id: found.attachment.id } });
    if (!attachment) return { status: 404 };
    await tx.answerDownload.updateMany({ where: { tenantId: tenant.id, id: found.download.id }, data: { downloadedAt: now } });
    return { status: 200, attachment };
  });
}
