"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeRole, invite, removeMember, revoke } from "@/app/[locale]/admin/team/actions";
import { FormMessage, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { idle } from "@/lib/action-state";

type RoleOption = { value: string; label: string };

export function InviteForm({ locale, roles }: { locale: string; roles: RoleOption[] }) {
  const t = useTranslations("Console.team");
  const [state, action] = useActionState(invite, idle);
  return (
    <form action={action} className="grid max-w-2xl gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <div className="sm:col-span-3">
        <FormMessage state={state} success={t("invited")} />
      </div>
      <TextField name="email" type="email" label={t("inviteEmail")} state={state} required />
      <SelectField name="role" label={t("inviteRole")} state={state} options={roles} defaultValue="EDITOR" />
      <SubmitButton>{t("inviteSubmit")}</SubmitButton>
    </form>
  );
}

export function MemberRoleForm({ locale, membershipId, email, role, roles }: { locale: string; membershipId: string; email: string; role: string; roles: RoleOption[] }) {
  const t = useTranslations("Console.team");
  const [state, action] = useActionState(changeRole, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <SelectField name="role" id={`role-${membershipId}`} label={t("roleOf", { email })} state={state} options={roles} defaultValue={role} />
      <SubmitButton variant="secondary">{t("saveRole")}</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} success={t("roleSaved")} />
      </div>
    </form>
  );
}

export function RemoveMemberForm({ locale, membershipId, email }: { locale: string; membershipId: string; email: string }) {
  const t = useTranslations("Console.team");
  const [state, action] = useActionState(removeMember, idle);
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <SubmitButton variant="danger">{t("remove", { email })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RevokeInvitationForm({ locale, invitationId, email }: { locale: string; invitationId: string; email: string }) {
  const t = useTranslations("Console.team");
  const [state, action] = useActionState(revoke, idle);
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary">{t("revoke", { email })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
