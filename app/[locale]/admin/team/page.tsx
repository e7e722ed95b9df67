import type { Metadata } from "next";
import { ConsoleShell } from "@/components/console/console-shell";
import { InviteForm, MemberRoleForm, RemoveMemberForm, RevokeInvitationForm } from "@/components/console/team-forms";
import { HeadedSection } from "@/components/headed-section";
import { can, canAssignRole, roles } from "@/lib/auth/permissions";
import { requireConsole } from "@/lib/console/context";
import { listTeam } from "@/lib/console/team";
import { formatDate, translator } from "@/lib/i18n/messages";
import { localeParam } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: translator(await localeParam(params))("Console.team.title") };
}

export default async function TeamPage({ params }: Props) {
  const locale = await localeParam(params);
  const context = await requireConsole(locale, "tenant.view", `/${locale}/admin/team`);
  const t = translator(locale);
  const { members, invitations } = await listTeam(context.tenant.id);
  const manages = can(context.role, "team.manage");
  const assignable = roles.filter((r) => canAssignRole(context.role, null, r)).map((r) => ({ value: r, label: t(`Console.roles.${r}`) }));
  return (
    <ConsoleShell context={context} locale={locale} section="team">
      <div className="space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("Console.team.title")}</h1>
          <p className="max-w-3xl text-muted">{t("Console.team.intro")}</p>
        </div>
        <HeadedSection id="members-heading" title={t("Console.team.members")}>
          <ul className="divide-y divide-gray-300 rounded border border-line" data-testid="members">
            {members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-end justify-between gap-3 p-3" data-testid={`member-${member.email}`}>
                <div>
                  <p className="font-semibold">{member.email}</p>
                  <p className="text-sm text-muted">{t(`Console.roles.${member.role}`)}</p>
                </div>
                {manages && canAssignRole(context.role, member.role, member.role) && (
                  <div className="flex flex-wrap items-end gap-3">
                    <MemberRoleForm locale={locale} membershipId={member.id} email={member.email} role={member.role} roles={assignable} />
                    <RemoveMemberForm locale={locale} membershipId={member.id} email={member.email} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </HeadedSection>
        {manages && (
          <HeadedSection id="invite-heading" title={t("Console.team.inviteTitle")}>
            <p className="text-muted">{t("Console.team.inviteIntro")}</p>
            <InviteForm locale={locale} roles={assignable} />
            {invitations.length > 0 && (
              <>
                <h3 className="text-lg font-semibold">{t("Console.team.pending")}</h3>
                <ul className="divide-y divide-gray-300 rounded border border-line" data-testid="invitations">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                      <span>
                        {invitation.email} · {t(`Console.roles.${invitation.role}`)} ·{" "}
                        {t("Console.team.expires", { date: formatDate(invitation.expiresAt, locale) })}
                      </span>
                      <RevokeInvitationForm locale={locale} invitationId={invitation.id} email={invitation.email} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </HeadedSection>
        )}
      </div>
    </ConsoleShell>
  );
}
