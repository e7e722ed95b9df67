import { randomBytes } from "node:crypto";
import { normaliseEmail } from "@/lib/auth/adapter";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { countSignInMail, isSignInMailLimited } from "@/lib/auth/sign-in-mail";
import { hashToken, invitationDays } from "@/lib/console/team";
import { withPlatform } from "@/lib/db/tenant-db";
import { ActionError } from "@/lib/action";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { statementTemplate } from "@/lib/policy/template";
import { createDraft } from "@/lib/policy/versions";
import { publicOrigin } from "@/lib/public-origin";

export interface SignupInput {
  companyName: string;
  slug: string;
  legalName: string;
  address: string;
  country: string;
  registrationNumber: string | null;
  contactEmail: string;
  adminEmail: string;
  locale?: Locale;
}

/** Who owns the new tenant: a new user at once, or an existing one once they accept the invitation. */
export type SignupOutcome = { tenantId: string; owner: "new"; userId: string } | { tenantId: string; owner: "invited"; invitationToken: string };

/**
 * Creates a tenant with a draft statement from Inzage's template. A new address becomes
 * its owner. An address that already belongs to a user is only invited as owner: anyone
 * can type anyone's address here, and nobody becomes owner of a company, or has it
 * listed in their console, without accepting. Runs across tenants (the slug must be
 * unique platform-wide).
 */
export async function createTenant(input: SignupInput): Promise<SignupOutcome> {
  return withPlatform(async (tx): Promise<SignupOutcome> => {
    const tenant = await tx.tenant.create({
      data: {
        slug: input.slug,
        name: input.companyName,
        legalName: input.legalName,
        address: input.address,
        country: input.country,
        registrationNumber: input.registrationNumber,
        contactEmail: input.contactEmail,
        // No lead authority until the company chooses one: the statement names none it did not declare.
        leadAuthorityId: null,
      },
    });
    await createDraft(tx, tenant.id, statementTemplate({ name: input.companyName, contactEmail: input.contactEmail }));
    const email = normaliseEmail(input.adminEmail);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      const invitationToken = randomBytes(24).toString("base64url");
      await tx.invitation.create({
        data: { tenantId: tenant.id, email, role: "OWNER", tokenHash: hashToken(invitationToken), expiresAt: new Date(Date.now() + invitationDays * 86_400_000) },
      });
      return { tenantId: tenant.id, owner: "invited", invitationToken };
    }
    const user = await tx.user.create({ data: { email, ...(input.locale ? { locale: input.locale } : {}) } });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "OWNER" } });
    return { tenantId: tenant.id, owner: "new", userId: user.id };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new ActionError("slugTaken", "slug");
    throw error;
  });
}

/**
 * The sign-up form: creates the tenant and mails its owner, a new one a sign-in link and
 * an existing user an invitation to accept. Both mails count against the sign-in mail
 * limits of the address and the client (countSignInMail); the invitation's are counted
 * before the tenant is made, so a refused sign-up leaves nothing behind. Neither mail
 * names the company: its name is whatever the person signing up typed, and the mail may
 * reach someone who never asked for it (the invitation page shows it, on Inzage's site).
 */
export async function signUp(input: SignupInput & { locale: Locale }, ip: string | null): Promise<SignupOutcome> {
  const email = normaliseEmail(input.adminEmail);
  if (await userExists(email)) await countSignInMail(email, ip).catch(refuseLimited);
  const outcome = await createTenant(input);
  if (outcome.owner === "new") {
    await requestSignInLink(email, input.locale, `/${input.locale}/admin`);
    return outcome;
  }
  const t = translator(input.locale);
  await sendMail({
    to: email,
    tenantId: outcome.tenantId,
    subject: t("Mail.ownerInvitation.subject"),
    ...composeMail({
      paragraphs: [t("Mail.ownerInvitation.body"), t("Mail.invitation.expiry", { days: invitationDays }), t("Mail.ownerInvitation.ignore")],
      action: { label: t("Mail.invitation.action"), url: `${publicOrigin()}/${input.locale}/invite/${outcome.invitationToken}` },
      footer: t("Mail.footer"),
    }),
  });
  return outcome;
}

async function userExists(email: string): Promise<boolean> {
  return (await withPlatform((tx) => tx.user.count({ where: { email } }))) > 0;
}

function refuseLimited(error: unknown): never {
  if (isSignInMailLimited(error)) throw new ActionError("rateLimited");
  throw error;
}

export async function slugTaken(slug: string): Promise<boolean> {
  return (await withPlatform((tx) => tx.tenant.count({ where: { slug } }))) > 0;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
