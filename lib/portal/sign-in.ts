import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Tenant } from "@/generated/prisma/client";
import { enforceLimits, hit, limits } from "@/lib/rate-limit";
import { withTenant } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { siteOrigin } from "@/lib/public-origin";
import { tenantPath } from "@/lib/tenant-host";

/**
 * Signing in to a tenant's portal: a six-digit code and a link, mailed together. Both
 * are valid for ten minutes and once (using one uses the other). Only the newest code
 * of an address counts, so a guess is compared with one code, never several; typed
 * codes are limited per address (known or not) and per client, and a stranger who
 * uses those tries up blocks only typing codes: the link in the mail is unguessable
 * and keeps working. README "The portal and the tenant API" has the arithmetic. Only
 * hashes are stored. Everything is per tenant: a code is hashed with the tenant's id,
 * and a sign-in of tenant A does not exist at tenant B.
 *
 * An address the tenant does not know gets exactly the same answer on the page and no
 * mail at all: the portal is for people the tenant already holds data on (its systems
 * create subjects through the API), and a sign-in must not create one. The page tells
 * everyone who gets no code that they can still file a request without an account.
 */

export const signInMinutes = 10;

type TenantRef = Pick<Tenant, "id" | "slug" | "name">;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const hashCode = (tenantId: string, email: string, code: string) => sha256(`${tenantId}:${email.toLowerCase()}:${code}`);
export const hashLink = (token: string) => sha256(`portal-link:${token}`);

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface IssuedSignIn {
  code: string;
  token: string;
}

/** Creates a sign-in for a known address; null (and nothing stored) for an unknown one. */
export async function issuePortalSignIn(tenant: TenantRef, email: string, now = new Date()): Promise<IssuedSignIn | null> {
  const address = email.trim().toLowerCase();
  return withTenant(tenant.id, async (tx) => {
    const subject = await tx.subject.findFirst({ where: { tenantId: tenant.id, email: address }, select: { id: true } });
    if (!subject) return null;
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const token = randomBytes(32).toString("base64url");
    await tx.subjectSignIn.create({
      data: {
        tenantId: tenant.id,
        email: address,
        codeHash: hashCode(tenant.id, address, code),
        linkHash: hashLink(token),
        expiresAt: new Date(now.getTime() + signInMinutes * 60_000),
        createdAt: now,
      },
    });
    return { code, token };
  });
}

/**
 * The sign-in form's request: mails a code and link to a known address; the caller
 * answers the same either way. Refused (ActionError "rateLimited") once the address has
 * had limits.portalCodePerAddress mails at this tenant, counted before the address is
 * looked up so that known and unknown addresses get the same answers. Asked on the tenant's
 * own host, the link leads there too, where the portal's cookie then applies.
 */
export async function requestPortalSignIn(tenant: TenantRef, email: string, locale: Locale, onTenantHost = false): Promise<void> {
  await enforceLimits([[limits.portalCodePerAddress, `${tenant.id}:${email.trim().toLowerCase()}`]]);
  const issued = await issuePortalSignIn(tenant, email);
  if (!issued) return;
  const t = translator(locale);
  const site = siteOrigin(onTenantHost ? tenant.slug : null);
  const link = `${site}${tenantPath(locale, tenant.slug, "/portal/signin", onTenantHost)}?token=${issued.token}`;
  await sendMail({
    to: email.trim().toLowerCase(),
    tenantId: tenant.id,
    subject: t("PortalMail.signIn.subject", { company: tenant.name }),
    ...composeMail({
      paragraphs: [
        t("PortalMail.signIn.code", { company: tenant.name, code: issued.code }),
        t("PortalMail.signIn.body", { minutes: signInMinutes }),
        t("PortalMail.signIn.ignore"),
      ],
      action: { label: t("PortalMail.signIn.action"), url: link },
      footer: t("PortalMail.footer", { company: tenant.name }),
    }),
  });
}

export type CodeCheck = { subjectId: string } | { subjectId: null; triesLeft: number };

/**
 * Checks a typed code against the newest sign-in of the address, which it uses up when
 * it matches. Every try counts against the address's tries (limits.portalCodeTriesPerAddress
 * and …Daily), whether or not the tenant knows it; once they are used up no code is
 * compared at all. Any failure (wrong, expired, used, superseded by a newer code, unknown
 * address) gives the same answer with the same tries left, so it reveals nothing.
 */
export async function verifyPortalCode(tenant: Pick<Tenant, "id">, email: string, code: string, now = new Date()): Promise<CodeCheck> {
  const address = email.trim().toLowerCase();
  const key = `${tenant.id}:${address}`;
  const counted = [await hit(limits.portalCodeTriesPerAddress, key, now.getTime()), await hit(limits.portalCodeTriesPerAddressDaily, key, now.getTime())];
  const refused = { subjectId: null, triesLeft: Math.min(...counted.map((result) => result.remaining)) };
  if (!counted.every((result) => result.allowed)) return { subjectId: null, triesLeft: 0 };
  const typed = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(typed)) return refused;
  const hash = hashCode(tenant.id, address, typed);
  const subjectId = await withTenant(tenant.id, async (tx) => {
    const newest = await tx.subjectSignIn.findFirst({
      where: { tenantId: tenant.id, email: address },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, codeHash: true, usedAt: true, expiresAt: true },
    });
    if (!newest || newest.usedAt || newest.expiresAt <= now) return null;
    const match = sameHash(newest.codeHash, hash);
    const { count } = await tx.subjectSignIn.updateMany({
      where: { id: newest.id, tenantId: tenant.id, usedAt: null },
      data: match ? { attempts: { increment: 1 }, usedAt: now } : { attempts: { increment: 1 } },
    });
    if (!match || count !== 1) return null;
    const subject = await tx.subject.findFirst({ where: { tenantId: tenant.id, email: address }, select: { id: true } });
    return subject?.id ?? null;
  });
  return subjectId ? { subjectId } : refused;
}

/** Uses the link from the mail: once and within ten minutes; wrong codes typed meanwhile do not end it. */
export async function verifyPortalLink(tenant: Pick<Tenant, "id">, token: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  return withTenant(tenant.id, async (tx) => {
    const used = await tx.subjectSignIn.updateManyAndReturn({
      where: { tenantId: tenant.id, linkHash: hashLink(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { email: true },
    });
    if (used.length !== 1) return null;
    const subject = await tx.subject.findFirst({ where: { tenantId: tenant.id, email: used[0].email }, select: { id: true } });
    return subject?.id ?? null;
  });
}

/** Whether a link is still usable, to show the page behind it without using it up. */
export async function portalLinkUsable(tenant: Pick<Tenant, "id">, token: string, now = new Date()): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const found = await withTenant(tenant.id, (tx) =>
    tx.subjectSignIn.findFirst({
      where: { tenantId: tenant.id, linkHash: hashLink(token), usedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    }),
  );
  return found !== null;
}
