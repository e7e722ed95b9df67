import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action";
import { auditByUser, recordAudit } from "@/lib/audit";
import { normaliseEmail } from "@/lib/auth/adapter";
import { canAssignRole } from "@/lib/auth/permissions";
import { withPlatform, withTenant, type TenantTx } from "@/lib/db/tenant-db";
import { translator } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail/layout";
import { sendMail } from "@/lib/mail/send";
import type { Locale } from "@/lib/policy/content";
import { publicOrigin } from "@/lib/public-origin";
import type { ConsoleContext } from "./context";

/** The team of a tenant: members with roles, and invitations by e-mail. */

export const invitationDays = 7;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listTeam(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const [members, invitations] = await Promise.all([
      tx.membership.findMany({
        where: { tenantId },
        include: { user: { select: { email: true } } },
        orderBy: { createdAt: "asc" },
      }),
      tx.invitation.findMany({
        where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
      }),
    ]);
    return {
      members: members.map((m) => ({ id: m.id, userId: m.userId, email: m.user.email, role: m.role })),
      invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt })),
    };
  });
}

export async function inviteMember(context: ConsoleContext, input: { email: string; role: Role; locale: Locale }): Promise<void> {
  if (!canAssignRole(context.role, null, input.role)) throw new ActionError("forbidden", "role");
  const email = normaliseEmail(input.email);
  const tenantId = context.tenant.id;
  const token = randomBytes(24).toString("base64url");
  await withTenant(tenantId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { tenantId, user: { email } } });
    if (member) throw new ActionError("alreadyMember", "email");
    await tx.invitation.updateMany({ where: { tenantId, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await auditByUser(tx, context, { action: "team.invited", targetType: "invitation", details: { email, role: input.role } });
    await tx.invitation.create({
      data: {
        tenantId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: context.user.id,
        expiresAt: new Date(Date.now() + invitationDays * 24 * 60 * 60 * 1000),
      },
    });
  });
  const t = translator(input.locale);
  await sendMail({
    to: email,
    tenantId,
    // The subject names no company: its name is whatever its sign-up typed, and this may reach someone who never asked.
    subject: t("Mail.invitation.subject"),
    ...composeMail({
      paragraphs: [
        t("Mail.invitation.body", { inviter: context.user.email, company: context.tenant.name, role: t(`Console.roles.${input.role}`) }),
        t("Mail.invitation.expiry", { days: invitationDays }),
      ],
      action: { label: t("Mail.invitation.action"), url: `${publicOrigin()}/${input.locale}/invite/${token}` },
      footer: t("Mail.footer"),
    }),
  });
}

export async function revokeInvitation(context: ConsoleContext, invitationId: string): Promise<void> {
  await withTenant(context.tenant.id, async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, tenantId: context.tenant.id, acceptedAt: null } });
    if (!invitation) throw new ActionError("notFound");
    if (!canAssignRole(context.role, null, invitation.role)) throw new ActionError("forbidden");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await auditByUser(tx, context, { action: "team.invitation_revoked", targetType: "invitation", targetId: invitation.id, details: { email: invitation.email } });
  });
}

/** Gives a member another role, or removes them (role null). A tenant always keeps an owner. */
export async function changeMember(context: ConsoleContext, membershipId: string, role: Role | null): Promise<void> {
  const tenantId = context.tenant.id;
  await withTenant(tenantId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, tenantId } });
    if (!member) throw new ActionError("notFound");
    if (!canAssignRole(context.role, member.role, role)) throw new ActionError("forbidden");
    if (member.role === "OWNER" && role !== "OWNER") await ensureAnotherOwner(tx, tenantId, member.id);
    if (role) await tx.membership.update({ where: { id: member.id }, data: { role } });
    else await tx.membership.delete({ where: { id: member.id } });
    await auditByUser(tx, context, {
      action: role ? "team.role_changed" : "team.member_removed",
      targetType: "membership",
      targetId: member.id,
      details: { userId: member.userId, from: member.role, to: role },
    });
  });
}

async function ensureAnotherOwner(tx: TenantTx, tenantId: string, leavingId: string): Promise<void> {
  // Lock the owners so two demotions at once cannot both see the other owner.
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "tenantId" = ${tenantId} AND role = 'OWNER' FOR UPDATE`;
  const others = await tx.membership.count({ where: { tenantId, role: "OWNER", id: { not: leavingId } } });
  if (others === 0) throw new ActionError("lastOwner");
}

export type InvitationLookup =
  | { state: "valid"; id: string; tenantId: string; tenantName: string; email: string; role: Role }
  | { state: "invalid" };

/** An invitation by the token from its link. Looked up across tenants: the token is all the visitor has. */
export async function findInvitation(token: string): Promise<InvitationLookup> {
  const invitation = await withPlatform((tx) => tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { tenant: { select: { name: true } } },
  }));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < new Date()) return { state: "invalid" };
  return { state: "valid", id: invitation.id, tenantId: invitation.tenantId, tenantName: invitation.tenant.name, email: invitation.email, role: invitation.role };
}

/** The signed-in person accepts: they must be the person the invitation was sent to. */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<string> {
  const invitation = await findInvitation(token);
  if (invitation.state !== "valid") throw new ActionError("invitationInvalid");
  if (normaliseEmail(user.email) !== invitation.email) throw new ActionError("invitationOtherEmail");
  await withTenant(invitation.tenantId, async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, tenantId: invitation.tenantId, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new ActionError("invitationInvalid");
    await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: invitation.tenantId, userId: user.id } },
      create: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, invitation.tenantId, {
      actorType: "user",
      actorId: user.id,
      actorLabel: user.email,
      action: "team.invitation_accepted",
      targetType: "invitation",
      targetId: invitation.id,
      details: { role: invitation.role },
    });
  });
  return invitation.tenantId;
}
