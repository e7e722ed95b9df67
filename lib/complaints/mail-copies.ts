import { withTenant } from "@/lib/db/tenant-db";

/**
 * Copies of the mails Inzage sends a requester about a request (receipt, status
 * changes, messages, extension, rejection, erasure confirmation), kept with the request
 * so that the complaint dossier can show what the person was told and when (GDPR art.
 * 77: the authority asks what the controller answered). With SMTP configured nothing
 * else keeps them. The text is the requester's personal data: an erasure removes the
 * copies with the request's other texts.
 */

export interface MailCopy {
  subject: string;
  text: string;
}

/**
 * The copy keeps no credential: a link's token (the confirmation link of a request made
 * without an account opens that request) is stored only as a hash, and so is left out.
 */
export function withoutTokens(text: string): string {
  return text.replace(/([?&]token=)[^\s&"'<>]+/g, "$1…");
}

/** Keeps a copy of a mail sent about the tenant's request with this reference; nothing when there is no such request. */
export async function keepMailCopy(tenantId: string, reference: string, mail: MailCopy, sentAt = new Date()): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    const request = await tx.dataRequest.findFirst({ where: { tenantId, reference }, select: { id: true } });
    if (!request) return;
    await tx.requestMail.create({ data: { tenantId, requestId: request.id, subject: mail.subject, text: withoutTokens(mail.text), sentAt } });
  });
}
